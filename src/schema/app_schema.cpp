// appSchemaJson and defaultValuesJson (registry_internal.hpp): the relations and app-side
// defaults of the declared schema, which the snapshot does not carry, for drizzle-kit studio.
#include <algorithm>
#include <charconv>

#include <nlohmann/json.hpp>

#include "drizzle/query/codec.hpp"
#include "schema/registry_internal.hpp"

namespace drizzle::detail {

namespace {

using Json = nlohmann::json;

const TableDef* tableOf(const void* owner) {
    for (const TableDef& t : registry().tables)
        if (t.owner == owner) return &t;
    return nullptr;
}

std::string columnOf(const TableDef& t, const MemberRef& member) {
    for (const ColumnSpec& c : t.columns)
        if (c.member.offset == member.offset) return std::string(c.name);
    return {};
}

// A bound value as the studio's API spells it (src/studio/catalog.hpp).
Json valueText(const driver::Param& p) {
    if (std::holds_alternative<std::nullptr_t>(p)) return nullptr;
    if (const auto* i = std::get_if<std::int64_t>(&p)) return std::to_string(*i);
    if (const auto* d = std::get_if<double>(&p)) {
        char buffer[32];
        const auto end = std::to_chars(buffer, buffer + sizeof buffer, *d).ptr;
        return std::string(buffer, end);
    }
    if (const auto* s = std::get_if<std::string>(&p)) return *s;
    return driver::encodeHex(std::get<driver::Bytes>(p).data);
}

}  // namespace

std::string appSchemaJson() {
    Json relations = Json::array(), defaults = Json::array();
    for (const OneLink& link : registeredOnes()) {
        const TableDef* from = tableOf(link.from);
        const TableDef* to = tableOf(link.to);
        if (!from || !to) continue;
        Json entry{{"schema", from->schema}, {"table", from->name}, {"name", link.name},
                   {"target", {{"schema", to->schema}, {"table", to->name}}}, {"columns", Json::array()}, {"references", Json::array()}};
        for (std::uint8_t i = 0; i < link.columnCount; ++i) {
            entry["columns"].push_back(columnOf(*from, link.fields[i]));
            entry["references"].push_back(columnOf(*to, link.references[i]));
        }
        if (std::find(relations.begin(), relations.end(), entry) == relations.end()) relations.push_back(std::move(entry));
    }
    // Columns whose mode or values the SQL type does not show (SQLite's boolean and timestamp
    // integers, JSON text, text enums).
    Json columns = Json::array();
    for (const TableDef& t : registry().tables)
        for (const ColumnSpec& c : t.columns) {
            if (c.defaultFn) defaults.push_back({{"schema", t.schema}, {"table", t.name}, {"column", c.name}});
            if (c.args.mode.empty() && c.args.valueCount == 0) continue;
            Json column{{"schema", t.schema}, {"table", t.name}, {"column", c.name}, {"mode", c.args.mode}, {"values", Json::array()}};
            for (std::size_t i = 0; i < c.args.valueCount; ++i) column["values"].push_back(c.args.values[i]);
            columns.push_back(std::move(column));
        }
    return Json{{"relations", relations}, {"defaultFns", defaults}, {"columns", columns}}.dump();
}

std::string defaultValuesJson(std::string_view schema, std::string_view table) {
    Json values = Json::object();
    for (const TableDef& t : registry().tables)
        if (t.name == table && t.schema == schema)
            for (const ColumnSpec& c : t.columns)
                if (c.defaultFn && c.codec) values[std::string(c.name)] = valueText(c.codec->produce(c.defaultFn));
    return values.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace drizzle::detail

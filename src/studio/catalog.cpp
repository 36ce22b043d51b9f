// Catalog (catalog.hpp): the schema model's tables and views as the studio serves them.
#include "studio/catalog.hpp"

#include <algorithm>
#include <cctype>

#include "drizzle/dialect.hpp"

namespace drizzle::kit::studio {

namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// MySQL's enum('a','b''c') values, as written in the type.
std::vector<std::string> mysqlEnumValues(std::string_view type) {
    std::vector<std::string> values;
    std::size_t i = type.find('(');
    while (i != std::string_view::npos && (i = type.find('\'', i + 1)) != std::string_view::npos) {
        std::string value;
        for (++i; i < type.size(); ++i) {
            if (type[i] == '\'' && i + 1 < type.size() && type[i + 1] == '\'') value += type[++i];
            else if (type[i] == '\'') break;
            else value += type[i];
        }
        values.push_back(std::move(value));
    }
    return values;
}

// The kind of a column from its SQL type as the model spells it ("varchar(256)", "integer[]").
ValueKind kindOfType(const std::string& sqlType) {
    const std::string type = lower(sqlType);
    if (type.size() > 2 && type.compare(type.size() - 2, 2, "[]") == 0) return ValueKind::array;
    const std::string base = type.substr(0, type.find('('));
    auto is = [&](std::initializer_list<std::string_view> names) {
        return std::any_of(names.begin(), names.end(), [&](std::string_view n) { return base.rfind(n, 0) == 0; });
    };
    if (base == "boolean" || base == "bool" || type == "tinyint(1)") return ValueKind::boolean;
    if (base == "enum") return ValueKind::enumeration;
    if (is({"smallint", "integer", "int", "bigint", "tinyint", "mediumint", "serial", "bigserial", "smallserial"}))
        return ValueKind::integer;
    if (is({"numeric", "decimal", "real", "double", "float"})) return ValueKind::number;
    if (is({"json"})) return ValueKind::json;
    if (is({"bytea", "blob", "binary", "varbinary", "tinyblob", "mediumblob", "longblob"})) return ValueKind::binary;
    if (is({"date", "time", "timestamp", "datetime", "year", "interval"})) return ValueKind::date;
    return ValueKind::text;
}

// The primary key's columns of a table, or none.
std::vector<std::string> primaryKey(const model::Table& t) {
    std::vector<std::string> key;
    for (const auto& c : t.columns)
        if (c.primaryKey) key.push_back(c.name);
    if (key.empty() && !t.compositePrimaryKeys.empty()) key = t.compositePrimaryKeys.front().columns;
    return key;
}

}  // namespace

std::string_view kindName(ValueKind kind) {
    switch (kind) {
        case ValueKind::text: return "text";
        case ValueKind::integer: return "integer";
        case ValueKind::number: return "number";
        case ValueKind::boolean: return "boolean";
        case ValueKind::json: return "json";
        case ValueKind::binary: return "binary";
        case ValueKind::date: return "date";
        case ValueKind::enumeration: return "enum";
        case ValueKind::array: return "array";
    }
    return "text";
}

std::string stringField(const nlohmann::json& request, const char* key, const std::string& fallback) {
    if (!request.contains(key) || request[key].is_null()) return fallback;
    if (!request[key].is_string()) throw BadRequest(400, std::string("\"") + key + "\" must be a string");
    return request[key].get<std::string>();
}

const ColumnInfo& TableInfo::column(const std::string& wanted) const {
    for (const auto& c : columns)
        if (c.name == wanted) return c;
    throw BadRequest(400, "no column \"" + wanted + "\" in \"" + name + "\"");
}

Catalog::Catalog(const model::Schema& schema) : dialect_(schema.dialect) {
    const bool pg = dialect_ == Dialect::postgresql;
    auto schemaOf = [pg](const std::string& s) { return pg ? (s.empty() ? "public" : s) : std::string(); };
    auto describe = [&](const model::Column& c) {
        ColumnInfo info{.name = c.name, .type = c.type, .kind = kindOfType(c.type), .mode = {}, .notNull = c.notNull,
                        .primaryKey = c.primaryKey, .hasDefault = c.defaultValue.has_value() || c.identity.has_value() ||
                                                                  c.autoincrement.value_or(false) || c.type.find("serial") != std::string::npos,
                        .generated = c.generated.has_value(), .enumValues = {}};
        if (info.kind == ValueKind::enumeration) info.enumValues = mysqlEnumValues(c.type);
        // A PostgreSQL enum: the type is the enum's name (in typeSchema, or public).
        for (const auto& e : schema.enums)
            if (pg && e.name == c.type && e.schema == c.typeSchema.value_or("public")) {
                info.kind = ValueKind::enumeration;
                info.enumValues = e.values;
            }
        return info;
    };
    for (const auto& t : schema.tables) {
        TableInfo info{.schema = schemaOf(t.schema), .name = t.name, .kind = "table", .columns = {}, .key = primaryKey(t), .table = &t};
        for (const auto& c : t.columns) info.columns.push_back(describe(c));
        for (auto& c : info.columns)
            c.primaryKey = std::find(info.key.begin(), info.key.end(), c.name) != info.key.end();
        tables_.push_back(std::move(info));
    }
    for (const auto& v : schema.views) {
        TableInfo info{.schema = schemaOf(v.schema), .name = v.name, .kind = v.materialized ? "materialized view" : "view",
                       .columns = {}, .key = {}, .table = nullptr};
        for (const auto& c : v.columns) info.columns.push_back(describe(c));
        tables_.push_back(std::move(info));
    }
}

void Catalog::refine(const std::string& schema, const std::string& table, const std::string& column, const std::string& mode,
                     const std::vector<std::string>& values) {
    const std::string wanted = dialect_ == Dialect::postgresql && schema.empty() ? "public" : schema;
    for (auto& t : tables_)
        if (t.name == table && t.schema == wanted)
            for (auto& c : t.columns)
                if (c.name == column) {
                    c.mode = mode;
                    if (mode == "boolean") c.kind = ValueKind::boolean;
                    else if (mode == "json") c.kind = ValueKind::json;
                    if (!values.empty() && c.kind == ValueKind::text) {
                        c.kind = ValueKind::enumeration;
                        c.enumValues = values;
                    }
                }
}

const TableInfo& Catalog::find(const std::string& schemaName, const std::string& name) const {
    const bool pg = dialect_ == Dialect::postgresql;
    const std::string wanted = pg ? (schemaName.empty() ? "public" : schemaName) : "";
    for (const auto& t : tables_)
        if (t.name == name && t.schema == wanted) return t;
    throw BadRequest(404, "no table or view \"" + name + "\"" + (pg ? " in schema \"" + wanted + "\"" : "") + " in the schema");
}

driver::Param Catalog::toParam(const ColumnInfo& column, const std::string& value) const {
    if (column.kind == ValueKind::boolean) {
        const std::string v = lower(value);
        const bool yes = v == "true" || v == "t" || v == "1";
        if (!yes && v != "false" && v != "f" && v != "0")
            throw BadRequest(400, "\"" + column.name + "\" takes true or false, not \"" + value + "\"");
        if (dialect_ == Dialect::postgresql) return std::string(yes ? "true" : "false");
        return std::int64_t{yes ? 1 : 0};
    }
    if (column.kind == ValueKind::binary) {
        driver::Bytes bytes;
        if (!driver::decodeHex(value, bytes.data))
            throw BadRequest(400, "\"" + column.name + "\" takes hex digits (\\x00ff), not \"" + value + "\"");
        return bytes;
    }
    return value;
}

std::optional<std::string> Catalog::read(const ColumnInfo& column, const driver::Cursor& cursor, std::size_t index) const {
    if (cursor.isNull(index)) return std::nullopt;
    if (column.kind == ValueKind::binary) return driver::encodeHex(cursor.bytes(index));
    const std::string_view text = cursor.text(index);
    if (column.kind == ValueKind::boolean) return std::string(text == "f" || text == "0" || text == "false" ? "false" : "true");
    return std::string(text);
}

}  // namespace drizzle::kit::studio

// buildRowQuery (row_query.hpp).
#include "studio/row_query.hpp"

#include <algorithm>

#include "drizzle/dialect.hpp"
#include "studio/edits.hpp"

namespace drizzle::kit::studio {

namespace {

using Json = nlohmann::json;

std::string text(const Json& request, const char* key, const std::string& fallback = "") {
    if (!request.contains(key) || request[key].is_null()) return fallback;
    if (!request[key].is_string()) throw BadRequest(400, std::string("\"") + key + "\" must be a string");
    return request[key].get<std::string>();
}

std::size_t count(const Json& request, const char* key, std::size_t fallback, std::size_t most) {
    if (!request.contains(key)) return fallback;
    if (!request[key].is_number_unsigned()) throw BadRequest(400, std::string("\"") + key + "\" must be a whole number");
    return std::min<std::size_t>(request[key].get<std::size_t>(), most);
}

// The table or view the request names, as the model has it: its columns and primary key.
struct Target {
    std::string schema, name;
    std::vector<std::string> columns, key;
};

Target findTarget(const model::Schema& schema, const std::string& schemaName, const std::string& name) {
    const bool pg = schema.dialect == Dialect::postgresql;
    const std::string wanted = pg ? (schemaName.empty() ? "public" : schemaName) : "";
    auto same = [&](const std::string& s) { return !pg || (s.empty() ? "public" : s) == wanted; };
    Target target;
    for (const auto& t : schema.tables)
        if (t.name == name && same(t.schema)) {
            target = {pg ? wanted : "", t.name, {}, {}};
            for (const auto& c : t.columns) target.columns.push_back(c.name);
            target.key = primaryKey(t);
            return target;
        }
    for (const auto& v : schema.views)
        if (v.name == name && same(v.schema)) {
            target = {pg ? wanted : "", v.name, {}, {}};
            for (const auto& c : v.columns) target.columns.push_back(c.name);
            return target;
        }
    throw BadRequest(404, "no table or view \"" + name + "\"" + (pg ? " in schema \"" + wanted + "\"" : "") + " in the schema");
}

}  // namespace

RowQuery buildRowQuery(const model::Schema& schema, const Json& request) {
    if (!request.is_object()) throw BadRequest(400, "the request must be a JSON object");
    const Dialect d = schema.dialect;
    const Target target = findTarget(schema, text(request, "schema"), text(request, "table"));
    const auto q = [d](const std::string& name) { return quoteIdentifier(d, name); };
    const auto column = [&](const std::string& name) -> std::string {
        if (std::find(target.columns.begin(), target.columns.end(), name) == target.columns.end())
            throw BadRequest(400, "no column \"" + name + "\" in \"" + target.name + "\"");
        return q(name);
    };

    RowQuery out;
    out.columns = target.columns;
    const std::string from = " FROM " + quoteTableName(d, target.schema, target.name);
    std::string where;
    const auto bind = [&](std::string value) {
        out.params.emplace_back(std::move(value));
        return std::string("?");  // the PostgreSQL driver numbers them
    };
    const Json filters = request.value("filters", Json::array());
    if (!filters.is_array()) throw BadRequest(400, "\"filters\" must be a list");
    for (const auto& f : filters) {
        if (!f.is_object()) throw BadRequest(400, "each filter must be an object");
        const std::string col = column(text(f, "column"));
        const std::string op = text(f, "op");
        std::string condition;
        if (op == "isNull") condition = col + " IS NULL";
        else if (op == "notNull") condition = col + " IS NOT NULL";
        else if (op == "eq" || op == "ne" || op == "lt" || op == "gt") {
            const char* sign = op == "eq" ? " = " : op == "ne" ? " <> " : op == "lt" ? " < " : " > ";
            condition = col + sign + bind(text(f, "value"));
        } else if (op == "contains") {
            std::string pattern;  // the value itself, its wildcards escaped
            for (char c : text(f, "value")) {
                if (c == '%' || c == '_' || c == '!') pattern += '!';
                pattern += c;
            }
            const std::string asText = d == Dialect::mysql ? "CAST(" + col + " AS CHAR)" : "CAST(" + col + " AS TEXT)";
            condition = asText + " LIKE " + bind("%" + pattern + "%") + " ESCAPE '!'";
        } else if (op == "in") {
            if (!f.contains("values") || !f["values"].is_array() || f["values"].empty())
                throw BadRequest(400, "\"in\" needs a non-empty list of \"values\"");
            std::string list;
            for (const auto& v : f["values"]) {
                if (!v.is_string()) throw BadRequest(400, "each of \"values\" must be a string");
                list += (list.empty() ? "" : ", ") + bind(v.get<std::string>());
            }
            condition = col + " IN (" + list + ")";
        } else {
            throw BadRequest(400, "unknown filter op \"" + op + "\" (eq, ne, lt, gt, contains, isNull, notNull, in)");
        }
        where += (where.empty() ? " WHERE " : " AND ") + condition;
    }

    std::string order;
    if (request.contains("sort") && !request["sort"].is_null()) {
        const Json& sort = request["sort"];
        if (!sort.is_object()) throw BadRequest(400, "\"sort\" must be an object");
        order = column(text(sort, "column")) + (sort.value("desc", false) ? " DESC" : " ASC");
    }
    for (const auto& k : target.key) order += (order.empty() ? "" : ", ") + q(k);
    const std::size_t limit = count(request, "limit", 50, kMaxPageRows);
    const std::size_t offset = count(request, "offset", 0, SIZE_MAX);

    std::string select;
    for (const auto& c : target.columns) select += (select.empty() ? "" : ", ") + q(c);
    out.sql = "SELECT " + select + from + where + (order.empty() ? "" : " ORDER BY " + order) + " LIMIT " +
              std::to_string(limit) + " OFFSET " + std::to_string(offset);
    out.countSql = "SELECT count(*)" + from + where;
    return out;
}

}  // namespace drizzle::kit::studio

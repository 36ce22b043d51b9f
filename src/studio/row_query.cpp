// buildRowQuery (row_query.hpp).
#include "studio/row_query.hpp"

#include <algorithm>

#include "drizzle/dialect.hpp"

namespace drizzle::kit::studio {

namespace {

using Json = nlohmann::json;

std::size_t count(const Json& request, const char* key, std::size_t fallback, std::size_t most) {
    if (!request.contains(key)) return fallback;
    if (!request[key].is_number_unsigned()) throw BadRequest(400, std::string("\"") + key + "\" must be a whole number");
    return std::min<std::size_t>(request[key].get<std::size_t>(), most);
}

}  // namespace

RowQuery buildRowQuery(const Catalog& catalog, const Json& request, bool wholeResult) {
    if (!request.is_object()) throw BadRequest(400, "the request must be a JSON object");
    const Dialect d = catalog.dialect();
    const TableInfo& target = catalog.find(stringField(request, "schema"), stringField(request, "table"));
    const auto q = [d](const std::string& name) { return quoteIdentifier(d, name); };

    RowQuery out;
    out.target = &target;
    for (const auto& c : target.columns) out.columns.push_back(&c);
    std::vector<driver::Param> params;
    const auto bind = [&](const ColumnInfo& column, const std::string& value) {
        params.push_back(catalog.toParam(column, value));
        return std::string("?");  // the PostgreSQL driver numbers them
    };

    std::string where;
    const Json filters = request.value("filters", Json::array());
    if (!filters.is_array()) throw BadRequest(400, "\"filters\" must be a list");
    for (const auto& f : filters) {
        if (!f.is_object()) throw BadRequest(400, "each filter must be an object");
        const ColumnInfo& column = target.column(stringField(f, "column"));
        const std::string col = q(column.name);
        const std::string op = stringField(f, "op");
        std::string condition;
        if (op == "isNull") condition = col + " IS NULL";
        else if (op == "notNull") condition = col + " IS NOT NULL";
        else if (op == "eq" || op == "ne" || op == "lt" || op == "gt") {
            const char* sign = op == "eq" ? " = " : op == "ne" ? " <> " : op == "lt" ? " < " : " > ";
            condition = col + sign + bind(column, stringField(f, "value"));
        } else if (op == "contains") {
            std::string pattern;  // the value itself, its wildcards escaped
            for (char c : stringField(f, "value")) {
                if (c == '%' || c == '_' || c == '!') pattern += '!';
                pattern += c;
            }
            const std::string asText = d == Dialect::mysql ? "CAST(" + col + " AS CHAR)" : "CAST(" + col + " AS TEXT)";
            params.emplace_back("%" + pattern + "%");
            condition = asText + " LIKE ? ESCAPE '!'";
        } else if (op == "in") {
            if (!f.contains("values") || !f["values"].is_array() || f["values"].empty())
                throw BadRequest(400, "\"in\" needs a non-empty list of \"values\"");
            std::string list;
            for (const auto& v : f["values"]) {
                if (!v.is_string()) throw BadRequest(400, "each of \"values\" must be a string");
                list += (list.empty() ? "" : ", ") + bind(column, v.get<std::string>());
            }
            condition = col + " IN (" + list + ")";
        } else {
            throw BadRequest(400, "unknown filter op \"" + op + "\" (eq, ne, lt, gt, contains, isNull, notNull, in)");
        }
        where += (where.empty() ? " WHERE " : " AND ") + condition;
    }
    const std::string from = " FROM " + quoteTableName(d, target.schema, target.name);
    out.countSql = "SELECT count(*)" + from + where;
    out.countParams = params;

    // The order: the sort column, then the key, all in the sort's direction, so that one row
    // comparison continues it.
    const ColumnInfo* sort = nullptr;
    bool desc = false;
    if (request.contains("sort") && !request["sort"].is_null()) {
        const Json& s = request["sort"];
        if (!s.is_object()) throw BadRequest(400, "\"sort\" must be an object");
        sort = &target.column(stringField(s, "column"));
        if (s.contains("desc") && !s["desc"].is_null() && !s["desc"].is_boolean())
            throw BadRequest(400, "\"sort\".\"desc\" must be true or false");
        desc = s.contains("desc") && s["desc"].is_boolean() && s["desc"].get<bool>();
    }
    std::vector<std::string> order;
    if (sort) order.push_back(sort->name);
    for (const auto& k : target.key)
        if (std::find(order.begin(), order.end(), k) == order.end()) order.push_back(k);
    if (!target.key.empty() && (!sort || sort->notNull || sort->primaryKey)) out.cursorColumns = order;

    std::string orderBy;
    for (const auto& c : order) orderBy += (orderBy.empty() ? " ORDER BY " : ", ") + q(c) + (desc ? " DESC" : "");

    std::size_t offset = count(request, "offset", 0, SIZE_MAX);
    if (request.contains("after") && !request["after"].is_null()) {
        const Json& after = request["after"];
        if (out.cursorColumns.empty())
            throw BadRequest(400, "\"after\" needs a table with a primary key and a sort column without NULLs; use \"offset\"");
        if (!after.is_object() || after.size() != out.cursorColumns.size())
            throw BadRequest(400, "\"after\" must give the last row's values of: " + [&] {
                std::string names;
                for (const auto& c : out.cursorColumns) names += (names.empty() ? "" : ", ") + c;
                return names;
            }());
        for (const auto& c : out.cursorColumns)
            if (!after.contains(c) || !after[c].is_string()) throw BadRequest(400, "\"after\" lacks the text of \"" + c + "\"");
        const auto value = [&](const std::string& c) { return bind(target.column(c), after[c].get<std::string>()); };
        // Led by the first column's own bound: MariaDB reads a range of the index for that,
        // where the row comparison alone made it scan (8 s a page of a million rows).
        std::string condition;
        if (order.size() > 1) condition = q(order.front()) + (desc ? " <= " : " >= ") + value(order.front()) + " AND ";
        std::string left, right;
        for (const auto& c : out.cursorColumns) {
            left += (left.empty() ? "" : ", ") + q(c);
            right += (right.empty() ? "" : ", ") + value(c);
        }
        condition += order.size() == 1 ? left + (desc ? " < " : " > ") + right
                                       : "(" + left + ")" + (desc ? " < " : " > ") + "(" + right + ")";
        where += (where.empty() ? " WHERE " : " AND ") + condition;
        offset = 0;
    }

    std::string select;
    for (const auto& c : target.columns) select += (select.empty() ? "" : ", ") + q(c.name);
    out.sql = "SELECT " + select + from + where + orderBy;
    if (!wholeResult) {
        out.limit = count(request, "limit", 50, kMaxPageRows);
        out.sql += " LIMIT " + std::to_string(out.limit + 1) + (offset ? " OFFSET " + std::to_string(offset) : "");
    }
    out.params = std::move(params);
    return out;
}

}  // namespace drizzle::kit::studio

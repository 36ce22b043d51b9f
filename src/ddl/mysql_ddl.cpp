// MySQL: the statements that create a schema, as Drizzle Kit 0.31 writes them: tables (with
// primary key, unique and check constraints inline), then foreign keys, indexes and views.
#include <algorithm>
#include <cctype>

#include "ddl/ddl_internal.hpp"

namespace drizzle::kit::ddl::detail {
namespace {

using namespace model;

std::string q(std::string_view name) { return quoteName(name, '`'); }

std::string lowerTypeName(std::string_view type) {
    std::string out;
    for (char c : type) {
        if (c == '(' || c == ' ') break;
        out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return out;
}

// MySQL accepts a default on these types only as an expression in parentheses. Drizzle Kit's
// snapshots wrap text, blob and json defaults already; the other spellings would fail.
bool needsExpressionDefault(std::string_view type) {
    static constexpr std::string_view types[] = {
        "tinytext",   "text",       "mediumtext", "longtext",        "tinyblob",    "blob",
        "mediumblob", "longblob",   "json",       "geometry",        "point",       "linestring",
        "polygon",    "multipoint", "multilinestring", "multipolygon", "geometrycollection"};
    std::string name = lowerTypeName(type);
    for (auto t : types)
        if (name == t) return true;
    return false;
}

// "timestamp(3)" -> "3"; "" when the type has no fractional seconds precision.
std::string fractionalPrecision(std::string_view type) {
    std::string name = lowerTypeName(type);
    if (name != "timestamp" && name != "datetime") return "";
    auto open = type.find('('), close = type.find(')');
    if (open == std::string_view::npos || close == std::string_view::npos || close < open) return "";
    std::string fsp(type.substr(open + 1, close - open - 1));
    return fsp == "0" ? "" : fsp;
}

std::string columnDefinition(const Column& c) {
    std::string out = "\t" + q(c.name) + " " + c.type;
    // SERIAL already means AUTO_INCREMENT; MariaDB rejects Drizzle Kit's "serial AUTO_INCREMENT".
    if (c.autoincrement.value_or(false) && lowerTypeName(c.type) != "serial") out += " AUTO_INCREMENT";
    if (c.primaryKey) out += " PRIMARY KEY";
    if (c.generated) {
        std::string kind = c.generated->type == "virtual" ? "VIRTUAL" : "STORED";
        out += " GENERATED ALWAYS AS (" + c.generated->as + ") " + kind;
    }
    if (c.notNull) out += " NOT NULL";
    if (c.defaultValue) {
        const auto& d = *c.defaultValue;
        std::string value = d.kind == DefaultValue::Kind::json ? stringLiteral(d.text) : d.text;
        if (needsExpressionDefault(c.type) && !isParenthesized(value)) value = "(" + value + ")";
        out += " DEFAULT " + value;
    }
    if (c.onUpdate.value_or(false)) {
        // MySQL requires the column's own precision here: timestamp(3) takes
        // CURRENT_TIMESTAMP(3), and rejects the bare CURRENT_TIMESTAMP Drizzle Kit writes.
        std::string fsp = fractionalPrecision(c.type);
        out += " ON UPDATE CURRENT_TIMESTAMP" + (fsp.empty() ? "" : "(" + fsp + ")");
    }
    return out;
}

std::string indexColumns(const Internal& internal, const Index& idx) {
    std::string out;
    for (std::size_t i = 0; i < idx.columns.size(); ++i) {
        if (i > 0) out += ",";
        const auto& c = idx.columns[i];
        out += isExpressionColumn(internal, idx, c) ? c.expression : q(c.expression);
    }
    return out;
}

std::string createTable(const Internal& internal, const Table& t) {
    std::string out = "CREATE TABLE " + q(t.name) + " (\n";
    for (std::size_t i = 0; i < t.columns.size(); ++i) {
        if (i > 0) out += ",\n";
        out += columnDefinition(t.columns[i]);
    }
    if (!t.compositePrimaryKeys.empty()) {
        const auto& pk = t.compositePrimaryKeys.front();
        out += ",\n\tCONSTRAINT " + q(pk.name) + " PRIMARY KEY(" + quotedList(pk.columns, '`', ",") + ")";
    }
    // Unique indexes are written as unique constraints after the declared ones, as Drizzle Kit
    // does; a unique index named like a constraint takes the constraint's place.
    std::vector<std::pair<std::string, std::string>> uniques;
    for (const auto& u : t.uniqueConstraints) uniques.emplace_back(u.name, quotedList(u.columns, '`', ","));
    for (const auto& idx : t.indexes) {
        if (!idx.isUnique) continue;
        auto columns = indexColumns(internal, idx);
        auto same = std::find_if(uniques.begin(), uniques.end(), [&](const auto& u) { return u.first == idx.name; });
        if (same != uniques.end()) same->second = columns;
        else uniques.emplace_back(idx.name, columns);
    }
    for (const auto& [name, columns] : uniques) out += ",\n\tCONSTRAINT " + q(name) + " UNIQUE(" + columns + ")";
    for (const auto& c : t.checks) out += ",\n\tCONSTRAINT " + q(c.name) + " CHECK(" + c.value + ")";
    out += "\n);\n";
    return out;
}

std::string createForeignKey(const Table& t, const ForeignKey& fk) {
    std::string out = "ALTER TABLE " + q(t.name) + " ADD CONSTRAINT " + q(fk.name) + " FOREIGN KEY (" +
                      quotedList(fk.columnsFrom, '`', ",") + ") REFERENCES " + q(fk.tableTo) + "(" +
                      quotedList(fk.columnsTo, '`', ",") + ")";
    if (fk.onDelete && !fk.onDelete->empty()) out += " ON DELETE " + *fk.onDelete;
    if (fk.onUpdate && !fk.onUpdate->empty()) out += " ON UPDATE " + *fk.onUpdate;
    return out + ";";
}

// Drizzle Kit drops a declared USING, ALGORITHM and LOCK; we write them, since the schema asked
// for them (MySQL and MariaDB both take this order).
std::string upper(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

std::string createIndex(const Internal& internal, const Table& t, const Index& idx) {
    std::string out = "CREATE INDEX " + q(idx.name);
    if (idx.using_) out += " USING " + upper(*idx.using_);
    out += " ON " + q(t.name) + " (" + indexColumns(internal, idx) + ")";
    if (idx.algorithm) out += " ALGORITHM=" + upper(*idx.algorithm);
    if (idx.lock) out += " LOCK=" + upper(*idx.lock);
    return out + ";";
}

std::string createView(const View& v) {
    std::string out = "CREATE ";
    if (v.algorithm && !v.algorithm->empty()) out += "ALGORITHM = " + *v.algorithm + "\n";
    if (v.sqlSecurity && !v.sqlSecurity->empty()) out += "SQL SECURITY " + *v.sqlSecurity + "\n";
    out += "VIEW " + q(v.name) + " AS (" + viewDefinition(v, q(v.name)) + ")";
    if (v.withCheckOption && !v.withCheckOption->empty()) out += "\nWITH " + *v.withCheckOption + " CHECK OPTION";
    return out + ";";
}

}  // namespace

std::vector<std::string> mysqlCreateStatements(const Schema& schema) {
    std::vector<std::string> out;
    for (const auto& t : schema.tables) out.push_back(createTable(schema.internal, t));
    for (const auto& t : schema.tables)
        for (const auto& fk : t.foreignKeys) out.push_back(createForeignKey(t, fk));
    for (const auto& t : schema.tables)
        for (const auto& idx : t.indexes)
            if (!idx.isUnique) out.push_back(createIndex(schema.internal, t, idx));
    for (const auto& v : schema.views)
        if (!v.isExisting) out.push_back(createView(v));
    return out;
}

// Exported for the differ (ddl_internal.hpp).
std::string mysqlColumnDefinition(const Column& c) { return columnDefinition(c).substr(1); }
std::string mysqlCreateTable(const Internal& internal, const Table& t) { return createTable(internal, t); }
std::string mysqlCreateForeignKey(const Table& t, const ForeignKey& fk) { return createForeignKey(t, fk); }
std::string mysqlCreateIndex(const Internal& internal, const Table& t, const Index& idx) {
    return createIndex(internal, t, idx);
}
std::string mysqlIndexColumns(const Internal& internal, const Index& idx) { return indexColumns(internal, idx); }
std::string mysqlCreateView(const View& v) { return createView(v); }

}  // namespace drizzle::kit::ddl::detail

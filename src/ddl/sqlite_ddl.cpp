// SQLite: the statements that create a schema, as Drizzle Kit 0.31 writes them. Foreign keys,
// primary keys and checks live inside CREATE TABLE (SQLite cannot add them later); each table is
// followed by its indexes, and views come last.
#include "ddl/ddl_internal.hpp"

namespace drizzle::kit::ddl::detail {
namespace {

using namespace model;

std::string q(std::string_view name) { return quoteName(name, '`'); }

std::string upper(std::string s) {
    for (char& c : s)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return s;
}

std::string columnDefinition(const Column& c) {
    std::string out = "\t" + q(c.name) + " " + c.type;
    if (c.primaryKey) out += " PRIMARY KEY";
    if (c.autoincrement.value_or(false)) out += " AUTOINCREMENT";
    if (c.defaultValue) {
        const auto& d = *c.defaultValue;
        out += " DEFAULT " + (d.kind == DefaultValue::Kind::json ? stringLiteral(d.text) : d.text);
    }
    if (c.generated) {
        // Snapshots keep SQLite's generated expressions parenthesized; one that is not would
        // not parse, so it gets its parentheses here.
        const auto& as = c.generated->as;
        out += " GENERATED ALWAYS AS " + (isParenthesized(as) ? as : "(" + as + ")") + " " +
               upper(c.generated->type);
    }
    if (c.notNull) out += " NOT NULL";
    return out;
}

std::string createTable(const Table& t) {
    std::string out = "CREATE TABLE " + q(t.name) + " (\n";
    for (std::size_t i = 0; i < t.columns.size(); ++i) {
        if (i > 0) out += ",\n";
        out += columnDefinition(t.columns[i]);
    }
    for (const auto& pk : t.compositePrimaryKeys) out += ",\n\tPRIMARY KEY(" + quotedList(pk.columns, '`', ", ") + ")";
    for (const auto& fk : t.foreignKeys) {
        out += ",\n\tFOREIGN KEY (" + quotedList(fk.columnsFrom, '`', ",") + ") REFERENCES " + q(fk.tableTo) + "(" +
               quotedList(fk.columnsTo, '`', ",") + ")";
        if (fk.onUpdate && !fk.onUpdate->empty()) out += " ON UPDATE " + *fk.onUpdate;
        if (fk.onDelete && !fk.onDelete->empty()) out += " ON DELETE " + *fk.onDelete;
    }
    // Drizzle Kit prints a unique constraint's name bare; it is quoted here like every other name.
    for (const auto& u : t.uniqueConstraints)
        out += ",\n\tCONSTRAINT " + q(u.name) + " UNIQUE(" + quotedList(u.columns, '`', ",") + ")";
    for (const auto& c : t.checks) out += ",\n\tCONSTRAINT " + quoteName(c.name, '"') + " CHECK(" + c.value + ")";
    out += "\n);\n";
    return out;
}

std::string createIndex(const Internal& internal, const Table& t, const Index& idx) {
    std::string columns;
    for (std::size_t i = 0; i < idx.columns.size(); ++i) {
        if (i > 0) columns += ",";
        const auto& c = idx.columns[i];
        columns += isExpressionColumn(internal, idx, c) ? c.expression : q(c.expression);
    }
    std::string out = std::string("CREATE ") + (idx.isUnique ? "UNIQUE INDEX " : "INDEX ") + q(idx.name) + " ON " +
                      q(t.name) + " (" + columns + ")";
    if (idx.where && !idx.where->empty()) out += " WHERE " + *idx.where;
    return out + ";";
}

}  // namespace

std::vector<std::string> sqliteCreateStatements(const Schema& schema) {
    std::vector<std::string> out;
    for (const auto& t : schema.tables) {
        out.push_back(createTable(t));
        for (const auto& idx : t.indexes) out.push_back(createIndex(schema.internal, t, idx));
    }
    for (const auto& v : schema.views)
        if (!v.isExisting) out.push_back("CREATE VIEW " + q(v.name) + " AS " + viewDefinition(v, q(v.name)) + ";");
    return out;
}

// Exported for the differ (ddl_internal.hpp).
std::string sqliteColumnDefinition(const Column& c) { return columnDefinition(c).substr(1); }
std::string sqliteCreateTable(const Table& t) { return createTable(t); }
std::string sqliteCreateIndex(const Internal& internal, const Table& t, const Index& idx) {
    return createIndex(internal, t, idx);
}

}  // namespace drizzle::kit::ddl::detail

// SQLite: the statements of each change the differ found (src/diff/sqlite_diff.cpp decides),
// in Drizzle Kit's spelling. What ALTER TABLE cannot do is a rebuild: a new table, the rows
// copied, the old one dropped and the new one renamed, with foreign keys off meanwhile.
#include <stdexcept>

#include "ddl/ddl_internal.hpp"
#include "drizzle/kit/ddl.hpp"

namespace drizzle::kit::ddl::detail {
namespace {

using namespace model;

std::string q(std::string_view name) { return ddl::quoteIdentifier(Dialect::sqlite, name); }

std::vector<std::string> rebuild(const Schema& to, const Change& c) {
    const Table& b = the<Table>(c.after);
    std::vector<std::string> out{"PRAGMA foreign_keys=OFF;"};
    Table fresh = b;
    fresh.name = "__new_" + b.name;
    // A check qualified with its table ("t"."age" > 0, as Drizzle writes them) must name the new
    // table while it is built; the RENAME below turns the qualifier back into "t".
    for (auto& check : fresh.checks)
        for (const std::string& old : {"\"" + b.name + "\".", "`" + b.name + "`."})
            for (auto at = check.value.find(old); at != std::string::npos;
                 at = check.value.find(old, at + fresh.name.size() + 3))
                check.value.replace(at, old.size(), old.front() + fresh.name + old.front() + ".");
    out.push_back(sqliteCreateTable(fresh));
    const std::string columns = quotedList(c.columns, '`', ", ");
    if (!c.columns.empty())
        out.push_back("INSERT INTO " + q(fresh.name) + "(" + columns + ") SELECT " + columns + " FROM " + q(b.name) + ";");
    out.push_back("DROP TABLE " + q(b.name) + ";");
    out.push_back("ALTER TABLE " + q(fresh.name) + " RENAME TO " + q(b.name) + ";");
    out.push_back("PRAGMA foreign_keys=ON;");
    for (const auto& idx : b.indexes) out.push_back(sqliteCreateIndex(to.internal, b, idx));
    return out;
}

}  // namespace

std::vector<std::string> sqliteChangeStatements(const Change& c, const Schema& to) {
    using K = ChangeKind;
    switch (c.kind) {
        case K::createTable: return {sqliteCreateTable(the<Table>(c.after))};
        case K::dropTable: return {"DROP TABLE " + q(c.table) + ";"};
        case K::renameTable: return {"ALTER TABLE " + q(c.oldName) + " RENAME TO " + q(c.table) + ";"};
        case K::renameColumn:
            return {"ALTER TABLE " + q(c.table) + " RENAME COLUMN " + q(c.oldName) + " TO " + q(c.name) + ";"};
        case K::rebuildTable: return rebuild(to, c);
        case K::addColumn: return {"ALTER TABLE " + q(c.table) + " ADD " + sqliteColumnDefinition(the<Column>(c.after)) + ";"};
        case K::dropColumn: return {"ALTER TABLE " + q(c.table) + " DROP COLUMN " + q(c.name) + ";"};
        case K::createIndex: return {sqliteCreateIndex(to.internal, changedTable(to, c), the<Index>(c.after))};
        case K::dropIndex: return {"DROP INDEX " + q(c.name) + ";"};
        case K::createView: {
            const View& v = the<View>(c.after);
            return {"CREATE VIEW " + q(v.name) + " AS " + viewDefinition(v, q(v.name)) + ";"};
        }
        case K::dropView: return {"DROP VIEW " + q(c.name) + ";"};
        default: break;
    }
    throw std::logic_error("SQLite has no statement for a " + std::string(changeKindName(c.kind)) + " change");
}

}  // namespace drizzle::kit::ddl::detail

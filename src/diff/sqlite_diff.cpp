// SQLite: the statements that turn one schema into another. What ALTER TABLE can do (rename a
// table or column, add or drop a plain column) is done in place; any other change to a table
// (a column's type, nullability, default or generation, its keys, foreign keys, checks or unique
// constraints) rebuilds it as Drizzle Kit does: a new table, the rows copied, the old one dropped.
#include <algorithm>

#include "ddl/ddl_internal.hpp"
#include "diff/diff_internal.hpp"
#include "drizzle/kit/ddl.hpp"

namespace drizzle::kit::diff::detail {
namespace {

using namespace model;
using namespace ddl::detail;

std::string q(std::string_view name) { return ddl::quoteIdentifier(Dialect::sqlite, name); }

template <class T>
bool sameSet(const std::vector<T>& a, const std::vector<T>& b) {
    if (a.size() != b.size()) return false;
    return std::all_of(a.begin(), a.end(), [&](const T& x) { return std::find(b.begin(), b.end(), x) != b.end(); });
}

// Foreign keys compared without the name of the table they belong to (it may have been renamed).
bool sameForeignKeys(std::vector<ForeignKey> a, std::vector<ForeignKey> b) {
    for (auto* list : {&a, &b})
        for (auto& fk : *list) fk.tableFrom.clear();
    return sameSet(a, b);
}

bool needsRebuild(const TableMatch& m) {
    const Table& a = *m.from;
    const Table& b = *m.to;
    for (auto [o, n] : m.columns.pairs) {
        Column x = a.columns[o];
        x.name = b.columns[n].name;
        if (!(x == b.columns[n])) return true;
    }
    for (auto n : m.columns.created) {
        const Column& c = b.columns[n];
        // ADD COLUMN takes neither a key, a NOT NULL without default, nor a stored generated column.
        if (c.primaryKey || (c.notNull && !c.defaultValue) || (c.generated && c.generated->type == "stored"))
            return true;
    }
    return !sameForeignKeys(a.foreignKeys, b.foreignKeys) || !sameSet(a.compositePrimaryKeys, b.compositePrimaryKeys) ||
           !sameSet(a.checks, b.checks) || !sameSet(a.uniqueConstraints, b.uniqueConstraints);
}

std::vector<std::string> rebuild(const Schema& to, const TableMatch& m) {
    const Table& a = *m.from;
    const Table& b = *m.to;
    std::vector<std::string> out{"PRAGMA foreign_keys=OFF;"};
    Table fresh = b;
    fresh.name = "__new_" + b.name;
    // A check qualified with its table ("t"."age" > 0, as Drizzle writes them) must name the new
    // table while it is built; the RENAME below turns the qualifier back into "t".
    for (auto& c : fresh.checks)
        for (const std::string& old : {"\"" + b.name + "\".", "`" + b.name + "`."})
            for (auto at = c.value.find(old); at != std::string::npos; at = c.value.find(old, at + fresh.name.size() + 3))
                c.value.replace(at, old.size(), old.front() + fresh.name + old.front() + ".");
    out.push_back(sqliteCreateTable(fresh));
    std::vector<std::string> copied;
    for (auto [o, n] : m.columns.pairs)
        if (!b.columns[n].generated && !a.columns[o].generated) copied.push_back(b.columns[n].name);
    std::string columns = quotedList(copied, '`', ", ");
    if (!copied.empty())
        out.push_back("INSERT INTO " + q(fresh.name) + "(" + columns + ") SELECT " + columns + " FROM " + q(b.name) + ";");
    out.push_back("DROP TABLE " + q(b.name) + ";");
    out.push_back("ALTER TABLE " + q(fresh.name) + " RENAME TO " + q(b.name) + ";");
    out.push_back("PRAGMA foreign_keys=ON;");
    for (const auto& idx : b.indexes) out.push_back(sqliteCreateIndex(to.internal, b, idx));
    return out;
}


}  // namespace

void sqliteDiff(const Schema& from, const Schema& to, const SchemaMatch& m, const Renames&, Result& out) {
    std::vector<std::string> createTables, dropTables, renames, dropIndexes, rebuilds, addColumns, addIndexes,
        dropColumns, dropViews, createViews;
    for (const Table* t : m.createdTables) {
        createTables.push_back(sqliteCreateTable(*t));
        for (const auto& idx : t->indexes) createTables.push_back(sqliteCreateIndex(to.internal, *t, idx));
    }
    for (const Table* t : m.droppedTables) {
        dropTables.push_back("DROP TABLE " + q(t->name) + ";");
        out.dataLossWarnings.push_back("table " + q(t->name) + " is dropped with its data");
    }
    for (const auto& tm : m.tables) {
        const Table& a = *tm.from;
        const Table& b = *tm.to;
        if (a.name != b.name) renames.push_back("ALTER TABLE " + q(a.name) + " RENAME TO " + q(b.name) + ";");
        for (auto [o, n] : tm.columns.pairs)
            if (a.columns[o].name != b.columns[n].name)
                renames.push_back("ALTER TABLE " + q(b.name) + " RENAME COLUMN " + q(a.columns[o].name) + " TO " +
                                  q(b.columns[n].name) + ";");
        for (auto o : tm.columns.dropped)
            out.dataLossWarnings.push_back("column " + q(b.name) + "." + q(a.columns[o].name) + " is dropped with its data");
        if (needsRebuild(tm)) {
            for (auto [o, n] : tm.columns.pairs)
                if (a.columns[o].type != b.columns[n].type)
                    out.dataLossWarnings.push_back("column " + q(b.name) + "." + q(b.columns[n].name) + " changes type from " +
                                                   a.columns[o].type + " to " + b.columns[n].type);
            auto statements = rebuild(to, tm);
            rebuilds.insert(rebuilds.end(), statements.begin(), statements.end());
            continue;
        }
        for (const auto& idx : a.indexes) {
            const Index* now = byName(b.indexes, idx.name);
            if (!now || !(*now == idx)) dropIndexes.push_back("DROP INDEX " + q(idx.name) + ";");
        }
        for (auto n : tm.columns.created)
            addColumns.push_back("ALTER TABLE " + q(b.name) + " ADD " + sqliteColumnDefinition(b.columns[n]) + ";");
        for (const auto& idx : b.indexes) {
            const Index* before = byName(a.indexes, idx.name);
            if (!before || !(*before == idx)) addIndexes.push_back(sqliteCreateIndex(to.internal, b, idx));
        }
        for (auto o : tm.columns.dropped)
            dropColumns.push_back("ALTER TABLE " + q(b.name) + " DROP COLUMN " + q(a.columns[o].name) + ";");
    }
    for (auto o : m.views.dropped)
        if (!from.views[o].isExisting) dropViews.push_back("DROP VIEW " + q(from.views[o].name) + ";");
    auto createView = [&](const View& v) {
        return "CREATE VIEW " + q(v.name) + " AS " + viewDefinition(v, q(v.name)) + ";";
    };
    for (auto n : m.views.created)
        if (!to.views[n].isExisting) createViews.push_back(createView(to.views[n]));
    for (auto [o, n] : m.views.pairs) {
        View a = from.views[o];
        const View& b = to.views[n];
        if (a.isExisting || b.isExisting) continue;
        a.columns = b.columns;
        if (a == b) continue;
        dropViews.push_back("DROP VIEW " + q(a.name) + ";");
        createViews.push_back(createView(b));
    }
    for (const auto* phase : {&createTables, &dropTables, &renames, &dropIndexes, &rebuilds, &addColumns, &addIndexes,
                              &dropColumns, &dropViews, &createViews})
        out.statements.insert(out.statements.end(), phase->begin(), phase->end());
}

}  // namespace drizzle::kit::diff::detail

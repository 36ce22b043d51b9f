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

// The columns a rebuild copies: those on both sides, unless either side generates them.
std::vector<std::string> copiedColumns(const TableMatch& m) {
    std::vector<std::string> out;
    for (auto [o, n] : m.columns.pairs)
        if (!m.to->columns[n].generated && !m.from->columns[o].generated) out.push_back(m.to->columns[n].name);
    return out;
}

}  // namespace

void sqliteDiff(const Schema& from, const Schema& to, const SchemaMatch& m, const Renames&, Result& out) {
    using K = ChangeKind;
    std::vector<Change> createTables, dropTables, renames, dropIndexes, rebuilds, addColumns, addIndexes, dropColumns,
        dropViews, createViews;
    for (const Table* t : m.createdTables) {
        createTables.push_back(change(K::createTable, t->name, t->name, {}, *t));
        for (const auto& idx : t->indexes) createTables.push_back(change(K::createIndex, t->name, idx.name, {}, idx));
    }
    for (const Table* t : m.droppedTables) {
        dropTables.push_back(change(K::dropTable, t->name, t->name, *t));
        out.dataLossWarnings.push_back("table " + q(t->name) + " is dropped with its data");
    }
    for (const auto& tm : m.tables) {
        const Table& a = *tm.from;
        const Table& b = *tm.to;
        if (a.name != b.name) {
            renames.push_back(change(K::renameTable, b.name, b.name));
            renames.back().oldName = a.name;
        }
        for (auto [o, n] : tm.columns.pairs)
            if (a.columns[o].name != b.columns[n].name) {
                renames.push_back(change(K::renameColumn, b.name, b.columns[n].name, a.columns[o], b.columns[n]));
                renames.back().oldName = a.columns[o].name;
            }
        for (auto o : tm.columns.dropped)
            out.dataLossWarnings.push_back("column " + q(b.name) + "." + q(a.columns[o].name) + " is dropped with its data");
        if (needsRebuild(tm)) {
            for (auto [o, n] : tm.columns.pairs)
                if (a.columns[o].type != b.columns[n].type)
                    out.dataLossWarnings.push_back("column " + q(b.name) + "." + q(b.columns[n].name) + " changes type from " +
                                                   a.columns[o].type + " to " + b.columns[n].type);
            rebuilds.push_back(change(K::rebuildTable, b.name, b.name, a, b));
            rebuilds.back().columns = copiedColumns(tm);
            continue;
        }
        for (const auto& idx : a.indexes) {
            const Index* now = byName(b.indexes, idx.name);
            if (!now || !(*now == idx)) dropIndexes.push_back(change(K::dropIndex, b.name, idx.name, idx));
        }
        for (auto n : tm.columns.created)
            addColumns.push_back(change(K::addColumn, b.name, b.columns[n].name, {}, b.columns[n]));
        for (const auto& idx : b.indexes) {
            const Index* before = byName(a.indexes, idx.name);
            if (!before || !(*before == idx)) addIndexes.push_back(change(K::createIndex, b.name, idx.name, {}, idx));
        }
        for (auto o : tm.columns.dropped)
            dropColumns.push_back(change(K::dropColumn, b.name, a.columns[o].name, a.columns[o]));
    }
    for (auto o : m.views.dropped)
        if (!from.views[o].isExisting) dropViews.push_back(change(K::dropView, from.views[o].name, from.views[o].name, from.views[o]));
    for (auto n : m.views.created)
        if (!to.views[n].isExisting) createViews.push_back(change(K::createView, to.views[n].name, to.views[n].name, {}, to.views[n]));
    for (auto [o, n] : m.views.pairs) {
        View a = from.views[o];
        const View& b = to.views[n];
        if (a.isExisting || b.isExisting) continue;
        a.columns = b.columns;
        if (a == b) continue;
        dropViews.push_back(change(K::dropView, a.name, a.name, from.views[o]));
        createViews.push_back(change(K::createView, b.name, b.name, {}, b));
    }
    for (auto* phase : {&createTables, &dropTables, &renames, &dropIndexes, &rebuilds, &addColumns, &addIndexes,
                        &dropColumns, &dropViews, &createViews})
        for (auto& c : *phase) out.changes.push_back(std::move(c));
}

}  // namespace drizzle::kit::diff::detail

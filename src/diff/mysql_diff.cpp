// MySQL and MariaDB: the statements that turn one schema into another, in Drizzle Kit's order
// and spelling; a changed column is rewritten whole with MODIFY COLUMN. Foreign keys are dropped
// before the tables they point to (MySQL refuses to drop a table a foreign key references).
#include <algorithm>

#include "ddl/ddl_internal.hpp"
#include "diff/diff_internal.hpp"
#include "drizzle/kit/ddl.hpp"

namespace drizzle::kit::diff::detail {
namespace {

using namespace model;
using namespace ddl::detail;

std::string q(std::string_view name) { return ddl::quoteIdentifier(Dialect::mysql, name); }



bool sameForeignKey(ForeignKey a, ForeignKey b) {
    a.tableFrom = b.tableFrom;
    return a == b;
}

// An index on `columns` can serve a foreign key on `keyColumns` when they are its first columns.
bool serves(const std::vector<std::string>& columns, const std::vector<std::string>& keyColumns) {
    return keyColumns.size() <= columns.size() && std::equal(keyColumns.begin(), keyColumns.end(), columns.begin());
}

std::vector<std::string> indexColumnNames(const Index& idx) {
    std::vector<std::string> out;
    for (const auto& c : idx.columns) out.push_back(c.isExpression ? "" : c.expression);
    return out;
}

// Dropped tables, those that others among them reference last.
std::vector<const Table*> dropOrder(std::vector<const Table*> tables) {
    std::vector<const Table*> out;
    while (!tables.empty()) {
        auto free = std::find_if(tables.begin(), tables.end(), [&](const Table* t) {
            return std::none_of(tables.begin(), tables.end(), [&](const Table* other) {
                return other != t && std::any_of(other->foreignKeys.begin(), other->foreignKeys.end(),
                                                 [&](const ForeignKey& fk) { return fk.tableTo == t->name; });
            });
        });
        if (free == tables.end()) free = tables.begin();  // a cycle: MySQL will say which key blocks it
        out.push_back(*free);
        tables.erase(free);
    }
    return out;
}

}  // namespace

namespace {

using K = ChangeKind;

// The changes of a MySQL migration, by phase, in the order they run.
struct MysqlPlan {
    std::vector<Change> createTables, dropForeignKeys, dropTables, renames, dropViews, dropUniques, dropChecks,
        dropIndexes, dropPrimaryKeys, alterColumns, addColumns, addUniques, createdForeignKeys, createdIndexes,
        addChecks, addForeignKeys, addIndexes, dropColumns, addPrimaryKeys, createViews;
    void appendTo(std::vector<Change>& out) {
        for (auto* phase : {&createTables, &dropForeignKeys, &dropTables, &renames, &dropViews, &dropUniques,
                            &dropChecks, &dropIndexes, &dropPrimaryKeys, &alterColumns, &addColumns, &addUniques,
                            &createdForeignKeys, &createdIndexes, &addChecks, &addForeignKeys, &addIndexes,
                            &dropColumns, &addPrimaryKeys, &createViews})
            for (auto& c : *phase) out.push_back(std::move(c));
    }
};

Change rename(ChangeKind kind, const std::string& table, const std::string& oldName, const std::string& newName) {
    Change c = change(kind, table, newName);
    c.oldName = oldName;
    return c;
}

// The keys of `a` that can serve a foreign key (their columns first), and whether they go.
std::vector<std::pair<std::vector<std::string>, bool>> keysOf(const TableMatch& tm) {
    const Table& a = *tm.from;
    const Table& b = *tm.to;
    std::vector<std::pair<std::vector<std::string>, bool>> keys;
    for (const auto& i : a.indexes) {
        const Index* now = byName(b.indexes, i.name);
        keys.emplace_back(indexColumnNames(i), !now || !(*now == i));
    }
    for (const auto& u : a.uniqueConstraints) {
        const Unique* now = byName(b.uniqueConstraints, u.name);
        keys.emplace_back(u.columns, !now || !(*now == u));
    }
    for (const auto& k : a.compositePrimaryKeys) {
        const PrimaryKey* now = byName(b.compositePrimaryKeys, k.name);
        keys.emplace_back(k.columns, !now || !(*now == k));
    }
    for (auto [o, n] : tm.columns.pairs)
        if (a.columns[o].primaryKey) keys.emplace_back(std::vector{a.columns[o].name}, !b.columns[n].primaryKey);
    for (auto o : tm.columns.dropped)
        if (a.columns[o].primaryKey) keys.emplace_back(std::vector{a.columns[o].name}, true);
    return keys;
}

void diffForeignKeys(MysqlPlan& p, const TableMatch& tm) {
    const Table& a = *tm.from;
    const Table& b = *tm.to;
    const auto keys = keysOf(tm);
    for (const auto& fk : a.foreignKeys) {
        const ForeignKey* now = byName(b.foreignKeys, fk.name);
        // MySQL refuses to drop the last index a foreign key can use (error 1553): such a key is
        // dropped before the index and added again after it (ADD CONSTRAINT finds or makes one).
        bool losesIndex = false;
        if (now && sameForeignKey(fk, *now)) {
            bool dropped = false, kept = false;
            for (const auto& [columns, goes] : keys)
                if (serves(columns, fk.columnsFrom)) (goes ? dropped : kept) = true;
            losesIndex = dropped && !kept;
        }
        if (!now || !sameForeignKey(fk, *now) || losesIndex)
            p.dropForeignKeys.push_back(change(K::dropForeignKey, a.name, fk.name, fk));
        if (losesIndex) p.addForeignKeys.push_back(change(K::addForeignKey, b.name, now->name, fk, *now));
    }
    for (const auto& fk : b.foreignKeys) {
        const ForeignKey* before = byName(a.foreignKeys, fk.name);
        if (!before || !sameForeignKey(*before, fk)) p.addForeignKeys.push_back(change(K::addForeignKey, b.name, fk.name, {}, fk));
    }
}

// One table present on both sides: renames, keys, checks, indexes and columns.
void diffTable(MysqlPlan& p, Result& out, const TableMatch& tm) {
    const Table& a = *tm.from;
    const Table& b = *tm.to;
    if (a.name != b.name) p.renames.push_back(rename(K::renameTable, b.name, a.name, b.name));
    for (auto [o, n] : tm.columns.pairs)
        if (a.columns[o].name != b.columns[n].name)
            p.renames.push_back(rename(K::renameColumn, b.name, a.columns[o].name, b.columns[n].name));
    byNameDiff(a.uniqueConstraints, b.uniqueConstraints,
               [&](const Unique& u) { p.dropUniques.push_back(change(K::dropUnique, b.name, u.name, u)); },
               [&](const Unique& u) { p.addUniques.push_back(change(K::addUnique, b.name, u.name, {}, u)); });
    byNameDiff(a.checks, b.checks, [&](const Check& c) { p.dropChecks.push_back(change(K::dropCheck, b.name, c.name, c)); },
               [&](const Check& c) { p.addChecks.push_back(change(K::addCheck, b.name, c.name, {}, c)); });
    diffForeignKeys(p, tm);
    byNameDiff(a.indexes, b.indexes,
               [&](const Index& i) { p.dropIndexes.push_back(change(K::dropIndex, b.name, i.name, i)); },
               [&](const Index& i) { p.addIndexes.push_back(change(K::createIndex, b.name, i.name, {}, i)); });
    byNameDiff(a.compositePrimaryKeys, b.compositePrimaryKeys,
               [&](const PrimaryKey& k) { p.dropPrimaryKeys.push_back(change(K::dropPrimaryKey, b.name, k.name, k)); },
               [&](const PrimaryKey& k) { p.addPrimaryKeys.push_back(change(K::addPrimaryKey, b.name, k.name, {}, k)); });
    for (auto [o, n] : tm.columns.pairs) {
        Column x = a.columns[o];
        Column y = b.columns[n];
        if (x.primaryKey && !y.primaryKey)
            p.dropPrimaryKeys.push_back(change(K::dropPrimaryKey, b.name, "", PrimaryKey{"", {y.name}}));
        const bool newKey = !x.primaryKey && y.primaryKey;
        x.name = y.name;
        x.primaryKey = y.primaryKey;
        if (!(x == y)) {
            p.alterColumns.push_back(change(K::alterColumn, b.name, y.name, a.columns[o], b.columns[n]));
            if (x.type != y.type)
                out.dataLossWarnings.push_back("column " + q(b.name) + "." + q(y.name) + " changes type from " + x.type +
                                               " to " + y.type);
        }
        if (newKey) p.addPrimaryKeys.push_back(change(K::addPrimaryKey, b.name, "", {}, PrimaryKey{"", {y.name}}));
    }
    for (auto n : tm.columns.created)
        p.addColumns.push_back(change(K::addColumn, b.name, b.columns[n].name, {}, b.columns[n]));
    for (auto o : tm.columns.dropped) {
        p.dropColumns.push_back(change(K::dropColumn, b.name, a.columns[o].name, a.columns[o]));
        out.dataLossWarnings.push_back("column " + q(b.name) + "." + q(a.columns[o].name) + " is dropped with its data");
    }
}

// Views: a changed view is dropped and created again.
void diffViews(MysqlPlan& p, const Schema& from, const Schema& to, const SchemaMatch& m) {
    for (auto o : m.views.dropped)
        if (!from.views[o].isExisting)
            p.dropViews.push_back(change(K::dropView, from.views[o].name, from.views[o].name, from.views[o]));
    for (auto n : m.views.created)
        if (!to.views[n].isExisting)
            p.createViews.push_back(change(K::createView, to.views[n].name, to.views[n].name, {}, to.views[n]));
    for (auto [o, n] : m.views.pairs) {
        View a = from.views[o];
        const View& b = to.views[n];
        if (a.isExisting || b.isExisting) continue;
        if (a.name != b.name) p.renames.push_back(rename(K::renameView, b.name, a.name, b.name));
        a.name = b.name;
        a.columns = b.columns;
        if (a == b) continue;
        p.dropViews.push_back(change(K::dropView, b.name, b.name, from.views[o]));
        p.createViews.push_back(change(K::createView, b.name, b.name, {}, b));
    }
}

}  // namespace

void mysqlDiff(const Schema& from, const Schema& to, const SchemaMatch& m, const Renames&, Result& out) {
    MysqlPlan p;
    for (const Table* t : m.createdTables) {
        p.createTables.push_back(change(K::createTable, t->name, t->name, {}, *t));
        for (const auto& fk : t->foreignKeys) p.createdForeignKeys.push_back(change(K::addForeignKey, t->name, fk.name, {}, fk));
        for (const auto& idx : t->indexes)
            if (!idx.isUnique) p.createdIndexes.push_back(change(K::createIndex, t->name, idx.name, {}, idx));
    }
    for (const Table* t : dropOrder(m.droppedTables)) {
        p.dropTables.push_back(change(K::dropTable, t->name, t->name, *t));
        out.dataLossWarnings.push_back("table " + q(t->name) + " is dropped with its data");
    }
    for (const auto& tm : m.tables) diffTable(p, out, tm);
    diffViews(p, from, to, m);
    p.appendTo(out.changes);
}

}  // namespace drizzle::kit::diff::detail

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

// The statements of a MySQL migration, by phase, in the order they run.
struct MysqlPlan {
    std::vector<std::string> createTables, dropForeignKeys, dropTables, renames, dropViews, dropUniques, dropChecks,
        dropIndexes, dropPrimaryKeys, alterColumns, addColumns, addUniques, createdForeignKeys, createdIndexes,
        addChecks, addForeignKeys, addIndexes, dropColumns, addPrimaryKeys, createViews;
    std::vector<std::string> statements() const {
        std::vector<std::string> out;
        for (const auto* phase : {&createTables, &dropForeignKeys, &dropTables, &renames, &dropViews, &dropUniques,
                                  &dropChecks, &dropIndexes, &dropPrimaryKeys, &alterColumns, &addColumns, &addUniques,
                                  &createdForeignKeys, &createdIndexes, &addChecks, &addForeignKeys, &addIndexes,
                                  &dropColumns, &addPrimaryKeys, &createViews})
            out.insert(out.end(), phase->begin(), phase->end());
        return out;
    }
};

std::string createIndexText(const Internal& internal, const Table& t, const Index& idx) {
    if (!idx.isUnique) return mysqlCreateIndex(internal, t, idx);
    return "CREATE UNIQUE INDEX " + q(idx.name) + " ON " + q(t.name) + " (" + mysqlIndexColumns(internal, idx) + ");";
}

// One table present on both sides: renames, keys, checks, indexes and columns.
void diffTable(MysqlPlan& p, Result& out, const TableMatch& tm, const Internal& internal) {
    const Table& a = *tm.from;
    const Table& b = *tm.to;
    if (a.name != b.name) p.renames.push_back("RENAME TABLE " + q(a.name) + " TO " + q(b.name) + ";");
    for (auto [o, n] : tm.columns.pairs)
        if (a.columns[o].name != b.columns[n].name)
            p.renames.push_back("ALTER TABLE " + q(b.name) + " RENAME COLUMN " + q(a.columns[o].name) + " TO " +
                              q(b.columns[n].name) + ";");
    std::string table = "ALTER TABLE " + q(b.name) + " ";
    byNameDiff(a.uniqueConstraints, b.uniqueConstraints,
               [&](const Unique& u) { p.dropUniques.push_back(table + "DROP INDEX " + q(u.name) + ";"); },
               [&](const Unique& u) {
                   p.addUniques.push_back(table + "ADD CONSTRAINT " + q(u.name) + " UNIQUE(" + quotedList(u.columns, '`', ",") + ");");
               });
    byNameDiff(a.checks, b.checks, [&](const Check& c) { p.dropChecks.push_back(table + "DROP CONSTRAINT " + q(c.name) + ";"); },
               [&](const Check& c) { p.addChecks.push_back(table + "ADD CONSTRAINT " + q(c.name) + " CHECK (" + c.value + ");"); });
    // The keys of `a` that can serve a foreign key (its columns first), and whether they go.
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
            p.dropForeignKeys.push_back("ALTER TABLE " + q(a.name) + " DROP FOREIGN KEY " + q(fk.name) + ";\n");
        if (losesIndex) p.addForeignKeys.push_back(mysqlCreateForeignKey(b, *now));
    }
    for (const auto& fk : b.foreignKeys) {
        const ForeignKey* before = byName(a.foreignKeys, fk.name);
        if (!before || !sameForeignKey(*before, fk)) p.addForeignKeys.push_back(mysqlCreateForeignKey(b, fk));
    }
    byNameDiff(a.indexes, b.indexes,
               [&](const Index& i) { p.dropIndexes.push_back("DROP INDEX " + q(i.name) + " ON " + q(b.name) + ";"); },
               [&](const Index& i) { p.addIndexes.push_back(createIndexText(internal, b, i)); });
    byNameDiff(a.compositePrimaryKeys, b.compositePrimaryKeys,
               [&](const PrimaryKey&) { p.dropPrimaryKeys.push_back(table + "DROP PRIMARY KEY;"); },
               [&](const PrimaryKey& k) {
                   p.addPrimaryKeys.push_back(table + "ADD PRIMARY KEY(" + quotedList(k.columns, '`', ",") + ");");
               });
    for (auto [o, n] : tm.columns.pairs) {
        Column x = a.columns[o];
        Column y = b.columns[n];
        if (x.primaryKey && !y.primaryKey) p.dropPrimaryKeys.push_back(table + "DROP PRIMARY KEY;");
        bool newKey = !x.primaryKey && y.primaryKey;
        x.name = y.name;
        x.primaryKey = y.primaryKey = false;
        if (!(x == y)) {
            p.alterColumns.push_back(table + "MODIFY COLUMN " + mysqlColumnDefinition(y) + ";");
            if (x.type != y.type)
                out.dataLossWarnings.push_back("column " + q(b.name) + "." + q(y.name) + " changes type from " + x.type +
                                               " to " + y.type);
        }
        if (newKey) p.addPrimaryKeys.push_back(table + "ADD PRIMARY KEY(" + q(y.name) + ");");
    }
    for (auto n : tm.columns.created) p.addColumns.push_back(table + "ADD " + mysqlColumnDefinition(b.columns[n]) + ";");
    for (auto o : tm.columns.dropped) {
        p.dropColumns.push_back(table + "DROP COLUMN " + q(a.columns[o].name) + ";");
        out.dataLossWarnings.push_back("column " + q(b.name) + "." + q(a.columns[o].name) + " is dropped with its data");
    }
}

// Views: a changed view is dropped and created again.
void diffViews(MysqlPlan& p, const Schema& from, const Schema& to, const SchemaMatch& m) {
    for (auto o : m.views.dropped)
        if (!from.views[o].isExisting) p.dropViews.push_back("DROP VIEW " + q(from.views[o].name) + ";");
    for (auto n : m.views.created)
        if (!to.views[n].isExisting) p.createViews.push_back(mysqlCreateView(to.views[n]));
    for (auto [o, n] : m.views.pairs) {
        View a = from.views[o];
        const View& b = to.views[n];
        if (a.isExisting || b.isExisting) continue;
        if (a.name != b.name) p.renames.push_back("RENAME TABLE " + q(a.name) + " TO " + q(b.name) + ";");
        a.name = b.name;
        a.columns = b.columns;
        if (a == b) continue;
        p.dropViews.push_back("DROP VIEW " + q(b.name) + ";");
        p.createViews.push_back(mysqlCreateView(b));
    }
}

}  // namespace

void mysqlDiff(const Schema& from, const Schema& to, const SchemaMatch& m, const Renames&, Result& out) {
    MysqlPlan p;
    for (const Table* t : m.createdTables) {
        p.createTables.push_back(mysqlCreateTable(to.internal, *t));
        for (const auto& fk : t->foreignKeys) p.createdForeignKeys.push_back(mysqlCreateForeignKey(*t, fk));
        for (const auto& idx : t->indexes)
            if (!idx.isUnique) p.createdIndexes.push_back(createIndexText(to.internal, *t, idx));
    }
    for (const Table* t : dropOrder(m.droppedTables)) {
        p.dropTables.push_back("DROP TABLE " + q(t->name) + ";");
        out.dataLossWarnings.push_back("table " + q(t->name) + " is dropped with its data");
    }
    for (const auto& tm : m.tables) diffTable(p, out, tm, to.internal);
    diffViews(p, from, to, m);
    const std::vector<std::string> statements = p.statements();
    out.statements.insert(out.statements.end(), statements.begin(), statements.end());
}

}  // namespace drizzle::kit::diff::detail

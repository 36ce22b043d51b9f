// Internal to the differ: which objects of `from` and `to` are the same object (by name or by a
// rename decision), and the per-dialect statement writers that work from that matching.
#pragma once

#include <string>
#include <vector>

#include "drizzle/kit/diff.hpp"

namespace drizzle::kit::diff::detail {

// Objects of one kind, matched by key: `pairs` holds indexes into the old and new collections of
// the same object (renamed when the keys differ), `created` and `dropped` the rest.
struct Matched {
    std::vector<std::pair<std::size_t, std::size_t>> pairs;
    std::vector<std::size_t> created, dropped;
};

// Matches `oldKeys` to `newKeys`: equal keys first, then the `renames` (old -> new). A rename
// naming a key that is missing on either side is an Error of `kind`.
Matched matchKeys(const std::vector<std::string>& oldKeys, const std::vector<std::string>& newKeys,
                  const std::vector<std::pair<std::string, std::string>>& renames, const std::string& kind);

struct TableMatch {
    const model::Table* from;
    const model::Table* to;
    Matched columns;  // indexes into from->columns and to->columns
};

struct SchemaMatch {
    Matched schemas, enums, sequences, views, roles;
    std::vector<const model::Table*> createdTables, droppedTables;
    std::vector<TableMatch> tables;  // tables in both, in `to` order
};

SchemaMatch match(const model::Schema& from, const model::Schema& to, const Renames& renames);

// Keys as `Renames` spells them.
std::string tableKey(Dialect dialect, const model::Table& table);

void pgDiff(const model::Schema& from, const model::Schema& to, const SchemaMatch& m, const Renames& renames,
            Result& out);
void sqliteDiff(const model::Schema& from, const model::Schema& to, const SchemaMatch& m, const Renames& renames,
            Result& out);
void mysqlDiff(const model::Schema& from, const model::Schema& to, const SchemaMatch& m, const Renames& renames,
            Result& out);

// A change of `kind` to the object `name` of `table` (see Change for what each field holds).
inline Change change(ChangeKind kind, std::string table, std::string name = {}, ChangedObject before = {},
                     ChangedObject after = {}) {
    return Change{kind, std::move(table), std::move(name), {}, {}, std::move(before), std::move(after), {}};
}

// The member of a named collection (columns, indexes, constraints, ...) called `name`, or null.
template <class T>
const T* byName(const std::vector<T>& items, const std::string& name) {
    for (const auto& item : items)
        if (item.name == name) return &item;
    return nullptr;
}

// Added, dropped and changed members of a named collection: changed ones are dropped and added.
template <class T, class Drop, class Add>
void byNameDiff(const std::vector<T>& before, const std::vector<T>& after, Drop drop, Add add) {
    for (const auto& x : before) {
        const T* y = byName(after, x.name);
        if (!y || !(*y == x)) drop(x);
    }
    for (const auto& y : after) {
        const T* x = byName(before, y.name);
        if (!x || !(*x == y)) add(y);
    }
}

}  // namespace drizzle::kit::diff::detail

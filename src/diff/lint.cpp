// Changes that hold a lock on a table, or rewrite it, for as long as the table is big
// (diff::lockWarnings): what a review of a migration on a live database looks for.
#include <algorithm>
#include <set>

#include "diff/diff_internal.hpp"
#include "schema/column_types.hpp"

namespace drizzle::kit::diff {

namespace {

using K = ChangeKind;

std::string where(const Change& c) {
    return (c.schema.empty() ? "" : c.schema + ".") + c.table + (c.name.empty() || c.name == c.table ? "" : "." + c.name);
}

// A PostgreSQL type change that only relabels (varchar(n) -> text, varchar(n) -> varchar(m > n))
// keeps the table; any other rewrites it.
bool rewrites(const model::Column& a, const model::Column& b) {
    auto from = drizzle::detail::readType(Dialect::postgresql, a.type);
    auto to = drizzle::detail::readType(Dialect::postgresql, b.type);
    if (!from || !to || from->dimensions != to->dimensions) return true;
    const bool varcharFrom = from->type->name == "varchar" || from->type->name == "text";
    if (!varcharFrom) return true;
    if (to->type->name == "text") return false;
    return !(to->type->name == "varchar" && from->type->name == "varchar" &&
             (to->length < 0 || (from->length >= 0 && to->length >= from->length)));
}

}  // namespace

std::vector<std::string> lockWarnings(Dialect dialect, const std::vector<Change>& changes) {
    std::set<std::string> created;  // tables this migration creates: nothing to lock out yet
    for (const auto& c : changes)
        if (c.kind == K::createTable) created.insert(c.schema + "." + c.table);
    std::vector<std::string> out;
    for (const auto& c : changes) {
        if (created.count(c.schema + "." + c.table)) continue;
        if (dialect == Dialect::postgresql) {
            if (c.kind == K::setColumnType && rewrites(std::get<model::Column>(c.before), std::get<model::Column>(c.after)))
                out.push_back("column " + where(c) +
                              ": the type change rewrites the table, which no one can read or write until it is done");
            if (c.kind == K::setNotNull)
                out.push_back("column " + where(c) +
                              ": SET NOT NULL reads the whole table while it holds it locked against reads and writes");
            if (c.kind == K::createIndex && !std::get<model::Index>(c.after).concurrently)
                out.push_back("index " + c.name + " on " + c.table +
                              ": building it blocks writes to the table; on a big table build it CONCURRENTLY, in a "
                              "migration of its own whose first line is -- drizzle:no-transaction");
        }
        if (dialect == Dialect::mysql && c.kind == K::alterColumn &&
            std::get<model::Column>(c.before).type != std::get<model::Column>(c.after).type)
            out.push_back("column " + where(c) + ": the type change copies the table (ALGORITHM=COPY), blocking writes until it is done");
    }
    return out;
}

}  // namespace drizzle::kit::diff

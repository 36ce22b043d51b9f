// What a review of a migration on a live database looks for: changes that hold a lock on a table,
// or rewrite it, for as long as the table is big (diff::lockWarnings), and changes that succeed
// only if the rows allow them (diff::dataRiskWarnings), which push measures on the database.
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

std::vector<std::string> dataRiskWarnings(Dialect dialect, const std::vector<Change>& changes) {
    std::set<std::string> created;  // tables this migration creates: they hold no rows yet
    for (const auto& c : changes)
        if (c.kind == K::createTable) created.insert(c.schema + "." + c.table);
    std::vector<std::string> out;
    const auto keyOver = [&](const Change& c, const char* what, const std::vector<std::string>& columns) {
        std::string list;
        for (const auto& col : columns) list += (list.empty() ? "" : ", ") + col;
        out.push_back(std::string(what) + " over " + where(Change{c.kind, c.table, "", "", c.schema, {}, {}, {}}) + " (" +
                      list + "): rows with the same values fail the migration");
    };
    const auto nullsFail = [&](const Change& c, const std::string& column) {
        out.push_back("column " + where(Change{c.kind, c.table, column, "", c.schema, {}, {}, {}}) +
                      " becomes NOT NULL: rows holding NULL in it fail the migration");
    };
    for (const auto& c : changes) {
        if (created.count(c.schema + "." + c.table)) continue;
        switch (c.kind) {
            case K::setNotNull: nullsFail(c, c.name); break;
            case K::alterColumn:
                if (!std::get<model::Column>(c.before).notNull && std::get<model::Column>(c.after).notNull) nullsFail(c, c.name);
                break;
            case K::addColumn: {
                const auto& col = std::get<model::Column>(c.after);
                if (col.notNull && !col.defaultValue && !col.generated && !col.identity && !col.autoincrement.value_or(false) &&
                    col.type.find("serial") == std::string::npos)
                    out.push_back("column " + where(c) +
                                  " is added NOT NULL without a default: the migration fails if the table has rows" +
                                  (dialect == Dialect::mysql ? " (or, outside strict mode, fills them with zero values)" : ""));
                break;
            }
            case K::addUnique: keyOver(c, "a unique key", std::get<model::Unique>(c.after).columns); break;
            case K::addPrimaryKey: keyOver(c, "a primary key", std::get<model::PrimaryKey>(c.after).columns); break;
            case K::createIndex: {
                const auto& index = std::get<model::Index>(c.after);
                if (!index.isUnique) break;
                std::vector<std::string> columns;
                for (const auto& ic : index.columns) columns.push_back(ic.expression);
                keyOver(c, "a unique index", columns);
                break;
            }
            case K::dropSchema: out.push_back("schema " + c.name + " is dropped with every table in it"); break;
            case K::dropView:
                if (const auto* v = std::get_if<model::View>(&c.before); v && v->materialized)
                    out.push_back("materialized view " + where(Change{c.kind, c.name, "", "", c.schema, {}, {}, {}}) +
                                  " is dropped with its rows");
                break;
            case K::rebuildTable: {
                const auto& a = std::get<model::Table>(c.before);
                const auto& b = std::get<model::Table>(c.after);
                for (const auto& col : b.columns)
                    if (const auto* old = a.column(col.name); old && !old->notNull && col.notNull) nullsFail(c, col.name);
                break;
            }
            default: break;
        }
    }
    return out;
}

}  // namespace drizzle::kit::diff

// Internal to the PostgreSQL introspection (pg_*.cpp in this folder): the state the catalog
// sections share while they fill the model, the helpers that read their rows, and the sections
// that live in files of their own. introspectPg (pg_introspect.cpp) runs them in order.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>

#include <nlohmann/json.hpp>

#include "drizzle/driver/connection.hpp"
#include "drizzle/kit/introspect.hpp"

namespace drizzle::kit::pg_introspect {

using Key = std::pair<std::string, std::string>;  // (schema, name)

// What one introspection run shares between its catalog sections. Later sections read what
// earlier ones recorded (the tables found, the sequences the columns own, ...).
struct PgContext {
    PgContext(driver::Connection& connection, const IntrospectOptions& opts, Introspection& result, std::string selected)
        : db(connection), options(opts), out(result), schemas(std::move(selected)) {}

    driver::Connection& db;
    const IntrospectOptions& options;
    Introspection& out;
    std::string schemas;  // the selected schemas as a PostgreSQL text[] literal
    // (schema, name) -> position in out.schema.tables / views
    std::map<Key, std::size_t> tableIndex, viewIndex;
    std::set<Key> ownedSequences;  // sequences read as a serial column's, not on their own
    std::set<std::string> constraintIndexes;  // "schema.index" backing a constraint
};

// ---- reading catalog rows ------------------------------------------------------------------------
std::string lower(std::string s);
bool startsWith(const std::string& s, std::string_view p);
// True when the text is a plain number literal (-42, 1.5, 1e-3).
bool isNumber(const std::string& s);
std::string opt(const driver::Rows& r, std::size_t row, std::size_t col);
bool flag(const driver::Rows& r, std::size_t row, std::size_t col);
nlohmann::json js(const driver::Rows& r, std::size_t row, std::size_t col);
// storage parameter "fillfactor=70" -> ("fillfactor", "70") with a JSON literal value.
std::pair<std::string, std::string> splitOption(const std::string& o, bool camel);

// ---- catalog sections in files of their own, in the order introspectPg runs them ----------------
void readColumns(PgContext& ctx);      // pg_columns.cpp
void readConstraints(PgContext& ctx);  // pg_constraints.cpp
void readIndexes(PgContext& ctx);      // pg_constraints.cpp

// PostgreSQL objects outside the schema model (pg_unsupported.cpp): what uses them (checks,
// indexes, defaults and views that cannot be created from the model alone) is left out or kept
// as existing, and every such object is reported by kind and name, never dropped silently.
void reportOutsideTheModel(PgContext& ctx);

}  // namespace drizzle::kit::pg_introspect

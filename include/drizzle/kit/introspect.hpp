// Introspection: read a live database's catalog into the schema model (the first half of
// `drizzle-kit pull`). The catalog is the source (pg_catalog, sqlite_schema and the pragma_*
// functions, information_schema), never DDL text where the catalog answers, and the result is
// normalised so that an unchanged database diffs as empty against the model it was built from.
//
//   auto db = drizzle::driver::connect(drizzle::Dialect::sqlite, {.url = "app.db"});
//   drizzle::kit::Introspection found = drizzle::kit::introspect(*db, {});
//   for (const auto& name : found.unsupported) std::cerr << "not represented: " << name << "\n";
#pragma once

#include <string>
#include <vector>

#include "drizzle/driver/connection.hpp"
#include "drizzle/model/model.hpp"

namespace drizzle::kit {

struct IntrospectOptions {
    std::vector<std::string> schemaFilter;  // PostgreSQL schemas to read; empty = "public"
    std::vector<std::string> tablesFilter;  // globs, `!` negates (Drizzle's semantics); empty = all
    std::string migrationsTable = "__drizzle_migrations";  // never reported as part of the schema
    std::string migrationsSchema = "drizzle";
    // PostgreSQL: read the cluster's roles too (Drizzle's `entities.roles`); initdb's own roles
    // (the bootstrap superuser, pg_*) never. Roles are cluster-wide, hence off by default.
    bool roles = false;
};

struct Introspection {
    model::Schema schema;
    // What the model (and Drizzle Kit's snapshot) cannot represent, so that pull reports it instead
    // of dropping it silently: objects (functions, triggers, domains, ...) by kind and qualified
    // name ("trigger public.users.users_audit"), and clauses of objects the schema does hold, the
    // clause in parentheses ("table kv (WITHOUT ROWID)", "index users_name_idx (column name is
    // DESC)"); the schema holds those objects without the clause.
    std::vector<std::string> unsupported;
};

Introspection introspect(driver::Connection& db, const IntrospectOptions& options);

// Drizzle's tablesFilter: a table is kept when it matches a positive glob (or there is none) and
// no `!` glob.
bool tableMatchesFilter(const std::string& table, const std::vector<std::string>& filter);

}  // namespace drizzle::kit

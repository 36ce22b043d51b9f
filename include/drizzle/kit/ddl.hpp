// DDL: the SQL that creates a schema model from nothing, per dialect.
//
// The output matches Drizzle Kit 0.31's first migration for the same schema statement for
// statement (text and order), except where Drizzle Kit writes SQL the database rejects; there
// the statement is the valid equivalent. Statements keep Drizzle Kit's exact text, including the
// newline that ends a CREATE TABLE, so `joinStatements` reproduces a migration file byte for byte.
//
//   auto model = drizzle::kit::snapshot::readFile("drizzle/meta/0000_snapshot.json");
//   std::string sql = drizzle::kit::ddl::joinStatements(drizzle::kit::ddl::createStatements(model), true);
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "drizzle/kit/changes.hpp"
#include "drizzle/model/model.hpp"

namespace drizzle::kit::ddl {

// The statements that create `schema` from nothing, in dependency order. PostgreSQL: schemas,
// enums, sequences, roles, tables (each followed by its RLS enablement), foreign keys, indexes,
// views, policies. SQLite: each table (with its foreign keys) followed by its indexes, then views.
// MySQL: tables, foreign keys, indexes, views. Existing views (`isExisting`) are never created.
std::vector<std::string> createStatements(const model::Schema& schema);

// The statements of one change the differ found, in Drizzle Kit's spelling; `to` is the schema
// the migration leads to (SQLite and MySQL read its index hints).
std::vector<std::string> changeStatements(const Change& change, const model::Schema& to);

// An identifier quoted as Drizzle Kit's DDL quotes it: "x" for PostgreSQL, `x` for SQLite and
// MySQL, with embedded quote characters doubled.
std::string quoteIdentifier(Dialect dialect, std::string_view name);

// Statements joined as a migration file joins them: "--> statement-breakpoint\n" between them
// when `breakpoints` is true, else "\n".
std::string joinStatements(const std::vector<std::string>& statements, bool breakpoints);

}  // namespace drizzle::kit::ddl

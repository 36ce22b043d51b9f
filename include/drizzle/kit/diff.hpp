// The differ: the SQL statements that turn one schema model into another.
//
// A pure function: `from` is the newest snapshot's model (or an empty Schema of the dialect for
// a first migration, where the result equals ddl::createStatements(to)), `to` the model exported
// from the C++ schema. Whether something that disappeared was renamed into something that
// appeared is a decision the caller makes (prompt, flag or file) and passes in as `Renames`;
// `renameQuestions` lists the decisions still open. Statements come in Drizzle Kit 0.31's order
// and spelling (drops of constraints before the objects they hang on, enums before the columns
// using them, SQLite table rebuilds for what its ALTER TABLE cannot do).
//
//   auto questions = drizzle::kit::diff::renameQuestions(old, now, {});   // empty: nothing to ask
//   auto result = drizzle::kit::diff::diff(old, now, {.columns = {{"public.users.name", "full_name"}}});
//   std::string sql = drizzle::kit::ddl::joinStatements(result.statements, true);
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "drizzle/kit/changes.hpp"
#include "drizzle/model/model.hpp"

namespace drizzle::kit::diff {

// Rename decisions, as data: old name -> new name. Tables are keyed "schema.table" on
// PostgreSQL ("public.users" for the default schema) and "table" elsewhere, on both sides (a
// PostgreSQL table may move schema). Columns are keyed "table.column" ("schema.table.column" on
// PostgreSQL, the table named as in `to`) and map to the new column name. Enums, sequences and
// views follow the table convention; policies are keyed "table.policy" -> new policy name.
struct Renames {
    std::vector<std::pair<std::string, std::string>> schemas, tables, columns, enums, sequences, views, policies;
};

// A question the caller must answer before diffing: `created` might be a rename of one of
// `dropped`. `kind` is "table", "column", "schema", "enum", "sequence", "view" or "policy";
// `scope` is the table (as named in `to`) for columns and policies, else "".
struct RenameQuestion {
    std::string kind;
    std::string scope;
    std::string created;
    std::vector<std::string> dropped;
    bool operator==(const RenameQuestion&) const = default;
};

// Questions `renames` leaves open: one per created object of a kind where objects of the same
// kind (in the same table, for columns and policies) were also dropped. Names are given in the
// keys `Renames` uses. An answer of "it is new" is the caller's to remember: the question stays.
std::vector<RenameQuestion> renameQuestions(const model::Schema& from, const model::Schema& to, const Renames& renames);

struct Result {
    std::vector<Change> changes;                // what changes, in the order it runs (changes.hpp)
    std::vector<std::string> statements;        // their SQL (ddl::changeStatements), as Drizzle Kit orders it
    model::Renames meta;                        // for the new snapshot's `_meta` (Drizzle's format)
    std::vector<std::string> dataLossWarnings;  // dropped tables and columns, narrowed types, ...
};

// The changes that lock a table, or rewrite it, for as long as the table is big: on PostgreSQL
// a type change that rewrites, SET NOT NULL (a full scan), an index built without CONCURRENTLY
// on an existing table; on MySQL a type change (ALGORITHM=COPY). One line each, for review.
std::vector<std::string> lockWarnings(Dialect dialect, const std::vector<Change>& changes);

// The changes to existing tables that succeed only if the rows allow them, beyond what
// Result::dataLossWarnings says: NOT NULL over possible NULLs, a NOT NULL column without a default,
// a unique or primary key over possible duplicates, a schema or materialized view dropped. One
// line each; `generate` prints them under the file it wrote, and push measures each on the rows.
std::vector<std::string> dataRiskWarnings(Dialect dialect, const std::vector<Change>& changes);

// Throws drizzle::Error when the two models are of different dialects or a rename names an
// object that does not exist.
Result diff(const model::Schema& from, const model::Schema& to, const Renames& renames);

}  // namespace drizzle::kit::diff

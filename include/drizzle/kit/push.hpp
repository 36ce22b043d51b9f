// drizzle-kit push: make a development database match the C++ schema directly, without writing
// migration files. The live database is introspected (filters as pull), diffed against the schema
// with the differ and rename answers `generate` uses, checked for data it would lose, and changed
// in one transaction under the migration lock (PostgreSQL, SQLite), so a push and a migrate never
// interleave and a failure leaves the database exactly as it was. MySQL commits DDL as it runs:
// every check runs before the first statement, and a failure reports the statements that ran.
//
//   drizzle::kit::PushOptions options;
//   options.force = false;  // data loss is refused, never resolved by deleting rows
//   drizzle::kit::PushResult r = drizzle::kit::push(config, credentials, options);
//   if (r.outcome == drizzle::kit::PushOutcome::refused) for (auto& f : r.plan.findings) ...
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "drizzle/driver/connection.hpp"
#include "drizzle/kit/config.hpp"
#include "drizzle/kit/diff.hpp"
#include "drizzle/kit/schema_loader.hpp"

namespace drizzle::kit {

// Something the push would do to data that is in the database.
struct DataLossFinding {
    std::string kind;    // "drop table", "drop column", "type change", "not null", "unique", "enum value", ...
    std::string table;   // schema-qualified on PostgreSQL ("public.users")
    std::string column;  // "" when the finding is about a table or schema
    std::int64_t rows = 0;  // the rows concerned: in the table, holding values, NULLs, duplicates, ...
    std::string message;    // one line: what would happen to the data
    // A change the data cannot survive (a value that does not convert, NULLs under NOT NULL,
    // duplicates under a unique key): refused even with --force; `hint` says how to make it pass.
    bool blocking = false;
    std::string hint;
};

struct PushPlan {
    std::vector<Change> changes;
    std::vector<std::string> statements;
    std::vector<DataLossFinding> findings;  // data the statements would lose, or that blocks them
    std::vector<std::string> warnings;      // e.g. the database is managed by migrations
    std::vector<std::string> lockWarnings;  // diff::lockWarnings
    bool losesData() const;                 // a finding that --force accepts
    bool blocked() const;                   // a finding nothing accepts
};

enum class PushOutcome : std::uint8_t {
    nothingToDo,  // the database already matches the schema
    explained,    // --explain: the plan only, nothing changed
    applied,      // every statement ran (and, where DDL is transactional, committed)
    refused,      // data loss without --force or confirmation, a blocking finding, or --strict declined
};

struct PushOptions {
    diff::Renames renames;  // as generate's
    std::vector<std::pair<std::string, std::string>> creates;
    std::function<std::optional<std::string>(const diff::RenameQuestion&)> ask;
    bool force = false;    // accept data loss (never a blocking finding)
    bool explain = false;  // plan, print, change nothing
    bool strict = false;   // confirm every push that changes something
    // Asked (on a terminal) when the plan loses data, or under `strict`: true runs it. Unset:
    // data loss without `force` is refused, and so is `strict` without `force`.
    std::function<bool(const PushPlan&)> confirm;
    // Called with each statement just before it runs (--verbose).
    std::function<void(const std::string&)> beforeStatement;
};

struct PushResult {
    PushOutcome outcome = PushOutcome::nothingToDo;
    PushPlan plan;
    std::size_t statementsRun = 0;  // committed on MySQL even when a later one failed
    std::string refusal;            // why, when refused
    LoadReport schemaLoad;
};

// Pushes `schema` into the open database: the library entry point (tests, tools). `config`
// supplies the filters, the migrations table (left alone and out of the comparison) and roles.
PushResult pushSchema(driver::Connection& db, const model::Schema& schema, const Config& config,
                      const PushOptions& options);

// drizzle-kit push: loads the C++ schema (the cached exporter), connects, pushes.
PushResult push(const Config& config, const Credentials& credentials, const PushOptions& options);

// The refusal as one paragraph: every finding with its table, column and rows, and the way out.
std::string describeFindings(const PushPlan& plan);

}  // namespace drizzle::kit

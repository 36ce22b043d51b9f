// Applying a migrations folder to a database: what `drizzle-kit migrate` runs, callable from an
// application at start-up.
//
//   auto db = drizzle::driver::connect(drizzle::Dialect::postgresql, {.url = url});
//   drizzle::MigrateReport report = drizzle::migrate(*db, {.migrationsFolder = "drizzle"});
//
// The folder is Drizzle Kit's (meta/_journal.json + <tag>.sql) and the tracking table is the one
// Drizzle ORM's migrator creates and fills (PostgreSQL "drizzle"."__drizzle_migrations", SQLite
// and MySQL __drizzle_migrations: id, hash = SHA-256 of the file, created_at = the journal's
// `when`), so a database can move between Drizzle ORM's migrator and this one in either
// direction. Beyond Drizzle:
//
// - A lock makes concurrent runs safe: a fleet of instances can all migrate at start-up and each
//   migration runs once. PostgreSQL: pg_try_advisory_lock, retried with a growing pause (up to
//   0.5 s) for as long as it takes, so that a waiting run holds no lock CREATE INDEX
//   CONCURRENTLY would wait on; MySQL:
//   GET_LOCK (waits up to 10 minutes); SQLite: BEGIN IMMEDIATE (waits up to 10 minutes).
// - A migration is applied when a row with its `when` as created_at exists (not "older than the
//   newest row"). An applied migration whose file changed is an error naming the file. A pending
//   migration older than the newest applied one (a merged branch) is an error unless
//   `allowOutOfOrder`.
// - PostgreSQL and SQLite apply every pending migration in one transaction: a failure, or the
//   process being killed, leaves the database exactly as it was. A migration whose first line is
//
//       -- drizzle:no-transaction
//
//   (drizzle::kit::noTransactionMarker) runs on its own, statement by statement, outside any
//   transaction, for statements such as CREATE INDEX CONCURRENTLY or VACUUM; the migrations
//   before it are committed first. On SQLite it runs without the lock (SQLite has no lock that
//   outlives a transaction), so make it safe to run twice. MySQL ignores the marker.
// - MySQL commits DDL as it runs, so a failure reports which statement failed and which
//   statements of that migration had already run (and stay applied).
//
// Failures are drizzle::Error: category migration for a statement the database rejected (the
// message names the migration, the statement, its line in the file and the database's error,
// and nativeCode() is the database's code), snapshot for a missing folder or a malformed journal
// (see drizzle/kit/journal.hpp), io for a file that cannot be read, connection when the database
// cannot be reached. `drizzle-kit migrate` reads the folder before it opens the database, so a
// folder it cannot use leaves no new SQLite file behind.
#pragma once

#include <cstddef>
#include <cstdint>
#include <chrono>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "drizzle/driver/connection.hpp"

namespace drizzle {

struct MigrationConfig {
    std::filesystem::path migrationsFolder = "drizzle";
    std::string migrationsTable = "__drizzle_migrations";
    std::string migrationsSchema = "drizzle";  // PostgreSQL only
    // Apply a pending migration even when a later one is already applied (a merged branch whose
    // migration is independent of the ones applied since).
    bool allowOutOfOrder = false;
    // The migration lock (PostgreSQL, MySQL: a row in <migrationsTable>_lock beside the tracking
    // table, renewed while migrate runs): how long migrate waits for another migrate's lock
    // before it gives up (Error timeout), and how long the lock of a migrate that died keeps
    // the next one out. SQLite's lock is its write transaction, waited for lockWait too.
    std::chrono::seconds lockWait{600};
    std::chrono::seconds lockTtl{30};
    // Told who holds the lock while migrate waits for it (after 1 s, then every 10 s).
    std::function<void(const std::string&)> onLockWait;
};

struct AppliedMigration {
    std::string tag;
    std::size_t statements = 0;
    std::int64_t createdAt = 0;       // the journal's `when`
    bool outsideTransaction = false;  // marked -- drizzle:no-transaction (PostgreSQL, SQLite)
};

struct MigrateReport {
    std::vector<AppliedMigration> applied;  // in the order they ran
    std::size_t alreadyApplied = 0;         // journal entries the database had recorded before
};

// The table of the migration lock's row, beside the tracking table (PostgreSQL, MySQL): what
// introspection leaves out with the tracking table.
inline std::string lockTableName(const std::string& migrationsTable) { return migrationsTable + "_lock"; }

MigrateReport migrate(driver::Connection& db, const MigrationConfig& config = {});

// A row of the tracking table: a migration the database records as applied.
struct RecordedMigration {
    std::string hash;         // SHA-256 hex of the file as it was applied
    std::int64_t createdAt;   // the journal's `when`
};
// The migrations the database records as applied; none when it has no tracking table. Reads
// only: no lock is taken, nothing is created.
std::vector<RecordedMigration> recordedMigrations(driver::Connection& db, const MigrationConfig& config = {});

}  // namespace drizzle

// The migrations folder as Drizzle Kit 0.31 lays it out: `<out>/meta/_journal.json` lists the
// migrations in order, each `<out>/<tag>.sql` holds one migration's statements separated by
// `--> statement-breakpoint`. `generate` writes the journal, `migrate` reads it; both speak
// Drizzle Kit's format byte for byte, so a folder can move between drizzle-kit and this one.
//
//   drizzle::kit::Journal journal = drizzle::kit::readJournal("drizzle");
//   for (const drizzle::kit::Migration& m : drizzle::kit::readMigrations("drizzle"))
//       std::cout << m.entry.tag << ": " << m.statements.size() << " statements, " << m.hash << "\n";
//
// A malformed journal (bad JSON, a missing or mistyped field, a journal version other than 5, 6
// or 7, a repeated idx or tag, a `when` that does not increase, a missing .sql file or folder) is
// a drizzle::Error (category snapshot) that names the file, the entry and the field, and says
// what to do. Writing goes through a temporary file and a rename: a failed write leaves the old
// journal whole.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "drizzle/dialect.hpp"

namespace drizzle::kit {

struct JournalEntry {
    std::int64_t idx = 0;
    std::string version;        // the snapshot version: "7" PostgreSQL, "6" SQLite, "5" MySQL
    std::int64_t when = 0;      // ms since the epoch; strictly increasing; recorded as created_at
    std::string tag;            // the file name without ".sql": "0001_add_importance"
    bool breakpoints = true;    // statements are separated by `--> statement-breakpoint`
};

struct Journal {
    std::string version = "7";
    std::string dialect;  // as drizzle-kit writes it: "postgresql", "sqlite", "mysql", "turso"...
    std::vector<JournalEntry> entries;
};

// The journal's path inside a migrations folder: `<out>/meta/_journal.json`.
std::filesystem::path journalPath(const std::filesystem::path& outFolder);

// Parses journal text; `source` names the file in messages.
Journal parseJournal(const std::string& json, const std::filesystem::path& source);
Journal readJournal(const std::filesystem::path& outFolder);

// Whether the journal is of `dialect`: its dialect's name, or "pg", which Drizzle Kit before 0.21
// wrote for PostgreSQL (`up` upgrades the snapshots, and, as Drizzle Kit's, leaves the journal).
bool isJournalOf(const Journal& journal, Dialect dialect);

// The journal as drizzle-kit writes it (`JSON.stringify(journal, null, 2)`: two-space indent,
// no trailing newline).
std::string journalJson(const Journal& journal);
// Writes `<out>/meta/_journal.json` whole (util::writeFileAtomically), creating `meta/` when needed.
void writeJournal(const std::filesystem::path& outFolder, const Journal& journal);

// One statement of a migration file: the text between two breakpoints, exactly as Drizzle runs
// it, and the 1-based line of the file where its first non-blank character is.
struct MigrationStatement {
    std::string sql;
    int line = 1;
};

// A file whose first line is this marker runs on its own, outside any transaction (for
// PostgreSQL's CREATE INDEX CONCURRENTLY). Drizzle ORM's migrator reads it as a comment.
inline constexpr std::string_view noTransactionMarker = "-- drizzle:no-transaction";

struct Migration {
    JournalEntry entry;
    std::filesystem::path file;                  // <out>/<tag>.sql
    std::string sql;                             // the file's exact bytes
    std::string hash;                            // SHA-256 hex of those bytes, as Drizzle records it
    std::vector<MigrationStatement> statements;  // blank pieces dropped
    bool noTransaction = false;                  // the first line is noTransactionMarker
};

// Splits migration text on `--> statement-breakpoint` as Drizzle ORM's migrator does.
std::vector<MigrationStatement> splitStatements(const std::string& sql);

// The journal's migrations in order, each file read and hashed.
std::vector<Migration> readMigrations(const std::filesystem::path& outFolder);
std::vector<Migration> readMigrations(const std::filesystem::path& outFolder, const Journal& journal);

}  // namespace drizzle::kit

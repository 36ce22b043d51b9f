// Reading and writing a migrations folder, shared by generate and pull.
//
// Reading checks the folder as a whole before anything is diffed against it: every journal entry
// has its <tag>.sql and its snapshot, every snapshot belongs to an entry, and each snapshot's
// prevId is the id of the one before. The newest schema is the last entry's snapshot (journal
// order, not file-name order: `--prefix none` names carry no order). Only the newest is ever
// diffed, so the others are read only as far as their header (snapshot::readHeader): a history of
// a hundred 2 MB snapshots costs about what one does.
//
// Writing lands each file whole (util::writeFileAtomically) and the journal last; a failure at any
// step removes what the step before wrote, so the folder is exactly as it was.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "drizzle/kit/config.hpp"
#include "drizzle/migrate.hpp"
#include "drizzle/kit/journal.hpp"
#include "drizzle/model/model.hpp"

namespace drizzle::kit {

// The snapshot of the migration `tag`, as drizzle-kit names it: `meta/<prefix>_snapshot.json`
// ("0003_add_x" -> 0003_snapshot.json). A tag without a prefix (`--prefix none`: "_add_x")
// names its snapshot after the whole tag: meta/_add_x_snapshot.json.
std::filesystem::path snapshotPathFor(const std::filesystem::path& out, const std::string& tag);

struct MigrationHistory {
    Journal journal;  // no entries (and the dialect set) when the folder has none yet
    Dialect dialect = Dialect::postgresql;
    // The last entry's snapshot as written, and its path; empty when there is none.
    std::string newestJson;
    std::filesystem::path newestFile;
};

// Reads and checks `<out>`; any inconsistency is a drizzle::Error (category snapshot) naming the
// file and what to do. A folder that does not exist yet has an empty history.
MigrationHistory readHistory(const std::filesystem::path& out, Dialect dialect);

// The newest snapshot's schema, every field checked (snapshot::read); an empty schema of the
// dialect when the folder has no migration yet.
model::Schema newestSchema(const MigrationHistory& history);

// What the config's database records as applied (drizzle::recordedMigrations, in the config's
// migrations table), or nullopt when the config names no database that could have applied
// anything: none, or a SQLite file that does not exist (opening it would create it).
struct DatabaseRecord {
    std::string database;  // as messages name it
    std::vector<RecordedMigration> migrations;
};
std::optional<DatabaseRecord> recordedInDatabase(const Config& config);

struct WrittenMigration {
    std::string tag;
    std::filesystem::path sqlFile, snapshotFile;
};

// Appends one migration to the folder `journal` was read from: `<out>/<tag>.sql` holding `sql`,
// the snapshot (`snapshotJson`, as snapshot::write gives it) and the journal entry. Refuses to
// overwrite an existing file.
WrittenMigration appendMigration(const Config& config, const std::filesystem::path& out, const Journal& journal,
                                 const std::string& snapshotJson, const std::string& sql, const std::string& name);

}  // namespace drizzle::kit

// drizzle-kit drop: removes one migration from the migrations folder, its journal entry, its
// .sql file and its snapshot, so that the folder is as if it had never been generated.
//
// Beyond Drizzle Kit's drop, it refuses what would leave a folder that lies:
// - a migration the database has applied (with credentials in the config or given): the
//   database would hold a change no migration describes;
// - one that later migrations build on, unless `force`: their SQL was written after it. With
//   `force`, the next snapshot's prevId is linked to the dropped one's, so the history stays one
//   chain.
//
//   auto dropped = drizzle::kit::dropMigration(drizzle::kit::loadConfig({}), {});
#pragma once

#include <string>
#include <vector>

#include "drizzle/kit/config.hpp"

namespace drizzle::kit {

struct DropOptions {
    std::string tag;     // the migration to drop; "" for the newest
    bool force = false;  // drop one that later migrations build on
};

struct DropResult {
    std::string tag;                 // the dropped migration
    std::vector<std::string> later;  // the migrations after it (only with `force`)
    bool databaseChecked = false;    // credentials were given and the database was asked
};

// Throws drizzle::Error, and leaves the folder as it was, when there is nothing to drop, the tag
// is unknown, the migration is applied or built on, or a file cannot be written.
DropResult dropMigration(const Config& config, const DropOptions& options);

}  // namespace drizzle::kit

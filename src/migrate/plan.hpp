// Which migrations of a journal are pending, given the rows of the tracking table: a pure
// function, so every refusal (an edited applied file, an out-of-order entry, a journal of
// another dialect) is testable without a database.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "drizzle/dialect.hpp"
#include "drizzle/kit/journal.hpp"

namespace drizzle::migrate_internal {

struct TrackedRow {
    std::string hash;
    std::int64_t createdAt = 0;
};

struct Plan {
    std::vector<const kit::Migration*> pending;  // in journal order
    std::size_t alreadyApplied = 0;
};

// Throws drizzle::Error (migration) when an applied migration's file changed, and when a pending
// migration is older than the newest applied one unless `allowOutOfOrder`. `trackingTable`
// names the table in messages.
Plan planMigrations(const std::vector<kit::Migration>& migrations, const std::vector<TrackedRow>& rows,
                    bool allowOutOfOrder, const std::string& trackingTable);

// Throws drizzle::Error (migration) when the journal in `folder` was generated for another
// dialect than the database's (a "turso" journal is SQLite's).
void checkJournalDialect(const kit::Journal& journal, const std::filesystem::path& folder, Dialect dialect);

// The created_at text a database returns ("1795309138861", or "1.795309138861e+12" from a
// SQLite numeric column), as milliseconds; nullopt when it is no number.
std::optional<std::int64_t> parseCreatedAt(const std::string& text);

}  // namespace drizzle::migrate_internal

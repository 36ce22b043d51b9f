// drizzle-kit check: is the migrations folder one consistent history, and (with a database) does
// the database agree with it? Every problem found is reported, not only the first.
//
// The folder: the journal reads; idx and `when` increase; every entry has its .sql file and its
// snapshot; every snapshot reads (a newer or older version than this build writes is named);
// the first snapshot starts the chain and each prevId is the id of the one before; no id appears
// twice, no two snapshots share a prevId (two branches that each generated a migration); no
// snapshot or .sql file is outside the journal.
// The database, with credentials: an applied migration whose file changed since (hash), an
// applied one missing from the folder, a pending one older than the newest applied; and, when
// every migration is applied, drift: the statements that would make the live schema the newest
// snapshot's (push's exact comparison), one finding each.
//
//   auto report = drizzle::kit::checkMigrations(drizzle::kit::loadConfig({}));
//   for (const auto& f : report.findings) std::cerr << f.file << ": " << f.message << "\n";
#pragma once

#include <string>
#include <vector>

#include "drizzle/kit/config.hpp"

namespace drizzle::kit {

struct CheckFinding {
    std::string kind;  // "journal", "order", "missing", "snapshot", "chain", "collision", "orphan", "changed", "unknown", "pending", "drift"
    std::string file;  // the file it is about
    std::string message;
};

struct CheckReport {
    std::vector<CheckFinding> findings;  // empty: consistent
    std::size_t migrations = 0;          // journal entries read
    bool databaseChecked = false;
};

CheckReport checkMigrations(const Config& config);

}  // namespace drizzle::kit

// drizzle-kit up: upgrade the snapshots an older Drizzle Kit wrote, in place, as Drizzle Kit's
// `up` does (PostgreSQL v5 -> v6 -> v7, SQLite v5 -> v6; MySQL's v5 is current), so that generate
// (ours and Drizzle Kit 0.31's) can diff against them. Every snapshot of the folder is upgraded
// first in memory; a snapshot that is malformed or of a version nothing upgrades is reported and
// nothing is rewritten. Snapshots already current are left byte for byte as they are.
//
//   drizzle::kit::UpResult r = drizzle::kit::up(drizzle::kit::loadConfig({}));
//   for (const auto& f : r.upgraded) std::cout << "upgraded " << f << "\n";
#pragma once

#include <filesystem>
#include <vector>

#include "drizzle/kit/config.hpp"

namespace drizzle::kit {

struct UpResult {
    std::vector<std::filesystem::path> upgraded;  // rewritten in the new version
    std::size_t current = 0;                      // already of the version this build writes
};

// Throws drizzle::Error (snapshot) listing every snapshot it cannot upgrade, having written
// nothing; (io) when a file cannot be written, having put back the ones it had rewritten.
UpResult up(const Config& config);

}  // namespace drizzle::kit

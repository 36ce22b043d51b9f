// Writing into a migrations folder, shared by generate and pull: files land whole (through a
// temporary file and a rename) and the journal entry is written last, so an interrupted run
// never leaves a migration the journal half-knows.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "drizzle/config.hpp"

namespace drizzle::kit {

// Snapshots in `<out>/meta/`, as drizzle-kit lists them: every .json not starting with '_', sorted.
std::vector<std::filesystem::path> snapshotFiles(const std::filesystem::path& out);

void writeAtomically(const std::filesystem::path& path, const std::string& text);

struct WrittenMigration {
    std::string tag;
    std::filesystem::path sqlFile, snapshotFile;
};

// Appends one migration: `<out>/<tag>.sql` holding `sql`, the snapshot (`snapshotJson`, as
// snapshot::write gives it) and the journal entry. Refuses to overwrite an existing file.
WrittenMigration appendMigration(const Config& config, const std::filesystem::path& out, const std::string& snapshotJson,
                                 const std::string& sql, const std::string& name);

}  // namespace drizzle::kit

// drizzle-kit generate: diff the schema declared in C++ against the newest snapshot and write a
// reviewable migration, in Drizzle Kit 0.31's folder format (`<out>/<tag>.sql`,
// `<out>/meta/<prefix>_snapshot.json`, a journal entry).
//
//   drizzle::kit::GenerateOptions options;
//   options.name = "add_importance";
//   auto result = drizzle::kit::generate(drizzle::kit::loadConfig({}), options);
//   if (result.nothingToDo) std::cout << "No schema changes, nothing to migrate\n";
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "drizzle/kit/config.hpp"
#include "drizzle/kit/diff.hpp"
#include "drizzle/kit/schema_loader.hpp"

namespace drizzle::kit {

struct GenerateOptions {
    std::optional<std::string> name;  // the tag's suffix; a random word pair when absent
    bool custom = false;              // an empty migration for hand-written SQL; the snapshot is copied
    diff::Renames renames;            // answers to rename questions, from flags or a file
    // Questions answered "created": {kind, name} as `--create column:users.full_name` gives them.
    std::vector<std::pair<std::string, std::string>> creates;
    // Asks one rename question (on a terminal); returns the dropped name it renames, or nullopt
    // for "created". Unset: an unanswered question is an error that lists the flags to pass.
    std::function<std::optional<std::string>(const diff::RenameQuestion&)> ask;
};

struct GenerateResult {
    bool nothingToDo = false;
    std::string tag;                          // e.g. "0001_add_importance"
    std::filesystem::path sqlFile, snapshotFile;
    std::vector<std::string> statements;
    std::vector<std::string> dataLossWarnings;
    std::vector<std::string> lockWarnings;  // diff::lockWarnings
    LoadReport schemaLoad;  // whether the schema exporter was compiled, and how long it took
};

GenerateResult generate(const Config& config, const GenerateOptions& options);

// The flag that would answer a rename question: `--rename table:users=customers`.
std::string renameFlag(const diff::RenameQuestion& question, const std::string& dropped);

// Adds one `--rename kind:from=to` answer; throws drizzle::Error(usage) when malformed.
void addRenameFlag(diff::Renames& renames, const std::string& flag);
// Adds one `--create kind:name` answer.
void addCreateFlag(std::vector<std::pair<std::string, std::string>>& creates, const std::string& flag);
// Reads answers from a JSON file: {"tables": {"old": "new"}, "columns": {"users.old": "new"}, ...}.
void addRenamesFile(diff::Renames& renames, const std::filesystem::path& file);

}  // namespace drizzle::kit

// drizzle-kit pull: read a live database into C++ schema code. Introspects the configured
// database (filters from the config), writes `<out>/schema.hpp` and `<out>/relations.hpp`, and,
// when `<out>` has no migrations yet, a baseline: the snapshot of what was found, a journal entry
// and a migration whose SQL is commented out (the database already has it all), so the next
// `generate` diffs against the database as it is. A previous schema.hpp or relations.hpp that the
// new one replaces with different text is kept beside it as `<file>.bak`.
//
//   drizzle::kit::Config config = drizzle::kit::loadConfig({.dialect = "postgresql", .url = url});
//   drizzle::kit::PullResult pulled = drizzle::kit::pull(config, {.init = true});
//   for (const auto& u : pulled.unsupported) std::cerr << "not represented: " << u << "\n";
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "drizzle/kit/config.hpp"

namespace drizzle::kit {

struct PullOptions {
    // Also record the baseline migration as applied in the database (its tracking table), so
    // that `migrate` starts from the next one. Only with a fresh baseline.
    bool init = false;
    std::optional<std::string> baselineName;  // the baseline's tag suffix; a random word pair when absent
};

struct PullResult {
    std::filesystem::path schemaFile, relationsFile;
    std::optional<std::filesystem::path> baselineFile;  // set when a baseline was written
    // Earlier schema.hpp / relations.hpp that differed from the new ones, kept as <file>.bak.
    std::vector<std::filesystem::path> keptPrevious;
    bool baselineRecorded = false;                     // --init recorded it as applied
    std::size_t tables = 0, views = 0, enums = 0, foreignKeys = 0, indexes = 0;
    std::vector<std::string> unsupported;  // objects in the database the schema model cannot represent
    std::vector<std::string> notes;        // what the generated code could not declare as found
};

PullResult pull(const Config& config, const Credentials& credentials, const PullOptions& options);

}  // namespace drizzle::kit

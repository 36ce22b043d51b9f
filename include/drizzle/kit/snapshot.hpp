// Snapshot JSON: the schema model on disk, in Drizzle Kit 0.31's format.
//
// PostgreSQL snapshots are version "7", SQLite "6", MySQL "5"; `write` produces the same bytes
// drizzle-kit writes for the same model (2-space indentation, no trailing newline), and `read`
// accepts what drizzle-kit writes. A malformed or too-new snapshot is a drizzle::Error naming
// the file and the field.
//
//   auto model = drizzle::kit::snapshot::readFile("drizzle/meta/0003_snapshot.json");
//   std::string json = drizzle::kit::snapshot::write(model);
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "drizzle/model/model.hpp"

namespace drizzle::kit::snapshot {

std::string write(const model::Schema& schema);

// `source` names the text in error messages (usually the file's path).
model::Schema read(std::string_view json, std::string_view source);

// A snapshot an older Drizzle Kit wrote, upgraded as Drizzle Kit's `up` upgrades it (PostgreSQL
// v5 -> v6 -> v7, SQLite v5 -> v6), then checked by `read` and written by `write`; nullopt when
// it is already of the version this build writes. Throws drizzle::Error (snapshot) naming
// `source` when it is not valid JSON, not a snapshot, or of a version nothing upgrades.
std::optional<std::string> upgrade(std::string_view json, std::string_view source);
model::Schema readFile(const std::filesystem::path& path);

// What a migrations folder's history needs of a snapshot that is not diffed: its dialect and
// version (checked as `read` checks them) and its place in the chain. Reads only as far as those
// four top-level fields, so that checking a long history costs little more than its file count.
struct Header {
    Dialect dialect = Dialect::postgresql;
    std::string id, prevId;
};
Header readHeader(std::string_view json, std::string_view source);

// A human-readable account of the first difference model::equivalent finds, as the path of the
// snapshot field that differs ("tables.users.columns.id.notNull: true vs false"), or "" when none.
std::string firstDifference(const model::Schema& a, const model::Schema& b);

// The snapshot version this build writes for a dialect ("7", "6", "5").
std::string_view versionFor(Dialect dialect);

}  // namespace drizzle::kit::snapshot

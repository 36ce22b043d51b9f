// Files that land whole: every file of a migrations folder and of the exporter cache is written
// to a temporary in the same folder, synced, and renamed over its target, so that a full disk,
// a quota or a kill leaves the old file (or none), never a truncated one.
//
//   drizzle::util::writeFileAtomically("drizzle/meta/_journal.json", journalText);
//
// A failure is a drizzle::Error (category io) that names the file, the step and the system's
// reason ("drizzle/meta/_journal.json: write failed: No space left on device"); the temporary is
// removed first. Filesystem failures elsewhere are reported the same way through ioError.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <system_error>

#include "drizzle/error.hpp"

namespace drizzle::util {

void writeFileAtomically(const std::filesystem::path& path, std::string_view text);

// A fresh temporary's path for `path`, in its folder, named as below.
std::filesystem::path temporaryPathFor(const std::filesystem::path& path);

// True for a temporary writeFileAtomically creates: ".<target>.<pid>-<random>.tmp". Readers of a
// folder skip these.
bool isTemporary(const std::filesystem::path& file);

// Removes the temporaries in `dir` whose writing process is gone (killed mid-write).
void removeStaleTemporaries(const std::filesystem::path& dir);

// "<path>: <operation> failed: <reason>", category io, with a hint fitting the reason.
Error ioError(const std::filesystem::path& path, std::string_view operation, std::error_code ec);
Error ioError(const std::filesystem::path& path, std::string_view operation, int errnoValue);

// The whole file, or an io error naming it.
std::string readFileOrThrow(const std::filesystem::path& path);

}  // namespace drizzle::util

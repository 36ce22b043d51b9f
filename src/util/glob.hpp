// Path globs as config files use them: `*` and `?` within a path segment, `**` across segments.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace drizzle::util {

// Files under `root` matching `pattern` (relative to root, or absolute), as absolute paths.
// A pattern without wildcards names one file, returned only if it exists.
std::vector<std::filesystem::path> glob(const std::filesystem::path& root, const std::string& pattern);

bool globMatch(std::string_view pattern, std::string_view text);

}  // namespace drizzle::util

// Picking the one compiler error a schema author needs out of a template-heavy error log.
#pragma once

#include <filesystem>
#include <string>

namespace drizzle::kit {

// "file:line:col: error: message" for the first error, pointed at the user's own line: when
// the error is raised inside drizzle's headers (a static_assert on a member type), the location
// is the user's line that instantiated it ("required from here" / "requested here").
std::string firstCompilerError(const std::string& compilerOutput, const std::filesystem::path& drizzleIncludeDir);

}  // namespace drizzle::kit

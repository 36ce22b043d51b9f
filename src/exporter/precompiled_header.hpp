// The library part of every schema exporter (the three dialects' DSL headers, relations and the
// exporter's own header) precompiled once per compiler, flags and header content, in the user's
// cache folder, so that compiling an exporter parses little more than the schema's own
// declarations. Optional: when it cannot be built, the exporter compiles without it.
//
//   PrecompiledHeader pch = precompiledHeader(compiler, includeDir, extraFlags);
//   argv.insert(argv.end(), pch.flags.begin(), pch.flags.end());   // -include .../drizzle_pch.hpp
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace drizzle::kit {

struct PrecompiledHeader {
    std::vector<std::string> flags;          // for the exporter's compile; empty: none available
    std::vector<std::filesystem::path> deps;  // the headers it holds, for the exporter's manifest
    std::filesystem::path dir;               // its cache folder
    bool built = false;                      // built by this call (else reused)
};

// The cache root: $DRIZZLE_CACHE_DIR, else $XDG_CACHE_HOME/drizzle-cpp, else ~/.cache/drizzle-cpp;
// empty when none can be named.
std::filesystem::path cacheRoot();

// Finds or builds the precompiled header for `compiler` (as the exporter runs it: -std=c++20 -O0,
// `includeDir`, `extraFlags`). Never throws: any failure gives an empty `flags`.
PrecompiledHeader precompiledHeader(const std::string& compiler, const std::filesystem::path& includeDir,
                                    const std::vector<std::string>& extraFlags);

// The compiler's output says the precompiled header could not be used (stale, broken or
// foreign): the caller removes it with discardPrecompiledHeader and, if the compile failed,
// compiles again without it.
bool mentionsPrecompiledHeader(const std::string& compilerOutput);
void discardPrecompiledHeader(const PrecompiledHeader& pch);

}  // namespace drizzle::kit

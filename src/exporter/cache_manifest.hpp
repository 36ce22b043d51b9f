// What a cached compile read, so that it is compiled again exactly when one of those files
// changed: the exporter (one per schema) and the precompiled library header (one per compiler)
// keep a manifest of "toolchain <key>" then "<sha256> <path>" per file, system headers left out.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace drizzle::kit {

// The files a -MD dependency file lists (after "target:"), with line continuations.
std::vector<std::filesystem::path> parseDepFile(const std::string& text);

// File contents' hashes, computed once per check of several caches that list the same files
// (the library headers every schema file's compile read).
using FileHashes = std::map<std::filesystem::path, std::string>;

// True when `dir` holds `artifact` and a manifest for `key` whose files are all unchanged.
bool cacheIsFresh(const std::filesystem::path& dir, const std::string& artifact, const std::string& key,
                  FileHashes* hashes = nullptr);

void writeManifest(const std::filesystem::path& dir, const std::string& key, const std::vector<std::filesystem::path>& deps);

}  // namespace drizzle::kit

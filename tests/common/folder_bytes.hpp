// A folder's files with their bytes, to show that a failed command left it untouched.
#pragma once

#include <filesystem>
#include <map>
#include <string>

#include "common/slurp.hpp"

// Every file under `dir` (hidden ones too) with its bytes: equal maps = an untouched folder.
inline std::map<std::string, std::string> folderBytes(const std::filesystem::path& dir) {
    std::map<std::string, std::string> files;
    if (!std::filesystem::exists(dir)) return files;
    for (const auto& e : std::filesystem::recursive_directory_iterator(dir))
        files[std::filesystem::relative(e.path(), dir).string()] = e.is_regular_file() ? slurp(e.path()) : "<dir>";
    return files;
}

inline std::string listing(const std::map<std::string, std::string>& files) {
    std::string out;
    for (const auto& [name, bytes] : files) out += name + " (" + std::to_string(bytes.size()) + " bytes)\n";
    return out;
}

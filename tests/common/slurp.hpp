// A test's view of a file: its bytes, or "" when it does not exist (tests compare folders
// before and after a command, where a missing file is an answer, not an error).
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

inline std::string slurp(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// Differ test cases as text: a current schema, a desired schema, rename decisions and the
// expected statements, several cases to a file. The grammar is in tests/diff/README.md.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "drizzle/kit/diff.hpp"

namespace drizzle::difftest {

struct Case {
    std::string name;    // "<file stem>.<case name>", unique across the suite
    std::string source;  // "file:line" of the case header
    model::Schema from, to;
    kit::diff::Renames renames;
    std::vector<std::string> sql;       // expected statements, lines trimmed
    bool checkWarnings = false;
    std::vector<std::string> warnings;  // each a substring of the warning at its position
};

// Every case in `file`; its dialect is the name of the folder holding it (pg, sqlite, mysql).
std::vector<Case> readCases(const std::filesystem::path& file);

// A statement as cases spell it: each line trimmed, blank lines dropped, joined by "\n".
std::string normalizeStatement(const std::string& sql);

}  // namespace drizzle::difftest

// Running a child program and collecting what it prints (the kit runs the compiler and the
// generated schema exporter this way).
#pragma once

#include <string>
#include <vector>

namespace drizzle::util {

struct ProcessResult {
    int exitCode = -1;  // the exit status, or 128 + signal number
    int signal = 0;     // the signal that ended it, or 0
    std::string out, err;
};

// Runs argv[0] (looked up in PATH) with the arguments, in `cwd` when given, reading `stdinFile`
// (else /dev/null), with this process's environment plus `environment` ("NAME=value", which
// wins over an inherited NAME); no shell is involved.
ProcessResult runProcess(const std::vector<std::string>& argv, const std::string& cwd = {},
                         const std::string& stdinFile = {}, const std::vector<std::string>& environment = {});

}  // namespace drizzle::util

// What the integration tests share: running the real drizzle-kit and the databases' own
// command-line clients, scratch directories and names, and a list of findings that reads as a
// report when a test fails.
//
//   auto exported = exportSchema(Dialect::sqlite, header, dir.path());
//   Findings f;
//   f.expectEqual("table \"users\": column \"id\" type", "integer", actualType);
//   EXPECT_TRUE(f.empty()) << f.report();
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "drizzle/model/model.hpp"

namespace drizzle::integration {

struct RunResult {
    int exitCode = -1;  // the exit status, or 128 + signal number
    std::string out, err;
};

// Runs argv[0] (looked up in PATH) with its arguments, no shell involved; stdin is `stdinFile`
// when given, else empty.
RunResult run(const std::vector<std::string>& argv, const std::filesystem::path& stdinFile = {},
              const std::filesystem::path& cwd = {});

// The value of an environment variable that scripts/test.sh exports. Throws std::runtime_error
// with a message saying how to get it when it is unset: a test that cannot reach its database
// fails, it is never skipped.
std::string requireEnv(const char* name);

// A fresh name for a scratch database: `prefix` + process id + time + a counter, lowercase.
std::string uniqueName(std::string_view prefix);

// A directory that is removed, with everything in it, when this goes out of scope.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

std::string readText(const std::filesystem::path& file);
void writeText(const std::filesystem::path& file, std::string_view text);

// What `drizzle-kit export` printed for a header, and the model of the same header as the kit
// reads it (drizzle::kit::loadSchema, which reuses the exporter the CLI compiled).
struct Export {
    RunResult cli;
    std::filesystem::path sqlFile;  // the CLI's stdout, saved in the work directory
    model::Schema model;
    std::string modelError;  // set when loadSchema threw
    bool ok() const { return cli.exitCode == 0 && modelError.empty(); }
    std::string describeFailure() const;
};
Export exportSchema(Dialect dialect, const std::filesystem::path& header, const std::filesystem::path& workDir);

// The lines of `text` around 1-based `line`, numbered, the line itself marked.
std::string excerpt(const std::string& text, int line, int context = 3);

// The first number after `marker` in `text` ("psql:f.sql:12: ERROR" with "f.sql:" -> 12), or 0.
int lineAfter(const std::string& text, std::string_view marker);

// `s` on one line: each newline, with the spaces around it, becomes one space.
std::string oneLine(std::string_view s);

// Mismatches between the model and a database's catalog, one sentence each.
class Findings {
public:
    void add(std::string finding) { items_.push_back(std::move(finding)); }
    void expectEqual(const std::string& what, const std::string& expected, const std::string& actual) {
        if (expected != actual) add(what + ": declared " + oneLine(expected) + ", the database has " + oneLine(actual));
    }
    void expectTrue(bool condition, const std::string& finding) {
        if (!condition) add(finding);
    }
    void append(const Findings& other) { items_.insert(items_.end(), other.items_.begin(), other.items_.end()); }
    bool empty() const { return items_.empty(); }
    std::size_t size() const { return items_.size(); }
    std::string report() const;

private:
    std::vector<std::string> items_;
};

// Small text helpers the dialect checks share.
std::string lower(std::string_view s);
std::string upper(std::string_view s);
std::string trim(std::string_view s);
std::string join(const std::vector<std::string>& items, std::string_view separator);
std::string inQuotes(std::string_view name);  // "name", for messages
std::string listText(const std::vector<std::string>& items);  // [a, b], for messages
// `expr` without one pair of parentheses around all of it: "(a + b)" -> "a + b".
std::string unwrapParentheses(std::string_view expr);

}  // namespace drizzle::integration

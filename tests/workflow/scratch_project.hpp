// The scratch project a workflow test works in, as a user's own would be: a folder of its own
// with a drizzle.config.json pointing at a fresh, empty database, the real drizzle-kit binary run
// inside it, and a connection to that database. TearDown drops the database and the folder.
//
// PostgreSQL and MariaDB come from scripts/test.sh (DRIZZLE_TEST_PG_URL, DRIZZLE_TEST_MYSQL_URL);
// without them start() fails and says so. SQLite uses a file in the project folder.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include "drizzle/driver/connection.hpp"
#include "util/process.hpp"

namespace drizzle::workflow {

namespace fs = std::filesystem;

inline std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

inline std::string trim(const std::string& s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return {};
    return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

// A migration file's statements, split at Drizzle's breakpoints and trimmed.
inline std::vector<std::string> statements(const std::string& sql) {
    static const std::string breakpoint = "--> statement-breakpoint";
    std::vector<std::string> out;
    std::size_t from = 0;
    while (true) {
        const auto at = sql.find(breakpoint, from);
        const std::string part = trim(sql.substr(from, at == std::string::npos ? std::string::npos : at - from));
        if (!part.empty()) out.push_back(part);
        if (at == std::string::npos) break;
        from = at + breakpoint.size();
    }
    return out;
}

inline std::string requireEnv(const char* name) {
    const char* value = std::getenv(name);
    if (value == nullptr || *value == '\0')
        throw std::runtime_error(std::string(name) +
                                 " is not set, so this workflow has no database server. Run the tests with "
                                 "`bash scripts/test.sh`, which starts private PostgreSQL and MariaDB servers and sets "
                                 "it (or `source scripts/lib/servers.sh && drizzle_start_servers` first).");
    return value;
}

// `prefix` followed by what tells this database apart from every other one on the server.
inline std::string uniqueName(const std::string& prefix) {
    static std::atomic<int> counter{0};
    const auto micros =
        std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::system_clock::now().time_since_epoch())
            .count();
    return prefix + std::to_string(getpid()) + "_" + std::to_string(micros % 1000000000) + "_" +
           std::to_string(counter++);
}

inline std::unique_ptr<driver::Connection> connectTo(Dialect dialect, const std::string& url) {
    Credentials credentials;
    credentials.url = url;
    return driver::connect(dialect, credentials);
}

// The first column of every row, one per line.
inline std::string column0(const driver::Rows& rows) {
    std::string out;
    for (std::size_t r = 0; r < rows.size(); ++r) out += (rows.isNull(r, 0) ? "NULL" : rows.text(r, 0)) + "\n";
    return out;
}

class ScratchProject : public ::testing::Test {
protected:
    // `namePrefix` begins the names of the database and folder; `schemaPath` is the config's
    // "schema", relative to the project folder.
    ScratchProject(std::string namePrefix, std::string schemaPath)
        : namePrefix_(std::move(namePrefix)), schemaPath_(std::move(schemaPath)) {}

    void TearDown() override {
        try {
            if (dialect_ == Dialect::postgresql && !serverUrl_.empty())
                connectTo(dialect_, serverUrl_)->execute("DROP DATABASE IF EXISTS \"" + name_ + "\" WITH (FORCE)");
            else if (dialect_ == Dialect::mysql && !serverUrl_.empty())
                connectTo(dialect_, serverUrl_)->execute("DROP DATABASE IF EXISTS `" + name_ + "`");
        } catch (const std::exception& e) {
            ADD_FAILURE() << "could not drop the test database " << name_ << ": " << e.what();
        }
        std::error_code ec;
        if (!dir_.empty()) fs::remove_all(dir_, ec);
    }

    // The project folder with just drizzle.config.json, pointing at a fresh, empty database.
    void start(Dialect dialect) {
        dialect_ = dialect;
        name_ = uniqueName(namePrefix_);
        dir_ = fs::temp_directory_path() / name_;
        fs::remove_all(dir_);
        fs::create_directories(dir_);
        std::string configDialect;
        switch (dialect) {
            case Dialect::postgresql:
                serverUrl_ = requireEnv("DRIZZLE_TEST_PG_URL");
                connectTo(dialect, serverUrl_)->execute("CREATE DATABASE \"" + name_ + "\"");
                url_ = serverUrl_.substr(0, serverUrl_.rfind('/') + 1) + name_;
                configDialect = "postgresql";
                break;
            case Dialect::mysql:
                serverUrl_ = requireEnv("DRIZZLE_TEST_MYSQL_URL");
                connectTo(dialect, serverUrl_)->execute("CREATE DATABASE `" + name_ + "`");
                url_ = serverUrl_.substr(0, serverUrl_.rfind('/') + 1) + name_;
                configDialect = "mysql";
                break;
            case Dialect::sqlite:
                url_ = "jira.db";  // relative to the config's folder
                configDialect = "sqlite";
                break;
        }
        write("drizzle.config.json", "{\n  \"dialect\": \"" + configDialect + "\",\n  \"schema\": \"" + schemaPath_ +
                                         "\",\n  \"out\": \"drizzle\",\n"
                                         "  \"dbCredentials\": { \"url\": \"" +
                                         url_ + "\" }\n}\n");
    }

    void write(const std::string& name, const std::string& text) {
        fs::create_directories((dir_ / name).parent_path());
        std::ofstream(dir_ / name, std::ios::binary | std::ios::trunc) << text;
    }

    std::string read(const std::string& name) const { return slurp(dir_ / name); }

    // drizzle-kit with `args`, run in the project folder; says what ran, how long it took and
    // how it ended.
    util::ProcessResult kit(std::vector<std::string> args) {
        args.insert(args.begin(), DRIZZLE_KIT_BIN);
        const auto began = std::chrono::steady_clock::now();
        auto r = util::runProcess(args, dir_.string());
        const auto ms =
            std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - began).count();
        std::string shown;
        for (std::size_t i = 1; i < args.size(); ++i) shown += (i > 1 ? " " : "") + args[i];
        std::cout << "[ drizzle-kit " << shown << " ] " << ms << " ms, exit " << r.exitCode << "\n";
        return r;
    }

    std::unique_ptr<driver::Connection> db() const {
        return connectTo(dialect_, dialect_ == Dialect::sqlite ? (dir_ / url_).string() : url_);
    }

    // The .sql files of drizzle/, by name.
    std::vector<std::string> migrationFiles() const {
        std::vector<std::string> out;
        if (!fs::exists(dir_ / "drizzle")) return out;
        for (const auto& e : fs::directory_iterator(dir_ / "drizzle"))
            if (e.path().extension() == ".sql") out.push_back(e.path().filename().string());
        std::sort(out.begin(), out.end());
        return out;
    }

    // The rows of Drizzle's migrations table: the migrations the database has applied.
    std::int64_t trackedMigrations() const {
        const std::string table =
            dialect_ == Dialect::postgresql ? "\"drizzle\".\"__drizzle_migrations\"" : "__drizzle_migrations";
        return db()->query("SELECT count(*) FROM " + table).integer(0, 0);
    }

    Dialect dialect_ = Dialect::sqlite;
    std::string name_, serverUrl_, url_;
    fs::path dir_;

private:
    std::string namePrefix_, schemaPath_;
};

}  // namespace drizzle::workflow

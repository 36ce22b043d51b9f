// What the migrate tests share: scratch databases on the test servers (and SQLite files),
// migrations folders built from drizzle-kit's fixtures, running `drizzle-kit migrate` and Drizzle
// ORM's own migrator as child processes, and reading back what a database holds.
//
//   TestDatabase db(Dialect::postgresql);
//   MigrationsFolder folder = MigrationsFolder::fixture("pg", "basic");
//   folder.add("0001_more", "CREATE TABLE t (id int);");
//   Outcome run = runMigrate(db, folder.path());
//   EXPECT_EQ(run.exitCode, 0) << run.err;
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "drizzle/driver/connection.hpp"

namespace drizzle::migrate_test {

namespace fs = std::filesystem;

// A directory removed with its content at the end of the scope.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const fs::path& path() const { return path_; }

private:
    fs::path path_;
};

std::string readFile(const fs::path& file);
void writeFile(const fs::path& file, const std::string& text);

std::unique_ptr<driver::Connection> connectTo(Dialect dialect, const std::string& url);

// A fresh database for one test: on the PostgreSQL or MariaDB test server (created now, dropped
// at the end; DRIZZLE_TEST_PG_URL / DRIZZLE_TEST_MYSQL_URL must be set, else the constructor
// throws saying to run `bash scripts/test.sh`) or a SQLite file in a temporary directory.
class TestDatabase {
public:
    // On `server` (a server URL) instead of the test server when given.
    explicit TestDatabase(Dialect dialect, const std::string& server = {});
    ~TestDatabase();
    TestDatabase(const TestDatabase&) = delete;
    TestDatabase& operator=(const TestDatabase&) = delete;

    Dialect dialect() const { return dialect_; }
    const std::string& url() const { return url_; }  // a SQLite file path for SQLite
    // This database's URL through another server (a pooler, a standby, another cluster node).
    std::string urlOn(const std::string& server) const;
    std::unique_ptr<driver::Connection> connect() const;

    // Tables and views (with their columns) and schemas, one per line: equal text = same schema.
    std::string schemaState() const;
    // The tracking table's rows as "created_at hash", one per line, ordered; "" when it does not exist.
    std::string trackingRows(const std::string& table = "__drizzle_migrations", const std::string& schema = "drizzle") const;
    std::vector<std::string> tables() const;

private:
    Dialect dialect_;
    std::string name_, url_, serverUrl_;
    std::unique_ptr<TempDir> dir_;
};

// A migrations folder in a temporary directory: empty, or a copy of a committed drizzle-kit
// fixture (tests/fixtures/drizzle-kit/<dialect>/<name>/out).
class MigrationsFolder {
public:
    explicit MigrationsFolder(const std::string& journalDialect);
    // The fixture as drizzle-kit wrote it, except that MySQL's `serial AUTO_INCREMENT` (which
    // MariaDB rejects: error 1064) becomes `serial`, which means the same.
    static MigrationsFolder fixture(const std::string& dialectDir, const std::string& name);
    static MigrationsFolder pristineFixture(const std::string& dialectDir, const std::string& name);

    const fs::path& path() const { return path_; }
    // Appends a journal entry (when = the last one's + 1000 unless given) and writes <tag>.sql.
    void add(const std::string& tag, const std::string& sql, std::int64_t when = 0);
    // Replaces the content of an existing <tag>.sql.
    void edit(const std::string& tag, const std::string& sql);

private:
    std::shared_ptr<TempDir> dir_;
    fs::path path_;
};

// What a child process did (not `Run`: inside TEST bodies gtest's Test::Run would hide it).
struct Outcome {
    int exitCode = -1;  // the exit status, or 128 + signal number
    std::string out, err;
    std::string describe() const;  // exit code and output, for failure messages
};

// drizzle-kit migrate --dialect D --url U --out FOLDER [extra...], waiting for it.
Outcome runMigrate(const TestDatabase& db, const fs::path& folder, const std::vector<std::string>& extra = {});
std::vector<std::string> migrateArgs(const TestDatabase& db, const fs::path& folder);
std::vector<std::string> migrateArgs(Dialect dialect, const std::string& url, const fs::path& folder);

// Drizzle ORM 0.45.4's own migrator (node, tests/fixtures/drizzle-kit/node_modules) on `db`.
Outcome runDrizzleOrmMigrate(const TestDatabase& db, const fs::path& folder);

// A child process the test can kill: started now, its output collected in files.
class Child {
public:
    explicit Child(const std::vector<std::string>& argv);
    ~Child();
    Child(const Child&) = delete;
    Child& operator=(const Child&) = delete;
    pid_t pid() const { return pid_; }
    void kill9();
    Outcome wait();

private:
    pid_t pid_ = -1;
    std::unique_ptr<TempDir> dir_;
    bool waited_ = false;
};

// Polls `condition` every 20 ms for up to `seconds`; true as soon as it holds.
bool waitUntil(const std::function<bool()>& condition, double seconds);

}  // namespace drizzle::migrate_test

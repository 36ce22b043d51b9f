#include "support/migrate_support.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "drizzle/kit/journal.hpp"

extern char** environ;

namespace drizzle::migrate_test {

namespace {

const fs::path fixturesDir = fs::path(DRIZZLE_FIXTURES_DIR) / "drizzle-kit";

std::string requireEnv(const char* name) {
    const char* value = std::getenv(name);
    if (value == nullptr || *value == '\0')
        throw std::runtime_error(std::string(name) +
                                 " is not set, so this test has no database server to migrate. Run the tests with "
                                 "`bash scripts/test.sh`, which starts private PostgreSQL and MariaDB servers and "
                                 "sets it (or `source scripts/lib/servers.sh && drizzle_start_servers` first).");
    return value;
}

std::string uniqueName() {
    static std::atomic<int> counter{0};
    const auto micros = std::chrono::duration_cast<std::chrono::microseconds>(
                            std::chrono::system_clock::now().time_since_epoch())
                            .count();
    return "drizzle_migrate_" + std::to_string(getpid()) + "_" + std::to_string(micros % 1000000000) + "_" +
           std::to_string(counter++);
}

// The server URL with its database replaced: ".../postgres" -> ".../name".
std::string withDatabase(const std::string& serverUrl, const std::string& name) {
    return serverUrl.substr(0, serverUrl.rfind('/') + 1) + name;
}

std::string joinLines(const driver::Rows& rows) {
    std::string out;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        for (std::size_t c = 0; c < rows.columnCount(); ++c)
            out += (c == 0 ? "" : " ") + (rows.isNull(r, c) ? std::string("NULL") : rows.text(r, c));
        out += "\n";
    }
    return out;
}

}  // namespace

TempDir::TempDir() {
    std::string pattern = (fs::temp_directory_path() / "drizzle-migrate-test.XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr)
        throw std::runtime_error(std::string("cannot create a temporary directory: ") + std::strerror(errno));
    path_ = pattern;
}

TempDir::~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
}

std::string readFile(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void writeFile(const fs::path& file, const std::string& text) {
    fs::create_directories(file.parent_path());
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out) throw std::runtime_error("cannot write " + file.string());
}

// ---------------------------------------------------------------- databases

std::unique_ptr<driver::Connection> connectTo(Dialect dialect, const std::string& url) {
    Credentials credentials;
    credentials.url = url;
    return driver::connect(dialect, credentials);
}

TestDatabase::TestDatabase(Dialect dialect, const std::string& server) : dialect_(dialect), name_(uniqueName()) {
    switch (dialect) {
        case Dialect::sqlite:
            dir_ = std::make_unique<TempDir>();
            url_ = (dir_->path() / "app.db").string();
            break;
        case Dialect::postgresql:
            serverUrl_ = server.empty() ? requireEnv("DRIZZLE_TEST_PG_URL") : server;
            connectTo(dialect, serverUrl_)->execute("CREATE DATABASE \"" + name_ + "\"");
            url_ = withDatabase(serverUrl_, name_);
            break;
        case Dialect::mysql:
            serverUrl_ = server.empty() ? requireEnv("DRIZZLE_TEST_MYSQL_URL") : server;
            connectTo(dialect, serverUrl_)->execute("CREATE DATABASE `" + name_ + "`");
            url_ = withDatabase(serverUrl_, name_);
            break;
    }
}

TestDatabase::~TestDatabase() {
    try {
        if (dialect_ == Dialect::postgresql)
            connectTo(dialect_, serverUrl_)->execute("DROP DATABASE IF EXISTS \"" + name_ + "\" WITH (FORCE)");
        else if (dialect_ == Dialect::mysql)
            connectTo(dialect_, serverUrl_)->execute("DROP DATABASE IF EXISTS `" + name_ + "`");
    } catch (...) {  // the server is stopped with its data at the end of the run anyway
    }
}

std::unique_ptr<driver::Connection> TestDatabase::connect() const { return connectTo(dialect_, url_); }

std::string TestDatabase::schemaState() const {
    auto db = connect();
    switch (dialect_) {
        case Dialect::postgresql:
            return joinLines(db->query(
                "SELECT line FROM ("
                " SELECT n.nspname || '.' || c.relname || ' ' || c.relkind::text || ' ' || coalesce((SELECT string_agg("
                "   a.attname || ':' || format_type(a.atttypid, a.atttypmod), ',' ORDER BY a.attnum) FROM pg_attribute a"
                "   WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped), '') AS line"
                " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                " WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')"
                " UNION ALL SELECT 'schema ' || nspname FROM pg_namespace"
                " WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema') s ORDER BY line"));
        case Dialect::sqlite:
            return joinLines(db->query("SELECT type, name, sql FROM sqlite_master ORDER BY type, name"));
        case Dialect::mysql:
            return joinLines(db->query(
                "SELECT CONCAT(TABLE_NAME, ' ', TABLE_TYPE) AS line FROM information_schema.TABLES"
                " WHERE TABLE_SCHEMA = DATABASE()"
                " UNION ALL SELECT CONCAT(TABLE_NAME, '.', COLUMN_NAME, ' ', COLUMN_TYPE) FROM information_schema.COLUMNS"
                " WHERE TABLE_SCHEMA = DATABASE()"
                " UNION ALL SELECT CONCAT(TABLE_NAME, ' index ', INDEX_NAME, ' ', COLUMN_NAME) FROM information_schema.STATISTICS"
                " WHERE TABLE_SCHEMA = DATABASE() ORDER BY line"));
    }
    return {};
}

std::vector<std::string> TestDatabase::tables() const {
    auto db = connect();
    driver::Rows rows =
        dialect_ == Dialect::postgresql
            ? db->query("SELECT table_schema || '.' || table_name FROM information_schema.tables"
                        " WHERE table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1")
        : dialect_ == Dialect::sqlite
            ? db->query("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            : db->query("SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() ORDER BY 1");
    std::vector<std::string> out;
    for (std::size_t r = 0; r < rows.size(); ++r) out.push_back(rows.text(r, 0));
    return out;
}

std::string TestDatabase::trackingRows(const std::string& table, const std::string& schema) const {
    auto db = connect();
    std::string qualified;
    switch (dialect_) {
        case Dialect::postgresql:
            if (db->query("SELECT 1 FROM information_schema.tables WHERE table_schema = ? AND table_name = ?",
                          {schema, table})
                    .size() == 0)
                return "";
            qualified = "\"" + schema + "\".\"" + table + "\"";
            break;
        case Dialect::sqlite:
            if (db->query("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", {table}).size() == 0) return "";
            qualified = "\"" + table + "\"";
            break;
        case Dialect::mysql:
            if (db->query("SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?",
                          {table})
                    .size() == 0)
                return "";
            qualified = "`" + table + "`";
            break;
    }
    return joinLines(db->query("SELECT created_at, hash FROM " + qualified + " ORDER BY created_at"));
}

// ---------------------------------------------------------------- folders

MigrationsFolder::MigrationsFolder(const std::string& journalDialect)
    : dir_(std::make_shared<TempDir>()), path_(dir_->path() / "drizzle") {
    kit::Journal journal;
    journal.dialect = journalDialect;
    kit::writeJournal(path_, journal);
}

MigrationsFolder MigrationsFolder::pristineFixture(const std::string& dialectDir, const std::string& name) {
    const fs::path source = fixturesDir / dialectDir / name / "out";
    MigrationsFolder folder(kit::readJournal(source).dialect);
    fs::copy(source, folder.path_, fs::copy_options::recursive | fs::copy_options::overwrite_existing);
    return folder;
}

MigrationsFolder MigrationsFolder::fixture(const std::string& dialectDir, const std::string& name) {
    MigrationsFolder folder = pristineFixture(dialectDir, name);
    if (dialectDir != "mysql") return folder;
    for (const kit::JournalEntry& entry : kit::readJournal(folder.path_).entries) {
        const fs::path file = folder.path_ / (entry.tag + ".sql");
        std::string sql = readFile(file);
        const std::string from = "serial AUTO_INCREMENT", to = "serial";
        for (auto at = sql.find(from); at != std::string::npos; at = sql.find(from, at + to.size())) sql.replace(at, from.size(), to);
        writeFile(file, sql);
    }
    return folder;
}

void MigrationsFolder::add(const std::string& tag, const std::string& sql, std::int64_t when) {
    kit::Journal journal = kit::readJournal(path_);
    if (when == 0) when = journal.entries.empty() ? 1700000000000 : journal.entries.back().when + 1000;
    const std::string version = journal.entries.empty() ? "7" : journal.entries.back().version;
    journal.entries.push_back({static_cast<std::int64_t>(journal.entries.size()), version, when, tag, true});
    writeFile(path_ / (tag + ".sql"), sql);
    kit::writeJournal(path_, journal);
}

void MigrationsFolder::edit(const std::string& tag, const std::string& sql) {
    if (!fs::exists(path_ / (tag + ".sql"))) throw std::runtime_error("no migration " + tag);
    writeFile(path_ / (tag + ".sql"), sql);
}

// ---------------------------------------------------------------- processes

std::string Outcome::describe() const {
    return "exit code " + std::to_string(exitCode) + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
}

Child::Child(const std::vector<std::string>& argv) : dir_(std::make_unique<TempDir>()) {
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    const std::string out = (dir_->path() / "out").string(), err = (dir_->path() / "err").string();
    posix_spawn_file_actions_addopen(&actions, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&actions, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    std::vector<char*> args;
    for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    const int rc = posix_spawnp(&pid_, args[0], &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) throw std::runtime_error("cannot start " + argv[0] + ": " + std::strerror(rc));
}

Child::~Child() {
    if (!waited_) {
        ::kill(pid_, SIGKILL);
        int status = 0;
        waitpid(pid_, &status, 0);
    }
}

void Child::kill9() { ::kill(pid_, SIGKILL); }

Outcome Child::wait() {
    int status = 0;
    while (waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
    }
    waited_ = true;
    Outcome run;
    run.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    run.out = readFile(dir_->path() / "out");
    run.err = readFile(dir_->path() / "err");
    return run;
}

std::vector<std::string> migrateArgs(const TestDatabase& db, const fs::path& folder) {
    return migrateArgs(db.dialect(), db.url(), folder);
}
std::vector<std::string> migrateArgs(Dialect dialect, const std::string& url, const fs::path& folder) {
    return {DRIZZLE_KIT_BIN, "migrate", "--dialect", std::string(dialectName(dialect)), "--url", url, "--out", folder.string()};
}

std::string TestDatabase::urlOn(const std::string& server) const { return withDatabase(server, name_); }

Outcome runMigrate(const TestDatabase& db, const fs::path& folder, const std::vector<std::string>& extra) {
    std::vector<std::string> argv = migrateArgs(db, folder);
    argv.insert(argv.end(), extra.begin(), extra.end());
    return Child(argv).wait();
}

Outcome runDrizzleOrmMigrate(const TestDatabase& db, const fs::path& folder) {
    return Child({"node", (fs::path(DRIZZLE_MIGRATE_TEST_DIR) / "drizzle_orm_migrate.cjs").string(), fixturesDir.string(),
                  std::string(dialectName(db.dialect())), db.url(), folder.string()})
        .wait();
}

bool waitUntil(const std::function<bool()>& condition, double seconds) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    while (std::chrono::steady_clock::now() < deadline) {
        if (condition()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return condition();
}

}  // namespace drizzle::migrate_test

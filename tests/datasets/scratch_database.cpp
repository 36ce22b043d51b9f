// Scratch databases and the dialects' own command-line tools (psql/pg_dump from the server's bin
// directory, mariadb/mariadb-dump, sqlite3).
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <stdexcept>

#include "fidelity.hpp"
#include "util/process.hpp"

namespace fidelity {
namespace fs = std::filesystem;
using drizzle::Dialect;

fs::path Dataset::file() const {
    const char* folder = dialect == Dialect::postgresql ? "postgres" : dialect == Dialect::mysql ? "mysql" : "sqlite";
    return fs::path(DRIZZLE_FIXTURES_DIR) / "datasets" / folder / name / "schema.sql";
}

namespace {

std::string env(const char* name, const char* startedBy) {
    const char* v = std::getenv(name);
    if (v == nullptr || *v == '\0')
        throw std::runtime_error(std::string(name) + " is not set: run `bash scripts/test.sh` (it starts " + startedBy + ")");
    return v;
}

// scheme://user:password@host:port/database -> its parts.
struct UrlParts {
    std::string scheme, user, password, host, port, database;
};
UrlParts parseUrl(const std::string& url) {
    UrlParts p;
    auto scheme = url.find("://");
    p.scheme = url.substr(0, scheme);
    std::string rest = url.substr(scheme + 3);
    auto slash = rest.find('/');
    std::string authority = rest.substr(0, slash);
    p.database = slash == std::string::npos ? "" : rest.substr(slash + 1, rest.find('?', slash) - slash - 1);
    auto at = authority.rfind('@');
    if (at != std::string::npos) {
        std::string userinfo = authority.substr(0, at);
        authority = authority.substr(at + 1);
        auto colon = userinfo.find(':');
        p.user = userinfo.substr(0, colon);
        if (colon != std::string::npos) p.password = userinfo.substr(colon + 1);
    }
    auto colon = authority.rfind(':');
    p.host = authority.substr(0, colon);
    if (colon != std::string::npos) p.port = authority.substr(colon + 1);
    return p;
}

std::string serverUrl(Dialect d) {
    return d == Dialect::postgresql ? env("DRIZZLE_TEST_PG_URL", "PostgreSQL") : env("DRIZZLE_TEST_MYSQL_URL", "MariaDB");
}

std::string urlFor(Dialect d, const std::string& database) {
    UrlParts p = parseUrl(serverUrl(d));
    std::string auth = p.user + (p.password.empty() ? "" : ":" + p.password);
    return p.scheme + "://" + auth + "@" + p.host + (p.port.empty() ? "" : ":" + p.port) + "/" + database;
}

// The PostgreSQL tools matching the server (scripts/lib/servers.sh exports its bin directory).
std::string pgTool(const std::string& tool) {
    const char* bindir = std::getenv("DRIZZLE_TEST_PG_BINDIR");
    if (bindir == nullptr || *bindir == '\0') return tool;
    return (fs::path(bindir) / tool).string();
}

// MariaDB's tools under their current names, or MySQL's when those are all there is.
std::string mysqlTool(const std::string& mariadbName, const std::string& mysqlName) {
    for (const char* dir : {"/usr/bin", "/usr/local/bin"})
        if (fs::exists(fs::path(dir) / mariadbName)) return mariadbName;
    return mysqlName;
}

std::vector<std::string> mysqlConnectionArgs(const std::string& url) {
    UrlParts p = parseUrl(url);
    return {"--no-defaults", "--protocol=tcp", "-h", p.host, "-P", p.port.empty() ? "3306" : p.port, "-u", p.user,
            "-p" + p.password};
}

drizzle::util::ProcessResult run(const std::vector<std::string>& argv, const std::string& stdinFile = {}) {
    auto r = drizzle::util::runProcess(argv, {}, stdinFile);
    if (r.exitCode != 0) {
        std::string command;
        for (const auto& a : argv) command += (command.empty() ? "" : " ") + (a.starts_with("-p") && a.size() > 2 ? "-p****" : a);
        throw std::runtime_error(command + " failed (exit " + std::to_string(r.exitCode) + "):\n" + r.err + r.out);
    }
    return r;
}

drizzle::Credentials credentials(const std::string& url) {
    drizzle::Credentials c;
    c.url = url;
    return c;
}

std::string uniqueName(const std::string& tag) {
    static std::atomic<int> counter = 0;
    return "drizzle_dataset_" + tag + "_" + std::to_string(::getpid()) + "_" + std::to_string(++counter);
}

}  // namespace

ScratchDatabase::ScratchDatabase(Dialect dialect, const std::string& tag) : dialect_(dialect), name_(uniqueName(tag)) {
    if (dialect == Dialect::sqlite) {
        std::string pattern = (fs::temp_directory_path() / "drizzle_dataset.XXXXXX").string();
        if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
        dir_ = pattern;
        url_ = (dir_ / (name_ + ".db")).string();
        return;
    }
    auto admin = drizzle::driver::connect(dialect, credentials(serverUrl(dialect)));
    if (dialect == Dialect::postgresql) {
        admin->execute("DROP DATABASE IF EXISTS \"" + name_ + "\"");
        admin->execute("CREATE DATABASE \"" + name_ + "\"");
    } else {
        admin->execute("DROP DATABASE IF EXISTS `" + name_ + "`");
        admin->execute("CREATE DATABASE `" + name_ + "`");
    }
    url_ = urlFor(dialect, name_);
}

ScratchDatabase::~ScratchDatabase() {
    try {
        if (dialect_ == Dialect::sqlite) {
            std::error_code ec;
            fs::remove_all(dir_, ec);
            return;
        }
        auto admin = drizzle::driver::connect(dialect_, credentials(serverUrl(dialect_)));
        if (dialect_ == Dialect::postgresql) admin->execute("DROP DATABASE IF EXISTS \"" + name_ + "\" WITH (FORCE)");
        else admin->execute("DROP DATABASE IF EXISTS `" + name_ + "`");
    } catch (...) {
    }
}

std::unique_ptr<drizzle::driver::Connection> ScratchDatabase::connect() const {
    return drizzle::driver::connect(dialect_, credentials(url_));
}

void ScratchDatabase::load(const fs::path& sqlFile) const {
    switch (dialect_) {
        case Dialect::postgresql:
            run({pgTool("psql"), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", url_, "-f", sqlFile.string()});
            break;
        case Dialect::mysql: {
            auto args = mysqlConnectionArgs(url_);
            args.insert(args.begin(), mysqlTool("mariadb", "mysql"));
            args.push_back(name_);
            run(args, sqlFile.string());
            break;
        }
        case Dialect::sqlite: run({"sqlite3", "-bail", url_}, sqlFile.string()); break;
    }
}

void ScratchDatabase::loadText(const std::string& sql) const {
    char pattern[] = "/tmp/drizzle_dataset_sql.XXXXXX";
    int fd = mkstemp(pattern);
    if (fd < 0) throw std::runtime_error("mkstemp failed");
    ::close(fd);
    {
        std::ofstream out(pattern, std::ios::binary);
        // mariadb-dump --compact leaves out the header that lets tables reference ones created later.
        if (dialect_ == Dialect::mysql) out << "SET FOREIGN_KEY_CHECKS = 0;\n";
        out << sql;
    }
    try {
        load(pattern);
    } catch (...) {
        fs::remove(pattern);
        throw;
    }
    fs::remove(pattern);
}

std::string ScratchDatabase::dumpText() const {
    switch (dialect_) {
        case Dialect::postgresql:
            return run({pgTool("pg_dump"), "--schema-only", "--no-owner", "--no-privileges", "-d", url_}).out;
        case Dialect::mysql: {
            auto args = mysqlConnectionArgs(url_);
            args.insert(args.begin(), mysqlTool("mariadb-dump", "mysqldump"));
            for (const char* o : {"--no-data", "--compact", "--skip-dump-date", "--routines", "--events", "--triggers"})
                args.push_back(o);
            args.push_back(name_);
            return run(args).out;
        }
        // Without sqlite_sequence, which SQLite creates itself for AUTOINCREMENT and refuses to
        // be given when the dump is restored.
        case Dialect::sqlite: return run({"sqlite3", url_, ".schema --nosys"}).out;
    }
    return {};
}

Dump dump(const ScratchDatabase& db) {
    const std::string text = db.dumpText();
    switch (db.dialect()) {
        case Dialect::postgresql: return parsePgDump(text);
        case Dialect::mysql: return parseMysqlDump(text);
        case Dialect::sqlite: return parseSqliteDump(text);
    }
    return {};
}

}  // namespace fidelity

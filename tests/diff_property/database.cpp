// Scratch databases and their normalised dumps. PostgreSQL: pg_dump --schema-only, each
// CREATE TABLE's lines sorted (a column added later comes last). SQLite: the catalog pragmas
// (the stored CREATE TABLE text keeps the spelling of each ALTER TABLE), plus each index's SQL
// and each check. MySQL: SHOW CREATE TABLE with its body lines sorted and AUTO_INCREMENT
// counters dropped.
#include "database.hpp"

#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <regex>
#include <sstream>
#include <stdexcept>

#include "drizzle/driver/connection.hpp"
#include "drizzle/error.hpp"

namespace drizzle::diff_property {
namespace {

using driver::Connection;

std::string requireEnv(const char* name) {
    const char* value = std::getenv(name);
    if (!value || !*value)
        throw std::runtime_error(std::string(name) +
                                 " is not set: run the suite with `bash scripts/test.sh`, which starts the servers");
    return value;
}

// postgres://u@h:p/postgres?x -> postgres://u@h:p/<db>?x
std::string withDatabase(const std::string& url, const std::string& database) {
    auto scheme = url.find("://");
    auto slash = url.find('/', scheme == std::string::npos ? 0 : scheme + 3);
    if (slash == std::string::npos) return url + "/" + database;
    auto query = url.find('?', slash);
    return url.substr(0, slash + 1) + database + (query == std::string::npos ? "" : url.substr(query));
}

std::string uniqueName(const std::string& tag) {
    return "drizzle_prop_" + std::to_string(::getpid()) + "_" + tag;
}

std::string trim(std::string s) {
    auto first = s.find_first_not_of(" \t\n");
    if (first == std::string::npos) return "";
    return s.substr(first, s.find_last_not_of(" \t\n") - first + 1);
}

std::string stripComma(std::string s) {
    s = trim(std::move(s));
    if (!s.empty() && s.back() == ',') s.pop_back();
    return s;
}

void applyEach(Connection& db, const std::vector<std::string>& statements) {
    for (const auto& sql : statements) {
        try {
            db.execute(sql);
        } catch (const Error& e) {
            throw Error(e.category(), std::string(e.what()) + "\n  while running: " + sql, e.hint(), e.nativeCode());
        }
    }
}

std::string run(const std::string& command) {
    std::string out;
    FILE* pipe = ::popen(command.c_str(), "r");
    if (!pipe) throw std::runtime_error("cannot run " + command);
    std::array<char, 4096> buffer{};
    while (std::size_t n = std::fread(buffer.data(), 1, buffer.size(), pipe)) out.append(buffer.data(), n);
    if (int status = ::pclose(pipe); status != 0)
        throw std::runtime_error(command + " exited with status " + std::to_string(status));
    return out;
}

// pg_dump's text as sorted statements, each a single line; a CREATE TABLE or CREATE TYPE keeps
// its items in one line each, sorted for tables (column order is not compared).
std::vector<std::string> normalisePgDump(const std::string& text) {
    std::vector<std::string> statements;
    std::istringstream in(text);
    std::string line, current;
    std::vector<std::string> items;
    bool inTable = false;
    while (std::getline(in, line)) {
        // `\\restrict KEY` lines carry a random key (pg_dump 15.14 and later).
        if (line.empty() || line.starts_with("--") || line.starts_with("\\") || line.starts_with("SET ") ||
            line.starts_with("SELECT pg_catalog.set_config"))
            continue;
        if (line.starts_with("CREATE TABLE ")) {
            inTable = true;
            current = line;
            items.clear();
            continue;
        }
        if (inTable) {
            if (line.starts_with(");") || line.starts_with(")")) {
                std::sort(items.begin(), items.end());
                for (const auto& item : items) current += "\n    " + item;
                statements.push_back(current + "\n" + line);
                inTable = false;
            } else {
                items.push_back(stripComma(line));
            }
            continue;
        }
        current += (current.empty() ? "" : " ") + trim(line);
        if (!current.empty() && current.back() == ';') {
            statements.push_back(current);
            current.clear();
        }
    }
    if (!current.empty()) statements.push_back(current);
    std::sort(statements.begin(), statements.end());
    return statements;
}

class PgDatabase : public Database {
public:
    explicit PgDatabase(const std::string& tag)
        : serverUrl_(requireEnv("DRIZZLE_TEST_PG_URL")),
          pgDump_(requireEnv("DRIZZLE_TEST_PG_BINDIR") + "/pg_dump"),
          name_(uniqueName(tag)),
          url_(withDatabase(serverUrl_, name_)) {
        admin_ = driver::connect(Dialect::postgresql, {.url = serverUrl_});
        admin_->execute("DROP DATABASE IF EXISTS \"" + name_ + "\"");
        admin_->execute("CREATE DATABASE \"" + name_ + "\"");
        db_ = driver::connect(Dialect::postgresql, {.url = url_});
        db_->execute("SET client_min_messages = warning");
    }
    ~PgDatabase() override {
        db_.reset();
        try {
            admin_->execute("DROP DATABASE IF EXISTS \"" + name_ + "\" WITH (FORCE)");
        } catch (...) {
        }
    }
    void reset() override { db_->execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public"); }
    void apply(const std::vector<std::string>& statements) override { applyEach(*db_, statements); }
    Connection& connection() override { return *db_; }
    std::vector<std::string> dump() override {
        return normalisePgDump(run("'" + pgDump_ + "' --schema-only --no-owner --no-privileges '" + url_ + "'"));
    }

private:
    std::string serverUrl_, pgDump_, name_, url_;
    std::unique_ptr<Connection> admin_, db_;
};

class MysqlDatabase : public Database {
public:
    explicit MysqlDatabase(const std::string& tag) : name_(uniqueName(tag)) {
        std::string serverUrl = requireEnv("DRIZZLE_TEST_MYSQL_URL");
        admin_ = driver::connect(Dialect::mysql, {.url = serverUrl});
        admin_->execute("DROP DATABASE IF EXISTS `" + name_ + "`");
        admin_->execute("CREATE DATABASE `" + name_ + "`");
        db_ = driver::connect(Dialect::mysql, {.url = withDatabase(serverUrl, name_)});
    }
    ~MysqlDatabase() override {
        db_.reset();
        try {
            admin_->execute("DROP DATABASE IF EXISTS `" + name_ + "`");
        } catch (...) {
        }
    }
    void reset() override {
        db_->execute("DROP DATABASE `" + name_ + "`");
        db_->execute("CREATE DATABASE `" + name_ + "`");
        db_->execute("USE `" + name_ + "`");
    }
    void apply(const std::vector<std::string>& statements) override { applyEach(*db_, statements); }
    Connection& connection() override { return *db_; }
    std::vector<std::string> dump() override {
        std::vector<std::string> out;
        auto tables = db_->query(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = database() ORDER BY table_name");
        static const std::regex autoIncrement(" AUTO_INCREMENT=[0-9]+");
        for (std::size_t i = 0; i < tables.size(); ++i) {
            auto create = db_->query("SHOW CREATE TABLE `" + tables.text(i, 0) + "`");
            std::istringstream in(create.text(0, 1));
            std::string line;
            std::vector<std::string> lines;
            while (std::getline(in, line)) {
                line = stripComma(std::regex_replace(line, autoIncrement, ""));
                // The index MySQL creates for a foreign key stays when the key is dropped; it is
                // the server's, not the schema's.
                if (line.starts_with("KEY `") && line.find("_fk` (") != std::string::npos) continue;
                lines.push_back(line);
            }
            std::sort(lines.begin(), lines.end());
            for (const auto& l : lines) out.push_back(tables.text(i, 0) + ": " + l);
        }
        return out;
    }

private:
    std::string name_;
    std::unique_ptr<Connection> admin_, db_;
};

// The CHECK clauses of a CREATE TABLE text: `CONSTRAINT "name" CHECK(...)`.
std::vector<std::string> sqliteChecks(const std::string& sql) {
    std::vector<std::string> out;
    std::size_t at = 0;
    while ((at = sql.find("CONSTRAINT ", at)) != std::string::npos) {
        std::size_t check = sql.find(" CHECK(", at);
        std::size_t comma = sql.find_first_of(",\n", at);
        if (check == std::string::npos || (comma != std::string::npos && comma < check)) {
            at += 11;
            continue;
        }
        std::size_t i = check + 7;
        for (int depth = 1; i < sql.size() && depth > 0; ++i) depth += sql[i] == '(' ? 1 : sql[i] == ')' ? -1 : 0;
        out.push_back(sql.substr(at, i - at));
        at = i;
    }
    return out;
}

class SqliteDatabase : public Database {
public:
    SqliteDatabase() { reset(); }
    void reset() override { db_ = driver::connect(Dialect::sqlite, {.url = ":memory:"}); }
    void apply(const std::vector<std::string>& statements) override { applyEach(*db_, statements); }
    Connection& connection() override { return *db_; }
    std::vector<std::string> dump() override {
        std::vector<std::string> out;
        auto objects = db_->query("SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'");
        for (std::size_t i = 0; i < objects.size(); ++i) {
            std::string type = objects.text(i, 0), name = objects.text(i, 1);
            if (type == "index") {
                out.push_back("index " + objects.text(i, 3));
                continue;
            }
            out.push_back(type + " " + name);
            if (type != "table") continue;
            std::string prefix = name + ": ";
            for (const auto& c : sqliteChecks(objects.text(i, 3))) out.push_back(prefix + c);
            auto columns = db_->query("SELECT name, type, \"notnull\", dflt_value, pk, hidden FROM pragma_table_xinfo(?)",
                                      {name});
            for (std::size_t r = 0; r < columns.size(); ++r) {
                std::string line = prefix + "column";
                for (std::size_t c = 0; c < columns.columnCount(); ++c)
                    line += " " + (columns.isNull(r, c) ? std::string("NULL") : columns.text(r, c));
                out.push_back(line);
            }
            auto fks = db_->query(
                "SELECT id, group_concat(\"from\"), \"table\", group_concat(\"to\"), on_update, on_delete, \"match\" "
                "FROM pragma_foreign_key_list(?) GROUP BY id",
                {name});
            for (std::size_t r = 0; r < fks.size(); ++r)
                out.push_back(prefix + "foreign key (" + fks.text(r, 1) + ") -> " + fks.text(r, 2) + "(" +
                              fks.text(r, 3) + ") on update " + fks.text(r, 4) + " on delete " + fks.text(r, 5) +
                              " match " + fks.text(r, 6));
            // Indexes SQLite makes for PRIMARY KEY and UNIQUE: named by position, so by columns here.
            auto autoIndexes = db_->query(
                "SELECT l.origin, l.\"unique\", l.partial, (SELECT group_concat(name) FROM pragma_index_info(l.name)) "
                "FROM pragma_index_list(?) l WHERE l.origin <> 'c'",
                {name});
            for (std::size_t r = 0; r < autoIndexes.size(); ++r)
                out.push_back(prefix + "auto index " + autoIndexes.text(r, 0) + " unique=" + autoIndexes.text(r, 1) +
                              " partial=" + autoIndexes.text(r, 2) + " (" + autoIndexes.text(r, 3) + ")");
        }
        std::sort(out.begin(), out.end());
        return out;
    }

private:
    std::unique_ptr<Connection> db_;
};

}  // namespace

std::unique_ptr<Database> openDatabase(Dialect dialect, const std::string& tag) {
    switch (dialect) {
        case Dialect::postgresql: return std::make_unique<PgDatabase>(tag);
        case Dialect::mysql: return std::make_unique<MysqlDatabase>(tag);
        case Dialect::sqlite: return std::make_unique<SqliteDatabase>();
    }
    throw std::logic_error("unknown dialect");
}

}  // namespace drizzle::diff_property

// Database connections: one thin interface over libpq, sqlite3 and MariaDB Connector/C, shared
// by the kit (migrate, push, pull) and the ORM.
//
// Every failure is a drizzle::Error with a portable category (connection, constraint, syntax,
// migration...), the database's native code (SQLSTATE, SQLite extended result code, MySQL
// errno) and the failing SQL in the message. Passwords never appear in any message.
//
//   auto db = drizzle::driver::connect(drizzle::Dialect::sqlite, {.url = "app.db"});
//   db->execute("create table t (id integer primary key, name text)");
//   auto insert = db->prepare("insert into t (name) values (?)");
//   insert->run({drizzle::driver::Param{"Ada"}});
//   auto rows = db->query("select id, name from t where name = ?", {std::string("Ada")});
//   std::int64_t id = rows.integer(0, 0);
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "drizzle/dialect.hpp"
#include "drizzle/driver/credentials.hpp"
#include "drizzle/driver/cursor.hpp"

namespace drizzle::driver {

// A fully read result set, owning its data. Values are kept as the text the database sent
// (binary columns as raw bytes), NULL as absent.
class Rows {
public:
    std::size_t size() const { return rows_.size(); }
    std::size_t columnCount() const { return names_.size(); }
    const std::string& columnName(std::size_t column) const { return names_.at(column); }
    bool isNull(std::size_t row, std::size_t column) const { return !rows_.at(row).at(column).has_value(); }
    // The value as text; throws drizzle::Error when it is NULL.
    const std::string& text(std::size_t row, std::size_t column) const;
    std::int64_t integer(std::size_t row, std::size_t column) const;
    double real(std::size_t row, std::size_t column) const;

    // For drivers: build the set.
    void setColumns(std::vector<std::string> names) { names_ = std::move(names); }
    void addRow(std::vector<std::optional<std::string>> values) { rows_.push_back(std::move(values)); }

private:
    std::vector<std::string> names_;
    std::vector<std::vector<std::optional<std::string>>> rows_;
};

// A prepared statement; runs any number of times with new parameters.
class Statement {
public:
    virtual ~Statement() = default;
    // Runs the statement and reads every row (through open()).
    Rows run(const std::vector<Param>& params = {});
    // Rows changed by the last run (INSERT/UPDATE/DELETE); for a statement that returns rows
    // (SELECT, ... RETURNING), the number of rows it returned (after open(), read so far).
    virtual std::int64_t affectedRows() const = 0;
    // Runs the statement and streams its rows (the hot path: no copies). The parameters must
    // stay alive until the cursor is done; the cursor lives until the statement runs again.
    virtual Cursor& open(std::span<const Param> params) = 0;
};

// What a statement does, for a connection that routes statements (a pool of SQLite readers,
// read replicas): `read` is a plain SELECT that any copy of the data can answer; everything
// else (writes, RETURNING, SELECT ... FOR UPDATE, raw SQL) is a `write`.
enum class Access : std::uint8_t { write, read };

// One session with the database. A Connection and its Statements are used by one thread at a
// time; a Statement may outlive its Connection. (A pool, driver/pool.hpp, is a Connection that
// many threads use at once.)
class Connection {
public:
    virtual ~Connection() = default;
    virtual Dialect dialect() const = 0;

    // Runs one or more ';'-separated statements, discarding any rows; blank or comment-only text
    // does nothing. It stops at the first failing statement, and the ones before it stay applied
    // unless a transaction is open (PostgreSQL runs the whole text as one implicit transaction).
    virtual void execute(std::string_view sql) = 0;
    // Runs one statement with bound parameters and returns its rows.
    virtual Rows query(std::string_view sql, const std::vector<Param>& params = {}) = 0;
    virtual std::unique_ptr<Statement> prepare(std::string_view sql) = 0;
    // Runs one statement once and streams its rows (PostgreSQL: one round trip, no named
    // statement). The parameters must stay alive until the cursor is done; the cursor must be
    // done before the connection runs anything else.
    virtual std::unique_ptr<Cursor> stream(std::string_view sql, std::span<const Param> params = {}) = 0;
    // As stream(), but the rows travel one at a time as next() asks for them, so a result of any
    // size takes the memory of a row (PostgreSQL's single-row mode, MySQL's unbuffered fetch;
    // SQLite's stream() already steps). The connection is busy until the cursor is done: read
    // to its end, or closed (which reads and drops the rest) or destroyed.
    virtual std::unique_ptr<Cursor> streamUnbuffered(std::string_view sql, std::span<const Param> params = {}) {
        return stream(sql, params);
    }

    // Transactions and savepoints (names are quoted by the driver). begin() is a plain BEGIN (on
    // SQLite deferred: execute("BEGIN IMMEDIATE") takes the write lock at once; commit() and
    // rollback() end either). MySQL commits implicitly before and after each DDL statement, so
    // rollback() cannot undo DDL there. On PostgreSQL, commit() of a transaction in which a
    // statement failed throws, as the server rolled it back.
    virtual void begin() = 0;
    virtual void commit() = 0;
    virtual void rollback() = 0;
    virtual void savepoint(std::string_view name) = 0;
    virtual void releaseSavepoint(std::string_view name) = 0;
    virtual void rollbackToSavepoint(std::string_view name) = 0;

    // Where this connection goes, password masked: "postgres://app:****@db:5432/app".
    virtual std::string describe() const = 0;

    // As stream()/streamUnbuffered() and prepare(), told what the statement does, so that a
    // routing connection can send a read elsewhere than a write. A plain connection ignores it.
    virtual std::unique_ptr<Cursor> streamAs(Access, std::string_view sql, std::span<const Param> params,
                                             bool unbuffered) {
        return unbuffered ? streamUnbuffered(sql, params) : stream(sql, params);
    }
    virtual std::unique_ptr<Statement> prepareAs(Access, std::string_view sql) { return prepare(sql); }

    // How deep the ORM's transactions are nested on this connection (0: none open), for the
    // calling thread: a pool keeps one count per transaction it pinned a connection to.
    virtual int& transactionDepth() { return depth_; }

    // False when the connection is known to be unusable without asking the server: the server
    // closed it (a restart, pg_terminate_backend, wait_timeout). A pool checks a connection that
    // sat idle before lending it out again.
    virtual bool alive() { return true; }

    // A new connection to the same database with the same credentials (the migrator's lock
    // heartbeat runs on one); null when this connection cannot make one.
    virtual std::unique_ptr<Connection> reopen() const { return nullptr; }

private:
    int depth_ = 0;
};

// Opens a connection from config credentials: a URL (postgres://, postgresql://, mysql://,
// mariadb://; for SQLite a file path, "file:..." or ":memory:") or host/port/user/password/
// database/ssl. PostgreSQL `ssl` is a libpq sslmode.
std::unique_ptr<Connection> connect(Dialect dialect, const Credentials& credentials);

// The URL with its password replaced by "****", as every message shows it.
std::string maskPassword(std::string_view url);

// Runs `work` in a transaction: commits when it returns, rolls back when it throws.
template <class F>
void transaction(Connection& db, F&& work) {
    db.begin();
    try {
        work();
    } catch (...) {
        try {
            db.rollback();
        } catch (...) {
        }
        throw;
    }
    db.commit();
}

}  // namespace drizzle::driver

// The SQLite driver over sqlite3. Opening a connection turns on foreign keys (off by default in
// SQLite) and waits up to 5 s for another writer's lock instead of failing at once.
#include <sqlite3.h>

#include <algorithm>
#include <span>
#include <string>
#include <vector>

#include "drivers/driver_internal.hpp"

namespace drizzle::driver::detail {

namespace {

constexpr std::string_view databaseName = sqliteTraits.displayName;
constexpr int busyTimeoutMs = 5000;

struct SqliteSession {
    sqlite3* db = nullptr;
    std::string location;

    ~SqliteSession() { sqlite3_close_v2(db); }
};

struct StatementDeleter {
    void operator()(sqlite3_stmt* statement) const { sqlite3_finalize(statement); }
};
using StatementHandle = std::unique_ptr<sqlite3_stmt, StatementDeleter>;

ErrorCategory categoryFor(int code) {
    switch (code & 0xff) {
        case SQLITE_CONSTRAINT: return ErrorCategory::constraint;
        case SQLITE_ERROR: return ErrorCategory::syntax;  // "no such table", "syntax error", ...
        case SQLITE_CANTOPEN:
        case SQLITE_NOTADB:
        case SQLITE_AUTH:
        case SQLITE_PERM: return ErrorCategory::connection;
        default: return ErrorCategory::migration;
    }
}

[[noreturn]] void throwError(sqlite3* db, int code, std::string_view sql) {
    const int extended = db ? sqlite3_extended_errcode(db) : code;
    // sqlite3_errmsg describes the last failing API call; when a call failed without setting it
    // (misuse), fall back to the code's generic text.
    std::string message = db && extended == code ? sqlite3_errmsg(db) : sqlite3_errstr(code);
    const int offset = db ? sqlite3_error_offset(db) : -1;  // bytes, from 0
    throw statementError(categoryFor(code), databaseName, std::to_string(code), message, sql, {}, {})
        .at(offset >= 0 ? characterPosition(sql, static_cast<std::size_t>(offset)) : 0);
}

// Steps a statement to its end, discarding any rows.
void stepToEnd(sqlite3* db, sqlite3_stmt* statement, std::string_view sql) {
    for (;;) {
        const int code = sqlite3_step(statement);
        if (code == SQLITE_DONE) return;
        if (code != SQLITE_ROW) throwError(db, code, sql);
    }
}

// Parameters outlive the run by the Cursor contract, so SQLite may read them in place.
void bindAll(sqlite3* db, sqlite3_stmt* statement, std::span<const Param> params) {
    for (std::size_t i = 0; i < params.size(); ++i) {
        const int index = static_cast<int>(i) + 1;
        const Param& p = params[i];
        int code = SQLITE_OK;
        if (const auto* v = std::get_if<std::int64_t>(&p))
            code = sqlite3_bind_int64(statement, index, *v);
        else if (const auto* d = std::get_if<double>(&p))
            code = sqlite3_bind_double(statement, index, *d);
        else if (const auto* s = std::get_if<std::string>(&p))
            code = sqlite3_bind_text64(statement, index, s->data(), s->size(), SQLITE_STATIC, SQLITE_UTF8);
        else if (const auto* b = std::get_if<Bytes>(&p))
            code = sqlite3_bind_blob64(statement, index, b->data.data(), b->data.size(), SQLITE_STATIC);
        else
            code = sqlite3_bind_null(statement, index);
        if (code != SQLITE_OK) throwError(db, code, sqlite3_sql(statement));
    }
}

// Prepares exactly one statement: trailing text other than blanks, ';' and comments is an
// error, as the other drivers' query() reject several statements.
StatementHandle prepareOne(sqlite3* db, std::string_view sql) {
    sqlite3_stmt* raw = nullptr;
    const char* tail = nullptr;
    const int code = sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &raw, &tail);
    StatementHandle statement(raw);
    if (code != SQLITE_OK) throwError(db, code, sql);
    if (!statement)
        throw statementError(ErrorCategory::syntax, databaseName, {}, "the SQL holds no statement", sql, {}, {});
    sqlite3_stmt* extra = nullptr;
    const std::string_view rest(tail, static_cast<std::size_t>(sql.data() + sql.size() - tail));
    if (sqlite3_prepare_v2(db, rest.data(), static_cast<int>(rest.size()), &extra, nullptr) != SQLITE_OK || extra) {
        sqlite3_finalize(extra);
        throw statementError(ErrorCategory::syntax, databaseName, {},
                             "query() and prepare() take one statement; run several with execute()", sql, {}, {});
    }
    return statement;
}

// One prepared statement and its current run. Values are read straight from sqlite3; a REAL's
// text is formatted here, since sqlite3's own keeps only 15 digits and would not read back.
class SqliteCursor final : public Cursor {
public:
    SqliteCursor(std::shared_ptr<SqliteSession> session, StatementHandle statement)
        : session_(std::move(session)), statement_(std::move(statement)) {}

    // Binds and runs the statement up to its first row, so that a statement without rows has
    // done its work when this returns, whether or not next() is called.
    void start(std::span<const Param> params) {
        sqlite3_stmt* statement = statement_.get();
        state_ = State::done;
        columns_ = 0;
        read_ = 0;
        lastColumn_ = SIZE_MAX;  // the type cache belongs to the previous run
        // Its code repeats the previous run's error, already reported. close() has reset it.
        if (!reset_) sqlite3_reset(statement);
        reset_ = false;
        // Every parameter is bound again below (the count is checked), so no clear_bindings.
        checkParamCount(static_cast<std::size_t>(sqlite3_bind_parameter_count(statement)), params.size(),
                        sqlite3_sql(statement));
        bindAll(session_->db, statement, params);
        const int code = sqlite3_step(statement);
        if (code != SQLITE_ROW && code != SQLITE_DONE) throwError(session_->db, code, sqlite3_sql(statement));
        // Known only now: a schema change since prepare may change the columns.
        columns_ = static_cast<std::size_t>(sqlite3_column_count(statement));
        numbers_.resize(columns_);
        changed_ = columns_ == 0 ? sqlite3_changes64(session_->db) : 0;
        lastId_ = sqlite3_stmt_readonly(statement) ? 0 : sqlite3_last_insert_rowid(session_->db);
        state_ = code == SQLITE_ROW ? State::pending : State::done;
    }

    bool next() override {
        if (state_ == State::pending) {
            state_ = State::row;
        } else if (state_ == State::row) {
            const int code = sqlite3_step(statement_.get());
            if (code != SQLITE_ROW) {
                state_ = State::done;
                if (code != SQLITE_DONE) throwError(session_->db, code, sqlite3_sql(statement_.get()));
                return false;
            }
        } else {
            return false;
        }
        ++read_;
        return true;
    }

    std::size_t columnCount() const override { return columns_; }

    std::string_view columnName(std::size_t column) const override {
        if (column >= columns_) throwNoColumn(column, columns_);
        return sqlite3_column_name(statement_.get(), static_cast<int>(column));
    }

    bool isNull(std::size_t column) const override { return typeOf(column) == SQLITE_NULL; }

    std::int64_t integer(std::size_t column) const override {
        const int c = static_cast<int>(column);
        switch (typeOf(column)) {
            case SQLITE_NULL: throwNull(*this, column);
            case SQLITE_INTEGER: return sqlite3_column_int64(statement_.get(), c);
            case SQLITE_FLOAT: return integralReal(sqlite3_column_double(statement_.get(), c), *this, column);
            default: return parseInteger(value(column), *this, column);
        }
    }

    double real(std::size_t column) const override {
        const int c = static_cast<int>(column);
        switch (typeOf(column)) {
            case SQLITE_NULL: throwNull(*this, column);
            case SQLITE_INTEGER: return static_cast<double>(sqlite3_column_int64(statement_.get(), c));
            case SQLITE_FLOAT: return sqlite3_column_double(statement_.get(), c);
            default: return parseReal(value(column), *this, column);
        }
    }

    std::string_view text(std::size_t column) const override { return value(column); }
    std::string_view bytes(std::size_t column) const override { return value(column); }

    std::int64_t affectedRows() const override { return columns_ == 0 ? changed_ : read_; }

    void close() override {
        sqlite3_reset(statement_.get());  // releases the statement's read lock now
        state_ = State::done;
        reset_ = true;
    }
    std::int64_t lastInsertId() const override { return lastId_; }

private:
    enum class State { pending, row, done };
    bool reset_ = false;  // close() reset the statement since the last run

    // sqlite3_column_type is undefined once a value was converted (text() of an INTEGER); the
    // codecs read each column once, after at most one isNull(), so the type is remembered for
    // the last column asked (a cache per row cost more than it saved).
    int typeOf(std::size_t column) const {
        if (state_ != State::row) throwNoRow();
        if (column >= columns_) throwNoColumn(column, columns_);
        if (column == lastColumn_ && read_ == lastRow_) return lastType_;
        lastColumn_ = column;
        lastRow_ = read_;
        lastType_ = sqlite3_column_type(statement_.get(), static_cast<int>(column));
        return lastType_;
    }

    // The value's text, or its bytes for a BLOB (the same thing to SQLite but for REALs).
    std::string_view value(std::size_t column) const {
        sqlite3_stmt* statement = statement_.get();
        const int c = static_cast<int>(column);
        switch (typeOf(column)) {
            case SQLITE_NULL: throwNull(*this, column);
            case SQLITE_FLOAT: return writeDouble(sqlite3_column_double(statement, c), numbers_[column]);
            case SQLITE_BLOB: {
                const void* blob = sqlite3_column_blob(statement, c);
                return {static_cast<const char*>(blob), static_cast<std::size_t>(sqlite3_column_bytes(statement, c))};
            }
            default: {
                const unsigned char* text = sqlite3_column_text(statement, c);
                return {reinterpret_cast<const char*>(text), static_cast<std::size_t>(sqlite3_column_bytes(statement, c))};
            }
        }
    }

    std::shared_ptr<SqliteSession> session_;
    StatementHandle statement_;
    mutable std::size_t lastColumn_ = SIZE_MAX;
    mutable std::int64_t lastRow_ = -1;
    mutable int lastType_ = SQLITE_NULL;
    State state_ = State::done;
    std::size_t columns_ = 0;
    std::int64_t read_ = 0;
    std::int64_t changed_ = 0;
    std::int64_t lastId_ = 0;
    mutable std::vector<NumberText> numbers_;
};


class SqliteConnection final : public Connection {
public:
    explicit SqliteConnection(std::shared_ptr<SqliteSession> session) : session_(std::move(session)) {}

    Dialect dialect() const override { return Dialect::sqlite; }

    // Statement by statement, so an error quotes the statement that failed; the ones before it
    // stay applied unless the caller opened a transaction.
    void execute(std::string_view sql) override {
        std::string_view rest = sql;
        while (!rest.empty()) {
            sqlite3_stmt* raw = nullptr;
            const char* tail = nullptr;
            const int code = sqlite3_prepare_v2(session_->db, rest.data(), static_cast<int>(rest.size()), &raw, &tail);
            StatementHandle statement(raw);
            const std::string_view current(rest.data(), static_cast<std::size_t>(tail - rest.data()));
            if (code != SQLITE_OK) throwError(session_->db, code, rest);
            rest.remove_prefix(current.size());
            if (statement) stepToEnd(session_->db, statement.get(), current);
        }
    }

    Rows query(std::string_view sql, const std::vector<Param>& params) override {
        return readAll(*stream(sql, params));
    }

    std::unique_ptr<Statement> prepare(std::string_view sql) override {
        return std::make_unique<CursorStatement<SqliteCursor>>(session_, prepareOne(session_->db, sql));
    }

    std::unique_ptr<Cursor> stream(std::string_view sql, std::span<const Param> params) override {
        auto cursor = std::make_unique<SqliteCursor>(session_, prepareOne(session_->db, sql));
        cursor->start(params);
        return cursor;
    }

    void begin() override { execute("BEGIN"); }
    void commit() override { execute("COMMIT"); }
    void rollback() override { execute("ROLLBACK"); }
    void savepoint(std::string_view name) override { execute("SAVEPOINT " + drizzle::quoteIdentifier(Dialect::sqlite, name)); }
    void releaseSavepoint(std::string_view name) override { execute("RELEASE SAVEPOINT " + drizzle::quoteIdentifier(Dialect::sqlite, name)); }
    void rollbackToSavepoint(std::string_view name) override {
        execute("ROLLBACK TO SAVEPOINT " + drizzle::quoteIdentifier(Dialect::sqlite, name));
    }

    std::string describe() const override { return session_->location; }

private:
    std::shared_ptr<SqliteSession> session_;
};

}  // namespace

// Kept by the linker through drizzle::sqlite's `--undefined=drizzle_driver_sqlite` (driver_internal.hpp).
extern "C" const bool drizzle_driver_sqlite = registerDriver(Dialect::sqlite, Opener{nullptr, &openSqlite});

std::unique_ptr<Connection> openSqlite(const std::string& location) {
    auto session = std::make_shared<SqliteSession>();
    session->location = location;
    // NOMUTEX: a Connection is used by one thread at a time (connection.hpp), so SQLite need not
    // lock around every call; reading a row costs several calls per column.
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX;
    const int code = sqlite3_open_v2(location.c_str(), &session->db, flags, nullptr);
    if (code != SQLITE_OK) {
        const std::string message = session->db ? sqlite3_errmsg(session->db) : sqlite3_errstr(code);
        throw Error(ErrorCategory::connection, "cannot open SQLite database " + location + ": " + message,
                    "check that the folder exists and is writable", std::to_string(code));
    }
    sqlite3_extended_result_codes(session->db, 1);
    sqlite3_busy_timeout(session->db, busyTimeoutMs);
    auto connection = std::make_unique<SqliteConnection>(std::move(session));
    connection->execute("PRAGMA foreign_keys = ON");
    return connection;
}

}  // namespace drizzle::driver::detail

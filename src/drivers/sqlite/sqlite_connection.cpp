// The SQLite driver over sqlite3. Opening a connection turns on foreign keys (off by default in
// SQLite) and waits up to 5 s for another writer's lock instead of failing at once.
#include <sqlite3.h>

#include <string>
#include <vector>

#include "drivers/driver_internal.hpp"

namespace drizzle::driver::detail {

namespace {

constexpr std::string_view databaseName = "SQLite";
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
    throw statementError(categoryFor(code), databaseName, std::to_string(code), message, sql, {}, {});
}

// Steps a statement to its end, collecting rows when `rows` is given.
void stepAll(sqlite3* db, sqlite3_stmt* statement, std::string_view sql, Rows* rows) {
    if (rows) {
        std::vector<std::string> names;
        for (int c = 0, n = sqlite3_column_count(statement); c < n; ++c) names.emplace_back(sqlite3_column_name(statement, c));
        rows->setColumns(std::move(names));
    }
    for (;;) {
        const int code = sqlite3_step(statement);
        if (code == SQLITE_DONE) return;
        if (code != SQLITE_ROW) throwError(db, code, sql);
        if (!rows) continue;
        const int columns = sqlite3_column_count(statement);
        std::vector<std::optional<std::string>> values(static_cast<std::size_t>(columns));
        for (int c = 0; c < columns; ++c) {
            auto& value = values[static_cast<std::size_t>(c)];
            switch (sqlite3_column_type(statement, c)) {
                case SQLITE_NULL: break;
                case SQLITE_INTEGER: value = std::to_string(sqlite3_column_int64(statement, c)); break;
                // sqlite3's own text for a REAL keeps only 15 digits; this one reads back exactly.
                case SQLITE_FLOAT: value = formatDouble(sqlite3_column_double(statement, c)); break;
                case SQLITE_BLOB: {
                    const void* bytes = sqlite3_column_blob(statement, c);
                    value.emplace(static_cast<const char*>(bytes), static_cast<std::size_t>(sqlite3_column_bytes(statement, c)));
                    break;
                }
                default: {
                    const unsigned char* text = sqlite3_column_text(statement, c);
                    value.emplace(reinterpret_cast<const char*>(text), static_cast<std::size_t>(sqlite3_column_bytes(statement, c)));
                }
            }
        }
        rows->addRow(std::move(values));
    }
}

void bindAll(sqlite3* db, sqlite3_stmt* statement, const std::vector<Param>& params, std::string_view sql) {
    checkParamCount(static_cast<std::size_t>(sqlite3_bind_parameter_count(statement)), params.size(), sql);
    sqlite3_reset(statement);
    sqlite3_clear_bindings(statement);
    for (std::size_t i = 0; i < params.size(); ++i) {
        const int index = static_cast<int>(i) + 1;
        int code = SQLITE_OK;
        const Param& p = params[i];
        if (const auto* v = std::get_if<std::int64_t>(&p))
            code = sqlite3_bind_int64(statement, index, *v);
        else if (const auto* d = std::get_if<double>(&p))
            code = sqlite3_bind_double(statement, index, *d);
        else if (const auto* s = std::get_if<std::string>(&p))
            code = sqlite3_bind_text64(statement, index, s->data(), s->size(), SQLITE_TRANSIENT, SQLITE_UTF8);
        else
            code = sqlite3_bind_null(statement, index);
        if (code != SQLITE_OK) throwError(db, code, sql);
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

class SqliteStatement final : public Statement {
public:
    SqliteStatement(std::shared_ptr<SqliteSession> session, StatementHandle statement, std::string sql)
        : session_(std::move(session)), statement_(std::move(statement)), sql_(std::move(sql)) {}

    Rows run(const std::vector<Param>& params) override {
        bindAll(session_->db, statement_.get(), params, sql_);
        Rows rows;
        stepAll(session_->db, statement_.get(), sql_, &rows);
        sqlite3_reset(statement_.get());
        affected_ = sqlite3_column_count(statement_.get()) > 0 ? static_cast<std::int64_t>(rows.size())
                                                                : sqlite3_changes64(session_->db);
        return rows;
    }

    std::int64_t affectedRows() const override { return affected_; }

private:
    std::shared_ptr<SqliteSession> session_;
    StatementHandle statement_;
    std::string sql_;
    std::int64_t affected_ = 0;
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
            if (statement) stepAll(session_->db, statement.get(), current, nullptr);
        }
    }

    Rows query(std::string_view sql, const std::vector<Param>& params) override {
        StatementHandle statement = prepareOne(session_->db, sql);
        bindAll(session_->db, statement.get(), params, sql);
        Rows rows;
        stepAll(session_->db, statement.get(), sql, &rows);
        return rows;
    }

    std::unique_ptr<Statement> prepare(std::string_view sql) override {
        return std::make_unique<SqliteStatement>(session_, prepareOne(session_->db, sql), std::string(sql));
    }

    void begin() override { execute("BEGIN"); }
    void commit() override { execute("COMMIT"); }
    void rollback() override { execute("ROLLBACK"); }
    void savepoint(std::string_view name) override { execute("SAVEPOINT " + quoteIdentifier(name, '"')); }
    void releaseSavepoint(std::string_view name) override { execute("RELEASE SAVEPOINT " + quoteIdentifier(name, '"')); }
    void rollbackToSavepoint(std::string_view name) override {
        execute("ROLLBACK TO SAVEPOINT " + quoteIdentifier(name, '"'));
    }

    std::string describe() const override { return session_->location; }

private:
    std::shared_ptr<SqliteSession> session_;
};

}  // namespace

std::unique_ptr<Connection> openSqlite(const std::string& location) {
    auto session = std::make_shared<SqliteSession>();
    session->location = location;
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_URI;
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

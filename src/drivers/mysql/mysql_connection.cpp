// The MySQL/MariaDB driver over MariaDB Connector/C. execute() sends its text in one round trip
// (CLIENT_MULTI_STATEMENTS) and drains every result; query(), prepare() and stream() use
// server-side prepared statements with bound parameters.
#include <mysql.h>
#include <poll.h>
#include <mysqld_error.h>
#include <errmsg.h>

#include <algorithm>
#include <charconv>
#include <cstring>
#include <mutex>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "drivers/driver_internal.hpp"

namespace drizzle::driver::detail {

namespace {

constexpr std::string_view databaseName = mysqlTraits.displayName;
constexpr unsigned connectTimeoutSeconds = 10;
// MySQL 8's CHECK violation (SQLSTATE HY000; MariaDB's is 4025 with 23000). MariaDB's headers
// do not name it.
constexpr unsigned mysqlCheckViolated = 3819;
constexpr unsigned mariadbStatementTimeout = 1969;   // ER_STATEMENT_TIMEOUT: max_statement_time ran out
constexpr unsigned mysqlReadOnlyTransaction = 1792;  // ER_CANT_EXECUTE_IN_READ_ONLY_TRANSACTION

struct MysqlSession {
    MYSQL* conn = nullptr;
    std::string secret;  // what messages must not show (secretOf)
    std::string description;
    Endpoint endpoint;  // for reopen()

    ~MysqlSession() { mysql_close(conn); }
};

ErrorCategory categoryFor(unsigned code, std::string_view sqlstate) {
    switch (code) {
        case CR_CONNECTION_ERROR:
        case CR_CONN_HOST_ERROR:
        case CR_UNKNOWN_HOST:
        case CR_SERVER_GONE_ERROR:
        case CR_SERVER_LOST:
        case CR_SERVER_LOST_EXTENDED:
        case ER_ACCESS_DENIED_ERROR:
        case ER_CONNECTION_KILLED:
        case ER_SERVER_SHUTDOWN: return ErrorCategory::connection;
        case ER_NO_DEFAULT_FOR_FIELD:  // a NOT NULL column left out
        case mysqlCheckViolated: return ErrorCategory::constraint;
        case ER_PARSE_ERROR: return ErrorCategory::syntax;
        case ER_LOCK_DEADLOCK: return ErrorCategory::conflict;  // 1213, Galera's certification conflict too
        case ER_LOCK_WAIT_TIMEOUT:                              // 1205
        case mariadbStatementTimeout: return ErrorCategory::timeout;
        case ER_OPTION_PREVENTS_STATEMENT:                      // 1290: --read-only
        case mysqlReadOnlyTransaction: return ErrorCategory::readOnly;
        default: break;
    }
    if (sqlstate.substr(0, 2) == "23") return ErrorCategory::constraint;  // duplicates, foreign keys, checks
    if (sqlstate.substr(0, 2) == "42") return ErrorCategory::syntax;      // unknown table or column, ...
    return ErrorCategory::migration;
}

[[noreturn]] void throwError(const MysqlSession& session, unsigned code, const char* sqlstate, const char* message,
                             std::string_view sql, const std::string& where = {}) {
    std::string text = std::string(message) + " (SQLSTATE " + sqlstate + where + ")";
    // A syntax error quotes the SQL from where it went wrong: "... near 'FORM t' at line 1".
    std::size_t position = 0;
    const std::string_view said(message);
    if (const std::size_t near = said.find(" near '"); code == ER_PARSE_ERROR && near != std::string_view::npos) {
        const std::string_view rest = said.substr(near + 7);
        const std::string_view quoted = rest.substr(0, rest.rfind("' at line"));
        if (const std::size_t at = sql.find(quoted.substr(0, 40)); !quoted.empty() && at != std::string_view::npos)
            position = characterPosition(sql, at);
    }
    throw statementError(categoryFor(code, sqlstate), databaseName, std::to_string(code), text, sql, {}, session.secret).at(position);
}

[[noreturn]] void throwSessionError(const MysqlSession& session, std::string_view sql, const std::string& where = {}) {
    throwError(session, mysql_errno(session.conn), mysql_sqlstate(session.conn), mysql_error(session.conn), sql, where);
}

struct StatementCloser {
    void operator()(MYSQL_STMT* statement) const { mysql_stmt_close(statement); }
};
using StatementHandle = std::unique_ptr<MYSQL_STMT, StatementCloser>;

// Where one result column lands. The connector holds pointers into it, so columns are only
// rebuilt together with their bindings.
struct ColumnBuffer {
    enum class Kind { integer, real32, real64, text } kind = Kind::text;
    bool isUnsigned = false;
    std::int64_t integer = 0;
    float real32 = 0;
    double real64 = 0;
    std::string text;  // grows to the longest value seen, then stays
    unsigned long length = 0;
    my_bool isNull = 0;
    my_bool truncated = 0;
    mutable NumberText number;  // a number's text, formatted when read as text
};

ColumnBuffer::Kind kindOf(enum_field_types type) {
    switch (type) {
        case MYSQL_TYPE_TINY:
        case MYSQL_TYPE_SHORT:
        case MYSQL_TYPE_INT24:
        case MYSQL_TYPE_LONG:
        case MYSQL_TYPE_LONGLONG:
        case MYSQL_TYPE_YEAR: return ColumnBuffer::Kind::integer;
        case MYSQL_TYPE_FLOAT: return ColumnBuffer::Kind::real32;
        case MYSQL_TYPE_DOUBLE: return ColumnBuffer::Kind::real64;
        default: return ColumnBuffer::Kind::text;  // decimals, dates, strings, blobs, bits, JSON
    }
}

// A server-side prepared statement and its current run. Numbers arrive binary and are
// formatted only when read as text (so that they read back exactly); every other value arrives
// as its text or bytes. Rows are stored client-side first, so an unfinished cursor never
// blocks the connection.
class MysqlCursor final : public Cursor {
public:
    // `unbuffered`: rows stay on the server until next() fetches them (streamUnbuffered).
    MysqlCursor(std::shared_ptr<MysqlSession> session, std::string_view sql, bool unbuffered = false)
        : session_(std::move(session)), sql_(sql), statement_(mysql_stmt_init(session_->conn)), unbuffered_(unbuffered) {
        if (!statement_) throwSessionError(*session_, sql_);
        if (mysql_stmt_prepare(statement_.get(), sql_.data(), sql_.size())) throwStatementError();
        paramBinds_.resize(mysql_stmt_param_count(statement_.get()));
    }

    // Runs the statement; its rows, if any, are then read by next().
    void start(std::span<const Param> params) {
        MYSQL_STMT* statement = statement_.get();
        if (hasRows_) mysql_stmt_free_result(statement);
        hasRows_ = false;
        columns_ = {};
        read_ = changed_ = lastId_ = 0;
        checkParamCount(paramBinds_.size(), params.size(), sql_);
        bindParams(params);
        if (mysql_stmt_execute(statement)) throwStatementError();
        lastId_ = static_cast<std::int64_t>(mysql_stmt_insert_id(statement));
        const unsigned count = mysql_stmt_field_count(statement);
        if (count == 0) {
            changed_ = static_cast<std::int64_t>(mysql_stmt_affected_rows(statement));
            return;
        }
        fields_ = mariadb_stmt_fetch_fields(statement);
        bindResult(count);
        if (!unbuffered_ && mysql_stmt_store_result(statement)) throwStatementError();
        hasRows_ = true;
        current_ = false;
    }

    std::size_t rowCountHint() const override {
        return hasRows_ && !unbuffered_ ? static_cast<std::size_t>(mysql_stmt_num_rows(statement_.get())) : 0;
    }

    void close() override {
        current_ = false;
        if (hasRows_) mysql_stmt_free_result(statement_.get());
        hasRows_ = false;
    }

    bool next() override {
        current_ = false;
        if (!hasRows_) return false;
        MYSQL_STMT* statement = statement_.get();
        if (rebind_ && mysql_stmt_bind_result(statement, resultBinds_.data())) throwStatementError();
        rebind_ = false;
        const int status = mysql_stmt_fetch(statement);
        if (status == MYSQL_NO_DATA) {
            mysql_stmt_free_result(statement);
            hasRows_ = false;
            return false;
        }
        if (status != 0 && status != MYSQL_DATA_TRUNCATED) throwStatementError();
        for (std::size_t c = 0; c < columns_.size(); ++c) {
            ColumnBuffer& column = columns_[c];
            if (column.kind == ColumnBuffer::Kind::text && !column.isNull && column.length > column.text.size())
                fetchWhole(c);
        }
        ++read_;
        current_ = true;
        return true;
    }

    std::size_t columnCount() const override { return columns_.size(); }

    std::string_view columnName(std::size_t column) const override {
        if (column >= columns_.size()) throwNoColumn(column, columns_.size());
        return {fields_[column].name, fields_[column].name_length};
    }

    bool isNull(std::size_t column) const override { return at(column).isNull != 0; }

    std::int64_t integer(std::size_t column) const override {
        const ColumnBuffer& value = present(column);
        switch (value.kind) {
            case ColumnBuffer::Kind::integer:
                if (!value.isUnsigned || value.integer >= 0) return value.integer;
                return parseInteger(text(column), *this, column);  // above INT64_MAX: says so
            case ColumnBuffer::Kind::real32: return integralReal(value.real32, *this, column);
            case ColumnBuffer::Kind::real64: return integralReal(value.real64, *this, column);
            case ColumnBuffer::Kind::text: break;
        }
        return parseInteger(text(column), *this, column);
    }

    double real(std::size_t column) const override {
        const ColumnBuffer& value = present(column);
        switch (value.kind) {
            case ColumnBuffer::Kind::integer:
                return value.isUnsigned ? static_cast<double>(static_cast<std::uint64_t>(value.integer))
                                        : static_cast<double>(value.integer);
            case ColumnBuffer::Kind::real64: return value.real64;
            case ColumnBuffer::Kind::real32:  // as its text reads, as Rows reads it: 0.1, not 0.100000001
            case ColumnBuffer::Kind::text: break;
        }
        return parseReal(text(column), *this, column);
    }

    std::string_view text(std::size_t column) const override {
        const ColumnBuffer& value = present(column);
        char* first = value.number.data();
        char* last = first + value.number.size();
        switch (value.kind) {
            case ColumnBuffer::Kind::integer: {
                auto [end, ec] = value.isUnsigned
                                     ? std::to_chars(first, last, static_cast<std::uint64_t>(value.integer))
                                     : std::to_chars(first, last, value.integer);
                return {first, static_cast<std::size_t>(end - first)};
            }
            case ColumnBuffer::Kind::real32: {
                auto [end, ec] = std::to_chars(first, last, value.real32);
                return {first, static_cast<std::size_t>(end - first)};
            }
            case ColumnBuffer::Kind::real64: return writeDouble(value.real64, value.number);
            case ColumnBuffer::Kind::text: break;
        }
        return {value.text.data(), value.length};
    }

    std::string_view bytes(std::size_t column) const override { return text(column); }

    std::int64_t affectedRows() const override { return columns_.empty() ? changed_ : read_; }
    std::int64_t lastInsertId() const override { return lastId_; }

private:
    [[noreturn]] void throwStatementError() const {
        MYSQL_STMT* statement = statement_.get();
        throwError(*session_, mysql_stmt_errno(statement), mysql_stmt_sqlstate(statement), mysql_stmt_error(statement),
                   sql_);
    }

    // The parameters are read in place: they outlive the run by the Cursor contract.
    void bindParams(std::span<const Param> params) {
        if (params.empty()) return;
        for (std::size_t i = 0; i < params.size(); ++i) {
            MYSQL_BIND& bind = paramBinds_[i];
            std::memset(&bind, 0, sizeof bind);
            const Param& p = params[i];
            if (const auto* v = std::get_if<std::int64_t>(&p)) {
                bind.buffer_type = MYSQL_TYPE_LONGLONG;
                bind.buffer = const_cast<std::int64_t*>(v);
            } else if (const auto* d = std::get_if<double>(&p)) {
                bind.buffer_type = MYSQL_TYPE_DOUBLE;
                bind.buffer = const_cast<double*>(d);
            } else if (const auto* s = std::get_if<std::string>(&p)) {
                bind.buffer_type = MYSQL_TYPE_STRING;
                bind.buffer = const_cast<char*>(s->data());
                bind.buffer_length = s->size();
            } else if (const auto* b = std::get_if<Bytes>(&p)) {
                bind.buffer_type = MYSQL_TYPE_BLOB;
                bind.buffer = const_cast<char*>(b->data.data());
                bind.buffer_length = b->data.size();
            } else {
                bind.buffer_type = MYSQL_TYPE_NULL;
            }
        }
        if (mysql_stmt_bind_param(statement_.get(), paramBinds_.data())) throwStatementError();
    }

    // Binds each result column to a buffer of its kind; the buffers of the previous run are
    // kept when the columns' kinds are the same (the usual case: the same statement again).
    void bindResult(unsigned count) {
        bool same = kinds_.size() == count;
        for (unsigned c = 0; same && c < count; ++c)
            same = kinds_[c].first == kindOf(fields_[c].type) && kinds_[c].second == ((fields_[c].flags & UNSIGNED_FLAG) != 0);
        if (!same) {
            kinds_.clear();
            for (unsigned c = 0; c < count; ++c)
                kinds_.emplace_back(kindOf(fields_[c].type), (fields_[c].flags & UNSIGNED_FLAG) != 0);
            buffers_ = std::vector<ColumnBuffer>(count);
            resultBinds_.assign(count, MYSQL_BIND{});
            for (unsigned c = 0; c < count; ++c) {
                ColumnBuffer& column = buffers_[c];
                MYSQL_BIND& bind = resultBinds_[c];
                column.kind = kinds_[c].first;
                column.isUnsigned = kinds_[c].second;
                switch (column.kind) {
                    case ColumnBuffer::Kind::integer:
                        bind.buffer_type = MYSQL_TYPE_LONGLONG;
                        bind.buffer = &column.integer;
                        bind.is_unsigned = column.isUnsigned;
                        break;
                    case ColumnBuffer::Kind::real32:
                        bind.buffer_type = MYSQL_TYPE_FLOAT;
                        bind.buffer = &column.real32;
                        break;
                    case ColumnBuffer::Kind::real64:
                        bind.buffer_type = MYSQL_TYPE_DOUBLE;
                        bind.buffer = &column.real64;
                        break;
                    case ColumnBuffer::Kind::text:
                        column.text.resize(initialTextBuffer);
                        bind.buffer_type = MYSQL_TYPE_STRING;
                        bind.buffer = column.text.data();
                        bind.buffer_length = column.text.size();
                        break;
                }
                bind.length = &column.length;
                bind.is_null = &column.isNull;
                bind.error = &column.truncated;
            }
        }
        columns_ = std::span<ColumnBuffer>(buffers_);
        rebind_ = false;
        if (mysql_stmt_bind_result(statement_.get(), resultBinds_.data())) throwStatementError();
    }

    // A value longer than its buffer: grows the buffer and reads the whole value again. The
    // bigger buffer is bound before the next fetch, so longer values cost this once per run.
    void fetchWhole(std::size_t c) {
        ColumnBuffer& column = columns_[c];
        column.text.resize(std::max<std::size_t>(column.length, column.text.size() * 2));
        MYSQL_BIND& bind = resultBinds_[c];
        bind.buffer = column.text.data();
        bind.buffer_length = column.text.size();
        MYSQL_BIND again = bind;
        if (mysql_stmt_fetch_column(statement_.get(), &again, static_cast<unsigned>(c), 0)) throwStatementError();
        rebind_ = true;
    }

    const ColumnBuffer& at(std::size_t column) const {
        if (!current_) throwNoRow();
        if (column >= columns_.size()) throwNoColumn(column, columns_.size());
        return columns_[column];
    }

    const ColumnBuffer& present(std::size_t column) const {
        const ColumnBuffer& value = at(column);
        if (value.isNull) throwNull(*this, column);
        return value;
    }

    static constexpr std::size_t initialTextBuffer = 64;

    std::shared_ptr<MysqlSession> session_;
    std::string sql_;
    StatementHandle statement_;
    bool unbuffered_ = false;
    std::vector<MYSQL_BIND> paramBinds_;
    std::vector<std::pair<ColumnBuffer::Kind, bool>> kinds_;  // what buffers_ were built for
    std::vector<ColumnBuffer> buffers_;
    std::vector<MYSQL_BIND> resultBinds_;
    std::span<ColumnBuffer> columns_;  // buffers_ while the run has a result, else empty
    const MYSQL_FIELD* fields_ = nullptr;
    bool hasRows_ = false;
    bool current_ = false;
    bool rebind_ = false;
    std::int64_t read_ = 0;
    std::int64_t changed_ = 0;
    std::int64_t lastId_ = 0;
};


std::string ordinal(std::size_t n) {
    const char* suffix = (n % 100 >= 11 && n % 100 <= 13) ? "th"
                         : n % 10 == 1                    ? "st"
                         : n % 10 == 2                    ? "nd"
                         : n % 10 == 3                    ? "rd"
                                                          : "th";
    return std::to_string(n) + suffix;
}

class MysqlConnection final : public Connection {
public:
    explicit MysqlConnection(std::shared_ptr<MysqlSession> session) : session_(std::move(session)) {}

    Dialect dialect() const override { return Dialect::mysql; }

    // MySQL stops at the first failing statement; the ones before it ran (and DDL commits
    // itself), so the message says how many did.
    void execute(std::string_view sql) override {
        MYSQL* conn = session_->conn;
        std::size_t index = 1;
        auto where = [&] {
            if (index == 1) return std::string();
            return ", in the " + ordinal(index) + " statement; the " + std::to_string(index - 1) +
                   " before it ran";
        };
        if (mysql_real_query(conn, sql.data(), sql.size())) {
            if (mysql_errno(conn) == ER_EMPTY_QUERY) return;  // blanks only, as in the other dialects
            throwSessionError(*session_, sql);
        }
        for (;;) {
            if (MYSQL_RES* result = mysql_store_result(conn))
                mysql_free_result(result);
            else if (mysql_field_count(conn) != 0)
                throwSessionError(*session_, sql, where());
            const int next = mysql_next_result(conn);
            if (next == -1) return;
            ++index;
            if (next > 0) throwSessionError(*session_, sql, where());
        }
    }

    // Only the first result set of a CALL is read.
    Rows query(std::string_view sql, const std::vector<Param>& params) override {
        return readAll(*stream(sql, params));
    }

    std::unique_ptr<Statement> prepare(std::string_view sql) override {
        return std::make_unique<CursorStatement<MysqlCursor>>(session_, sql);
    }

    // A server-side statement per call, closed with the cursor: values never enter the SQL text.
    std::unique_ptr<Cursor> stream(std::string_view sql, std::span<const Param> params) override {
        auto cursor = std::make_unique<MysqlCursor>(session_, sql);
        cursor->start(params);
        return cursor;
    }
    // The same, fetching each row from the server as next() asks (mysql_stmt_fetch without
    // mysql_stmt_store_result); closing the statement discards what was not read.
    std::unique_ptr<Cursor> streamUnbuffered(std::string_view sql, std::span<const Param> params) override {
        auto cursor = std::make_unique<MysqlCursor>(session_, sql, true);
        cursor->start(params);
        return cursor;
    }

    void begin() override { execute("START TRANSACTION"); }
    void commit() override { execute("COMMIT"); }
    void rollback() override { execute("ROLLBACK"); }
    void savepoint(std::string_view name) override { execute("SAVEPOINT " + drizzle::quoteIdentifier(Dialect::mysql, name)); }
    void releaseSavepoint(std::string_view name) override { execute("RELEASE SAVEPOINT " + drizzle::quoteIdentifier(Dialect::mysql, name)); }
    void rollbackToSavepoint(std::string_view name) override {
        execute("ROLLBACK TO SAVEPOINT " + drizzle::quoteIdentifier(Dialect::mysql, name));
    }

    std::string describe() const override { return session_->description; }

    std::unique_ptr<Connection> reopen() const override;

    bool alive() override {
        // An idle connection has nothing to read: readable means the server closed it (a
        // restart, KILL, wait_timeout) and left an error packet or an end of file.
        const my_socket fd = mysql_get_socket(session_->conn);
        if (fd == MARIADB_INVALID_SOCKET) return false;
        pollfd p{static_cast<int>(fd), POLLIN, 0};
        return poll(&p, 1, 0) == 0;
    }

private:
    std::shared_ptr<MysqlSession> session_;
};

void applySsl(MYSQL* conn, const Endpoint& endpoint, const std::string& description) {
    const std::string& mode = endpoint.ssl;
    if (mode.empty() || mode == "disable" || mode == "false" || mode == "prefer" || mode == "allow") return;
    const bool verify = mode == "verify-ca" || mode == "verify-full" || mode == "verify_identity";
    if (!verify && mode != "require" && mode != "required" && mode != "true")
        throw Error(ErrorCategory::config, "unknown ssl mode \"" + mode + "\" for " + description,
                    "use disable, prefer, require, verify-ca or verify-full");
    my_bool on = 1;
    mysql_options(conn, MYSQL_OPT_SSL_ENFORCE, &on);
    if (verify) mysql_options(conn, MYSQL_OPT_SSL_VERIFY_SERVER_CERT, &on);
}

}  // namespace

std::unique_ptr<Connection> openMysql(const Endpoint& endpoint) {
    static std::once_flag libraryReady;
    std::call_once(libraryReady, [] { mysql_library_init(0, nullptr, nullptr); });

    auto session = std::make_shared<MysqlSession>();
    session->secret = secretOf(endpoint);
    session->description = describeEndpoint(Dialect::mysql, endpoint);
    session->endpoint = endpoint;
    if (!endpoint.options.empty())
        throw Error(ErrorCategory::config,
                    "unsupported MySQL URL parameter \"" + endpoint.options.front().first + "\" in " + session->description,
                    "the MySQL driver reads only ssl from the URL's query string");
    session->conn = mysql_init(nullptr);
    if (session->conn == nullptr) throw Error(ErrorCategory::internal, "mysql_init failed: out of memory");

    const unsigned timeout = connectTimeoutSeconds;
    mysql_options(session->conn, MYSQL_OPT_CONNECT_TIMEOUT, &timeout);
    mysql_options(session->conn, MYSQL_SET_CHARSET_NAME, "utf8mb4");
    // Always TCP, as other MySQL clients of Drizzle do: "localhost" would otherwise mean the
    // default Unix socket and ignore the port.
    const unsigned tcp = MYSQL_PROTOCOL_TCP;
    mysql_options(session->conn, MYSQL_OPT_PROTOCOL, &tcp);
    applySsl(session->conn, endpoint, session->description);

    auto text = [](const std::string& s) { return s.empty() ? nullptr : s.c_str(); };
    const unsigned port = endpoint.port ? static_cast<unsigned>(*endpoint.port) : 0;
    // CLIENT_FOUND_ROWS: an UPDATE reports the rows it matched, as PostgreSQL, SQLite and Drizzle
    // over mysql2 do, not only those whose values changed. The session runs in UTC, so that a
    // TIMESTAMP is written and read as the instant the application gave, whatever the server's zone.
    mysql_options(session->conn, MYSQL_INIT_COMMAND, "SET time_zone = '+00:00'");
    if (!mysql_real_connect(session->conn, text(endpoint.host), text(endpoint.user), text(endpoint.password),
                            text(endpoint.database), port, nullptr, CLIENT_MULTI_STATEMENTS | CLIENT_MULTI_RESULTS | CLIENT_FOUND_ROWS)) {
        const unsigned code = mysql_errno(session->conn);
        throw Error(ErrorCategory::connection,
                    redact("cannot connect to MySQL at " + session->description + ": " +
                               oneLine(mysql_error(session->conn)) + " (errno " + std::to_string(code) + ")",
                           session->secret),
                    "check that the server runs and accepts TCP connections, and the host, port, user, password "
                    "and database in dbCredentials",
                    std::to_string(code));
    }
    return std::make_unique<MysqlConnection>(std::move(session));
}

// Kept by the linker through drizzle::mysql's `--undefined=drizzle_driver_mysql` (driver_internal.hpp).
namespace {
std::unique_ptr<Connection> MysqlConnection::reopen() const { return openMysql(session_->endpoint); }
}  // namespace

extern "C" const bool drizzle_driver_mysql = registerDriver(Dialect::mysql, Opener{&openMysql, nullptr});

}  // namespace drizzle::driver::detail

// The MySQL/MariaDB driver over MariaDB Connector/C. execute() sends its text in one round trip
// (CLIENT_MULTI_STATEMENTS) and drains every result; query() and prepare() use server-side
// prepared statements and read every column back as text, numbers formatted so they read back
// exactly.
#include <mysql.h>
#include <mysqld_error.h>
#include <errmsg.h>

#include <array>
#include <charconv>
#include <cstring>
#include <mutex>
#include <string>
#include <vector>

#include "drivers/driver_internal.hpp"

namespace drizzle::driver::detail {

namespace {

constexpr std::string_view databaseName = "MySQL";
constexpr unsigned connectTimeoutSeconds = 10;
// MySQL 8's CHECK violation (SQLSTATE HY000; MariaDB's is 4025 with 23000). MariaDB's headers
// do not name it.
constexpr unsigned mysqlCheckViolated = 3819;

struct MysqlSession {
    MYSQL* conn = nullptr;
    std::string secret;  // what messages must not show (secretOf)
    std::string description;

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
        default: break;
    }
    if (sqlstate.substr(0, 2) == "23") return ErrorCategory::constraint;  // duplicates, foreign keys, checks
    if (sqlstate.substr(0, 2) == "42") return ErrorCategory::syntax;      // unknown table or column, ...
    return ErrorCategory::migration;
}

[[noreturn]] void throwError(const MysqlSession& session, unsigned code, const char* sqlstate, const char* message,
                             std::string_view sql, const std::string& where = {}) {
    std::string text = std::string(message) + " (SQLSTATE " + sqlstate + where + ")";
    throw statementError(categoryFor(code, sqlstate), databaseName, std::to_string(code), text, sql, {}, session.secret);
}

[[noreturn]] void throwSessionError(const MysqlSession& session, std::string_view sql, const std::string& where = {}) {
    throwError(session, mysql_errno(session.conn), mysql_sqlstate(session.conn), mysql_error(session.conn), sql, where);
}

std::string formatFloat(float value) {
    std::array<char, 32> buffer{};
    auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
    (void)ec;  // 32 characters hold every float
    return std::string(buffer.data(), end);
}

// Where one result column lands. Kept at a fixed address: the connector holds pointers into it.
struct ColumnBuffer {
    enum class Kind { integer, real32, real64, text } kind = Kind::text;
    bool isUnsigned = false;
    std::int64_t integer = 0;
    float real32 = 0;
    double real64 = 0;
    std::vector<char> text;
    unsigned long length = 0;
    my_bool isNull = 0;
    my_bool truncated = 0;
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

// Reads every row of an executed statement that has a result set.
Rows fetchRows(const MysqlSession& session, MYSQL_STMT* statement, MYSQL_RES* metadata, std::string_view sql) {
    if (mysql_stmt_store_result(statement))
        throwError(session, mysql_stmt_errno(statement), mysql_stmt_sqlstate(statement), mysql_stmt_error(statement), sql);

    const unsigned count = mysql_num_fields(metadata);
    const MYSQL_FIELD* fields = mysql_fetch_fields(metadata);
    Rows rows;
    std::vector<std::string> names;
    std::vector<ColumnBuffer> columns(count);
    std::vector<MYSQL_BIND> binds(count);
    for (unsigned c = 0; c < count; ++c) {
        names.emplace_back(fields[c].name, fields[c].name_length);
        ColumnBuffer& column = columns[c];
        MYSQL_BIND& bind = binds[c];
        std::memset(&bind, 0, sizeof bind);
        column.kind = kindOf(fields[c].type);
        column.isUnsigned = (fields[c].flags & UNSIGNED_FLAG) != 0;
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
                column.text.resize(std::max<unsigned long>(fields[c].max_length, 64));
                bind.buffer_type = MYSQL_TYPE_STRING;
                bind.buffer = column.text.data();
                bind.buffer_length = column.text.size();
                break;
        }
        bind.length = &column.length;
        bind.is_null = &column.isNull;
        bind.error = &column.truncated;
    }
    rows.setColumns(std::move(names));
    if (count > 0 && mysql_stmt_bind_result(statement, binds.data()))
        throwError(session, mysql_stmt_errno(statement), mysql_stmt_sqlstate(statement), mysql_stmt_error(statement), sql);

    for (;;) {
        const int status = mysql_stmt_fetch(statement);
        if (status == MYSQL_NO_DATA) break;
        if (status != 0 && status != MYSQL_DATA_TRUNCATED)
            throwError(session, mysql_stmt_errno(statement), mysql_stmt_sqlstate(statement), mysql_stmt_error(statement), sql);
        std::vector<std::optional<std::string>> values(count);
        for (unsigned c = 0; c < count; ++c) {
            ColumnBuffer& column = columns[c];
            if (column.isNull) continue;
            switch (column.kind) {
                case ColumnBuffer::Kind::integer:
                    values[c] = column.isUnsigned ? std::to_string(static_cast<std::uint64_t>(column.integer))
                                                  : std::to_string(column.integer);
                    break;
                case ColumnBuffer::Kind::real32: values[c] = formatFloat(column.real32); break;
                case ColumnBuffer::Kind::real64: values[c] = formatDouble(column.real64); break;
                case ColumnBuffer::Kind::text:
                    if (column.length <= column.text.size()) {
                        values[c].emplace(column.text.data(), column.length);
                    } else {
                        // Longer than the buffer: fetch the whole value into a fresh one (the bound
                        // buffer must stay where the connector expects it).
                        std::string whole(column.length, '\0');
                        MYSQL_BIND again = binds[c];
                        again.buffer = whole.data();
                        again.buffer_length = whole.size();
                        if (mysql_stmt_fetch_column(statement, &again, c, 0))
                            throwError(session, mysql_stmt_errno(statement), mysql_stmt_sqlstate(statement),
                                       mysql_stmt_error(statement), sql);
                        values[c] = std::move(whole);
                    }
                    break;
            }
        }
        rows.addRow(std::move(values));
    }
    mysql_stmt_free_result(statement);
    return rows;
}

// A server-side prepared statement; query() makes a throwaway one, prepare() a kept one.
class MysqlStatement final : public Statement {
public:
    MysqlStatement(std::shared_ptr<MysqlSession> session, std::string_view sql)
        : session_(std::move(session)), sql_(sql), statement_(mysql_stmt_init(session_->conn)) {
        if (statement_ == nullptr) throwSessionError(*session_, sql_);
        if (mysql_stmt_prepare(statement_, sql_.data(), sql_.size())) throwStatementError();
    }
    MysqlStatement(const MysqlStatement&) = delete;
    MysqlStatement& operator=(const MysqlStatement&) = delete;
    ~MysqlStatement() override { mysql_stmt_close(statement_); }

    Rows run(const std::vector<Param>& params) override {
        checkParamCount(mysql_stmt_param_count(statement_), params.size(), sql_);
        std::vector<MYSQL_BIND> binds(params.size());
        std::vector<std::int64_t> integers(params.size());
        std::vector<double> reals(params.size());
        for (std::size_t i = 0; i < params.size(); ++i) {
            MYSQL_BIND& bind = binds[i];
            std::memset(&bind, 0, sizeof bind);
            const Param& p = params[i];
            if (const auto* v = std::get_if<std::int64_t>(&p)) {
                integers[i] = *v;
                bind.buffer_type = MYSQL_TYPE_LONGLONG;
                bind.buffer = &integers[i];
            } else if (const auto* d = std::get_if<double>(&p)) {
                reals[i] = *d;
                bind.buffer_type = MYSQL_TYPE_DOUBLE;
                bind.buffer = &reals[i];
            } else if (const auto* s = std::get_if<std::string>(&p)) {
                bind.buffer_type = MYSQL_TYPE_STRING;
                bind.buffer = const_cast<char*>(s->data());
                bind.buffer_length = s->size();
            } else {
                bind.buffer_type = MYSQL_TYPE_NULL;
            }
        }
        if (!binds.empty() && mysql_stmt_bind_param(statement_, binds.data())) throwStatementError();
        if (mysql_stmt_execute(statement_)) throwStatementError();

        MYSQL_RES* metadata = mysql_stmt_result_metadata(statement_);
        if (metadata == nullptr) {
            if (mysql_stmt_errno(statement_)) throwStatementError();
            affected_ = static_cast<std::int64_t>(mysql_stmt_affected_rows(statement_));
            return {};
        }
        std::unique_ptr<MYSQL_RES, decltype(&mysql_free_result)> guard(metadata, mysql_free_result);
        Rows rows = fetchRows(*session_, statement_, metadata, sql_);
        affected_ = static_cast<std::int64_t>(rows.size());
        return rows;
    }

    std::int64_t affectedRows() const override { return affected_; }

private:
    [[noreturn]] void throwStatementError() const {
        throwError(*session_, mysql_stmt_errno(statement_), mysql_stmt_sqlstate(statement_), mysql_stmt_error(statement_),
                   sql_);
    }

    std::shared_ptr<MysqlSession> session_;
    std::string sql_;
    MYSQL_STMT* statement_;
    std::int64_t affected_ = 0;
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
        return MysqlStatement(session_, sql).run(params);
    }

    std::unique_ptr<Statement> prepare(std::string_view sql) override {
        return std::make_unique<MysqlStatement>(session_, sql);
    }

    void begin() override { execute("START TRANSACTION"); }
    void commit() override { execute("COMMIT"); }
    void rollback() override { execute("ROLLBACK"); }
    void savepoint(std::string_view name) override { execute("SAVEPOINT " + quoteIdentifier(name, '`')); }
    void releaseSavepoint(std::string_view name) override { execute("RELEASE SAVEPOINT " + quoteIdentifier(name, '`')); }
    void rollbackToSavepoint(std::string_view name) override {
        execute("ROLLBACK TO SAVEPOINT " + quoteIdentifier(name, '`'));
    }

    std::string describe() const override { return session_->description; }

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
    if (!mysql_real_connect(session->conn, text(endpoint.host), text(endpoint.user), text(endpoint.password),
                            text(endpoint.database), port, nullptr, CLIENT_MULTI_STATEMENTS | CLIENT_MULTI_RESULTS)) {
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

}  // namespace drizzle::driver::detail

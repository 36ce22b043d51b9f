// The PostgreSQL driver over libpq. Parameters go as text with no declared type, so the server
// infers each from its use (as node-postgres does), except Bytes, which go as binary bytea;
// results come back as text, bytea decoded to raw bytes.
#include <libpq-fe.h>
#include <poll.h>

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <cstring>
#include <span>
#include <string>
#include <vector>

#include "drivers/driver_internal.hpp"
#include "drivers/pg/placeholders.hpp"

namespace drizzle::driver::detail {

namespace {

constexpr std::string_view databaseName = postgresqlTraits.displayName;
constexpr Oid boolOid = 16;
constexpr Oid byteaOid = 17;

// The libpq connection, shared by the connection object and its prepared statements so that
// a statement outliving its Connection stays valid.
struct PgSession {
    PGconn* conn = nullptr;
    std::string secret;  // what messages must not show (secretOf)
    std::string description;
    Endpoint endpoint;  // for reopen()
    int statementCounter = 0;

    ~PgSession() { PQfinish(conn); }
};

struct ResultDeleter {
    void operator()(PGresult* result) const { PQclear(result); }
};
using Result = std::unique_ptr<PGresult, ResultDeleter>;

// For a statement's error; a failed login never gets here (see openPostgres).
ErrorCategory categoryFor(std::string_view sqlstate) {
    if (sqlstate == "08P01") return ErrorCategory::syntax;  // protocol violation: wrong parameter count
    const std::string_view cls = sqlstate.substr(0, 2);
    // 57P01-57P05: the server shut down or will not serve (57014, a cancelled query, is not that).
    if (cls == "08" || sqlstate.substr(0, 3) == "57P") return ErrorCategory::connection;
    if (cls == "23") return ErrorCategory::constraint;
    if (cls == "42") return ErrorCategory::syntax;
    if (sqlstate == "40001" || sqlstate == "40P01") return ErrorCategory::conflict;  // serialization, deadlock
    if (sqlstate == "55P03" || sqlstate == "57014") return ErrorCategory::timeout;   // lock_timeout, statement_timeout
    if (sqlstate == "25006") return ErrorCategory::readOnly;                         // a read-only transaction or standby
    return ErrorCategory::migration;
}

[[noreturn]] void throwResultError(const PgSession& session, const PGresult* result, std::string_view sql) {
    const char* sqlstate = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    if (sqlstate == nullptr) {
        // No server error: the connection broke (or libpq ran out of memory).
        const bool lost = PQstatus(session.conn) == CONNECTION_BAD;
        throw statementError(lost ? ErrorCategory::connection : ErrorCategory::internal, databaseName, {},
                             std::string(lost ? "lost the connection to " + session.description + ": " : "") +
                                 PQerrorMessage(session.conn),
                             sql, lost ? "check that the server is up and reachable" : "", session.secret);
    }
    std::string message = PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY);
    if (const char* detail = PQresultErrorField(result, PG_DIAG_MESSAGE_DETAIL)) message += " (" + std::string(detail) + ")";
    const char* hint = PQresultErrorField(result, PG_DIAG_MESSAGE_HINT);
    // A named statement the server does not know: the usual cause is a transaction pooler
    // (PgBouncer in transaction mode) that sent this run to another server connection.
    if (!hint && std::string_view(sqlstate) == "26000")
        hint = "behind a transaction pooler (PgBouncer pool_mode = transaction) prepared statements do not survive "
               "between transactions: connect with {.prepare = false}";
    const char* position = PQresultErrorField(result, PG_DIAG_STATEMENT_POSITION);  // characters, from 1
    throw statementError(categoryFor(sqlstate), databaseName, sqlstate, message, sql, hint ? hint : "", session.secret)
        .at(position ? static_cast<std::size_t>(std::strtoul(position, nullptr, 10)) : 0);
}

Result checked(const PgSession& session, PGresult* raw, std::string_view sql) {
    Result result(raw);
    const ExecStatusType status = result ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
    // EMPTY_QUERY: text of blanks and comments, which runs as nothing in every dialect.
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK && status != PGRES_EMPTY_QUERY)
        throwResultError(session, result.get(), sql);
    return result;
}

// The arrays libpq reads for one run. A statement keeps its own across runs, so that once they
// have grown the hot path allocates nothing: numbers are formatted into fixed buffers, strings
// and bytes are sent from the parameters themselves.
class PgParams {
public:
    void bind(std::span<const Param> params) {
        const std::size_t n = params.size();
        values_.resize(n);
        lengths_.resize(n);
        formats_.resize(n);
        types_.resize(n);
        numbers_.resize(n);
        for (std::size_t i = 0; i < n; ++i) {
            const Param& p = params[i];
            std::string_view value;
            int format = 0;
            Oid type = 0;  // untyped: the server infers it from the value's use
            if (const auto* v = std::get_if<std::int64_t>(&p)) {
                value = writeInteger(*v, numbers_[i]);
            } else if (const auto* d = std::get_if<double>(&p)) {
                value = writeDouble(*d, numbers_[i]);
            } else if (const auto* s = std::get_if<std::string>(&p)) {
                value = *s;  // libpq reads text up to its NUL, which std::string keeps
            } else if (const auto* b = std::get_if<Bytes>(&p)) {
                value = b->data;
                format = 1;  // binary: bytea's binary form is the raw bytes
                type = byteaOid;
            }
            values_[i] = std::holds_alternative<std::nullptr_t>(p) ? nullptr : value.data();
            lengths_[i] = static_cast<int>(value.size());
            formats_[i] = format;
            types_[i] = type;
        }
    }

    int count() const { return static_cast<int>(values_.size()); }
    const char* const* values() const { return values_.data(); }
    const int* lengths() const { return lengths_.data(); }
    const int* formats() const { return formats_.data(); }
    const Oid* types() const { return types_.data(); }

private:
    std::vector<const char*> values_;
    std::vector<int> lengths_;
    std::vector<int> formats_;
    std::vector<Oid> types_;
    std::vector<NumberText> numbers_;
};

// bytea's hex output (\x0001ff, the default since PostgreSQL 9.0) decoded into `out`; the
// older escape format goes through libpq.
void decodeBytea(std::string_view text, std::string& out) {
    out.clear();
    if (text.size() >= 2 && text[0] == '\\' && text[1] == 'x') {
        if (!decodeHex(text, out))
            throw Error(ErrorCategory::internal, "PostgreSQL sent a bytea value that is not hex");
        return;
    }
    std::size_t length = 0;
    unsigned char* bytes = PQunescapeBytea(reinterpret_cast<const unsigned char*>(text.data()), &length);
    if (bytes == nullptr) throw Error(ErrorCategory::internal, "PostgreSQL sent a bytea value libpq cannot decode");
    out.assign(reinterpret_cast<const char*>(bytes), length);
    PQfreemem(bytes);
}

// The rows of one result, which libpq has already read whole: values are its text, parsed on
// demand.
class PgCursor final : public Cursor {
public:
    // Takes the result of a new run (or none, after a failed one).
    void reset(Result result) {
        result_ = std::move(result);
        row_ = -1;
        rows_ = PQntuples(result_.get());
        columns_ = static_cast<std::size_t>(PQnfields(result_.get()));
        returnsRows_ = result_ && (PQresultStatus(result_.get()) == PGRES_TUPLES_OK ||
                                   PQresultStatus(result_.get()) == PGRES_SINGLE_TUPLE);
        changed_ = 0;
        if (!returnsRows_ && result_) {
            const std::string_view tuples = PQcmdTuples(result_.get());
            std::from_chars(tuples.data(), tuples.data() + tuples.size(), changed_);
        }
        decoded_.resize(columns_);
    }

    bool next() override {
        if (row_ >= rows_) return false;
        return ++row_ < rows_;
    }

    std::size_t columnCount() const override { return columns_; }

    std::string_view columnName(std::size_t column) const override {
        if (column >= columns_) throwNoColumn(column, columns_);
        return PQfname(result_.get(), static_cast<int>(column));
    }

    bool isNull(std::size_t column) const override {
        check(column);
        return PQgetisnull(result_.get(), row_, static_cast<int>(column)) != 0;
    }

    std::int64_t integer(std::size_t column) const override {
        const std::string_view value = text(column);
        if (PQftype(result_.get(), static_cast<int>(column)) == boolOid) return value == "t" ? 1 : 0;
        return parseInteger(value, *this, column);
    }

    double real(std::size_t column) const override { return parseReal(text(column), *this, column); }

    std::string_view text(std::size_t column) const override {
        if (isNull(column)) throwNull(*this, column);
        const int c = static_cast<int>(column);
        return {PQgetvalue(result_.get(), row_, c), static_cast<std::size_t>(PQgetlength(result_.get(), row_, c))};
    }

    std::string_view bytes(std::size_t column) const override {
        const std::string_view value = text(column);
        if (PQftype(result_.get(), static_cast<int>(column)) != byteaOid) return value;
        decodeBytea(value, decoded_[column]);
        return decoded_[column];
    }

    std::int64_t affectedRows() const override { return returnsRows_ ? std::min(row_ + 1, rows_) : changed_; }
    std::int64_t lastInsertId() const override { return 0; }
    std::size_t rowCountHint() const override { return returnsRows_ ? static_cast<std::size_t>(rows_) : 0; }

private:
    void check(std::size_t column) const {
        if (row_ < 0 || row_ >= rows_) throwNoRow();
        if (column >= columns_) throwNoColumn(column, columns_);
    }

    Result result_;
    int row_ = -1;
    int rows_ = 0;
    std::size_t columns_ = 0;
    bool returnsRows_ = false;
    std::int64_t changed_ = 0;
    // One buffer per column, so that every view of a row stays valid until next().
    mutable std::vector<std::string> decoded_;
};

// Rows as the server sends them, one result per row (libpq's single-row mode), so a result of
// any size never sits whole in memory. The connection is busy until the last row is read; a
// cursor closed or destroyed early reads and drops the rest (a cancel would abort the caller's
// transaction).
class PgRowStream final : public Cursor {
public:
    PgRowStream(std::shared_ptr<PgSession> session, std::string sql) : session_(std::move(session)), sql_(std::move(sql)) {}
    ~PgRowStream() override { finish(); }

    bool next() override {
        if (done_) return false;
        Result result(PQgetResult(session_->conn));
        if (!result) {
            done_ = true;
            return false;
        }
        const ExecStatusType status = PQresultStatus(result.get());
        if (status == PGRES_SINGLE_TUPLE) {
            row_.reset(std::move(result));
            row_.next();
            ++read_;
            return true;
        }
        if (status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK) {  // the end: no more rows
            row_.reset(std::move(result));
            changed_ = status == PGRES_COMMAND_OK ? row_.affectedRows() : read_;
            finish();
            return false;
        }
        finish();
        throwResultError(*session_, result.get(), sql_);
    }
    void close() override { finish(); }

    std::size_t columnCount() const override { return row_.columnCount(); }
    std::string_view columnName(std::size_t column) const override { return row_.columnName(column); }
    bool isNull(std::size_t column) const override { return row_.isNull(column); }
    std::int64_t integer(std::size_t column) const override { return row_.integer(column); }
    double real(std::size_t column) const override { return row_.real(column); }
    std::string_view text(std::size_t column) const override { return row_.text(column); }
    std::string_view bytes(std::size_t column) const override { return row_.bytes(column); }
    std::int64_t affectedRows() const override { return done_ ? changed_ : read_; }
    std::int64_t lastInsertId() const override { return 0; }

private:
    void finish() {
        if (done_) return;
        while (PGresult* rest = PQgetResult(session_->conn)) PQclear(rest);
        done_ = true;
    }

    std::shared_ptr<PgSession> session_;
    std::string sql_;
    PgCursor row_;
    bool done_ = false;
    std::int64_t read_ = 0;
    std::int64_t changed_ = 0;
};

class PgStatement final : public Statement {
public:
    PgStatement(std::shared_ptr<PgSession> session, std::string sql, std::string name, std::size_t placeholders)
        : session_(std::move(session)), sql_(std::move(sql)), name_(std::move(name)), placeholders_(placeholders) {}

    ~PgStatement() override {
        // Fails harmlessly inside an aborted transaction; the server forgets the statement
        // when the connection closes anyway.
        PQclear(PQexec(session_->conn, ("DEALLOCATE " + drizzle::quoteIdentifier(Dialect::postgresql, name_)).c_str()));
    }

    Cursor& open(std::span<const Param> params) override {
        cursor_.reset(nullptr);
        if (placeholders_ > 0) checkParamCount(placeholders_, params.size(), sql_);
        params_.bind(params);
        // The statement's parameter types were fixed when it was prepared, so no types here.
        cursor_.reset(checked(*session_,
                              PQexecPrepared(session_->conn, name_.c_str(), params_.count(), params_.values(),
                                             params_.lengths(), params_.formats(), 0),
                              sql_));
        return cursor_;
    }

    std::int64_t affectedRows() const override { return cursor_.affectedRows(); }

private:
    std::shared_ptr<PgSession> session_;
    std::string sql_;
    std::string name_;
    std::size_t placeholders_;
    PgParams params_;
    PgCursor cursor_;
};

class PgConnection final : public Connection {
public:
    explicit PgConnection(std::shared_ptr<PgSession> session) : session_(std::move(session)) {}

    Dialect dialect() const override { return Dialect::postgresql; }

    void execute(std::string_view sql) override { exec(sql); }

    Rows query(std::string_view sql, const std::vector<Param>& params) override {
        return readAll(*stream(sql, params));
    }

    std::unique_ptr<Cursor> stream(std::string_view sql, std::span<const Param> params) override {
        const pg::NumberedSql numbered = pg::numberPlaceholders(sql);
        if (numbered.placeholders > 0) checkParamCount(numbered.placeholders, params.size(), sql);
        PgParams bound;
        bound.bind(params);
        auto cursor = std::make_unique<PgCursor>();
        cursor->reset(checked(*session_,
                              PQexecParams(session_->conn, numbered.sql.c_str(), bound.count(), bound.types(),
                                           bound.values(), bound.lengths(), bound.formats(), 0),
                              sql));
        return cursor;
    }

    std::unique_ptr<Cursor> streamUnbuffered(std::string_view sql, std::span<const Param> params) override {
        const pg::NumberedSql numbered = pg::numberPlaceholders(sql);
        if (numbered.placeholders > 0) checkParamCount(numbered.placeholders, params.size(), sql);
        PgParams bound;
        bound.bind(params);
        if (!PQsendQueryParams(session_->conn, numbered.sql.c_str(), bound.count(), bound.types(), bound.values(),
                               bound.lengths(), bound.formats(), 0))
            throwResultError(*session_, nullptr, sql);
        auto cursor = std::make_unique<PgRowStream>(session_, std::string(sql));
        PQsetSingleRowMode(session_->conn);  // fails only if the query failed to start: next() says why
        return cursor;
    }

    std::unique_ptr<Statement> prepare(std::string_view sql) override {
        const pg::NumberedSql numbered = pg::numberPlaceholders(sql);
        std::string name = "drizzle_stmt_" + std::to_string(++session_->statementCounter);
        checked(*session_, PQprepare(session_->conn, name.c_str(), numbered.sql.c_str(), 0, nullptr), sql);
        return std::make_unique<PgStatement>(session_, std::string(sql), std::move(name), numbered.placeholders);
    }

    void begin() override { exec("BEGIN"); }

    void commit() override {
        // COMMIT of a transaction in which a statement failed succeeds but rolls back; a
        // caller that asked to commit must hear that nothing was saved.
        Result result = exec("COMMIT");
        if (std::strcmp(PQcmdStatus(result.get()), "ROLLBACK") == 0)
            throw Error(ErrorCategory::migration,
                        "PostgreSQL rolled the transaction back instead of committing it: a statement in it failed",
                        "look for the earlier error; nothing of the transaction was saved", "25P02");
    }

    void rollback() override { exec("ROLLBACK"); }
    void savepoint(std::string_view name) override { exec("SAVEPOINT " + drizzle::quoteIdentifier(Dialect::postgresql, name)); }
    void releaseSavepoint(std::string_view name) override { exec("RELEASE SAVEPOINT " + drizzle::quoteIdentifier(Dialect::postgresql, name)); }
    void rollbackToSavepoint(std::string_view name) override {
        exec("ROLLBACK TO SAVEPOINT " + drizzle::quoteIdentifier(Dialect::postgresql, name));
    }

    std::string describe() const override { return session_->description; }

    std::unique_ptr<Connection> reopen() const override;

    bool alive() override {
        // Reads what the server sent an idle connection without waiting: a server that closed
        // it (a restart, pg_terminate_backend) leaves an error and an end of file there.
        // (A message read is not yet an end of file: read until nothing more is waiting.)
        if (PQstatus(session_->conn) != CONNECTION_OK) return false;
        pollfd p{PQsocket(session_->conn), POLLIN, 0};
        while (poll(&p, 1, 0) > 0)
            if (PQconsumeInput(session_->conn) != 1) return false;
        return PQstatus(session_->conn) == CONNECTION_OK;
    }

private:
    Result exec(std::string_view sql) {
        return checked(*session_, PQexec(session_->conn, std::string(sql).c_str()), sql);
    }

    std::shared_ptr<PgSession> session_;
};

void ignoreNotice(void*, const char*) {}

}  // namespace

std::unique_ptr<Connection> openPostgres(const Endpoint& endpoint) {
    std::vector<std::pair<std::string, std::string>> settings;
    auto set = [&](const char* key, const std::string& value) {
        if (!value.empty()) settings.emplace_back(key, value);
    };
    set("host", endpoint.host);
    if (endpoint.port) set("port", std::to_string(*endpoint.port));
    set("user", endpoint.user);
    set("password", endpoint.password);
    set("dbname", endpoint.database);
    set("sslmode", endpoint.ssl);
    bool timeout = false, encoding = false;
    for (const auto& [key, value] : endpoint.options) {
        settings.emplace_back(key, value);
        timeout = timeout || key == "connect_timeout";
        encoding = encoding || key == "client_encoding";
    }
    // Without a timeout an unreachable host blocks for minutes.
    if (!timeout) settings.emplace_back("connect_timeout", "10");
    if (!encoding) settings.emplace_back("client_encoding", "UTF8");

    std::vector<const char*> keys, values;
    for (const auto& [key, value] : settings) {
        keys.push_back(key.c_str());
        values.push_back(value.c_str());
    }
    keys.push_back(nullptr);
    values.push_back(nullptr);

    auto session = std::make_shared<PgSession>();
    session->secret = secretOf(endpoint);
    session->description = describeEndpoint(Dialect::postgresql, endpoint);
    session->endpoint = endpoint;
    session->conn = PQconnectdbParams(keys.data(), values.data(), 0);
    if (session->conn == nullptr)
        throw Error(ErrorCategory::internal, "libpq could not allocate a connection to " + session->description);
    if (PQstatus(session->conn) != CONNECTION_OK)
        throw Error(ErrorCategory::connection,
                    redact("cannot connect to PostgreSQL at " + session->description + ": " +
                               oneLine(PQerrorMessage(session->conn)),
                           session->secret),
                    "check that the server runs and accepts connections, and the host, port, user, password, "
                    "database and sslmode in dbCredentials",
                    "08001");
    PQsetNoticeProcessor(session->conn, ignoreNotice, nullptr);
    return std::make_unique<PgConnection>(std::move(session));
}

namespace {
std::unique_ptr<Connection> PgConnection::reopen() const { return openPostgres(session_->endpoint); }
}  // namespace

// Kept by the linker through drizzle::postgresql's `--undefined=drizzle_driver_postgresql` (driver_internal.hpp).
extern "C" const bool drizzle_driver_postgresql = registerDriver(Dialect::postgresql, Opener{&openPostgres, nullptr});

}  // namespace drizzle::driver::detail

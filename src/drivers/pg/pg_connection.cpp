// The PostgreSQL driver over libpq. Parameters go as text with no declared type, so the server
// infers each from its use (as node-postgres does); results come back as text, bytea decoded to
// raw bytes.
#include <libpq-fe.h>

#include <cstring>
#include <string>
#include <vector>

#include "drivers/driver_internal.hpp"
#include "drivers/pg/placeholders.hpp"

namespace drizzle::driver::detail {

namespace {

constexpr std::string_view databaseName = "PostgreSQL";
constexpr Oid byteaOid = 17;

// The libpq connection, shared by the connection object and its prepared statements so that
// a statement outliving its Connection stays valid.
struct PgSession {
    PGconn* conn = nullptr;
    std::string secret;  // what messages must not show (secretOf)
    std::string description;
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
    throw statementError(categoryFor(sqlstate), databaseName, sqlstate, message, sql, hint ? hint : "", session.secret);
}

Result checked(const PgSession& session, PGresult* raw, std::string_view sql) {
    Result result(raw);
    const ExecStatusType status = result ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
    // EMPTY_QUERY: text of blanks and comments, which runs as nothing in every dialect.
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK && status != PGRES_EMPTY_QUERY)
        throwResultError(session, result.get(), sql);
    return result;
}

Rows readRows(const PGresult* result) {
    Rows rows;
    const int columns = PQnfields(result);
    std::vector<std::string> names;
    names.reserve(static_cast<std::size_t>(columns));
    for (int c = 0; c < columns; ++c) names.emplace_back(PQfname(result, c));
    rows.setColumns(std::move(names));
    for (int r = 0, count = PQntuples(result); r < count; ++r) {
        std::vector<std::optional<std::string>> values(static_cast<std::size_t>(columns));
        for (int c = 0; c < columns; ++c) {
            if (PQgetisnull(result, r, c)) continue;
            const char* text = PQgetvalue(result, r, c);
            if (PQftype(result, c) == byteaOid) {
                std::size_t length = 0;
                unsigned char* bytes = PQunescapeBytea(reinterpret_cast<const unsigned char*>(text), &length);
                if (bytes == nullptr) throw Error(ErrorCategory::internal, "PostgreSQL sent a bytea value libpq cannot decode");
                values[static_cast<std::size_t>(c)].emplace(reinterpret_cast<const char*>(bytes), length);
                PQfreemem(bytes);
            } else {
                values[static_cast<std::size_t>(c)].emplace(text, static_cast<std::size_t>(PQgetlength(result, r, c)));
            }
        }
        rows.addRow(std::move(values));
    }
    return rows;
}

std::int64_t affectedRowsOf(const PGresult* result) {
    const char* tuples = PQcmdTuples(const_cast<PGresult*>(result));
    return tuples && *tuples ? std::stoll(tuples) : 0;
}

// Parameter texts and the pointer array libpq reads (NULL as a null pointer).
struct ParamTexts {
    std::vector<std::string> texts;
    std::vector<const char*> pointers;
    std::vector<int> lengths;

    explicit ParamTexts(const std::vector<Param>& params) {
        texts.reserve(params.size());
        for (const Param& p : params) texts.push_back(paramText(p));
        for (std::size_t i = 0; i < params.size(); ++i) {
            const bool null = std::holds_alternative<std::nullptr_t>(params[i]);
            pointers.push_back(null ? nullptr : texts[i].c_str());
            lengths.push_back(static_cast<int>(texts[i].size()));
        }
    }
};

class PgStatement final : public Statement {
public:
    PgStatement(std::shared_ptr<PgSession> session, std::string sql, std::string name, std::size_t placeholders)
        : session_(std::move(session)), sql_(std::move(sql)), name_(std::move(name)), placeholders_(placeholders) {}

    ~PgStatement() override {
        // Fails harmlessly inside an aborted transaction; the server forgets the statement
        // when the connection closes anyway.
        PQclear(PQexec(session_->conn, ("DEALLOCATE " + quoteIdentifier(name_, '"')).c_str()));
    }

    Rows run(const std::vector<Param>& params) override {
        if (placeholders_ > 0) checkParamCount(placeholders_, params.size(), sql_);
        ParamTexts texts(params);
        Result result = checked(*session_,
                                PQexecPrepared(session_->conn, name_.c_str(), static_cast<int>(params.size()),
                                               texts.pointers.data(), texts.lengths.data(), nullptr, 0),
                                sql_);
        affected_ = affectedRowsOf(result.get());
        return readRows(result.get());
    }

    std::int64_t affectedRows() const override { return affected_; }

private:
    std::shared_ptr<PgSession> session_;
    std::string sql_;
    std::string name_;
    std::size_t placeholders_;
    std::int64_t affected_ = 0;
};

class PgConnection final : public Connection {
public:
    explicit PgConnection(std::shared_ptr<PgSession> session) : session_(std::move(session)) {}

    Dialect dialect() const override { return Dialect::postgresql; }

    void execute(std::string_view sql) override { exec(sql); }

    Rows query(std::string_view sql, const std::vector<Param>& params) override {
        const pg::NumberedSql numbered = pg::numberPlaceholders(sql);
        if (numbered.placeholders > 0) checkParamCount(numbered.placeholders, params.size(), sql);
        ParamTexts texts(params);
        Result result = checked(*session_,
                                PQexecParams(session_->conn, numbered.sql.c_str(), static_cast<int>(params.size()),
                                             nullptr, texts.pointers.data(), texts.lengths.data(), nullptr, 0),
                                sql);
        return readRows(result.get());
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
    void savepoint(std::string_view name) override { exec("SAVEPOINT " + quoteIdentifier(name, '"')); }
    void releaseSavepoint(std::string_view name) override { exec("RELEASE SAVEPOINT " + quoteIdentifier(name, '"')); }
    void rollbackToSavepoint(std::string_view name) override {
        exec("ROLLBACK TO SAVEPOINT " + quoteIdentifier(name, '"'));
    }

    std::string describe() const override { return session_->description; }

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

}  // namespace drizzle::driver::detail

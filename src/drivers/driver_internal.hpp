// What the three drivers share: where a connection goes (parsed from a URL or from fields),
// how a database error becomes a drizzle::Error, and small text helpers.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "drizzle/dialect.hpp"
#include "drizzle/driver/connection.hpp"
#include "drizzle/error.hpp"

namespace drizzle::driver::detail {

// A server to connect to (PostgreSQL or MySQL), every part already percent-decoded.
struct Endpoint {
    std::string host, user, password, database;
    std::optional<int> port;
    std::string ssl;                                          // sslmode, from `?sslmode=` or `ssl`
    std::vector<std::pair<std::string, std::string>> options;  // other `?key=value` parameters
};

// Parses scheme://user:password@host:port/database?key=value. The user information ends at the
// last '@' (so a password may hold a raw '@', ':' or '/'); a database name or parameter
// holding '@' must percent-encode it. Throws Error(config) whose message shows the URL masked.
Endpoint parseServerUrl(std::string_view url, Dialect dialect);

// "postgres://app:****@db:5432/app": the endpoint as messages show it.
std::string describeEndpoint(Dialect dialect, const Endpoint& endpoint);

std::unique_ptr<Connection> openPostgres(const Endpoint& endpoint);
std::unique_ptr<Connection> openMysql(const Endpoint& endpoint);
std::unique_ptr<Connection> openSqlite(const std::string& location);

// The SQL as a message quotes it: whitespace runs collapsed, at most 200 characters.
std::string sqlExcerpt(std::string_view sql);

// What redact() hides for a connection: its password, except one shorter than 4 characters
// (replacing it would garble every message) or one its user, host or database name contains
// (every message shows those anyway; "drizzle:drizzle@.../drizzle_app" must stay readable).
std::string secretOf(const Endpoint& endpoint);

// `text` with every occurrence of `secret` replaced by "****": a last guard so that no message
// can carry the connection's password, whatever the server or the SQL said.
std::string redact(std::string text, std::string_view secret);

// A failed statement: "<db> error <code>: <message>; SQL: <excerpt>", redacted.
Error statementError(ErrorCategory category, std::string_view database, std::string nativeCode,
                     std::string_view message, std::string_view sql, std::string hint,
                     std::string_view secret);

// Throws Error(internal) when a statement with `placeholders` markers is given another number
// of parameters (the databases report this late or not at all).
void checkParamCount(std::size_t placeholders, std::size_t given, std::string_view sql);

// The shortest text that reads back as the same double ("0.1", "1e+300", "inf").
std::string formatDouble(double value);

// A parameter as text, for drivers that send every value as text (NULL has no text).
std::string paramText(const Param& param);

// `name` between `quote` characters, embedded quote characters doubled.
std::string quoteIdentifier(std::string_view name, char quote);

// A library message as one line: whitespace runs (libpq's "\n\t") become one space, ends trimmed.
std::string oneLine(std::string_view text);

}  // namespace drizzle::driver::detail

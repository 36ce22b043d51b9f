// What the three drivers share: where a connection goes (parsed from a URL or from fields),
// how a database error becomes a drizzle::Error, and small text helpers.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

#include "drizzle/dialect.hpp"
#include "drizzle/driver/connection.hpp"
#include "drizzle/error.hpp"
#include "util/text.hpp"

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

// Each driver is a library of its own (drizzle::sqlite, drizzle::postgresql, drizzle::mysql), so
// that a program links only the client libraries it uses. A linked driver registers its opener
// at start-up; its CMake target makes the linker keep that registration (`--undefined`).
struct Opener {
    std::unique_ptr<Connection> (*server)(const Endpoint&) = nullptr;  // PostgreSQL, MySQL
    std::unique_ptr<Connection> (*file)(const std::string&) = nullptr;  // SQLite
};
bool registerDriver(Dialect dialect, Opener opener);
// The opener of `dialect`; Error(connection) saying which target to link when it is missing.
const Opener& driverFor(Dialect dialect);

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

// The 1-based character (code point) position of UTF-8 byte `offset` in `sql` (Error::position).
std::size_t characterPosition(std::string_view sql, std::size_t offset);

// Throws Error(internal) when a statement with `placeholders` markers is given another number
// of parameters (the databases report this late or not at all).
void checkParamCount(std::size_t placeholders, std::size_t given, std::string_view sql);

// Room for any int64 or double as text plus a terminating NUL, so that numbers on the hot path
// are formatted without allocating.
using NumberText = std::array<char, 32>;

// The shortest text that reads back as the same double ("0.1", "1e+300", "-0"), with
// PostgreSQL's spelling of the special values ("NaN", "Infinity", "-Infinity"), which the
// other dialects read too. The view points into `buffer`, NUL-terminated.
std::string_view writeDouble(double value, NumberText& buffer);
std::string_view writeInteger(std::int64_t value, NumberText& buffer);

// What every cursor shares: reading a whole result into Rows, parsing text values, and the
// errors a wrong read gives, each naming the column ("column 2 (\"name\") is NULL").
Rows readAll(Cursor& cursor);

// A prepared statement that owns its cursor and restarts it on each run (SQLite, MySQL).
template <class C>
class CursorStatement final : public Statement {
public:
    template <class... A>
    explicit CursorStatement(A&&... args) : cursor_(std::forward<A>(args)...) {}
    Cursor& open(std::span<const Param> params) override {
        cursor_.start(params);
        return cursor_;
    }
    std::int64_t affectedRows() const override { return cursor_.affectedRows(); }

private:
    C cursor_;
};
[[noreturn]] void throwNoRow();
[[noreturn]] void throwNoColumn(std::size_t column, std::size_t columns);
[[noreturn]] void throwNull(const Cursor& cursor, std::size_t column);
std::int64_t parseInteger(std::string_view text, const Cursor& cursor, std::size_t column);
double parseReal(std::string_view text, const Cursor& cursor, std::size_t column);
// A REAL read as an integer: only a whole number inside the int64 range is one.
std::int64_t integralReal(double value, const Cursor& cursor, std::size_t column);

// A library message as one line: whitespace runs (libpq's "\n\t") become one space, ends trimmed.
using util::oneLine;

}  // namespace drizzle::driver::detail

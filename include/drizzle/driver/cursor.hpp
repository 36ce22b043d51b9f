// Bound parameters and streamed result rows: the driver's hot path, shared by the ORM's typed
// queries. Light on purpose (no driver headers), since schema and query headers include it.
//
//   auto statement = db->prepare("select id, name from users where id = ?");
//   const drizzle::driver::Param params[] = {std::int64_t{7}};
//   auto& rows = statement->open(params);
//   while (rows.next()) use(rows.integer(0), rows.text(1));
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <variant>

namespace drizzle::driver {

// Binary data (bytea, blob, varbinary): sent as bytes, never as text.
struct Bytes {
    std::string data;
    bool operator==(const Bytes&) const = default;
};

// A bound parameter. Placeholders are `?` in every dialect; the PostgreSQL driver rewrites them
// to $1, $2, ... (outside string literals, quoted identifiers and comments; so write jsonb's `?`
// operators as jsonb_exists() and friends) and sends every value but Bytes as untyped text,
// which the server types from its use, as node-postgres does. Bytes go as binary: typed bytea by
// Connection::stream(), typed from their use by a prepared statement.
using Param = std::variant<std::nullptr_t, std::int64_t, double, std::string, Bytes>;

// The rows of one run of a statement, read one at a time. The cursor and every view it returns
// stay valid until next() is called again or the statement (or connection) runs again.
// Reading a value before next() returned true, after it returned false, past the last column,
// or of a NULL (isNull() aside) throws drizzle::Error naming the column.
class Cursor {
public:
    virtual ~Cursor() = default;
    // Moves to the next row; false when there is none.
    virtual bool next() = 0;
    virtual std::size_t columnCount() const = 0;
    virtual std::string_view columnName(std::size_t column) const = 0;
    virtual bool isNull(std::size_t column) const = 0;
    // The value as an integer: booleans are 0/1 (PostgreSQL's 't'/'f' too); a REAL or text
    // only when it holds a whole number in range ("12" and 12.0 do, "12.00" does not). Throws
    // drizzle::Error when the value is NULL or not an integer.
    virtual std::int64_t integer(std::size_t column) const = 0;
    virtual double real(std::size_t column) const = 0;
    // The value's text as the database sent it (a REAL as text that reads back exactly).
    virtual std::string_view text(std::size_t column) const = 0;
    // The raw bytes of a binary value (PostgreSQL bytea decoded from its hex text); for any
    // other value, the same as text().
    virtual std::string_view bytes(std::size_t column) const = 0;
    // For INSERT/UPDATE/DELETE without RETURNING: the rows the statement met (an UPDATE to the
    // values a row already holds counts it, on MySQL too); otherwise the rows read so far (all of
    // them once next() returned false).
    virtual std::int64_t affectedRows() const = 0;
    // MySQL's id of the row an INSERT made (of the first row, for several; 0 when none).
    // SQLite's last inserted rowid on the connection, after any statement that writes (as
    // better-sqlite3 reports it; 0 after one that only reads). PostgreSQL: 0 (use RETURNING).
    virtual std::int64_t lastInsertId() const = 0;
    // Stops reading before the last row, releasing what the statement holds (SQLite's read
    // lock, MySQL's buffered rows); next() then returns false.
    virtual void close() {}
    // How many rows the result has, when the driver knows before reading them (PostgreSQL and
    // MySQL buffer results; SQLite does not know): lets a reader reserve. 0 when unknown.
    virtual std::size_t rowCountHint() const { return 0; }
};

// Hex digits ("00ff", or PostgreSQL's bytea text "\\x00ff") decoded into `out`; false when
// `hex` holds something else. Binary values travel as hex inside text (bytea output, JSON).
bool decodeHex(std::string_view hex, std::string& out);
// The bytes as PostgreSQL's bytea text, "\\x" and lower-case hex digits: what decodeHex reads back.
std::string encodeHex(std::string_view bytes);

}  // namespace drizzle::driver

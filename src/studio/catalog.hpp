// What the studio knows of each table and view: its columns with the kind of value each holds
// (from the schema model's SQL type), its primary key and where it sits. Every request names a
// table and columns; they are looked up here, and only the model's own names reach SQL. Values
// cross the API as text (or null) in one spelling per kind, converted here in both directions.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "drizzle/driver/cursor.hpp"
#include "drizzle/model/model.hpp"

namespace drizzle::kit::studio {

// A request the API refuses: `status` is the HTTP status (400, 404), the message says what is wrong.
struct BadRequest : std::runtime_error {
    BadRequest(int status, const std::string& message) : std::runtime_error(message), status(status) {}
    int status;
};

// How the app shows and edits a value. Over the API every value is a string or null:
// booleans "true"/"false", binary "\x" and hex digits, everything else the database's own text
// (so big integers and numerics are never rounded).
enum class ValueKind { text, integer, number, boolean, json, binary, date, enumeration, array };
std::string_view kindName(ValueKind kind);

struct ColumnInfo {
    std::string name, type;
    ValueKind kind = ValueKind::text;
    std::string mode;  // as the schema's code declares it: SQLite "boolean", "timestamp", "json"...
    bool notNull = false, primaryKey = false, hasDefault = false, generated = false;
    std::vector<std::string> enumValues;  // for an enumeration
};

struct TableInfo {
    std::string schema;  // "public" for PostgreSQL's default; "" in SQLite and MySQL
    std::string name;
    std::string kind;    // "table", "view", "materialized view"
    std::vector<ColumnInfo> columns;
    std::vector<std::string> key;  // the primary key's columns; none for a view
    const model::Table* table = nullptr;  // for a table

    // The column named so; throws BadRequest(400) naming the table when there is none.
    const ColumnInfo& column(const std::string& name) const;
};

class Catalog {
public:
    explicit Catalog(const model::Schema& schema);

    Dialect dialect() const { return dialect_; }
    // What the schema's code says of a column beyond its SQL type: a mode ("boolean" and "json"
    // make it that kind) or the values of a text enum. An unknown table or column is ignored.
    void refine(const std::string& schema, const std::string& table, const std::string& column, const std::string& mode,
                const std::vector<std::string>& values);
    const std::vector<TableInfo>& all() const { return tables_; }
    // The table or view `name` in `schema` ("" = PostgreSQL's public); throws BadRequest(404).
    const TableInfo& find(const std::string& schema, const std::string& name) const;

    // A value of the app for `column`, as the parameter to bind: booleans as the dialect takes
    // them, binary decoded from hex. Throws BadRequest(400) naming the column when it does not read.
    driver::Param toParam(const ColumnInfo& column, const std::string& value) const;
    // The value in `cursor`'s column `index`, read as `column`, in the API's spelling (nullopt for NULL).
    std::optional<std::string> read(const ColumnInfo& column, const driver::Cursor& cursor, std::size_t index) const;

private:
    Dialect dialect_;
    std::vector<TableInfo> tables_;
};

// A string member `key` of a request object, or `fallback` when it is absent or null; throws
// BadRequest when it is something else.
std::string stringField(const nlohmann::json& request, const char* key, const std::string& fallback = "");

}  // namespace drizzle::kit::studio

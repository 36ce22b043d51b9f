// The column types of each dialect, one table per dialect ({pg,sqlite,mysql}_column_types.cpp).
// A type's spelling lives in its entry and nowhere else; three paths read it:
// - DSL -> SQL: a declared column's type as Drizzle Kit writes it into snapshots (sqlType);
// - SQL -> DSL: pull's code generation finds the DSL function, options and member type that
//   declare a type (codegen/column_code.cpp);
// - introspection: a catalog's spelling ("character varying(20)", "int(11) unsigned",
//   "tinyint(1)") becomes Drizzle's ("varchar(20)", "int unsigned", "boolean").
// tests/unit/column_types_test.cpp walks every entry through all three, and each dialect's
// introspection tests create every entry on a real server and read it back.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "drizzle/dialect.hpp"

namespace drizzle::detail {

// How a type's arguments are spelled.
enum class TypeShape : std::uint8_t {
    plain,      // integer
    length,     // varchar(256), text(10): an optional length
    sized,      // vector(3), varbinary(16): a length the DSL requires
    decimal,    // numeric(10, 2): an optional precision, then an optional scale
    fsp,        // datetime(3): an optional precision
    time,       // time(3) with time zone
    timestamp,  // timestamp (3) with time zone
    interval,   // interval day to second(3)
    geometry,   // geometry(point,4326)
    valueList,  // enum('a','b')
};

struct ColumnType {
    std::string_view name;      // the SQL name, and ColumnSpec::kind of the DSL function
    std::string_view function;  // the DSL function in the dialect's namespace; empty: customType
    std::string_view member;    // the member type pull declares
    TypeShape shape = TypeShape::plain;
    std::string_view option = {};           // the DSL option naming the one argument (".length")
    std::string_view separator = ", ";      // decimal: between precision and scale
    std::string_view unsignedMember = {};   // MySQL integers: " unsigned" is in the member type
    bool unsignedOption = false;            // MySQL decimals: " unsigned" is `.isUnsigned = true`
    bool arrays = false;                    // PostgreSQL arrays of it ("integer[][]")
    // PostgreSQL: its family; between families there is no assignment cast, so a column changing
    // family needs its values converted explicitly (ALTER COLUMN ... USING).
    std::string_view family = {};
    bool implicitNotNull = false;           // serial
    // Where the database's catalog spells it otherwise:
    std::string_view catalogNames[2] = {};  // "character varying"
    std::int32_t catalogDefault = -1;       // the argument it shows when none was declared
    bool catalogDropsZeroScale = false;     // numeric(10,0) is numeric(10)
    bool catalogIgnoresArgs = false;        // int(11): a display width, not part of the type
    std::string_view catalogExact = {};     // the whole catalog text that means this type
};

// A type with its arguments.
struct TypeValue {
    const ColumnType* type = nullptr;
    std::int32_t length = -1, precision = -1, scale = -1, srid = -1;
    bool withTimezone = false;
    bool isUnsigned = false;
    int dimensions = 0;
    std::string subtype;               // interval fields, geometry type
    std::vector<std::string> values;   // enum values
};

std::span<const ColumnType> columnTypes(Dialect dialect);
std::span<const ColumnType> pgColumnTypes();
std::span<const ColumnType> sqliteColumnTypes();
std::span<const ColumnType> mysqlColumnTypes();

// The entry of a DSL function's kind, or null.
const ColumnType* findColumnType(Dialect dialect, std::string_view kind);

// Drizzle Kit's spelling.
std::string spellType(Dialect dialect, const TypeValue& value);

// The type Drizzle Kit's spelling `text` names: exactly, so that spellType gives `text` back;
// nullopt for a type of no entry or one spelled otherwise.
std::optional<TypeValue> readType(Dialect dialect, std::string_view text);

// Drizzle's spelling of a type as the database's catalog reports it (PostgreSQL's format_type()
// of a type without array dimensions, MySQL's COLUMN_TYPE, SQLite's declared type); a type of
// no entry comes back as it is.
std::string normaliseCatalogType(Dialect dialect, std::string_view text);

}  // namespace drizzle::detail

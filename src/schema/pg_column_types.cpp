// PostgreSQL's column types: the DSL's functions in include/drizzle/pg.hpp, spelled as Drizzle
// Kit spells them, with format_type()'s spelling where it differs.
#include "schema/column_types.hpp"

namespace drizzle::detail {

namespace {

using S = TypeShape;

constexpr ColumnType kTypes[] = {
    {.name = "smallint", .function = "smallint", .member = "std::int16_t", .arrays = true},
    {.name = "integer", .function = "integer", .member = "std::int32_t", .arrays = true},
    {.name = "bigint", .function = "bigint", .member = "std::int64_t", .arrays = true},
    {.name = "smallserial", .function = "smallserial", .member = "std::int16_t", .implicitNotNull = true},
    {.name = "serial", .function = "serial", .member = "std::int32_t", .implicitNotNull = true},
    {.name = "bigserial", .function = "bigserial", .member = "std::int64_t", .implicitNotNull = true},
    {.name = "numeric", .function = "numeric", .member = "std::string", .shape = S::decimal, .arrays = true,
     .catalogDropsZeroScale = true},
    {.name = "real", .function = "real", .member = "float", .arrays = true},
    {.name = "double precision", .function = "doublePrecision", .member = "double", .arrays = true},
    {.name = "boolean", .function = "boolean", .member = "bool", .arrays = true},
    {.name = "text", .function = "text", .member = "std::string", .arrays = true},
    {.name = "varchar", .function = "varchar", .member = "std::string", .shape = S::length, .option = ".length",
     .arrays = true, .catalogNames = {"character varying"}},
    // format_type() writes the one-byte internal type as "char" (quoted); Drizzle reads it as char.
    {.name = "char", .function = "char_", .member = "std::string", .shape = S::length, .option = ".length",
     .arrays = true, .catalogNames = {"character", "\"char\""}},
    {.name = "json", .function = "json", .member = "std::string", .arrays = true},
    {.name = "jsonb", .function = "jsonb", .member = "std::string", .arrays = true},
    {.name = "uuid", .function = "uuid", .member = "std::string", .arrays = true},
    {.name = "date", .function = "date", .member = "std::string", .arrays = true},
    {.name = "inet", .function = "inet", .member = "std::string", .arrays = true},
    {.name = "cidr", .function = "cidr", .member = "std::string", .arrays = true},
    {.name = "macaddr", .function = "macaddr", .member = "std::string", .arrays = true},
    {.name = "macaddr8", .function = "macaddr8", .member = "std::string", .arrays = true},
    {.name = "time", .function = "time", .member = "std::string", .shape = S::time, .option = ".precision",
     .arrays = true},
    {.name = "timestamp", .function = "timestamp", .member = "std::string", .shape = S::timestamp,
     .option = ".precision", .arrays = true},
    {.name = "interval", .function = "interval", .member = "std::string", .shape = S::interval,
     .option = ".precision", .arrays = true},
    {.name = "point", .function = "point", .member = "pg::Point", .arrays = true},
    {.name = "line", .function = "line", .member = "pg::Line", .arrays = true},
    {.name = "bytea", .function = "bytea", .member = "std::vector<unsigned char>", .arrays = true},
    {.name = "vector", .function = "vector", .member = "std::vector<float>", .shape = S::sized,
     .option = ".dimensions", .arrays = true},
    {.name = "geometry", .function = "geometry", .member = "std::string", .shape = S::geometry, .arrays = true},
    // PostGIS geography has no DSL function (pull declares it by name), only its catalog spelling.
    {.name = "geography", .function = "", .member = "std::string", .shape = S::geometry, .arrays = true},
};

}  // namespace

std::span<const ColumnType> pgColumnTypes() { return kTypes; }

}  // namespace drizzle::detail

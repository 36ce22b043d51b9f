// PostgreSQL's column types: the DSL's functions in include/drizzle/pg.hpp, spelled as Drizzle
// Kit spells them, with format_type()'s spelling where it differs.
#include "schema/column_types.hpp"

namespace drizzle::detail {

namespace {

using S = TypeShape;

constexpr ColumnType kTypes[] = {
    {.name = "smallint", .function = "smallint", .member = "std::int16_t", .arrays = true, .family = "number"},
    {.name = "integer", .function = "integer", .member = "std::int32_t", .arrays = true, .family = "number"},
    {.name = "bigint", .function = "bigint", .member = "std::int64_t", .arrays = true, .family = "number"},
    {.name = "smallserial", .function = "smallserial", .member = "std::int16_t", .family = "number", .implicitNotNull = true},
    {.name = "serial", .function = "serial", .member = "std::int32_t", .family = "number", .implicitNotNull = true},
    {.name = "bigserial", .function = "bigserial", .member = "std::int64_t", .family = "number", .implicitNotNull = true},
    {.name = "numeric", .function = "numeric", .member = "std::string", .shape = S::decimal, .arrays = true, .family = "number",
     .catalogDropsZeroScale = true},
    {.name = "real", .function = "real", .member = "float", .arrays = true, .family = "number"},
    {.name = "double precision", .function = "doublePrecision", .member = "double", .arrays = true, .family = "number"},
    {.name = "boolean", .function = "boolean", .member = "bool", .arrays = true, .family = "boolean"},
    {.name = "text", .function = "text", .member = "std::string", .arrays = true, .family = "string"},
    {.name = "varchar", .function = "varchar", .member = "std::string", .shape = S::length, .option = ".length",
     .arrays = true, .family = "string", .catalogNames = {"character varying"}},
    // format_type() writes the one-byte internal type as "char" (quoted); Drizzle reads it as char.
    {.name = "char", .function = "char_", .member = "std::string", .shape = S::length, .option = ".length",
     .arrays = true, .family = "string", .catalogNames = {"character", "\"char\""}},
    {.name = "json", .function = "json", .member = "std::string", .arrays = true, .family = "json"},
    {.name = "jsonb", .function = "jsonb", .member = "std::string", .arrays = true, .family = "json"},
    {.name = "uuid", .function = "uuid", .member = "std::string", .arrays = true, .family = "uuid"},
    {.name = "date", .function = "date", .member = "std::string", .arrays = true, .family = "time"},
    {.name = "inet", .function = "inet", .member = "std::string", .arrays = true, .family = "network"},
    {.name = "cidr", .function = "cidr", .member = "std::string", .arrays = true, .family = "network"},
    {.name = "macaddr", .function = "macaddr", .member = "std::string", .arrays = true, .family = "network"},
    {.name = "macaddr8", .function = "macaddr8", .member = "std::string", .arrays = true, .family = "network"},
    {.name = "time", .function = "time", .member = "std::string", .shape = S::time, .option = ".precision",
     .arrays = true, .family = "time"},
    {.name = "timestamp", .function = "timestamp", .member = "std::string", .shape = S::timestamp,
     .option = ".precision", .arrays = true, .family = "time"},
    {.name = "interval", .function = "interval", .member = "std::string", .shape = S::interval,
     .option = ".precision", .arrays = true, .family = "time"},
    {.name = "point", .function = "point", .member = "pg::Point", .arrays = true, .family = "point"},
    {.name = "line", .function = "line", .member = "pg::Line", .arrays = true, .family = "line"},
    {.name = "bytea", .function = "bytea", .member = "std::vector<unsigned char>", .arrays = true, .family = "binary"},
    {.name = "vector", .function = "vector", .member = "std::vector<float>", .shape = S::sized,
     .option = ".dimensions", .arrays = true, .family = "vector"},
    {.name = "geometry", .function = "geometry", .member = "std::string", .shape = S::geometry, .arrays = true, .family = "geometry"},
    // PostGIS geography has no DSL function (pull declares it by name), only its catalog spelling.
    {.name = "geography", .function = "", .member = "std::string", .shape = S::geometry, .arrays = true, .family = "geometry"},
};

}  // namespace

std::span<const ColumnType> pgColumnTypes() { return kTypes; }

}  // namespace drizzle::detail

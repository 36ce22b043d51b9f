// MySQL's and MariaDB's column types: the DSL's functions in include/drizzle/mysql.hpp, spelled
// as Drizzle Kit spells them, with information_schema's COLUMN_TYPE where it differs.
#include "schema/column_types.hpp"

namespace drizzle::detail {

namespace {

using S = TypeShape;

constexpr ColumnType kTypes[] = {
    {.name = "tinyint", .function = "tinyint", .member = "std::int8_t", .unsignedMember = "std::uint8_t",
     .catalogIgnoresArgs = true},
    {.name = "smallint", .function = "smallint", .member = "std::int16_t", .unsignedMember = "std::uint16_t",
     .catalogIgnoresArgs = true},
    {.name = "mediumint", .function = "mediumint", .member = "std::int32_t", .unsignedMember = "std::uint32_t",
     .catalogIgnoresArgs = true},
    {.name = "int", .function = "int_", .member = "std::int32_t", .unsignedMember = "std::uint32_t",
     .catalogIgnoresArgs = true},
    {.name = "bigint", .function = "bigint", .member = "std::int64_t", .unsignedMember = "std::uint64_t",
     .catalogIgnoresArgs = true},
    {.name = "serial", .function = "serial", .member = "std::uint64_t", .implicitNotNull = true},
    // Drizzle Kit separates real's precision and scale with ", " and the others' with ",".
    {.name = "float", .function = "float_", .member = "float", .shape = S::decimal, .separator = ",",
     .unsignedOption = true},
    {.name = "double", .function = "double_", .member = "double", .shape = S::decimal, .separator = ",",
     .unsignedOption = true},
    {.name = "real", .function = "real", .member = "double", .shape = S::decimal, .unsignedOption = true},
    // A decimal declared without arguments is decimal(10,0).
    {.name = "decimal", .function = "decimal", .member = "std::string", .shape = S::decimal, .separator = ",",
     .unsignedOption = true, .catalogDefault = 10, .catalogDropsZeroScale = true},
    {.name = "char", .function = "char_", .member = "std::string", .shape = S::length, .option = ".length",
     .catalogDefault = 1},
    {.name = "varchar", .function = "varchar", .member = "std::string", .shape = S::sized, .option = ".length"},
    {.name = "binary", .function = "binary", .member = "std::vector<unsigned char>", .shape = S::length,
     .option = ".length", .catalogDefault = 1},
    {.name = "varbinary", .function = "varbinary", .member = "std::vector<unsigned char>", .shape = S::sized,
     .option = ".length"},
    {.name = "text", .function = "text", .member = "std::string"},
    {.name = "tinytext", .function = "tinytext", .member = "std::string"},
    {.name = "mediumtext", .function = "mediumtext", .member = "std::string"},
    {.name = "longtext", .function = "longtext", .member = "std::string"},
    {.name = "boolean", .function = "boolean", .member = "bool", .catalogExact = "tinyint(1)"},
    {.name = "json", .function = "json", .member = "std::string"},
    {.name = "year", .function = "year", .member = "std::int16_t", .catalogIgnoresArgs = true},
    {.name = "date", .function = "date", .member = "std::string"},
    {.name = "datetime", .function = "datetime", .member = "std::string", .shape = S::fsp, .option = ".fsp"},
    {.name = "time", .function = "time", .member = "std::string", .shape = S::fsp, .option = ".fsp"},
    {.name = "timestamp", .function = "timestamp", .member = "std::string", .shape = S::fsp, .option = ".fsp"},
    {.name = "enum", .function = "mysqlEnum", .member = "std::string", .shape = S::valueList},
};

}  // namespace

std::span<const ColumnType> mysqlColumnTypes() { return kTypes; }

}  // namespace drizzle::detail

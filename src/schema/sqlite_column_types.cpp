// SQLite's column types: the DSL's functions in include/drizzle/sqlite.hpp. SQLite keeps a
// column's declared type as written, in any case; the five names it defines read in lower case.
#include "schema/column_types.hpp"

namespace drizzle::detail {

namespace {

constexpr ColumnType kTypes[] = {
    {.name = "integer", .function = "integer", .member = "std::int64_t"},
    {.name = "real", .function = "real", .member = "double"},
    {.name = "text", .function = "text", .member = "std::string", .shape = TypeShape::length, .option = ".length"},
    {.name = "blob", .function = "blob", .member = "std::vector<unsigned char>"},
    {.name = "numeric", .function = "numeric", .member = "std::string"},
};

}  // namespace

std::span<const ColumnType> sqliteColumnTypes() { return kTypes; }

}  // namespace drizzle::detail

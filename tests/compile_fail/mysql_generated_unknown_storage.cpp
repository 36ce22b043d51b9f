// EXPECT: unknownGeneratedStorage
// A generated column's storage misspelt: only "stored" and "virtual" compile.
#include <drizzle/mysql.hpp>

namespace mysql = drizzle::mysql;

struct Line {
    std::uint64_t id;
    std::int32_t price;
    std::int32_t total;
};

inline const auto lines = mysql::mysqlTable<Line>("lines", {
    mysql::serial<&Line::id>("id").primaryKey(),
    mysql::int_<&Line::price>("price").notNull(),
    mysql::int_<&Line::total>("total").notNull().generatedAlwaysAs(drizzle::sql("price * 2"), "stord"),
});

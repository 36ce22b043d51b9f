// EXPECT: .default_(value): the value's type does not match the column's member
// A fractional default on an integer column.
#include <drizzle/pg.hpp>

namespace pg = drizzle::pg;

struct Row {
    std::int32_t id;
    std::int32_t n;
};

inline const auto rows = pg::table<Row>("rows", {
    pg::integer("id", &Row::id).primaryKey(),
    pg::integer("n", &Row::n).notNull().default_(3.7),
});

// EXPECT: .default_(value): the value's type does not match the column's member
// A bool default on an integer column.
#include <drizzle/pg.hpp>

namespace pg = drizzle::pg;

struct Row {
    std::int32_t id;
    std::int32_t n;
};

inline const auto rows = pg::pgTable<Row>("rows", {
    pg::integer<&Row::id>("id").primaryKey(),
    pg::integer<&Row::n>("n").notNull().default_(true),
});

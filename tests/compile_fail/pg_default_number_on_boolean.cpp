// EXPECT: .default_(value): the value's type does not match the column's member
// A number default on a boolean column.
#include <drizzle/pg.hpp>

namespace pg = drizzle::pg;

struct Row {
    std::int32_t id;
    bool n;
};

inline const auto rows = pg::pgTable<Row>("rows", {
    pg::integer<&Row::id>("id").primaryKey(),
    pg::boolean<&Row::n>("n").notNull().default_(42),
});

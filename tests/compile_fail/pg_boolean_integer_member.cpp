// EXPECT: pg::boolean needs a bool member
#include <drizzle/pg.hpp>

namespace pg = drizzle::pg;

struct Flag {
    std::int32_t id;
    std::int32_t enabled;
};

inline const auto flags = pg::pgTable<Flag>("flags", {
    pg::serial<&Flag::id>("id").primaryKey(),
    pg::boolean<&Flag::enabled>("enabled").notNull(),
});

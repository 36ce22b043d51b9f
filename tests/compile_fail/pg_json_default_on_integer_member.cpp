// EXPECT: a JSON default needs a JSON column
#include <drizzle/pg.hpp>

namespace pg = drizzle::pg;

struct Setting {
    std::int32_t id;
    std::int32_t level;
};

inline const auto settings = pg::pgTable<Setting>("settings", {
    pg::serial<&Setting::id>("id").primaryKey(),
    pg::integer<&Setting::level>("level").notNull().default_(drizzle::jsonValue("{}")),
});

// EXPECT: unknownIntervalFields
// An interval's fields misspelt: only PostgreSQL's (day, hour to second, ...) compile.
#include <drizzle/pg.hpp>

namespace pg = drizzle::pg;

struct Job {
    std::int32_t id;
    std::string every;
};

inline const auto jobs = pg::pgTable<Job>("jobs", {
    pg::serial<&Job::id>("id").primaryKey(),
    pg::interval<&Job::every>("every", {.fields = "day to secnd"}).notNull(),
});

// EXPECT: unknownColumnMode
// An integer column's mode misspelt: only Drizzle's (number, boolean, timestamp, timestamp_ms) compile.
#include <drizzle/sqlite.hpp>

namespace sqlite = drizzle::sqlite;

struct Event {
    std::int64_t id;
    std::int64_t at;
};

inline const auto events = sqlite::sqliteTable<Event>("events", {
    sqlite::integer<&Event::id>("id").primaryKey(),
    sqlite::integer<&Event::at>("at", {.mode = "timestmap"}).notNull(),
});

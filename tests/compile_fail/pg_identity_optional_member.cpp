// EXPECT: identity columns are NOT NULL, so the member cannot be std::optional
#include <drizzle/pg.hpp>

namespace pg = drizzle::pg;

struct Event {
    std::optional<std::int64_t> id;
};

inline const auto events = pg::pgTable<Event>("events", {
    pg::bigint<&Event::id>("id").generatedAlwaysAsIdentity({.startWith = 100}),
});

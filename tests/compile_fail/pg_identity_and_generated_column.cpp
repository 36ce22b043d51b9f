// EXPECT: identityAndGeneratedExcludeEachOther
// A column is an identity or GENERATED ALWAYS AS an expression, never both (PostgreSQL refuses
// it too); the constant declaration fails to evaluate, naming why.
#include <drizzle/pg.hpp>

namespace pg = drizzle::pg;

struct Event {
    std::int64_t id;
};

inline const auto events = pg::pgTable<Event>("events", {
    pg::bigint<&Event::id>("id").generatedAlwaysAsIdentity().generatedAlwaysAs(drizzle::sql("1")),
});

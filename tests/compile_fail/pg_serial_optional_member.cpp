// EXPECT: pg::serial needs a plain std::int32_t member
// serial is NOT NULL (it always has a sequence default), so the member cannot be optional.
#include <drizzle/pg.hpp>

namespace pg = drizzle::pg;

struct Ticket {
    std::optional<std::int32_t> id;
};

inline const auto tickets = pg::pgTable<Ticket>("tickets", {
    pg::serial<&Ticket::id>("id"),
});

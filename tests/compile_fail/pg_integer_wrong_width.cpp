// EXPECT: pg::integer needs a 32-bit integer member
// An integer column bound to a 64-bit member: values would be truncated on the way in.
#include <drizzle/pg.hpp>

namespace pg = drizzle::pg;

struct Account {
    std::int64_t balance;
};

inline const auto accounts = pg::pgTable<Account>("accounts", {
    pg::integer<&Account::balance>("balance").notNull(),
});

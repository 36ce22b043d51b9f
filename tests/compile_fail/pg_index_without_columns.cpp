// EXPECT: an index takes 1 to 16 columns
#include <drizzle/pg.hpp>

namespace pg = drizzle::pg;

struct User {
    std::int32_t id;
    std::string email;
};

inline const auto users = pg::pgTable<User>("users", {
    pg::serial<&User::id>("id").primaryKey(),
    pg::text<&User::email>("email").notNull(),
}, {
    pg::index("users_email_idx").on(),
});

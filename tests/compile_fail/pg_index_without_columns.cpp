// EXPECT: an index takes 1 to 16 columns
#include <drizzle/pg.hpp>

namespace pg = drizzle::pg;

struct User {
    std::int32_t id;
    std::string email;
};

inline const auto users = pg::table<User>("users", {
    pg::serial("id", &User::id).primaryKey(),
    pg::text("email", &User::email).notNull(),
}, {
    pg::index("users_email_idx").on(),
});

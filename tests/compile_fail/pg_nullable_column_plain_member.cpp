// EXPECT: the column is nullable but its member is not std::optional
// No .notNull(), so the column admits NULL, which a plain std::string cannot hold.
#include <drizzle/pg.hpp>

namespace pg = drizzle::pg;

struct User {
    std::int32_t id;
    std::string email;
};

inline const auto users = pg::pgTable<User>("users", {
    pg::serial<&User::id>("id").primaryKey(),
    pg::text<&User::email>("email"),
});

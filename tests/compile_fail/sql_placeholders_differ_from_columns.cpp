// EXPECT: placeholdersDifferFromColumns
// sql<members...>(text) holds one ? per member; a missing or extra one is a compile error.
#include <drizzle/pg.hpp>

namespace pg = drizzle::pg;

struct User {
    std::int32_t id;
    std::string handle;
};

inline const auto users = pg::pgTable<User>("users", {
    pg::serial<&User::id>("id").primaryKey(),
    pg::text<&User::handle>("handle").notNull(),
}, {
    pg::check("handle_lower", drizzle::sql<&User::handle>("? = lower(?)")),
});

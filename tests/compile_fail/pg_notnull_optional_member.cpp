// EXPECT: .notNull(): the member is std::optional
// NOT NULL on an optional member: the struct says the value may be absent, the column says never.
#include <drizzle/pg.hpp>

namespace pg = drizzle::pg;

struct User {
    std::int32_t id;
    std::optional<std::string> nickname;
};

inline const auto users = pg::pgTable<User>("users", {
    pg::serial<&User::id>("id").primaryKey(),
    pg::text<&User::nickname>("nickname").notNull(),
});

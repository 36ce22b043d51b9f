// EXPECT: unknownReferentialAction
// A referential action is one of Drizzle's five; a typo is a compile error, not a migration that
// fails on the server.
#include <drizzle/pg.hpp>

namespace pg = drizzle::pg;

struct User {
    std::int32_t id;
};
struct Post {
    std::int32_t id;
    std::int32_t authorId;
};

inline const auto users = pg::pgTable<User>("users", {
    pg::serial<&User::id>("id").primaryKey(),
});
inline const auto posts = pg::pgTable<Post>("posts", {
    pg::serial<&Post::id>("id").primaryKey(),
    pg::integer<&Post::authorId>("author_id").notNull().references<&User::id>({.onDelete = "cascde"}),
});

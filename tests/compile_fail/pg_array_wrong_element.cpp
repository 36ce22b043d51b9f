// EXPECT: pg::text needs a std::string member
// text[] needs std::vector<std::string>; the elements here are integers.
#include <drizzle/pg.hpp>

namespace pg = drizzle::pg;

struct Post {
    std::int32_t id;
    std::vector<std::int32_t> tags;
};

inline const auto posts = pg::pgTable<Post>("posts", {
    pg::serial<&Post::id>("id").primaryKey(),
    pg::text<&Post::tags>("tags").notNull(),
});

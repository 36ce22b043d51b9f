// EXPECT: a pg enum column needs a std::string member
#include <drizzle/pg.hpp>

namespace pg = drizzle::pg;

inline const auto moodEnum = pg::pgEnum("mood", {"sad", "ok", "happy"});

struct Person {
    std::int32_t id;
    std::int32_t mood;
};

inline const auto people = pg::pgTable<Person>("people", {
    pg::serial<&Person::id>("id").primaryKey(),
    moodEnum.column<&Person::mood>("mood").notNull(),
});

// EXPECT: pg::text needs a std::string member (or a C++ enum with drizzleEnumValues)
// An enum class maps to text only with its SQL values declared (drizzleEnumValues or DRIZZLE_ENUM).
#include <drizzle/pg.hpp>

namespace pg = drizzle::pg;

enum class Mood { sad, ok, happy };
struct Person {
    std::int32_t id;
    Mood mood;
};

inline const auto people = pg::pgTable<Person>("people", {
    pg::serial<&Person::id>("id").primaryKey(),
    pg::text<&Person::mood>("mood").notNull(),
});

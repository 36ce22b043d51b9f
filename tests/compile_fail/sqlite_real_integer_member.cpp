// EXPECT: sqlite::real needs a double or float member
#include <drizzle/sqlite.hpp>

namespace sqlite = drizzle::sqlite;

struct Reading {
    std::int64_t id;
    std::optional<std::int32_t> value;
};

inline const auto readings = sqlite::sqliteTable<Reading>("readings", {
    sqlite::integer<&Reading::id>("id").primaryKey(),
    sqlite::real<&Reading::value>("value"),
});

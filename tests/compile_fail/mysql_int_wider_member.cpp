// EXPECT: mysql::int_ needs a std::int32_t or std::uint32_t member
// int unsigned holds 32 bits; a 64-bit unsigned member calls for bigint.
#include <drizzle/mysql.hpp>

namespace mysql = drizzle::mysql;

struct Counter {
    std::uint64_t id;
    std::uint64_t hits;
};

inline const auto counters = mysql::mysqlTable<Counter>("counters", {
    mysql::serial<&Counter::id>("id").primaryKey(),
    mysql::int_<&Counter::hits>("hits").notNull(),
});

// EXPECT: mysql::year needs an integer member of 16 bits or more
#include <drizzle/mysql.hpp>

namespace mysql = drizzle::mysql;

struct Car {
    std::uint64_t id;
    std::uint8_t built;
};

inline const auto cars = mysql::mysqlTable<Car>("cars", {
    mysql::serial<&Car::id>("id").primaryKey(),
    mysql::year<&Car::built>("built").notNull(),
});

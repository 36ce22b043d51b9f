// EXPECT: mysql::serial needs a plain std::uint64_t member
// MySQL SERIAL is bigint UNSIGNED.
#include <drizzle/mysql.hpp>

namespace mysql = drizzle::mysql;

struct Order {
    std::int64_t id;
};

inline const auto orders = mysql::mysqlTable<Order>("orders", {
    mysql::serial<&Order::id>("id").primaryKey(),
});

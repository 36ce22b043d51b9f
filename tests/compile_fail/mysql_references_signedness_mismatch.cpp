// EXPECT: .references<target>(): the referenced column's member has a different value type
// A signed bigint referencing SERIAL (bigint unsigned): MySQL rejects the foreign key.
#include <drizzle/mysql.hpp>

namespace mysql = drizzle::mysql;

struct Customer {
    std::uint64_t id;
};
struct Order {
    std::uint64_t id;
    std::int64_t customerId;
};

inline const auto customers = mysql::mysqlTable<Customer>("customers", {
    mysql::serial<&Customer::id>("id").primaryKey(),
});
inline const auto orders = mysql::mysqlTable<Order>("orders", {
    mysql::serial<&Order::id>("id").primaryKey(),
    mysql::bigint<&Order::customerId>("customer_id").notNull().references<&Customer::id>(),
});

// EXPECT: .references(target): the referenced column's member has a different value type
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

inline const auto customers = mysql::table<Customer>("customers", {
    mysql::serial("id", &Customer::id).primaryKey(),
});
inline const auto orders = mysql::table<Order>("orders", {
    mysql::serial("id", &Order::id).primaryKey(),
    mysql::bigint("customer_id", &Order::customerId).notNull().references(&Customer::id),
});

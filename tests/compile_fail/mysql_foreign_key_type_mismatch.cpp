// EXPECT: foreignKey: a referencing column's member has a different value type
#include <drizzle/mysql.hpp>

namespace mysql = drizzle::mysql;

struct Customer {
    std::uint64_t id;
};
struct Order {
    std::uint64_t id;
    std::uint32_t customerId;
};

inline const auto customers = mysql::mysqlTable<Customer>("customers", {
    mysql::serial<&Customer::id>("id").primaryKey(),
});
inline const auto orders = mysql::mysqlTable<Order>("orders", {
    mysql::serial<&Order::id>("id").primaryKey(),
    mysql::int_<&Order::customerId>("customer_id").notNull(),
}, {
    mysql::foreignKey("orders_customer_fk").columns<&Order::customerId>().foreignColumns<&Customer::id>(),
});

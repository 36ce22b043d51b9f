// EXPECT: .default_(value): the value's type does not match the column's member
// A string default on an integer column.
#include <drizzle/mysql.hpp>

namespace mysql = drizzle::mysql;

struct Product {
    std::uint64_t id;
    std::int32_t stock;
};

inline const auto products = mysql::mysqlTable<Product>("products", {
    mysql::serial<&Product::id>("id").primaryKey(),
    mysql::int_<&Product::stock>("stock").notNull().default_("0"),
});

// EXPECT: the column is nullable but its member is not std::optional
#include <drizzle/mysql.hpp>

namespace mysql = drizzle::mysql;

struct Product {
    std::uint64_t id;
    double price;
};

inline const auto products = mysql::mysqlTable<Product>("products", {
    mysql::serial<&Product::id>("id").primaryKey(),
    mysql::double_<&Product::price>("price"),
});

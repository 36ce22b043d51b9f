// EXPECT: mysql::mysqlEnum needs a std::string member
#include <drizzle/mysql.hpp>

namespace mysql = drizzle::mysql;

struct Shirt {
    std::uint64_t id;
    std::int32_t size;
};

inline const auto shirts = mysql::mysqlTable<Shirt>("shirts", {
    mysql::serial<&Shirt::id>("id").primaryKey(),
    mysql::mysqlEnum<&Shirt::size>("size", {"small", "medium", "large"}).notNull(),
});

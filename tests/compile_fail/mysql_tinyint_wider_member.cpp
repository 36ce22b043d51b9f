// EXPECT: mysql::tinyint needs a std::int8_t or std::uint8_t member
#include <drizzle/mysql.hpp>

namespace mysql = drizzle::mysql;

struct Rating {
    std::uint64_t id;
    std::optional<std::int16_t> stars;
};

inline const auto ratings = mysql::mysqlTable<Rating>("ratings", {
    mysql::serial<&Rating::id>("id").primaryKey(),
    mysql::tinyint<&Rating::stars>("stars"),
});

// EXPECT: sqlite::blob needs a byte container
#include <drizzle/sqlite.hpp>

namespace sqlite = drizzle::sqlite;

struct File {
    std::int64_t id;
    std::vector<std::uint16_t> data;
};

inline const auto files = sqlite::sqliteTable<File>("files", {
    sqlite::integer<&File::id>("id").primaryKey(),
    sqlite::blob<&File::data>("data").notNull(),
});

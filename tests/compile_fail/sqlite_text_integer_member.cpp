// EXPECT: sqlite::text needs a std::string member
#include <drizzle/sqlite.hpp>

namespace sqlite = drizzle::sqlite;

struct Todo {
    std::int64_t id;
    std::int64_t title;
};

inline const auto todos = sqlite::sqliteTable<Todo>("todos", {
    sqlite::integer<&Todo::id>("id").primaryKey(),
    sqlite::text<&Todo::title>("title").notNull(),
});

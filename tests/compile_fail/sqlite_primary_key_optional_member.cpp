// EXPECT: .primaryKey(): a primary key column is NOT NULL
#include <drizzle/sqlite.hpp>

namespace sqlite = drizzle::sqlite;

struct Todo {
    std::optional<std::int64_t> id;
};

inline const auto todos = sqlite::sqliteTable<Todo>("todos", {
    sqlite::integer<&Todo::id>("id").primaryKey().autoincrement(),
});

// EXPECT: sqlite::integer needs an integer or bool member
// SQLite has no array types: a std::vector member cannot be an integer column.
#include <drizzle/sqlite.hpp>

namespace sqlite = drizzle::sqlite;

struct Todo {
    std::int64_t id;
    std::vector<std::int64_t> assignees;
};

inline const auto todos = sqlite::sqliteTable<Todo>("todos", {
    sqlite::integer<&Todo::id>("id").primaryKey(),
    sqlite::integer<&Todo::assignees>("assignees").notNull(),
});

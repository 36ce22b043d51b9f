// EXPECT: .references<target>(): the referenced column's member has a different value type
// A text column referencing an integer key.
#include <drizzle/sqlite.hpp>

namespace sqlite = drizzle::sqlite;

struct List {
    std::int64_t id;
};
struct Todo {
    std::int64_t id;
    std::optional<std::string> listId;
};

inline const auto lists = sqlite::sqliteTable<List>("lists", {
    sqlite::integer<&List::id>("id").primaryKey(),
});
inline const auto todos = sqlite::sqliteTable<Todo>("todos", {
    sqlite::integer<&Todo::id>("id").primaryKey(),
    sqlite::text<&Todo::listId>("list_id").references<&List::id>({.onDelete = sqlite::cascade}),
});

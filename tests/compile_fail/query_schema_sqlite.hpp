// The query compile-fail snippets' SQLite schema: users and their posts. Not a snippet itself
// (the harness globs *.cpp only).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <drizzle/orm.hpp>
#include <drizzle/sqlite.hpp>

namespace qsqlite {
using namespace drizzle;

struct User {
    std::int64_t id = 0;
    std::string name;
    std::optional<std::int64_t> age;
    bool active = true;
};
struct Post {
    std::int64_t id = 0;
    std::int64_t userId = 0;
    std::string title;
};

inline const auto users = sqlite::sqliteTable<User>("users", {
    sqlite::integer<&User::id>("id").primaryKey(),
    sqlite::text<&User::name>("name").notNull().unique(),
    sqlite::integer<&User::age>("age"),
    sqlite::integer<&User::active>("active").notNull().default_(true),
});
inline const auto posts = sqlite::sqliteTable<Post>("posts", {
    sqlite::integer<&Post::id>("id").primaryKey(),
    sqlite::integer<&Post::userId>("user_id").notNull().references<&User::id>(),
    sqlite::text<&Post::title>("title").notNull(),
});

}  // namespace qsqlite

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

inline const auto users = sqlite::table<User>("users", {
    sqlite::integer("id", &User::id).primaryKey(),
    sqlite::text("name", &User::name).notNull().unique(),
    sqlite::integer("age", &User::age),
    sqlite::integer("active", &User::active).notNull().default_(true),
});
inline const auto posts = sqlite::table<Post>("posts", {
    sqlite::integer("id", &Post::id).primaryKey(),
    sqlite::integer("user_id", &Post::userId).notNull().references(&User::id),
    sqlite::text("title", &Post::title).notNull(),
});

}  // namespace qsqlite

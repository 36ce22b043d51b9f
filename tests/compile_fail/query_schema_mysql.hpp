// The query compile-fail snippets' MySQL schema: users and their posts. Not a snippet itself
// (the harness globs *.cpp only).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <drizzle/mysql.hpp>
#include <drizzle/orm.hpp>

namespace qmysql {
using namespace drizzle;

struct User {
    std::int32_t id = 0;
    std::string name;
    std::optional<std::int32_t> age;
};
struct Post {
    std::int32_t id = 0;
    std::int32_t userId = 0;
    std::string title;
};

inline const auto users = mysql::mysqlTable<User>("users", {
    mysql::int_<&User::id>("id").primaryKey().autoincrement(),
    mysql::varchar<&User::name>("name", {.length = 100}).notNull().unique(),
    mysql::int_<&User::age>("age"),
});
inline const auto posts = mysql::mysqlTable<Post>("posts", {
    mysql::int_<&Post::id>("id").primaryKey().autoincrement(),
    mysql::int_<&Post::userId>("user_id").notNull().references<&User::id>(),
    mysql::varchar<&Post::title>("title", {.length = 100}).notNull(),
});

}  // namespace qmysql

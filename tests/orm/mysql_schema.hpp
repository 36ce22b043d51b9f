// The ORM tests' MySQL/MariaDB schema: the same users and posts as the other dialects'.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "drizzle/mysql.hpp"
#include "drizzle/relations.hpp"

namespace orm_mysql {
using namespace drizzle;

struct User {
    std::int32_t id = 0;
    std::string name;
    std::string email;
    std::optional<std::int32_t> age;
    bool active = true;
    std::optional<std::int32_t> mentorId;
};
struct Post {
    std::int32_t id = 0;
    std::int32_t userId = 0;
    std::string title;
    std::optional<std::string> body;
    std::string slug;
    std::vector<unsigned char> cover;
    std::optional<std::string> editedBy;
};

inline std::string newSlug() {
    static int n = 0;
    return "my-slug-" + std::to_string(++n);
}
inline std::string editor() { return "orm"; }

inline const auto users = mysql::table<User>("users", {
    mysql::int_("id", &User::id).primaryKey().autoincrement(),
    mysql::varchar("name", &User::name, {.length = 100}).notNull(),
    mysql::varchar("email", &User::email, {.length = 100}).notNull().unique(),
    mysql::int_("age", &User::age),
    mysql::boolean("active", &User::active).notNull().default_(true),
    mysql::int_("mentor_id", &User::mentorId),
});
inline const auto posts = mysql::table<Post>("posts", {
    mysql::int_("id", &Post::id).primaryKey().autoincrement(),
    mysql::int_("user_id", &Post::userId).notNull().references(&User::id),
    mysql::varchar("title", &Post::title, {.length = 100}).notNull(),
    mysql::varchar("body", &Post::body, {.length = 1000}),
    mysql::varchar("slug", &Post::slug, {.length = 100}).notNull().defaultFn(&newSlug),
    mysql::varbinary("cover", &Post::cover, {.length = 100}).notNull().default_(sql("''")),
    mysql::varchar("edited_by", &Post::editedBy, {.length = 100}).onUpdateFn(&editor),
});

struct UserRelations {
    Many<User, Post> posts{"posts"};
    One<User, User> mentor{"mentor", &User::mentorId, &User::id, "mentorship"};
    Many<User, User> mentees{"mentees", "mentorship"};
};
struct PostRelations {
    One<Post, User> author{"author", &Post::userId, &User::id};
};
inline const UserRelations usersRelations{};
inline const PostRelations postsRelations{};

inline constexpr const char* ddl = R"(
create table users (id int primary key auto_increment, name varchar(100) not null, email varchar(100) not null unique,
                    age int, active boolean not null default true, mentor_id int);
create table posts (id int primary key auto_increment, user_id int not null references users(id),
                    title varchar(100) not null, body varchar(1000), slug varchar(100) not null,
                    cover varbinary(100) not null default '', edited_by varchar(100));
)";

}  // namespace orm_mysql

// The ORM tests' MySQL/MariaDB schema: the same users and posts as the other dialects'.
#pragma once

#include <chrono>
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

inline const auto users = mysql::mysqlTable<User>("users", {
    mysql::int_<&User::id>("id").primaryKey().autoincrement(),
    mysql::varchar<&User::name>("name", {.length = 100}).notNull(),
    mysql::varchar<&User::email>("email", {.length = 100}).notNull().unique(),
    mysql::int_<&User::age>("age"),
    mysql::boolean<&User::active>("active").notNull().default_(true),
    mysql::int_<&User::mentorId>("mentor_id"),
});
inline const auto posts = mysql::mysqlTable<Post>("posts", {
    mysql::int_<&Post::id>("id").primaryKey().autoincrement(),
    mysql::int_<&Post::userId>("user_id").notNull().references<&User::id>(),
    mysql::varchar<&Post::title>("title", {.length = 100}).notNull(),
    mysql::varchar<&Post::body>("body", {.length = 1000}),
    mysql::varchar<&Post::slug>("slug", {.length = 100}).notNull().defaultFn<&newSlug>(),
    mysql::varbinary<&Post::cover>("cover", {.length = 100}).notNull().default_(sql("''")),
    mysql::varchar<&Post::editedBy>("edited_by", {.length = 100}).onUpdateFn<&editor>(),
});

// Columns the database (or a defaultFn) fills when a whole-row insert leaves them unset.
struct Account {
    std::int32_t id = 0;
    std::string name;
    Defaulted<std::string> tier;
    Defaulted<std::chrono::sys_seconds> createdAt;
    Defaulted<std::optional<std::int32_t>> quota;
    Defaulted<std::string> code;
};
inline std::string newCode() {
    static int n = 0;
    return "code-" + std::to_string(++n);
}
inline const auto accounts = mysql::mysqlTable<Account>("accounts", {
    mysql::int_<&Account::id>("id").primaryKey().autoincrement(),
    mysql::varchar<&Account::name>("name", {.length = 100}).notNull(),
    mysql::varchar<&Account::tier>("tier", {.length = 20}).notNull().default_("free"),
    mysql::timestamp<&Account::createdAt>("created_at").notNull().defaultNow(),
    mysql::int_<&Account::quota>("quota").default_(5),
    mysql::varchar<&Account::code>("code", {.length = 20}).notNull().defaultFn<&newCode>(),
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
create table accounts (id int primary key auto_increment, name varchar(100) not null,
                       tier varchar(20) not null default 'free', created_at timestamp not null default current_timestamp,
                       quota int default 5, code varchar(20) not null);
)";

}  // namespace orm_mysql

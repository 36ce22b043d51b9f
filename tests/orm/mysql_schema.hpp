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

// Doubles that need all 17 digits, and a table wider than a JSON function's 100 arguments:
// what related rows must carry exactly.
struct Rating {
    std::int32_t id = 0;
    std::int32_t postId = 0;
    double score = 0;
    std::optional<double> weight;
};
inline const auto ratings = mysql::mysqlTable<Rating>("ratings", {
    mysql::int_<&Rating::id>("id").primaryKey().autoincrement(),
    mysql::int_<&Rating::postId>("post_id").notNull(),
    mysql::double_<&Rating::score>("score").notNull(),
    mysql::double_<&Rating::weight>("weight"),
});
struct Wide {
    std::int32_t id = 0;
    std::int32_t userId = 0;
#define WIDE_COLUMN(n) std::int32_t c##n = 0;
#include "wide_columns.inc"
#undef WIDE_COLUMN
};
inline const auto wides = mysql::mysqlTable<Wide>("wides", {
    mysql::int_<&Wide::id>("id").primaryKey().autoincrement(),
    mysql::int_<&Wide::userId>("user_id").notNull(),
#define WIDE_COLUMN(n) mysql::int_<&Wide::c##n>("c" #n).notNull(),
#include "wide_columns.inc"
#undef WIDE_COLUMN
});

struct UserRelations {
    Many<User, Post> posts{"posts"};
    Many<User, Wide> wides{"wides"};
    One<User, User> mentor{"mentor", &User::mentorId, &User::id, "mentorship"};
    Many<User, User> mentees{"mentees", "mentorship"};
};
struct PostRelations {
    One<Post, User> author{"author", &Post::userId, &User::id};
    Many<Post, Rating> ratings{"ratings"};
};
struct RatingRelations {
    One<Rating, Post> post{"post", &Rating::postId, &Post::id};
};
struct WideRelations {
    One<Wide, User> user{"user", &Wide::userId, &User::id};
};
inline const RatingRelations ratingsRelations{};
inline const WideRelations widesRelations{};
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
create table ratings (id int primary key auto_increment, post_id int not null, score double not null, weight double);
create table wides (id int primary key auto_increment, user_id int not null, c0 integer not null, c1 integer not null, c2 integer not null, c3 integer not null, c4 integer not null, c5 integer not null, c6 integer not null, c7 integer not null, c8 integer not null, c9 integer not null, c10 integer not null, c11 integer not null, c12 integer not null, c13 integer not null, c14 integer not null, c15 integer not null, c16 integer not null, c17 integer not null, c18 integer not null, c19 integer not null, c20 integer not null, c21 integer not null, c22 integer not null, c23 integer not null, c24 integer not null, c25 integer not null, c26 integer not null, c27 integer not null, c28 integer not null, c29 integer not null, c30 integer not null, c31 integer not null, c32 integer not null, c33 integer not null, c34 integer not null, c35 integer not null, c36 integer not null, c37 integer not null, c38 integer not null, c39 integer not null, c40 integer not null, c41 integer not null, c42 integer not null, c43 integer not null, c44 integer not null, c45 integer not null, c46 integer not null, c47 integer not null, c48 integer not null, c49 integer not null, c50 integer not null, c51 integer not null, c52 integer not null, c53 integer not null, c54 integer not null, c55 integer not null, c56 integer not null, c57 integer not null, c58 integer not null, c59 integer not null, c60 integer not null, c61 integer not null, c62 integer not null, c63 integer not null, c64 integer not null, c65 integer not null, c66 integer not null, c67 integer not null, c68 integer not null, c69 integer not null, c70 integer not null, c71 integer not null, c72 integer not null, c73 integer not null, c74 integer not null, c75 integer not null, c76 integer not null, c77 integer not null, c78 integer not null, c79 integer not null, c80 integer not null, c81 integer not null, c82 integer not null, c83 integer not null, c84 integer not null, c85 integer not null, c86 integer not null, c87 integer not null, c88 integer not null, c89 integer not null, c90 integer not null, c91 integer not null, c92 integer not null, c93 integer not null, c94 integer not null, c95 integer not null, c96 integer not null, c97 integer not null, c98 integer not null, c99 integer not null, c100 integer not null, c101 integer not null, c102 integer not null, c103 integer not null, c104 integer not null, c105 integer not null, c106 integer not null, c107 integer not null, c108 integer not null, c109 integer not null, c110 integer not null, c111 integer not null, c112 integer not null, c113 integer not null, c114 integer not null, c115 integer not null, c116 integer not null, c117 integer not null, c118 integer not null, c119 integer not null);
)";

}  // namespace orm_mysql

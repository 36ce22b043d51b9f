// The ORM tests' SQLite schema: users, their posts, a self-reference (a user's mentor).
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include "drizzle/relations.hpp"
#include "drizzle/sqlite.hpp"

namespace orm_sqlite {
using namespace drizzle;

struct User {
    std::int64_t id = 0;
    std::string name;
    std::string email;
    std::optional<std::int64_t> age;
    bool active = true;
    std::optional<std::int64_t> mentorId;
};
struct Post {
    std::int64_t id = 0;
    std::int64_t userId = 0;
    std::string title;
    std::optional<std::string> body;
    std::string slug;
    std::vector<unsigned char> cover;
    std::optional<std::string> editedBy;
};

inline std::string newSlug() {
    static int n = 0;
    return "slug-" + std::to_string(++n);
}
inline std::string editor() { return "orm"; }

inline const auto users = sqlite::sqliteTable<User>("users", {
    sqlite::integer<&User::id>("id").primaryKey(),
    sqlite::text<&User::name>("name").notNull(),
    sqlite::text<&User::email>("email").notNull().unique(),
    sqlite::integer<&User::age>("age"),
    sqlite::integer<&User::active>("active").notNull().default_(true),
    sqlite::integer<&User::mentorId>("mentor_id"),
});
inline const auto posts = sqlite::sqliteTable<Post>("posts", {
    sqlite::integer<&Post::id>("id").primaryKey(),
    sqlite::integer<&Post::userId>("user_id").notNull().references<&User::id>(),
    sqlite::text<&Post::title>("title").notNull(),
    sqlite::text<&Post::body>("body"),
    sqlite::text<&Post::slug>("slug").notNull().defaultFn<&newSlug>(),
    sqlite::blob<&Post::cover>("cover").notNull().default_(sql("x''")),
    sqlite::text<&Post::editedBy>("edited_by").onUpdateFn<&editor>(),
});

// Columns the database (or a defaultFn) fills when a whole-row insert leaves them unset.
struct Account {
    std::int64_t id = 0;
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
inline const auto accounts = sqlite::sqliteTable<Account>("accounts", {
    sqlite::integer<&Account::id>("id").primaryKey(),
    sqlite::text<&Account::name>("name").notNull(),
    sqlite::text<&Account::tier>("tier").notNull().default_("free"),
    sqlite::integer<&Account::createdAt>("created_at", {.mode = "timestamp"}).notNull().default_(sql("(unixepoch())")),
    sqlite::integer<&Account::quota>("quota").default_(5),
    sqlite::text<&Account::code>("code").notNull().defaultFn<&newCode>(),
});

// Doubles that need all 17 digits, and a table wider than a JSON function's 100 arguments:
// what related rows must carry exactly.
struct Rating {
    std::int64_t id = 0;
    std::int64_t postId = 0;
    double score = 0;
    std::optional<double> weight;
};
inline const auto ratings = sqlite::sqliteTable<Rating>("ratings", {
    sqlite::integer<&Rating::id>("id").primaryKey(),
    sqlite::integer<&Rating::postId>("post_id").notNull(),
    sqlite::real<&Rating::score>("score").notNull(),
    sqlite::real<&Rating::weight>("weight"),
});
struct Wide {
    std::int64_t id = 0;
    std::int64_t userId = 0;
#define WIDE_COLUMN(n) std::int32_t c##n = 0;
#include "wide_columns.inc"
#undef WIDE_COLUMN
};
inline const auto wides = sqlite::sqliteTable<Wide>("wides", {
    sqlite::integer<&Wide::id>("id").primaryKey(),
    sqlite::integer<&Wide::userId>("user_id").notNull(),
#define WIDE_COLUMN(n) sqlite::integer<&Wide::c##n>("c" #n).notNull(),
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
create table users (id integer primary key, name text not null, email text not null unique, age integer,
                    active integer not null default 1, mentor_id integer);
create table posts (id integer primary key, user_id integer not null references users(id), title text not null,
                    body text, slug text not null, cover blob not null default x'', edited_by text);
create table accounts (id integer primary key, name text not null, tier text not null default 'free',
                       created_at integer not null default (unixepoch()), quota integer default 5, code text not null);
create table ratings (id integer primary key, post_id integer not null, score real not null, weight real);
create table wides (id integer primary key, user_id integer not null, c0 integer not null, c1 integer not null, c2 integer not null, c3 integer not null, c4 integer not null, c5 integer not null, c6 integer not null, c7 integer not null, c8 integer not null, c9 integer not null, c10 integer not null, c11 integer not null, c12 integer not null, c13 integer not null, c14 integer not null, c15 integer not null, c16 integer not null, c17 integer not null, c18 integer not null, c19 integer not null, c20 integer not null, c21 integer not null, c22 integer not null, c23 integer not null, c24 integer not null, c25 integer not null, c26 integer not null, c27 integer not null, c28 integer not null, c29 integer not null, c30 integer not null, c31 integer not null, c32 integer not null, c33 integer not null, c34 integer not null, c35 integer not null, c36 integer not null, c37 integer not null, c38 integer not null, c39 integer not null, c40 integer not null, c41 integer not null, c42 integer not null, c43 integer not null, c44 integer not null, c45 integer not null, c46 integer not null, c47 integer not null, c48 integer not null, c49 integer not null, c50 integer not null, c51 integer not null, c52 integer not null, c53 integer not null, c54 integer not null, c55 integer not null, c56 integer not null, c57 integer not null, c58 integer not null, c59 integer not null, c60 integer not null, c61 integer not null, c62 integer not null, c63 integer not null, c64 integer not null, c65 integer not null, c66 integer not null, c67 integer not null, c68 integer not null, c69 integer not null, c70 integer not null, c71 integer not null, c72 integer not null, c73 integer not null, c74 integer not null, c75 integer not null, c76 integer not null, c77 integer not null, c78 integer not null, c79 integer not null, c80 integer not null, c81 integer not null, c82 integer not null, c83 integer not null, c84 integer not null, c85 integer not null, c86 integer not null, c87 integer not null, c88 integer not null, c89 integer not null, c90 integer not null, c91 integer not null, c92 integer not null, c93 integer not null, c94 integer not null, c95 integer not null, c96 integer not null, c97 integer not null, c98 integer not null, c99 integer not null, c100 integer not null, c101 integer not null, c102 integer not null, c103 integer not null, c104 integer not null, c105 integer not null, c106 integer not null, c107 integer not null, c108 integer not null, c109 integer not null, c110 integer not null, c111 integer not null, c112 integer not null, c113 integer not null, c114 integer not null, c115 integer not null, c116 integer not null, c117 integer not null, c118 integer not null, c119 integer not null);
)";

}  // namespace orm_sqlite

// The ORM tests' PostgreSQL schema: the same users and posts as the other dialects', plus what
// only PostgreSQL has (arrays).
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "drizzle/pg.hpp"
#include "drizzle/relations.hpp"

namespace orm_pg {
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
    std::vector<std::string> tags;
};

inline std::string newSlug() {
    static int n = 0;
    return "pg-slug-" + std::to_string(++n);
}
inline std::string editor() { return "orm"; }

inline const auto users = pg::pgTable<User>("users", {
    pg::serial<&User::id>("id").primaryKey(),
    pg::text<&User::name>("name").notNull(),
    pg::text<&User::email>("email").notNull().unique(),
    pg::integer<&User::age>("age"),
    pg::boolean<&User::active>("active").notNull().default_(true),
    pg::integer<&User::mentorId>("mentor_id"),
});
inline const auto posts = pg::pgTable<Post>("posts", {
    pg::serial<&Post::id>("id").primaryKey(),
    pg::integer<&Post::userId>("user_id").notNull().references<&User::id>(),
    pg::text<&Post::title>("title").notNull(),
    pg::text<&Post::body>("body"),
    pg::text<&Post::slug>("slug").notNull().defaultFn<&newSlug>(),
    pg::bytea<&Post::cover>("cover").notNull().default_(sql("''::bytea")),
    pg::text<&Post::editedBy>("edited_by").onUpdateFn<&editor>(),
    pg::text<&Post::tags>("tags").notNull().default_(sql("'{}'")),
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
inline const auto accounts = pg::pgTable<Account>("accounts", {
    pg::serial<&Account::id>("id").primaryKey(),
    pg::text<&Account::name>("name").notNull(),
    pg::text<&Account::tier>("tier").notNull().default_("free"),
    pg::timestamp<&Account::createdAt>("created_at", {.withTimezone = true}).notNull().defaultNow(),
    pg::integer<&Account::quota>("quota").default_(5),
    pg::text<&Account::code>("code").notNull().defaultFn<&newCode>(),
});

// Doubles that need all 17 digits, and a table wider than a JSON function's 100 arguments:
// what related rows must carry exactly.
struct Rating {
    std::int32_t id = 0;
    std::int32_t postId = 0;
    double score = 0;
    std::optional<double> weight;
};
inline const auto ratings = pg::pgTable<Rating>("ratings", {
    pg::serial<&Rating::id>("id").primaryKey(),
    pg::integer<&Rating::postId>("post_id").notNull(),
    pg::doublePrecision<&Rating::score>("score").notNull(),
    pg::doublePrecision<&Rating::weight>("weight"),
});
struct Wide {
    std::int32_t id = 0;
    std::int32_t userId = 0;
#define WIDE_COLUMN(n) std::int32_t c##n = 0;
#include "wide_columns.inc"
#undef WIDE_COLUMN
};
inline const auto wides = pg::pgTable<Wide>("wides", {
    pg::serial<&Wide::id>("id").primaryKey(),
    pg::integer<&Wide::userId>("user_id").notNull(),
#define WIDE_COLUMN(n) pg::integer<&Wide::c##n>("c" #n).notNull(),
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
create table users (id serial primary key, name text not null, email text not null unique, age integer,
                    active boolean not null default true, mentor_id integer);
create table posts (id serial primary key, user_id integer not null references users(id), title text not null,
                    body text, slug text not null, cover bytea not null default ''::bytea, tags text[] not null default '{}', edited_by text);
create table accounts (id serial primary key, name text not null, tier text not null default 'free',
                       created_at timestamptz not null default now(), quota integer default 5, code text not null);
create table ratings (id serial primary key, post_id integer not null, score double precision not null, weight double precision);
create table wides (id serial primary key, user_id integer not null, c0 integer not null, c1 integer not null, c2 integer not null, c3 integer not null, c4 integer not null, c5 integer not null, c6 integer not null, c7 integer not null, c8 integer not null, c9 integer not null, c10 integer not null, c11 integer not null, c12 integer not null, c13 integer not null, c14 integer not null, c15 integer not null, c16 integer not null, c17 integer not null, c18 integer not null, c19 integer not null, c20 integer not null, c21 integer not null, c22 integer not null, c23 integer not null, c24 integer not null, c25 integer not null, c26 integer not null, c27 integer not null, c28 integer not null, c29 integer not null, c30 integer not null, c31 integer not null, c32 integer not null, c33 integer not null, c34 integer not null, c35 integer not null, c36 integer not null, c37 integer not null, c38 integer not null, c39 integer not null, c40 integer not null, c41 integer not null, c42 integer not null, c43 integer not null, c44 integer not null, c45 integer not null, c46 integer not null, c47 integer not null, c48 integer not null, c49 integer not null, c50 integer not null, c51 integer not null, c52 integer not null, c53 integer not null, c54 integer not null, c55 integer not null, c56 integer not null, c57 integer not null, c58 integer not null, c59 integer not null, c60 integer not null, c61 integer not null, c62 integer not null, c63 integer not null, c64 integer not null, c65 integer not null, c66 integer not null, c67 integer not null, c68 integer not null, c69 integer not null, c70 integer not null, c71 integer not null, c72 integer not null, c73 integer not null, c74 integer not null, c75 integer not null, c76 integer not null, c77 integer not null, c78 integer not null, c79 integer not null, c80 integer not null, c81 integer not null, c82 integer not null, c83 integer not null, c84 integer not null, c85 integer not null, c86 integer not null, c87 integer not null, c88 integer not null, c89 integer not null, c90 integer not null, c91 integer not null, c92 integer not null, c93 integer not null, c94 integer not null, c95 integer not null, c96 integer not null, c97 integer not null, c98 integer not null, c99 integer not null, c100 integer not null, c101 integer not null, c102 integer not null, c103 integer not null, c104 integer not null, c105 integer not null, c106 integer not null, c107 integer not null, c108 integer not null, c109 integer not null, c110 integer not null, c111 integer not null, c112 integer not null, c113 integer not null, c114 integer not null, c115 integer not null, c116 integer not null, c117 integer not null, c118 integer not null, c119 integer not null);
)";

}  // namespace orm_pg

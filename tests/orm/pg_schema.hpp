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
create table users (id serial primary key, name text not null, email text not null unique, age integer,
                    active boolean not null default true, mentor_id integer);
create table posts (id serial primary key, user_id integer not null references users(id), title text not null,
                    body text, slug text not null, cover bytea not null default ''::bytea, tags text[] not null default '{}', edited_by text);
create table accounts (id serial primary key, name text not null, tier text not null default 'free',
                       created_at timestamptz not null default now(), quota integer default 5, code text not null);
)";

}  // namespace orm_pg

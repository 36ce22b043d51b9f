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
create table users (id integer primary key, name text not null, email text not null unique, age integer,
                    active integer not null default 1, mentor_id integer);
create table posts (id integer primary key, user_id integer not null references users(id), title text not null,
                    body text, slug text not null, cover blob not null default x'', edited_by text);
create table accounts (id integer primary key, name text not null, tier text not null default 'free',
                       created_at integer not null default (unixepoch()), quota integer default 5, code text not null);
)";

}  // namespace orm_sqlite

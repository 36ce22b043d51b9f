// The ORM tests' SQLite schema: users, their posts, a self-reference (a user's mentor).
#pragma once

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

inline const auto users = sqlite::table<User>("users", {
    sqlite::integer("id", &User::id).primaryKey(),
    sqlite::text("name", &User::name).notNull(),
    sqlite::text("email", &User::email).notNull().unique(),
    sqlite::integer("age", &User::age),
    sqlite::integer("active", &User::active).notNull().default_(true),
    sqlite::integer("mentor_id", &User::mentorId),
});
inline const auto posts = sqlite::table<Post>("posts", {
    sqlite::integer("id", &Post::id).primaryKey(),
    sqlite::integer("user_id", &Post::userId).notNull().references(&User::id),
    sqlite::text("title", &Post::title).notNull(),
    sqlite::text("body", &Post::body),
    sqlite::text("slug", &Post::slug).notNull().defaultFn(&newSlug),
    sqlite::blob("cover", &Post::cover).notNull().default_(sql("x''")),
    sqlite::text("edited_by", &Post::editedBy).onUpdateFn(&editor),
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
)";

}  // namespace orm_sqlite

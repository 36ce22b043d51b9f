// The query compile-fail snippets' PostgreSQL schema: users (with a self-reference), their posts
// and the posts' comments. Not a snippet itself (the harness globs *.cpp only).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <drizzle/orm.hpp>
#include <drizzle/pg.hpp>
#include <drizzle/relations.hpp>

namespace qpg {
using namespace drizzle;

struct User {
    std::int32_t id = 0;
    std::string name;
    std::optional<std::string> email;
    std::optional<std::int32_t> age;
    bool active = true;
    std::optional<std::int32_t> mentorId;
};
struct Post {
    std::int32_t id = 0;
    std::int32_t userId = 0;
    std::string title;
    std::optional<std::string> body;
    double score = 0;
};
struct Comment {
    std::int32_t id = 0;
    std::int32_t postId = 0;
    std::string text;
};

inline const auto users = pg::pgTable<User>("users", {
    pg::serial<&User::id>("id").primaryKey(),
    pg::text<&User::name>("name").notNull(),
    pg::text<&User::email>("email").unique(),
    pg::integer<&User::age>("age"),
    pg::boolean<&User::active>("active").notNull().default_(true),
    pg::integer<&User::mentorId>("mentor_id"),
});
inline const auto posts = pg::pgTable<Post>("posts", {
    pg::serial<&Post::id>("id").primaryKey(),
    pg::integer<&Post::userId>("user_id").notNull().references<&User::id>(),
    pg::text<&Post::title>("title").notNull(),
    pg::text<&Post::body>("body"),
    pg::doublePrecision<&Post::score>("score").notNull().default_(0),
});
inline const auto comments = pg::pgTable<Comment>("comments", {
    pg::serial<&Comment::id>("id").primaryKey(),
    pg::integer<&Comment::postId>("post_id").notNull().references<&Post::id>(),
    pg::text<&Comment::text>("text").notNull(),
});

struct UserRelations {
    Many<User, Post> posts{"posts"};
};
struct PostRelations {
    One<Post, User> author{"author", &Post::userId, &User::id};
    Many<Post, Comment> comments{"comments"};
};
struct CommentRelations {
    One<Comment, Post> post{"post", &Comment::postId, &Post::id};
};
inline const UserRelations usersRelations{};
inline const PostRelations postsRelations{};
inline const CommentRelations commentsRelations{};

}  // namespace qpg

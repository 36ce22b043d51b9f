// The rows every dialect's ORM tests start from: users 1 Ada, 2 Bob and 3 Cy (both mentored by
// Ada), posts 1 "Hello" and 2 "Again" by Ada and 3 "Cy's" by Cy. Each dialect's schema header
// declares its own User and Post with the same members.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "drizzle/orm.hpp"

namespace orm_test {

template <class Post>
Post post(int userId, std::string title, std::optional<std::string> body, std::string slug, std::vector<unsigned char> cover) {
    Post p{};
    p.userId = userId;
    p.title = std::move(title);
    p.body = std::move(body);
    p.slug = std::move(slug);
    p.cover = std::move(cover);
    return p;
}

template <class User, class Post, class Users, class Posts>
void seed(drizzle::Database& db, const Users& users, const Posts& posts) {
    db.insert(users).values(std::vector<User>{
        {0, "Ada", "ada@x", 36, true, std::nullopt},
        {0, "Bob", "bob@x", std::nullopt, false, 1},
        {0, "Cy", "cy@x", 20, true, 1},
    }).execute();
    db.insert(posts).values(std::vector<Post>{
        post<Post>(1, "Hello", "first \"quoted\" ünïcode\n", "a", {0, 0xff}),
        post<Post>(1, "Again", std::nullopt, "b", {}),
        post<Post>(3, "Cy's", "x", "c", {}),
    }).execute();
}

}  // namespace orm_test

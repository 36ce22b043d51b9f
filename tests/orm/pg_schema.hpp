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
    std::int32_t c0 = 0;
    std::int32_t c1 = 0;
    std::int32_t c2 = 0;
    std::int32_t c3 = 0;
    std::int32_t c4 = 0;
    std::int32_t c5 = 0;
    std::int32_t c6 = 0;
    std::int32_t c7 = 0;
    std::int32_t c8 = 0;
    std::int32_t c9 = 0;
    std::int32_t c10 = 0;
    std::int32_t c11 = 0;
    std::int32_t c12 = 0;
    std::int32_t c13 = 0;
    std::int32_t c14 = 0;
    std::int32_t c15 = 0;
    std::int32_t c16 = 0;
    std::int32_t c17 = 0;
    std::int32_t c18 = 0;
    std::int32_t c19 = 0;
    std::int32_t c20 = 0;
    std::int32_t c21 = 0;
    std::int32_t c22 = 0;
    std::int32_t c23 = 0;
    std::int32_t c24 = 0;
    std::int32_t c25 = 0;
    std::int32_t c26 = 0;
    std::int32_t c27 = 0;
    std::int32_t c28 = 0;
    std::int32_t c29 = 0;
    std::int32_t c30 = 0;
    std::int32_t c31 = 0;
    std::int32_t c32 = 0;
    std::int32_t c33 = 0;
    std::int32_t c34 = 0;
    std::int32_t c35 = 0;
    std::int32_t c36 = 0;
    std::int32_t c37 = 0;
    std::int32_t c38 = 0;
    std::int32_t c39 = 0;
    std::int32_t c40 = 0;
    std::int32_t c41 = 0;
    std::int32_t c42 = 0;
    std::int32_t c43 = 0;
    std::int32_t c44 = 0;
    std::int32_t c45 = 0;
    std::int32_t c46 = 0;
    std::int32_t c47 = 0;
    std::int32_t c48 = 0;
    std::int32_t c49 = 0;
    std::int32_t c50 = 0;
    std::int32_t c51 = 0;
    std::int32_t c52 = 0;
    std::int32_t c53 = 0;
    std::int32_t c54 = 0;
    std::int32_t c55 = 0;
    std::int32_t c56 = 0;
    std::int32_t c57 = 0;
    std::int32_t c58 = 0;
    std::int32_t c59 = 0;
    std::int32_t c60 = 0;
    std::int32_t c61 = 0;
    std::int32_t c62 = 0;
    std::int32_t c63 = 0;
    std::int32_t c64 = 0;
    std::int32_t c65 = 0;
    std::int32_t c66 = 0;
    std::int32_t c67 = 0;
    std::int32_t c68 = 0;
    std::int32_t c69 = 0;
    std::int32_t c70 = 0;
    std::int32_t c71 = 0;
    std::int32_t c72 = 0;
    std::int32_t c73 = 0;
    std::int32_t c74 = 0;
    std::int32_t c75 = 0;
    std::int32_t c76 = 0;
    std::int32_t c77 = 0;
    std::int32_t c78 = 0;
    std::int32_t c79 = 0;
    std::int32_t c80 = 0;
    std::int32_t c81 = 0;
    std::int32_t c82 = 0;
    std::int32_t c83 = 0;
    std::int32_t c84 = 0;
    std::int32_t c85 = 0;
    std::int32_t c86 = 0;
    std::int32_t c87 = 0;
    std::int32_t c88 = 0;
    std::int32_t c89 = 0;
    std::int32_t c90 = 0;
    std::int32_t c91 = 0;
    std::int32_t c92 = 0;
    std::int32_t c93 = 0;
    std::int32_t c94 = 0;
    std::int32_t c95 = 0;
    std::int32_t c96 = 0;
    std::int32_t c97 = 0;
    std::int32_t c98 = 0;
    std::int32_t c99 = 0;
    std::int32_t c100 = 0;
    std::int32_t c101 = 0;
    std::int32_t c102 = 0;
    std::int32_t c103 = 0;
    std::int32_t c104 = 0;
    std::int32_t c105 = 0;
    std::int32_t c106 = 0;
    std::int32_t c107 = 0;
    std::int32_t c108 = 0;
    std::int32_t c109 = 0;
    std::int32_t c110 = 0;
    std::int32_t c111 = 0;
    std::int32_t c112 = 0;
    std::int32_t c113 = 0;
    std::int32_t c114 = 0;
    std::int32_t c115 = 0;
    std::int32_t c116 = 0;
    std::int32_t c117 = 0;
    std::int32_t c118 = 0;
    std::int32_t c119 = 0;
};
inline const auto wides = pg::pgTable<Wide>("wides", {
    pg::serial<&Wide::id>("id").primaryKey(),
    pg::integer<&Wide::userId>("user_id").notNull(),
    pg::integer<&Wide::c0>("c0").notNull(),
    pg::integer<&Wide::c1>("c1").notNull(),
    pg::integer<&Wide::c2>("c2").notNull(),
    pg::integer<&Wide::c3>("c3").notNull(),
    pg::integer<&Wide::c4>("c4").notNull(),
    pg::integer<&Wide::c5>("c5").notNull(),
    pg::integer<&Wide::c6>("c6").notNull(),
    pg::integer<&Wide::c7>("c7").notNull(),
    pg::integer<&Wide::c8>("c8").notNull(),
    pg::integer<&Wide::c9>("c9").notNull(),
    pg::integer<&Wide::c10>("c10").notNull(),
    pg::integer<&Wide::c11>("c11").notNull(),
    pg::integer<&Wide::c12>("c12").notNull(),
    pg::integer<&Wide::c13>("c13").notNull(),
    pg::integer<&Wide::c14>("c14").notNull(),
    pg::integer<&Wide::c15>("c15").notNull(),
    pg::integer<&Wide::c16>("c16").notNull(),
    pg::integer<&Wide::c17>("c17").notNull(),
    pg::integer<&Wide::c18>("c18").notNull(),
    pg::integer<&Wide::c19>("c19").notNull(),
    pg::integer<&Wide::c20>("c20").notNull(),
    pg::integer<&Wide::c21>("c21").notNull(),
    pg::integer<&Wide::c22>("c22").notNull(),
    pg::integer<&Wide::c23>("c23").notNull(),
    pg::integer<&Wide::c24>("c24").notNull(),
    pg::integer<&Wide::c25>("c25").notNull(),
    pg::integer<&Wide::c26>("c26").notNull(),
    pg::integer<&Wide::c27>("c27").notNull(),
    pg::integer<&Wide::c28>("c28").notNull(),
    pg::integer<&Wide::c29>("c29").notNull(),
    pg::integer<&Wide::c30>("c30").notNull(),
    pg::integer<&Wide::c31>("c31").notNull(),
    pg::integer<&Wide::c32>("c32").notNull(),
    pg::integer<&Wide::c33>("c33").notNull(),
    pg::integer<&Wide::c34>("c34").notNull(),
    pg::integer<&Wide::c35>("c35").notNull(),
    pg::integer<&Wide::c36>("c36").notNull(),
    pg::integer<&Wide::c37>("c37").notNull(),
    pg::integer<&Wide::c38>("c38").notNull(),
    pg::integer<&Wide::c39>("c39").notNull(),
    pg::integer<&Wide::c40>("c40").notNull(),
    pg::integer<&Wide::c41>("c41").notNull(),
    pg::integer<&Wide::c42>("c42").notNull(),
    pg::integer<&Wide::c43>("c43").notNull(),
    pg::integer<&Wide::c44>("c44").notNull(),
    pg::integer<&Wide::c45>("c45").notNull(),
    pg::integer<&Wide::c46>("c46").notNull(),
    pg::integer<&Wide::c47>("c47").notNull(),
    pg::integer<&Wide::c48>("c48").notNull(),
    pg::integer<&Wide::c49>("c49").notNull(),
    pg::integer<&Wide::c50>("c50").notNull(),
    pg::integer<&Wide::c51>("c51").notNull(),
    pg::integer<&Wide::c52>("c52").notNull(),
    pg::integer<&Wide::c53>("c53").notNull(),
    pg::integer<&Wide::c54>("c54").notNull(),
    pg::integer<&Wide::c55>("c55").notNull(),
    pg::integer<&Wide::c56>("c56").notNull(),
    pg::integer<&Wide::c57>("c57").notNull(),
    pg::integer<&Wide::c58>("c58").notNull(),
    pg::integer<&Wide::c59>("c59").notNull(),
    pg::integer<&Wide::c60>("c60").notNull(),
    pg::integer<&Wide::c61>("c61").notNull(),
    pg::integer<&Wide::c62>("c62").notNull(),
    pg::integer<&Wide::c63>("c63").notNull(),
    pg::integer<&Wide::c64>("c64").notNull(),
    pg::integer<&Wide::c65>("c65").notNull(),
    pg::integer<&Wide::c66>("c66").notNull(),
    pg::integer<&Wide::c67>("c67").notNull(),
    pg::integer<&Wide::c68>("c68").notNull(),
    pg::integer<&Wide::c69>("c69").notNull(),
    pg::integer<&Wide::c70>("c70").notNull(),
    pg::integer<&Wide::c71>("c71").notNull(),
    pg::integer<&Wide::c72>("c72").notNull(),
    pg::integer<&Wide::c73>("c73").notNull(),
    pg::integer<&Wide::c74>("c74").notNull(),
    pg::integer<&Wide::c75>("c75").notNull(),
    pg::integer<&Wide::c76>("c76").notNull(),
    pg::integer<&Wide::c77>("c77").notNull(),
    pg::integer<&Wide::c78>("c78").notNull(),
    pg::integer<&Wide::c79>("c79").notNull(),
    pg::integer<&Wide::c80>("c80").notNull(),
    pg::integer<&Wide::c81>("c81").notNull(),
    pg::integer<&Wide::c82>("c82").notNull(),
    pg::integer<&Wide::c83>("c83").notNull(),
    pg::integer<&Wide::c84>("c84").notNull(),
    pg::integer<&Wide::c85>("c85").notNull(),
    pg::integer<&Wide::c86>("c86").notNull(),
    pg::integer<&Wide::c87>("c87").notNull(),
    pg::integer<&Wide::c88>("c88").notNull(),
    pg::integer<&Wide::c89>("c89").notNull(),
    pg::integer<&Wide::c90>("c90").notNull(),
    pg::integer<&Wide::c91>("c91").notNull(),
    pg::integer<&Wide::c92>("c92").notNull(),
    pg::integer<&Wide::c93>("c93").notNull(),
    pg::integer<&Wide::c94>("c94").notNull(),
    pg::integer<&Wide::c95>("c95").notNull(),
    pg::integer<&Wide::c96>("c96").notNull(),
    pg::integer<&Wide::c97>("c97").notNull(),
    pg::integer<&Wide::c98>("c98").notNull(),
    pg::integer<&Wide::c99>("c99").notNull(),
    pg::integer<&Wide::c100>("c100").notNull(),
    pg::integer<&Wide::c101>("c101").notNull(),
    pg::integer<&Wide::c102>("c102").notNull(),
    pg::integer<&Wide::c103>("c103").notNull(),
    pg::integer<&Wide::c104>("c104").notNull(),
    pg::integer<&Wide::c105>("c105").notNull(),
    pg::integer<&Wide::c106>("c106").notNull(),
    pg::integer<&Wide::c107>("c107").notNull(),
    pg::integer<&Wide::c108>("c108").notNull(),
    pg::integer<&Wide::c109>("c109").notNull(),
    pg::integer<&Wide::c110>("c110").notNull(),
    pg::integer<&Wide::c111>("c111").notNull(),
    pg::integer<&Wide::c112>("c112").notNull(),
    pg::integer<&Wide::c113>("c113").notNull(),
    pg::integer<&Wide::c114>("c114").notNull(),
    pg::integer<&Wide::c115>("c115").notNull(),
    pg::integer<&Wide::c116>("c116").notNull(),
    pg::integer<&Wide::c117>("c117").notNull(),
    pg::integer<&Wide::c118>("c118").notNull(),
    pg::integer<&Wide::c119>("c119").notNull(),
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

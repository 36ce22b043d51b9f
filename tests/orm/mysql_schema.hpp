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
inline const auto wides = mysql::mysqlTable<Wide>("wides", {
    mysql::int_<&Wide::id>("id").primaryKey().autoincrement(),
    mysql::int_<&Wide::userId>("user_id").notNull(),
    mysql::int_<&Wide::c0>("c0").notNull(),
    mysql::int_<&Wide::c1>("c1").notNull(),
    mysql::int_<&Wide::c2>("c2").notNull(),
    mysql::int_<&Wide::c3>("c3").notNull(),
    mysql::int_<&Wide::c4>("c4").notNull(),
    mysql::int_<&Wide::c5>("c5").notNull(),
    mysql::int_<&Wide::c6>("c6").notNull(),
    mysql::int_<&Wide::c7>("c7").notNull(),
    mysql::int_<&Wide::c8>("c8").notNull(),
    mysql::int_<&Wide::c9>("c9").notNull(),
    mysql::int_<&Wide::c10>("c10").notNull(),
    mysql::int_<&Wide::c11>("c11").notNull(),
    mysql::int_<&Wide::c12>("c12").notNull(),
    mysql::int_<&Wide::c13>("c13").notNull(),
    mysql::int_<&Wide::c14>("c14").notNull(),
    mysql::int_<&Wide::c15>("c15").notNull(),
    mysql::int_<&Wide::c16>("c16").notNull(),
    mysql::int_<&Wide::c17>("c17").notNull(),
    mysql::int_<&Wide::c18>("c18").notNull(),
    mysql::int_<&Wide::c19>("c19").notNull(),
    mysql::int_<&Wide::c20>("c20").notNull(),
    mysql::int_<&Wide::c21>("c21").notNull(),
    mysql::int_<&Wide::c22>("c22").notNull(),
    mysql::int_<&Wide::c23>("c23").notNull(),
    mysql::int_<&Wide::c24>("c24").notNull(),
    mysql::int_<&Wide::c25>("c25").notNull(),
    mysql::int_<&Wide::c26>("c26").notNull(),
    mysql::int_<&Wide::c27>("c27").notNull(),
    mysql::int_<&Wide::c28>("c28").notNull(),
    mysql::int_<&Wide::c29>("c29").notNull(),
    mysql::int_<&Wide::c30>("c30").notNull(),
    mysql::int_<&Wide::c31>("c31").notNull(),
    mysql::int_<&Wide::c32>("c32").notNull(),
    mysql::int_<&Wide::c33>("c33").notNull(),
    mysql::int_<&Wide::c34>("c34").notNull(),
    mysql::int_<&Wide::c35>("c35").notNull(),
    mysql::int_<&Wide::c36>("c36").notNull(),
    mysql::int_<&Wide::c37>("c37").notNull(),
    mysql::int_<&Wide::c38>("c38").notNull(),
    mysql::int_<&Wide::c39>("c39").notNull(),
    mysql::int_<&Wide::c40>("c40").notNull(),
    mysql::int_<&Wide::c41>("c41").notNull(),
    mysql::int_<&Wide::c42>("c42").notNull(),
    mysql::int_<&Wide::c43>("c43").notNull(),
    mysql::int_<&Wide::c44>("c44").notNull(),
    mysql::int_<&Wide::c45>("c45").notNull(),
    mysql::int_<&Wide::c46>("c46").notNull(),
    mysql::int_<&Wide::c47>("c47").notNull(),
    mysql::int_<&Wide::c48>("c48").notNull(),
    mysql::int_<&Wide::c49>("c49").notNull(),
    mysql::int_<&Wide::c50>("c50").notNull(),
    mysql::int_<&Wide::c51>("c51").notNull(),
    mysql::int_<&Wide::c52>("c52").notNull(),
    mysql::int_<&Wide::c53>("c53").notNull(),
    mysql::int_<&Wide::c54>("c54").notNull(),
    mysql::int_<&Wide::c55>("c55").notNull(),
    mysql::int_<&Wide::c56>("c56").notNull(),
    mysql::int_<&Wide::c57>("c57").notNull(),
    mysql::int_<&Wide::c58>("c58").notNull(),
    mysql::int_<&Wide::c59>("c59").notNull(),
    mysql::int_<&Wide::c60>("c60").notNull(),
    mysql::int_<&Wide::c61>("c61").notNull(),
    mysql::int_<&Wide::c62>("c62").notNull(),
    mysql::int_<&Wide::c63>("c63").notNull(),
    mysql::int_<&Wide::c64>("c64").notNull(),
    mysql::int_<&Wide::c65>("c65").notNull(),
    mysql::int_<&Wide::c66>("c66").notNull(),
    mysql::int_<&Wide::c67>("c67").notNull(),
    mysql::int_<&Wide::c68>("c68").notNull(),
    mysql::int_<&Wide::c69>("c69").notNull(),
    mysql::int_<&Wide::c70>("c70").notNull(),
    mysql::int_<&Wide::c71>("c71").notNull(),
    mysql::int_<&Wide::c72>("c72").notNull(),
    mysql::int_<&Wide::c73>("c73").notNull(),
    mysql::int_<&Wide::c74>("c74").notNull(),
    mysql::int_<&Wide::c75>("c75").notNull(),
    mysql::int_<&Wide::c76>("c76").notNull(),
    mysql::int_<&Wide::c77>("c77").notNull(),
    mysql::int_<&Wide::c78>("c78").notNull(),
    mysql::int_<&Wide::c79>("c79").notNull(),
    mysql::int_<&Wide::c80>("c80").notNull(),
    mysql::int_<&Wide::c81>("c81").notNull(),
    mysql::int_<&Wide::c82>("c82").notNull(),
    mysql::int_<&Wide::c83>("c83").notNull(),
    mysql::int_<&Wide::c84>("c84").notNull(),
    mysql::int_<&Wide::c85>("c85").notNull(),
    mysql::int_<&Wide::c86>("c86").notNull(),
    mysql::int_<&Wide::c87>("c87").notNull(),
    mysql::int_<&Wide::c88>("c88").notNull(),
    mysql::int_<&Wide::c89>("c89").notNull(),
    mysql::int_<&Wide::c90>("c90").notNull(),
    mysql::int_<&Wide::c91>("c91").notNull(),
    mysql::int_<&Wide::c92>("c92").notNull(),
    mysql::int_<&Wide::c93>("c93").notNull(),
    mysql::int_<&Wide::c94>("c94").notNull(),
    mysql::int_<&Wide::c95>("c95").notNull(),
    mysql::int_<&Wide::c96>("c96").notNull(),
    mysql::int_<&Wide::c97>("c97").notNull(),
    mysql::int_<&Wide::c98>("c98").notNull(),
    mysql::int_<&Wide::c99>("c99").notNull(),
    mysql::int_<&Wide::c100>("c100").notNull(),
    mysql::int_<&Wide::c101>("c101").notNull(),
    mysql::int_<&Wide::c102>("c102").notNull(),
    mysql::int_<&Wide::c103>("c103").notNull(),
    mysql::int_<&Wide::c104>("c104").notNull(),
    mysql::int_<&Wide::c105>("c105").notNull(),
    mysql::int_<&Wide::c106>("c106").notNull(),
    mysql::int_<&Wide::c107>("c107").notNull(),
    mysql::int_<&Wide::c108>("c108").notNull(),
    mysql::int_<&Wide::c109>("c109").notNull(),
    mysql::int_<&Wide::c110>("c110").notNull(),
    mysql::int_<&Wide::c111>("c111").notNull(),
    mysql::int_<&Wide::c112>("c112").notNull(),
    mysql::int_<&Wide::c113>("c113").notNull(),
    mysql::int_<&Wide::c114>("c114").notNull(),
    mysql::int_<&Wide::c115>("c115").notNull(),
    mysql::int_<&Wide::c116>("c116").notNull(),
    mysql::int_<&Wide::c117>("c117").notNull(),
    mysql::int_<&Wide::c118>("c118").notNull(),
    mysql::int_<&Wide::c119>("c119").notNull(),
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

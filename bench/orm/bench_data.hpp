// The ORM benchmark's shared ground: the row structs every side decodes into, the data every
// side loads, and the checks that a side computed the right thing. Each side (the raw C APIs in
// raw_sqlite.cpp / raw_pg.cpp, the ORM next to them) runs the same four workloads on this data:
//
//   pk_lookup         prepared `select id, name, email, age from users where id = ?`, id cycling
//                     1..10,000, one User per iteration
//   scan_10k          every user -> std::vector<User>
//   insert_100k       bulkRows() into `bulk` in one transaction; emptied between iterations,
//                     outside the timed region
//   users_with_posts  the first 100 users by id, each with its posts by id
//
// A side loads SQLite data by executing setupStatements(Dialect::sqlite) on its own in-memory
// connection; PostgreSQL data lives in the server, so a side calls preparePg(url) (once per
// process, whoever comes first). Benchmarks are named `<side>/<sqlite|pg>/<workload>`;
// bench/orm/run.py puts every side next to `raw` and prints the ratio.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace bench {

struct User {
    int32_t id;
    std::string name;
    std::string email;
    std::optional<int32_t> age;
    bool operator==(const User&) const = default;
};

struct Post {
    int32_t id;
    int32_t userId;
    std::string title;
    std::optional<std::string> body;
    bool operator==(const Post&) const = default;
};

struct UserWithPosts {
    int32_t id;
    std::string name;
    std::string email;
    std::optional<int32_t> age;
    std::vector<Post> posts;
    bool operator==(const UserWithPosts&) const = default;
};

inline constexpr int32_t userCount = 10'000;
inline constexpr int32_t usersWithPostsCount = 1'000;  // users 1..1,000 have posts
inline constexpr int32_t postsPerUser = 10;
inline constexpr int32_t postCount = usersWithPostsCount * postsPerUser;
inline constexpr int32_t bulkCount = 100'000;
inline constexpr int32_t relationUserCount = 100;      // users_with_posts reads this many users

User makeUser(int32_t id);  // age NULL for every 10th user
Post makePost(int32_t id);  // body NULL for every 5th post
const std::vector<User>& bulkRows();  // the rows insert_100k writes (ids 1..100,000), built once

enum class Dialect { sqlite, pg };

// DDL (users, posts with an index on user_id, bulk; dropped first) and the data, one statement
// per element. node/bench.mjs builds the same statements; dataFingerprint() proves it.
std::vector<std::string> setupStatements(Dialect dialect);
// Empties bulk: DELETE on SQLite, TRUNCATE on PostgreSQL.
const char* emptyBulkSql(Dialect dialect);

// FNV-1a (32-bit, hex) of the SQLite setup statements and the bulk rows; node/bench.mjs prints
// the same value for its data, run.py compares them.
std::string dataFingerprint();

// Checks of a side's results: an empty string when right, else what is wrong.
std::string checkUser(const User& got, int32_t id);
std::string checkUsers(const std::vector<User>& got);
std::string checkUsersWithPosts(const std::vector<UserWithPosts>& got);
std::string checkBulk(int64_t rowCount, const User& row5000);  // row 5,000 read back after insert

// $DRIZZLE_BENCH_PG_URL, or nullptr: PostgreSQL benchmarks then skip with pgSkipMessage.
const char* pgUrl();
inline constexpr const char* pgSkipMessage = "DRIZZLE_BENCH_PG_URL is not set; PostgreSQL benchmarks skipped";
// Creates and fills the tables in the database at url, the first time it is called in the
// process; throws std::runtime_error on failure. Its tables users, posts and bulk are replaced.
void preparePg(const char* url);

}  // namespace bench

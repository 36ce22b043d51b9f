#include "bench_data.hpp"

#include <libpq-fe.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <type_traits>

namespace bench {
namespace {

// The rows' text is fixed here and in node/bench.mjs; change both (dataFingerprint() tells).
constexpr const char* bodyText = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod.";
constexpr int32_t rowsPerInsert = 1'000;

User makeBulkRow(int32_t id) {
    return {id, "Bulk " + std::to_string(id), "bulk" + std::to_string(id) + "@example.com",
            id % 10 == 0 ? std::nullopt : std::optional<int32_t>(20 + id % 40)};
}

std::string quoted(const std::string& text) {
    std::string out = "'";
    for (char c : text) {
        out += c;
        if (c == '\'') out += '\'';
    }
    return out + "'";
}

template <class T>
std::string literal(const std::optional<T>& value) {
    if (!value) return "NULL";
    if constexpr (std::is_same_v<T, std::string>) return quoted(*value);
    else return std::to_string(*value);
}

// "1, 'User 1', 'user1@example.com', 25": a row's values as SQL literals. Built by appending,
// which also keeps GCC 12's -Wrestrict false positive on `"(" + std::string` away.
std::string values(const User& u) {
    std::string out = std::to_string(u.id);
    out += ", ";
    out += quoted(u.name);
    out += ", ";
    out += quoted(u.email);
    out += ", ";
    out += literal(u.age);
    return out;
}

std::string values(const Post& p) {
    std::string out = std::to_string(p.id);
    out += ", ";
    out += std::to_string(p.userId);
    out += ", ";
    out += quoted(p.title);
    out += ", ";
    out += literal(p.body);
    return out;
}

template <class Row>
std::string describe(const Row& row) {
    std::string out = "{";
    out += values(row);
    out += '}';
    return out;
}

template <class Make>
void appendInserts(std::vector<std::string>& out, const char* insert, int32_t count, Make make) {
    for (int32_t first = 1; first <= count; first += rowsPerInsert) {
        std::string sql = insert;
        for (int32_t id = first; id < first + rowsPerInsert && id <= count; ++id) {
            sql += id == first ? "(" : ", (";
            sql += values(make(id));
            sql += ')';
        }
        out.push_back(std::move(sql));
    }
}

void appendInserts(std::vector<std::string>& out) {
    appendInserts(out, "INSERT INTO users (id, name, email, age) VALUES ", userCount, makeUser);
    appendInserts(out, "INSERT INTO posts (id, user_id, title, body) VALUES ", postCount, makePost);
}

void fnv1a(uint32_t& hash, const std::string& text) {
    for (unsigned char c : text) {
        hash ^= c;
        hash *= 16777619u;
    }
}

}  // namespace

User makeUser(int32_t id) {
    return {id, "User " + std::to_string(id), "user" + std::to_string(id) + "@example.com",
            id % 10 == 0 ? std::nullopt : std::optional<int32_t>(18 + id * 7 % 60)};
}

Post makePost(int32_t id) {
    return {id, (id - 1) / postsPerUser + 1, "Post " + std::to_string(id),
            id % 5 == 0 ? std::nullopt : std::optional<std::string>("Body of post " + std::to_string(id) + ". " + bodyText)};
}

const std::vector<User>& bulkRows() {
    static const std::vector<User> rows = [] {
        std::vector<User> out;
        out.reserve(bulkCount);
        for (int32_t id = 1; id <= bulkCount; ++id) out.push_back(makeBulkRow(id));
        return out;
    }();
    return rows;
}

std::vector<std::string> setupStatements(Dialect dialect) {
    std::vector<std::string> out = {"DROP TABLE IF EXISTS posts", "DROP TABLE IF EXISTS users", "DROP TABLE IF EXISTS bulk"};
    if (dialect == Dialect::sqlite) {
        out.push_back("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL, email TEXT NOT NULL, age INTEGER)");
        out.push_back("CREATE TABLE posts (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users(id), "
                      "title TEXT NOT NULL, body TEXT)");
        out.push_back("CREATE INDEX posts_user_id_idx ON posts (user_id)");
        out.push_back("CREATE TABLE bulk (id INTEGER PRIMARY KEY, name TEXT NOT NULL, email TEXT NOT NULL, age INTEGER)");
        appendInserts(out);
    } else {
        out.push_back("CREATE TABLE users (id serial PRIMARY KEY, name text NOT NULL, email text NOT NULL, age integer)");
        out.push_back("CREATE TABLE posts (id serial PRIMARY KEY, user_id integer NOT NULL REFERENCES users(id), "
                      "title text NOT NULL, body text)");
        out.push_back("CREATE INDEX posts_user_id_idx ON posts (user_id)");
        out.push_back("CREATE TABLE bulk (id serial PRIMARY KEY, name text NOT NULL, email text NOT NULL, age integer)");
        appendInserts(out);
        out.push_back("ANALYZE users");
        out.push_back("ANALYZE posts");
    }
    return out;
}

const char* emptyBulkSql(Dialect dialect) {
    return dialect == Dialect::sqlite ? "DELETE FROM bulk" : "TRUNCATE bulk";
}

std::string dataFingerprint() {
    uint32_t hash = 2166136261u;
    for (const std::string& statement : setupStatements(Dialect::sqlite)) fnv1a(hash, statement + ";\n");
    for (const User& u : bulkRows()) fnv1a(hash, describe(u) + "\n");
    char hex[9];
    std::snprintf(hex, sizeof hex, "%08x", hash);
    return hex;
}

std::string checkUser(const User& got, int32_t id) {
    const User want = makeUser(id);
    return got == want ? "" : "user " + std::to_string(id) + ": got " + describe(got) + ", want " + describe(want);
}

std::string checkUsers(const std::vector<User>& got) {
    if (got.size() != static_cast<size_t>(userCount))
        return "got " + std::to_string(got.size()) + " users, want " + std::to_string(userCount);
    for (int32_t i = 0; i < userCount; ++i)
        if (std::string error = checkUser(got[i], i + 1); !error.empty()) return error;
    return "";
}

std::string checkUsersWithPosts(const std::vector<UserWithPosts>& got) {
    if (got.size() != static_cast<size_t>(relationUserCount))
        return "got " + std::to_string(got.size()) + " users, want " + std::to_string(relationUserCount);
    int32_t postId = 1;
    for (int32_t i = 0; i < relationUserCount; ++i) {
        const UserWithPosts& u = got[i];
        if (std::string error = checkUser({u.id, u.name, u.email, u.age}, i + 1); !error.empty()) return error;
        if (u.posts.size() != static_cast<size_t>(postsPerUser))
            return "user " + std::to_string(u.id) + " has " + std::to_string(u.posts.size()) + " posts, want " +
                   std::to_string(postsPerUser);
        for (const Post& p : u.posts) {
            const Post want = makePost(postId++);
            if (!(p == want)) return "got post " + describe(p) + ", want " + describe(want);
        }
    }
    return "";
}

std::string checkBulk(int64_t rowCount, const User& row5000) {
    if (rowCount != bulkCount) return "bulk has " + std::to_string(rowCount) + " rows, want " + std::to_string(bulkCount);
    const User& want = bulkRows()[4999];
    return row5000 == want ? "" : "bulk row 5000: got " + describe(row5000) + ", want " + describe(want);
}

const char* pgUrl() {
    const char* url = std::getenv("DRIZZLE_BENCH_PG_URL");
    return url && *url ? url : nullptr;
}

void preparePg(const char* url) {
    static std::once_flag once;
    std::call_once(once, [url] {
        std::unique_ptr<PGconn, decltype(&PQfinish)> conn(PQconnectdb(url), &PQfinish);
        if (PQstatus(conn.get()) != CONNECTION_OK)
            throw std::runtime_error(std::string("PostgreSQL: ") + PQerrorMessage(conn.get()));
        std::vector<std::string> statements = {"SET client_min_messages = warning", "BEGIN"};
        for (std::string& s : setupStatements(Dialect::pg)) statements.push_back(std::move(s));
        statements.push_back("COMMIT");
        for (const std::string& sql : statements) {
            std::unique_ptr<PGresult, decltype(&PQclear)> result(PQexec(conn.get(), sql.c_str()), &PQclear);
            const ExecStatusType status = PQresultStatus(result.get());
            if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
                throw std::runtime_error(std::string("PostgreSQL: ") + PQerrorMessage(conn.get()) + " in " +
                                         sql.substr(0, 80));
        }
    });
}

}  // namespace bench

// The ORM side: the same four workloads as raw_sqlite.cpp / raw_pg.cpp, written as an
// application writes them with drizzle-cpp (prepared statements where a hot path repeats).
// Rows decode into structs laid out like bench::User / bench::Post; PostgreSQL and the bulk
// table get their own structs because a row struct belongs to one table.
#include <benchmark/benchmark.h>

#include <drizzle/orm.hpp>
#include <drizzle/pg.hpp>
#include <drizzle/relations.hpp>
#include <drizzle/sqlite.hpp>

#include "bench_data.hpp"
#include "bench_util.hpp"

namespace {

using namespace drizzle;

// ---- SQLite schema (the rows are bench's own structs) ----
struct Bulk {
    int32_t id;
    std::string name;
    std::string email;
    std::optional<int32_t> age;
};
inline const auto users = sqlite::sqliteTable<bench::User>("users", {
    sqlite::integer<&bench::User::id>("id").primaryKey(),
    sqlite::text<&bench::User::name>("name").notNull(),
    sqlite::text<&bench::User::email>("email").notNull(),
    sqlite::integer<&bench::User::age>("age"),
});
inline const auto posts = sqlite::sqliteTable<bench::Post>("posts", {
    sqlite::integer<&bench::Post::id>("id").primaryKey(),
    sqlite::integer<&bench::Post::userId>("user_id").notNull().references<&bench::User::id>(),
    sqlite::text<&bench::Post::title>("title").notNull(),
    sqlite::text<&bench::Post::body>("body"),
});
inline const auto bulk = sqlite::sqliteTable<Bulk>("bulk", {
    sqlite::integer<&Bulk::id>("id").primaryKey(),
    sqlite::text<&Bulk::name>("name").notNull(),
    sqlite::text<&Bulk::email>("email").notNull(),
    sqlite::integer<&Bulk::age>("age"),
});
struct UserRelations {
    Many<bench::User, bench::Post> posts{"posts"};
};
struct PostRelations {
    One<bench::Post, bench::User> author{"author", &bench::Post::userId, &bench::User::id};
};
inline const UserRelations usersRelations{};
inline const PostRelations postsRelations{};

// ---- PostgreSQL schema ----
struct PgUser {
    int32_t id;
    std::string name;
    std::string email;
    std::optional<int32_t> age;
};
struct PgPost {
    int32_t id;
    int32_t userId;
    std::string title;
    std::optional<std::string> body;
};
struct PgBulk {
    int32_t id;
    std::string name;
    std::string email;
    std::optional<int32_t> age;
};
inline const auto pgUsers = pg::pgTable<PgUser>("users", {
    pg::integer<&PgUser::id>("id").primaryKey(),
    pg::text<&PgUser::name>("name").notNull(),
    pg::text<&PgUser::email>("email").notNull(),
    pg::integer<&PgUser::age>("age"),
});
inline const auto pgPosts = pg::pgTable<PgPost>("posts", {
    pg::integer<&PgPost::id>("id").primaryKey(),
    pg::integer<&PgPost::userId>("user_id").notNull().references<&PgUser::id>(),
    pg::text<&PgPost::title>("title").notNull(),
    pg::text<&PgPost::body>("body"),
});
inline const auto pgBulk = pg::pgTable<PgBulk>("bulk", {
    pg::integer<&PgBulk::id>("id").primaryKey(),
    pg::text<&PgBulk::name>("name").notNull(),
    pg::text<&PgBulk::email>("email").notNull(),
    pg::integer<&PgBulk::age>("age"),
});
struct PgUserRelations {
    Many<PgUser, PgPost> posts{"posts"};
};
struct PgPostRelations {
    One<PgPost, PgUser> author{"author", &PgPost::userId, &PgUser::id};
};
inline const PgUserRelations pgUsersRelations{};
inline const PgPostRelations pgPostsRelations{};

template <class U>
bench::User toUser(const U& u) {
    return {u.id, u.name, u.email, u.age};
}
template <class U, class P>
std::vector<bench::UserWithPosts> toUsersWithPosts(const std::vector<std::tuple<U, std::vector<P>>>& rows) {
    std::vector<bench::UserWithPosts> out;
    for (const auto& [u, ps] : rows) {
        bench::UserWithPosts w{u.id, u.name, u.email, u.age, {}};
        for (const auto& p : ps) w.posts.push_back({p.id, p.userId, p.title, p.body});
        out.push_back(std::move(w));
    }
    return out;
}
template <class B>
std::vector<B> bulkAs() {
    std::vector<B> rows;
    for (const bench::User& u : bench::bulkRows()) rows.push_back({u.id, u.name, u.email, u.age});
    return rows;
}

Database& sqliteDb() {
    static Database db = [] {
        Database d = drizzle::sqlite::open(":memory:");
        for (const std::string& sql : bench::setupStatements(bench::Dialect::sqlite)) d.execute(sql);
        return d;
    }();
    return db;
}
Database* pgDb(benchmark::State& state) {
    static std::unique_ptr<Database> db;
    const char* url = bench::pgDatabase(state);
    if (!url) return nullptr;
    if (!db) db = std::make_unique<Database>(drizzle::pg::connect(url));
    return db.get();
}

// ---- the workloads, one template per dialect's tables ----
template <class UsersT, class U>
void pkLookup(benchmark::State& state, Database& db, const UsersT& table) {
    auto byId = db.select().from(table).where(eq(&U::id, placeholder("id"))).prepare();
    auto lookup = [&](int32_t id) { return *byId.get({{"id", std::int64_t{id}}}); };
    if (!bench::check(state, bench::checkUser(toUser(lookup(1234)), 1234))) return;
    int32_t id = 0;
    for (auto _ : state) {
        id = id % bench::userCount + 1;
        U user = lookup(id);
        benchmark::DoNotOptimize(user);
    }
}

template <class UsersT, class U>
void scan(benchmark::State& state, Database& db, const UsersT& table) {
    auto all = db.select().from(table).prepare();
    std::vector<bench::User> first;
    for (const U& u : all.all()) first.push_back(toUser(u));
    if (!bench::check(state, bench::checkUsers(first))) return;
    for (auto _ : state) {
        std::vector<U> rows = all.all();
        benchmark::DoNotOptimize(rows);
    }
}

template <class BulkT, class B>
void insert(benchmark::State& state, Database& db, const BulkT& table, bench::Dialect dialect) {
    const std::vector<B> rows = bulkAs<B>();
    db.execute(bench::emptyBulkSql(dialect));
    db.insert(table).values(rows).execute();
    const auto row = db.select().from(table).where(eq(&B::id, 5000)).get();
    if (!bench::check(state, bench::checkBulk(db.count(table), toUser(*row)))) return;
    for (auto _ : state) {
        state.PauseTiming();
        db.execute(bench::emptyBulkSql(dialect));
        state.ResumeTiming();
        db.insert(table).values(rows).execute();
    }
    db.execute(bench::emptyBulkSql(dialect));
}

template <class UsersT, class U, class P, class Rel>
void usersWithPosts(benchmark::State& state, Database& db, const UsersT& table, const Rel& postsRelation) {
    auto read = [&] {
        return db.query(table)
            .with(drizzle::with(postsRelation, {.orderBy = {asc(&P::id)}}))
            .findMany({.orderBy = {asc(&U::id)}, .limit = bench::relationUserCount});
    };
    if (!bench::check(state, bench::checkUsersWithPosts(toUsersWithPosts(read())))) return;
    for (auto _ : state) {
        auto rows = read();
        benchmark::DoNotOptimize(rows);
    }
}

void sqlitePkLookup(benchmark::State& s) { bench::guarded(s, [&] { pkLookup<decltype(users), bench::User>(s, sqliteDb(), users); }); }
void sqliteScan(benchmark::State& s) { bench::guarded(s, [&] { scan<decltype(users), bench::User>(s, sqliteDb(), users); }); }
void sqliteInsert(benchmark::State& s) {
    bench::guarded(s, [&] { insert<decltype(bulk), Bulk>(s, sqliteDb(), bulk, bench::Dialect::sqlite); });
}
void sqliteUsersWithPosts(benchmark::State& s) {
    bench::guarded(s, [&] {
        usersWithPosts<decltype(users), bench::User, bench::Post>(s, sqliteDb(), users, usersRelations.posts);
    });
}
void pgPkLookup(benchmark::State& s) {
    bench::guarded(s, [&] { if (Database* db = pgDb(s)) pkLookup<decltype(pgUsers), PgUser>(s, *db, pgUsers); });
}
void pgScan(benchmark::State& s) {
    bench::guarded(s, [&] { if (Database* db = pgDb(s)) scan<decltype(pgUsers), PgUser>(s, *db, pgUsers); });
}
void pgInsert(benchmark::State& s) {
    bench::guarded(s, [&] { if (Database* db = pgDb(s)) insert<decltype(pgBulk), PgBulk>(s, *db, pgBulk, bench::Dialect::pg); });
}
void pgUsersWithPosts(benchmark::State& s) {
    bench::guarded(s, [&] {
        if (Database* db = pgDb(s)) usersWithPosts<decltype(pgUsers), PgUser, PgPost>(s, *db, pgUsers, pgUsersRelations.posts);
    });
}

}  // namespace

BENCHMARK(sqlitePkLookup)->Name("orm/sqlite/pk_lookup")->UseRealTime();
BENCHMARK(sqliteScan)->Name("orm/sqlite/scan_10k")->UseRealTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(sqliteInsert)->Name("orm/sqlite/insert_100k")->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(sqliteUsersWithPosts)->Name("orm/sqlite/users_with_posts")->UseRealTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(pgPkLookup)->Name("orm/pg/pk_lookup")->UseRealTime();
BENCHMARK(pgScan)->Name("orm/pg/scan_10k")->UseRealTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(pgInsert)->Name("orm/pg/insert_100k")->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(pgUsersWithPosts)->Name("orm/pg/users_with_posts")->UseRealTime()->Unit(benchmark::kMicrosecond);

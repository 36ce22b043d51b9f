// The pool's cost, measured against what it replaces:
//   pk_lookup_16_threads (PostgreSQL): 16 threads looking users up by primary key, each through
//     its own raw libpq connection (`raw`) or its own ORM connection (`orm`), or all through one
//     drizzle::pg::pool of 16 (`pool`).
//   pk_lookup_file (SQLite, a database file in WAL mode, one thread): the ORM on one connection
//     (`orm`) and on a pool (`pool`); the difference is what borrowing and returning a connection
//     costs per query.
#include <benchmark/benchmark.h>
#include <libpq-fe.h>

#include <drizzle/orm.hpp>
#include <drizzle/pg.hpp>
#include <drizzle/sqlite.hpp>

#include <charconv>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>

#include "bench_data.hpp"
#include "bench_util.hpp"

namespace {

using namespace drizzle;

struct User {
    int32_t id;
    std::string name;
    std::string email;
    std::optional<int32_t> age;
};
inline const auto pgUsers = pg::pgTable<User>("users", {
    pg::integer<&User::id>("id").primaryKey(),
    pg::text<&User::name>("name").notNull(),
    pg::text<&User::email>("email").notNull(),
    pg::integer<&User::age>("age"),
});
inline const auto sqliteUsers = sqlite::sqliteTable<User>("users", {
    sqlite::integer<&User::id>("id").primaryKey(),
    sqlite::text<&User::name>("name").notNull(),
    sqlite::text<&User::email>("email").notNull(),
    sqlite::integer<&User::age>("age"),
});

constexpr int threads = 16;

// Each thread's own ids, so that the threads do not read the same rows in step.
int32_t nextId(int32_t id) { return id % bench::userCount + 1; }

void rawPgThreads(benchmark::State& state) {
    bench::guarded(state, [&] {
        static std::mutex setup;
        const char* url;
        {
            std::lock_guard lock(setup);  // loads the data once
            url = bench::pgDatabase(state);
        }
        if (!url) return;
        std::unique_ptr<PGconn, decltype(&PQfinish)> conn(PQconnectdb(url), &PQfinish);
        if (PQstatus(conn.get()) != CONNECTION_OK) throw std::runtime_error(PQerrorMessage(conn.get()));
        PQclear(PQprepare(conn.get(), "pk", "select id, name, email, age from users where id = $1", 0, nullptr));
        int32_t id = state.thread_index() * 997;
        char text[16];
        for (auto _ : state) {
            id = nextId(id);
            *std::to_chars(text, text + sizeof text - 1, id).ptr = '\0';
            const char* values[] = {text};
            PGresult* r = PQexecPrepared(conn.get(), "pk", 1, values, nullptr, nullptr, 0);
            if (PQntuples(r) != 1) {
                PQclear(r);
                throw std::runtime_error("no user " + std::to_string(id));
            }
            User u{0, PQgetvalue(r, 0, 1), PQgetvalue(r, 0, 2), std::nullopt};
            std::from_chars(PQgetvalue(r, 0, 0), PQgetvalue(r, 0, 0) + PQgetlength(r, 0, 0), u.id);
            if (!PQgetisnull(r, 0, 3)) {
                int32_t age = 0;
                std::from_chars(PQgetvalue(r, 0, 3), PQgetvalue(r, 0, 3) + PQgetlength(r, 0, 3), age);
                u.age = age;
            }
            PQclear(r);
            benchmark::DoNotOptimize(u);
        }
    });
}

DatabaseOf<Dialect::postgresql>* pgPool(benchmark::State& state) {
    static std::mutex setup;
    static std::unique_ptr<DatabaseOf<Dialect::postgresql>> pool;
    std::lock_guard lock(setup);
    const char* url = bench::pgDatabase(state);
    if (!url) return nullptr;
    if (!pool) pool = std::make_unique<DatabaseOf<Dialect::postgresql>>(drizzle::pg::pool(url, {.max = threads}));
    return pool.get();
}

template <class Db, class Table>
void lookups(benchmark::State& state, Db& db, const Table& users) {
    auto byId = db.select().from(users).where(eq(&User::id, placeholder("id"))).prepare();
    int32_t id = state.thread_index() * 997;
    for (auto _ : state) {
        id = nextId(id);
        auto user = byId.get({{"id", std::int64_t{id}}});
        if (!user) throw std::runtime_error("no user " + std::to_string(id));
        benchmark::DoNotOptimize(user);
    }
}

// The ORM without a pool: each thread its own connection, as the raw side has.
void ormPgThreads(benchmark::State& state) {
    bench::guarded(state, [&] {
        std::string url;
        {
            static std::mutex setup;
            std::lock_guard lock(setup);
            const char* u = bench::pgDatabase(state);
            if (!u) return;
            url = u;
        }
        auto db = drizzle::pg::connect(url);
        lookups(state, db, pgUsers);
    });
}

void poolPgThreads(benchmark::State& state) {
    bench::guarded(state, [&] {
        if (auto* db = pgPool(state)) lookups(state, *db, pgUsers);
    });
}

// The SQLite data in a file (a pool needs one: in memory, each connection has its own database).
const std::string& sqliteFile() {
    static const std::string path = [] {
        const auto file = std::filesystem::temp_directory_path() / ("drizzle-pool-bench-" + std::to_string(::getpid()) + ".db");
        std::filesystem::remove(file);
        auto db = drizzle::sqlite::open(file.string());
        db.execute("PRAGMA journal_mode = WAL");
        for (const std::string& sql : bench::setupStatements(bench::Dialect::sqlite)) db.execute(sql);
        std::atexit([] {
            for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(sqliteFile() + suffix);
        });
        return file.string();
    }();
    return path;
}

void sqliteFileConnection(benchmark::State& state) {
    bench::guarded(state, [&] {
        auto db = drizzle::sqlite::open(sqliteFile());
        lookups(state, db, sqliteUsers);
    });
}
void sqliteFilePool(benchmark::State& state) {
    bench::guarded(state, [&] {
        auto db = drizzle::sqlite::pool(sqliteFile(), {.max = 1});
        lookups(state, db, sqliteUsers);
    });
}

}  // namespace

BENCHMARK(rawPgThreads)->Name("raw/pg/pk_lookup_16_threads")->Threads(threads)->UseRealTime();
BENCHMARK(ormPgThreads)->Name("orm/pg/pk_lookup_16_threads")->Threads(threads)->UseRealTime();
BENCHMARK(poolPgThreads)->Name("pool/pg/pk_lookup_16_threads")->Threads(threads)->UseRealTime();
BENCHMARK(sqliteFileConnection)->Name("orm/sqlite/pk_lookup_file")->UseRealTime();
BENCHMARK(sqliteFilePool)->Name("pool/sqlite/pk_lookup_file")->UseRealTime();

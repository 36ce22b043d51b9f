// Raw SQLite C API: the baseline the ORM's SQLite side is measured against, written as a C
// programmer writes it for speed: each statement prepared once, bind / step / reset, columns
// read straight into the structs, one LEFT JOIN for users_with_posts.
#include "bench_data.hpp"
#include "bench_util.hpp"

#include <benchmark/benchmark.h>
#include <sqlite3.h>

#include <memory>
#include <stdexcept>
#include <string>

namespace {

using namespace bench;

using Statement = std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)>;

// The raw side's in-memory database, opened with the flags drizzle's SQLite driver uses (and
// foreign keys on, as it sets them) so that orm/raw compares the ORM, not connection settings.
class Database {
public:
    static Database& get() {
        static Database database;
        return database;
    }

    Statement prepare(const char* sql) {
        sqlite3_stmt* stmt = nullptr;
        if (sqlite3_prepare_v2(db_, sql, -1, &stmt, nullptr) != SQLITE_OK) fail(sql);
        return {stmt, &sqlite3_finalize};
    }

    void exec(const char* sql) {
        if (sqlite3_exec(db_, sql, nullptr, nullptr, nullptr) != SQLITE_OK) fail(sql);
    }

    [[noreturn]] void fail(const char* what) {
        throw std::runtime_error(std::string("SQLite: ") + sqlite3_errmsg(db_) + " in " + std::string(what).substr(0, 80));
    }

private:
    Database() {
        const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX;
        if (sqlite3_open_v2(":memory:", &db_, flags, nullptr) != SQLITE_OK) fail("open");
        exec("PRAGMA foreign_keys = ON");
        for (const std::string& sql : setupStatements(Dialect::sqlite)) exec(sql.c_str());
    }
    ~Database() { sqlite3_close_v2(db_); }

    sqlite3* db_ = nullptr;
};

std::string text(sqlite3_stmt* stmt, int column) {
    // sqlite3_column_text before sqlite3_column_bytes: the documented order for UTF-8 text.
    const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(stmt, column));
    return {data, static_cast<size_t>(sqlite3_column_bytes(stmt, column))};
}

std::optional<int32_t> optionalInt(sqlite3_stmt* stmt, int column) {
    if (sqlite3_column_type(stmt, column) == SQLITE_NULL) return std::nullopt;
    return sqlite3_column_int(stmt, column);
}

User readUser(sqlite3_stmt* stmt) {
    return {sqlite3_column_int(stmt, 0), text(stmt, 1), text(stmt, 2), optionalInt(stmt, 3)};
}

void pkLookup(benchmark::State& state) {
    guarded(state, [&] {
        Database& db = Database::get();
        Statement select = db.prepare("select id, name, email, age from users where id = ?");
        auto lookup = [&](int32_t id) {
            sqlite3_bind_int(select.get(), 1, id);
            if (sqlite3_step(select.get()) != SQLITE_ROW) db.fail("pk_lookup");
            User user = readUser(select.get());
            sqlite3_reset(select.get());
            return user;
        };
        if (!check(state, checkUser(lookup(1234), 1234))) return;
        int32_t id = 0;
        for (auto _ : state) {
            id = id % userCount + 1;
            User user = lookup(id);
            benchmark::DoNotOptimize(user);
        }
    });
}

void scan10k(benchmark::State& state) {
    guarded(state, [&] {
        Database& db = Database::get();
        Statement select = db.prepare("select id, name, email, age from users");
        auto scan = [&] {
            std::vector<User> users;
            int rc;
            while ((rc = sqlite3_step(select.get())) == SQLITE_ROW) users.push_back(readUser(select.get()));
            if (rc != SQLITE_DONE) db.fail("scan_10k");
            sqlite3_reset(select.get());
            return users;
        };
        if (!check(state, checkUsers(scan()))) return;
        for (auto _ : state) {
            std::vector<User> users = scan();
            benchmark::DoNotOptimize(users);
        }
    });
}

void insert100k(benchmark::State& state) {
    guarded(state, [&] {
        Database& db = Database::get();
        Statement insert = db.prepare("insert into bulk (id, name, email, age) values (?, ?, ?, ?)");
        const std::vector<User>& rows = bulkRows();
        auto insertAll = [&] {
            db.exec("BEGIN");
            sqlite3_stmt* stmt = insert.get();
            for (const User& row : rows) {
                sqlite3_bind_int(stmt, 1, row.id);
                sqlite3_bind_text(stmt, 2, row.name.data(), static_cast<int>(row.name.size()), SQLITE_STATIC);
                sqlite3_bind_text(stmt, 3, row.email.data(), static_cast<int>(row.email.size()), SQLITE_STATIC);
                if (row.age) sqlite3_bind_int(stmt, 4, *row.age);
                else sqlite3_bind_null(stmt, 4);
                if (sqlite3_step(stmt) != SQLITE_DONE) db.fail("insert_100k");
                sqlite3_reset(stmt);
            }
            db.exec("COMMIT");
        };
        db.exec(emptyBulkSql(Dialect::sqlite));
        insertAll();
        Statement count = db.prepare("select count(*) from bulk");
        Statement row = db.prepare("select id, name, email, age from bulk where id = 5000");
        if (sqlite3_step(count.get()) != SQLITE_ROW || sqlite3_step(row.get()) != SQLITE_ROW) db.fail("insert_100k check");
        if (!check(state, checkBulk(sqlite3_column_int64(count.get(), 0), readUser(row.get())))) return;
        for (auto _ : state) {
            state.PauseTiming();
            db.exec(emptyBulkSql(Dialect::sqlite));
            state.ResumeTiming();
            insertAll();
        }
        db.exec(emptyBulkSql(Dialect::sqlite));
    });
}

void usersWithPosts(benchmark::State& state) {
    guarded(state, [&] {
        Database& db = Database::get();
        Statement select = db.prepare(
            "select u.id, u.name, u.email, u.age, p.id, p.user_id, p.title, p.body"
            " from (select id, name, email, age from users order by id limit ?) u"
            " left join posts p on p.user_id = u.id"
            " order by u.id, p.id");
        sqlite3_bind_int(select.get(), 1, relationUserCount);
        auto read = [&] {
            sqlite3_stmt* stmt = select.get();
            std::vector<UserWithPosts> users;
            int rc;
            while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
                const int32_t userId = sqlite3_column_int(stmt, 0);
                if (users.empty() || users.back().id != userId)
                    users.push_back({userId, text(stmt, 1), text(stmt, 2), optionalInt(stmt, 3), {}});
                if (sqlite3_column_type(stmt, 4) == SQLITE_NULL) continue;  // a user without posts
                std::optional<std::string> body;
                if (sqlite3_column_type(stmt, 7) != SQLITE_NULL) body = text(stmt, 7);
                users.back().posts.push_back(
                    {sqlite3_column_int(stmt, 4), sqlite3_column_int(stmt, 5), text(stmt, 6), std::move(body)});
            }
            if (rc != SQLITE_DONE) db.fail("users_with_posts");
            sqlite3_reset(stmt);
            return users;
        };
        if (!check(state, checkUsersWithPosts(read()))) return;
        for (auto _ : state) {
            std::vector<UserWithPosts> users = read();
            benchmark::DoNotOptimize(users);
        }
    });
}

}  // namespace

BENCHMARK(pkLookup)->Name("raw/sqlite/pk_lookup")->UseRealTime();
BENCHMARK(scan10k)->Name("raw/sqlite/scan_10k")->UseRealTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(insert100k)->Name("raw/sqlite/insert_100k")->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(usersWithPosts)->Name("raw/sqlite/users_with_posts")->UseRealTime()->Unit(benchmark::kMicrosecond);

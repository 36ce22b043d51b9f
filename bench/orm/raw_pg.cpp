// Raw libpq: the baseline the ORM's PostgreSQL side is measured against, over loopback, written
// as a libpq programmer writes it for speed: statements prepared once on the server, text
// parameters and results parsed with std::from_chars, one LEFT JOIN for users_with_posts, and
// insert_100k as a prepared 1,000-row INSERT (faster here than pipelined single-row inserts;
// COPY is out of scope).
#include "bench_data.hpp"
#include "bench_util.hpp"

#include <benchmark/benchmark.h>
#include <libpq-fe.h>

#include <array>
#include <charconv>
#include <memory>
#include <stdexcept>
#include <string>

namespace {

using namespace bench;

using Result = std::unique_ptr<PGresult, decltype(&PQclear)>;

constexpr int rowsPerInsert = 1'000;
constexpr int bulkColumns = 4;

// The raw side's connection, with its statements prepared, shared by its benchmarks.
class Connection {
public:
    static Connection& get(const char* url) {
        static Connection connection(url);
        return connection;
    }

    Result exec(const char* sql) { return checked(PQexec(conn_, sql), sql); }

    Result execPrepared(const char* name, int count, const char* const* values) {
        return checked(PQexecPrepared(conn_, name, count, values, nullptr, nullptr, 0), name);
    }

private:
    explicit Connection(const char* url) : conn_(PQconnectdb(url)) {
        if (PQstatus(conn_) != CONNECTION_OK) {
            const std::string message = PQerrorMessage(conn_);
            PQfinish(conn_);
            throw std::runtime_error("PostgreSQL: " + message);
        }
        prepare("pk_lookup", "select id, name, email, age from users where id = $1");
        prepare("scan_10k", "select id, name, email, age from users");
        prepare("users_with_posts",
                "select u.id, u.name, u.email, u.age, p.id, p.user_id, p.title, p.body"
                " from (select id, name, email, age from users order by id limit $1) u"
                " left join posts p on p.user_id = u.id"
                " order by u.id, p.id");
        std::string insert = "insert into bulk (id, name, email, age) values ";
        for (int row = 0; row < rowsPerInsert; ++row) {
            const int p = row * bulkColumns;
            insert += (row ? ", ($" : "($") + std::to_string(p + 1) + ", $" + std::to_string(p + 2) + ", $" +
                      std::to_string(p + 3) + ", $" + std::to_string(p + 4) + ")";
        }
        prepare("insert_1000", insert.c_str());
    }
    ~Connection() { PQfinish(conn_); }

    void prepare(const char* name, const char* sql) { checked(PQprepare(conn_, name, sql, 0, nullptr), name); }

    Result checked(PGresult* raw, const char* what) {
        Result result(raw, &PQclear);
        const ExecStatusType status = PQresultStatus(raw);
        if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
            throw std::runtime_error(std::string("PostgreSQL: ") + PQerrorMessage(conn_) + " in " + what);
        return result;
    }

    PGconn* conn_;
};

// An int32 as text, for a parameter.
struct IntText {
    std::array<char, 12> chars;
    explicit IntText(int32_t value) { *std::to_chars(chars.data(), chars.data() + 11, value).ptr = '\0'; }
    const char* c_str() const { return chars.data(); }
};

int32_t intAt(const PGresult* r, int row, int column) {
    const char* value = PQgetvalue(r, row, column);
    int32_t out = 0;
    std::from_chars(value, value + PQgetlength(r, row, column), out);
    return out;
}

std::string textAt(const PGresult* r, int row, int column) {
    return {PQgetvalue(r, row, column), static_cast<size_t>(PQgetlength(r, row, column))};
}

std::optional<int32_t> optionalIntAt(const PGresult* r, int row, int column) {
    if (PQgetisnull(r, row, column)) return std::nullopt;
    return intAt(r, row, column);
}

User userAt(const PGresult* r, int row) {
    return {intAt(r, row, 0), textAt(r, row, 1), textAt(r, row, 2), optionalIntAt(r, row, 3)};
}

void pkLookup(benchmark::State& state) {
    guarded(state, [&] {
        const char* url = pgDatabase(state);
        if (!url) return;
        Connection& db = Connection::get(url);
        auto lookup = [&](int32_t id) {
            const IntText param(id);
            const char* values[] = {param.c_str()};
            Result r = db.execPrepared("pk_lookup", 1, values);
            if (PQntuples(r.get()) != 1) throw std::runtime_error("pk_lookup: no row for id " + std::to_string(id));
            return userAt(r.get(), 0);
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
        const char* url = pgDatabase(state);
        if (!url) return;
        Connection& db = Connection::get(url);
        auto scan = [&] {
            Result r = db.execPrepared("scan_10k", 0, nullptr);
            const int rows = PQntuples(r.get());
            std::vector<User> users;
            users.reserve(rows);  // libpq hands over the whole result: its size is known
            for (int row = 0; row < rows; ++row) users.push_back(userAt(r.get(), row));
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
        const char* url = pgDatabase(state);
        if (!url) return;
        Connection& db = Connection::get(url);
        const std::vector<User>& rows = bulkRows();
        static_assert(bulkCount % rowsPerInsert == 0);
        std::vector<IntText> numbers;  // ids and ages of one statement, as text
        std::vector<const char*> values(rowsPerInsert * bulkColumns);
        auto insertAll = [&] {
            db.exec("BEGIN");
            for (size_t first = 0; first < rows.size(); first += rowsPerInsert) {
                numbers.clear();
                numbers.reserve(rowsPerInsert * 2);
                for (int i = 0; i < rowsPerInsert; ++i) {
                    const User& row = rows[first + i];
                    const char** v = &values[i * bulkColumns];
                    v[0] = numbers.emplace_back(row.id).c_str();
                    v[1] = row.name.c_str();
                    v[2] = row.email.c_str();
                    v[3] = row.age ? numbers.emplace_back(*row.age).c_str() : nullptr;
                }
                db.execPrepared("insert_1000", static_cast<int>(values.size()), values.data());
            }
            db.exec("COMMIT");
        };
        db.exec(emptyBulkSql(Dialect::pg));
        insertAll();
        Result count = db.exec("select count(*) from bulk");
        Result row = db.exec("select id, name, email, age from bulk where id = 5000");
        if (PQntuples(row.get()) != 1) throw std::runtime_error("insert_100k: no row 5000");
        if (!check(state, checkBulk(std::stoll(PQgetvalue(count.get(), 0, 0)), userAt(row.get(), 0)))) return;
        for (auto _ : state) {
            state.PauseTiming();
            db.exec(emptyBulkSql(Dialect::pg));
            state.ResumeTiming();
            insertAll();
        }
        db.exec(emptyBulkSql(Dialect::pg));
    });
}

void usersWithPosts(benchmark::State& state) {
    guarded(state, [&] {
        const char* url = pgDatabase(state);
        if (!url) return;
        Connection& db = Connection::get(url);
        const IntText limit(relationUserCount);
        const char* values[] = {limit.c_str()};
        auto read = [&] {
            Result result = db.execPrepared("users_with_posts", 1, values);
            const PGresult* r = result.get();
            std::vector<UserWithPosts> users;
            for (int row = 0, rows = PQntuples(r); row < rows; ++row) {
                const int32_t userId = intAt(r, row, 0);
                if (users.empty() || users.back().id != userId)
                    users.push_back({userId, textAt(r, row, 1), textAt(r, row, 2), optionalIntAt(r, row, 3), {}});
                if (PQgetisnull(r, row, 4)) continue;  // a user without posts
                std::optional<std::string> body;
                if (!PQgetisnull(r, row, 7)) body = textAt(r, row, 7);
                users.back().posts.push_back({intAt(r, row, 4), intAt(r, row, 5), textAt(r, row, 6), std::move(body)});
            }
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

BENCHMARK(pkLookup)->Name("raw/pg/pk_lookup")->UseRealTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(scan10k)->Name("raw/pg/scan_10k")->UseRealTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(insert100k)->Name("raw/pg/insert_100k")->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(usersWithPosts)->Name("raw/pg/users_with_posts")->UseRealTime()->Unit(benchmark::kMicrosecond);

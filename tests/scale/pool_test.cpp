// Connection pools against real servers: many threads through one Database, transactions that
// keep their connection, a full pool that says so, connections the server closed replaced, and
// SQLite's readers reading while its writer writes.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

#include "drizzle/orm.hpp"
#include "scale_schema.hpp"
#include "support.hpp"

using namespace drizzle;
using namespace std::chrono_literals;
using driver::test::errorOf;
using driver::test::ScratchDatabase;
using scale::Item;

namespace {

// Runs `work(t)` on `threads` threads at once; the messages of what they threw.
template <class F>
std::vector<std::string> onThreads(int threads, F&& work) {
    std::mutex mutex;
    std::vector<std::string> failures;
    std::vector<std::thread> running;
    for (int t = 0; t < threads; ++t)
        running.emplace_back([&, t] {
            try {
                work(t);
            } catch (const std::exception& e) {
                std::lock_guard lock(mutex);
                failures.push_back(e.what());
            }
        });
    for (auto& r : running) r.join();
    return failures;
}

// A one-shot latch: wait() blocks until open().
class Gate {
public:
    void open() {
        std::lock_guard lock(mutex_);
        open_ = true;
        changed_.notify_all();
    }
    void wait() {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] { return open_; });
    }

private:
    std::mutex mutex_;
    std::condition_variable changed_;
    bool open_ = false;
};

// Every thread writes its rows and reads back exactly its own, through one pool.
template <Dialect D, class Table>
void threadsWriteAndReadTheirOwnRows(DatabaseOf<D>& db, const Table& items, int threads, int each) {
    const auto failures = onThreads(threads, [&](int t) {
        for (int i = 0; i < each; ++i) db.insert(items).values(Item{0, t, "row " + std::to_string(i)}).execute();
        const auto mine = db.select().from(items).where(eq(&Item::worker, t)).all();
        if (static_cast<int>(mine.size()) != each)
            throw std::runtime_error("thread " + std::to_string(t) + " read " + std::to_string(mine.size()) + " rows");
        // A prepared statement of the thread's own, run many times across pooled connections.
        auto count = db.select(drizzle::count()).from(items).where(eq(&Item::worker, placeholder("w"))).prepare();
        for (int i = 0; i < 20; ++i)
            if (std::get<0>(*count.get({{"w", t}})) != each) throw std::runtime_error("the prepared count differs");
    });
    EXPECT_TRUE(failures.empty()) << failures.front();
    EXPECT_EQ(db.count(items), threads * each);
}

// Inside db.transaction every statement of the thread runs on one connection, whose work the
// other threads do not see before the commit.
template <Dialect D, class Table, class Backend>
void aTransactionKeepsItsConnection(DatabaseOf<D>& db, const Table& items, Backend backendOf) {
    db.insert(items).values(Item{0, 99, "seed"}).execute();
    Gate written, checked;
    std::int64_t outside = -1;
    std::thread other([&] {
        written.wait();
        outside = db.count(items, eq(&Item::worker, 7));
        checked.open();
    });
    db.transaction([&] {
        const auto first = backendOf(db);
        db.insert(items).values(Item{0, 7, "in the transaction"}).execute();
        EXPECT_EQ(db.count(items, eq(&Item::worker, 7)), 1);
        EXPECT_EQ(backendOf(db), first);
        written.open();
        checked.wait();
        db.transaction([&] { EXPECT_EQ(backendOf(db), first); });  // a savepoint, same connection
    });
    other.join();
    EXPECT_EQ(outside, 0);
    EXPECT_EQ(db.count(items, eq(&Item::worker, 7)), 1);
}

// A pool of one whose connection a transaction holds: another thread's query waits, then fails
// with a timeout that says why; after the commit it runs.
template <Dialect D, class Table>
void aFullPoolTimesOutClearly(DatabaseOf<D>& db, const Table& items) {
    Gate begun, timedOut;
    std::thread holder([&] {
        db.transaction([&] {
            db.insert(items).values(Item{0, 1, "held"}).execute();
            begun.open();
            timedOut.wait();
        });
    });
    begun.wait();
    const auto started = std::chrono::steady_clock::now();
    const Error e = errorOf([&] { db.count(items); });
    const auto waited = std::chrono::steady_clock::now() - started;
    timedOut.open();
    holder.join();
    EXPECT_EQ(e.category(), ErrorCategory::timeout);
    EXPECT_NE(std::string(e.what()).find("came free within 200 ms (all 1 are in use)"), std::string::npos) << e.what();
    EXPECT_GE(waited, 190ms);
    EXPECT_EQ(db.count(items), 1);
}

std::int64_t pgBackend(Database& db) {
    return std::get<0>(*db.select(sql<std::int64_t>("pg_backend_pid()")).from(scale_pg::items).limit(1).get());
}
std::int64_t mysqlBackend(Database& db) {
    return std::get<0>(*db.select(sql<std::int64_t>("connection_id()")).from(scale_mysql::items).limit(1).get());
}

}  // namespace

// ---------------------------------------------------------------- PostgreSQL

class PgPool : public ::testing::Test {
protected:
    ScratchDatabase scratch{Dialect::postgresql};
    void SetUp() override { scratch.connect()->execute(scale_pg::ddl); }
    // Server connections to the scratch database, other than the admin's.
    std::int64_t backends() {
        return scratch.admin()
            .query("select count(*) from pg_stat_activity where datname = ?", {scratch.name()})
            .integer(0, 0);
    }
};

TEST_F(PgPool, SixteenThreadsShareFourConnections) {
    auto db = pg::pool(scratch.url(), {.max = 4});
    threadsWriteAndReadTheirOwnRows(db, scale_pg::items, 16, 25);
    EXPECT_LE(backends(), 4);
    EXPECT_GE(backends(), 1);
}

TEST_F(PgPool, ATransactionKeepsOneConnectionForItsThread) {
    auto db = pg::pool(scratch.url(), {.max = 4});
    aTransactionKeepsItsConnection(db, scale_pg::items, pgBackend);
}

TEST_F(PgPool, AFullPoolTimesOutWithAClearError) {
    auto db = pg::pool(scratch.url(), {.max = 1, .acquireTimeout = 200ms});
    aFullPoolTimesOutClearly(db, scale_pg::items);
}

TEST_F(PgPool, ConnectionsTheServerClosedAreReplaced) {
    auto db = pg::pool(scratch.url(), {.max = 2, .checkAfterIdle = 0ms});
    db.insert(scale_pg::items).values(Item{0, 1, "a"}).execute();
    const std::int64_t before = pgBackend(db);
    scratch.admin().query("select pg_terminate_backend(pid) from pg_stat_activity where datname = ?", {scratch.name()});
    for (int i = 0; i < 50 && backends() > 0; ++i) std::this_thread::sleep_for(20ms);
    std::this_thread::sleep_for(100ms);  // the backend leaves the view before its socket closes
    // The idle connection is found closed before it is lent: the query runs on a new one.
    EXPECT_NE(pgBackend(db), before);
    EXPECT_EQ(db.count(scale_pg::items), 1);
}

TEST_F(PgPool, AConnectionLostMidQueryIsDroppedNotLentAgain) {
    // No check before lending: the query meets the closed connection and says so; the next
    // query gets a new connection.
    auto db = pg::pool(scratch.url(), {.max = 1, .checkAfterIdle = 1h});
    db.insert(scale_pg::items).values(Item{0, 1, "a"}).execute();
    scratch.admin().query("select pg_terminate_backend(pid) from pg_stat_activity where datname = ?", {scratch.name()});
    for (int i = 0; i < 50 && backends() > 0; ++i) std::this_thread::sleep_for(20ms);
    const Error lost = errorOf([&] { db.count(scale_pg::items); });
    EXPECT_EQ(lost.category(), ErrorCategory::connection) << lost.what();
    EXPECT_EQ(db.count(scale_pg::items), 1);
}

TEST_F(PgPool, BadCredentialsFailWhenThePoolIsMade) {
    const Error e = errorOf([&] { pg::pool(scratch.url() + "_missing"); });
    EXPECT_EQ(e.category(), ErrorCategory::connection);
}

TEST_F(PgPool, UnpreparedStatementsRunLikePreparedOnes) {
    auto db = pg::pool(scratch.url(), {.max = 2, .prepare = false});
    db.insert(scale_pg::items).values(Item{0, 3, "x"}).execute();
    auto byWorker = db.select().from(scale_pg::items).where(eq(&Item::worker, placeholder("w"))).prepare();
    for (int i = 0; i < 3; ++i) EXPECT_EQ(byWorker.all({{"w", 3}}).size(), 1u);
    EXPECT_EQ(scratch.admin().query("select count(*) from pg_prepared_statements").integer(0, 0), 0);
    auto one = pg::connect(scratch.url(), {.prepare = false});
    auto again = one.select().from(scale_pg::items).where(eq(&Item::worker, placeholder("w"))).prepare();
    EXPECT_EQ(again.all({{"w", 3}}).size(), 1u);
}

// ---------------------------------------------------------------- MariaDB

class MysqlPool : public ::testing::Test {
protected:
    ScratchDatabase scratch{Dialect::mysql};
    void SetUp() override { scratch.connect()->execute(scale_mysql::ddl); }
    std::int64_t connections() {
        return scratch.admin()
            .query("select count(*) from information_schema.processlist where db = ?", {scratch.name()})
            .integer(0, 0);
    }
};

TEST_F(MysqlPool, SixteenThreadsShareFourConnections) {
    auto db = mysql::pool(scratch.url(), {.max = 4});
    threadsWriteAndReadTheirOwnRows(db, scale_mysql::items, 16, 25);
    EXPECT_LE(connections(), 4);
}

TEST_F(MysqlPool, ATransactionKeepsOneConnectionForItsThread) {
    auto db = mysql::pool(scratch.url(), {.max = 4});
    aTransactionKeepsItsConnection(db, scale_mysql::items, mysqlBackend);
}

TEST_F(MysqlPool, AFullPoolTimesOutWithAClearError) {
    auto db = mysql::pool(scratch.url(), {.max = 1, .acquireTimeout = 200ms});
    aFullPoolTimesOutClearly(db, scale_mysql::items);
}

TEST_F(MysqlPool, ConnectionsTheServerClosedAreReplaced) {
    auto db = mysql::pool(scratch.url(), {.max = 2, .checkAfterIdle = 0ms});
    db.insert(scale_mysql::items).values(Item{0, 1, "a"}).execute();
    const std::int64_t before = mysqlBackend(db);
    scratch.admin().execute("KILL " + std::to_string(before));
    for (int i = 0; i < 50 && connections() > 0; ++i) std::this_thread::sleep_for(20ms);
    std::this_thread::sleep_for(100ms);  // the connection leaves the list before its socket closes
    EXPECT_NE(mysqlBackend(db), before);
    EXPECT_EQ(db.count(scale_mysql::items), 1);
}

// ---------------------------------------------------------------- SQLite

class SqlitePool : public ::testing::Test {
protected:
    std::filesystem::path file = std::filesystem::temp_directory_path() /
                                 ("drizzle-pool-" + std::to_string(::getpid()) + "-" +
                                  ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".db");
    void SetUp() override {
        std::filesystem::remove(file);
        sqlite::open(file.string()).execute(scale_sqlite::ddl);
    }
    void TearDown() override {
        for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(file.string() + suffix);
    }
};

TEST_F(SqlitePool, ThreadsWriteThroughOneWriterAndReadThroughReaders) {
    auto db = sqlite::pool(file.string(), {.max = 4});
    threadsWriteAndReadTheirOwnRows(db, scale_sqlite::items, 8, 25);
    EXPECT_EQ(driver::connect(Dialect::sqlite, driver::test::urlCredentials(file.string()))
                  ->query("pragma journal_mode")
                  .text(0, 0),
              "wal");
}

TEST_F(SqlitePool, ReadersReadWhileTheWriterHoldsATransaction) {
    auto db = sqlite::pool(file.string(), {.max = 2, .acquireTimeout = 2s});
    db.insert(scale_sqlite::items).values(Item{0, 1, "committed"}).execute();
    Gate written, read;
    std::int64_t seen = -1;
    std::thread reader([&] {
        written.wait();
        seen = db.count(scale_sqlite::items);  // a reader: does not wait for the writer
        read.open();
    });
    db.transaction([&] {
        db.insert(scale_sqlite::items).values(Item{0, 2, "not yet"}).execute();
        written.open();
        read.wait();
    });
    reader.join();
    EXPECT_EQ(seen, 1);
    EXPECT_EQ(db.count(scale_sqlite::items), 2);
}

TEST_F(SqlitePool, AFullWriterTimesOutWithAClearError) {
    auto db = sqlite::pool(file.string(), {.max = 2, .acquireTimeout = 200ms});
    Gate begun, timedOut;
    std::thread holder([&] {
        db.transaction([&] {
            begun.open();
            timedOut.wait();
        });
    });
    begun.wait();
    const Error e = errorOf([&] { db.insert(scale_sqlite::items).values(Item{0, 1, "x"}).execute(); });
    timedOut.open();
    holder.join();
    EXPECT_EQ(e.category(), ErrorCategory::timeout) << e.what();
}

TEST_F(SqlitePool, InMemoryDatabasesAreRefused) {
    const Error e = errorOf([] { sqlite::pool(":memory:"); });
    EXPECT_EQ(e.category(), ErrorCategory::usage);
    EXPECT_NE(std::string(e.what()).find("a database of its own"), std::string::npos);
}

// withReplicas against real servers: which statements a replica answers and which the primary
// does, the picker, replicas that go down, and a real streaming hot standby when the test
// scripts started one (DRIZZLE_TEST_PG_STANDBY_URL).
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <set>
#include <thread>

#include "drizzle/orm.hpp"
#include "common/topology.hpp"
#include "scale_schema.hpp"
#include "support.hpp"

using namespace drizzle;
using namespace std::chrono_literals;
using driver::test::errorOf;
using driver::test::ScratchDatabase;
using scale::Item;
using scale_pg::items;

namespace {

// Three databases on the test server standing for a primary and two replicas: each holds one
// row whose note names it, so a read says who answered.
class PgReplicas : public ::testing::Test {
protected:
    ScratchDatabase primary{Dialect::postgresql}, replicaA{Dialect::postgresql}, replicaB{Dialect::postgresql};
    void SetUp() override {
        using Named = std::pair<ScratchDatabase*, const char*>;
        for (auto [database, name] : {Named{&primary, "primary"}, Named{&replicaA, "replica A"}, Named{&replicaB, "replica B"}}) {
            auto c = database->connect();
            c->execute(scale_pg::ddl);
            c->query("insert into items (worker, note) values (1, ?)", {std::string(name)});
        }
    }
    static std::string answeredBy(Database& db) { return db.select().from(items).orderBy(asc(&Item::id)).get()->note; }
    std::int64_t rowsIn(ScratchDatabase& database) { return database.connect()->query("select count(*) from items").integer(0, 0); }
    // Takes a database away: its connections end and new ones are refused.
    static void takeDown(ScratchDatabase& database) {
        database.admin().execute("alter database \"" + database.name() + "\" allow_connections false");
        database.admin().query("select pg_terminate_backend(pid) from pg_stat_activity where datname = ?", {database.name()});
        for (int i = 0; i < 100; ++i) {
            if (database.admin().query("select count(*) from pg_stat_activity where datname = ?", {database.name()}).integer(0, 0) == 0)
                return;
            std::this_thread::sleep_for(20ms);
        }
    }
    static void bringUp(ScratchDatabase& database) {
        database.admin().execute("alter database \"" + database.name() + "\" allow_connections true");
    }
};

std::size_t second(std::size_t) { return 1; }

}  // namespace

TEST_F(PgReplicas, SelectsGoToAReplicaAndWritesToThePrimary) {
    auto db = withReplicas(pg::pool(primary.url()), pg::pool(replicaA.url()));
    EXPECT_EQ(answeredBy(db), "replica A");
    EXPECT_EQ(db.query(items).findFirst()->note, "replica A");  // relational queries are reads too
    auto prepared = db.select().from(items).where(eq(&Item::worker, placeholder("w"))).prepare();
    EXPECT_EQ(prepared.get({{"w", 1}})->note, "replica A");

    db.insert(items).values(Item{0, 2, "written"}).execute();
    db.update(items).set(&Item::note, "updated").where(eq(&Item::worker, 2)).execute();
    const auto returned = db.insert(items).values(Item{0, 3, "returned"}).returning().all();
    ASSERT_EQ(returned.size(), 1u);
    EXPECT_EQ(returned[0].id, 3);  // the primary's sequence: its row 1, then 2, then this
    EXPECT_EQ(rowsIn(primary), 3);
    EXPECT_EQ(rowsIn(replicaA), 1);
}

TEST_F(PgReplicas, TransactionsLockingSelectsAndPrimaryReadThePrimary) {
    auto db = withReplicas(pg::pool(primary.url()), pg::pool(replicaA.url()));
    db.transaction([&] {
        EXPECT_EQ(answeredBy(db), "primary");
        EXPECT_EQ(db.select().from(items).forUpdate().get()->note, "primary");
    });
    EXPECT_EQ(db.primary().select().from(items).get()->note, "primary");
    EXPECT_EQ(answeredBy(db), "replica A");
}

TEST_F(PgReplicas, ThePickerChoosesTheReplica) {
    auto db = withReplicas(pg::pool(primary.url()), pg::pool(replicaA.url()), pg::pool(replicaB.url()), second);
    for (int i = 0; i < 5; ++i) EXPECT_EQ(answeredBy(db), "replica B");
    auto random = withReplicas(pg::pool(primary.url()), pg::pool(replicaA.url()), pg::pool(replicaB.url()));
    std::set<std::string> seen;
    for (int i = 0; i < 64; ++i) seen.insert(answeredBy(random));
    EXPECT_EQ(seen, (std::set<std::string>{"replica A", "replica B"}));
    auto wrong = withReplicas(pg::pool(primary.url()), pg::pool(replicaA.url()), [](std::size_t n) { return n; });
    EXPECT_EQ(errorOf([&] { answeredBy(wrong); }).category(), ErrorCategory::usage);
}

TEST_F(PgReplicas, AReplicaThatIsDownIsSkippedThenThePrimaryAnswers) {
    const PoolOptions checked{.max = 2, .checkAfterIdle = 0ms};
    auto db = withReplicas(pg::pool(primary.url(), checked), pg::pool(replicaA.url(), checked), pg::pool(replicaB.url(), checked),
                           second);
    EXPECT_EQ(answeredBy(db), "replica B");
    takeDown(replicaB);
    EXPECT_EQ(answeredBy(db), "replica A");
    takeDown(replicaA);
    EXPECT_EQ(answeredBy(db), "primary");
    bringUp(replicaA);
    bringUp(replicaB);
    EXPECT_EQ(answeredBy(db), "replica B");
}

// ---------------------------------------------------------------- a real hot standby

TEST(PgStandby, ReadsReachTheStandbyAndItRefusesWrites) {
    const std::string standbyServer = topologyUrl("DRIZZLE_TEST_PG_STANDBY_URL", "standby");
    if (standbyServer.empty()) GTEST_SKIP() << skippedTopology("standby");
    ScratchDatabase scratch{Dialect::postgresql};  // on the primary; streamed to the standby
    scratch.connect()->execute(scale_pg::ddl);
    scratch.connect()->query("insert into items (worker, note) values (1, 'streamed')");
    const std::string standbyUrl = driver::test::withDatabase(standbyServer, scratch.name());

    // The standby replays the primary's WAL: the database, its table and row appear there.
    std::optional<DatabaseOf<Dialect::postgresql>> standby;
    for (int i = 0; i < 1200 && !standby; ++i) {  // up to 60 s: replay lags under load
        try {
            auto s = pg::connect(standbyUrl);
            if (s.count(items) == 1) standby.emplace(std::move(s));
        } catch (const Error&) {
        }
        if (!standby) std::this_thread::sleep_for(50ms);
    }
    ASSERT_TRUE(standby) << "the standby did not show the primary's row within 60 s";

    const Error refused = errorOf([&] { standby->insert(items).values(Item{0, 2, "no"}).execute(); });
    EXPECT_EQ(refused.category(), ErrorCategory::readOnly) << refused.what();

    auto db = withReplicas(pg::pool(scratch.url()), pg::pool(standbyUrl));
    EXPECT_EQ(db.select(sql<bool>("pg_is_in_recovery()")).from(items).get().value(), std::tuple{true});
    EXPECT_EQ(db.primary().select(sql<bool>("pg_is_in_recovery()")).from(items).get().value(), std::tuple{false});
    db.insert(items).values(Item{0, 2, "written on the primary"}).execute();  // would fail on the standby
    for (int i = 0; i < 1200 && db.count(items) != 2; ++i) std::this_thread::sleep_for(50ms);
    EXPECT_EQ(db.count(items), 2);
}

// ---------------------------------------------------------------- PgBouncer, transaction pooling

TEST(PgBouncerPool, ThreadsThroughThePoolerRunPreparedQueriesWithoutNamedStatements) {
    const std::string bouncer = topologyUrl("DRIZZLE_TEST_PGBOUNCER_URL", "pgbouncer");
    if (bouncer.empty()) GTEST_SKIP() << skippedTopology("pgbouncer");
    ScratchDatabase scratch{Dialect::postgresql};
    scratch.connect()->execute(scale_pg::ddl);
    auto db = pg::pool(driver::test::withDatabase(bouncer, scratch.name()), {.max = 8, .prepare = false});
    std::vector<std::thread> threads;
    std::atomic<int> wrong{0};
    for (int t = 0; t < 8; ++t)
        threads.emplace_back([&, t] {
            try {
                auto mine = db.select().from(items).where(eq(&Item::worker, placeholder("w"))).prepare();
                for (int i = 0; i < 20; ++i) {
                    db.transaction([&] { db.insert(items).values(Item{0, t, "through the pooler"}).execute(); });
                    if (mine.all({{"w", t}}).size() != static_cast<std::size_t>(i + 1)) ++wrong;
                }
            } catch (const std::exception& e) {
                ADD_FAILURE() << e.what();
                ++wrong;
            }
        });
    for (auto& t : threads) t.join();
    EXPECT_EQ(wrong, 0);
    EXPECT_EQ(db.count(items), 160);
}

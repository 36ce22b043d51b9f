// drizzle-kit migrate and pull where one server is not the whole story: behind PgBouncer in
// transaction pooling mode, against a streaming hot standby, on a three-node Galera cluster
// (started by scripts/test.sh: DRIZZLE_TEST_PGBOUNCER_URL, DRIZZLE_TEST_PG_STANDBY_URL,
// DRIZZLE_TEST_GALERA_URLS / _PIDS; a topology that was skipped skips its tests), plus the lock's
// deadline and the holder it names, on the single test servers.
#include <gtest/gtest.h>

#include <signal.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <set>
#include <sstream>

#include "drizzle/error.hpp"
#include "drizzle/kit/introspect.hpp"
#include "drizzle/kit/push.hpp"
#include "common/topology.hpp"
#include "support/cases.hpp"
#include "support/migrate_support.hpp"

namespace {

using namespace drizzle;
using namespace drizzle::migrate_test;

std::string env(const char* name) {
    const char* value = std::getenv(name);
    return value ? value : "";
}
std::vector<std::string> words(const std::string& text) {
    std::istringstream in(text);
    std::vector<std::string> out;
    for (std::string w; in >> w;) out.push_back(w);
    return out;
}
bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }
std::int64_t countRows(Dialect dialect, const std::string& url, const std::string& table) {
    return connectTo(dialect, url)->query("SELECT count(*) FROM " + table).integer(0, 0);
}
std::string recorded(Dialect dialect, const std::string& url) {
    const driver::Rows rows = connectTo(dialect, url)->query(
        dialect == Dialect::mysql ? "SELECT created_at, hash FROM __drizzle_migrations ORDER BY created_at"
                                  : "SELECT created_at, hash FROM drizzle.__drizzle_migrations ORDER BY created_at");
    std::string out;
    for (std::size_t i = 0; i < rows.size(); ++i) out += rows.text(i, 0) + " " + rows.text(i, 1) + "\n";
    return out;
}

// Eight migrate processes at once, the i-th on urls[i % n]: exactly one applies 0001_more.
void eightMigratorsApplyEachMigrationOnce(Dialect dialect, const std::string& fixtureDir, const std::vector<std::string>& urls) {
    MigrationsFolder folder = MigrationsFolder::fixture(fixtureDir, "basic");
    folder.add("0001_more", "CREATE TABLE more_t (id integer PRIMARY KEY);\n--> statement-breakpoint\nINSERT INTO more_t (id) VALUES (1);");
    folder.add("0002_again", "CREATE TABLE again_t (id integer PRIMARY KEY);");
    std::vector<std::unique_ptr<Child>> children;
    for (std::size_t i = 0; i < 8; ++i) children.push_back(std::make_unique<Child>(migrateArgs(dialect, urls[i % urls.size()], folder.path())));
    int appliers = 0;
    for (auto& child : children) {
        const Outcome run = child->wait();
        EXPECT_EQ(run.exitCode, 0) << run.describe();
        if (contains(run.out, "applied 0001_more")) ++appliers;
    }
    EXPECT_EQ(appliers, 1);
    for (const std::string& url : urls) {
        EXPECT_EQ(countRows(dialect, url, "more_t"), 1) << url;
        const std::string rows = recorded(dialect, url);
        EXPECT_EQ(std::count(rows.begin(), rows.end(), '\n'), 3) << rows;
        EXPECT_EQ(rows, recorded(dialect, urls[0]));
    }
}

}  // namespace

// ---------------------------------------------------------------- the lock, on one server

class MigrateLock : public ::testing::TestWithParam<Dialect> {};

TEST_P(MigrateLock, AWaitHasADeadlineAndNamesTheHolder) {
    const Dialect dialect = GetParam();
    TestDatabase db(dialect);
    const std::string dir = dialect == Dialect::mysql ? "mysql" : "pg";
    MigrationsFolder folder = MigrationsFolder::fixture(dir, "basic");
    ASSERT_EQ(runMigrate(db, folder.path()).exitCode, 0);
    folder.add("0001_more", "CREATE TABLE more_t (id integer);");

    // Another migrate's row, renewed a minute from now: this one waits, says who, and gives up.
    const std::string table = dialect == Dialect::mysql ? "__drizzle_migrations_lock" : "drizzle.__drizzle_migrations_lock";
    const std::string later = dialect == Dialect::mysql ? "UTC_TIMESTAMP(6) + INTERVAL 60 SECOND" : "now() + interval '60 seconds'";
    const std::string now = dialect == Dialect::mysql ? "UTC_TIMESTAMP(6)" : "now()";
    db.connect()->execute("INSERT INTO " + table + " (id, owner, acquired_at, expires_at) VALUES (1, 'the other migrate', " + now +
                          ", " + later + ")");
    const auto started = std::chrono::steady_clock::now();
    const Outcome waited = runMigrate(db, folder.path(), {"--lock-wait", "3"});
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    EXPECT_EQ(waited.exitCode, 7) << waited.describe();
    EXPECT_TRUE(contains(waited.err, "waiting for the migration lock")) << waited.describe();
    EXPECT_TRUE(contains(waited.err, "waited 3 s for the migration lock")) << waited.describe();
    EXPECT_TRUE(contains(waited.err, "held by the other migrate, since ")) << waited.describe();
    EXPECT_GE(seconds, 3.0);
    EXPECT_LT(seconds, 10.0);
    const auto tables = db.tables();
    EXPECT_EQ(std::count(tables.begin(), tables.end(), "more_t"), 0) << "nothing ran without the lock";

    // A holder that stopped renewing (a killed migrate) is taken over once its row expired.
    db.connect()->execute("UPDATE " + table + " SET expires_at = " + now);
    const Outcome after = runMigrate(db, folder.path(), {"--lock-wait", "3"});
    EXPECT_EQ(after.exitCode, 0) << after.describe();
    EXPECT_EQ(after.out, "applied 0001_more (1 statement)\n");
    EXPECT_EQ(countRows(dialect, db.url(), table), 0) << "the lock row is deleted when migrate ends";
}

INSTANTIATE_TEST_SUITE_P(Servers, MigrateLock, ::testing::Values(Dialect::postgresql, Dialect::mysql),
                         [](const auto& info) { return info.param == Dialect::mysql ? "mysql" : "pg"; });

// ---------------------------------------------------------------- PgBouncer, transaction pooling

TEST(MigratePgBouncer, EightMigratorsThroughThePoolerApplyEachMigrationOnce) {
    const std::string bouncer = topologyUrl("DRIZZLE_TEST_PGBOUNCER_URL", "pgbouncer");
    if (bouncer.empty()) GTEST_SKIP() << skippedTopology("pgbouncer");
    TestDatabase db(Dialect::postgresql);
    eightMigratorsApplyEachMigrationOnce(Dialect::postgresql, "pg", {db.urlOn(bouncer)});
    // Nothing stays locked on the pooled server connections.
    EXPECT_EQ(db.connect()->query("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'").integer(0, 0), 0);
    EXPECT_EQ(countRows(Dialect::postgresql, db.url(), "drizzle.__drizzle_migrations_lock"), 0);
}

// ---------------------------------------------------------------- a streaming hot standby

TEST(MigratePgStandby, MigrateFailsFastPullWorksAndTheStandbyFollows) {
    const std::string standby = topologyUrl("DRIZZLE_TEST_PG_STANDBY_URL", "standby");
    if (standby.empty()) GTEST_SKIP() << skippedTopology("standby");
    TestDatabase db(Dialect::postgresql);
    MigrationsFolder folder = MigrationsFolder::fixture("pg", "basic");
    ASSERT_EQ(runMigrate(db, folder.path()).exitCode, 0);
    const std::string onStandby = db.urlOn(standby);
    ASSERT_TRUE(waitUntil([&] {
        try {
            return recorded(Dialect::postgresql, onStandby) == recorded(Dialect::postgresql, db.url());
        } catch (const std::exception&) {
            return false;
        }
    }, 60)) << "the standby did not replay the first migration";

    folder.add("0001_more", "CREATE TABLE more_t (id integer);");
    const auto started = std::chrono::steady_clock::now();
    const Outcome refused = Child(migrateArgs(Dialect::postgresql, onStandby, folder.path())).wait();
    EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(10));
    EXPECT_EQ(refused.exitCode, 7) << refused.describe();
    EXPECT_TRUE(contains(refused.err, "is a hot standby (pg_is_in_recovery()): a read-only server")) << refused.describe();

    // push too, before it reads or changes anything.
    auto standbyConnection = connectTo(Dialect::postgresql, onStandby);
    const model::Schema schema = kit::introspect(*standbyConnection, {}).schema;
    kit::Config config;
    config.dialect = Dialect::postgresql;
    try {
        kit::pushSchema(*standbyConnection, schema, config, {});
        ADD_FAILURE() << "push ran on a standby";
    } catch (const Error& e) {
        EXPECT_EQ(e.category(), ErrorCategory::readOnly) << e.what();
        EXPECT_TRUE(contains(e.what(), "where push cannot write")) << e.what();
    }

    TempDir pulled;
    const Outcome pull = Child({DRIZZLE_KIT_BIN, "pull", "--dialect", "postgresql", "--url", onStandby, "--out", pulled.path().string()}).wait();
    EXPECT_EQ(pull.exitCode, 0) << pull.describe();
    EXPECT_TRUE(contains(readFile(pulled.path() / "schema.hpp"), "pgTable")) << pull.describe();

    ASSERT_EQ(runMigrate(db, folder.path()).exitCode, 0);
    EXPECT_TRUE(waitUntil([&] { return connectTo(Dialect::postgresql, onStandby)->query("SELECT to_regclass('more_t') IS NOT NULL").text(0, 0) == "t"; }, 60))
        << "the standby did not show the table migrate made on the primary";
}

// ---------------------------------------------------------------- Galera, three nodes

// One test, so that the node it kills last harms no other.
TEST(MigrateGalera, MigratorsOnThreeNodesApplyOnceAndAKilledNodeLeavesTheRestConsistent) {
    const std::vector<std::string> nodes = words(topologyUrl("DRIZZLE_TEST_GALERA_URLS", "galera"));
    if (nodes.empty()) GTEST_SKIP() << skippedTopology("galera");
    const std::vector<std::string> pids = words(env("DRIZZLE_TEST_GALERA_PIDS"));
    ASSERT_EQ(nodes.size(), 3u) << "DRIZZLE_TEST_GALERA_URLS";
    ASSERT_EQ(pids.size(), 3u) << "DRIZZLE_TEST_GALERA_PIDS";
    {
        TestDatabase db(Dialect::mysql, nodes[0]);  // CREATE DATABASE replicates to every node
        std::vector<std::string> urls;
        for (const auto& node : nodes) urls.push_back(db.urlOn(node));
        eightMigratorsApplyEachMigrationOnce(Dialect::mysql, "mysql", urls);
    }

    // kill -9 of the node a migrator is connected to, while its migration runs.
    TestDatabase db(Dialect::mysql, nodes[0]);
    MigrationsFolder folder = MigrationsFolder::fixture("mysql", "basic");
    ASSERT_EQ(Child(migrateArgs(Dialect::mysql, db.urlOn(nodes[0]), folder.path())).wait().exitCode, 0);
    folder.add("0001_slow", "DO SLEEP(30);\n--> statement-breakpoint\nCREATE TABLE slow_t (id integer PRIMARY KEY);");
    Child doomed(migrateArgs(Dialect::mysql, db.urlOn(nodes[2]), folder.path()));
    ASSERT_TRUE(waitUntil([&] {
        return connectTo(Dialect::mysql, nodes[2])->query("SELECT count(*) FROM information_schema.processlist WHERE info LIKE 'DO SLEEP%'").integer(0, 0) > 0;
    }, 30));
    ASSERT_EQ(::kill(std::stoi(pids[2]), SIGKILL), 0);
    const Outcome lost = doomed.wait();
    EXPECT_EQ(lost.exitCode, 7) << lost.describe();
    EXPECT_TRUE(contains(lost.err, "Lost connection")) << lost.describe();

    // The survivors agree: the first migration recorded, the slow one neither run nor recorded.
    const std::string first = recorded(Dialect::mysql, db.urlOn(nodes[0]));
    EXPECT_EQ(std::count(first.begin(), first.end(), '\n'), 1) << first;
    EXPECT_EQ(recorded(Dialect::mysql, db.urlOn(nodes[1])), first);
    EXPECT_EQ(connectTo(Dialect::mysql, db.urlOn(nodes[1]))->query("SHOW TABLES LIKE 'slow_t'").size(), 0u);

    // A rerun on another node waits for the dead migrate's lock to expire, then completes.
    folder.edit("0001_slow", "DO SLEEP(0);\n--> statement-breakpoint\nCREATE TABLE slow_t (id integer PRIMARY KEY);");
    const Outcome rerun = Child(migrateArgs(Dialect::mysql, db.urlOn(nodes[1]), folder.path())).wait();
    EXPECT_EQ(rerun.exitCode, 0) << rerun.describe();
    EXPECT_EQ(rerun.out, "applied 0001_slow (2 statements)\n");
    EXPECT_TRUE(contains(rerun.err, "held by drizzle-kit migrate on ")) << rerun.describe();
    EXPECT_EQ(recorded(Dialect::mysql, db.urlOn(nodes[0])), recorded(Dialect::mysql, db.urlOn(nodes[1])));
    EXPECT_EQ(connectTo(Dialect::mysql, db.urlOn(nodes[0]))->query("SHOW TABLES LIKE 'slow_t'").size(), 1u);
}

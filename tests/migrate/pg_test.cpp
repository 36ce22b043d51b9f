// drizzle-kit migrate against a real PostgreSQL (DRIZZLE_TEST_PG_URL): the shared behaviours,
// one transaction per batch (a failure or a kill -9 leaves the database as it was), the advisory
// lock under 16 concurrent processes, `-- drizzle:no-transaction` for CREATE INDEX
// CONCURRENTLY, and Drizzle ORM's own migrator (node-postgres) on the same tracking table.
#include <gtest/gtest.h>

#include "support/cases.hpp"
#include "support/migrate_support.hpp"

namespace {

using namespace drizzle;
using namespace drizzle::migrate_test;

constexpr Dialect pg = Dialect::postgresql;

TEST(MigratePg, AppliesDrizzleKitFixture) { appliesDrizzleKitFixture(pg, "pg", "basic"); }
TEST(MigratePg, RefusesBrokenFolderBeforeOpeningTheDatabase) {
    refusesBrokenFolderBeforeOpeningTheDatabase(pg, "pg");
}
TEST(MigratePg, AppliesJournalOfOlderDrizzleKit) { appliesJournalOfOlderDrizzleKit(pg, "pg"); }
TEST(MigratePg, SecondRunAppliesNothing) { secondRunAppliesNothing(pg, "pg"); }
TEST(MigratePg, RefusesEditedAppliedMigration) { refusesEditedAppliedMigration(pg, "pg"); }
TEST(MigratePg, RefusesOutOfOrderMigrationUnlessAllowed) { refusesOutOfOrderMigrationUnlessAllowed(pg, "pg"); }
TEST(MigratePg, FailingStatementRollsBackWholeBatch) { failingStatementLeavesDatabaseUnchanged(pg, "pg"); }

TEST(MigratePg, KilledMidBatchLeavesDatabaseUnchangedAndRerunCompletes) {
    killedMidBatchLeavesDatabaseUnchanged(pg, "pg", "DO $$ BEGIN PERFORM pg_sleep(2); END $$;", [](const std::string& url) {
        return connectTo(pg, url)
                   ->query("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                           " AND pid <> pg_backend_pid() AND query LIKE '%PERFORM pg_sleep%'")
                   .integer(0, 0) > 0;
    });
}

// The last migration builds an index concurrently, which must not wait forever for the other
// processes queueing for the lock.
TEST(MigratePg, SixteenConcurrentProcessesApplyEachMigrationOnce) {
    concurrentProcessesApplyEachMigrationOnce(pg, "pg", "-- drizzle:no-transaction\nCREATE INDEX CONCURRENTLY more_id_idx ON more_t (id);");
}

TEST(MigratePg, NoTransactionMigrationRunsOnItsOwn) {
    TestDatabase db(pg);
    MigrationsFolder folder = MigrationsFolder::fixture("pg", "basic");
    folder.add("0001_table", "CREATE TABLE big (id integer);");
    folder.add("0002_index", "-- drizzle:no-transaction\nCREATE INDEX CONCURRENTLY big_id_idx ON big (id);");
    folder.add("0003_after", "CREATE TABLE after_t (id integer);");
    const Outcome run = runMigrate(db, folder.path());
    ASSERT_EQ(run.exitCode, 0) << run.describe();
    EXPECT_EQ(run.out,
              "applied 0000_init (4 statements)\napplied 0001_table (1 statement)\n"
              "applied 0002_index (1 statement, outside a transaction)\napplied 0003_after (1 statement)\n");
    EXPECT_EQ(db.connect()
                  ->query("SELECT count(*) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
                          " WHERE c.relname = 'big_id_idx' AND i.indisvalid")
                  .integer(0, 0),
              1);

    // Without the marker the statement runs inside the batch's transaction, which PostgreSQL refuses.
    TestDatabase control(pg);
    MigrationsFolder unmarked = MigrationsFolder::fixture("pg", "basic");
    unmarked.add("0001_table", "CREATE TABLE big (id integer);");
    unmarked.add("0002_index", "CREATE INDEX CONCURRENTLY big_id_idx ON big (id);");
    const Outcome refused = runMigrate(control, unmarked.path());
    EXPECT_EQ(refused.exitCode, 7) << refused.describe();
    EXPECT_NE(refused.err.find("cannot run inside a transaction block"), std::string::npos) << refused.describe();
    EXPECT_EQ(control.trackingRows(), "");
}

TEST(MigratePg, DrizzleOrmAppliesNothingAfterOurs) { drizzleOrmAppliesNothingAfterOurs(pg, "pg"); }
TEST(MigratePg, OursAppliesNothingAfterDrizzleOrm) { oursAppliesNothingAfterDrizzleOrm(pg, "pg"); }
TEST(MigratePg, ProgrammaticMigrateUsesConfiguredTableAndSchema) { programmaticMigrateUsesConfiguredTable(pg, "pg"); }
TEST(MigratePg, RecordedMigrationsReadTheTrackingTableOnly) { recordedMigrationsReadTheTrackingTableOnly(pg, "pg"); }

}  // namespace

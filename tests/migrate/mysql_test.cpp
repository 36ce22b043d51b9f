// drizzle-kit migrate against a real MariaDB (DRIZZLE_TEST_MYSQL_URL): the shared behaviours,
// GET_LOCK under 16 concurrent processes, an exact report of what a failed migration had already
// committed (MySQL DDL commits itself), and Drizzle ORM's own migrator (mysql2) on the same
// tracking table.
#include <gtest/gtest.h>

#include <algorithm>

#include "support/cases.hpp"
#include "support/migrate_support.hpp"

namespace {

using namespace drizzle;
using namespace drizzle::migrate_test;

constexpr Dialect mysql = Dialect::mysql;

TEST(MigrateMysql, AppliesDrizzleKitFixture) { appliesDrizzleKitFixture(mysql, "mysql", "basic"); }
TEST(MigrateMysql, RefusesBrokenFolderBeforeOpeningTheDatabase) {
    refusesBrokenFolderBeforeOpeningTheDatabase(mysql, "mysql");
}
TEST(MigrateMysql, AppliesJournalOfOlderDrizzleKit) { appliesJournalOfOlderDrizzleKit(mysql, "mysql"); }

// drizzle-kit writes `serial AUTO_INCREMENT`, which MySQL accepts and MariaDB does not: the
// failure names the statement, its line and MariaDB's error, and leaves nothing recorded.
TEST(MigrateMysql, ReportsMariaDbRejectingDrizzleKitSerial) {
    TestDatabase db(mysql);
    const MigrationsFolder folder = MigrationsFolder::pristineFixture("mysql", "basic");
    const Outcome run = runMigrate(db, folder.path());
    EXPECT_EQ(run.exitCode, 7) << run.describe();
    EXPECT_NE(run.err.find("statement 1 of 4 of 0000_init (" + (folder.path() / "0000_init.sql").string() + ", line 1) failed"),
              std::string::npos)
        << run.describe();
    EXPECT_NE(run.err.find("MySQL error 1064"), std::string::npos) << run.describe();
    EXPECT_NE(run.err.find("No statement of 0000_init had run before it."), std::string::npos) << run.describe();
    EXPECT_EQ(db.trackingRows(), "");
}
TEST(MigrateMysql, SecondRunAppliesNothing) { secondRunAppliesNothing(mysql, "mysql"); }
TEST(MigrateMysql, RefusesEditedAppliedMigration) { refusesEditedAppliedMigration(mysql, "mysql"); }
TEST(MigrateMysql, RefusesOutOfOrderMigrationUnlessAllowed) { refusesOutOfOrderMigrationUnlessAllowed(mysql, "mysql"); }

TEST(MigrateMysql, ReportsStatementsAlreadyRunWhenOneFails) {
    TestDatabase db(mysql);
    MigrationsFolder folder = MigrationsFolder::fixture("mysql", "basic");
    ASSERT_EQ(runMigrate(db, folder.path()).exitCode, 0);
    folder.add("0001_ok", "CREATE TABLE ok_t (id integer);");
    folder.add("0002_partial",
               "CREATE TABLE part_a (id integer);\n--> statement-breakpoint\nCREATE TABLE part_b (id integer);\n"
               "--> statement-breakpoint\nINSERT INTO missing_table (id) VALUES (1);\n--> statement-breakpoint\n"
               "CREATE TABLE part_c (id integer);");
    const Outcome run = runMigrate(db, folder.path());
    EXPECT_EQ(run.exitCode, 7) << run.describe();
    const std::string file = (folder.path() / "0002_partial.sql").string();
    for (const std::string& part :
         {"statement 3 of 4 of 0002_partial (" + file + ", line 5) failed: INSERT INTO missing_table (id) VALUES (1);",
          std::string("the database said: "), std::string("missing_table"),
          std::string("statements 1-2 of 0002_partial had already run and stay applied:"),
          std::string("statement 1 (line 1): CREATE TABLE part_a (id integer);"),
          std::string("statement 2 (line 3): CREATE TABLE part_b (id integer);"),
          std::string("0002_partial is not recorded as applied."),
          std::string("Committed earlier in this run, and recorded as applied: 0001_ok.")})
        EXPECT_NE(run.err.find(part), std::string::npos) << part << "\n" << run.describe();

    const auto tables = db.tables();
    EXPECT_NE(std::find(tables.begin(), tables.end(), "part_b"), tables.end());
    EXPECT_EQ(std::find(tables.begin(), tables.end(), "part_c"), tables.end());
    const std::string after = db.trackingRows();
    EXPECT_EQ(std::count(after.begin(), after.end(), '\n'), 2) << "0001_ok recorded, 0002_partial not:\n" << after;
}

TEST(MigrateMysql, SixteenConcurrentProcessesApplyEachMigrationOnce) {
    concurrentProcessesApplyEachMigrationOnce(mysql, "mysql");
}
TEST(MigrateMysql, DrizzleOrmAppliesNothingAfterOurs) { drizzleOrmAppliesNothingAfterOurs(mysql, "mysql"); }
TEST(MigrateMysql, OursAppliesNothingAfterDrizzleOrm) { oursAppliesNothingAfterDrizzleOrm(mysql, "mysql"); }
TEST(MigrateMysql, ProgrammaticMigrateUsesConfiguredTable) { programmaticMigrateUsesConfiguredTable(mysql, "mysql"); }
TEST(MigrateMysql, RecordedMigrationsReadTheTrackingTableOnly) { recordedMigrationsReadTheTrackingTableOnly(mysql, "mysql"); }

}  // namespace

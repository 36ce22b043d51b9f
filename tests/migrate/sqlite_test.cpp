// drizzle-kit migrate against SQLite files: the shared behaviours, one BEGIN IMMEDIATE
// transaction per batch (a failure or a kill -9 leaves the file as it was), 16 concurrent
// processes on one file, `-- drizzle:no-transaction` for VACUUM, the config file's paths and
// table name, and Drizzle ORM's own migrator (sql.js) on the same tracking table.
#include <gtest/gtest.h>

#include "support/cases.hpp"
#include "support/migrate_support.hpp"

namespace {

using namespace drizzle;
using namespace drizzle::migrate_test;

constexpr Dialect sqlite = Dialect::sqlite;

TEST(MigrateSqlite, AppliesDrizzleKitFixture) { appliesDrizzleKitFixture(sqlite, "sqlite", "basic"); }
TEST(MigrateSqlite, RefusesBrokenFolderBeforeOpeningTheDatabase) {
    refusesBrokenFolderBeforeOpeningTheDatabase(sqlite, "sqlite");
}
TEST(MigrateSqlite, AppliesJournalOfOlderDrizzleKit) { appliesJournalOfOlderDrizzleKit(sqlite, "sqlite"); }
TEST(MigrateSqlite, AppliesDrizzleKitFullFixture) { appliesDrizzleKitFixture(sqlite, "sqlite", "full"); }
TEST(MigrateSqlite, SecondRunAppliesNothing) { secondRunAppliesNothing(sqlite, "sqlite"); }
TEST(MigrateSqlite, RefusesEditedAppliedMigration) { refusesEditedAppliedMigration(sqlite, "sqlite"); }
TEST(MigrateSqlite, RefusesOutOfOrderMigrationUnlessAllowed) { refusesOutOfOrderMigrationUnlessAllowed(sqlite, "sqlite"); }
TEST(MigrateSqlite, FailingStatementRollsBackWholeBatch) { failingStatementLeavesDatabaseUnchanged(sqlite, "sqlite"); }

TEST(MigrateSqlite, KilledMidBatchLeavesDatabaseUnchangedAndRerunCompletes) {
    // About two seconds of work; the rollback journal appears once the batch has written.
    killedMidBatchLeavesDatabaseUnchanged(
        sqlite, "sqlite",
        "CREATE TABLE slow_count AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 20000000)"
        " SELECT max(x) AS n FROM c;",
        [](const std::string& file) { return fs::exists(file + "-journal"); });
}

TEST(MigrateSqlite, SixteenConcurrentProcessesApplyEachMigrationOnce) {
    concurrentProcessesApplyEachMigrationOnce(sqlite, "sqlite");
}

TEST(MigrateSqlite, NoTransactionMigrationRunsOnItsOwn) {
    TestDatabase db(sqlite);
    MigrationsFolder folder = MigrationsFolder::fixture("sqlite", "basic");
    folder.add("0001_vacuum", "-- drizzle:no-transaction\nVACUUM;");
    folder.add("0002_after", "CREATE TABLE after_t (id integer);");
    const Outcome run = runMigrate(db, folder.path());
    ASSERT_EQ(run.exitCode, 0) << run.describe();
    EXPECT_EQ(run.out,
              "applied 0000_init (4 statements)\napplied 0001_vacuum (1 statement, outside a transaction)\n"
              "applied 0002_after (1 statement)\n");

    TestDatabase control(sqlite);
    MigrationsFolder unmarked = MigrationsFolder::fixture("sqlite", "basic");
    unmarked.add("0001_vacuum", "VACUUM;");
    const Outcome refused = runMigrate(control, unmarked.path());
    EXPECT_EQ(refused.exitCode, 7) << refused.describe();
    EXPECT_NE(refused.err.find("cannot VACUUM from within a transaction"), std::string::npos) << refused.describe();
    EXPECT_EQ(control.trackingRows(), "");
}

// A drizzle-kit table rebuild (PRAGMA foreign_keys=OFF, copy, DROP, rename) must not cascade
// into child rows although the connection enforces foreign keys.
TEST(MigrateSqlite, TableRebuildKeepsRowsThatReferenceIt) {
    TestDatabase db(sqlite);
    MigrationsFolder folder = MigrationsFolder::fixture("sqlite", "basic");
    folder.add("0001_rows", "INSERT INTO users (id, name) VALUES (1, 'ada');\n--> statement-breakpoint\n"
                            "INSERT INTO posts (id, title, user_id) VALUES (1, 'hello', 1);");
    folder.add("0002_rebuild_users",
               "PRAGMA foreign_keys=OFF;--> statement-breakpoint\n"
               "CREATE TABLE `__new_users` (`id` integer PRIMARY KEY NOT NULL, `name` text NOT NULL, `email` text(256),"
               " `created_at` integer DEFAULT (unixepoch()), `nickname` text);\n--> statement-breakpoint\n"
               "INSERT INTO `__new_users`(\"id\", \"name\", \"email\", \"created_at\") SELECT \"id\", \"name\", \"email\","
               " \"created_at\" FROM `users`;--> statement-breakpoint\n"
               "DROP TABLE `users`;--> statement-breakpoint\n"
               "ALTER TABLE `__new_users` RENAME TO `users`;--> statement-breakpoint\n"
               "PRAGMA foreign_keys=ON;");
    const Outcome run = runMigrate(db, folder.path());
    ASSERT_EQ(run.exitCode, 0) << run.describe();
    auto connection = db.connect();
    EXPECT_EQ(connection->query("SELECT count(*) FROM posts").integer(0, 0), 1) << "the post was deleted by ON DELETE CASCADE";
}

TEST(MigrateSqlite, RefusesBatchThatBreaksForeignKeys) {
    TestDatabase db(sqlite);
    MigrationsFolder folder = MigrationsFolder::fixture("sqlite", "basic");
    ASSERT_EQ(runMigrate(db, folder.path()).exitCode, 0);
    const std::string schema = db.schemaState();
    folder.add("0001_orphan", "PRAGMA foreign_keys=OFF;--> statement-breakpoint\n"
                              "INSERT INTO posts (id, title, user_id) VALUES (1, 'orphan', 42);");
    const Outcome run = runMigrate(db, folder.path());
    EXPECT_EQ(run.exitCode, 7) << run.describe();
    EXPECT_NE(run.err.find("foreign key"), std::string::npos) << run.describe();
    EXPECT_NE(run.err.find("posts"), std::string::npos) << run.describe();
    EXPECT_EQ(db.connect()->query("SELECT count(*) FROM posts").integer(0, 0), 0);
    EXPECT_EQ(db.schemaState(), schema);
}

TEST(MigrateSqlite, UsesConfigFileForPathsAndTrackingTable) {
    TempDir project;
    const MigrationsFolder folder = MigrationsFolder::fixture("sqlite", "basic");
    fs::copy(folder.path(), project.path() / "migrations", fs::copy_options::recursive);
    writeFile(project.path() / "drizzle.config.json",
              R"({ "dialect": "sqlite", "out": "./migrations", "dbCredentials": { "url": "app.db" },
                   "migrations": { "table": "history" } })");
    // Run from the build folder: relative paths in the config are relative to the config's folder.
    Child child({DRIZZLE_KIT_BIN, "migrate", "--config", (project.path() / "drizzle.config.json").string()});
    const Outcome run = child.wait();
    ASSERT_EQ(run.exitCode, 0) << run.describe();
    EXPECT_EQ(run.out, "applied 0000_init (4 statements)\n");
    auto connection = connectTo(sqlite, (project.path() / "app.db").string());
    EXPECT_EQ(connection->query("SELECT count(*) FROM history").integer(0, 0), 1);
}

TEST(MigrateSqlite, MalformedJournalExitsWithSnapshotCode) {
    TestDatabase db(sqlite);
    const MigrationsFolder folder = MigrationsFolder::fixture("sqlite", "basic");
    writeFile(folder.path() / "meta" / "_journal.json", R"({"version": "7", "dialect": "sqlite", "entries": [{"idx": 0}]})");
    const Outcome run = runMigrate(db, folder.path());
    EXPECT_EQ(run.exitCode, 5) << run.describe();
    EXPECT_NE(run.err.find("_journal.json: entries[0] has no \"version\" field"), std::string::npos) << run.describe();
}

TEST(MigrateSqlite, JournalOfAnotherDialectIsRefused) {
    TestDatabase db(sqlite);
    const Outcome run = runMigrate(db, MigrationsFolder::fixture("pg", "basic").path());
    EXPECT_EQ(run.exitCode, 7) << run.describe();
    EXPECT_NE(run.err.find("holds postgresql migrations, but the database is sqlite"), std::string::npos) << run.describe();
}

TEST(MigrateSqlite, DrizzleOrmAppliesNothingAfterOurs) { drizzleOrmAppliesNothingAfterOurs(sqlite, "sqlite"); }
TEST(MigrateSqlite, OursAppliesNothingAfterDrizzleOrm) { oursAppliesNothingAfterDrizzleOrm(sqlite, "sqlite"); }
TEST(MigrateSqlite, ProgrammaticMigrateUsesConfiguredTable) { programmaticMigrateUsesConfiguredTable(sqlite, "sqlite"); }
TEST(MigrateSqlite, RecordedMigrationsReadTheTrackingTableOnly) { recordedMigrationsReadTheTrackingTableOnly(sqlite, "sqlite"); }

}  // namespace

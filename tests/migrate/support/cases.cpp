#include "support/cases.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <sstream>

#include "drizzle/kit/journal.hpp"
#include "drizzle/migrate.hpp"
#include "support/migrate_support.hpp"

namespace drizzle::migrate_test {

namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

std::string tableName(Dialect dialect, const std::string& table) {
    return dialect == Dialect::postgresql ? "public." + table : table;
}

bool hasTable(const TestDatabase& db, const std::string& table) {
    const auto tables = db.tables();
    return std::find(tables.begin(), tables.end(), tableName(db.dialect(), table)) != tables.end();
}

std::int64_t count(const TestDatabase& db, const std::string& table) {
    return db.connect()->query("SELECT count(*) FROM " + table).integer(0, 0);
}

std::size_t lineCount(const std::string& text) { return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')); }

// The fixture's migration plus one that creates and fills more_t.
MigrationsFolder fixtureAndMore(const std::string& fixtureDir) {
    MigrationsFolder folder = MigrationsFolder::fixture(fixtureDir, "basic");
    folder.add("0001_more", "CREATE TABLE more_t (id integer);\n--> statement-breakpoint\nINSERT INTO more_t (id) VALUES (1);");
    return folder;
}

void replaceInFile(const fs::path& file, const std::string& from, const std::string& to) {
    std::string text = readFile(file);
    const auto at = text.find(from);
    if (at == std::string::npos) throw std::runtime_error(from + " not in " + file.string());
    writeFile(file, text.replace(at, from.size(), to));
}

const std::string journalVersion7 = "\"version\": \"7\",\n  \"dialect\"";

std::string expectedRow(const kit::Migration& m) { return std::to_string(m.entry.when) + " " + m.hash + "\n"; }

}  // namespace

void appliesDrizzleKitFixture(Dialect dialect, const std::string& fixtureDir, const std::string& fixtureName) {
    TestDatabase db(dialect);
    const MigrationsFolder folder = MigrationsFolder::fixture(fixtureDir, fixtureName);
    const auto migrations = kit::readMigrations(folder.path());
    ASSERT_EQ(migrations.size(), 1u);

    const Outcome run = runMigrate(db, folder.path());
    ASSERT_EQ(run.exitCode, 0) << run.describe();
    EXPECT_EQ(run.out, "applied 0000_init (" + std::to_string(migrations[0].statements.size()) + " statements)\n");
    EXPECT_EQ(db.trackingRows(), expectedRow(migrations[0]));
    if (fixtureName == "basic") {
        EXPECT_TRUE(hasTable(db, "users")) << db.schemaState();
        EXPECT_TRUE(hasTable(db, "posts")) << db.schemaState();
    }
}

void secondRunAppliesNothing(Dialect dialect, const std::string& fixtureDir) {
    TestDatabase db(dialect);
    const MigrationsFolder folder = fixtureAndMore(fixtureDir);
    const Outcome first = runMigrate(db, folder.path());
    ASSERT_EQ(first.exitCode, 0) << first.describe();
    EXPECT_EQ(first.out, "applied 0000_init (4 statements)\napplied 0001_more (2 statements)\n");
    const std::string schema = db.schemaState(), rows = db.trackingRows();

    const Outcome second = runMigrate(db, folder.path());
    ASSERT_EQ(second.exitCode, 0) << second.describe();
    EXPECT_EQ(second.out, "nothing to apply: 2 migrations already applied\n");
    EXPECT_EQ(db.schemaState(), schema);
    EXPECT_EQ(db.trackingRows(), rows);
    EXPECT_EQ(count(db, "more_t"), 1);
}

void refusesEditedAppliedMigration(Dialect dialect, const std::string& fixtureDir) {
    TestDatabase db(dialect);
    MigrationsFolder folder = fixtureAndMore(fixtureDir);
    ASSERT_EQ(runMigrate(db, folder.path()).exitCode, 0);
    const std::string schema = db.schemaState(), rows = db.trackingRows();

    folder.edit("0001_more", "CREATE TABLE more_t (id integer, note text);\n--> statement-breakpoint\nINSERT INTO more_t (id) VALUES (1);");
    folder.add("0002_later", "CREATE TABLE later_t (id integer);");
    const Outcome run = runMigrate(db, folder.path());
    EXPECT_EQ(run.exitCode, 7) << run.describe();
    EXPECT_TRUE(contains(run.err, (folder.path() / "0001_more.sql").string() + " was changed after it was applied"))
        << run.describe();
    EXPECT_TRUE(contains(run.err, "hint: ")) << run.describe();
    EXPECT_EQ(db.schemaState(), schema) << "nothing may be applied, not even the later migration";
    EXPECT_EQ(db.trackingRows(), rows);
}

void refusesOutOfOrderMigrationUnlessAllowed(Dialect dialect, const std::string& fixtureDir) {
    TestDatabase db(dialect);
    const std::int64_t base = kit::readJournal(MigrationsFolder::fixture(fixtureDir, "basic").path()).entries.back().when;
    MigrationsFolder mainline = MigrationsFolder::fixture(fixtureDir, "basic");
    mainline.add("0002_main", "CREATE TABLE main_t (id integer);", base + 2000);
    ASSERT_EQ(runMigrate(db, mainline.path()).exitCode, 0);
    const std::string schema = db.schemaState(), rows = db.trackingRows();

    // A branch merged afterwards: its migration sorts before the one already applied.
    MigrationsFolder merged = MigrationsFolder::fixture(fixtureDir, "basic");
    merged.add("0001_branch", "CREATE TABLE branch_t (id integer);", base + 1000);
    merged.add("0002_main", "CREATE TABLE main_t (id integer);", base + 2000);
    const Outcome refused = runMigrate(db, merged.path());
    EXPECT_EQ(refused.exitCode, 7) << refused.describe();
    EXPECT_TRUE(contains(refused.err, "1 pending migration is older than the newest one this database has applied, 0002_main"))
        << refused.describe();
    EXPECT_TRUE(contains(refused.err, "0001_branch (when ")) << refused.describe();
    EXPECT_TRUE(contains(refused.err, "--allow-out-of-order")) << refused.describe();
    EXPECT_EQ(db.schemaState(), schema);
    EXPECT_EQ(db.trackingRows(), rows);

    const Outcome allowed = runMigrate(db, merged.path(), {"--allow-out-of-order"});
    ASSERT_EQ(allowed.exitCode, 0) << allowed.describe();
    EXPECT_EQ(allowed.out, "applied 0001_branch (1 statement)\n");
    EXPECT_TRUE(hasTable(db, "branch_t"));
    EXPECT_EQ(lineCount(db.trackingRows()), 3u) << db.trackingRows();
}

void failingStatementLeavesDatabaseUnchanged(Dialect dialect, const std::string& fixtureDir) {
    TestDatabase db(dialect);
    MigrationsFolder folder = MigrationsFolder::fixture(fixtureDir, "basic");
    ASSERT_EQ(runMigrate(db, folder.path()).exitCode, 0);
    const std::string schema = db.schemaState(), rows = db.trackingRows();

    folder.add("0001_fine", "CREATE TABLE fine_t (id integer);");
    folder.add("0002_broken",
               "CREATE TABLE broken_t (id integer);\n--> statement-breakpoint\n\nINSERT INTO missing_table (id) VALUES (1);");
    const Outcome run = runMigrate(db, folder.path());
    EXPECT_EQ(run.exitCode, 7) << run.describe();
    EXPECT_TRUE(contains(run.err, "statement 2 of 2 of 0002_broken (" + (folder.path() / "0002_broken.sql").string() +
                                      ", line 4) failed: INSERT INTO missing_table (id) VALUES (1);"))
        << run.describe();
    EXPECT_TRUE(contains(run.err, "the database said: ") && contains(run.err, "missing_table")) << run.describe();
    EXPECT_TRUE(contains(run.err, "the transaction holding 2 migrations (0001_fine, 0002_broken) was rolled back"))
        << run.describe();
    EXPECT_TRUE(contains(run.err, "hint: fix statement 2 in")) << run.describe();
    EXPECT_EQ(db.schemaState(), schema) << "0001_fine must be rolled back with the failing migration";
    EXPECT_EQ(db.trackingRows(), rows);
}

void killedMidBatchLeavesDatabaseUnchanged(Dialect dialect, const std::string& fixtureDir, const std::string& slowStatement,
                                           const std::function<bool(const std::string& url)>& inSlowStatement) {
    TestDatabase db(dialect);
    MigrationsFolder folder = MigrationsFolder::fixture(fixtureDir, "basic");
    ASSERT_EQ(runMigrate(db, folder.path()).exitCode, 0);
    const std::string schema = db.schemaState(), rows = db.trackingRows();

    folder.add("0001_slow", "CREATE TABLE slow_a (id integer);\n--> statement-breakpoint\n" + slowStatement +
                                "\n--> statement-breakpoint\nCREATE TABLE slow_b (id integer);");
    {
        Child child(migrateArgs(db, folder.path()));
        ASSERT_TRUE(waitUntil([&] { return inSlowStatement(db.url()); }, 30))
            << "drizzle-kit migrate never reached the slow statement";
        child.kill9();
        const Outcome killed = child.wait();
        ASSERT_EQ(killed.exitCode, 128 + 9) << killed.describe();
    }
    EXPECT_EQ(db.schemaState(), schema) << "slow_a was created before the kill and must be gone";
    EXPECT_EQ(db.trackingRows(), rows);

    const Outcome rerun = runMigrate(db, folder.path());
    ASSERT_EQ(rerun.exitCode, 0) << rerun.describe();
    EXPECT_EQ(rerun.out, "applied 0001_slow (3 statements)\n");
    EXPECT_TRUE(hasTable(db, "slow_a") && hasTable(db, "slow_b")) << db.schemaState();
}

void concurrentProcessesApplyEachMigrationOnce(Dialect dialect, const std::string& fixtureDir,
                                               const std::string& extraMigration) {
    TestDatabase db(dialect);
    MigrationsFolder folder = fixtureAndMore(fixtureDir);
    if (!extraMigration.empty()) folder.add("0002_extra", extraMigration);
    const std::size_t migrations = kit::readJournal(folder.path()).entries.size();

    std::vector<std::unique_ptr<Child>> children;
    for (int i = 0; i < 16; ++i) children.push_back(std::make_unique<Child>(migrateArgs(db, folder.path())));
    std::size_t appliers = 0;
    for (auto& child : children) {
        const Outcome run = child->wait();
        EXPECT_EQ(run.exitCode, 0) << run.describe();
        if (contains(run.out, "applied 0001_more")) ++appliers;
    }
    EXPECT_EQ(appliers, 1u);
    EXPECT_EQ(count(db, "more_t"), 1) << "0001_more ran more than once";

    const std::string rows = db.trackingRows();
    EXPECT_EQ(lineCount(rows), migrations) << rows;
    std::set<std::string> createdAt;
    std::istringstream lines(rows);
    for (std::string line; std::getline(lines, line);) createdAt.insert(line.substr(0, line.find(' ')));
    EXPECT_EQ(createdAt.size(), migrations) << rows;
}

void drizzleOrmAppliesNothingAfterOurs(Dialect dialect, const std::string& fixtureDir) {
    TestDatabase db(dialect);
    const MigrationsFolder folder = fixtureAndMore(fixtureDir);
    const Outcome ours = runMigrate(db, folder.path());
    ASSERT_EQ(ours.exitCode, 0) << ours.describe();
    const std::string schema = db.schemaState(), rows = db.trackingRows();

    const Outcome orm = runDrizzleOrmMigrate(db, folder.path());
    ASSERT_EQ(orm.exitCode, 0) << "Drizzle ORM's migrator failed on a database drizzle-kit migrate set up:\n"
                               << orm.describe();
    EXPECT_EQ(db.trackingRows(), rows);
    EXPECT_EQ(db.schemaState(), schema);
    EXPECT_EQ(count(db, "more_t"), 1);
}

void oursAppliesNothingAfterDrizzleOrm(Dialect dialect, const std::string& fixtureDir) {
    TestDatabase db(dialect);
    MigrationsFolder folder = fixtureAndMore(fixtureDir);
    const Outcome orm = runDrizzleOrmMigrate(db, folder.path());
    ASSERT_EQ(orm.exitCode, 0) << orm.describe();
    const std::string rows = db.trackingRows();
    std::string expected;
    for (const kit::Migration& m : kit::readMigrations(folder.path())) expected += expectedRow(m);
    EXPECT_EQ(rows, expected) << "Drizzle ORM records the same hash and created_at";

    const Outcome ours = runMigrate(db, folder.path());
    ASSERT_EQ(ours.exitCode, 0) << ours.describe();
    EXPECT_EQ(ours.out, "nothing to apply: 2 migrations already applied\n");
    EXPECT_EQ(db.trackingRows(), rows);

    // Both keep going on the table Drizzle ORM created.
    folder.add("0002_next", "CREATE TABLE next_t (id integer);");
    const Outcome next = runMigrate(db, folder.path());
    ASSERT_EQ(next.exitCode, 0) << next.describe();
    EXPECT_EQ(next.out, "applied 0002_next (1 statement)\n");
    const Outcome ormAgain = runDrizzleOrmMigrate(db, folder.path());
    ASSERT_EQ(ormAgain.exitCode, 0) << ormAgain.describe();
    EXPECT_EQ(lineCount(db.trackingRows()), 3u) << db.trackingRows();
}

void programmaticMigrateUsesConfiguredTable(Dialect dialect, const std::string& fixtureDir) {
    TestDatabase db(dialect);
    const MigrationsFolder folder = fixtureAndMore(fixtureDir);
    const auto migrations = kit::readMigrations(folder.path());
    const MigrationConfig config{.migrationsFolder = folder.path(), .migrationsTable = "schema_history",
                                 .migrationsSchema = "meta"};
    auto connection = db.connect();
    const MigrateReport first = drizzle::migrate(*connection, config);
    ASSERT_EQ(first.applied.size(), 2u);
    EXPECT_EQ(first.applied[0].tag, "0000_init");
    EXPECT_EQ(first.applied[0].statements, 4u);
    EXPECT_EQ(first.applied[0].createdAt, migrations[0].entry.when);
    EXPECT_EQ(first.applied[1].tag, "0001_more");
    EXPECT_EQ(first.alreadyApplied, 0u);

    const MigrateReport second = drizzle::migrate(*connection, config);
    EXPECT_TRUE(second.applied.empty());
    EXPECT_EQ(second.alreadyApplied, 2u);
    EXPECT_EQ(db.trackingRows("schema_history", "meta"), expectedRow(migrations[0]) + expectedRow(migrations[1]));
    EXPECT_EQ(db.trackingRows(), "") << "nothing goes to the default table";
}

void recordedMigrationsReadTheTrackingTableOnly(Dialect dialect, const std::string& fixtureDir) {
    TestDatabase db(dialect);
    const MigrationsFolder folder = fixtureAndMore(fixtureDir);
    const auto migrations = kit::readMigrations(folder.path());
    const MigrationConfig config{.migrationsFolder = folder.path(), .migrationsTable = "schema_history",
                                 .migrationsSchema = "meta"};
    auto connection = db.connect();
    EXPECT_TRUE(drizzle::recordedMigrations(*connection, config).empty());
    EXPECT_EQ(db.trackingRows("schema_history", "meta"), "") << "reading creates no tracking table";
    drizzle::migrate(*connection, config);
    const auto recorded = drizzle::recordedMigrations(*connection, config);
    ASSERT_EQ(recorded.size(), 2u);
    for (std::size_t i = 0; i < 2; ++i) {
        EXPECT_EQ(recorded[i].createdAt, migrations[i].entry.when);
        EXPECT_EQ(recorded[i].hash, migrations[i].hash);
    }
    EXPECT_TRUE(drizzle::recordedMigrations(*connection).empty()) << "the default table holds nothing";
}

void refusesBrokenFolderBeforeOpeningTheDatabase(Dialect dialect, const std::string& fixtureDir) {
    struct Case {
        const char* name;
        std::function<fs::path(const fs::path& folder)> breakFolder;  // returns the folder to migrate
        std::function<std::string(const fs::path& folder)> named;      // the file the message names
        const char* what;
    };
    const auto journal = [](const fs::path& f) { return (f / "meta" / "_journal.json").string(); };
    const Case cases[] = {
        {"missing folder", [](const fs::path& f) { return f / "nowhere"; },
         [](const fs::path& f) { return (f / "nowhere").string(); }, "no such migrations folder"},
        {"duplicate idx",
         [&](const fs::path& f) {
             replaceInFile(journal(f), "\"idx\": 1", "\"idx\": 0");
             return f;
         },
         journal, "repeats the idx 0"},
        {"unknown journal version",
         [&](const fs::path& f) {
             replaceInFile(journal(f), journalVersion7, "\"version\": \"9\",\n  \"dialect\"");
             return f;
         },
         journal, "journal version \"9\""},
        {"missing .sql file",
         [](const fs::path& f) {
             fs::remove(f / "0001_more.sql");
             return f;
         },
         [](const fs::path& f) { return (f / "0001_more.sql").string(); }, "does not exist"},
    };
    for (const Case& c : cases) {
        TestDatabase db(dialect);
        const MigrationsFolder folder = fixtureAndMore(fixtureDir);
        const fs::path target = c.breakFolder(folder.path());
        const Outcome run = runMigrate(db, target);
        EXPECT_EQ(run.exitCode, 5) << c.name << ": " << run.describe();
        EXPECT_TRUE(contains(run.err, c.named(folder.path()))) << c.name << ": " << run.describe();
        EXPECT_TRUE(contains(run.err, c.what)) << c.name << ": " << run.describe();
        EXPECT_TRUE(contains(run.err, "hint: ")) << c.name << ": " << run.describe();
        if (dialect == Dialect::sqlite) {
            EXPECT_FALSE(fs::exists(db.url())) << c.name << ": the database file was created";
        } else {
            EXPECT_EQ(db.trackingRows(), "") << c.name;
            EXPECT_TRUE(db.tables().empty()) << c.name << ": " << db.schemaState();
        }
    }
}

void appliesJournalOfOlderDrizzleKit(Dialect dialect, const std::string& fixtureDir) {
    TestDatabase db(dialect);
    const MigrationsFolder folder = fixtureAndMore(fixtureDir);
    replaceInFile(folder.path() / "meta" / "_journal.json", journalVersion7, "\"version\": \"5\",\n  \"dialect\"");
    const Outcome run = runMigrate(db, folder.path());
    ASSERT_EQ(run.exitCode, 0) << run.describe();
    EXPECT_EQ(lineCount(db.trackingRows()), 2u);
    EXPECT_TRUE(hasTable(db, "more_t")) << db.schemaState();
}

}  // namespace drizzle::migrate_test

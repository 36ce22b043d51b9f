// The migrations folder under `drizzle-kit generate` as a user meets it: the real binary in a
// scratch project. A write that fails (a file-size limit stands in for a full disk) leaves the
// folder byte for byte as it was; a folder with a gap or a stray file is refused before any diff;
// every prefix mode, `none` included, continues its own history; filesystem failures are exit 8.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "drizzle/driver/connection.hpp"
#include "drizzle/kit/journal.hpp"
#include "drizzle/kit/snapshot.hpp"
#include "util/process.hpp"
#include "common/folder_bytes.hpp"
#include "common/slurp.hpp"
#include "common/test_dir.hpp"

namespace fs = std::filesystem;

namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// The pid of a process that has exited: the owner of a temporary left by a killed run.
pid_t deadPid() {
    const pid_t pid = fork();
    if (pid == 0) _exit(0);
    waitpid(pid, nullptr, 0);
    return pid;
}

const char* kUsers =
    "#pragma once\n#include <drizzle/sqlite.hpp>\nnamespace sqlite = drizzle::sqlite;\n"
    "struct User { std::int64_t id; std::string name; std::optional<std::string> email;\n"
    "    std::optional<std::string> city; std::optional<std::string> country; std::optional<std::int64_t> age; };\n"
    "inline const auto users = sqlite::sqliteTable<User>(\"users\", {\n"
    "    sqlite::integer<&User::id>(\"id\").primaryKey(),\n"
    "    sqlite::text<&User::name>(\"name\").notNull(),\n"
    "    sqlite::text<&User::email>(\"email\"),\n"
    "    sqlite::text<&User::city>(\"city\"),\n"
    "    sqlite::text<&User::country>(\"country\"),\n"
    "    sqlite::integer<&User::age>(\"age\"),\n"
    "});\n";

const char* kTags =
    "#pragma once\n#include <drizzle/sqlite.hpp>\n"
    "struct Tag { std::int64_t id; };\n"
    "inline const auto tags = drizzle::sqlite::sqliteTable<Tag>(\"tags\", {\n"
    "    drizzle::sqlite::integer<&Tag::id>(\"id\").primaryKey(),\n"
    "});\n";

class MigrationsFolder : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = freshTestDir("folder");
        config(R"({"dialect": "sqlite", "schema": "schema.hpp", "out": "drizzle"})");
        write("schema.hpp", kUsers);
    }
    void TearDown() override { fs::remove_all(dir_); }

    void write(const std::string& name, const std::string& text) {
        fs::create_directories((dir_ / name).parent_path());
        std::ofstream(dir_ / name, std::ios::binary | std::ios::trunc) << text;
    }
    void config(const std::string& json) { write("drizzle.config.json", json); }
    drizzle::util::ProcessResult kit(std::vector<std::string> args) {
        args.insert(args.begin(), DRIZZLE_KIT_BIN);
        return drizzle::util::runProcess(args, dir_.string());
    }
    // `drizzle-kit <args>` allowed to write files of at most `blocks` KiB, with SIGXFSZ ignored so
    // that a write past the limit fails with EFBIG, as on a full disk.
    drizzle::util::ProcessResult kitWithFileSizeLimit(int blocks, const std::string& args) {
        return drizzle::util::runProcess(
            {"bash", "-c", "ulimit -f " + std::to_string(blocks) + "; trap '' XFSZ; exec " + DRIZZLE_KIT_BIN + " " + args},
            dir_.string());
    }
    fs::path out() const { return dir_ / "drizzle"; }
    fs::path meta() const { return out() / "meta"; }

    // Two empty migrations (no schema compile needed): 0000_first and 0001_second.
    void twoCustomMigrations() {
        ASSERT_EQ(kit({"generate", "--custom", "--name", "first"}).exitCode, 0);
        ASSERT_EQ(kit({"generate", "--custom", "--name", "second"}).exitCode, 0);
    }
    // generate refuses the folder with exit 5, naming `file`, and writes nothing.
    void expectRefused(const std::string& file, const std::string& what) {
        const auto before = folderBytes(out());
        const auto r = kit({"generate", "--name", "next"});
        EXPECT_EQ(r.exitCode, 5) << r.out << r.err;
        EXPECT_TRUE(contains(r.err, file)) << r.err;
        EXPECT_TRUE(contains(r.err, what)) << r.err;
        EXPECT_TRUE(contains(r.err, "hint: ")) << r.err;
        EXPECT_EQ(folderBytes(out()), before) << "a refused folder is left as it was";
    }
    void replaceInFile(const fs::path& file, const std::string& from, const std::string& to) {
        std::string text = slurp(file);
        const auto at = text.find(from);
        ASSERT_NE(at, std::string::npos) << from << " not in " << file;
        text.replace(at, from.size(), to);
        std::ofstream(file, std::ios::binary | std::ios::trunc) << text;
    }

    fs::path dir_;
};

// ---------------------------------------------------------------- failed writes

// Each of the three writes of a migration fails in turn (the SQL file, the snapshot, the
// journal); each time the folder stays byte for byte as it was, and the next generate works.
TEST_F(MigrationsFolder, Generate_LeavesFolderUntouchedWhenAWriteFails) {
    ASSERT_EQ(kit({"generate", "--name", "init"}).exitCode, 0);
    // Long names make the journal the largest of the three files, so that a limit exists between
    // each file and the next in the order generate writes them.
    for (int i = 0; i < 12; ++i)
        ASSERT_EQ(kit({"generate", "--custom", "--name", "seed_" + std::to_string(i) + "_" + std::string(150, 'x')}).exitCode, 0);
    write("schema.hpp", std::string(kUsers) + "struct Note { std::int64_t id; };\n"
                                              "inline const auto notes = sqlite::sqliteTable<Note>(\"notes\", {\n"
                                              "    sqlite::integer<&Note::id>(\"id\").primaryKey(),\n});\n");
    ASSERT_EQ(kit({"export"}).exitCode, 0);  // compiles the exporter now, without a limit

    // The sizes of the files the migration writes, from a run whose result is then undone.
    const auto before = folderBytes(out());
    const fs::path backup = dir_ / "backup";
    fs::copy(out(), backup, fs::copy_options::recursive);
    ASSERT_EQ(kit({"generate", "--name", "notes"}).exitCode, 0);
    const fs::path sql = out() / "0013_notes.sql", snapshot = meta() / "0013_snapshot.json", journal = meta() / "_journal.json";
    const std::uintmax_t sizes[] = {fs::file_size(sql), fs::file_size(snapshot), fs::file_size(journal)};
    fs::remove_all(out());
    fs::copy(backup, out(), fs::copy_options::recursive);
    ASSERT_EQ(folderBytes(out()), before);

    const fs::path targets[] = {sql, snapshot, journal};  // the order generate writes them in
    std::uintmax_t written = 0;
    for (int i = 0; i < 3; ++i) {
        const int blocks = static_cast<int>((written + 1023) / 1024);
        ASSERT_LT(static_cast<std::uintmax_t>(blocks) * 1024, sizes[i]) << "no limit fails only " << targets[i];
        const auto r = kitWithFileSizeLimit(blocks, "generate --name notes");
        EXPECT_EQ(r.exitCode, 8) << targets[i] << "\n" << r.out << r.err;
        EXPECT_TRUE(contains(r.err, targets[i].string() + ": write failed: File too large")) << r.err;
        EXPECT_TRUE(contains(r.err, "hint: free disk space")) << r.err;
        EXPECT_EQ(folderBytes(out()), before) << "after the failed write of " << targets[i] << " the folder holds\n"
                                              << listing(folderBytes(out()));
        written = std::max(written, sizes[i]);
    }

    const auto r = kit({"generate", "--name", "notes"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(slurp(sql), "CREATE TABLE `notes` (\n\t`id` integer PRIMARY KEY NOT NULL\n);\n");
    EXPECT_EQ(drizzle::kit::readJournal(out()).entries.size(), 14u);
    EXPECT_TRUE(contains(kit({"generate"}).out, "No schema changes, nothing to migrate"));
}

TEST_F(MigrationsFolder, Generate_FirstMigrationThatFailsLeavesNoFolder) {
    const auto r = kitWithFileSizeLimit(0, "generate --custom --name init");
    EXPECT_EQ(r.exitCode, 8) << r.err;
    EXPECT_TRUE(contains(r.err, (out() / "0000_init.sql").string() + ": write failed")) << r.err;
    EXPECT_FALSE(fs::exists(out())) << listing(folderBytes(out()));
}

// A run killed mid-write leaves its temporaries; they are neither read nor kept.
TEST_F(MigrationsFolder, Generate_IgnoresAndRemovesTemporariesOfAKilledRun) {
    twoCustomMigrations();
    const std::string dead = std::to_string(deadPid());
    write("drizzle/meta/._journal.json." + dead + "-0badf00d.tmp", "{\"version\": \"7\", \"dial");
    write("drizzle/meta/.0002_snapshot.json." + dead + "-0badf00d.tmp", "{ truncated");
    write("drizzle/.0002_next.sql." + dead + "-0badf00d.tmp", "CREATE TA");
    // A temporary whose writer is still running stays.
    const std::string live = "drizzle/meta/._journal.json." + std::to_string(getpid()) + "-12345678.tmp";
    write(live, "{");

    const auto unchanged = kit({"generate", "--custom", "--name", "third"});
    ASSERT_EQ(unchanged.exitCode, 0) << unchanged.err;
    EXPECT_EQ(drizzle::kit::readJournal(out()).entries.size(), 3u);
    for (const auto& [name, bytes] : folderBytes(out()))
        EXPECT_FALSE(name.find(dead) != std::string::npos) << name << " was left behind";
    EXPECT_TRUE(fs::exists(dir_ / live));
}

// ---------------------------------------------------------------- folder checks

TEST_F(MigrationsFolder, Generate_RefusesJournalEntryWhoseSnapshotIsMissing) {
    twoCustomMigrations();
    fs::remove(meta() / "0001_snapshot.json");
    expectRefused("meta/0001_snapshot.json", "missing");
}

TEST_F(MigrationsFolder, Generate_RefusesSnapshotWithoutJournalEntry) {
    twoCustomMigrations();
    fs::copy_file(meta() / "0001_snapshot.json", meta() / "0002_snapshot.json");
    expectRefused("meta/0002_snapshot.json", "no entry of");
}

TEST_F(MigrationsFolder, Generate_RefusesSnapshotsWithoutAJournal) {
    twoCustomMigrations();
    fs::remove(meta() / "_journal.json");
    expectRefused("meta/0000_snapshot.json", "_journal.json does not exist");
}

TEST_F(MigrationsFolder, Generate_RefusesBrokenPrevIdChain) {
    twoCustomMigrations();
    const std::string prevId = drizzle::kit::snapshot::readFile(meta() / "0001_snapshot.json").prevId;
    replaceInFile(meta() / "0001_snapshot.json", prevId, "00000000-0000-0000-0000-000000000000");
    expectRefused("meta/0001_snapshot.json", "is not the id of the snapshot before it");
}

// Only the newest snapshot is diffed, so only it is read whole; the others are read as far as
// the chain needs (dialect, version, id, prevId), and those are checked as strictly.
TEST_F(MigrationsFolder, Generate_RefusesAnOlderSnapshotOfAnOldVersionPointingToUp) {
    twoCustomMigrations();
    ASSERT_EQ(kit({"generate", "--custom", "--name", "third"}).exitCode, 0);
    replaceInFile(meta() / "0001_snapshot.json", "\"version\": \"6\"", "\"version\": \"5\"");
    expectRefused("meta/0001_snapshot.json", "drizzle-kit up");
}

TEST_F(MigrationsFolder, Generate_RefusesANewestSnapshotBrokenAfterItsHeader) {
    twoCustomMigrations();
    replaceInFile(meta() / "0001_snapshot.json", "\"tables\": {}", "\"tables\": []");
    expectRefused("meta/0001_snapshot.json", "tables: expected an object, found an array");
}

// A schema whose snapshot is big enough for generate to compare the exporter's output with the
// newest snapshot as text: nothing changed is found without a diff, and an edit of the snapshot
// that keeps its length (a column's type) is still found and migrated back.
TEST_F(MigrationsFolder, Generate_ComparingLargeSnapshotsAsTextNeverHidesADifference) {
    std::string schema = "#pragma once\n#include <drizzle/sqlite.hpp>\nnamespace sqlite = drizzle::sqlite;\n";
    for (int i = 0; i < 100; ++i) {
        const std::string row = "Row" + std::to_string(i);
        schema += "struct " + row + " { std::int64_t id; std::string name; std::optional<std::string> note; };\n"
                  "inline const auto t" + std::to_string(i) + " = sqlite::sqliteTable<" + row + ">(\"table_" +
                  std::to_string(i) + "\", {\n    sqlite::integer<&" + row + "::id>(\"id\").primaryKey(),\n"
                  "    sqlite::text<&" + row + "::name>(\"name\").notNull(),\n    sqlite::text<&" + row +
                  "::note>(\"note\"),\n});\n";
    }
    write("schema.hpp", schema);
    ASSERT_EQ(kit({"generate", "--name", "init"}).exitCode, 0);
    ASSERT_GE(fs::file_size(meta() / "0000_snapshot.json"), 64u * 1024) << "too small for the text comparison";

    auto r = kit({"generate"});
    EXPECT_EQ(r.exitCode, 0) << r.err;
    EXPECT_TRUE(contains(r.out, "No schema changes, nothing to migrate")) << r.out;

    const std::string before = slurp(meta() / "0000_snapshot.json");
    replaceInFile(meta() / "0000_snapshot.json", "\"name\": \"note\",\n          \"type\": \"text\"",
                  "\"name\": \"note\",\n          \"type\": \"blob\"");
    ASSERT_EQ(slurp(meta() / "0000_snapshot.json").size(), before.size());
    r = kit({"generate", "--name", "back"});
    ASSERT_EQ(r.exitCode, 0) << r.out << r.err;
    const std::string sql = slurp(out() / "0001_back.sql");
    EXPECT_TRUE(contains(sql, "`note` text")) << sql;
}

TEST_F(MigrationsFolder, Generate_RefusesDuplicateIdx) {
    twoCustomMigrations();
    replaceInFile(meta() / "_journal.json", "\"idx\": 1", "\"idx\": 0");
    expectRefused("meta/_journal.json", "repeats the idx 0");
}

TEST_F(MigrationsFolder, Generate_RefusesUnknownJournalVersion) {
    twoCustomMigrations();
    replaceInFile(meta() / "_journal.json", "\"version\": \"7\",\n  \"dialect\"", "\"version\": \"8\",\n  \"dialect\"");
    expectRefused("meta/_journal.json", "journal version \"8\"");
}

TEST_F(MigrationsFolder, Generate_AcceptsJournalOfOlderDrizzleKit) {
    twoCustomMigrations();
    replaceInFile(meta() / "_journal.json", "\"version\": \"7\",\n  \"dialect\"", "\"version\": \"5\",\n  \"dialect\"");
    const auto r = kit({"generate", "--custom", "--name", "third"});
    EXPECT_EQ(r.exitCode, 0) << r.err;
    EXPECT_TRUE(contains(slurp(meta() / "_journal.json"), "\"version\": \"5\",\n  \"dialect\"")) << "the version is kept";
}

TEST_F(MigrationsFolder, Generate_RefusesJournalEntryWhoseSqlIsMissing) {
    twoCustomMigrations();
    fs::remove(out() / "0001_second.sql");
    expectRefused("0001_second.sql", "does not exist");
}

// ---------------------------------------------------------------- prefixes

struct DialectCase {
    friend void PrintTo(const DialectCase& c, std::ostream* os) { *os << c.name; }
    const char* name;
    const char* dialect;
    const char* fixture;  // tests/fixtures/cpp/<dir>/basic.hpp
    const char* extraTable;
    const char* expectedSql;  // of the second migration
};

class PrefixNone : public MigrationsFolder, public ::testing::WithParamInterface<DialectCase> {};

// With `--prefix none` the tag is "_<name>" (as drizzle-kit names it) and the snapshot is named
// after the tag, so that each migration keeps its own; the journal orders them.
TEST_P(PrefixNone, Generate_ContinuesItsOwnHistory) {
    const DialectCase& c = GetParam();
    fs::copy_file(fs::path(DRIZZLE_FIXTURES_DIR) / "cpp" / c.fixture / "basic.hpp", dir_ / "basic.hpp");
    write("extra.hpp", c.extraTable);
    config(std::string(R"({"dialect": ")") + c.dialect + R"(", "schema": "basic.hpp", "out": "drizzle"})");
    auto first = kit({"generate", "--prefix", "none", "--name", "init"});
    ASSERT_EQ(first.exitCode, 0) << first.err;
    EXPECT_TRUE(fs::exists(out() / "_init.sql"));
    EXPECT_TRUE(fs::exists(meta() / "_init_snapshot.json"));

    config(std::string(R"({"dialect": ")") + c.dialect + R"(", "schema": ["basic.hpp", "extra.hpp"], "out": "drizzle"})");
    auto second = kit({"generate", "--prefix", "none", "--name", "add_tags"});
    ASSERT_EQ(second.exitCode, 0) << second.err;
    EXPECT_EQ(slurp(out() / "_add_tags.sql"), c.expectedSql) << "only the change, not the whole schema again";
    EXPECT_TRUE(fs::exists(meta() / "_add_tags_snapshot.json"));

    auto third = kit({"generate", "--prefix", "none"});
    ASSERT_EQ(third.exitCode, 0) << third.err;
    EXPECT_TRUE(contains(third.out, "No schema changes, nothing to migrate")) << third.out;
    const auto journal = drizzle::kit::readJournal(out());
    ASSERT_EQ(journal.entries.size(), 2u);
    EXPECT_EQ(journal.entries[0].tag, "_init");
    EXPECT_EQ(journal.entries[1].tag, "_add_tags");
}

INSTANTIATE_TEST_SUITE_P(
    AllDialects, PrefixNone,
    ::testing::Values(
        DialectCase{"sqlite", "sqlite", "sqlite",
                    "#pragma once\n#include <drizzle/sqlite.hpp>\nstruct Tag { std::int64_t id; };\n"
                    "inline const auto tags = drizzle::sqlite::sqliteTable<Tag>(\"tags\", {\n"
                    "    drizzle::sqlite::integer<&Tag::id>(\"id\").primaryKey(),\n});\n",
                    "CREATE TABLE `tags` (\n\t`id` integer PRIMARY KEY NOT NULL\n);\n"},
        DialectCase{"postgresql", "postgresql", "pg",
                    "#pragma once\n#include <drizzle/pg.hpp>\nstruct Tag { std::int32_t id; };\n"
                    "inline const auto tags = drizzle::pg::pgTable<Tag>(\"tags\", {\n"
                    "    drizzle::pg::integer<&Tag::id>(\"id\").primaryKey(),\n});\n",
                    "CREATE TABLE \"tags\" (\n\t\"id\" integer PRIMARY KEY NOT NULL\n);\n"},
        DialectCase{"mysql", "mysql", "mysql",
                    "#pragma once\n#include <drizzle/mysql.hpp>\nstruct Tag { std::int32_t id; };\n"
                    "inline const auto tags = drizzle::mysql::mysqlTable<Tag>(\"tags\", {\n"
                    "    drizzle::mysql::int_<&Tag::id>(\"id\").primaryKey(),\n});\n",
                    "CREATE TABLE `tags` (\n\t`id` int NOT NULL,\n\tCONSTRAINT `tags_id` PRIMARY KEY(`id`)\n);\n"}),
    [](const ::testing::TestParamInfo<DialectCase>& info) { return std::string(info.param.name); });

// Every other prefix mode names the snapshot after the prefix and finds it again.
TEST_F(MigrationsFolder, Generate_EachPrefixModeFindsItsSnapshotAgain) {
    for (const std::string mode : {"index", "timestamp", "supabase", "unix"}) {
        fs::remove_all(out());
        const auto first = kit({"generate", "--prefix", mode, "--name", "init"});
        ASSERT_EQ(first.exitCode, 0) << mode << ": " << first.err;
        const auto tag = drizzle::kit::readJournal(out()).entries.at(0).tag;
        EXPECT_TRUE(fs::exists(meta() / (tag.substr(0, tag.find('_')) + "_snapshot.json"))) << mode << ": " << tag;
        const auto again = kit({"generate", "--prefix", mode});
        ASSERT_EQ(again.exitCode, 0) << mode << ": " << again.err;
        EXPECT_TRUE(contains(again.out, "No schema changes, nothing to migrate")) << mode << ": " << again.out;
    }
}

TEST_F(MigrationsFolder, Generate_UnknownPrefixFlagIsAUsageErrorListingTheModes) {
    const auto r = kit({"generate", "--prefix", "numbered"});
    EXPECT_EQ(r.exitCode, 2) << r.err;
    EXPECT_TRUE(contains(r.err, "--prefix numbered")) << r.err;
    EXPECT_TRUE(contains(r.err, "index, timestamp, supabase, unix, none")) << r.err;
    EXPECT_FALSE(fs::exists(out()));
}

TEST_F(MigrationsFolder, Generate_UnknownPrefixInConfigIsAConfigError) {
    config(R"({"dialect": "sqlite", "schema": "schema.hpp", "out": "drizzle", "migrations": {"prefix": "numbered"}})");
    const auto r = kit({"generate"});
    EXPECT_EQ(r.exitCode, 3) << r.err;
    EXPECT_TRUE(contains(r.err, "\"migrations.prefix\" is \"numbered\"")) << r.err;
    EXPECT_TRUE(contains(r.err, "index, timestamp, supabase, unix, none")) << r.err;
}

// ---------------------------------------------------------------- pull

TEST_F(MigrationsFolder, Pull_RefusesBrokenMigrationsFolderBeforeWritingCode) {
    drizzle::driver::connect(drizzle::Dialect::sqlite, {.url = (dir_ / "app.db").string()})
        ->execute("CREATE TABLE items (id integer PRIMARY KEY);");
    twoCustomMigrations();
    fs::remove(meta() / "0000_snapshot.json");
    const auto before = folderBytes(out());
    const auto r = kit({"pull", "--url", (dir_ / "app.db").string()});
    EXPECT_EQ(r.exitCode, 5) << r.err;
    EXPECT_TRUE(contains(r.err, "meta/0000_snapshot.json: missing")) << r.err;
    EXPECT_EQ(folderBytes(out()), before) << "no schema.hpp, no baseline";
}

TEST_F(MigrationsFolder, Pull_FailedWriteNamesTheFileAndLeavesNoTemporary) {
    drizzle::driver::connect(drizzle::Dialect::sqlite, {.url = (dir_ / "app.db").string()})
        ->execute("CREATE TABLE items (id integer PRIMARY KEY);");
    const auto r = kitWithFileSizeLimit(0, "pull --url " + (dir_ / "app.db").string());
    EXPECT_EQ(r.exitCode, 8) << r.err;
    EXPECT_TRUE(contains(r.err, (out() / "schema.hpp").string() + ": write failed: File too large")) << r.err;
    EXPECT_EQ(listing(folderBytes(out())), "") << "an empty folder: nothing half written";
}

// ---------------------------------------------------------------- filesystem failures

// A path that cannot be a folder (a file is in the way) fails the same way for root, which
// permissions would not.
TEST_F(MigrationsFolder, Generate_FolderThatCannotBeCreatedIsExit8NamingThePath) {
    write("blocked", "a file, not a folder");
    config(R"({"dialect": "sqlite", "schema": "schema.hpp", "out": "blocked/drizzle"})");
    const auto r = kit({"generate", "--custom", "--name", "x"});
    EXPECT_EQ(r.exitCode, 8) << r.err;
    EXPECT_TRUE(contains(r.err, (dir_ / "blocked/drizzle").string())) << r.err;
    EXPECT_TRUE(contains(r.err, "Not a directory")) << r.err;
}

TEST_F(MigrationsFolder, Generate_ExporterCacheThatCannotBeCreatedIsExit8NamingThePath) {
    write(".drizzle", "a file where the exporter cache goes");
    const auto r = kit({"generate"});
    EXPECT_EQ(r.exitCode, 8) << r.err;
    EXPECT_TRUE(contains(r.err, (dir_ / ".drizzle").string())) << r.err;
    EXPECT_TRUE(contains(r.err, "creating the folder failed")) << r.err;
}

TEST_F(MigrationsFolder, Generate_UnreadableRenamesFileIsExit8NamingThePath) {
    const auto r = kit({"generate", "--renames", "no-such-renames.json"});
    EXPECT_EQ(r.exitCode, 8) << r.err;
    EXPECT_TRUE(contains(r.err, "no-such-renames.json: open failed: No such file or directory")) << r.err;
}

TEST_F(MigrationsFolder, Migrate_FolderBehindAFileIsExit8NamingThePath) {
    write("blocked", "a file, not a folder");
    const auto r = kit({"migrate", "--dialect", "sqlite", "--url", (dir_ / "app.db").string(), "--out", "blocked/drizzle"});
    EXPECT_EQ(r.exitCode, 8) << r.err;
    EXPECT_TRUE(contains(r.err, "blocked/drizzle")) << r.err;
    EXPECT_FALSE(fs::exists(dir_ / "app.db"));
}

// The last resort for a filesystem failure the kit does not check itself: still exit 8, with the
// path and the operation rather than the library's text.
TEST_F(MigrationsFolder, AnyCommand_WorkingFolderThatVanishedIsExit8) {
    fs::create_directories(dir_ / "gone");
    const auto r = drizzle::util::runProcess(
        {"bash", "-c", "cd gone && rmdir ../gone && exec " + std::string(DRIZZLE_KIT_BIN) + " generate --dialect sqlite --schema s.hpp"},
        dir_.string());
    EXPECT_EQ(r.exitCode, 8) << r.err;
    EXPECT_TRUE(contains(r.err, "error: the current folder: cannot get current path: No such file or directory")) << r.err;
}

}  // namespace

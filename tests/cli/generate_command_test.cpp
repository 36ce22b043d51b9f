// `drizzle-kit generate` as a user runs it: the real binary in a scratch project (SQLite, so no
// server is needed; the per-dialect SQL is covered by the differ's own suite).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "drizzle/kit/journal.hpp"
#include "drizzle/kit/snapshot.hpp"
#include "util/process.hpp"
#include "common/slurp.hpp"
#include "common/test_dir.hpp"

namespace fs = std::filesystem;

namespace {

class GenerateCommand : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = freshTestDir("generate");
        write("drizzle.config.json", R"({"dialect": "sqlite", "schema": "schema.hpp", "out": "drizzle"})");
    }
    void TearDown() override { fs::remove_all(dir_); }

    void write(const std::string& name, const std::string& text) {
        std::ofstream(dir_ / name, std::ios::binary | std::ios::trunc) << text;
    }
    // A users table whose columns (after id) are given.
    void schema(const std::string& memberLines, const std::string& columnLines) {
        write("schema.hpp", "#pragma once\n#include <drizzle/sqlite.hpp>\nnamespace sqlite = drizzle::sqlite;\n"
                            "struct User {\n    std::int64_t id;\n" +
                                memberLines + "};\ninline const auto users = sqlite::sqliteTable<User>(\"users\", {\n"
                                              "    sqlite::integer<&User::id>(\"id\").primaryKey(),\n" +
                                columnLines + "});\n");
    }
    drizzle::util::ProcessResult kit(std::vector<std::string> args) {
        args.insert(args.begin(), DRIZZLE_KIT_BIN);
        return drizzle::util::runProcess(args, dir_.string());
    }
    fs::path out() const { return dir_ / "drizzle"; }

    fs::path dir_;
};

TEST_F(GenerateCommand, FirstMigrationWritesSqlSnapshotAndJournal) {
    schema("    std::string name;\n", "    sqlite::text<&User::name>(\"name\").notNull(),\n");
    auto r = kit({"generate", "--name", "init"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const std::string sql = slurp(out() / "0000_init.sql");
    EXPECT_EQ(sql, "CREATE TABLE `users` (\n\t`id` integer PRIMARY KEY NOT NULL,\n\t`name` text NOT NULL\n);\n");
    const auto snap = drizzle::kit::snapshot::readFile(out() / "meta" / "0000_snapshot.json");
    EXPECT_EQ(snap.prevId, "00000000-0000-0000-0000-000000000000");
    EXPECT_TRUE(std::regex_match(snap.id, std::regex("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")));
    const auto journal = drizzle::kit::readJournal(out());
    ASSERT_EQ(journal.entries.size(), 1u);
    EXPECT_EQ(journal.entries[0].tag, "0000_init");
    EXPECT_EQ(journal.entries[0].version, "6");
    EXPECT_EQ(journal.dialect, "sqlite");
    EXPECT_TRUE(journal.entries[0].breakpoints);
}

TEST_F(GenerateCommand, UnchangedSchemaWritesNothing) {
    schema("    std::string name;\n", "    sqlite::text<&User::name>(\"name\").notNull(),\n");
    ASSERT_EQ(kit({"generate", "--name", "init"}).exitCode, 0);
    auto r = kit({"generate"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("No schema changes, nothing to migrate"), std::string::npos) << r.out;
    EXPECT_EQ(drizzle::kit::readJournal(out()).entries.size(), 1u);
}

TEST_F(GenerateCommand, NextMigrationChainsSnapshotsAndAddsTheColumn) {
    schema("    std::string name;\n", "    sqlite::text<&User::name>(\"name\").notNull(),\n");
    ASSERT_EQ(kit({"generate", "--name", "init"}).exitCode, 0);
    schema("    std::string name;\n    std::optional<std::int64_t> importance;\n",
           "    sqlite::text<&User::name>(\"name\").notNull(),\n    sqlite::integer<&User::importance>(\"importance\"),\n");
    auto r = kit({"generate", "--name", "add_importance"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(slurp(out() / "0001_add_importance.sql"), "ALTER TABLE `users` ADD `importance` integer;");
    const auto first = drizzle::kit::snapshot::readFile(out() / "meta" / "0000_snapshot.json");
    const auto second = drizzle::kit::snapshot::readFile(out() / "meta" / "0001_snapshot.json");
    EXPECT_EQ(second.prevId, first.id);
    const auto journal = drizzle::kit::readJournal(out());
    ASSERT_EQ(journal.entries.size(), 2u);
    EXPECT_GT(journal.entries[1].when, journal.entries[0].when);
}

TEST_F(GenerateCommand, AmbiguousRenameWithoutATerminalListsTheFlagsToPass) {
    schema("    std::string fullname;\n", "    sqlite::text<&User::fullname>(\"fullname\").notNull(),\n");
    ASSERT_EQ(kit({"generate", "--name", "init"}).exitCode, 0);
    schema("    std::string fullName;\n", "    sqlite::text<&User::fullName>(\"full_name\").notNull(),\n");
    auto r = kit({"generate"});
    EXPECT_EQ(r.exitCode, 2) << r.err;
    EXPECT_NE(r.err.find("--rename column:users.fullname=full_name"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("--create column:users.full_name"), std::string::npos) << r.err;
    EXPECT_EQ(drizzle::kit::readJournal(out()).entries.size(), 1u) << "nothing is written without an answer";
}

TEST_F(GenerateCommand, RenameFlagRenamesTheColumnAndRecordsItInTheSnapshot) {
    schema("    std::string fullname;\n", "    sqlite::text<&User::fullname>(\"fullname\").notNull(),\n");
    ASSERT_EQ(kit({"generate", "--name", "init"}).exitCode, 0);
    schema("    std::string fullName;\n", "    sqlite::text<&User::fullName>(\"full_name\").notNull(),\n");
    auto r = kit({"generate", "--name", "rename", "--rename", "column:users.fullname=full_name"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(slurp(out() / "0001_rename.sql"), "ALTER TABLE `users` RENAME COLUMN `fullname` TO `full_name`;");
    const auto snap = drizzle::kit::snapshot::readFile(out() / "meta" / "0001_snapshot.json");
    ASSERT_EQ(snap.meta.columns.size(), 1u);
}

TEST_F(GenerateCommand, AsksOnATerminalWhetherSomethingWasRenamed) {
    schema("    std::string fullname;\n", "    sqlite::text<&User::fullname>(\"fullname\").notNull(),\n");
    ASSERT_EQ(kit({"generate", "--name", "init"}).exitCode, 0);
    schema("    std::string fullName;\n", "    sqlite::text<&User::fullName>(\"full_name\").notNull(),\n");
    // script(1) gives generate a terminal; the answer "1" picks the rename.
    write("answer.txt", "1\n");
    auto r = drizzle::util::runProcess(
        {"script", "-qec", std::string(DRIZZLE_KIT_BIN) + " generate --name rename", "/dev/null"}, dir_.string(),
        (dir_ / "answer.txt").string());
    ASSERT_EQ(r.exitCode, 0) << r.out << r.err;
    EXPECT_NE(r.out.find("Is column users.full_name created, or renamed from another column?"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("1) ~ fullname > full_name (rename)"), std::string::npos) << r.out;
    EXPECT_EQ(slurp(out() / "0001_rename.sql"), "ALTER TABLE `users` RENAME COLUMN `fullname` TO `full_name`;");
}

TEST_F(GenerateCommand, CreateFlagDropsAndCreatesInstead) {
    schema("    std::string fullname;\n", "    sqlite::text<&User::fullname>(\"fullname\").notNull(),\n");
    ASSERT_EQ(kit({"generate", "--name", "init"}).exitCode, 0);
    schema("    std::optional<std::string> fullName;\n", "    sqlite::text<&User::fullName>(\"full_name\"),\n");
    auto r = kit({"generate", "--name", "replace", "--create", "column:users.full_name"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const std::string sql = slurp(out() / "0001_replace.sql");
    EXPECT_NE(sql.find("DROP COLUMN `fullname`"), std::string::npos) << sql;
    EXPECT_NE(sql.find("ADD `full_name` text"), std::string::npos) << sql;
}

TEST_F(GenerateCommand, CustomWritesAnEmptyMigrationAndCopiesTheSnapshot) {
    schema("    std::string name;\n", "    sqlite::text<&User::name>(\"name\").notNull(),\n");
    ASSERT_EQ(kit({"generate", "--name", "init"}).exitCode, 0);
    auto r = kit({"generate", "--custom", "--name", "seed"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(slurp(out() / "0001_seed.sql"), "-- Custom SQL migration file, put your code below! --");
    const auto first = drizzle::kit::snapshot::readFile(out() / "meta" / "0000_snapshot.json");
    const auto second = drizzle::kit::snapshot::readFile(out() / "meta" / "0001_snapshot.json");
    EXPECT_TRUE(drizzle::model::equivalent(first, second));
    EXPECT_EQ(second.prevId, first.id);
}

TEST_F(GenerateCommand, TimestampPrefixNamesTheMigrationByTime) {
    schema("    std::string name;\n", "    sqlite::text<&User::name>(\"name\").notNull(),\n");
    auto r = kit({"generate", "--name", "init", "--prefix", "timestamp"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto journal = drizzle::kit::readJournal(out());
    ASSERT_EQ(journal.entries.size(), 1u);
    EXPECT_TRUE(std::regex_match(journal.entries[0].tag, std::regex("20[0-9]{12}_init"))) << journal.entries[0].tag;
    EXPECT_TRUE(fs::exists(out() / "meta" / (journal.entries[0].tag.substr(0, 14) + "_snapshot.json")));
}

TEST_F(GenerateCommand, ContinuesAHistoryWrittenByDrizzleKit) {
    // drizzle-kit's own output for sqlite/basic, and the C++ twin of its schema: nothing to do.
    fs::copy(fs::path(DRIZZLE_FIXTURES_DIR) / "drizzle-kit/sqlite/basic/out", out(), fs::copy_options::recursive);
    fs::copy_file(fs::path(DRIZZLE_FIXTURES_DIR) / "cpp/sqlite/basic.hpp", dir_ / "schema.hpp");
    auto r = kit({"generate"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("No schema changes, nothing to migrate"), std::string::npos) << r.out;
}

// The exporter names each header in an #include "...", which has no escapes: a path that would
// end it early is refused before anything is compiled or written.
TEST_F(GenerateCommand, SchemaPathWithAQuoteIsAConfigErrorAndWritesNothing) {
    write("we\"ird.hpp", "#pragma once\n");
    auto r = kit({"generate", "--schema", "we\"ird.hpp"});
    EXPECT_EQ(r.exitCode, 3) << r.out << r.err;
    EXPECT_NE(r.err.find("its path holds a quote or a line break"), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(out()));
}

}  // namespace

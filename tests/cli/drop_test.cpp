// `drizzle-kit drop` as a user runs it, on a scratch SQLite project: the newest migration goes
// whole (entry, .sql, snapshot) and generate writes it again; an older one only with --force,
// which keeps the snapshots one chain; never one the database has applied; a failed write
// leaves the folder byte for byte as it was.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "common/folder_bytes.hpp"
#include "common/kit_project.hpp"
#include "drizzle/kit/journal.hpp"
#include "drizzle/kit/snapshot.hpp"

namespace fs = std::filesystem;

namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

const char* kSchema =
    "#pragma once\n#include <drizzle/sqlite.hpp>\nnamespace sqlite = drizzle::sqlite;\n"
    "struct User { std::int64_t id; std::string name; };\n"
    "inline const auto users = sqlite::sqliteTable<User>(\"users\", {\n"
    "    sqlite::integer<&User::id>(\"id\").primaryKey(),\n"
    "    sqlite::text<&User::name>(\"name\").notNull(),\n"
    "});\n";

class Drop : public KitProject {
protected:
    Drop() : KitProject("drop") {}
    void SetUp() override {
        KitProject::SetUp();
        write("drizzle.config.json", R"({"dialect": "sqlite", "schema": "schema.hpp", "out": "drizzle"})");
        write("schema.hpp", kSchema);
    }
    fs::path out() const { return dir_ / "drizzle"; }
    // 0000_users (the table), 0001_second and 0002_third (custom, empty).
    void threeMigrations() {
        ASSERT_EQ(kit({"generate", "--name", "users"}).exitCode, 0);
        ASSERT_EQ(kit({"generate", "--custom", "--name", "second"}).exitCode, 0);
        ASSERT_EQ(kit({"generate", "--custom", "--name", "third"}).exitCode, 0);
    }
    std::vector<std::string> tags() {
        std::vector<std::string> out;
        for (const auto& e : drizzle::kit::readJournal(this->out()).entries) out.push_back(e.tag);
        return out;
    }
    drizzle::util::ProcessResult kitWithFileSizeLimit(int blocks, const std::string& args) {
        return drizzle::util::runProcess(
            {"bash", "-c", "ulimit -f " + std::to_string(blocks) + "; trap '' XFSZ; exec " + DRIZZLE_KIT_BIN + " " + args},
            dir_.string());
    }
};

TEST_F(Drop, TheNewestGoesWholeAndGenerateWritesItAgain) {
    ASSERT_EQ(kit({"generate", "--name", "users"}).exitCode, 0);
    const auto r = kit({"drop"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_TRUE(contains(r.out, "dropped 0000_users")) << r.out;
    EXPECT_TRUE(tags().empty());
    std::vector<std::string> left;
    for (const auto& [name, bytes] : folderBytes(out())) left.push_back(name);
    EXPECT_EQ(left, (std::vector<std::string>{"meta", "meta/_journal.json"}));
    const auto again = kit({"generate", "--name", "users"});
    ASSERT_EQ(again.exitCode, 0) << again.err;
    EXPECT_TRUE(contains(slurp(out() / "0000_users.sql"), "CREATE TABLE `users`"));
}

TEST_F(Drop, AnOlderOneNeedsForceAndKeepsTheSnapshotsOneChain) {
    threeMigrations();
    const auto before = folderBytes(out());
    const auto refused = kit({"drop", "--tag", "0001_second"});
    EXPECT_EQ(refused.exitCode, 2) << refused.err;
    EXPECT_TRUE(contains(refused.err, "0002_third")) << refused.err;
    EXPECT_TRUE(contains(refused.err, "--force")) << refused.err;
    EXPECT_EQ(folderBytes(out()), before);

    const auto forced = kit({"drop", "--tag", "0001_second", "--force"});
    ASSERT_EQ(forced.exitCode, 0) << forced.err;
    EXPECT_TRUE(contains(forced.out, "0002_third")) << forced.out;
    EXPECT_EQ(tags(), (std::vector<std::string>{"0000_users", "0002_third"}));
    EXPECT_FALSE(fs::exists(out() / "0001_second.sql"));
    EXPECT_FALSE(fs::exists(out() / "meta/0001_snapshot.json"));
    const auto first = drizzle::kit::snapshot::readHeader(slurp(out() / "meta/0000_snapshot.json"), "0000");
    const auto third = drizzle::kit::snapshot::readHeader(slurp(out() / "meta/0002_snapshot.json"), "0002");
    EXPECT_EQ(third.prevId, first.id);
    // The folder reads as one history: generate finds nothing to do.
    const auto next = kit({"generate"});
    EXPECT_EQ(next.exitCode, 0) << next.err;
    EXPECT_TRUE(contains(next.out, "No schema changes")) << next.out;
}

TEST_F(Drop, NeverOneTheDatabaseHasApplied) {
    threeMigrations();
    write("drizzle.config.json",
          R"({"dialect": "sqlite", "schema": "schema.hpp", "out": "drizzle", "dbCredentials": {"url": "app.db"}})");
    ASSERT_EQ(kit({"migrate"}).exitCode, 0);
    const auto before = folderBytes(out());
    const auto r = kit({"drop"});
    EXPECT_EQ(r.exitCode, 7) << r.err;
    EXPECT_TRUE(contains(r.err, "0002_third is applied to")) << r.err;
    EXPECT_TRUE(contains(r.err, "hint: ")) << r.err;
    EXPECT_EQ(folderBytes(out()), before);
}

TEST_F(Drop, APendingOneGoesEvenWithADatabase) {
    threeMigrations();
    ASSERT_EQ(kit({"migrate", "--url", "app.db"}).exitCode, 0);
    ASSERT_EQ(kit({"generate", "--custom", "--name", "fourth"}).exitCode, 0);
    const auto r = kit({"drop", "--url", "app.db"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(tags().back(), "0002_third");
}

TEST_F(Drop, NothingToDropOrAnUnknownTagSaysWhat) {
    const auto empty = kit({"drop"});
    EXPECT_EQ(empty.exitCode, 2) << empty.err;
    EXPECT_TRUE(contains(empty.err, "nothing to drop")) << empty.err;
    threeMigrations();
    const auto unknown = kit({"drop", "--tag", "0009_nope"});
    EXPECT_EQ(unknown.exitCode, 2) << unknown.err;
    EXPECT_TRUE(contains(unknown.err, "0000_users, 0001_second, 0002_third")) << unknown.err;
}

// A file-size limit stands in for a full disk: the journal cannot be written, and the files
// moved aside come back.
TEST_F(Drop, AFailedWriteLeavesTheFolderAsItWas) {
    threeMigrations();
    const auto before = folderBytes(out());
    const auto r = kitWithFileSizeLimit(0, "drop");
    EXPECT_EQ(r.exitCode, 8) << r.err;
    EXPECT_TRUE(contains(r.err, "_journal.json")) << r.err;
    EXPECT_EQ(listing(folderBytes(out())), listing(before));
    EXPECT_EQ(folderBytes(out()), before);
}

}  // namespace

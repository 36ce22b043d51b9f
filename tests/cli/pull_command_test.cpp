// `drizzle-kit pull` as a user runs it: the real binary in a scratch project against a SQLite
// file built with plain SQL (the per-dialect reading is covered by tests/introspect_*, the
// database-first walkthrough on every dialect by tests/workflow).
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "drizzle/driver/connection.hpp"
#include "drizzle/kit/introspect.hpp"
#include "introspect/dialects.hpp"
#include "drizzle/kit/journal.hpp"
#include "drizzle/model/model.hpp"
#include "drizzle/kit/snapshot.hpp"
#include "util/process.hpp"
#include "common/slurp.hpp"
#include "common/test_dir.hpp"

namespace fs = std::filesystem;

namespace {

const char* kShop = R"(
CREATE TABLE users (
    id integer PRIMARY KEY AUTOINCREMENT,
    email text NOT NULL,
    display_name text,
    CONSTRAINT users_email_unique UNIQUE (email)
);
CREATE TABLE posts (
    id integer PRIMARY KEY,
    author_id integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    reviewer_id integer REFERENCES users (id),
    title text NOT NULL DEFAULT 'untitled',
    score real DEFAULT 0.5,
    published integer DEFAULT 0,
    CONSTRAINT title_not_empty CHECK (length(title) > 0)
);
CREATE INDEX posts_author_idx ON posts (author_id);
CREATE VIEW recent_posts AS SELECT id, title FROM posts;
CREATE TRIGGER posts_touch AFTER UPDATE ON posts BEGIN SELECT 1; END;
)";

class PullCommand : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = freshTestDir("pull");
        write("drizzle.config.json",
              R"({"dialect": "sqlite", "schema": "drizzle/schema.hpp", "out": "drizzle", "dbCredentials": {"url": "shop.db"}})");
        db()->execute(kShop);
    }
    void TearDown() override { fs::remove_all(dir_); }

    std::unique_ptr<drizzle::driver::Connection> db() {
        return drizzle::driver::connect(drizzle::Dialect::sqlite, {.url = (dir_ / "shop.db").string()});
    }
    void write(const std::string& name, const std::string& text) {
        std::ofstream(dir_ / name, std::ios::binary | std::ios::trunc) << text;
    }
    drizzle::util::ProcessResult kit(std::vector<std::string> args) {
        args.insert(args.begin(), DRIZZLE_KIT_BIN);
        return drizzle::util::runProcess(args, dir_.string());
    }
    fs::path out() const { return dir_ / "drizzle"; }
    fs::path baseline() const {
        const auto journal = drizzle::kit::readJournal(out());
        return out() / (journal.entries.at(0).tag + ".sql");
    }

    fs::path dir_;
};

TEST_F(PullCommand, WritesSchemaRelationsAndACommentedOutBaseline) {
    auto r = kit({"pull", "--name", "baseline"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("pulled 2 tables, 1 view"), std::string::npos) << r.out;

    const std::string schema = slurp(out() / "schema.hpp");
    EXPECT_NE(schema.find("inline const auto users = sqlite::sqliteTable<User>(\"users\", {"), std::string::npos) << schema;
    EXPECT_NE(schema.find("sqlite::integer<&User::id>(\"id\").primaryKey().autoincrement()"), std::string::npos) << schema;
    EXPECT_NE(schema.find("std::optional<std::string> displayName;"), std::string::npos) << schema;
    EXPECT_NE(schema.find(".references<&User::id>({.onDelete = sqlite::cascade})"), std::string::npos) << schema;
    EXPECT_NE(schema.find(".default_(\"untitled\")"), std::string::npos) << schema;
    EXPECT_NE(schema.find("sqlite::index(\"posts_author_idx\").on<&Post::authorId>()"), std::string::npos) << schema;
    EXPECT_NE(schema.find("sqlite::sqliteView<RecentPost>(\"recent_posts\""), std::string::npos) << schema;

    // Posts reference users twice: both links are named on both ends.
    const std::string relations = slurp(out() / "relations.hpp");
    EXPECT_NE(relations.find("drizzle::One<Post, User>"), std::string::npos) << relations;
    EXPECT_NE(relations.find("drizzle::Many<User, Post>"), std::string::npos) << relations;
    EXPECT_NE(relations.find("\"posts_authorId_users_id\""), std::string::npos) << relations;

    const std::string sql = slurp(out() / "0000_baseline.sql");
    EXPECT_NE(sql.find("CREATE TABLE `users`"), std::string::npos) << sql;
    std::istringstream lines(sql);
    for (std::string line; std::getline(lines, line);)
        EXPECT_TRUE(line.empty() || line.rfind("--", 0) == 0) << "not commented out: " << line;

    const auto snapshot = drizzle::kit::snapshot::readFile(out() / "meta" / "0000_snapshot.json");
    EXPECT_TRUE(drizzle::model::equivalent(snapshot, drizzle::kit::introspectSqlite(*db(), {}).schema));
}

TEST_F(PullCommand, ObjectsOutsideTheModelAreReportedNotDropped) {
    auto r = kit({"pull"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.err.find("warning: not represented in the schema model: trigger posts_touch"), std::string::npos) << r.err;
    const std::string schema = slurp(out() / "schema.hpp");
    EXPECT_NE(schema.find("//   trigger posts_touch"), std::string::npos) << schema.substr(0, 600);
}

TEST_F(PullCommand, GenerateAfterPullFindsNoChanges) {
    ASSERT_EQ(kit({"pull"}).exitCode, 0);
    auto r = kit({"generate"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("No schema changes"), std::string::npos) << r.out << r.err;
}

// SQLite keeps a view whose table was dropped; pull reports it by name and pulls the rest.
TEST_F(PullCommand, BrokenSqliteViewIsReportedAndTheRestPulled) {
    db()->execute("CREATE TABLE gone (id integer); CREATE VIEW orphan AS SELECT id FROM gone; DROP TABLE gone;");
    auto r = kit({"pull"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.err.find("view orphan (broken, not pulled: SQLite error 1: no such table: main.gone)"), std::string::npos)
        << r.err;
    EXPECT_NE(slurp(out() / "schema.hpp").find("view orphan (broken, not pulled"), std::string::npos);
    EXPECT_EQ(kit({"generate"}).exitCode, 0);
}

TEST_F(PullCommand, PullingAgainGivesTheSameFilesAndNoSecondBaseline) {
    ASSERT_EQ(kit({"pull"}).exitCode, 0);
    const std::string schema = slurp(out() / "schema.hpp"), relations = slurp(out() / "relations.hpp");
    auto r = kit({"pull"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(slurp(out() / "schema.hpp"), schema);
    EXPECT_EQ(slurp(out() / "relations.hpp"), relations);
    EXPECT_EQ(drizzle::kit::readJournal(out()).entries.size(), 1u);
    EXPECT_EQ(r.out.find("baseline"), std::string::npos) << r.out;
}

TEST_F(PullCommand, EditsToAPulledSchemaAreKeptWhenPullingAgain) {
    ASSERT_EQ(kit({"pull"}).exitCode, 0);
    const std::string edited = slurp(out() / "schema.hpp") + "// a note the team added\n";
    write("drizzle/schema.hpp", edited);
    auto r = kit({"pull"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("kept the previous file as"), std::string::npos) << r.out;
    EXPECT_EQ(slurp(out() / "schema.hpp.bak"), edited);
    EXPECT_EQ(slurp(out() / "schema.hpp").find("a note the team added"), std::string::npos);
    EXPECT_FALSE(fs::exists(out() / "relations.hpp.bak"));  // unchanged, so not copied
}

TEST_F(PullCommand, InitRecordsTheBaselineSoMigrateHasNothingToDo) {
    auto r = kit({"pull", "--init"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("recorded the baseline as applied"), std::string::npos) << r.out;
    auto rows = db()->query("SELECT count(*) FROM __drizzle_migrations");
    EXPECT_EQ(rows.text(0, 0), "1");
    auto m = kit({"migrate"});
    ASSERT_EQ(m.exitCode, 0) << m.err;
    EXPECT_NE(m.out.find("nothing to apply: 1 migration already applied"), std::string::npos) << m.out;
}

TEST_F(PullCommand, InitIsRefusedWhenTheOutFolderAlreadyHasMigrations) {
    ASSERT_EQ(kit({"pull"}).exitCode, 0);
    auto r = kit({"pull", "--init"});
    EXPECT_EQ(r.exitCode, 2) << r.out;
    EXPECT_NE(r.err.find("already holds migrations"), std::string::npos) << r.err;
}

TEST_F(PullCommand, UncommentedBaselineRebuildsTheSchemaInAnEmptyDatabase) {
    ASSERT_EQ(kit({"pull", "--name", "baseline"}).exitCode, 0);
    std::string uncommented;
    std::istringstream lines(slurp(baseline()));
    bool header = true;
    for (std::string line; std::getline(lines, line);) {
        if (header && line.rfind("-- ", 0) == 0 && line.find("CREATE") == std::string::npos) continue;
        header = false;
        uncommented += (line.rfind("-- ", 0) == 0 ? line.substr(3) : line == "--" ? "" : line) + "\n";
    }
    write("drizzle/0000_baseline.sql", uncommented);
    auto m = kit({"migrate", "--url", (dir_ / "fresh.db").string()});
    ASSERT_EQ(m.exitCode, 0) << m.err;
    auto fresh = drizzle::driver::connect(drizzle::Dialect::sqlite, {.url = (dir_ / "fresh.db").string()});
    const auto a = drizzle::kit::introspectSqlite(*db(), {}).schema;
    const auto b = drizzle::kit::introspectSqlite(*fresh, {}).schema;
    EXPECT_TRUE(drizzle::model::equivalent(a, b)) << drizzle::kit::snapshot::firstDifference(a, b);
}

TEST_F(PullCommand, TablesFilterAndPreserveCasing) {
    auto r = kit({"pull", "--tablesFilter", "post*", "--casing", "preserve"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const std::string schema = slurp(out() / "schema.hpp");
    EXPECT_EQ(schema.find("\"users\""), std::string::npos) << schema;
    EXPECT_NE(schema.find("std::int64_t author_id;"), std::string::npos) << schema;
    // The key to users is kept in the database but cannot be declared without the table.
    EXPECT_NE(r.err.find("which was not pulled"), std::string::npos) << r.err;
}

TEST_F(PullCommand, UnreachableDatabaseIsAConnectionErrorAndWritesNothing) {
    auto r = kit({"pull", "--dialect", "postgresql", "--url", "postgres://nobody@127.0.0.1:1/none"});
    EXPECT_EQ(r.exitCode, 6) << r.out << r.err;
    EXPECT_FALSE(fs::exists(out()));
}

TEST_F(PullCommand, MissingSqliteFileIsAConnectionErrorAndCreatesNoDatabase) {
    auto r = kit({"pull", "--url", "mistyped.db"});
    EXPECT_EQ(r.exitCode, 6) << r.out << r.err;
    EXPECT_NE(r.err.find("no SQLite database at mistyped.db"), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(dir_ / "mistyped.db"));
    EXPECT_FALSE(fs::exists(out() / "schema.hpp"));
}

TEST_F(PullCommand, UnknownCasingIsAConfigError) {
    auto r = kit({"pull", "--casing", "kebab"});
    EXPECT_EQ(r.exitCode, 3) << r.out;
    EXPECT_NE(r.err.find("introspect.casing"), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(out() / "schema.hpp"));
}

}  // namespace

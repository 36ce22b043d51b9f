// The seeds' database-first walkthrough, end to end, as a user runs it: the "jira" schema (users,
// epics, tags, tasks, tasks_tags) created with plain SQL in a fresh database, `drizzle-kit pull`
// (the real binary) into a scratch project, then a nullable tasks.importance column and the index
// tasks_epic_id_idx added with SQL and pulled again: the generated files change by exactly those
// two things, and `generate` turns that change into a migration. A second scenario pulls with
// --init, so `migrate` has nothing left to apply.
//
// PostgreSQL and MariaDB come from scripts/test.sh (DRIZZLE_TEST_PG_URL, DRIZZLE_TEST_MYSQL_URL);
// without them these tests fail and say so. SQLite uses a file in the project folder.
#include <gtest/gtest.h>

#include <filesystem>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "scratch_project.hpp"

namespace fs = std::filesystem;
using drizzle::Dialect;
using namespace drizzle::workflow;

namespace {

// ---------------------------------------------------------------- the SQL a user writes

// As the seeds' jira example (tasks_tags with its own serial id, nullable references).
const std::vector<std::string> pgJira = {
    "CREATE TABLE users (id serial PRIMARY KEY, username varchar(50), name varchar(250), avatar varchar(500))",
    "CREATE TABLE epics (id serial PRIMARY KEY, name varchar(250), description text, due date)",
    "CREATE TABLE tags (id serial PRIMARY KEY, name varchar(250))",
    "CREATE TABLE tasks (id serial PRIMARY KEY, name varchar(250), epic_id integer REFERENCES epics (id), "
    "user_id integer REFERENCES users (id))",
    "CREATE TABLE tasks_tags (id serial PRIMARY KEY, task integer REFERENCES tasks (id), "
    "tag integer REFERENCES tags (id))",
};

// SQLite has no serial or date: rowid aliases with AUTOINCREMENT, text for the rest.
const std::vector<std::string> sqliteJira = {
    "CREATE TABLE users (id integer PRIMARY KEY AUTOINCREMENT, username text(50), name text(250), avatar text(500))",
    "CREATE TABLE epics (id integer PRIMARY KEY AUTOINCREMENT, name text(250), description text, due text)",
    "CREATE TABLE tags (id integer PRIMARY KEY AUTOINCREMENT, name text(250))",
    "CREATE TABLE tasks (id integer PRIMARY KEY AUTOINCREMENT, name text(250), epic_id integer REFERENCES epics (id), "
    "user_id integer REFERENCES users (id))",
    "CREATE TABLE tasks_tags (id integer PRIMARY KEY AUTOINCREMENT, task integer REFERENCES tasks (id), "
    "tag integer REFERENCES tags (id))",
};

// MariaDB: int AUTO_INCREMENT keys (its `serial` is bigint unsigned), table-level foreign keys.
// For each of these unnamed keys the server adds an index named after the column (`epic_id`),
// and drops it again as soon as another index (tasks_epic_id_idx) can serve the key. Nobody
// declared that index, so the pulled schema must not declare it either, or the change would
// show up as more than itself.
const std::vector<std::string> mysqlJira = {
    "CREATE TABLE users (id int AUTO_INCREMENT PRIMARY KEY, username varchar(50), name varchar(250), "
    "avatar varchar(500))",
    "CREATE TABLE epics (id int AUTO_INCREMENT PRIMARY KEY, name varchar(250), description text, due date)",
    "CREATE TABLE tags (id int AUTO_INCREMENT PRIMARY KEY, name varchar(250))",
    "CREATE TABLE tasks (id int AUTO_INCREMENT PRIMARY KEY, name varchar(250), epic_id int, user_id int, "
    "FOREIGN KEY (epic_id) REFERENCES epics (id), FOREIGN KEY (user_id) REFERENCES users (id))",
    "CREATE TABLE tasks_tags (id int AUTO_INCREMENT PRIMARY KEY, task int, tag int, "
    "FOREIGN KEY (task) REFERENCES tasks (id), FOREIGN KEY (tag) REFERENCES tags (id))",
};

// The change, the same SQL in all three dialects.
const std::vector<std::string> importanceChange = {
    "ALTER TABLE tasks ADD COLUMN importance integer",
    "CREATE INDEX tasks_epic_id_idx ON tasks (epic_id)",
};

// ---------------------------------------------------------------- helpers

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
}

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

// The lines of `after` that `before` lacks and the lines of `before` that `after` lacks, each
// line counted as often as it occurs (a multiset difference: moved lines are no change).
struct LineDiff {
    std::vector<std::string> added, removed;
};

LineDiff lineDiff(const std::string& before, const std::string& after) {
    std::map<std::string, int> count;
    for (const auto& l : lines(after)) ++count[l];
    for (const auto& l : lines(before)) --count[l];
    LineDiff d;
    for (const auto& [line, n] : count) {
        for (int i = 0; i < n; ++i) d.added.push_back(line);
        for (int i = 0; i < -n; ++i) d.removed.push_back(line);
    }
    return d;
}

std::string describe(const LineDiff& d) {
    std::string out;
    for (const auto& l : d.removed) out += "- " + l + "\n";
    for (const auto& l : d.added) out += "+ " + l + "\n";
    return out;
}

// Brackets and separators only, as around a table's constraint list: `}, {`, `});`, `}`.
bool punctuationOnly(const std::string& line) {
    return !trim(line).empty() && trim(line).find_first_not_of("{}(),; \t") == std::string::npos;
}

// ---------------------------------------------------------------- the fixture

class DatabaseFirst : public ScratchProject {
protected:
    DatabaseFirst() : ScratchProject("drizzle_dbfirst_", "drizzle/schema.hpp") {}

    // A scratch project whose drizzle.config.json points at a fresh database, which then gets
    // the jira tables from plain SQL. Nothing is in the project's drizzle/ folder yet.
    void start(Dialect dialect) {
        ScratchProject::start(dialect);
        switch (dialect) {
            case Dialect::postgresql: sql(pgJira); break;
            case Dialect::sqlite: sql(sqliteJira); break;
            case Dialect::mysql: sql(mysqlJira); break;
        }
    }

    // Statements one by one, as a user types them into the database's shell.
    void sql(const std::vector<std::string>& statements) const {
        auto conn = db();
        for (const auto& s : statements) conn->execute(s);
    }

    // ---- the walkthrough's steps; each asserts what it promises.

    // The first pull: schema.hpp, relations.hpp and a baseline whose SQL is all commented out.
    void firstPull() {
        auto r = kit({"pull"});
        ASSERT_EQ(r.exitCode, 0) << r.out << r.err;
        ASSERT_TRUE(fs::exists(dir_ / "drizzle" / "schema.hpp")) << r.out << r.err;
        ASSERT_TRUE(fs::exists(dir_ / "drizzle" / "relations.hpp")) << r.out << r.err;
        EXPECT_TRUE(contains(r.out, "pulled 5 tables")) << r.out;
        EXPECT_TRUE(contains(r.out, "(baseline, commented out)")) << r.out;

        const auto sqlFiles = migrationFiles();
        ASSERT_EQ(sqlFiles.size(), 1u) << r.out;
        EXPECT_TRUE(fs::exists(dir_ / "drizzle" / "meta" / "_journal.json"));
        EXPECT_TRUE(fs::exists(dir_ / "drizzle" / "meta" / "0000_snapshot.json"));
        const std::string baseline = read("drizzle/" + sqlFiles[0]);
        EXPECT_TRUE(contains(baseline, "CREATE TABLE")) << baseline;
        for (const auto& line : lines(baseline)) {
            if (!trim(line).empty()) {
                EXPECT_TRUE(line.starts_with("--")) << "an uncommented baseline line: " << line;
            }
        }

        schema1_ = read("drizzle/schema.hpp");
        relations1_ = read("drizzle/relations.hpp");
        for (const char* table : {"\"users\"", "\"epics\"", "\"tags\"", "\"tasks\"", "\"tasks_tags\""})
            EXPECT_TRUE(contains(schema1_, table)) << table << " is not in schema.hpp:\n" << schema1_;
        EXPECT_FALSE(contains(schema1_, "importance")) << schema1_;
    }

    // A task belongs to one user (tasks.user_id), a user has many tasks.
    void expectTaskUserRelations() const {
        EXPECT_TRUE(contains(relations1_, "drizzle::One<Task, User> user{\"user\", &Task::userId, &User::id};"))
            << relations1_;
        EXPECT_TRUE(contains(relations1_, "drizzle::Many<User, Task> tasks{\"tasks\"};")) << relations1_;
    }

    // `generate` against the pulled code and the baseline snapshot: nothing to do.
    void generateNothing() {
        auto gen = kit({"generate"});
        ASSERT_EQ(gen.exitCode, 0) << gen.out << gen.err << "\n" << read("drizzle/schema.hpp");
        EXPECT_TRUE(contains(gen.out, "No schema changes")) << gen.out << gen.err << "\n" << read("drizzle/schema.hpp");
        EXPECT_EQ(migrationFiles().size(), 1u);
    }

    // The change made with SQL, then pulled into the same folder: no second baseline.
    void changeAndPullAgain() {
        sql(importanceChange);
        auto r = kit({"pull"});
        ASSERT_EQ(r.exitCode, 0) << r.out << r.err;
        EXPECT_FALSE(contains(r.out, "baseline")) << r.out;
        EXPECT_EQ(migrationFiles().size(), 1u) << "the second pull wrote another migration";
        schema2_ = read("drizzle/schema.hpp");
        relations2_ = read("drizzle/relations.hpp");
    }

    // Apart from the constraint list's brackets, every changed line is about the change.
    void expectOnlyTheChange() const {
        const LineDiff d = lineDiff(schema1_, schema2_);
        std::cout << "---- schema.hpp, first pull -> second pull\n" << describe(d) << "----\n";
        bool column = false, index = false;
        for (const auto& l : d.added) {
            column = column || contains(l, "importance");
            index = index || contains(l, "tasks_epic_id_idx");
            EXPECT_TRUE(contains(l, "importance") || contains(l, "tasks_epic_id_idx") || punctuationOnly(l))
                << "an added line that is not the change: " << l << "\nthe diff:\n" << describe(d);
        }
        for (const auto& l : d.removed)
            EXPECT_TRUE(punctuationOnly(l)) << "a removed line: " << l << "\nthe diff:\n" << describe(d);
        EXPECT_TRUE(column) << "no line declares tasks.importance:\n" << describe(d) << "\n" << schema2_;
        EXPECT_TRUE(index) << "no line declares tasks_epic_id_idx:\n" << describe(d) << "\n" << schema2_;
        EXPECT_EQ(relations2_, relations1_) << "the change touches no foreign key, so relations.hpp must not change";
    }

    // A third pull, with nothing changed since the second: the same files, no new migration.
    void pullUnchangedAgain() {
        ASSERT_NO_FATAL_FAILURE(firstPull());
        ASSERT_NO_FATAL_FAILURE(changeAndPullAgain());
        auto r = kit({"pull"});
        ASSERT_EQ(r.exitCode, 0) << r.out << r.err;
        EXPECT_EQ(read("drizzle/schema.hpp"), schema2_);
        EXPECT_EQ(read("drizzle/relations.hpp"), relations2_);
        EXPECT_EQ(migrationFiles().size(), 1u);
    }

    // `generate` after the second pull: a migration with exactly the column and the index.
    void generateTheChange() {
        auto gen = kit({"generate", "--name", "importance"});
        ASSERT_EQ(gen.exitCode, 0) << gen.out << gen.err;
        const auto files = migrationFiles();
        ASSERT_EQ(files.size(), 2u) << gen.out << gen.err;
        ASSERT_TRUE(files[1].starts_with("0001_importance")) << files[1];
        const std::string text = read("drizzle/" + files[1]);
        std::cout << "---- drizzle/" << files[1] << "\n" << text << "\n----\n";
        const auto stmts = statements(text);
        EXPECT_EQ(stmts.size(), 2u) << text;
        bool column = false, index = false;
        for (const auto& s : stmts) {
            column = column || contains(s, "importance");
            index = index || contains(s, "tasks_epic_id_idx");
            EXPECT_TRUE(contains(s, "importance") || contains(s, "tasks_epic_id_idx"))
                << "a statement that is not the change: " << s << "\n" << text;
        }
        EXPECT_TRUE(column) << "the migration does not add tasks.importance:\n" << text;
        EXPECT_TRUE(index) << "the migration does not create tasks_epic_id_idx:\n" << text;
    }

    // `pull --init` into the empty folder records its baseline as applied, so `migrate` has
    // nothing to run against the database the baseline came from.
    void pullInitThenMigrate() {
        auto r = kit({"pull", "--init"});
        ASSERT_EQ(r.exitCode, 0) << r.out << r.err;
        EXPECT_TRUE(contains(r.out, "(baseline, commented out)")) << r.out;
        EXPECT_TRUE(contains(r.out, "recorded the baseline as applied in the database")) << r.out;
        EXPECT_EQ(migrationFiles().size(), 1u);
        EXPECT_EQ(trackedMigrations(), 1);

        auto mig = kit({"migrate"});
        ASSERT_EQ(mig.exitCode, 0) << mig.out << mig.err;
        EXPECT_TRUE(contains(mig.out, "nothing to apply: 1 migration already applied")) << mig.out;
        EXPECT_FALSE(contains(mig.out, "applied 0000")) << mig.out;
        EXPECT_EQ(trackedMigrations(), 1);
    }

    std::string schema1_, relations1_, schema2_, relations2_;
};

}  // namespace

// Each behaviour is its own test (its own project and database), so a failure names the step.
// Written out rather than generated by a macro: gtest_add_tests reads the TEST_F lines. The
// bodies are the same for the three dialects; only start() differs.

// ---------------------------------------------------------------- PostgreSQL

TEST_F(DatabaseFirst, Pg_PullWritesSchemaRelationsAndACommentedOutBaseline) {
    start(Dialect::postgresql);
    ASSERT_NO_FATAL_FAILURE(firstPull());
    expectTaskUserRelations();
}

TEST_F(DatabaseFirst, Pg_PulledSchemaGeneratesNoChanges) {
    start(Dialect::postgresql);
    ASSERT_NO_FATAL_FAILURE(firstPull());
    ASSERT_NO_FATAL_FAILURE(generateNothing());
}

TEST_F(DatabaseFirst, Pg_PullThenSqlChangeShowsOnlyThatChange) {
    start(Dialect::postgresql);
    ASSERT_NO_FATAL_FAILURE(firstPull());
    ASSERT_NO_FATAL_FAILURE(changeAndPullAgain());
    expectOnlyTheChange();
}

TEST_F(DatabaseFirst, Pg_PullingAnUnchangedDatabaseAgainWritesIdenticalFiles) {
    start(Dialect::postgresql);
    ASSERT_NO_FATAL_FAILURE(pullUnchangedAgain());
}

TEST_F(DatabaseFirst, Pg_GenerateAfterThePullMigratesJustTheChange) {
    start(Dialect::postgresql);
    ASSERT_NO_FATAL_FAILURE(firstPull());
    ASSERT_NO_FATAL_FAILURE(changeAndPullAgain());
    ASSERT_NO_FATAL_FAILURE(generateTheChange());
}

TEST_F(DatabaseFirst, Pg_PullInitRecordsTheBaselineSoMigrateHasNothingToApply) {
    start(Dialect::postgresql);
    ASSERT_NO_FATAL_FAILURE(pullInitThenMigrate());
}

// ---------------------------------------------------------------- SQLite

TEST_F(DatabaseFirst, Sqlite_PullWritesSchemaRelationsAndACommentedOutBaseline) {
    start(Dialect::sqlite);
    ASSERT_NO_FATAL_FAILURE(firstPull());
    expectTaskUserRelations();
}

TEST_F(DatabaseFirst, Sqlite_PulledSchemaGeneratesNoChanges) {
    start(Dialect::sqlite);
    ASSERT_NO_FATAL_FAILURE(firstPull());
    ASSERT_NO_FATAL_FAILURE(generateNothing());
}

TEST_F(DatabaseFirst, Sqlite_PullThenSqlChangeShowsOnlyThatChange) {
    start(Dialect::sqlite);
    ASSERT_NO_FATAL_FAILURE(firstPull());
    ASSERT_NO_FATAL_FAILURE(changeAndPullAgain());
    expectOnlyTheChange();
}

TEST_F(DatabaseFirst, Sqlite_PullingAnUnchangedDatabaseAgainWritesIdenticalFiles) {
    start(Dialect::sqlite);
    ASSERT_NO_FATAL_FAILURE(pullUnchangedAgain());
}

TEST_F(DatabaseFirst, Sqlite_GenerateAfterThePullMigratesJustTheChange) {
    start(Dialect::sqlite);
    ASSERT_NO_FATAL_FAILURE(firstPull());
    ASSERT_NO_FATAL_FAILURE(changeAndPullAgain());
    ASSERT_NO_FATAL_FAILURE(generateTheChange());
}

TEST_F(DatabaseFirst, Sqlite_PullInitRecordsTheBaselineSoMigrateHasNothingToApply) {
    start(Dialect::sqlite);
    ASSERT_NO_FATAL_FAILURE(pullInitThenMigrate());
}

// ---------------------------------------------------------------- MySQL / MariaDB

TEST_F(DatabaseFirst, Mysql_PullWritesSchemaRelationsAndACommentedOutBaseline) {
    start(Dialect::mysql);
    ASSERT_NO_FATAL_FAILURE(firstPull());
    expectTaskUserRelations();
}

TEST_F(DatabaseFirst, Mysql_PulledSchemaGeneratesNoChanges) {
    start(Dialect::mysql);
    ASSERT_NO_FATAL_FAILURE(firstPull());
    ASSERT_NO_FATAL_FAILURE(generateNothing());
}

TEST_F(DatabaseFirst, Mysql_PullThenSqlChangeShowsOnlyThatChange) {
    start(Dialect::mysql);
    ASSERT_NO_FATAL_FAILURE(firstPull());
    ASSERT_NO_FATAL_FAILURE(changeAndPullAgain());
    expectOnlyTheChange();
}

TEST_F(DatabaseFirst, Mysql_PullingAnUnchangedDatabaseAgainWritesIdenticalFiles) {
    start(Dialect::mysql);
    ASSERT_NO_FATAL_FAILURE(pullUnchangedAgain());
}

TEST_F(DatabaseFirst, Mysql_GenerateAfterThePullMigratesJustTheChange) {
    start(Dialect::mysql);
    ASSERT_NO_FATAL_FAILURE(firstPull());
    ASSERT_NO_FATAL_FAILURE(changeAndPullAgain());
    ASSERT_NO_FATAL_FAILURE(generateTheChange());
}

TEST_F(DatabaseFirst, Mysql_PullInitRecordsTheBaselineSoMigrateHasNothingToApply) {
    start(Dialect::mysql);
    ASSERT_NO_FATAL_FAILURE(pullInitThenMigrate());
}

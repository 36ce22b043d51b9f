// The seeds workflow, end to end, as a user runs it: the "jira" schema (users, epics, tasks,
// tags, tasks_tags) declared in a C++ header in a scratch project, `drizzle-kit generate` and
// `drizzle-kit migrate` (the real binary) against a fresh database, then a change to the header
// (a nullable `importance` column, an index on tasks(epic_id), ON DELETE CASCADE on tasks ->
// users) generated, checked against the hand-written SQL and applied over existing rows; and
// finally an unchanged schema that generates and applies nothing.
//
// PostgreSQL and MariaDB come from scripts/test.sh (DRIZZLE_TEST_PG_URL, DRIZZLE_TEST_MYSQL_URL);
// without them these tests fail and say so. SQLite uses a file in the project folder.
#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "scratch_project.hpp"

namespace fs = std::filesystem;
using drizzle::Dialect;
using namespace drizzle::workflow;

namespace {

// ---------------------------------------------------------------- the schema, per dialect

// `v2` adds tasks.importance (nullable integer), the index tasks_epic_id_idx and ON DELETE
// CASCADE on tasks.user_id -> users.id.
std::string pgSchema(bool v2) {
    return std::string(R"(#pragma once
#include <drizzle/pg.hpp>

namespace jira {
namespace pg = drizzle::pg;

struct User { std::int32_t id; std::optional<std::string> username, name, avatar; };
struct Epic { std::int32_t id; std::optional<std::string> name, description, due; };
struct Tag { std::int32_t id; std::optional<std::string> name; };
struct Task { std::int32_t id; std::optional<std::string> name; std::optional<std::int32_t> epicId, userId)") +
           (v2 ? ", importance" : "") + R"(; };
struct TaskTag { std::int32_t task; std::int32_t tag; };

inline const auto users = pg::pgTable<User>("users", {
    pg::serial<&User::id>("id").primaryKey(),
    pg::varchar<&User::username>("username", {.length = 50}),
    pg::varchar<&User::name>("name", {.length = 250}),
    pg::varchar<&User::avatar>("avatar", {.length = 500}),
});
inline const auto epics = pg::pgTable<Epic>("epics", {
    pg::serial<&Epic::id>("id").primaryKey(),
    pg::varchar<&Epic::name>("name", {.length = 250}),
    pg::text<&Epic::description>("description"),
    pg::date<&Epic::due>("due"),
});
inline const auto tags = pg::pgTable<Tag>("tags", {
    pg::serial<&Tag::id>("id").primaryKey(),
    pg::varchar<&Tag::name>("name", {.length = 250}),
});
inline const auto tasks = pg::pgTable<Task>("tasks", {
    pg::serial<&Task::id>("id").primaryKey(),
    pg::varchar<&Task::name>("name", {.length = 250}),
    pg::integer<&Task::epicId>("epic_id").references<&Epic::id>(),
)" + (v2 ? R"(    pg::integer<&Task::userId>("user_id").references<&User::id>({.onDelete = pg::cascade}),
    pg::integer<&Task::importance>("importance"),
}, {
    pg::index("tasks_epic_id_idx").on<&Task::epicId>(),
});
)"
         : R"(    pg::integer<&Task::userId>("user_id").references<&User::id>(),
});
)") + R"(inline const auto tasksTags = pg::pgTable<TaskTag>("tasks_tags", {
    pg::integer<&TaskTag::task>("task").notNull().references<&Task::id>(),
    pg::integer<&TaskTag::tag>("tag").notNull().references<&Tag::id>(),
}, {
    pg::primaryKey<&TaskTag::task, &TaskTag::tag>(),
});
}  // namespace jira
)";
}

std::string sqliteSchema(bool v2) {
    return std::string(R"(#pragma once
#include <drizzle/sqlite.hpp>

namespace jira {
namespace sqlite = drizzle::sqlite;

struct User { std::int64_t id; std::optional<std::string> username, name, avatar; };
struct Epic { std::int64_t id; std::optional<std::string> name, description, due; };
struct Tag { std::int64_t id; std::optional<std::string> name; };
struct Task { std::int64_t id; std::optional<std::string> name; std::optional<std::int64_t> epicId, userId)") +
           (v2 ? ", importance" : "") + R"(; };
struct TaskTag { std::int64_t task; std::int64_t tag; };

inline const auto users = sqlite::sqliteTable<User>("users", {
    sqlite::integer<&User::id>("id").primaryKey().autoincrement(),
    sqlite::text<&User::username>("username", {.length = 50}),
    sqlite::text<&User::name>("name", {.length = 250}),
    sqlite::text<&User::avatar>("avatar", {.length = 500}),
});
inline const auto epics = sqlite::sqliteTable<Epic>("epics", {
    sqlite::integer<&Epic::id>("id").primaryKey().autoincrement(),
    sqlite::text<&Epic::name>("name", {.length = 250}),
    sqlite::text<&Epic::description>("description"),
    sqlite::text<&Epic::due>("due"),
});
inline const auto tags = sqlite::sqliteTable<Tag>("tags", {
    sqlite::integer<&Tag::id>("id").primaryKey().autoincrement(),
    sqlite::text<&Tag::name>("name", {.length = 250}),
});
inline const auto tasks = sqlite::sqliteTable<Task>("tasks", {
    sqlite::integer<&Task::id>("id").primaryKey().autoincrement(),
    sqlite::text<&Task::name>("name", {.length = 250}),
    sqlite::integer<&Task::epicId>("epic_id").references<&Epic::id>(),
)" + (v2 ? R"(    sqlite::integer<&Task::userId>("user_id").references<&User::id>({.onDelete = sqlite::cascade}),
    sqlite::integer<&Task::importance>("importance"),
}, {
    sqlite::index("tasks_epic_id_idx").on<&Task::epicId>(),
});
)"
         : R"(    sqlite::integer<&Task::userId>("user_id").references<&User::id>(),
});
)") + R"(inline const auto tasksTags = sqlite::sqliteTable<TaskTag>("tasks_tags", {
    sqlite::integer<&TaskTag::task>("task").notNull().references<&Task::id>(),
    sqlite::integer<&TaskTag::tag>("tag").notNull().references<&Tag::id>(),
}, {
    sqlite::primaryKey<&TaskTag::task, &TaskTag::tag>(),
});
}  // namespace jira
)";
}

// int + AUTO_INCREMENT rather than `serial` (bigint unsigned), so the foreign keys are plain ints.
std::string mysqlSchema(bool v2) {
    return std::string(R"(#pragma once
#include <drizzle/mysql.hpp>

namespace jira {
namespace mysql = drizzle::mysql;

struct User { std::int32_t id; std::optional<std::string> username, name, avatar; };
struct Epic { std::int32_t id; std::optional<std::string> name, description, due; };
struct Tag { std::int32_t id; std::optional<std::string> name; };
struct Task { std::int32_t id; std::optional<std::string> name; std::optional<std::int32_t> epicId, userId)") +
           (v2 ? ", importance" : "") + R"(; };
struct TaskTag { std::int32_t task; std::int32_t tag; };

inline const auto users = mysql::mysqlTable<User>("users", {
    mysql::int_<&User::id>("id").primaryKey().autoincrement(),
    mysql::varchar<&User::username>("username", {.length = 50}),
    mysql::varchar<&User::name>("name", {.length = 250}),
    mysql::varchar<&User::avatar>("avatar", {.length = 500}),
});
inline const auto epics = mysql::mysqlTable<Epic>("epics", {
    mysql::int_<&Epic::id>("id").primaryKey().autoincrement(),
    mysql::varchar<&Epic::name>("name", {.length = 250}),
    mysql::text<&Epic::description>("description"),
    mysql::date<&Epic::due>("due"),
});
inline const auto tags = mysql::mysqlTable<Tag>("tags", {
    mysql::int_<&Tag::id>("id").primaryKey().autoincrement(),
    mysql::varchar<&Tag::name>("name", {.length = 250}),
});
inline const auto tasks = mysql::mysqlTable<Task>("tasks", {
    mysql::int_<&Task::id>("id").primaryKey().autoincrement(),
    mysql::varchar<&Task::name>("name", {.length = 250}),
    mysql::int_<&Task::epicId>("epic_id").references<&Epic::id>(),
)" + (v2 ? R"(    mysql::int_<&Task::userId>("user_id").references<&User::id>({.onDelete = mysql::cascade}),
    mysql::int_<&Task::importance>("importance"),
}, {
    mysql::index("tasks_epic_id_idx").on<&Task::epicId>(),
});
)"
         : R"(    mysql::int_<&Task::userId>("user_id").references<&User::id>(),
});
)") + R"(inline const auto tasksTags = mysql::mysqlTable<TaskTag>("tasks_tags", {
    mysql::int_<&TaskTag::task>("task").notNull().references<&Task::id>(),
    mysql::int_<&TaskTag::tag>("tag").notNull().references<&Tag::id>(),
}, {
    mysql::primaryKey<&TaskTag::task, &TaskTag::tag>(),
});
}  // namespace jira
)";
}

// ---------------------------------------------------------------- helpers

std::string joined(const std::vector<std::string>& lines) {
    std::string out;
    for (const auto& l : lines) out += l + "\n";
    return out;
}

// ---------------------------------------------------------------- the fixture

class SeedsWorkflow : public ScratchProject {
protected:
    SeedsWorkflow() : ScratchProject("drizzle_workflow_", "src/db/schema.hpp") {}

    // A scratch project (drizzle.config.json, schema.hpp v1) and a fresh, empty database.
    void start(Dialect dialect) {
        ScratchProject::start(dialect);
        schema(false);
    }

    void schema(bool v2) {
        switch (dialect_) {
            case Dialect::postgresql: write("src/db/schema.hpp", pgSchema(v2)); break;
            case Dialect::sqlite: write("src/db/schema.hpp", sqliteSchema(v2)); break;
            case Dialect::mysql: write("src/db/schema.hpp", mysqlSchema(v2)); break;
        }
    }

    std::string tables() const {
        switch (dialect_) {
            case Dialect::postgresql:
                return column0(db()->query("SELECT table_name FROM information_schema.tables WHERE table_schema = "
                                           "'public' AND table_type = 'BASE TABLE' ORDER BY table_name"));
            case Dialect::sqlite:
                return column0(db()->query("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
                                           "'sqlite\\_%' ESCAPE '\\' AND name <> '__drizzle_migrations' ORDER BY name"));
            case Dialect::mysql:
                return column0(db()->query("SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = "
                                           "DATABASE() AND TABLE_TYPE = 'BASE TABLE' AND TABLE_NAME NOT IN "
                                           "('__drizzle_migrations', '__drizzle_migrations_lock') ORDER BY TABLE_NAME"));
        }
        return {};
    }

    // "type nullable" of a column, or "" when the column does not exist.
    std::string columnInfo(const std::string& table, const std::string& column) const {
        switch (dialect_) {
            case Dialect::postgresql: {
                auto rows = db()->query("SELECT data_type || ' ' || is_nullable FROM information_schema.columns WHERE "
                                        "table_schema = 'public' AND table_name = ? AND column_name = ?",
                                        {table, column});
                return trim(column0(rows));
            }
            case Dialect::sqlite: {
                auto rows = db()->query(
                    "SELECT lower(type) || ' ' || CASE \"notnull\" WHEN 0 THEN 'YES' ELSE 'NO' END FROM pragma_table_info(?) "
                    "WHERE name = ?",
                    {table, column});
                return trim(column0(rows));
            }
            case Dialect::mysql: {
                auto rows = db()->query("SELECT CONCAT(DATA_TYPE, ' ', IS_NULLABLE) FROM information_schema.COLUMNS "
                                        "WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND COLUMN_NAME = ?",
                                        {table, column});
                return trim(column0(rows));
            }
        }
        return {};
    }

    // The indexed columns of a named index, comma-separated; "" when there is no such index.
    std::string indexColumns(const std::string& table, const std::string& index) const {
        switch (dialect_) {
            case Dialect::postgresql:
                return trim(column0(db()->query(
                    "SELECT string_agg(a.attname, ',' ORDER BY a.attnum) FROM pg_index i JOIN pg_class c ON c.oid = "
                    "i.indexrelid JOIN pg_class t ON t.oid = i.indrelid JOIN pg_attribute a ON a.attrelid = t.oid AND "
                    "a.attnum = ANY(i.indkey) WHERE c.relname = ? AND t.relname = ? GROUP BY c.relname",
                    {index, table})));
            case Dialect::sqlite:
                return trim(column0(db()->query(
                    "SELECT group_concat(ii.name, ',') FROM sqlite_master m, pragma_index_info(m.name) ii WHERE m.type "
                    "= 'index' AND m.name = ? AND m.tbl_name = ? GROUP BY m.name",
                    {index, table})));
            case Dialect::mysql:
                return trim(column0(db()->query(
                    "SELECT GROUP_CONCAT(COLUMN_NAME ORDER BY SEQ_IN_INDEX) FROM information_schema.STATISTICS WHERE "
                    "TABLE_SCHEMA = DATABASE() AND INDEX_NAME = ? AND TABLE_NAME = ? GROUP BY INDEX_NAME",
                    {index, table})));
        }
        return {};
    }

    // The ON DELETE rule of tasks.user_id -> users.id, upper case ("NO ACTION", "CASCADE").
    std::string taskUserDeleteRule() const {
        switch (dialect_) {
            case Dialect::postgresql:
                return trim(column0(db()->query(
                    "SELECT rc.delete_rule FROM information_schema.referential_constraints rc JOIN "
                    "information_schema.key_column_usage k ON k.constraint_name = rc.constraint_name AND "
                    "k.constraint_schema = rc.constraint_schema WHERE k.table_name = 'tasks' AND k.column_name = "
                    "'user_id'")));
            case Dialect::sqlite:
                return trim(column0(db()->query(
                    "SELECT upper(on_delete) FROM pragma_foreign_key_list('tasks') WHERE \"from\" = 'user_id'")));
            case Dialect::mysql:
                return trim(column0(db()->query(
                    "SELECT rc.DELETE_RULE FROM information_schema.REFERENTIAL_CONSTRAINTS rc JOIN "
                    "information_schema.KEY_COLUMN_USAGE k ON k.CONSTRAINT_NAME = rc.CONSTRAINT_NAME AND "
                    "k.CONSTRAINT_SCHEMA = rc.CONSTRAINT_SCHEMA WHERE rc.CONSTRAINT_SCHEMA = DATABASE() AND "
                    "k.TABLE_NAME = 'tasks' AND k.COLUMN_NAME = 'user_id'")));
        }
        return {};
    }

    // The primary key's columns of a table in key order, comma-separated.
    std::string primaryKeyColumns(const std::string& table) const {
        switch (dialect_) {
            case Dialect::postgresql:
                return trim(column0(db()->query(
                    "SELECT string_agg(a.attname, ',' ORDER BY array_position(i.indkey::int2[], a.attnum)) FROM "
                    "pg_index i JOIN pg_class t ON t.oid = i.indrelid JOIN pg_attribute a ON a.attrelid = t.oid AND "
                    "a.attnum = ANY(i.indkey) WHERE i.indisprimary AND t.relname = ?",
                    {table})));
            case Dialect::sqlite:
                return trim(column0(db()->query(
                    "SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk)",
                    {table})));
            case Dialect::mysql:
                return trim(column0(db()->query(
                    "SELECT GROUP_CONCAT(COLUMN_NAME ORDER BY SEQ_IN_INDEX) FROM information_schema.STATISTICS WHERE "
                    "TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND INDEX_NAME = 'PRIMARY'",
                    {table})));
        }
        return {};
    }

    // ---- the workflow's steps; each asserts what it promises.

    // Step 1-2: the first migration, applied to the fresh database; one user, epic and task go in.
    void initialMigration() {
        auto gen = kit({"generate", "--name", "init"});
        ASSERT_EQ(gen.exitCode, 0) << gen.out << gen.err;
        ASSERT_TRUE(fs::exists(dir_ / "drizzle" / "0000_init.sql")) << gen.out;
        auto mig = kit({"migrate"});
        ASSERT_EQ(mig.exitCode, 0) << mig.out << mig.err << "\n" << read("drizzle/0000_init.sql");
        EXPECT_NE(mig.out.find("applied 0000_init"), std::string::npos) << mig.out;
        EXPECT_EQ(tables(), "epics\ntags\ntasks\ntasks_tags\nusers\n");
        EXPECT_EQ(columnInfo("tasks", "importance"), "");

        auto conn = db();
        conn->execute("INSERT INTO users (username, name) VALUES ('ada', 'Ada Lovelace')");
        conn->execute("INSERT INTO epics (name, description) VALUES ('Seeds', 'Fill the database')");
        userId_ = conn->query("SELECT id FROM users WHERE username = 'ada'").integer(0, 0);
        const auto epicId = conn->query("SELECT id FROM epics WHERE name = 'Seeds'").integer(0, 0);
        conn->query("INSERT INTO tasks (name, epic_id, user_id) VALUES ('Write the seeds', ?, ?)",
                    {std::int64_t{epicId}, std::int64_t{userId_}});
        EXPECT_EQ(conn->query("SELECT count(*) FROM tasks").integer(0, 0), 1);
        EXPECT_EQ(primaryKeyColumns("tasks_tags"), "task,tag");
        EXPECT_THROW(conn->execute("INSERT INTO tasks_tags (task, tag) VALUES (999, 999)"), std::exception)
            << "tasks_tags accepted a row whose task and tag do not exist";
        EXPECT_EQ(taskUserDeleteRule(), "NO ACTION");
        EXPECT_THROW(conn->query("DELETE FROM users WHERE id = ?", {std::int64_t{userId_}}), std::exception)
            << "before the change, deleting a user with tasks must be refused";
    }

    // Step 3: the changed header generates the second migration; returns its SQL.
    std::string generateImportance() {
        schema(true);
        auto gen = kit({"generate", "--name", "add_importance"});
        EXPECT_EQ(gen.exitCode, 0) << gen.out << gen.err;
        const fs::path file = dir_ / "drizzle" / "0001_add_importance.sql";
        EXPECT_TRUE(fs::exists(file)) << gen.out << gen.err;
        return slurp(file);
    }

    // Step 4: migrate applies it; the row is kept, the column, index and cascade are there.
    void migrateImportance() {
        auto mig = kit({"migrate"});
        ASSERT_EQ(mig.exitCode, 0) << mig.out << mig.err << "\n"
                                   << read("drizzle/0001_add_importance.sql");
        EXPECT_NE(mig.out.find("applied 0001_add_importance"), std::string::npos) << mig.out;
        EXPECT_EQ(mig.out.find("0000_init"), std::string::npos) << "the first migration ran again:\n" << mig.out;
        EXPECT_EQ(tables(), "epics\ntags\ntasks\ntasks_tags\nusers\n");
        const std::string intType = dialect_ == Dialect::mysql ? "int" : "integer";
        EXPECT_EQ(columnInfo("tasks", "importance"), intType + " YES");
        EXPECT_EQ(indexColumns("tasks", "tasks_epic_id_idx"), "epic_id");
        EXPECT_EQ(taskUserDeleteRule(), "CASCADE");

        auto conn = db();
        auto rows = conn->query("SELECT name, user_id, importance FROM tasks");
        ASSERT_EQ(rows.size(), 1u) << "the task inserted before the migration is gone";
        EXPECT_EQ(rows.text(0, 0), "Write the seeds");
        EXPECT_EQ(rows.integer(0, 1), userId_);
        EXPECT_TRUE(rows.isNull(0, 2));

        conn->query("DELETE FROM users WHERE id = ?", {std::int64_t{userId_}});
        EXPECT_EQ(conn->query("SELECT count(*) FROM tasks").integer(0, 0), 0) << "deleting the user did not cascade";
        EXPECT_EQ(trackedMigrations(), 2);
    }

    // The steps up to the applied second migration, checking the SQL against `expected`.
    void throughImportance(const std::vector<std::string>& expected) {
        ASSERT_NO_FATAL_FAILURE(initialMigration());
        const std::string sql = generateImportance();
        ASSERT_FALSE(HasFailure()) << sql;
        std::cout << "---- drizzle/0001_add_importance.sql\n" << sql << "\n----\n";
        EXPECT_EQ(joined(statements(sql)), joined(expected)) << "0001_add_importance.sql:\n" << sql;
        ASSERT_NO_FATAL_FAILURE(migrateImportance());
    }

    // The unchanged schema: generate writes nothing, migrate applies nothing.
    void nothingMore() {
        auto gen = kit({"generate"});
        ASSERT_EQ(gen.exitCode, 0) << gen.out << gen.err;
        EXPECT_NE(gen.out.find("No schema changes, nothing to migrate"), std::string::npos) << gen.out;
        EXPECT_EQ(migrationFiles().size(), 2u);
        auto mig = kit({"migrate"});
        ASSERT_EQ(mig.exitCode, 0) << mig.out << mig.err;
        EXPECT_NE(mig.out.find("nothing to apply: 2 migrations already applied"), std::string::npos) << mig.out;
        EXPECT_EQ(trackedMigrations(), 2);
    }

    // The development loop with push instead of migrations: push the schema, add rows, push the
    // importance change (the same statements generate writes), push again (nothing), then drop a
    // column that holds data: refused without --force and nothing changed, dropped with it.
    void pushLoop(const std::vector<std::string>& expected) {
        schema(false);
        auto first = kit({"push"});
        ASSERT_EQ(first.exitCode, 0) << first.out << first.err;
        EXPECT_NE(first.out.find("Changes applied"), std::string::npos) << first.out;
        EXPECT_EQ(tables(), "epics\ntags\ntasks\ntasks_tags\nusers\n");
        EXPECT_FALSE(fs::exists(dir_ / "drizzle")) << "push wrote migration files";
        auto conn = db();
        conn->execute("INSERT INTO users (username, name, avatar) VALUES ('ada', 'Ada Lovelace', 'ada.png')");
        userId_ = conn->query("SELECT id FROM users WHERE username = 'ada'").integer(0, 0);
        conn->query("INSERT INTO tasks (name, user_id) VALUES ('Write the seeds', ?)", {std::int64_t{userId_}});

        schema(true);
        auto second = kit({"push", "--json"});
        ASSERT_EQ(second.exitCode, 0) << second.out << second.err;
        const auto plan = nlohmann::json::parse(second.out);
        EXPECT_EQ(plan["outcome"], "applied");
        std::vector<std::string> ran;
        for (const auto& sql : plan["statements"]) ran.push_back(trim(sql.get<std::string>()));
        EXPECT_EQ(joined(ran), joined(expected)) << "push and generate disagree";
        const std::string intType = dialect_ == Dialect::mysql ? "int" : "integer";
        EXPECT_EQ(columnInfo("tasks", "importance"), intType + " YES");
        EXPECT_EQ(indexColumns("tasks", "tasks_epic_id_idx"), "epic_id");
        EXPECT_EQ(taskUserDeleteRule(), "CASCADE");
        EXPECT_EQ(db()->query("SELECT count(*) FROM tasks").integer(0, 0), 1) << "the task is gone";

        auto again = kit({"push"});
        ASSERT_EQ(again.exitCode, 0) << again.out << again.err;
        EXPECT_NE(again.out.find("No changes detected"), std::string::npos) << again.out;

        // users.avatar goes from the header; one row holds a value in it.
        std::string text = read("src/db/schema.hpp");
        const auto at = text.find("\"avatar\"");
        ASSERT_NE(at, std::string::npos);
        text.erase(text.rfind('\n', at) + 1, text.find('\n', at) - text.rfind('\n', at));
        write("src/db/schema.hpp", text);
        auto refused = kit({"push"});
        EXPECT_EQ(refused.exitCode, 2) << refused.out << refused.err;
        EXPECT_NE(refused.err.find("avatar"), std::string::npos) << refused.err;
        EXPECT_NE(refused.err.find("1 row"), std::string::npos) << refused.err;
        EXPECT_NE(columnInfo("users", "avatar"), "") << "a refused push changed the database";
        // --json for scripts: the refusal with its findings, then a failure as JSON too.
        auto json = kit({"push", "--json"});
        EXPECT_EQ(json.exitCode, 2) << json.out << json.err;
        const auto refusal = nlohmann::json::parse(json.out);
        EXPECT_EQ(refusal["outcome"], "refused");
        ASSERT_EQ(refusal["findings"].size(), 1u) << json.out;
        EXPECT_EQ(refusal["findings"][0]["kind"], "drop column");
        EXPECT_EQ(refusal["findings"][0]["column"], "avatar");
        EXPECT_EQ(refusal["findings"][0]["rows"], 1);
        auto forced = kit({"push", "--force"});
        ASSERT_EQ(forced.exitCode, 0) << forced.out << forced.err;
        EXPECT_EQ(columnInfo("users", "avatar"), "");
        EXPECT_EQ(db()->query("SELECT name FROM users").text(0, 0), "Ada Lovelace");
    }

    std::int64_t userId_ = 0;
};

// ---------------------------------------------------------------- the hand-written SQL

const std::vector<std::string> pgImportanceSql = {
    R"(ALTER TABLE "tasks" DROP CONSTRAINT "tasks_user_id_users_id_fk";)",
    R"(ALTER TABLE "tasks" ADD COLUMN "importance" integer;)",
    R"(ALTER TABLE "tasks" ADD CONSTRAINT "tasks_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;)",
    R"(CREATE INDEX "tasks_epic_id_idx" ON "tasks" USING btree ("epic_id");)",
};

const std::vector<std::string> mysqlImportanceSql = {
    "ALTER TABLE `tasks` DROP FOREIGN KEY `tasks_user_id_users_id_fk`;",
    "ALTER TABLE `tasks` ADD `importance` int;",
    "ALTER TABLE `tasks` ADD CONSTRAINT `tasks_user_id_users_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE cascade ON UPDATE no action;",
    "CREATE INDEX `tasks_epic_id_idx` ON `tasks` (`epic_id`);",
};

// SQLite cannot alter a foreign key: Drizzle Kit rebuilds the table, keeping its rows.
const std::vector<std::string> sqliteImportanceSql = {
    "PRAGMA foreign_keys=OFF;",
    "CREATE TABLE `__new_tasks` (\n"
    "\t`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,\n"
    "\t`name` text(250),\n"
    "\t`epic_id` integer,\n"
    "\t`user_id` integer,\n"
    "\t`importance` integer,\n"
    "\tFOREIGN KEY (`epic_id`) REFERENCES `epics`(`id`) ON UPDATE no action ON DELETE no action,\n"
    "\tFOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade\n"
    ");",
    // Only the columns the old table has (Drizzle Kit 0.31 also selects the new `importance` from the
    // old table, which fails with "no such column").
    "INSERT INTO `__new_tasks`(`id`, `name`, `epic_id`, `user_id`) SELECT `id`, `name`, `epic_id`, `user_id` FROM "
    "`tasks`;",
    "DROP TABLE `tasks`;",
    "ALTER TABLE `__new_tasks` RENAME TO `tasks`;",
    "PRAGMA foreign_keys=ON;",
    "CREATE INDEX `tasks_epic_id_idx` ON `tasks` (`epic_id`);",
};

}  // namespace

// Each behaviour is its own test (its own project and database), so a failure names the step.
// Written out rather than generated by a macro: gtest_add_tests reads the TEST_F lines.

// ---------------------------------------------------------------- PostgreSQL

TEST_F(SeedsWorkflow, Pg_InitialMigrationCreatesTheJiraTables) {
    start(Dialect::postgresql);
    ASSERT_NO_FATAL_FAILURE(initialMigration());
}

TEST_F(SeedsWorkflow, Pg_GenerateAndMigrateTheImportanceChange) {
    start(Dialect::postgresql);
    ASSERT_NO_FATAL_FAILURE(throughImportance(pgImportanceSql));
}

TEST_F(SeedsWorkflow, Pg_PushLoopAppliesTheSameStatementsAndRefusesDataLoss) {
    start(Dialect::postgresql);
    ASSERT_NO_FATAL_FAILURE(pushLoop(pgImportanceSql));
}

TEST_F(SeedsWorkflow, Pg_UnchangedSchemaGeneratesAndAppliesNothing) {
    start(Dialect::postgresql);
    ASSERT_NO_FATAL_FAILURE(throughImportance(pgImportanceSql));
    ASSERT_NO_FATAL_FAILURE(nothingMore());
}

// ---------------------------------------------------------------- SQLite

TEST_F(SeedsWorkflow, Sqlite_InitialMigrationCreatesTheJiraTables) {
    start(Dialect::sqlite);
    ASSERT_NO_FATAL_FAILURE(initialMigration());
}

TEST_F(SeedsWorkflow, Sqlite_GenerateAndMigrateTheImportanceChange) {
    start(Dialect::sqlite);
    ASSERT_NO_FATAL_FAILURE(throughImportance(sqliteImportanceSql));
}

TEST_F(SeedsWorkflow, Sqlite_PushLoopAppliesTheSameStatementsAndRefusesDataLoss) {
    start(Dialect::sqlite);
    ASSERT_NO_FATAL_FAILURE(pushLoop(sqliteImportanceSql));
}

TEST_F(SeedsWorkflow, Sqlite_UnchangedSchemaGeneratesAndAppliesNothing) {
    start(Dialect::sqlite);
    ASSERT_NO_FATAL_FAILURE(throughImportance(sqliteImportanceSql));
    ASSERT_NO_FATAL_FAILURE(nothingMore());
}

// ---------------------------------------------------------------- MySQL / MariaDB

TEST_F(SeedsWorkflow, Mysql_InitialMigrationCreatesTheJiraTables) {
    start(Dialect::mysql);
    ASSERT_NO_FATAL_FAILURE(initialMigration());
}

TEST_F(SeedsWorkflow, Mysql_GenerateAndMigrateTheImportanceChange) {
    start(Dialect::mysql);
    ASSERT_NO_FATAL_FAILURE(throughImportance(mysqlImportanceSql));
}

TEST_F(SeedsWorkflow, Mysql_PushLoopAppliesTheSameStatementsAndRefusesDataLoss) {
    start(Dialect::mysql);
    ASSERT_NO_FATAL_FAILURE(pushLoop(mysqlImportanceSql));
}

TEST_F(SeedsWorkflow, Mysql_UnchangedSchemaGeneratesAndAppliesNothing) {
    start(Dialect::mysql);
    ASSERT_NO_FATAL_FAILURE(throughImportance(mysqlImportanceSql));
    ASSERT_NO_FATAL_FAILURE(nothingMore());
}

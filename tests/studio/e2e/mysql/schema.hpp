// drizzle-kit studio's browser test on MariaDB/MySQL (tests/studio/e2e/run.sh mysql): pg/schema.hpp's
// projects, users and tasks as MySQL declares them (AUTO_INCREMENT ids, ENUM columns, datetimes,
// json), with a nullable column that also holds an empty string.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include <drizzle/mysql.hpp>

namespace studio_e2e {
namespace mysql = drizzle::mysql;

struct Project {
    std::int32_t id = 0;
    std::string name;
};
struct User {
    std::int32_t id = 0;
    std::string name;
    std::string email;
    std::optional<std::string> bio;
    bool active = true;
    std::string role;
    std::chrono::sys_seconds createdAt{};
};
// An app-side default: the studio offers its value for a new task's title.
inline std::string draftTitle() { return "Draft task"; }

struct Task {
    std::int32_t id = 0;
    std::int32_t projectId = 0;
    std::string title;
    std::int32_t points = 0;
    std::int64_t estimateMs = 0;
    bool done = false;
    std::optional<std::int32_t> assigneeId;
    std::optional<std::string> details;
    std::optional<std::chrono::sys_seconds> dueAt;
    std::string status;
};

inline const auto projects = mysql::mysqlTable<Project>("projects", {
    mysql::int_<&Project::id>("id").primaryKey().autoincrement(),
    mysql::varchar<&Project::name>("name", {.length = 100}).notNull().unique(),
});
inline const auto users = mysql::mysqlTable<User>("users", {
    mysql::int_<&User::id>("id").primaryKey().autoincrement(),
    mysql::varchar<&User::name>("name", {.length = 100}).notNull(),
    mysql::varchar<&User::email>("email", {.length = 255}).notNull().unique(),
    mysql::text<&User::bio>("bio"),
    mysql::boolean<&User::active>("active").notNull().default_(true),
    mysql::mysqlEnum<&User::role>("role", {"admin", "member", "guest"}).notNull().default_("member"),
    mysql::datetime<&User::createdAt>("created_at").notNull().defaultNow(),
});
inline const auto tasks = mysql::mysqlTable<Task>("tasks", {
    mysql::int_<&Task::id>("id").primaryKey().autoincrement(),
    mysql::int_<&Task::projectId>("project_id").notNull().references<&Project::id>(),
    mysql::varchar<&Task::title>("title", {.length = 200}).notNull().defaultFn<&draftTitle>(),
    mysql::int_<&Task::points>("points").notNull().default_(0),
    mysql::bigint<&Task::estimateMs>("estimate_ms").notNull().default_(0),
    mysql::boolean<&Task::done>("done").notNull().default_(false),
    mysql::int_<&Task::assigneeId>("assignee_id").references<&User::id>({.onDelete = mysql::setNull}),
    mysql::json<&Task::details>("details"),
    mysql::datetime<&Task::dueAt>("due_at"),
    mysql::mysqlEnum<&Task::status>("status", {"todo", "doing", "done"}).notNull().default_("todo"),
});

}  // namespace studio_e2e

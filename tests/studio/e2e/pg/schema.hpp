// drizzle-kit studio's browser test on PostgreSQL (tests/studio/e2e/run.sh pg): projects, users
// and their tasks, with the types the grid shows as the database's text (bigint, boolean, jsonb,
// an enum, timestamps) and a nullable column that also holds an empty string.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include <drizzle/pg.hpp>

namespace studio_e2e {
namespace pg = drizzle::pg;

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

inline const auto userRole = pg::pgEnum("user_role", {"admin", "member", "guest"});
inline const auto taskStatus = pg::pgEnum("task_status", {"todo", "doing", "done"});

inline const auto projects = pg::pgTable<Project>("projects", {
    pg::serial<&Project::id>("id").primaryKey(),
    pg::text<&Project::name>("name").notNull().unique(),
});
inline const auto users = pg::pgTable<User>("users", {
    pg::serial<&User::id>("id").primaryKey(),
    pg::text<&User::name>("name").notNull(),
    pg::varchar<&User::email>("email", {.length = 255}).notNull().unique(),
    pg::text<&User::bio>("bio"),
    pg::boolean<&User::active>("active").notNull().default_(true),
    userRole.column<&User::role>("role").notNull().default_("member"),
    pg::timestamp<&User::createdAt>("created_at").notNull().defaultNow(),
});
inline const auto tasks = pg::pgTable<Task>("tasks", {
    pg::serial<&Task::id>("id").primaryKey(),
    pg::integer<&Task::projectId>("project_id").notNull().references<&Project::id>(),
    pg::text<&Task::title>("title").notNull().defaultFn<&draftTitle>(),
    pg::integer<&Task::points>("points").notNull().default_(0),
    pg::bigint<&Task::estimateMs>("estimate_ms").notNull().default_(0),
    pg::boolean<&Task::done>("done").notNull().default_(false),
    pg::integer<&Task::assigneeId>("assignee_id").references<&User::id>({.onDelete = pg::setNull}),
    pg::jsonb<&Task::details>("details"),
    pg::timestamp<&Task::dueAt>("due_at"),
    taskStatus.column<&Task::status>("status").notNull().default_("todo"),
});

}  // namespace studio_e2e

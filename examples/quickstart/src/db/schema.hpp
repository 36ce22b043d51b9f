// The quick start's schema: a tiny task tracker on SQLite, declared in C++.
// This header is the single source of truth for the database and for the row types.
#pragma once

#include <drizzle/relations.hpp>
#include <drizzle/sqlite.hpp>

namespace app {
namespace sqlite = drizzle::sqlite;

struct User {
    std::int64_t id = 0;  // 0: the database assigns it on insert
    std::string name;
    std::string email;
    // Left unset, an insert leaves it to the column's DEFAULT (the time of the insert).
    drizzle::Defaulted<std::optional<std::string>> createdAt;
};

struct Task {
    std::int64_t id;
    std::string title;
    drizzle::Defaulted<bool> done;  // DEFAULT false unless the row says otherwise
    std::optional<std::int64_t> assigneeId;
};

inline const auto users = sqlite::sqliteTable<User>("users", {
    sqlite::integer<&User::id>("id").primaryKey().autoincrement(),
    sqlite::text<&User::name>("name").notNull(),
    sqlite::text<&User::email>("email").notNull().unique(),
    sqlite::text<&User::createdAt>("created_at").defaultNow(),
});

inline const auto tasks = sqlite::sqliteTable<Task>("tasks", {
    sqlite::integer<&Task::id>("id").primaryKey().autoincrement(),
    sqlite::text<&Task::title>("title").notNull(),
    sqlite::integer<&Task::done>("done").notNull().default_(false),
    sqlite::integer<&Task::assigneeId>("assignee_id").references<&User::id>({.onDelete = sqlite::setNull}),
}, {
    sqlite::index("tasks_assignee_idx").on<&Task::assigneeId>(),
    sqlite::check("tasks_title_not_empty", sqlite::sql("length(title) > 0")),
});

// What relational queries follow: a task's assignee, a user's tasks.
struct TaskRelations {
    drizzle::One<Task, User> assignee{"assignee", &Task::assigneeId, &User::id};
};
struct UserRelations {
    drizzle::Many<User, Task> tasks{"tasks"};
};
inline const TaskRelations tasksRelations{};
inline const UserRelations usersRelations{};

}  // namespace app

"""Generates the query compile-time benchmark's translation units (see run.py).

A realistic PostgreSQL schema (10 tables of a project-tracking app) and N functions, each building
and running one typical query: selects with where/orderBy/limit, joins, aggregates, subqueries,
prepared statements, inserts, upserts, updates and deletes, cycling over the tables. The baseline
has the same includes, schema and function signatures with the bodies removed.
"""

import dataclasses

SCHEMA = r"""
struct Organization {
    std::int32_t id = 0;
    std::string name;
    std::string slug;
    std::string plan;
    std::int32_t seats = 0;
    std::optional<std::string> website;
    bool active = true;
    std::string createdAt;
};
struct User {
    std::int32_t id = 0;
    std::int32_t orgId = 0;
    std::string email;
    std::string name;
    std::optional<std::int32_t> age;
    std::optional<std::string> lastLoginAt;
    bool active = true;
};
struct Project {
    std::int32_t id = 0;
    std::int32_t orgId = 0;
    std::int32_t ownerId = 0;
    std::string name;
    std::optional<std::string> description;
    std::optional<double> budget;
    bool archived = false;
};
struct Task {
    std::int64_t id = 0;
    std::int32_t projectId = 0;
    std::optional<std::int32_t> assigneeId;
    std::string title;
    std::string status;
    std::int32_t priority = 0;
    std::optional<double> estimate;
    std::optional<std::string> dueAt;
    bool done = false;
};
struct Comment {
    std::int64_t id = 0;
    std::int64_t taskId = 0;
    std::int32_t authorId = 0;
    std::string body;
    std::optional<std::string> editedAt;
    std::string createdAt;
};
struct Tag {
    std::int32_t id = 0;
    std::int32_t orgId = 0;
    std::string name;
    std::optional<std::string> color;
    std::int32_t uses = 0;
};
struct TaskTag {
    std::int64_t id = 0;
    std::int64_t taskId = 0;
    std::int32_t tagId = 0;
    std::string source;
    std::string addedAt;
};
struct Session {
    std::int64_t id = 0;
    std::int32_t userId = 0;
    std::string token;
    std::optional<std::string> ip;
    std::int32_t hits = 0;
    std::string expiresAt;
};
struct AuditEntry {
    std::int64_t id = 0;
    std::int32_t orgId = 0;
    std::optional<std::int32_t> userId;
    std::string action;
    std::optional<std::string> payload;
    std::int64_t durationMs = 0;
    std::string at;
};
struct Invoice {
    std::int32_t id = 0;
    std::int32_t orgId = 0;
    std::string number;
    std::int64_t amountCents = 0;
    std::string currency;
    bool paid = false;
    std::optional<std::string> paidAt;
};

inline const auto organizations = pg::pgTable<Organization>("organizations", {
    pg::serial<&Organization::id>("id").primaryKey(),
    pg::text<&Organization::name>("name").notNull(),
    pg::varchar<&Organization::slug>("slug", {.length = 64}).notNull().unique(),
    pg::text<&Organization::plan>("plan").notNull().default_("free"),
    pg::integer<&Organization::seats>("seats").notNull().default_(5),
    pg::text<&Organization::website>("website"),
    pg::boolean<&Organization::active>("active").notNull().default_(true),
    pg::timestamp<&Organization::createdAt>("created_at", {.withTimezone = true}).notNull().defaultNow(),
});
inline const auto users = pg::pgTable<User>("users", {
    pg::serial<&User::id>("id").primaryKey(),
    pg::integer<&User::orgId>("org_id").notNull().references<&Organization::id>({.onDelete = pg::cascade}),
    pg::varchar<&User::email>("email", {.length = 256}).notNull().unique(),
    pg::text<&User::name>("name").notNull(),
    pg::integer<&User::age>("age"),
    pg::timestamp<&User::lastLoginAt>("last_login_at", {.withTimezone = true}),
    pg::boolean<&User::active>("active").notNull().default_(true),
}, {
    pg::index("users_org_idx").on<&User::orgId>(),
});
inline const auto projects = pg::pgTable<Project>("projects", {
    pg::serial<&Project::id>("id").primaryKey(),
    pg::integer<&Project::orgId>("org_id").notNull().references<&Organization::id>({.onDelete = pg::cascade}),
    pg::integer<&Project::ownerId>("owner_id").notNull().references<&User::id>(),
    pg::text<&Project::name>("name").notNull(),
    pg::text<&Project::description>("description"),
    pg::doublePrecision<&Project::budget>("budget"),
    pg::boolean<&Project::archived>("archived").notNull().default_(false),
});
inline const auto tasks = pg::pgTable<Task>("tasks", {
    pg::bigserial<&Task::id>("id").primaryKey(),
    pg::integer<&Task::projectId>("project_id").notNull().references<&Project::id>({.onDelete = pg::cascade}),
    pg::integer<&Task::assigneeId>("assignee_id").references<&User::id>({.onDelete = pg::setNull}),
    pg::text<&Task::title>("title").notNull(),
    pg::text<&Task::status>("status").notNull().default_("open"),
    pg::integer<&Task::priority>("priority").notNull().default_(0),
    pg::doublePrecision<&Task::estimate>("estimate"),
    pg::timestamp<&Task::dueAt>("due_at", {.withTimezone = true}),
    pg::boolean<&Task::done>("done").notNull().default_(false),
}, {
    pg::index("tasks_project_idx").on<&Task::projectId>(),
    pg::index("tasks_assignee_idx").on<&Task::assigneeId>(),
});
inline const auto comments = pg::pgTable<Comment>("comments", {
    pg::bigserial<&Comment::id>("id").primaryKey(),
    pg::bigint<&Comment::taskId>("task_id").notNull().references<&Task::id>({.onDelete = pg::cascade}),
    pg::integer<&Comment::authorId>("author_id").notNull().references<&User::id>(),
    pg::text<&Comment::body>("body").notNull(),
    pg::timestamp<&Comment::editedAt>("edited_at", {.withTimezone = true}),
    pg::timestamp<&Comment::createdAt>("created_at", {.withTimezone = true}).notNull().defaultNow(),
});
inline const auto tags = pg::pgTable<Tag>("tags", {
    pg::serial<&Tag::id>("id").primaryKey(),
    pg::integer<&Tag::orgId>("org_id").notNull().references<&Organization::id>({.onDelete = pg::cascade}),
    pg::varchar<&Tag::name>("name", {.length = 64}).notNull().unique(),
    pg::varchar<&Tag::color>("color", {.length = 7}),
    pg::integer<&Tag::uses>("uses").notNull().default_(0),
});
inline const auto taskTags = pg::pgTable<TaskTag>("task_tags", {
    pg::bigserial<&TaskTag::id>("id").primaryKey(),
    pg::bigint<&TaskTag::taskId>("task_id").notNull().references<&Task::id>({.onDelete = pg::cascade}),
    pg::integer<&TaskTag::tagId>("tag_id").notNull().references<&Tag::id>({.onDelete = pg::cascade}),
    pg::text<&TaskTag::source>("source").notNull().default_("manual"),
    pg::timestamp<&TaskTag::addedAt>("added_at", {.withTimezone = true}).notNull().defaultNow(),
});
inline const auto sessions = pg::pgTable<Session>("sessions", {
    pg::bigserial<&Session::id>("id").primaryKey(),
    pg::integer<&Session::userId>("user_id").notNull().references<&User::id>({.onDelete = pg::cascade}),
    pg::varchar<&Session::token>("token", {.length = 128}).notNull().unique(),
    pg::text<&Session::ip>("ip"),
    pg::integer<&Session::hits>("hits").notNull().default_(0),
    pg::timestamp<&Session::expiresAt>("expires_at", {.withTimezone = true}).notNull(),
});
inline const auto auditLog = pg::pgTable<AuditEntry>("audit_log", {
    pg::bigserial<&AuditEntry::id>("id").primaryKey(),
    pg::integer<&AuditEntry::orgId>("org_id").notNull().references<&Organization::id>(),
    pg::integer<&AuditEntry::userId>("user_id").references<&User::id>({.onDelete = pg::setNull}),
    pg::text<&AuditEntry::action>("action").notNull(),
    pg::text<&AuditEntry::payload>("payload"),
    pg::bigint<&AuditEntry::durationMs>("duration_ms").notNull().default_(0),
    pg::timestamp<&AuditEntry::at>("at", {.withTimezone = true}).notNull().defaultNow(),
});
inline const auto invoices = pg::pgTable<Invoice>("invoices", {
    pg::serial<&Invoice::id>("id").primaryKey(),
    pg::integer<&Invoice::orgId>("org_id").notNull().references<&Organization::id>(),
    pg::varchar<&Invoice::number>("number", {.length = 32}).notNull().unique(),
    pg::bigint<&Invoice::amountCents>("amount_cents").notNull(),
    pg::varchar<&Invoice::currency>("currency", {.length = 3}).notNull().default_("EUR"),
    pg::boolean<&Invoice::paid>("paid").notNull().default_(false),
    pg::timestamp<&Invoice::paidAt>("paid_at", {.withTimezone = true}),
});
"""


@dataclasses.dataclass
class T:
    """What the query templates need to know about a table."""
    var: str       # the table variable
    row: str       # its row struct
    id: str        # the id member's C++ type
    label: str     # a NOT NULL text member
    unique: str    # a unique member (an upsert's conflict target)
    num: str       # an integer member, NOT NULL
    num_type: str
    opt: str       # a nullable member ("" when the table has none)
    fk: str = ""   # a NOT NULL foreign key member to `parent` (none: the table is a root)
    fk_type: str = ""
    parent: str = ""  # the parent's table variable, row struct and label
    parent_row: str = ""
    parent_label: str = ""


TABLES = [
    T("organizations", "Organization", "std::int32_t", "name", "slug", "seats", "std::int32_t", "website"),
    T("users", "User", "std::int32_t", "name", "email", "orgId", "std::int32_t", "age",
      "orgId", "std::int32_t", "organizations", "Organization", "name"),
    T("projects", "Project", "std::int32_t", "name", "id", "ownerId", "std::int32_t", "description",
      "ownerId", "std::int32_t", "users", "User", "name"),
    T("tasks", "Task", "std::int64_t", "title", "id", "priority", "std::int32_t", "estimate",
      "projectId", "std::int32_t", "projects", "Project", "name"),
    T("comments", "Comment", "std::int64_t", "body", "id", "authorId", "std::int32_t", "editedAt",
      "taskId", "std::int64_t", "tasks", "Task", "title"),
    T("tags", "Tag", "std::int32_t", "name", "name", "uses", "std::int32_t", "color",
      "orgId", "std::int32_t", "organizations", "Organization", "name"),
    T("taskTags", "TaskTag", "std::int64_t", "source", "id", "tagId", "std::int32_t", "",
      "taskId", "std::int64_t", "tasks", "Task", "title"),
    T("sessions", "Session", "std::int64_t", "token", "token", "hits", "std::int32_t", "ip",
      "userId", "std::int32_t", "users", "User", "email"),
    T("auditLog", "AuditEntry", "std::int64_t", "action", "id", "durationMs", "std::int64_t", "payload",
      "orgId", "std::int32_t", "organizations", "Organization", "slug"),
    T("invoices", "Invoice", "std::int32_t", "number", "number", "amountCents", "std::int64_t", "paidAt",
      "orgId", "std::int32_t", "organizations", "Organization", "name"),
]


# Each template gives (return type, parameters, body) for table t; `m` is the row's member prefix.
def by_id(t, m):
    return (f"std::optional<{t.row}>", f"{t.id} id",
            f"return db.select().from({t.var}).where(eq(&{m}id, id)).get();")


def page(t, m):
    extra = f", isNotNull(&{m}{t.opt})" if t.opt else ""
    return (f"std::vector<{t.row}>", f"{t.num_type} min, int page",
            f"return db.select().from({t.var}).where(and_(gte(&{m}{t.num}, min){extra}))"
            f".orderBy(desc(&{m}id)).limit(20).offset(page * 20).all();")


def search(t, m):
    return ("auto", "const std::string& pattern",
            f"return db.select(&{m}id, &{m}{t.label}).from({t.var}).where(like(&{m}{t.label}, pattern))"
            f".orderBy(asc(&{m}{t.label})).limit(50).all();")


def inner_join(t, m):
    p = f"{t.parent_row}::"
    return ("auto", f"{t.fk_type} parentId",
            f"return db.select().from({t.var}).innerJoin({t.parent}, eq(&{m}{t.fk}, &{p}id))"
            f".where(eq(&{p}id, parentId)).orderBy(asc(&{m}id)).all();")


def left_join(t, m):
    p = f"{t.parent_row}::"
    return ("auto", "",
            f"return db.select(&{p}id, &{p}{t.parent_label}, &{m}{t.label}).from({t.parent})"
            f".leftJoin({t.var}, eq(&{m}{t.fk}, &{p}id)).orderBy(asc(&{p}id)).limit(100).all();")


def aggregate(t, m):
    return ("auto", "std::int64_t atLeast",
            f"return db.select(&{m}{t.fk}, count(), max(&{m}{t.num}), sum(&{m}{t.num})).from({t.var})"
            f".groupBy(&{m}{t.fk}).having(gte(count(), atLeast)).orderBy(desc(count())).all();")


def count_where(t, m):
    return ("std::int64_t", f"{t.fk_type} parentId",
            f"return db.count({t.var}, eq(&{m}{t.fk}, parentId));")


def insert_row(t, m):
    return ("drizzle::ExecResult", f"const {t.row}& row",
            f"return db.insert({t.var}).values(row).execute();")


def insert_returning(t, m):
    return (t.row, f"{t.fk_type} parentId, const std::string& label",
            f"return db.insert({t.var}).set(&{m}{t.fk}, parentId).set(&{m}{t.label}, label).returning().one();")


def update(t, m):
    clear = f".set(&{m}{t.opt}, nullptr)" if t.opt else ""
    return ("drizzle::ExecResult", f"{t.id} id, const std::string& label",
            f"return db.update({t.var}).set(&{m}{t.label}, label){clear}.where(eq(&{m}id, id)).execute();")


def update_returning(t, m):
    return ("auto", f"{t.fk_type} parentId, {t.num_type} value",
            f"return db.update({t.var}).set(&{m}{t.num}, value).where(and_(eq(&{m}{t.fk}, parentId), "
            f"lt(&{m}{t.num}, value))).returning(&{m}id, &{m}{t.num}).all();")


def delete(t, m):
    return ("drizzle::ExecResult", f"{t.fk_type} parentId, {t.id} below",
            f"return db.delete_({t.var}).where(and_(eq(&{m}{t.fk}, parentId), lt(&{m}id, below))).execute();")


def prepared(t, m):
    return (f"std::vector<{t.row}>", f"{t.fk_type} parentId",
            f"auto statement = db.select().from({t.var}).where(eq(&{m}{t.fk}, placeholder(\"parent\")))"
            f".orderBy(desc(&{m}id)).limit(placeholder(\"n\")).prepare();\n"
            f"    return statement.all({{{{\"parent\", std::int64_t{{parentId}}}}, {{\"n\", std::int64_t{{25}}}}}});")


def subquery(t, m):
    p = f"{t.parent_row}::"
    return ("auto", f"{t.num_type} above",
            f"return db.select(&{p}id, &{p}{t.parent_label}).from({t.parent})"
            f".where(inArray(&{p}id, db.select(&{m}{t.fk}).from({t.var}).where(gt(&{m}{t.num}, above)))).all();")


def upsert(t, m):
    return ("drizzle::ExecResult", f"const {t.row}& row",
            f"return db.insert({t.var}).values(row).onConflictDoUpdate(cols(&{m}{t.unique}), "
            f"set(&{m}{t.label}, excluded(&{m}{t.label}))).execute();")


def summary(t, m):
    return ("auto", f"{t.id} fromId",
            f"struct Summary {{\n        {t.id} id;\n        std::string label;\n    }};\n"
            f"    return db.select<Summary>(&{m}id, &{m}{t.label}).from({t.var}).where(gte(&{m}id, fromId))"
            f".orderBy(asc(&{m}id)).all();")


KINDS = [by_id, page, search, inner_join, left_join, aggregate, count_where, insert_row, insert_returning,
         update, update_returning, delete, prepared, subquery, upsert, summary]

NEEDS_PARENT = {inner_join, left_join, aggregate, count_where, insert_returning, update_returning, delete, prepared,
                subquery}

PROLOGUE = """\
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <drizzle/orm.hpp>
#include <drizzle/pg.hpp>

namespace bench {
namespace pg = drizzle::pg;
using namespace drizzle;
"""


def queries(n):
    """(name, return type, parameters, body) of n queries: kinds cycle, tables rotate between cycles."""
    out = []
    for q in range(n):
        kind = KINDS[q % len(KINDS)]
        t = q + q // len(KINDS)
        while kind in NEEDS_PARENT and not TABLES[t % len(TABLES)].fk:
            t += 1
        table = TABLES[t % len(TABLES)]
        ret, params, body = kind(table, f"{table.row}::")
        out.append((f"q{q:03d}_{kind.__name__}_{table.var}", ret, params, body))
    return out


def translation_unit(n, with_bodies):
    parts = [PROLOGUE, SCHEMA]
    for name, ret, params, body in queries(n):
        args = "drizzle::Database& db" + (f", {params}" if params else "")
        if with_bodies:
            parts.append(f"\n{ret} {name}({args}) {{\n    {body}\n}}\n")
        else:
            parts.append(f"\nvoid {name}({args}) {{}}\n")
    parts.append("\n}  // namespace bench\n")
    return "".join(parts)

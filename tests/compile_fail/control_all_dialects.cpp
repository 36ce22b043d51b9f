// EXPECT-COMPILES
// The control: one declaration of most of the DSL in each dialect, which must compile without
// warnings. If it stops compiling, the failing snippets prove nothing, so it runs with them.
#include <cstddef>

#include <drizzle/mysql.hpp>
#include <drizzle/pg.hpp>
#include <drizzle/sqlite.hpp>

namespace control_pg {
namespace pg = drizzle::pg;

inline const auto auth = pg::schema("auth");
inline const auto moodEnum = pg::pgEnum("mood", {"sad", "ok", "happy"});
inline const auto ticketSeq = pg::sequence("ticket_seq", {.startWith = 1000, .cache = 10});
inline const auto admin = pg::role("admin", {.createDb = true});

struct User {
    std::int32_t id;
    std::string name;
    std::optional<std::string> email;
    std::optional<std::string> mood;
    std::vector<std::string> tags;
    std::vector<std::vector<std::int32_t>> matrix;
    std::optional<std::string> createdAt;
    bool active;
    std::int16_t level;
    std::int64_t karma;
};
struct Account {
    std::int64_t id;
    std::int32_t userId;
    std::string balance;
    double rate;
    std::optional<float> score;
    std::vector<unsigned char> avatar;
    std::optional<std::vector<std::byte>> signature;
    std::vector<float> embedding;
    pg::Point location;
    std::optional<std::string> uuid;
    std::optional<std::string> payload;
    std::string citext;
};
struct Membership {
    std::int32_t userId;
    std::int64_t accountId;
    std::optional<std::int32_t> invitedBy;
};
struct Session {
    std::string token;
    std::int32_t userId;
};
struct ActiveUser {
    std::int32_t id;
    std::optional<std::string> email;
};

inline std::int64_t newKarma() { return 0; }

inline const auto users = pg::table<User>("users", {
    pg::serial("id", &User::id).primaryKey(),
    pg::varchar("name", &User::name, {.length = 64}).notNull().default_("anonymous"),
    pg::text("email", &User::email).unique("users_email_key", {.nullsNotDistinct = true}),
    moodEnum("mood", &User::mood),
    pg::text("tags", &User::tags).notNull().default_(pg::sql("'{}'::text[]")),
    pg::integer("matrix", &User::matrix).notNull(),
    pg::timestamp("created_at", &User::createdAt, {.precision = 3, .withTimezone = true}).defaultNow(),
    pg::boolean("active", &User::active).notNull().default_(true),
    pg::smallint("level", &User::level).notNull().default_(1),
    pg::bigint("karma", &User::karma).notNull().defaultFn(&newKarma),
}, {
    pg::index("users_name_idx").on(pg::col(&User::name).desc().nullsLast()).where(pg::sql("active")),
    pg::uniqueIndex("users_lower_email_idx").on(pg::sql("lower(email)")).using_("btree"),
    pg::check("users_level_range", pg::sql("level between 0 and 10")),
    pg::policy("users_own", {.for_ = "select", .to = "admin", .using_ = pg::sql("true")}),
}).enableRLS();

inline const auto accounts = auth.table<Account>("accounts", {
    pg::bigint("id", &Account::id).primaryKey().generatedByDefaultAsIdentity({.startWith = 10}),
    pg::integer("user_id", &Account::userId).notNull().references(&User::id, {.onDelete = pg::cascade}),
    pg::numeric("balance", &Account::balance, {.precision = 12, .scale = 2}).notNull().default_("0.00"),
    pg::doublePrecision("rate", &Account::rate).notNull().default_(1),
    pg::real("score", &Account::score).default_(0.5f),
    pg::bytea("avatar", &Account::avatar).notNull(),
    pg::bytea("signature", &Account::signature),
    pg::vector("embedding", &Account::embedding, {.dimensions = 3}).notNull(),
    pg::point("location", &Account::location).notNull(),
    pg::uuid("uuid", &Account::uuid).defaultRandom(),
    pg::jsonb("payload", &Account::payload),
    pg::customType("citext", &Account::citext, "citext").notNull(),
});

inline const auto memberships = pg::table<Membership>("memberships", {
    pg::integer("user_id", &Membership::userId).notNull(),
    pg::bigint("account_id", &Membership::accountId).notNull(),
    pg::integer("invited_by", &Membership::invitedBy).references(&User::id),
}, {
    pg::primaryKey(&Membership::userId, &Membership::accountId).name("memberships_pk"),
    pg::foreignKey(pg::cols(&Membership::userId, &Membership::accountId),
                   pg::cols(&Account::userId, &Account::id))
        .onDelete(pg::cascade)
        .onUpdate(pg::noAction),
    pg::unique(&Membership::accountId, &Membership::invitedBy).nullsNotDistinct(),
});

inline const auto sessions = pg::table<Session>("sessions", {
    pg::text("token", &Session::token).primaryKey(),
    pg::integer("user_id", &Session::userId).notNull().generatedAlwaysAsIdentity(),
});

inline const auto activeUsers = pg::view<ActiveUser>("active_users", {
    pg::integer("id", &ActiveUser::id).notNull(),
    pg::text("email", &ActiveUser::email),
}).as(pg::sql("select id, email from users where active")).with({.securityBarrier = true});

inline const auto userStats = pg::materializedView<ActiveUser>("user_stats")
    .as(pg::sql("select id, email from users"))
    .withNoData();
}  // namespace control_pg

namespace control_sqlite {
namespace sqlite = drizzle::sqlite;

struct List {
    std::int64_t id;
    std::string name;
};
struct Todo {
    std::int64_t id;
    std::int64_t listId;
    std::string title;
    bool done;
    std::optional<double> estimate;
    std::optional<std::vector<unsigned char>> attachment;
    std::int64_t createdAt;
    std::optional<std::string> notes;
    std::string priority;
};
struct Tag {
    std::int64_t todoId;
    std::string label;
};

inline const auto lists = sqlite::table<List>("lists", {
    sqlite::integer("id", &List::id).primaryKey().autoincrement(),
    sqlite::text("name", &List::name, {.length = 100}).notNull().unique(),
});

inline const auto todos = sqlite::table<Todo>("todos", {
    sqlite::integer("id", &Todo::id).primaryKey(),
    sqlite::integer("list_id", &Todo::listId).notNull().references(&List::id, {.onDelete = sqlite::cascade}),
    sqlite::text("title", &Todo::title).notNull(),
    sqlite::integer("done", &Todo::done).notNull().default_(false),
    sqlite::real("estimate", &Todo::estimate),
    sqlite::blob("attachment", &Todo::attachment),
    sqlite::integer("created_at", &Todo::createdAt, {.mode = "timestamp"}).notNull()
        .default_(sqlite::sql("(unixepoch())")),
    sqlite::text("notes", &Todo::notes, {.mode = "json"}),
    sqlite::text("priority", &Todo::priority, {.enumValues = {"low", "high"}}).notNull().default_("low"),
}, {
    sqlite::index("todos_list_idx").on(&Todo::listId, &Todo::done),
    sqlite::check("todos_title_nonempty", sqlite::sql("length(title) > 0")),
});

inline const auto tags = sqlite::table<Tag>("tags", {
    sqlite::integer("todo_id", &Tag::todoId).notNull(),
    sqlite::text("label", &Tag::label).notNull(),
}, {
    sqlite::primaryKey(&Tag::todoId, &Tag::label),
    sqlite::foreignKey(sqlite::cols(&Tag::todoId), sqlite::cols(&Todo::id)).onDelete(sqlite::cascade),
});

inline const auto openTodos = sqlite::view<Todo>("open_todos").as(sqlite::sql("select * from todos where not done"));
}  // namespace control_sqlite

namespace control_mysql {
namespace mysql = drizzle::mysql;

struct Customer {
    std::uint64_t id;
    std::string email;
    std::optional<std::string> name;
    std::uint8_t tier;
    std::int16_t since;
};
struct Order {
    std::uint64_t id;
    std::uint64_t customerId;
    std::string total;
    std::optional<float> discount;
    std::string status;
    std::string placedAt;
    std::optional<std::string> updatedAt;
    bool paid;
    std::vector<unsigned char> receipt;
    std::optional<std::string> meta;
    std::uint32_t items;
};

inline const auto customers = mysql::table<Customer>("customers", {
    mysql::serial("id", &Customer::id).primaryKey(),
    mysql::varchar("email", &Customer::email, {.length = 255}).notNull().unique(),
    mysql::text("name", &Customer::name),
    mysql::tinyint("tier", &Customer::tier).notNull().default_(0),
    mysql::year("since", &Customer::since).notNull(),
});

inline const auto orders = mysql::table<Order>("orders", {
    mysql::bigint("id", &Order::id).primaryKey().autoincrement(),
    mysql::bigint("customer_id", &Order::customerId).notNull().references(&Customer::id),
    mysql::decimal("total", &Order::total, {.precision = 10, .scale = 2}).notNull(),
    mysql::float_("discount", &Order::discount, {.isUnsigned = true}),
    mysql::mysqlEnum("status", &Order::status, {"new", "paid", "shipped"}).notNull().default_("new"),
    mysql::datetime("placed_at", &Order::placedAt, {.fsp = 3}).notNull().defaultNow(),
    mysql::timestamp("updated_at", &Order::updatedAt).defaultNow().onUpdateNow(),
    mysql::boolean("paid", &Order::paid).notNull().default_(false),
    mysql::varbinary("receipt", &Order::receipt, {.length = 512}).notNull(),
    mysql::json("meta", &Order::meta),
    mysql::int_("items", &Order::items).notNull()
        .generatedAlwaysAs(mysql::sql("json_length(meta)"), "virtual"),
}, {
    mysql::index("orders_customer_idx").on(&Order::customerId).using_("btree").algorithm("inplace"),
    mysql::foreignKey(mysql::cols(&Order::customerId), mysql::cols(&Customer::id))
        .name("orders_customer_fk")
        .onDelete(mysql::restrict),
});

inline const auto bigOrders = mysql::view<Order>("big_orders")
    .as(mysql::sql("select * from orders where total > 1000"))
    .with({.algorithm = "merge", .sqlSecurity = "invoker"});
}  // namespace control_mysql

// EXPECT-COMPILES
// The control: one declaration of most of the DSL in each dialect, which must compile without
// warnings. If it stops compiling, the failing snippets prove nothing, so it runs with them.
#include <cstddef>

#include <drizzle/mysql.hpp>
#include <drizzle/pg.hpp>
#include <drizzle/sqlite.hpp>

namespace control_pg {
namespace pg = drizzle::pg;

inline const auto auth = pg::pgSchema("auth");
inline const auto moodEnum = pg::pgEnum("mood", {"sad", "ok", "happy"});
inline const auto ticketSeq = pg::pgSequence("ticket_seq", {.startWith = 1000, .cache = 10});
inline const auto admin = pg::pgRole("admin", {.createDb = true});

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

inline const auto users = pg::pgTable<User>("users", {
    pg::serial<&User::id>("id").primaryKey(),
    pg::varchar<&User::name>("name", {.length = 64}).notNull().default_("anonymous"),
    pg::text<&User::email>("email").unique("users_email_key", {.nullsNotDistinct = true}),
    moodEnum.column<&User::mood>("mood"),
    pg::text<&User::tags>("tags").notNull().default_(pg::sql("'{}'::text[]")),
    pg::integer<&User::matrix>("matrix").notNull(),
    pg::timestamp<&User::createdAt>("created_at", {.precision = 3, .withTimezone = true}).defaultNow(),
    pg::boolean<&User::active>("active").notNull().default_(true),
    pg::smallint<&User::level>("level").notNull().default_(1),
    pg::bigint<&User::karma>("karma").notNull().defaultFn<&newKarma>(),
}, {
    pg::index("users_name_idx").on<pg::col<&User::name>().desc().nullsLast()>().where(pg::sql("active")),
    pg::uniqueIndex("users_lower_email_idx").on(pg::sql("lower(email)")).using_("btree"),
    pg::check("users_level_range", pg::sql("level between 0 and 10")),
    pg::pgPolicy("users_own", {.for_ = "select", .to = "admin", .using_ = pg::sql("true")}),
}).enableRLS();

inline const auto accounts = auth.table<Account>("accounts", {
    pg::bigint<&Account::id>("id").primaryKey().generatedByDefaultAsIdentity({.startWith = 10}),
    pg::integer<&Account::userId>("user_id").notNull().references<&User::id>({.onDelete = pg::cascade}),
    pg::numeric<&Account::balance>("balance", {.precision = 12, .scale = 2}).notNull().default_("0.00"),
    pg::doublePrecision<&Account::rate>("rate").notNull().default_(1),
    pg::real<&Account::score>("score").default_(0.5f),
    pg::bytea<&Account::avatar>("avatar").notNull(),
    pg::bytea<&Account::signature>("signature"),
    pg::vector<&Account::embedding>("embedding", {.dimensions = 3}).notNull(),
    pg::point<&Account::location>("location").notNull(),
    pg::uuid<&Account::uuid>("uuid").defaultRandom(),
    pg::jsonb<&Account::payload>("payload"),
    pg::customType<&Account::citext>("citext", "citext").notNull(),
});

inline const auto memberships = pg::pgTable<Membership>("memberships", {
    pg::integer<&Membership::userId>("user_id").notNull(),
    pg::bigint<&Membership::accountId>("account_id").notNull(),
    pg::integer<&Membership::invitedBy>("invited_by").references<&User::id>(),
}, {
    pg::primaryKey<&Membership::userId, &Membership::accountId>().name("memberships_pk"),
    pg::foreignKey().columns<&Membership::userId, &Membership::accountId>().foreignColumns<&Account::userId, &Account::id>()
        .onDelete(pg::cascade)
        .onUpdate(pg::noAction),
    pg::unique().on<&Membership::accountId, &Membership::invitedBy>().nullsNotDistinct(),
});

inline const auto sessions = pg::pgTable<Session>("sessions", {
    pg::text<&Session::token>("token").primaryKey(),
    pg::integer<&Session::userId>("user_id").notNull().generatedAlwaysAsIdentity(),
});

inline const auto activeUsers = pg::pgView<ActiveUser>("active_users", {
    pg::integer<&ActiveUser::id>("id").notNull(),
    pg::text<&ActiveUser::email>("email"),
}).as(pg::sql("select id, email from users where active")).with({.securityBarrier = true});

inline const auto userStats = pg::pgMaterializedView<ActiveUser>("user_stats")
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

inline const auto lists = sqlite::sqliteTable<List>("lists", {
    sqlite::integer<&List::id>("id").primaryKey().autoincrement(),
    sqlite::text<&List::name>("name", {.length = 100}).notNull().unique(),
});

inline const auto todos = sqlite::sqliteTable<Todo>("todos", {
    sqlite::integer<&Todo::id>("id").primaryKey(),
    sqlite::integer<&Todo::listId>("list_id").notNull().references<&List::id>({.onDelete = sqlite::cascade}),
    sqlite::text<&Todo::title>("title").notNull(),
    sqlite::integer<&Todo::done>("done").notNull().default_(false),
    sqlite::real<&Todo::estimate>("estimate"),
    sqlite::blob<&Todo::attachment>("attachment"),
    sqlite::integer<&Todo::createdAt>("created_at", {.mode = "timestamp"}).notNull()
        .default_(sqlite::sql("(unixepoch())")),
    sqlite::text<&Todo::notes>("notes", {.mode = "json"}),
    sqlite::text<&Todo::priority>("priority").enumValues({"low", "high"}).notNull().default_("low"),
}, {
    sqlite::index("todos_list_idx").on<&Todo::listId, &Todo::done>(),
    sqlite::check("todos_title_nonempty", sqlite::sql("length(title) > 0")),
});

inline const auto tags = sqlite::sqliteTable<Tag>("tags", {
    sqlite::integer<&Tag::todoId>("todo_id").notNull(),
    sqlite::text<&Tag::label>("label").notNull(),
}, {
    sqlite::primaryKey<&Tag::todoId, &Tag::label>(),
    sqlite::foreignKey().columns<&Tag::todoId>().foreignColumns<&Todo::id>().onDelete(sqlite::cascade),
});

inline const auto openTodos = sqlite::sqliteView<Todo>("open_todos").as(sqlite::sql("select * from todos where not done"));
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

inline const auto customers = mysql::mysqlTable<Customer>("customers", {
    mysql::serial<&Customer::id>("id").primaryKey(),
    mysql::varchar<&Customer::email>("email", {.length = 255}).notNull().unique(),
    mysql::text<&Customer::name>("name"),
    mysql::tinyint<&Customer::tier>("tier").notNull().default_(0),
    mysql::year<&Customer::since>("since").notNull(),
});

inline const auto orders = mysql::mysqlTable<Order>("orders", {
    mysql::bigint<&Order::id>("id").primaryKey().autoincrement(),
    mysql::bigint<&Order::customerId>("customer_id").notNull().references<&Customer::id>(),
    mysql::decimal<&Order::total>("total", {.precision = 10, .scale = 2}).notNull(),
    mysql::float_<&Order::discount>("discount", {.isUnsigned = true}),
    mysql::mysqlEnum<&Order::status>("status", {"new", "paid", "shipped"}).notNull().default_("new"),
    mysql::datetime<&Order::placedAt>("placed_at", {.fsp = 3}).notNull().defaultNow(),
    mysql::timestamp<&Order::updatedAt>("updated_at").defaultNow().onUpdateNow(),
    mysql::boolean<&Order::paid>("paid").notNull().default_(false),
    mysql::varbinary<&Order::receipt>("receipt", {.length = 512}).notNull(),
    mysql::json<&Order::meta>("meta"),
    mysql::int_<&Order::items>("items").notNull()
        .generatedAlwaysAs(mysql::sql("json_length(meta)"), "virtual"),
}, {
    mysql::index("orders_customer_idx").on<&Order::customerId>().using_("btree").algorithm("inplace"),
    mysql::foreignKey("orders_customer_fk").columns<&Order::customerId>().foreignColumns<&Customer::id>()
        .onDelete(mysql::restrict),
});

inline const auto bigOrders = mysql::mysqlView<Order>("big_orders")
    .as(mysql::sql("select * from orders where total > 1000"))
    .with({.algorithm = "merge", .sqlSecurity = "invoker"});
}  // namespace control_mysql

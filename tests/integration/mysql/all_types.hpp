// The MySQL integration schema, as MariaDB 10.11 (the test server) accepts it: every column type
// and modifier the DSL offers, and every kind of key, constraint, index and view.
// tests/integration/export_applies_test.cpp exports it with drizzle-kit, applies the SQL to a
// fresh database and checks information_schema against the model of this header.
//
// Left out, because MariaDB rejects them (MySQL 8 accepts both):
//   - indexes on expressions (functional key parts, `index(...).on(sql("lower(name)"))`);
//   - ON DELETE / ON UPDATE SET DEFAULT (InnoDB refuses the foreign key).
// An index's `algorithm` and `lock` say how the index is built and leave no trace in the catalog;
// `using_` is BTREE only, since InnoDB builds a BTREE whatever USING HASH asks for.
// Index columns are plain: `.desc()` on an index column compiles for MySQL but is dropped on the
// way to the DDL (Drizzle Kit's MySQL snapshot keeps index columns as names only).
#pragma once

#include <drizzle/mysql.hpp>

namespace integration_mysql {
namespace mysql = drizzle::mysql;
using drizzle::sql;

// ---- every column type --------------------------------------------------------------------

struct AllTypes {
    std::uint64_t serial;
    std::optional<std::int8_t> tinyint;
    std::optional<std::uint8_t> tinyintUnsigned;
    std::optional<std::int16_t> smallint;
    std::optional<std::uint16_t> smallintUnsigned;
    std::optional<std::int32_t> mediumint;
    std::optional<std::uint32_t> mediumintUnsigned;
    std::optional<std::int32_t> int_;
    std::optional<std::uint32_t> intUnsigned;
    std::optional<std::int64_t> bigint;
    std::optional<std::uint64_t> bigintUnsigned;
    std::optional<float> float_;
    std::optional<float> floatPrecision;
    std::optional<float> floatUnsigned;
    std::optional<double> double_;
    std::optional<double> doublePrecision;
    std::optional<double> doubleUnsigned;
    std::optional<std::string> decimal;
    std::optional<double> decimalPlain;
    std::optional<std::string> decimalPrecision;
    std::optional<std::string> decimalUnsigned;
    std::optional<double> real;
    std::optional<double> realPrecision;
    std::optional<std::string> fixedChar;
    std::optional<std::string> charNoLength;
    std::optional<std::string> varchar;
    std::optional<std::string> varcharEnum;
    std::optional<std::string> text;
    std::optional<std::string> textEnum;
    std::optional<std::string> tinytext;
    std::optional<std::string> mediumtext;
    std::optional<std::string> longtext;
    std::optional<std::vector<unsigned char>> binary;
    std::optional<std::string> binaryNoLength;
    std::optional<std::vector<std::byte>> varbinary;
    std::optional<bool> boolean;
    std::optional<std::string> date;
    std::optional<std::string> datetime;
    std::optional<std::string> datetimeFsp;
    std::optional<std::string> time;
    std::optional<std::string> timeFsp;
    std::optional<std::string> timestamp;
    std::optional<std::string> timestampFsp;
    std::optional<std::int16_t> year;
    std::optional<std::string> json;
    std::optional<std::string> mysqlEnum;
    std::optional<std::string> custom;
    std::optional<std::string> customGeometry;
};

inline const auto allTypes = mysql::mysqlTable<AllTypes>("all_types", {
    mysql::serial<&AllTypes::serial>("serial").primaryKey(),
    mysql::tinyint<&AllTypes::tinyint>("tinyint"),
    mysql::tinyint<&AllTypes::tinyintUnsigned>("tinyint_unsigned"),
    mysql::smallint<&AllTypes::smallint>("smallint"),
    mysql::smallint<&AllTypes::smallintUnsigned>("smallint_unsigned"),
    mysql::mediumint<&AllTypes::mediumint>("mediumint"),
    mysql::mediumint<&AllTypes::mediumintUnsigned>("mediumint_unsigned"),
    mysql::int_<&AllTypes::int_>("int"),
    mysql::int_<&AllTypes::intUnsigned>("int_unsigned"),
    mysql::bigint<&AllTypes::bigint>("bigint"),
    mysql::bigint<&AllTypes::bigintUnsigned>("bigint_unsigned"),
    mysql::float_<&AllTypes::float_>("float"),
    mysql::float_<&AllTypes::floatPrecision>("float_precision", {.precision = 10, .scale = 2}),
    mysql::float_<&AllTypes::floatUnsigned>("float_unsigned", {.isUnsigned = true}),
    mysql::double_<&AllTypes::double_>("double"),
    mysql::double_<&AllTypes::doublePrecision>("double_precision", {.precision = 12, .scale = 4}),
    mysql::double_<&AllTypes::doubleUnsigned>("double_unsigned", {.isUnsigned = true}),
    mysql::decimal<&AllTypes::decimal>("decimal", {.precision = 10, .scale = 2}),
    mysql::decimal<&AllTypes::decimalPlain>("decimal_plain"),
    mysql::decimal<&AllTypes::decimalPrecision>("decimal_precision", {.precision = 7}),
    mysql::decimal<&AllTypes::decimalUnsigned>("decimal_unsigned", {.precision = 8, .scale = 3, .isUnsigned = true}),
    mysql::real<&AllTypes::real>("real"),
    mysql::real<&AllTypes::realPrecision>("real_precision", {.precision = 6, .scale = 2}),
    mysql::char_<&AllTypes::fixedChar>("char", {.length = 3}),
    mysql::char_<&AllTypes::charNoLength>("char_no_length"),
    mysql::varchar<&AllTypes::varchar>("varchar", {.length = 255}),
    mysql::varchar<&AllTypes::varcharEnum>("varchar_enum", {.length = 10}).enumValues({"a", "b"}),
    mysql::text<&AllTypes::text>("text"),
    mysql::text<&AllTypes::textEnum>("text_enum").enumValues({"x", "y"}),
    mysql::tinytext<&AllTypes::tinytext>("tinytext"),
    mysql::mediumtext<&AllTypes::mediumtext>("mediumtext"),
    mysql::longtext<&AllTypes::longtext>("longtext"),
    mysql::binary<&AllTypes::binary>("binary", {.length = 16}),
    mysql::binary<&AllTypes::binaryNoLength>("binary_no_length"),
    mysql::varbinary<&AllTypes::varbinary>("varbinary", {.length = 255}),
    mysql::boolean<&AllTypes::boolean>("boolean"),
    mysql::date<&AllTypes::date>("date"),
    mysql::datetime<&AllTypes::datetime>("datetime"),
    mysql::datetime<&AllTypes::datetimeFsp>("datetime_fsp", {.fsp = 3}),
    mysql::time<&AllTypes::time>("time"),
    mysql::time<&AllTypes::timeFsp>("time_fsp", {.fsp = 6}),
    mysql::timestamp<&AllTypes::timestamp>("timestamp"),
    mysql::timestamp<&AllTypes::timestampFsp>("timestamp_fsp", {.fsp = 3}),
    mysql::year<&AllTypes::year>("year"),
    mysql::json<&AllTypes::json>("json"),
    // Values with a quote and a backslash: MySQL reads a backslash in a string literal as an escape.
    mysql::mysqlEnum<&AllTypes::mysqlEnum>("mysql_enum", {"sad", "ok", "it's happy", "back\\slash"}),
    mysql::customType<&AllTypes::custom>("custom", "binary(16)"),
    mysql::customType<&AllTypes::customGeometry>("custom_geometry", "point"),
});

// ---- column modifiers and defaults --------------------------------------------------------

inline std::string appSideText() { return "from the application"; }

struct Modifier {
    std::int32_t id;
    std::int64_t counter;
    std::optional<std::string> defaultText;
    std::optional<std::string> defaultQuote;
    std::optional<std::int32_t> defaultInt;
    std::optional<std::int32_t> defaultNegative;
    std::optional<std::uint16_t> defaultUnsigned;
    std::optional<bool> defaultTrue;
    bool defaultFalse;
    std::optional<double> defaultDouble;
    std::optional<float> defaultFloat;
    std::optional<std::string> defaultDecimal;
    std::optional<std::string> defaultJson;
    std::optional<std::string> defaultTextColumn;
    std::optional<std::string> defaultEnum;
    std::optional<std::string> defaultDate;
    std::optional<std::string> defaultDatetime;
    std::optional<std::string> defaultTime;
    std::optional<std::int16_t> defaultYear;
    std::optional<std::string> defaultTimestampSql;
    std::optional<std::string> defaultSqlExpr;
    std::string defaultNow;
    std::optional<std::string> defaultNowFsp;
    std::optional<std::string> defaultNowDatetime;
    std::optional<std::string> updatedAt;
    std::optional<std::string> updatedAtFsp;
    std::optional<std::string> defaultFn;
    std::optional<std::string> onUpdateFn;
    std::string requiredText;
    std::optional<std::string> uniqueUnnamed;
    std::optional<std::string> uniqueNamed;
    std::int32_t price;
    std::int32_t quantity;
    std::optional<std::int32_t> totalStored;
    std::optional<std::int32_t> totalVirtual;
    std::optional<std::string> lowerText;
};

inline const auto modifiers = mysql::mysqlTable<Modifier>("modifiers", {
    mysql::int_<&Modifier::id>("id").primaryKey().autoincrement(),
    mysql::bigint<&Modifier::counter>("counter").notNull().default_(0),
    mysql::varchar<&Modifier::defaultText>("default_text", {.length = 20}).default_("x"),
    // A backslash, which MySQL reads as an escape in a string literal.
    mysql::varchar<&Modifier::defaultQuote>("default_quote", {.length = 40}).default_("it's \"quoted\" \\ too"),
    mysql::int_<&Modifier::defaultInt>("default_int").default_(5),
    mysql::int_<&Modifier::defaultNegative>("default_negative").default_(-42),
    mysql::smallint<&Modifier::defaultUnsigned>("default_unsigned").default_(65535),
    mysql::boolean<&Modifier::defaultTrue>("default_true").default_(true),
    mysql::boolean<&Modifier::defaultFalse>("default_false").notNull().default_(false),
    mysql::double_<&Modifier::defaultDouble>("default_double").default_(1.5),
    mysql::float_<&Modifier::defaultFloat>("default_float").default_(0.25f),
    mysql::decimal<&Modifier::defaultDecimal>("default_decimal", {.precision = 6, .scale = 2}).default_("3.14"),
    mysql::json<&Modifier::defaultJson>("default_json").default_(R"({"a":1,"b":["x"]})"),
    mysql::text<&Modifier::defaultTextColumn>("default_text_column").default_("long text"),
    mysql::mysqlEnum<&Modifier::defaultEnum>("default_enum", {"on", "off"}).default_("off"),
    mysql::date<&Modifier::defaultDate>("default_date").default_("2024-01-01"),
    mysql::datetime<&Modifier::defaultDatetime>("default_datetime").default_("2024-01-01 12:30:00"),
    mysql::time<&Modifier::defaultTime>("default_time").default_("12:30:00"),
    mysql::year<&Modifier::defaultYear>("default_year").default_(2024),
    mysql::timestamp<&Modifier::defaultTimestampSql>("default_timestamp_sql").default_(sql("CURRENT_TIMESTAMP")),
    mysql::varchar<&Modifier::defaultSqlExpr>("default_sql_expr", {.length = 36}).default_(sql("(uuid())")),
    mysql::timestamp<&Modifier::defaultNow>("default_now").notNull().defaultNow(),
    mysql::timestamp<&Modifier::defaultNowFsp>("default_now_fsp", {.fsp = 3}).defaultNow(),
    mysql::datetime<&Modifier::defaultNowDatetime>("default_now_datetime").defaultNow(),
    mysql::timestamp<&Modifier::updatedAt>("updated_at").defaultNow().onUpdateNow(),
    mysql::datetime<&Modifier::updatedAtFsp>("updated_at_fsp", {.fsp = 6}).defaultNow().onUpdateNow(),
    // App-side values: computed by the ORM, so the database has no default for them.
    mysql::text<&Modifier::defaultFn>("default_fn").defaultFn<appSideText>(),
    mysql::text<&Modifier::onUpdateFn>("on_update_fn").onUpdateFn<appSideText>(),
    mysql::text<&Modifier::requiredText>("required_text").notNull(),
    mysql::varchar<&Modifier::uniqueUnnamed>("unique_unnamed", {.length = 64}).unique(),
    mysql::varchar<&Modifier::uniqueNamed>("unique_named", {.length = 64}).unique("modifiers_unique_named_key"),
    mysql::int_<&Modifier::price>("price").notNull().default_(0),
    mysql::int_<&Modifier::quantity>("quantity").notNull(),
    mysql::int_<&Modifier::totalStored>("total_stored").generatedAlwaysAs(sql("`price` * `quantity`"), "stored"),
    mysql::int_<&Modifier::totalVirtual>("total_virtual").generatedAlwaysAs(sql("price * quantity"), "virtual"),
    mysql::varchar<&Modifier::lowerText>("lower_text", {.length = 255})
        .generatedAlwaysAs(sql("lower(`modifiers`.`required_text`)")),
}, {
    mysql::check("modifiers_price_check", sql("`price` >= 0")),
    mysql::check("modifiers_quantity_check", sql("`quantity` between 1 and 1000 and `price` < 100000")),
});

// ---- references, self-reference, table-level constraints, indexes --------------------------

struct Organization {
    std::int32_t id;
    std::optional<std::int32_t> parentId;
    std::string name;
    std::optional<std::int32_t> modifierId;
    std::optional<std::string> bio;
    std::optional<std::string> deletedAt;
};

inline const auto organizations = mysql::mysqlTable<Organization>("organizations", {
    mysql::int_<&Organization::id>("id").primaryKey().autoincrement(),
    mysql::int_<&Organization::parentId>("parent_id")
        .references<&Organization::id>({.onDelete = mysql::setNull, .onUpdate = mysql::cascade}),
    mysql::varchar<&Organization::name>("name", {.length = 128}).notNull(),
    mysql::int_<&Organization::modifierId>("modifier_id")
        .references<&Modifier::id>({.onDelete = mysql::restrict, .onUpdate = mysql::noAction}),
    mysql::text<&Organization::bio>("bio"),
    mysql::datetime<&Organization::deletedAt>("deleted_at"),
}, {
    mysql::index("organizations_name_idx").on<&Organization::name>(),
    mysql::index().on<&Organization::parentId, &Organization::name>(),
    mysql::index("organizations_using_idx").on<&Organization::deletedAt>().using_("btree"),
    mysql::index("organizations_online_idx").on<&Organization::modifierId>().algorithm("inplace").lock("none"),
    mysql::index("organizations_copy_idx")
        .on<&Organization::name, &Organization::modifierId>()
        .algorithm("copy")
        .lock("shared"),
    mysql::uniqueIndex("organizations_name_unique_idx").on<&Organization::name>(),
    mysql::uniqueIndex("organizations_parent_name_idx").on<&Organization::parentId, &Organization::name>(),
});

struct Membership {
    std::int32_t orgId;
    std::int32_t userId;
    std::string role;
    std::optional<std::int32_t> score;
};

inline const auto memberships = mysql::mysqlTable<Membership>("memberships", {
    mysql::int_<&Membership::orgId>("org_id").notNull(),
    mysql::int_<&Membership::userId>("user_id").notNull(),
    mysql::varchar<&Membership::role>("role", {.length = 32}).notNull().default_("member"),
    mysql::int_<&Membership::score>("score"),
}, {
    mysql::primaryKey<&Membership::orgId, &Membership::userId>(),
    mysql::unique("memberships_org_role_key").on<&Membership::orgId, &Membership::role>(),
    mysql::unique().on<&Membership::userId, &Membership::role>(),
    mysql::check("memberships_score_check", sql("`memberships`.`score` >= 0 and `memberships`.`score` <= 100")),
    mysql::foreignKey().columns<&Membership::orgId>().foreignColumns<&Organization::id>().onDelete(mysql::cascade),
});

struct Grant {
    std::int32_t orgId;
    std::int32_t userId;
    std::string permission;
};

inline const auto grants = mysql::mysqlTable<Grant>("grants", {
    mysql::int_<&Grant::orgId>("org_id").notNull(),
    mysql::int_<&Grant::userId>("user_id").notNull(),
    mysql::varchar<&Grant::permission>("permission", {.length = 64}).notNull(),
}, {
    mysql::primaryKey<&Grant::orgId, &Grant::userId, &Grant::permission>().name("grants_custom_pk"),
    mysql::foreignKey("grants_membership_fk").columns<&Grant::orgId, &Grant::userId>().foreignColumns<&Membership::orgId, &Membership::userId>()
        .onDelete(mysql::cascade)
        .onUpdate(mysql::cascade),
});

// ---- names that need quoting everywhere ---------------------------------------------------

struct WeirdName {
    std::int32_t select;
    std::optional<std::string> mixedCase;
    std::optional<std::string> quoted;
    std::optional<std::int32_t> order;
};

inline const auto weirdNames = mysql::mysqlTable<WeirdName>("Weird `Names`", {
    mysql::int_<&WeirdName::select>("select").primaryKey(),
    mysql::varchar<&WeirdName::mixedCase>("Mixed Case", {.length = 20}).unique("Weird Unique"),
    mysql::varchar<&WeirdName::quoted>("it's `quoted`", {.length = 20}),
    mysql::int_<&WeirdName::order>("order").references<&Organization::id>(),
}, {
    mysql::index("Weird Index").on<&WeirdName::quoted, &WeirdName::order>(),
    mysql::check("Weird Check", sql("char_length(`Mixed Case`) < 10")),
});

// ---- views --------------------------------------------------------------------------------

struct ActiveOrganization {
    std::optional<std::int32_t> id;
    std::optional<std::string> name;
};
inline const auto activeOrganizations = mysql::mysqlView<ActiveOrganization>("active_organizations", {
    mysql::int_<&ActiveOrganization::id>("id"),
    mysql::varchar<&ActiveOrganization::name>("name", {.length = 128}),
}).as(sql("select `id`, `name` from `organizations` where `parent_id` is null"));

struct SecureOrganization {
    std::optional<std::int32_t> id;
};
inline const auto secureOrganizations = mysql::mysqlView<SecureOrganization>("secure_organizations", {
    mysql::int_<&SecureOrganization::id>("id"),
})
    .with({.algorithm = "merge", .sqlSecurity = "invoker", .withCheckOption = "cascaded"})
    .as(sql("select `id` from `organizations` where `modifier_id` is not null"));

struct LocalCheckView {
    std::optional<std::int32_t> id;
};
inline const auto localCheckView = mysql::mysqlView<LocalCheckView>("local_check_view")
    .with({.algorithm = "undefined", .sqlSecurity = "definer", .withCheckOption = "local"})
    .as(sql("select `id` from `organizations`"));

struct MembershipCount {
    std::optional<std::int32_t> orgId;
    std::optional<std::int64_t> members;
};
inline const auto membershipCounts = mysql::mysqlView<MembershipCount>("membership_counts")
    .with({.algorithm = "temptable"})
    .as(sql("select `org_id`, count(*) as `members` from `memberships` group by `org_id`"));

// Created elsewhere: the export must not create it.
struct LegacyView {
    std::optional<std::int32_t> id;
};
inline const auto legacyView = mysql::mysqlView<LegacyView>("legacy_view", {
    mysql::int_<&LegacyView::id>("id"),
}).existing();

}  // namespace integration_mysql

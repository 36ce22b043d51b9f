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

inline const auto allTypes = mysql::table<AllTypes>("all_types", {
    mysql::serial("serial", &AllTypes::serial).primaryKey(),
    mysql::tinyint("tinyint", &AllTypes::tinyint),
    mysql::tinyint("tinyint_unsigned", &AllTypes::tinyintUnsigned),
    mysql::smallint("smallint", &AllTypes::smallint),
    mysql::smallint("smallint_unsigned", &AllTypes::smallintUnsigned),
    mysql::mediumint("mediumint", &AllTypes::mediumint),
    mysql::mediumint("mediumint_unsigned", &AllTypes::mediumintUnsigned),
    mysql::int_("int", &AllTypes::int_),
    mysql::int_("int_unsigned", &AllTypes::intUnsigned),
    mysql::bigint("bigint", &AllTypes::bigint),
    mysql::bigint("bigint_unsigned", &AllTypes::bigintUnsigned),
    mysql::float_("float", &AllTypes::float_),
    mysql::float_("float_precision", &AllTypes::floatPrecision, {.precision = 10, .scale = 2}),
    mysql::float_("float_unsigned", &AllTypes::floatUnsigned, {.isUnsigned = true}),
    mysql::double_("double", &AllTypes::double_),
    mysql::double_("double_precision", &AllTypes::doublePrecision, {.precision = 12, .scale = 4}),
    mysql::double_("double_unsigned", &AllTypes::doubleUnsigned, {.isUnsigned = true}),
    mysql::decimal("decimal", &AllTypes::decimal, {.precision = 10, .scale = 2}),
    mysql::decimal("decimal_plain", &AllTypes::decimalPlain),
    mysql::decimal("decimal_precision", &AllTypes::decimalPrecision, {.precision = 7}),
    mysql::decimal("decimal_unsigned", &AllTypes::decimalUnsigned, {.precision = 8, .scale = 3, .isUnsigned = true}),
    mysql::real("real", &AllTypes::real),
    mysql::real("real_precision", &AllTypes::realPrecision, {.precision = 6, .scale = 2}),
    mysql::char_("char", &AllTypes::fixedChar, {.length = 3}),
    mysql::char_("char_no_length", &AllTypes::charNoLength),
    mysql::varchar("varchar", &AllTypes::varchar, {.length = 255}),
    mysql::varchar("varchar_enum", &AllTypes::varcharEnum, {.length = 10, .enumValues = {"a", "b"}}),
    mysql::text("text", &AllTypes::text),
    mysql::text("text_enum", &AllTypes::textEnum, {.enumValues = {"x", "y"}}),
    mysql::tinytext("tinytext", &AllTypes::tinytext),
    mysql::mediumtext("mediumtext", &AllTypes::mediumtext),
    mysql::longtext("longtext", &AllTypes::longtext),
    mysql::binary("binary", &AllTypes::binary, {.length = 16}),
    mysql::binary("binary_no_length", &AllTypes::binaryNoLength),
    mysql::varbinary("varbinary", &AllTypes::varbinary, {.length = 255}),
    mysql::boolean("boolean", &AllTypes::boolean),
    mysql::date("date", &AllTypes::date),
    mysql::datetime("datetime", &AllTypes::datetime),
    mysql::datetime("datetime_fsp", &AllTypes::datetimeFsp, {.fsp = 3}),
    mysql::time("time", &AllTypes::time),
    mysql::time("time_fsp", &AllTypes::timeFsp, {.fsp = 6}),
    mysql::timestamp("timestamp", &AllTypes::timestamp),
    mysql::timestamp("timestamp_fsp", &AllTypes::timestampFsp, {.fsp = 3}),
    mysql::year("year", &AllTypes::year),
    mysql::json("json", &AllTypes::json),
    // Values with a quote and a backslash: MySQL reads a backslash in a string literal as an escape.
    mysql::mysqlEnum("mysql_enum", &AllTypes::mysqlEnum, {"sad", "ok", "it's happy", "back\\slash"}),
    mysql::customType("custom", &AllTypes::custom, "binary(16)"),
    mysql::customType("custom_geometry", &AllTypes::customGeometry, "point"),
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

inline const auto modifiers = mysql::table<Modifier>("modifiers", {
    mysql::int_("id", &Modifier::id).primaryKey().autoincrement(),
    mysql::bigint("counter", &Modifier::counter).notNull().default_(0),
    mysql::varchar("default_text", &Modifier::defaultText, {.length = 20}).default_("x"),
    // A backslash, which MySQL reads as an escape in a string literal.
    mysql::varchar("default_quote", &Modifier::defaultQuote, {.length = 40}).default_("it's \"quoted\" \\ too"),
    mysql::int_("default_int", &Modifier::defaultInt).default_(5),
    mysql::int_("default_negative", &Modifier::defaultNegative).default_(-42),
    mysql::smallint("default_unsigned", &Modifier::defaultUnsigned).default_(65535),
    mysql::boolean("default_true", &Modifier::defaultTrue).default_(true),
    mysql::boolean("default_false", &Modifier::defaultFalse).notNull().default_(false),
    mysql::double_("default_double", &Modifier::defaultDouble).default_(1.5),
    mysql::float_("default_float", &Modifier::defaultFloat).default_(0.25f),
    mysql::decimal("default_decimal", &Modifier::defaultDecimal, {.precision = 6, .scale = 2}).default_("3.14"),
    mysql::json("default_json", &Modifier::defaultJson).default_(R"({"a":1,"b":["x"]})"),
    mysql::text("default_text_column", &Modifier::defaultTextColumn).default_("long text"),
    mysql::mysqlEnum("default_enum", &Modifier::defaultEnum, {"on", "off"}).default_("off"),
    mysql::date("default_date", &Modifier::defaultDate).default_("2024-01-01"),
    mysql::datetime("default_datetime", &Modifier::defaultDatetime).default_("2024-01-01 12:30:00"),
    mysql::time("default_time", &Modifier::defaultTime).default_("12:30:00"),
    mysql::year("default_year", &Modifier::defaultYear).default_(2024),
    mysql::timestamp("default_timestamp_sql", &Modifier::defaultTimestampSql).default_(sql("CURRENT_TIMESTAMP")),
    mysql::varchar("default_sql_expr", &Modifier::defaultSqlExpr, {.length = 36}).default_(sql("(uuid())")),
    mysql::timestamp("default_now", &Modifier::defaultNow).notNull().defaultNow(),
    mysql::timestamp("default_now_fsp", &Modifier::defaultNowFsp, {.fsp = 3}).defaultNow(),
    mysql::datetime("default_now_datetime", &Modifier::defaultNowDatetime).defaultNow(),
    mysql::timestamp("updated_at", &Modifier::updatedAt).defaultNow().onUpdateNow(),
    mysql::datetime("updated_at_fsp", &Modifier::updatedAtFsp, {.fsp = 6}).defaultNow().onUpdateNow(),
    // App-side values: computed by the ORM, so the database has no default for them.
    mysql::text("default_fn", &Modifier::defaultFn).defaultFn(appSideText),
    mysql::text("on_update_fn", &Modifier::onUpdateFn).onUpdateFn(appSideText),
    mysql::text("required_text", &Modifier::requiredText).notNull(),
    mysql::varchar("unique_unnamed", &Modifier::uniqueUnnamed, {.length = 64}).unique(),
    mysql::varchar("unique_named", &Modifier::uniqueNamed, {.length = 64}).unique("modifiers_unique_named_key"),
    mysql::int_("price", &Modifier::price).notNull().default_(0),
    mysql::int_("quantity", &Modifier::quantity).notNull(),
    mysql::int_("total_stored", &Modifier::totalStored).generatedAlwaysAs(sql("`price` * `quantity`"), "stored"),
    mysql::int_("total_virtual", &Modifier::totalVirtual).generatedAlwaysAs(sql("price * quantity"), "virtual"),
    mysql::varchar("lower_text", &Modifier::lowerText, {.length = 255})
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

inline const auto organizations = mysql::table<Organization>("organizations", {
    mysql::int_("id", &Organization::id).primaryKey().autoincrement(),
    mysql::int_("parent_id", &Organization::parentId)
        .references(&Organization::id, {.onDelete = mysql::setNull, .onUpdate = mysql::cascade}),
    mysql::varchar("name", &Organization::name, {.length = 128}).notNull(),
    mysql::int_("modifier_id", &Organization::modifierId)
        .references(&Modifier::id, {.onDelete = mysql::restrict, .onUpdate = mysql::noAction}),
    mysql::text("bio", &Organization::bio),
    mysql::datetime("deleted_at", &Organization::deletedAt),
}, {
    mysql::index("organizations_name_idx").on(&Organization::name),
    mysql::index().on(&Organization::parentId, &Organization::name),
    mysql::index("organizations_using_idx").on(&Organization::deletedAt).using_("btree"),
    mysql::index("organizations_online_idx").on(&Organization::modifierId).algorithm("inplace").lock("none"),
    mysql::index("organizations_copy_idx")
        .on(&Organization::name, &Organization::modifierId)
        .algorithm("copy")
        .lock("shared"),
    mysql::uniqueIndex("organizations_name_unique_idx").on(&Organization::name),
    mysql::uniqueIndex("organizations_parent_name_idx").on(&Organization::parentId, &Organization::name),
});

struct Membership {
    std::int32_t orgId;
    std::int32_t userId;
    std::string role;
    std::optional<std::int32_t> score;
};

inline const auto memberships = mysql::table<Membership>("memberships", {
    mysql::int_("org_id", &Membership::orgId).notNull(),
    mysql::int_("user_id", &Membership::userId).notNull(),
    mysql::varchar("role", &Membership::role, {.length = 32}).notNull().default_("member"),
    mysql::int_("score", &Membership::score),
}, {
    mysql::primaryKey(&Membership::orgId, &Membership::userId),
    mysql::unique(&Membership::orgId, &Membership::role).name("memberships_org_role_key"),
    mysql::unique(&Membership::userId, &Membership::role),
    mysql::check("memberships_score_check", sql("`memberships`.`score` >= 0 and `memberships`.`score` <= 100")),
    mysql::foreignKey(mysql::cols(&Membership::orgId), mysql::cols(&Organization::id)).onDelete(mysql::cascade),
});

struct Grant {
    std::int32_t orgId;
    std::int32_t userId;
    std::string permission;
};

inline const auto grants = mysql::table<Grant>("grants", {
    mysql::int_("org_id", &Grant::orgId).notNull(),
    mysql::int_("user_id", &Grant::userId).notNull(),
    mysql::varchar("permission", &Grant::permission, {.length = 64}).notNull(),
}, {
    mysql::primaryKey(&Grant::orgId, &Grant::userId, &Grant::permission).name("grants_custom_pk"),
    mysql::foreignKey(mysql::cols(&Grant::orgId, &Grant::userId), mysql::cols(&Membership::orgId, &Membership::userId))
        .name("grants_membership_fk")
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

inline const auto weirdNames = mysql::table<WeirdName>("Weird `Names`", {
    mysql::int_("select", &WeirdName::select).primaryKey(),
    mysql::varchar("Mixed Case", &WeirdName::mixedCase, {.length = 20}).unique("Weird Unique"),
    mysql::varchar("it's `quoted`", &WeirdName::quoted, {.length = 20}),
    mysql::int_("order", &WeirdName::order).references(&Organization::id),
}, {
    mysql::index("Weird Index").on(&WeirdName::quoted, &WeirdName::order),
    mysql::check("Weird Check", sql("char_length(`Mixed Case`) < 10")),
});

// ---- views --------------------------------------------------------------------------------

struct ActiveOrganization {
    std::optional<std::int32_t> id;
    std::optional<std::string> name;
};
inline const auto activeOrganizations = mysql::view<ActiveOrganization>("active_organizations", {
    mysql::int_("id", &ActiveOrganization::id),
    mysql::varchar("name", &ActiveOrganization::name, {.length = 128}),
}).as(sql("select `id`, `name` from `organizations` where `parent_id` is null"));

struct SecureOrganization {
    std::optional<std::int32_t> id;
};
inline const auto secureOrganizations = mysql::view<SecureOrganization>("secure_organizations", {
    mysql::int_("id", &SecureOrganization::id),
})
    .with({.algorithm = "merge", .sqlSecurity = "invoker", .withCheckOption = "cascaded"})
    .as(sql("select `id` from `organizations` where `modifier_id` is not null"));

struct LocalCheckView {
    std::optional<std::int32_t> id;
};
inline const auto localCheckView = mysql::view<LocalCheckView>("local_check_view")
    .with({.algorithm = "undefined", .sqlSecurity = "definer", .withCheckOption = "local"})
    .as(sql("select `id` from `organizations`"));

struct MembershipCount {
    std::optional<std::int32_t> orgId;
    std::optional<std::int64_t> members;
};
inline const auto membershipCounts = mysql::view<MembershipCount>("membership_counts")
    .with({.algorithm = "temptable"})
    .as(sql("select `org_id`, count(*) as `members` from `memberships` group by `org_id`"));

// Created elsewhere: the export must not create it.
struct LegacyView {
    std::optional<std::int32_t> id;
};
inline const auto legacyView = mysql::view<LegacyView>("legacy_view", {
    mysql::int_("id", &LegacyView::id),
}).existing();

}  // namespace integration_mysql

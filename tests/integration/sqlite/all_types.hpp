// The SQLite integration schema: every column type, mode and modifier the DSL offers, and every
// kind of key, constraint, index and view. tests/integration/export_applies_test.cpp exports it
// with drizzle-kit, applies the SQL to a fresh database file and checks it with SQLite's pragmas
// and `sqlite_schema` against the model of this header.
//
// Index columns are plain: `.desc()`, `.nullsFirst()` and `.op()` on an index column compile
// for SQLite but are dropped on the way to the DDL (Drizzle Kit's SQLite snapshot keeps index
// columns as names only), so declaring them here would check nothing.
#pragma once

#include <drizzle/sqlite.hpp>

namespace integration_sqlite {
namespace sqlite = drizzle::sqlite;
using drizzle::sql;

// ---- every column type and mode -------------------------------------------------------------

struct AllTypes {
    std::int64_t id;
    std::optional<std::int64_t> integer;
    std::optional<std::int32_t> integerNumber;
    std::optional<bool> integerBoolean;
    std::optional<std::int64_t> integerTimestamp;
    std::optional<std::int64_t> integerTimestampMs;
    std::optional<double> real;
    std::optional<float> realFloat;
    std::optional<std::string> text;
    std::optional<std::string> textEnum;
    std::optional<std::string> textJson;
    std::optional<std::string> textLength;
    std::optional<std::vector<unsigned char>> blob;
    std::optional<std::vector<std::byte>> blobBuffer;
    std::optional<std::string> blobJson;
    std::optional<std::int64_t> blobBigint;
    std::optional<std::string> numeric;
    std::optional<double> numericNumber;
    std::optional<std::int64_t> numericBigint;
    std::optional<std::string> customCollate;
    std::optional<std::string> customVarchar;
};

inline const auto allTypes = sqlite::table<AllTypes>("all_types", {
    sqlite::integer("id", &AllTypes::id).primaryKey().autoincrement(),
    sqlite::integer("integer", &AllTypes::integer),
    sqlite::integer("integer_number", &AllTypes::integerNumber, {.mode = "number"}),
    sqlite::integer("integer_boolean", &AllTypes::integerBoolean),
    sqlite::integer("integer_timestamp", &AllTypes::integerTimestamp, {.mode = "timestamp"}),
    sqlite::integer("integer_timestamp_ms", &AllTypes::integerTimestampMs, {.mode = "timestamp_ms"}),
    sqlite::real("real", &AllTypes::real),
    sqlite::real("real_float", &AllTypes::realFloat),
    sqlite::text("text", &AllTypes::text),
    sqlite::text("text_enum", &AllTypes::textEnum, {.enumValues = {"a", "b", "it's"}}),
    sqlite::text("text_json", &AllTypes::textJson, {.mode = "json"}),
    sqlite::text("text_length", &AllTypes::textLength, {.length = 256}),
    sqlite::blob("blob", &AllTypes::blob),
    sqlite::blob("blob_buffer", &AllTypes::blobBuffer, {.mode = "buffer"}),
    sqlite::blob("blob_json", &AllTypes::blobJson, {.mode = "json"}),
    sqlite::blob("blob_bigint", &AllTypes::blobBigint, {.mode = "bigint"}),
    sqlite::numeric("numeric", &AllTypes::numeric),
    sqlite::numeric("numeric_number", &AllTypes::numericNumber),
    sqlite::numeric("numeric_bigint", &AllTypes::numericBigint),
    sqlite::customType("custom_collate", &AllTypes::customCollate, "text collate nocase"),
    sqlite::customType("custom_varchar", &AllTypes::customVarchar, "varchar(32)"),
});

// ---- column modifiers and defaults --------------------------------------------------------

inline std::string appSideText() { return "from the application"; }

struct Modifier {
    std::int64_t id;
    std::string defaultText;
    std::optional<std::string> defaultQuote;
    std::optional<std::int64_t> defaultInt;
    std::optional<std::int64_t> defaultNegative;
    std::optional<bool> defaultTrue;
    bool defaultFalse;
    std::optional<double> defaultReal;
    std::optional<std::string> defaultJson;
    std::optional<std::string> defaultEnum;
    std::optional<std::vector<unsigned char>> defaultBlob;
    std::optional<std::string> defaultNumeric;
    std::optional<std::string> defaultSql;
    std::optional<std::string> defaultNowText;
    std::optional<std::int64_t> defaultNowSeconds;
    std::optional<std::int64_t> defaultNowMs;
    std::optional<std::string> defaultFn;
    std::optional<std::string> onUpdateFn;
    std::string requiredText;
    std::optional<std::string> uniqueUnnamed;
    std::optional<std::string> uniqueNamed;
    std::int64_t price;
    std::int64_t quantity;
    std::optional<std::int64_t> totalVirtual;
    std::optional<std::int64_t> totalStored;
    std::optional<std::string> lowerText;
};

inline const auto modifiers = sqlite::table<Modifier>("modifiers", {
    sqlite::integer("id", &Modifier::id).primaryKey(),
    sqlite::text("default_text", &Modifier::defaultText).notNull().default_("x"),
    sqlite::text("default_quote", &Modifier::defaultQuote).default_("it's \"quoted\" \\ too"),
    sqlite::integer("default_int", &Modifier::defaultInt).default_(5),
    sqlite::integer("default_negative", &Modifier::defaultNegative).default_(-42),
    sqlite::integer("default_true", &Modifier::defaultTrue).default_(true),
    sqlite::integer("default_false", &Modifier::defaultFalse).notNull().default_(false),
    sqlite::real("default_real", &Modifier::defaultReal).default_(1.5),
    sqlite::text("default_json", &Modifier::defaultJson, {.mode = "json"}).default_(R"({"a":1,"b":["x"]})"),
    sqlite::text("default_enum", &Modifier::defaultEnum, {.enumValues = {"on", "off"}}).default_("off"),
    sqlite::blob("default_blob", &Modifier::defaultBlob).default_(sql("x'0102'")),
    sqlite::numeric("default_numeric", &Modifier::defaultNumeric).default_("3.14"),
    sqlite::text("default_sql", &Modifier::defaultSql).default_(sql("(lower('ABC') || 'def')")),
    sqlite::text("default_now_text", &Modifier::defaultNowText).defaultNow(),
    sqlite::integer("default_now_seconds", &Modifier::defaultNowSeconds, {.mode = "timestamp"}).defaultNow(),
    sqlite::integer("default_now_ms", &Modifier::defaultNowMs, {.mode = "timestamp_ms"}).defaultNow(),
    // App-side values: computed by the ORM, so the database has no default for them.
    sqlite::text("default_fn", &Modifier::defaultFn).defaultFn(appSideText),
    sqlite::text("on_update_fn", &Modifier::onUpdateFn).onUpdateFn(appSideText),
    sqlite::text("required_text", &Modifier::requiredText).notNull(),
    sqlite::text("unique_unnamed", &Modifier::uniqueUnnamed).unique(),
    sqlite::text("unique_named", &Modifier::uniqueNamed).unique("modifiers_unique_named_key"),
    sqlite::integer("price", &Modifier::price).notNull().default_(0),
    sqlite::integer("quantity", &Modifier::quantity).notNull(),
    sqlite::integer("total_virtual", &Modifier::totalVirtual).generatedAlwaysAs(sql("price * quantity"), "virtual"),
    sqlite::integer("total_stored", &Modifier::totalStored).generatedAlwaysAs(sql("price * quantity"), "stored"),
    sqlite::text("lower_text", &Modifier::lowerText).generatedAlwaysAs(sql(R"(lower("required_text"))")),
}, {
    sqlite::check("modifiers_price_check", sql(R"("price" >= 0)")),
    sqlite::check("modifiers_quantity_check", sql(R"("quantity" between 1 and 1000)")),
});

// ---- references, self-reference, table-level constraints, indexes --------------------------

struct Organization {
    std::int64_t id;
    std::optional<std::int64_t> parentId;
    std::optional<std::int64_t> fallbackParentId;
    std::string name;
    std::optional<std::int64_t> modifierId;
    std::optional<std::int64_t> deletedAt;
};

inline const auto organizations = sqlite::table<Organization>("organizations", {
    sqlite::integer("id", &Organization::id).primaryKey().autoincrement(),
    sqlite::integer("parent_id", &Organization::parentId)
        .references(&Organization::id, {.onDelete = sqlite::setNull, .onUpdate = sqlite::cascade}),
    sqlite::integer("fallback_parent_id", &Organization::fallbackParentId).default_(1),
    sqlite::text("name", &Organization::name).notNull(),
    sqlite::integer("modifier_id", &Organization::modifierId)
        .references(&Modifier::id, {.onDelete = sqlite::restrict, .onUpdate = sqlite::noAction}),
    sqlite::integer("deleted_at", &Organization::deletedAt, {.mode = "timestamp"}),
}, {
    sqlite::foreignKey(sqlite::cols(&Organization::fallbackParentId), sqlite::cols(&Organization::id))
        .name("organizations_fallback_fk")
        .onDelete(sqlite::setDefault)
        .onUpdate(sqlite::restrict),
    sqlite::index("organizations_name_idx").on(&Organization::name),
    sqlite::index().on(&Organization::parentId, &Organization::name),
    sqlite::uniqueIndex("organizations_name_unique_idx").on(&Organization::name),
    sqlite::uniqueIndex("organizations_active_name_idx")
        .on(&Organization::name)
        .where(sql(R"("organizations"."deleted_at" is null)")),
    sqlite::index("organizations_lower_name_idx").on(sql(R"(lower("name"))"), &Organization::deletedAt),
    sqlite::unique(&Organization::parentId, &Organization::fallbackParentId).name("organizations_parents_key"),
});

struct Membership {
    std::int64_t orgId;
    std::int64_t userId;
    std::string role;
    std::optional<std::int64_t> score;
};

inline const auto memberships = sqlite::table<Membership>("memberships", {
    sqlite::integer("org_id", &Membership::orgId).notNull(),
    sqlite::integer("user_id", &Membership::userId).notNull(),
    sqlite::text("role", &Membership::role).notNull().default_("member"),
    sqlite::integer("score", &Membership::score),
}, {
    sqlite::primaryKey(&Membership::orgId, &Membership::userId),
    sqlite::unique(&Membership::orgId, &Membership::role),
    sqlite::check("memberships_score_check", sql(R"("memberships"."score" >= 0 and "memberships"."score" <= 100)")),
    sqlite::foreignKey(sqlite::cols(&Membership::orgId), sqlite::cols(&Organization::id)).onDelete(sqlite::cascade),
});

struct Grant {
    std::int64_t orgId;
    std::int64_t userId;
    std::string permission;
};

inline const auto grants = sqlite::table<Grant>("grants", {
    sqlite::integer("org_id", &Grant::orgId).notNull(),
    sqlite::integer("user_id", &Grant::userId).notNull(),
    sqlite::text("permission", &Grant::permission).notNull(),
}, {
    sqlite::primaryKey(&Grant::orgId, &Grant::userId, &Grant::permission).name("grants_custom_pk"),
    sqlite::foreignKey(sqlite::cols(&Grant::orgId, &Grant::userId),
                       sqlite::cols(&Membership::orgId, &Membership::userId))
        .name("grants_membership_fk")
        .onDelete(sqlite::cascade)
        .onUpdate(sqlite::cascade),
});

// ---- names that need quoting everywhere ---------------------------------------------------

struct WeirdName {
    std::int64_t select;
    std::optional<std::string> mixedCase;
    std::optional<std::string> quoted;
    std::optional<std::int64_t> order;
};

inline const auto weirdNames = sqlite::table<WeirdName>("Weird `Names`", {
    sqlite::integer("select", &WeirdName::select).primaryKey(),
    sqlite::text("Mixed Case", &WeirdName::mixedCase).unique("Weird Unique"),
    sqlite::text("it's `quoted`", &WeirdName::quoted),
    sqlite::integer("order", &WeirdName::order).references(&Organization::id),
}, {
    sqlite::index("Weird Index").on(&WeirdName::quoted, &WeirdName::order),
    sqlite::check("Weird Check", sql(R"(length("Mixed Case") < 10)")),
});

// ---- views --------------------------------------------------------------------------------

struct ActiveOrganization {
    std::optional<std::int64_t> id;
    std::optional<std::string> name;
};
inline const auto activeOrganizations = sqlite::view<ActiveOrganization>("active_organizations", {
    sqlite::integer("id", &ActiveOrganization::id),
    sqlite::text("name", &ActiveOrganization::name),
}).as(sql(R"(select "id", "name" from "organizations" where "deleted_at" is null)"));

struct MembershipCount {
    std::optional<std::int64_t> orgId;
    std::optional<std::int64_t> members;
};
inline const auto membershipCounts = sqlite::view<MembershipCount>("membership_counts")
    .as(sql(R"(select "org_id", count(*) as "members" from "memberships" group by "org_id")"));

// Created elsewhere: the export must not create it.
struct LegacyView {
    std::optional<std::int64_t> id;
};
inline const auto legacyView = sqlite::view<LegacyView>("legacy_view", {
    sqlite::integer("id", &LegacyView::id),
}).existing();

}  // namespace integration_sqlite

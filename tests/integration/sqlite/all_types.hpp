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

inline const auto allTypes = sqlite::sqliteTable<AllTypes>("all_types", {
    sqlite::integer<&AllTypes::id>("id").primaryKey().autoincrement(),
    sqlite::integer<&AllTypes::integer>("integer"),
    sqlite::integer<&AllTypes::integerNumber>("integer_number", {.mode = "number"}),
    sqlite::integer<&AllTypes::integerBoolean>("integer_boolean"),
    sqlite::integer<&AllTypes::integerTimestamp>("integer_timestamp", {.mode = "timestamp"}),
    sqlite::integer<&AllTypes::integerTimestampMs>("integer_timestamp_ms", {.mode = "timestamp_ms"}),
    sqlite::real<&AllTypes::real>("real"),
    sqlite::real<&AllTypes::realFloat>("real_float"),
    sqlite::text<&AllTypes::text>("text"),
    sqlite::text<&AllTypes::textEnum>("text_enum").enumValues({"a", "b", "it's"}),
    sqlite::text<&AllTypes::textJson>("text_json", {.mode = "json"}),
    sqlite::text<&AllTypes::textLength>("text_length", {.length = 256}),
    sqlite::blob<&AllTypes::blob>("blob"),
    sqlite::blob<&AllTypes::blobBuffer>("blob_buffer", {.mode = "buffer"}),
    sqlite::blob<&AllTypes::blobJson>("blob_json", {.mode = "json"}),
    sqlite::blob<&AllTypes::blobBigint>("blob_bigint", {.mode = "bigint"}),
    sqlite::numeric<&AllTypes::numeric>("numeric"),
    sqlite::numeric<&AllTypes::numericNumber>("numeric_number"),
    sqlite::numeric<&AllTypes::numericBigint>("numeric_bigint"),
    sqlite::customType<&AllTypes::customCollate>("custom_collate", "text collate nocase"),
    sqlite::customType<&AllTypes::customVarchar>("custom_varchar", "varchar(32)"),
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

inline const auto modifiers = sqlite::sqliteTable<Modifier>("modifiers", {
    sqlite::integer<&Modifier::id>("id").primaryKey(),
    sqlite::text<&Modifier::defaultText>("default_text").notNull().default_("x"),
    sqlite::text<&Modifier::defaultQuote>("default_quote").default_("it's \"quoted\" \\ too"),
    sqlite::integer<&Modifier::defaultInt>("default_int").default_(5),
    sqlite::integer<&Modifier::defaultNegative>("default_negative").default_(-42),
    sqlite::integer<&Modifier::defaultTrue>("default_true").default_(true),
    sqlite::integer<&Modifier::defaultFalse>("default_false").notNull().default_(false),
    sqlite::real<&Modifier::defaultReal>("default_real").default_(1.5),
    sqlite::text<&Modifier::defaultJson>("default_json", {.mode = "json"}).default_(R"({"a":1,"b":["x"]})"),
    sqlite::text<&Modifier::defaultEnum>("default_enum").enumValues({"on", "off"}).default_("off"),
    sqlite::blob<&Modifier::defaultBlob>("default_blob").default_(sql("x'0102'")),
    sqlite::numeric<&Modifier::defaultNumeric>("default_numeric").default_("3.14"),
    sqlite::text<&Modifier::defaultSql>("default_sql").default_(sql("(lower('ABC') || 'def')")),
    sqlite::text<&Modifier::defaultNowText>("default_now_text").defaultNow(),
    sqlite::integer<&Modifier::defaultNowSeconds>("default_now_seconds", {.mode = "timestamp"}).defaultNow(),
    sqlite::integer<&Modifier::defaultNowMs>("default_now_ms", {.mode = "timestamp_ms"}).defaultNow(),
    // App-side values: computed by the ORM, so the database has no default for them.
    sqlite::text<&Modifier::defaultFn>("default_fn").defaultFn<appSideText>(),
    sqlite::text<&Modifier::onUpdateFn>("on_update_fn").onUpdateFn<appSideText>(),
    sqlite::text<&Modifier::requiredText>("required_text").notNull(),
    sqlite::text<&Modifier::uniqueUnnamed>("unique_unnamed").unique(),
    sqlite::text<&Modifier::uniqueNamed>("unique_named").unique("modifiers_unique_named_key"),
    sqlite::integer<&Modifier::price>("price").notNull().default_(0),
    sqlite::integer<&Modifier::quantity>("quantity").notNull(),
    sqlite::integer<&Modifier::totalVirtual>("total_virtual").generatedAlwaysAs(sql("price * quantity"), "virtual"),
    sqlite::integer<&Modifier::totalStored>("total_stored").generatedAlwaysAs(sql("price * quantity"), "stored"),
    sqlite::text<&Modifier::lowerText>("lower_text").generatedAlwaysAs(sql(R"(lower("required_text"))")),
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

inline const auto organizations = sqlite::sqliteTable<Organization>("organizations", {
    sqlite::integer<&Organization::id>("id").primaryKey().autoincrement(),
    sqlite::integer<&Organization::parentId>("parent_id")
        .references<&Organization::id>({.onDelete = sqlite::setNull, .onUpdate = sqlite::cascade}),
    sqlite::integer<&Organization::fallbackParentId>("fallback_parent_id").default_(1),
    sqlite::text<&Organization::name>("name").notNull(),
    sqlite::integer<&Organization::modifierId>("modifier_id")
        .references<&Modifier::id>({.onDelete = sqlite::restrict, .onUpdate = sqlite::noAction}),
    sqlite::integer<&Organization::deletedAt>("deleted_at", {.mode = "timestamp"}),
}, {
    sqlite::foreignKey("organizations_fallback_fk").columns<&Organization::fallbackParentId>().foreignColumns<&Organization::id>()
        .onDelete(sqlite::setDefault)
        .onUpdate(sqlite::restrict),
    sqlite::index("organizations_name_idx").on<&Organization::name>(),
    sqlite::index().on<&Organization::parentId, &Organization::name>(),
    sqlite::uniqueIndex("organizations_name_unique_idx").on<&Organization::name>(),
    sqlite::uniqueIndex("organizations_active_name_idx")
        .on<&Organization::name>()
        .where(sql(R"("organizations"."deleted_at" is null)")),
    sqlite::index("organizations_lower_name_idx").on(sql(R"(lower("name"))"), drizzle::col<&Organization::deletedAt>()),
    sqlite::unique("organizations_parents_key").on<&Organization::parentId, &Organization::fallbackParentId>(),
});

struct Membership {
    std::int64_t orgId;
    std::int64_t userId;
    std::string role;
    std::optional<std::int64_t> score;
};

inline const auto memberships = sqlite::sqliteTable<Membership>("memberships", {
    sqlite::integer<&Membership::orgId>("org_id").notNull(),
    sqlite::integer<&Membership::userId>("user_id").notNull(),
    sqlite::text<&Membership::role>("role").notNull().default_("member"),
    sqlite::integer<&Membership::score>("score"),
}, {
    sqlite::primaryKey<&Membership::orgId, &Membership::userId>(),
    sqlite::unique().on<&Membership::orgId, &Membership::role>(),
    sqlite::check("memberships_score_check", sql(R"("memberships"."score" >= 0 and "memberships"."score" <= 100)")),
    sqlite::foreignKey().columns<&Membership::orgId>().foreignColumns<&Organization::id>().onDelete(sqlite::cascade),
});

struct Grant {
    std::int64_t orgId;
    std::int64_t userId;
    std::string permission;
};

inline const auto grants = sqlite::sqliteTable<Grant>("grants", {
    sqlite::integer<&Grant::orgId>("org_id").notNull(),
    sqlite::integer<&Grant::userId>("user_id").notNull(),
    sqlite::text<&Grant::permission>("permission").notNull(),
}, {
    sqlite::primaryKey<&Grant::orgId, &Grant::userId, &Grant::permission>().name("grants_custom_pk"),
    sqlite::foreignKey("grants_membership_fk").columns<&Grant::orgId, &Grant::userId>().foreignColumns<&Membership::orgId, &Membership::userId>()
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

inline const auto weirdNames = sqlite::sqliteTable<WeirdName>("Weird `Names`", {
    sqlite::integer<&WeirdName::select>("select").primaryKey(),
    sqlite::text<&WeirdName::mixedCase>("Mixed Case").unique("Weird Unique"),
    sqlite::text<&WeirdName::quoted>("it's `quoted`"),
    sqlite::integer<&WeirdName::order>("order").references<&Organization::id>(),
}, {
    sqlite::index("Weird Index").on<&WeirdName::quoted, &WeirdName::order>(),
    sqlite::check("Weird Check", sql(R"(length("Mixed Case") < 10)")),
});

// ---- views --------------------------------------------------------------------------------

struct ActiveOrganization {
    std::optional<std::int64_t> id;
    std::optional<std::string> name;
};
inline const auto activeOrganizations = sqlite::sqliteView<ActiveOrganization>("active_organizations", {
    sqlite::integer<&ActiveOrganization::id>("id"),
    sqlite::text<&ActiveOrganization::name>("name"),
}).as(sql(R"(select "id", "name" from "organizations" where "deleted_at" is null)"));

struct MembershipCount {
    std::optional<std::int64_t> orgId;
    std::optional<std::int64_t> members;
};
inline const auto membershipCounts = sqlite::sqliteView<MembershipCount>("membership_counts")
    .as(sql(R"(select "org_id", count(*) as "members" from "memberships" group by "org_id")"));

// Created elsewhere: the export must not create it.
struct LegacyView {
    std::optional<std::int64_t> id;
};
inline const auto legacyView = sqlite::sqliteView<LegacyView>("legacy_view", {
    sqlite::integer<&LegacyView::id>("id"),
}).existing();

}  // namespace integration_sqlite

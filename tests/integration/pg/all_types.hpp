// The PostgreSQL integration schema: every column type and modifier the DSL offers, every kind
// of constraint, index, enum, sequence, view, policy and role. tests/integration/
// export_applies_test.cpp exports it with drizzle-kit, applies the SQL to a fresh database and
// checks the catalog against the model of this header.
//
// Left out, and why:
//   - pg::vector (pgvector): the extension is not packaged for Debian 12, so no test server has it.
//   - a tablespace other than pg_default: creating one needs a directory on the server's host.
// The test database gets `CREATE EXTENSION citext` and `CREATE EXTENSION postgis` before the
// exported SQL runs: extensions are the database's set-up, not part of the schema model.
//
// Roles are global to a PostgreSQL cluster, so their names carry a prefix no other test uses.
#pragma once

#include <drizzle/pg.hpp>

namespace integration_pg {
namespace pg = drizzle::pg;
using drizzle::sql;

// ---- enums, sequences, roles, schemas -----------------------------------------------------

inline const auto mood = pg::pgEnum("mood", {"sad", "ok", "happy"});
// A name that needs quoting, and values with a quote and a space.
inline const auto status = pg::pgEnum("Status", {"it's", "in progress", "done"});
// A name that starts like a native type, which Drizzle Kit would print bare.
inline const auto timestampKind = pg::pgEnum("timestamp_kind", {"created", "updated"});

inline const auto counterSeq = pg::sequence(
    "counter_seq", {.increment = 2, .minValue = 10, .maxValue = 100000, .startWith = 100, .cache = 5, .cycle = true});
inline const auto plainSeq = pg::sequence("plain_seq");
inline const auto countdownSeq = pg::sequence("countdown_seq", {.increment = -1});

inline const auto itAdmin = pg::role("drizzle_it_admin", {.createDb = true, .createRole = true, .inherit = false});
inline const auto itReader = pg::role("drizzle_it_reader");
inline const auto itWriter = pg::role("drizzle_it_writer", {.createDb = true});
// A role the database already has: referenced by a policy, never created.
inline const auto readAll = pg::role("pg_read_all_data", {.existing = true});

inline const auto audit = pg::schema("audit");
inline const auto level = audit.pgEnum("level", {"info", "warn", "error"});
inline const auto auditSeq = audit.sequence("audit_seq", {.increment = 10, .startWith = 1000, .cache = 20});

// ---- every column type --------------------------------------------------------------------

struct AllTypes {
    std::int32_t id;
    std::optional<std::int16_t> smallint;
    std::optional<std::int32_t> integer;
    std::optional<std::int64_t> bigint;
    std::int16_t smallserial;
    std::int64_t bigserial;
    std::optional<std::string> numeric;
    std::optional<std::string> numericPrecision;
    std::optional<std::string> numericPlain;
    std::optional<double> decimal;
    std::optional<float> real;
    std::optional<double> doublePrecision;
    std::optional<bool> boolean;
    std::optional<std::string> text;
    std::optional<std::string> textEnum;
    std::optional<std::string> varchar;
    std::optional<std::string> varcharNoLength;
    std::optional<std::string> fixedChar;
    std::optional<std::string> charNoLength;
    std::optional<std::string> json;
    std::optional<std::string> jsonb;
    std::optional<std::string> uuid;
    std::optional<std::string> date;
    std::optional<std::string> inet;
    std::optional<std::string> cidr;
    std::optional<std::string> macaddr;
    std::optional<std::string> macaddr8;
    std::optional<std::string> time;
    std::optional<std::string> timePrecision;
    std::optional<std::string> timeTz;
    std::optional<std::string> timestamp;
    std::optional<std::string> timestampPrecisionTz;
    std::optional<std::string> timestampTz;
    std::optional<std::string> interval;
    std::optional<std::string> intervalFields;
    std::optional<std::string> intervalPrecision;
    std::optional<pg::Point> point;
    std::optional<std::string> pointText;
    std::optional<pg::Line> line;
    std::optional<std::vector<unsigned char>> bytea;
    std::optional<pg::Point> geometry;
    std::optional<std::string> geometryPlain;
    std::optional<std::string> citext;
    std::optional<std::string> geography;
    std::optional<std::string> tsvector;
    std::optional<std::string> money;
    std::optional<std::string> xml;
    std::optional<std::string> int4range;
    std::optional<std::string> bit;
    std::optional<std::string> mood;
    std::optional<std::string> status;
    std::optional<std::string> timestampKind;
    std::optional<std::string> level;
    std::optional<std::vector<std::string>> textArray;
    std::optional<std::vector<std::vector<std::int32_t>>> integerMatrix;
    std::optional<std::vector<std::string>> varcharArray;
    std::optional<std::vector<std::vector<double>>> numericMatrix;
    std::optional<std::vector<bool>> booleanArray;
    std::optional<std::vector<std::string>> timestampArray;
    std::optional<std::vector<std::string>> uuidArray;
    std::optional<std::vector<std::string>> moodArray;
    std::optional<std::vector<std::vector<std::string>>> levelMatrix;
    std::optional<std::vector<std::vector<unsigned char>>> byteaArray;
    std::optional<std::vector<pg::Point>> pointArray;
};

inline const auto allTypes = pg::table<AllTypes>("all_types", {
    pg::serial("id", &AllTypes::id).primaryKey(),
    pg::smallint("smallint", &AllTypes::smallint),
    pg::integer("integer", &AllTypes::integer),
    pg::bigint("bigint", &AllTypes::bigint),
    pg::smallserial("smallserial", &AllTypes::smallserial),
    pg::bigserial("bigserial", &AllTypes::bigserial),
    pg::numeric("numeric", &AllTypes::numeric, {.precision = 10, .scale = 2}),
    pg::numeric("numeric_precision", &AllTypes::numericPrecision, {.precision = 8}),
    pg::numeric("numeric_plain", &AllTypes::numericPlain),
    pg::decimal("decimal", &AllTypes::decimal, {.precision = 12, .scale = 4}),
    pg::real("real", &AllTypes::real),
    pg::doublePrecision("double_precision", &AllTypes::doublePrecision),
    pg::boolean("boolean", &AllTypes::boolean),
    pg::text("text", &AllTypes::text),
    pg::text("text_enum", &AllTypes::textEnum, {.enumValues = {"a", "b", "c"}}),
    pg::varchar("varchar", &AllTypes::varchar, {.length = 256}),
    pg::varchar("varchar_no_length", &AllTypes::varcharNoLength),
    pg::char_("char", &AllTypes::fixedChar, {.length = 3}),
    pg::char_("char_no_length", &AllTypes::charNoLength),
    pg::json("json", &AllTypes::json),
    pg::jsonb("jsonb", &AllTypes::jsonb),
    pg::uuid("uuid", &AllTypes::uuid),
    pg::date("date", &AllTypes::date),
    pg::inet("inet", &AllTypes::inet),
    pg::cidr("cidr", &AllTypes::cidr),
    pg::macaddr("macaddr", &AllTypes::macaddr),
    pg::macaddr8("macaddr8", &AllTypes::macaddr8),
    pg::time("time", &AllTypes::time),
    pg::time("time_precision", &AllTypes::timePrecision, {.precision = 3}),
    pg::time("time_tz", &AllTypes::timeTz, {.precision = 0, .withTimezone = true}),
    pg::timestamp("timestamp", &AllTypes::timestamp),
    pg::timestamp("timestamp_precision_tz", &AllTypes::timestampPrecisionTz, {.precision = 3, .withTimezone = true}),
    pg::timestamp("timestamp_tz", &AllTypes::timestampTz, {.withTimezone = true}),
    pg::interval("interval", &AllTypes::interval),
    pg::interval("interval_fields", &AllTypes::intervalFields, {.fields = "day to second", .precision = 3}),
    pg::interval("interval_precision", &AllTypes::intervalPrecision, {.fields = "month"}),
    pg::point("point", &AllTypes::point),
    pg::point("point_text", &AllTypes::pointText),
    pg::line("line", &AllTypes::line),
    pg::bytea("bytea", &AllTypes::bytea),
    pg::geometry("geometry", &AllTypes::geometry, {.type = "point", .srid = 4326}),
    pg::geometry("geometry_plain", &AllTypes::geometryPlain),
    pg::customType("citext", &AllTypes::citext, "citext"),
    // Types the DSL has no function for, by their SQL name (with modifiers outside the name).
    pg::customType("geography", &AllTypes::geography, "geography(point,4326)"),
    pg::customType("tsvector", &AllTypes::tsvector, "tsvector"),
    pg::customType("money", &AllTypes::money, "money"),
    pg::customType("xml", &AllTypes::xml, "xml"),
    pg::customType("int4range", &AllTypes::int4range, "int4range"),
    pg::customType("bit", &AllTypes::bit, "bit(8)"),
    mood("mood", &AllTypes::mood),
    status("status", &AllTypes::status),
    timestampKind("timestamp_kind", &AllTypes::timestampKind),
    level("level", &AllTypes::level),
    pg::text("text_array", &AllTypes::textArray),
    pg::integer("integer_matrix", &AllTypes::integerMatrix),
    pg::varchar("varchar_array", &AllTypes::varcharArray, {.length = 10}),
    pg::doublePrecision("numeric_matrix", &AllTypes::numericMatrix),
    pg::boolean("boolean_array", &AllTypes::booleanArray),
    pg::timestamp("timestamp_array", &AllTypes::timestampArray, {.precision = 2, .withTimezone = true}),
    pg::uuid("uuid_array", &AllTypes::uuidArray),
    mood("mood_array", &AllTypes::moodArray),
    level("level_matrix", &AllTypes::levelMatrix),
    pg::bytea("bytea_array", &AllTypes::byteaArray),
    pg::point("point_array", &AllTypes::pointArray),
});

// ---- column modifiers ---------------------------------------------------------------------

inline std::string appSideText() { return "from the application"; }

struct Modifier {
    std::int32_t id;
    std::int64_t byDefault;
    std::int16_t plainIdentity;
    std::string defaultText;
    std::optional<std::string> defaultQuote;
    std::optional<std::int32_t> defaultInt;
    std::optional<std::int64_t> defaultNegative;
    std::optional<bool> defaultTrue;
    bool defaultFalse;
    std::optional<float> defaultReal;
    std::optional<double> defaultDouble;
    std::optional<std::string> defaultNumeric;
    std::optional<std::string> defaultJson;
    std::optional<std::string> defaultJsonb;
    std::optional<std::vector<std::string>> defaultTextArray;
    std::optional<std::vector<std::vector<std::int32_t>>> defaultIntMatrix;
    std::optional<std::string> defaultMood;
    std::optional<std::string> defaultStatus;
    std::optional<std::string> defaultLevel;
    std::optional<std::string> defaultDate;
    std::optional<std::string> defaultTimestamp;
    std::string defaultNow;
    std::optional<std::string> defaultNowTz;
    std::string defaultRandom;
    std::optional<std::string> defaultSqlExpr;
    std::optional<std::int64_t> defaultNextval;
    std::optional<std::string> defaultInterval;
    std::optional<pg::Point> defaultPoint;
    std::optional<std::string> defaultCitext;
    std::optional<std::string> defaultFn;
    std::optional<std::string> onUpdateFn;
    std::string requiredText;
    std::optional<std::string> uniqueUnnamed;
    std::optional<std::string> uniqueNamed;
    std::optional<std::string> uniqueNullsNotDistinct;
    std::int32_t price;
    std::int32_t quantity;
    std::optional<std::int32_t> total;
    std::optional<std::string> search;
};

inline const auto modifiers = pg::table<Modifier>("modifiers", {
    pg::integer("id", &Modifier::id)
        .primaryKey()
        .generatedAlwaysAsIdentity(
            {.increment = 5, .minValue = 1000, .maxValue = 2000000, .startWith = 1000, .cache = 10, .cycle = true},
            "modifiers_id_identity"),
    pg::bigint("by_default", &Modifier::byDefault).generatedByDefaultAsIdentity({.startWith = 7}),
    pg::smallint("plain_identity", &Modifier::plainIdentity).generatedAlwaysAsIdentity(),
    pg::text("default_text", &Modifier::defaultText).notNull().default_("x"),
    pg::text("default_quote", &Modifier::defaultQuote).default_("it's \"quoted\" \\ too"),
    pg::integer("default_int", &Modifier::defaultInt).default_(5),
    pg::bigint("default_negative", &Modifier::defaultNegative).default_(-42),
    pg::boolean("default_true", &Modifier::defaultTrue).default_(true),
    pg::boolean("default_false", &Modifier::defaultFalse).notNull().default_(false),
    pg::real("default_real", &Modifier::defaultReal).default_(1.5f),
    pg::doublePrecision("default_double", &Modifier::defaultDouble).default_(0.25),
    pg::numeric("default_numeric", &Modifier::defaultNumeric, {.precision = 6, .scale = 2}).default_("3.14"),
    pg::json("default_json", &Modifier::defaultJson).default_(R"({"a":1,"b":["x"]})"),
    pg::jsonb("default_jsonb", &Modifier::defaultJsonb).default_(R"({"it's":true})"),
    pg::text("default_text_array", &Modifier::defaultTextArray).default_(sql(R"('{"a","b"}')")),
    pg::integer("default_int_matrix", &Modifier::defaultIntMatrix).default_(sql("'{{1,2},{3,4}}'")),
    mood("default_mood", &Modifier::defaultMood).default_("ok"),
    status("default_status", &Modifier::defaultStatus).default_("it's"),
    level("default_level", &Modifier::defaultLevel).default_("warn"),
    pg::date("default_date", &Modifier::defaultDate).default_("2024-01-01"),
    pg::timestamp("default_timestamp", &Modifier::defaultTimestamp).default_("2024-01-01 12:30:00"),
    pg::timestamp("default_now", &Modifier::defaultNow).notNull().defaultNow(),
    pg::timestamp("default_now_tz", &Modifier::defaultNowTz, {.precision = 3, .withTimezone = true}).defaultNow(),
    pg::uuid("default_random", &Modifier::defaultRandom).notNull().defaultRandom(),
    pg::text("default_sql_expr", &Modifier::defaultSqlExpr).default_(sql("lower('ABC' || 'def')")),
    pg::bigint("default_nextval", &Modifier::defaultNextval).default_(sql("nextval('counter_seq')")),
    pg::interval("default_interval", &Modifier::defaultInterval).default_("1 day"),
    pg::point("default_point", &Modifier::defaultPoint).default_(sql("point(1, 2)")),
    pg::customType("default_citext", &Modifier::defaultCitext, "citext").default_(sql("'MiXeD'")),
    // App-side values: computed by the ORM, so the database has no default for them.
    pg::text("default_fn", &Modifier::defaultFn).defaultFn(appSideText),
    pg::text("on_update_fn", &Modifier::onUpdateFn).onUpdateFn(appSideText),
    pg::text("required_text", &Modifier::requiredText).notNull(),
    pg::text("unique_unnamed", &Modifier::uniqueUnnamed).unique(),
    pg::text("unique_named", &Modifier::uniqueNamed).unique("modifiers_unique_named_key"),
    pg::text("unique_nulls_not_distinct", &Modifier::uniqueNullsNotDistinct)
        .unique("modifiers_nnd_key", {.nullsNotDistinct = true}),
    pg::integer("price", &Modifier::price).notNull().default_(0),
    pg::integer("quantity", &Modifier::quantity).notNull(),
    pg::integer("total", &Modifier::total).generatedAlwaysAs(sql(R"("price" * "quantity")"), "stored"),
    pg::text("search", &Modifier::search).generatedAlwaysAs(sql(R"(lower("required_text") || ' ' || "price")")),
}, {
    pg::check("modifiers_price_check", sql(R"("price" >= 0)")),
    pg::check("modifiers_quantity_check", sql(R"("quantity" between 1 and 1000 and "price" < 100000)")),
});

// ---- references, self-reference, table-level constraints ----------------------------------

struct Organization {
    std::int32_t id;
    std::optional<std::int32_t> parentId;
    std::optional<std::int32_t> fallbackParentId;
    std::string name;
    std::optional<std::int32_t> modifierId;
};

inline const auto organizations = pg::table<Organization>("organizations", {
    pg::serial("id", &Organization::id).primaryKey(),
    pg::integer("parent_id", &Organization::parentId)
        .references(&Organization::id, {.onDelete = pg::setNull, .onUpdate = pg::cascade}),
    pg::integer("fallback_parent_id", &Organization::fallbackParentId).default_(1),
    pg::text("name", &Organization::name).notNull(),
    pg::integer("modifier_id", &Organization::modifierId)
        .references(&Modifier::id, {.onDelete = pg::restrict, .onUpdate = pg::noAction}),
}, {
    pg::foreignKey(pg::cols(&Organization::fallbackParentId), pg::cols(&Organization::id))
        .name("organizations_fallback_fk")
        .onDelete(pg::setDefault)
        .onUpdate(pg::restrict),
    pg::unique(&Organization::parentId, &Organization::name).name("organizations_parent_name_key"),
});

struct Membership {
    std::int32_t orgId;
    std::int32_t userId;
    std::string role;
    std::optional<std::int32_t> score;
    std::optional<std::string> nickname;
    std::string createdAt;
};

inline const auto memberships = pg::table<Membership>("memberships", {
    pg::integer("org_id", &Membership::orgId).notNull(),
    pg::integer("user_id", &Membership::userId).notNull(),
    pg::text("role", &Membership::role).notNull().default_("member"),
    pg::integer("score", &Membership::score),
    pg::text("nickname", &Membership::nickname),
    pg::timestamp("created_at", &Membership::createdAt, {.withTimezone = true}).notNull().defaultNow(),
}, {
    pg::primaryKey(&Membership::orgId, &Membership::userId),
    pg::unique(&Membership::orgId, &Membership::role).name("memberships_org_role_key"),
    pg::unique(&Membership::userId, &Membership::nickname).nullsNotDistinct(),
    pg::check("memberships_score_check", sql(R"("memberships"."score" >= 0 and "memberships"."score" <= 100)")),
    pg::foreignKey(pg::cols(&Membership::orgId), pg::cols(&Organization::id)).onDelete(pg::cascade),
});

struct Grant {
    std::int32_t orgId;
    std::int32_t userId;
    std::string permission;
};

inline const auto grants = pg::table<Grant>("grants", {
    pg::integer("org_id", &Grant::orgId).notNull(),
    pg::integer("user_id", &Grant::userId).notNull(),
    pg::text("permission", &Grant::permission).notNull(),
}, {
    pg::primaryKey(&Grant::orgId, &Grant::userId, &Grant::permission).name("grants_custom_pk"),
    pg::foreignKey(pg::cols(&Grant::orgId, &Grant::userId), pg::cols(&Membership::orgId, &Membership::userId))
        .name("grants_membership_fk")
        .onDelete(pg::cascade)
        .onUpdate(pg::cascade),
});

// ---- names that need quoting everywhere ---------------------------------------------------

struct WeirdName {
    std::int32_t select;
    std::optional<std::string> mixedCase;
    std::optional<std::string> quoted;
    std::optional<std::int32_t> grantOrg;
};

inline const auto weirdNames = pg::table<WeirdName>("Weird \"Names\"", {
    pg::integer("select", &WeirdName::select).primaryKey(),
    pg::text("Mixed Case", &WeirdName::mixedCase).unique("Weird Unique"),
    pg::text("it's \"quoted\"", &WeirdName::quoted),
    pg::integer("order", &WeirdName::grantOrg).references(&Organization::id),
}, {
    pg::index("Weird Index").on(pg::col(&WeirdName::quoted).desc()),
    pg::check("Weird Check", sql(R"(length("Mixed Case") < 10)")),
});

// ---- indexes ------------------------------------------------------------------------------

struct Document {
    std::int32_t id;
    std::string title;
    std::optional<std::string> body;
    std::optional<std::vector<std::string>> tags;
    std::optional<std::string> meta;
    std::optional<pg::Point> location;
    std::optional<std::string> createdAt;
    std::optional<std::string> deletedAt;
    std::optional<std::int32_t> rank;
};

inline const auto documents = pg::table<Document>("documents", {
    pg::serial("id", &Document::id).primaryKey(),
    pg::text("title", &Document::title).notNull(),
    pg::text("body", &Document::body),
    pg::text("tags", &Document::tags),
    pg::jsonb("meta", &Document::meta),
    pg::geometry("location", &Document::location, {.type = "point", .srid = 4326}),
    pg::timestamp("created_at", &Document::createdAt).defaultNow(),
    pg::timestamp("deleted_at", &Document::deletedAt),
    pg::integer("rank", &Document::rank),
}, {
    pg::index().on(&Document::title),
    pg::index("documents_title_rank_idx").on(pg::col(&Document::title).asc(), pg::col(&Document::rank).desc()),
    pg::index("documents_nulls_idx")
        .on(pg::col(&Document::rank).asc().nullsFirst(), pg::col(&Document::createdAt).desc().nullsLast()),
    pg::index("documents_desc_default_nulls_idx").on(pg::col(&Document::deletedAt).desc()),
    pg::uniqueIndex("documents_title_unique_idx").on(&Document::title),
    pg::index("documents_lower_title_idx").on(sql(R"(lower("title"))")),
    pg::index("documents_tags_gin_idx").using_("gin").on(&Document::tags),
    pg::index("documents_meta_gin_idx").using_("gin").on(pg::col(&Document::meta).op("jsonb_path_ops")),
    pg::index("documents_location_gist_idx").using_("gist").on(&Document::location),
    pg::index("documents_created_brin_idx").using_("brin").on(&Document::createdAt),
    pg::index("documents_title_hash_idx").using_("hash").on(&Document::title),
    pg::index("documents_text_pattern_idx").on(pg::col(&Document::body).op("text_pattern_ops").desc().nullsFirst()),
    pg::uniqueIndex("documents_active_title_idx").on(&Document::title).where(sql(R"("documents"."deleted_at" is null)")),
    pg::index("documents_fillfactor_idx").on(&Document::rank).with_("fillfactor=70,deduplicate_items=off"),
    // CONCURRENTLY cannot run inside a transaction block: the test applies the export statement
    // by statement (psql without --single-transaction), as `drizzle-kit export | psql` would.
    pg::index("documents_concurrent_idx").on(&Document::createdAt).concurrently(),
    pg::index("documents_everything_idx")
        .using_("btree")
        .on(pg::col(&Document::rank).desc().nullsFirst(), sql(R"(lower("body"))"))
        .where(sql(R"("documents"."rank" > 0)"))
        .with_("fillfactor=90")
        .concurrently(),
});

// ---- tables in another schema, and references across schemas ------------------------------

struct AuditLog {
    std::int64_t id;
    std::string level;
    std::string message;
    std::optional<std::int32_t> documentId;
    std::int64_t sequenceNo;
    std::string at;
};

inline const auto auditLog = audit.table<AuditLog>("log", {
    pg::bigserial("id", &AuditLog::id).primaryKey(),
    level("level", &AuditLog::level).notNull().default_("info"),
    pg::text("message", &AuditLog::message).notNull(),
    pg::integer("document_id", &AuditLog::documentId).references(&Document::id, {.onDelete = pg::setNull}),
    pg::bigint("sequence_no", &AuditLog::sequenceNo).notNull().default_(sql("nextval('audit.audit_seq')")),
    pg::timestamp("at", &AuditLog::at, {.withTimezone = true}).notNull().defaultNow(),
}, {
    pg::index("log_level_idx").on(&AuditLog::level, pg::col(&AuditLog::at).desc()),
    pg::check("log_message_check", sql(R"(length("message") > 0)")),
});

struct AuditEntry {
    std::int32_t id;
    std::int64_t ticket;
    std::int64_t logId;
    std::optional<std::int32_t> orgId;
    std::optional<std::string> code;
    std::optional<std::string> codeUpper;
};

inline const auto auditEntries = audit.table<AuditEntry>("entries", {
    pg::integer("id", &AuditEntry::id).primaryKey().generatedByDefaultAsIdentity({.increment = 3, .cache = 4}),
    pg::bigint("ticket", &AuditEntry::ticket).generatedAlwaysAsIdentity({.startWith = 500}, "entries_ticket_identity"),
    pg::bigint("log_id", &AuditEntry::logId).notNull().references(&AuditLog::id, {.onDelete = pg::cascade}),
    pg::integer("org_id", &AuditEntry::orgId),
    pg::varchar("code", &AuditEntry::code, {.length = 8}).unique(),
    pg::text("code_upper", &AuditEntry::codeUpper).generatedAlwaysAs(sql(R"(upper("code"))")),
}, {
    pg::foreignKey(pg::cols(&AuditEntry::orgId), pg::cols(&Organization::id)).name("entries_org_fk").onUpdate(pg::cascade),
    pg::unique(&AuditEntry::logId, &AuditEntry::orgId).name("entries_log_org_key").nullsNotDistinct(),
    pg::index("entries_code_idx").on(pg::col(&AuditEntry::code).desc().nullsFirst()).concurrently(),
    pg::policy("entries_read", {.for_ = "select", .to = "drizzle_it_reader", .using_ = sql(R"("org_id" is not null)")}),
});

// ---- row level security -------------------------------------------------------------------

struct Secret {
    std::int32_t id;
    std::int32_t ownerId;
    std::string value;
    std::optional<std::int64_t> logId;
};

inline const auto secrets = pg::table<Secret>("secrets", {
    pg::serial("id", &Secret::id).primaryKey(),
    pg::integer("owner_id", &Secret::ownerId).notNull(),
    pg::text("value", &Secret::value).notNull(),
    pg::bigint("log_id", &Secret::logId).references(&AuditLog::id, {.onDelete = pg::noAction, .onUpdate = pg::setNull}),
}, {
    pg::policy("secrets_select_own", {
        .as = "permissive",
        .for_ = "select",
        .to = "drizzle_it_reader",
        .using_ = sql(R"("owner_id" = current_setting('app.user_id')::int)"),
    }),
    pg::policy("secrets_admin_all", {
        .as = "restrictive",
        .for_ = "all",
        .to = "drizzle_it_admin, current_user",
        .using_ = sql("true"),
        .withCheck = sql("true"),
    }),
    pg::policy("secrets_insert", {.for_ = "insert", .to = "public", .withCheck = sql(R"("owner_id" > 0)")}),
    pg::policy("secrets_update", {
        .for_ = "update",
        .to = "drizzle_it_writer, drizzle_it_reader",
        .using_ = sql(R"("owner_id" = 1)"),
        .withCheck = sql(R"("value" <> '')"),
    }),
    pg::policy("secrets_delete", {.for_ = "delete", .to = "pg_read_all_data, current_role", .using_ = sql("false")}),
    pg::policy("secrets_default"),
}).enableRLS();

struct RlsOnly {
    std::int32_t id;
};

inline const auto rlsOnly = pg::table<RlsOnly>("rls_only", {
    pg::integer("id", &RlsOnly::id).primaryKey(),
}).enableRLS();

struct PolicyOnly {
    std::int32_t id;
};

// Policies without .enableRLS(): Drizzle enables row level security for them.
inline const auto policyOnly = pg::table<PolicyOnly>("policy_only", {
    pg::integer("id", &PolicyOnly::id).primaryKey(),
}, {
    pg::policy("policy_only_read", {.for_ = "select", .using_ = sql(R"("id" > 0)")}),
});

// ---- views --------------------------------------------------------------------------------

struct ActiveDocument {
    std::optional<std::int32_t> id;
    std::optional<std::string> title;
};
inline const auto activeDocuments = pg::view<ActiveDocument>("active_documents", {
    pg::integer("id", &ActiveDocument::id),
    pg::text("title", &ActiveDocument::title),
}).as(sql(R"(select "id", "title" from "documents" where "deleted_at" is null)"));

struct SecureDocument {
    std::optional<std::int32_t> id;
};
inline const auto secureDocuments = pg::view<SecureDocument>("secure_documents", {
    pg::integer("id", &SecureDocument::id),
})
    .with({.checkOption = "cascaded", .securityBarrier = true, .securityInvoker = true})
    .as(sql(R"(select "id" from "documents" where "rank" > 0)"));

struct LocalCheckView {
    std::optional<std::int32_t> id;
};
inline const auto localCheckView = pg::view<LocalCheckView>("local_check_view")
    .with({.checkOption = "local", .securityBarrier = false})
    .as(sql(R"(select "id" from "documents")"));

struct DocumentStat {
    std::optional<std::int32_t> rank;
    std::optional<std::int64_t> total;
};
inline const auto documentStats = pg::materializedView<DocumentStat>("document_stats", {
    pg::integer("rank", &DocumentStat::rank),
    pg::bigint("total", &DocumentStat::total),
})
    .with({.fillfactor = 80, .toastTupleTarget = 256, .parallelWorkers = 2, .autovacuumEnabled = true,
           .userCatalogTable = false})
    .using_("heap")
    .tablespace("pg_default")
    .withNoData()
    .as(sql(R"(select "rank", count(*) as "total" from "documents" group by "rank")"));

struct PlainMatView {
    std::optional<std::int32_t> id;
};
inline const auto plainMatView = pg::materializedView<PlainMatView>("plain_mat_view", {
    pg::integer("id", &PlainMatView::id),
}).as(sql(R"(select "id" from "documents")"));

struct AuditSummary {
    std::optional<std::string> level;
    std::optional<std::int64_t> entries;
};
inline const auto auditSummary = audit.view<AuditSummary>("summary", {
    level("level", &AuditSummary::level),
    pg::bigint("entries", &AuditSummary::entries),
}).as(sql(R"(select "level", count(*) as "entries" from "audit"."log" group by "level")"));

struct AuditLevels {
    std::optional<std::string> level;
};
inline const auto auditLevels = audit.materializedView<AuditLevels>("levels")
    .with({.fillfactor = 50})
    .as(sql(R"(select distinct "level" from "audit"."log")"));

// Created elsewhere: the export must not create it.
struct LegacyView {
    std::optional<std::int32_t> id;
};
inline const auto legacyView = pg::view<LegacyView>("legacy_view", {
    pg::integer("id", &LegacyView::id),
}).existing();

}  // namespace integration_pg

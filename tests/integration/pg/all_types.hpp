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

inline const auto counterSeq = pg::pgSequence(
    "counter_seq", {.increment = 2, .minValue = 10, .maxValue = 100000, .startWith = 100, .cache = 5, .cycle = true});
inline const auto plainSeq = pg::pgSequence("plain_seq");
inline const auto countdownSeq = pg::pgSequence("countdown_seq", {.increment = -1});

inline const auto itAdmin = pg::pgRole("drizzle_it_admin", {.createDb = true, .createRole = true, .inherit = false});
inline const auto itReader = pg::pgRole("drizzle_it_reader");
inline const auto itWriter = pg::pgRole("drizzle_it_writer", {.createDb = true});
// A role the database already has: referenced by a policy, never created.
inline const auto readAll = pg::pgRole("pg_read_all_data", {.existing = true});

inline const auto audit = pg::pgSchema("audit");
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

inline const auto allTypes = pg::pgTable<AllTypes>("all_types", {
    pg::serial<&AllTypes::id>("id").primaryKey(),
    pg::smallint<&AllTypes::smallint>("smallint"),
    pg::integer<&AllTypes::integer>("integer"),
    pg::bigint<&AllTypes::bigint>("bigint"),
    pg::smallserial<&AllTypes::smallserial>("smallserial"),
    pg::bigserial<&AllTypes::bigserial>("bigserial"),
    pg::numeric<&AllTypes::numeric>("numeric", {.precision = 10, .scale = 2}),
    pg::numeric<&AllTypes::numericPrecision>("numeric_precision", {.precision = 8}),
    pg::numeric<&AllTypes::numericPlain>("numeric_plain"),
    pg::decimal<&AllTypes::decimal>("decimal", {.precision = 12, .scale = 4}),
    pg::real<&AllTypes::real>("real"),
    pg::doublePrecision<&AllTypes::doublePrecision>("double_precision"),
    pg::boolean<&AllTypes::boolean>("boolean"),
    pg::text<&AllTypes::text>("text"),
    pg::text<&AllTypes::textEnum>("text_enum").enumValues({"a", "b", "c"}),
    pg::varchar<&AllTypes::varchar>("varchar", {.length = 256}),
    pg::varchar<&AllTypes::varcharNoLength>("varchar_no_length"),
    pg::char_<&AllTypes::fixedChar>("char", {.length = 3}),
    pg::char_<&AllTypes::charNoLength>("char_no_length"),
    pg::json<&AllTypes::json>("json"),
    pg::jsonb<&AllTypes::jsonb>("jsonb"),
    pg::uuid<&AllTypes::uuid>("uuid"),
    pg::date<&AllTypes::date>("date"),
    pg::inet<&AllTypes::inet>("inet"),
    pg::cidr<&AllTypes::cidr>("cidr"),
    pg::macaddr<&AllTypes::macaddr>("macaddr"),
    pg::macaddr8<&AllTypes::macaddr8>("macaddr8"),
    pg::time<&AllTypes::time>("time"),
    pg::time<&AllTypes::timePrecision>("time_precision", {.precision = 3}),
    pg::time<&AllTypes::timeTz>("time_tz", {.precision = 0, .withTimezone = true}),
    pg::timestamp<&AllTypes::timestamp>("timestamp"),
    pg::timestamp<&AllTypes::timestampPrecisionTz>("timestamp_precision_tz", {.precision = 3, .withTimezone = true}),
    pg::timestamp<&AllTypes::timestampTz>("timestamp_tz", {.withTimezone = true}),
    pg::interval<&AllTypes::interval>("interval"),
    pg::interval<&AllTypes::intervalFields>("interval_fields", {.fields = "day to second", .precision = 3}),
    pg::interval<&AllTypes::intervalPrecision>("interval_precision", {.fields = "month"}),
    pg::point<&AllTypes::point>("point"),
    pg::point<&AllTypes::pointText>("point_text"),
    pg::line<&AllTypes::line>("line"),
    pg::bytea<&AllTypes::bytea>("bytea"),
    pg::geometry<&AllTypes::geometry>("geometry", {.type = "point", .srid = 4326}),
    pg::geometry<&AllTypes::geometryPlain>("geometry_plain"),
    pg::customType<&AllTypes::citext>("citext", "citext"),
    // Types the DSL has no function for, by their SQL name (with modifiers outside the name).
    pg::customType<&AllTypes::geography>("geography", "geography(point,4326)"),
    pg::customType<&AllTypes::tsvector>("tsvector", "tsvector"),
    pg::customType<&AllTypes::money>("money", "money"),
    pg::customType<&AllTypes::xml>("xml", "xml"),
    pg::customType<&AllTypes::int4range>("int4range", "int4range"),
    pg::customType<&AllTypes::bit>("bit", "bit(8)"),
    mood.column<&AllTypes::mood>("mood"),
    status.column<&AllTypes::status>("status"),
    timestampKind.column<&AllTypes::timestampKind>("timestamp_kind"),
    level.column<&AllTypes::level>("level"),
    pg::text<&AllTypes::textArray>("text_array"),
    pg::integer<&AllTypes::integerMatrix>("integer_matrix"),
    pg::varchar<&AllTypes::varcharArray>("varchar_array", {.length = 10}),
    pg::doublePrecision<&AllTypes::numericMatrix>("numeric_matrix"),
    pg::boolean<&AllTypes::booleanArray>("boolean_array"),
    pg::timestamp<&AllTypes::timestampArray>("timestamp_array", {.precision = 2, .withTimezone = true}),
    pg::uuid<&AllTypes::uuidArray>("uuid_array"),
    mood.column<&AllTypes::moodArray>("mood_array"),
    level.column<&AllTypes::levelMatrix>("level_matrix"),
    pg::bytea<&AllTypes::byteaArray>("bytea_array"),
    pg::point<&AllTypes::pointArray>("point_array"),
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

inline const auto modifiers = pg::pgTable<Modifier>("modifiers", {
    pg::integer<&Modifier::id>("id")
        .primaryKey()
        .generatedAlwaysAsIdentity(
            {.increment = 5, .minValue = 1000, .maxValue = 2000000, .startWith = 1000, .cache = 10, .cycle = true},
            "modifiers_id_identity"),
    pg::bigint<&Modifier::byDefault>("by_default").generatedByDefaultAsIdentity({.startWith = 7}),
    pg::smallint<&Modifier::plainIdentity>("plain_identity").generatedAlwaysAsIdentity(),
    pg::text<&Modifier::defaultText>("default_text").notNull().default_("x"),
    pg::text<&Modifier::defaultQuote>("default_quote").default_("it's \"quoted\" \\ too"),
    pg::integer<&Modifier::defaultInt>("default_int").default_(5),
    pg::bigint<&Modifier::defaultNegative>("default_negative").default_(-42),
    pg::boolean<&Modifier::defaultTrue>("default_true").default_(true),
    pg::boolean<&Modifier::defaultFalse>("default_false").notNull().default_(false),
    pg::real<&Modifier::defaultReal>("default_real").default_(1.5f),
    pg::doublePrecision<&Modifier::defaultDouble>("default_double").default_(0.25),
    pg::numeric<&Modifier::defaultNumeric>("default_numeric", {.precision = 6, .scale = 2}).default_("3.14"),
    pg::json<&Modifier::defaultJson>("default_json").default_(R"({"a":1,"b":["x"]})"),
    pg::jsonb<&Modifier::defaultJsonb>("default_jsonb").default_(R"({"it's":true})"),
    pg::text<&Modifier::defaultTextArray>("default_text_array").default_(sql(R"('{"a","b"}')")),
    pg::integer<&Modifier::defaultIntMatrix>("default_int_matrix").default_(sql("'{{1,2},{3,4}}'")),
    mood.column<&Modifier::defaultMood>("default_mood").default_("ok"),
    status.column<&Modifier::defaultStatus>("default_status").default_("it's"),
    level.column<&Modifier::defaultLevel>("default_level").default_("warn"),
    pg::date<&Modifier::defaultDate>("default_date").default_("2024-01-01"),
    pg::timestamp<&Modifier::defaultTimestamp>("default_timestamp").default_("2024-01-01 12:30:00"),
    pg::timestamp<&Modifier::defaultNow>("default_now").notNull().defaultNow(),
    pg::timestamp<&Modifier::defaultNowTz>("default_now_tz", {.precision = 3, .withTimezone = true}).defaultNow(),
    pg::uuid<&Modifier::defaultRandom>("default_random").notNull().defaultRandom(),
    pg::text<&Modifier::defaultSqlExpr>("default_sql_expr").default_(sql("lower('ABC' || 'def')")),
    pg::bigint<&Modifier::defaultNextval>("default_nextval").default_(sql("nextval('counter_seq')")),
    pg::interval<&Modifier::defaultInterval>("default_interval").default_("1 day"),
    pg::point<&Modifier::defaultPoint>("default_point").default_(sql("point(1, 2)")),
    pg::customType<&Modifier::defaultCitext>("default_citext", "citext").default_(sql("'MiXeD'")),
    // App-side values: computed by the ORM, so the database has no default for them.
    pg::text<&Modifier::defaultFn>("default_fn").defaultFn<appSideText>(),
    pg::text<&Modifier::onUpdateFn>("on_update_fn").onUpdateFn<appSideText>(),
    pg::text<&Modifier::requiredText>("required_text").notNull(),
    pg::text<&Modifier::uniqueUnnamed>("unique_unnamed").unique(),
    pg::text<&Modifier::uniqueNamed>("unique_named").unique("modifiers_unique_named_key"),
    pg::text<&Modifier::uniqueNullsNotDistinct>("unique_nulls_not_distinct")
        .unique("modifiers_nnd_key", {.nullsNotDistinct = true}),
    pg::integer<&Modifier::price>("price").notNull().default_(0),
    pg::integer<&Modifier::quantity>("quantity").notNull(),
    pg::integer<&Modifier::total>("total").generatedAlwaysAs(sql(R"("price" * "quantity")"), "stored"),
    pg::text<&Modifier::search>("search").generatedAlwaysAs(sql(R"(lower("required_text") || ' ' || "price")")),
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

inline const auto organizations = pg::pgTable<Organization>("organizations", {
    pg::serial<&Organization::id>("id").primaryKey(),
    pg::integer<&Organization::parentId>("parent_id")
        .references<&Organization::id>({.onDelete = pg::setNull, .onUpdate = pg::cascade}),
    pg::integer<&Organization::fallbackParentId>("fallback_parent_id").default_(1),
    pg::text<&Organization::name>("name").notNull(),
    pg::integer<&Organization::modifierId>("modifier_id")
        .references<&Modifier::id>({.onDelete = pg::restrict, .onUpdate = pg::noAction}),
}, {
    pg::foreignKey("organizations_fallback_fk").columns<&Organization::fallbackParentId>().foreignColumns<&Organization::id>()
        .onDelete(pg::setDefault)
        .onUpdate(pg::restrict),
    pg::unique("organizations_parent_name_key").on<&Organization::parentId, &Organization::name>(),
});

struct Membership {
    std::int32_t orgId;
    std::int32_t userId;
    std::string role;
    std::optional<std::int32_t> score;
    std::optional<std::string> nickname;
    std::string createdAt;
};

inline const auto memberships = pg::pgTable<Membership>("memberships", {
    pg::integer<&Membership::orgId>("org_id").notNull(),
    pg::integer<&Membership::userId>("user_id").notNull(),
    pg::text<&Membership::role>("role").notNull().default_("member"),
    pg::integer<&Membership::score>("score"),
    pg::text<&Membership::nickname>("nickname"),
    pg::timestamp<&Membership::createdAt>("created_at", {.withTimezone = true}).notNull().defaultNow(),
}, {
    pg::primaryKey<&Membership::orgId, &Membership::userId>(),
    pg::unique("memberships_org_role_key").on<&Membership::orgId, &Membership::role>(),
    pg::unique().on<&Membership::userId, &Membership::nickname>().nullsNotDistinct(),
    pg::check("memberships_score_check", sql(R"("memberships"."score" >= 0 and "memberships"."score" <= 100)")),
    pg::foreignKey().columns<&Membership::orgId>().foreignColumns<&Organization::id>().onDelete(pg::cascade),
});

struct Grant {
    std::int32_t orgId;
    std::int32_t userId;
    std::string permission;
};

inline const auto grants = pg::pgTable<Grant>("grants", {
    pg::integer<&Grant::orgId>("org_id").notNull(),
    pg::integer<&Grant::userId>("user_id").notNull(),
    pg::text<&Grant::permission>("permission").notNull(),
}, {
    pg::primaryKey<&Grant::orgId, &Grant::userId, &Grant::permission>().name("grants_custom_pk"),
    pg::foreignKey("grants_membership_fk").columns<&Grant::orgId, &Grant::userId>().foreignColumns<&Membership::orgId, &Membership::userId>()
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

inline const auto weirdNames = pg::pgTable<WeirdName>("Weird \"Names\"", {
    pg::integer<&WeirdName::select>("select").primaryKey(),
    pg::text<&WeirdName::mixedCase>("Mixed Case").unique("Weird Unique"),
    pg::text<&WeirdName::quoted>("it's \"quoted\""),
    pg::integer<&WeirdName::grantOrg>("order").references<&Organization::id>(),
}, {
    pg::index("Weird Index").on<pg::col<&WeirdName::quoted>().desc()>(),
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

inline const auto documents = pg::pgTable<Document>("documents", {
    pg::serial<&Document::id>("id").primaryKey(),
    pg::text<&Document::title>("title").notNull(),
    pg::text<&Document::body>("body"),
    pg::text<&Document::tags>("tags"),
    pg::jsonb<&Document::meta>("meta"),
    pg::geometry<&Document::location>("location", {.type = "point", .srid = 4326}),
    pg::timestamp<&Document::createdAt>("created_at").defaultNow(),
    pg::timestamp<&Document::deletedAt>("deleted_at"),
    pg::integer<&Document::rank>("rank"),
}, {
    pg::index().on<&Document::title>(),
    pg::index("documents_title_rank_idx").on<pg::col<&Document::title>().asc(), pg::col<&Document::rank>().desc()>(),
    pg::index("documents_nulls_idx")
        .on<pg::col<&Document::rank>().asc().nullsFirst(), pg::col<&Document::createdAt>().desc().nullsLast()>(),
    pg::index("documents_desc_default_nulls_idx").on<pg::col<&Document::deletedAt>().desc()>(),
    pg::uniqueIndex("documents_title_unique_idx").on<&Document::title>(),
    pg::index("documents_lower_title_idx").on(sql(R"(lower("title"))")),
    pg::index("documents_tags_gin_idx").using_("gin").on<&Document::tags>(),
    pg::index("documents_meta_gin_idx").using_("gin").on(pg::col<&Document::meta>().op("jsonb_path_ops")),
    pg::index("documents_location_gist_idx").using_("gist").on<&Document::location>(),
    pg::index("documents_created_brin_idx").using_("brin").on<&Document::createdAt>(),
    pg::index("documents_title_hash_idx").using_("hash").on<&Document::title>(),
    pg::index("documents_text_pattern_idx").on(pg::col<&Document::body>().op("text_pattern_ops").desc().nullsFirst()),
    pg::uniqueIndex("documents_active_title_idx").on<&Document::title>().where(sql(R"("documents"."deleted_at" is null)")),
    pg::index("documents_fillfactor_idx").on<&Document::rank>().with_("fillfactor=70,deduplicate_items=off"),
    // CONCURRENTLY cannot run inside a transaction block: the test applies the export statement
    // by statement (psql without --single-transaction), as `drizzle-kit export | psql` would.
    pg::index("documents_concurrent_idx").on<&Document::createdAt>().concurrently(),
    pg::index("documents_everything_idx")
        .using_("btree")
        .on(pg::col<&Document::rank>().desc().nullsFirst(), sql(R"(lower("body"))"))
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
    pg::bigserial<&AuditLog::id>("id").primaryKey(),
    level.column<&AuditLog::level>("level").notNull().default_("info"),
    pg::text<&AuditLog::message>("message").notNull(),
    pg::integer<&AuditLog::documentId>("document_id").references<&Document::id>({.onDelete = pg::setNull}),
    pg::bigint<&AuditLog::sequenceNo>("sequence_no").notNull().default_(sql("nextval('audit.audit_seq')")),
    pg::timestamp<&AuditLog::at>("at", {.withTimezone = true}).notNull().defaultNow(),
}, {
    pg::index("log_level_idx").on<drizzle::col<&AuditLog::level>(), pg::col<&AuditLog::at>().desc()>(),
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
    pg::integer<&AuditEntry::id>("id").primaryKey().generatedByDefaultAsIdentity({.increment = 3, .cache = 4}),
    pg::bigint<&AuditEntry::ticket>("ticket").generatedAlwaysAsIdentity({.startWith = 500}, "entries_ticket_identity"),
    pg::bigint<&AuditEntry::logId>("log_id").notNull().references<&AuditLog::id>({.onDelete = pg::cascade}),
    pg::integer<&AuditEntry::orgId>("org_id"),
    pg::varchar<&AuditEntry::code>("code", {.length = 8}).unique(),
    pg::text<&AuditEntry::codeUpper>("code_upper").generatedAlwaysAs(sql(R"(upper("code"))")),
}, {
    pg::foreignKey("entries_org_fk").columns<&AuditEntry::orgId>().foreignColumns<&Organization::id>().onUpdate(pg::cascade),
    pg::unique("entries_log_org_key").on<&AuditEntry::logId, &AuditEntry::orgId>().nullsNotDistinct(),
    pg::index("entries_code_idx").on<pg::col<&AuditEntry::code>().desc().nullsFirst()>().concurrently(),
    pg::pgPolicy("entries_read", {.for_ = "select", .to = "drizzle_it_reader", .using_ = sql(R"("org_id" is not null)")}),
});

// ---- row level security -------------------------------------------------------------------

struct Secret {
    std::int32_t id;
    std::int32_t ownerId;
    std::string value;
    std::optional<std::int64_t> logId;
};

inline const auto secrets = pg::pgTable<Secret>("secrets", {
    pg::serial<&Secret::id>("id").primaryKey(),
    pg::integer<&Secret::ownerId>("owner_id").notNull(),
    pg::text<&Secret::value>("value").notNull(),
    pg::bigint<&Secret::logId>("log_id").references<&AuditLog::id>({.onDelete = pg::noAction, .onUpdate = pg::setNull}),
}, {
    pg::pgPolicy("secrets_select_own", {
        .as = "permissive",
        .for_ = "select",
        .to = "drizzle_it_reader",
        .using_ = sql(R"("owner_id" = current_setting('app.user_id')::int)"),
    }),
    pg::pgPolicy("secrets_admin_all", {
        .as = "restrictive",
        .for_ = "all",
        .to = "drizzle_it_admin, current_user",
        .using_ = sql("true"),
        .withCheck = sql("true"),
    }),
    pg::pgPolicy("secrets_insert", {.for_ = "insert", .to = "public", .withCheck = sql(R"("owner_id" > 0)")}),
    pg::pgPolicy("secrets_update", {
        .for_ = "update",
        .to = "drizzle_it_writer, drizzle_it_reader",
        .using_ = sql(R"("owner_id" = 1)"),
        .withCheck = sql(R"("value" <> '')"),
    }),
    pg::pgPolicy("secrets_delete", {.for_ = "delete", .to = "pg_read_all_data, current_role", .using_ = sql("false")}),
    pg::pgPolicy("secrets_default"),
}).enableRLS();

struct RlsOnly {
    std::int32_t id;
};

inline const auto rlsOnly = pg::pgTable<RlsOnly>("rls_only", {
    pg::integer<&RlsOnly::id>("id").primaryKey(),
}).enableRLS();

struct PolicyOnly {
    std::int32_t id;
};

// Policies without .enableRLS(): Drizzle enables row level security for them.
inline const auto policyOnly = pg::pgTable<PolicyOnly>("policy_only", {
    pg::integer<&PolicyOnly::id>("id").primaryKey(),
}, {
    pg::pgPolicy("policy_only_read", {.for_ = "select", .using_ = sql(R"("id" > 0)")}),
});

// ---- views --------------------------------------------------------------------------------

struct ActiveDocument {
    std::optional<std::int32_t> id;
    std::optional<std::string> title;
};
inline const auto activeDocuments = pg::pgView<ActiveDocument>("active_documents", {
    pg::integer<&ActiveDocument::id>("id"),
    pg::text<&ActiveDocument::title>("title"),
}).as(sql(R"(select "id", "title" from "documents" where "deleted_at" is null)"));

struct SecureDocument {
    std::optional<std::int32_t> id;
};
inline const auto secureDocuments = pg::pgView<SecureDocument>("secure_documents", {
    pg::integer<&SecureDocument::id>("id"),
})
    .with({.checkOption = "cascaded", .securityBarrier = true, .securityInvoker = true})
    .as(sql(R"(select "id" from "documents" where "rank" > 0)"));

struct LocalCheckView {
    std::optional<std::int32_t> id;
};
inline const auto localCheckView = pg::pgView<LocalCheckView>("local_check_view")
    .with({.checkOption = "local", .securityBarrier = false})
    .as(sql(R"(select "id" from "documents")"));

struct DocumentStat {
    std::optional<std::int32_t> rank;
    std::optional<std::int64_t> total;
};
inline const auto documentStats = pg::pgMaterializedView<DocumentStat>("document_stats", {
    pg::integer<&DocumentStat::rank>("rank"),
    pg::bigint<&DocumentStat::total>("total"),
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
inline const auto plainMatView = pg::pgMaterializedView<PlainMatView>("plain_mat_view", {
    pg::integer<&PlainMatView::id>("id"),
}).as(sql(R"(select "id" from "documents")"));

struct AuditSummary {
    std::optional<std::string> level;
    std::optional<std::int64_t> entries;
};
inline const auto auditSummary = audit.view<AuditSummary>("summary", {
    level.column<&AuditSummary::level>("level"),
    pg::bigint<&AuditSummary::entries>("entries"),
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
inline const auto legacyView = pg::pgView<LegacyView>("legacy_view", {
    pg::integer<&LegacyView::id>("id"),
}).existing();

}  // namespace integration_pg

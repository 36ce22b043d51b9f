// PostgreSQL schema declarations: the C++ counterpart of drizzle-orm's `pg-core`.
//
// Each column function takes the row struct's member as a template argument and the SQL column
// name (`pg::text<&User::email>("email")`); the member's type is checked against the SQL type
// (std::optional for nullable columns, std::vector for arrays:
// `std::vector<std::vector<std::int32_t>>` is `integer[][]`).
//
//   struct User { std::int32_t id; std::optional<std::string> fullName; std::string email; };
//   inline const auto users = drizzle::pg::pgTable<User>("users", {
//       pg::serial<&User::id>("id").primaryKey(),
//       pg::text<&User::fullName>("full_name"),
//       pg::varchar<&User::email>("email", {.length = 256}).notNull().unique(),
//   });
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <vector>

#include "drizzle/schema/view.hpp"
#include "drizzle/uuid.hpp"

namespace drizzle::pg {

using namespace drizzle::dsl;  // sql, index, check, cascade, ... (schema/spec.hpp)
using SequenceOptions = drizzle::detail::SequenceOptions;
template <class M, bool NotNull, bool Constant = true>
using ColumnBuilder = drizzle::detail::ColumnBuilder<M, NotNull, Constant>;

// point and line values; their text forms are PostgreSQL's, "(x,y)" and "{a,b,c}".
struct Point {
    double x = 0, y = 0;
    static Point parse(std::string_view text);
    std::string toString() const;
    bool operator==(const Point&) const = default;
};
struct Line {  // ax + by + c = 0
    double a = 0, b = 0, c = 0;
    static Line parse(std::string_view text);
    std::string toString() const;
    bool operator==(const Line&) const = default;
};

namespace accepts {
template <class V> using Int16 = detail::IntegerOf<2>::test<V>;
template <class V> using Int32 = detail::IntegerOf<4>::test<V>;
template <class V> using Int64 = detail::IntegerOf<8>::test<V>;
template <class V> struct PointLike : std::bool_constant<std::is_same_v<V, Point> || std::is_same_v<V, std::string>> {};
template <class V> struct LineLike : std::bool_constant<std::is_same_v<V, Line> || std::is_same_v<V, std::string>> {};
template <class V> struct FloatVector : std::is_same<V, std::vector<float>> {};
template <class V> struct Json : std::bool_constant<std::is_same_v<V, std::string> || drizzle::detail::JsonLike<V>> {};
template <class V> struct UuidLike : std::bool_constant<std::is_same_v<V, std::string> || std::is_same_v<V, Uuid>> {};
template <class V> struct Date : std::bool_constant<std::is_same_v<V, std::string> || drizzle::detail::DaysLike<V>> {};
template <class V> struct Timestamp : std::bool_constant<std::is_same_v<V, std::string> || drizzle::detail::TimestampLike<V>> {};
template <class V> struct Time : std::bool_constant<std::is_same_v<V, std::string> || drizzle::detail::DurationLike<V>> {};
}  // namespace accepts

namespace detail {
using namespace drizzle::detail;

template <class M, bool NotNull = false>
constexpr ColumnBuilder<M, NotNull> column(const char* name, const char* kind, MemberRef member, int dims) {
    return makeColumn<M, NotNull>(name, kind, member, dims);
}
// A time point bound with its zone said ("+00"): a timestamptz would otherwise read it in the
// session's TimeZone. A timestamp without time zone ignores the offset.
struct UtcTimestamp {
    template <class V>
    static void read(const driver::Cursor& row, std::size_t c, V& out) {
        CodecFor<V>::read(row, c, out);
    }
    template <class V>
    static driver::Param write(const V& value) {
        using Period = typename V::duration::period;
        return formatTimestampMicros(toMicros<Period>(static_cast<std::int64_t>(value.time_since_epoch().count())),
                                     fractionDigitsOf<Period>, "+00");
    }
};
// pgvector's text form, "[1,2.5,3]" (src/query/codec_support.cpp).
struct VectorText {
    static void read(const driver::Cursor& row, std::size_t c, std::vector<float>& out);
    static driver::Param write(const std::vector<float>& value);
};
// A PostGIS point: EWKB hex from the server, WKT to it.
struct GeometryPoint {
    static void read(const driver::Cursor& row, std::size_t c, Point& out);
    static driver::Param write(const Point& value);
};
}  // namespace detail

// A member check: `Accepts` must take the member's value type (or arrays of it).
#define DRIZZLE_PG_CHECK(Accepts, message) \
    static_assert(drizzle::detail::arrayDepthOf<M, Accepts> >= 0, message)

// ---- numbers ------------------------------------------------------------------------------
template <auto Member, class M = drizzle::detail::MemberType<Member>>
constexpr ColumnBuilder<M, false> smallint(const char* name) {
    DRIZZLE_PG_CHECK(accepts::Int16, "pg::smallint needs a 16-bit integer member (std::int16_t)");
    return detail::column<M>(name, "smallint", DRIZZLE_MEMBER(Member), detail::arrayDepthOf<M, accepts::Int16>);
}
template <auto Member, class M = drizzle::detail::MemberType<Member>>
constexpr ColumnBuilder<M, false> integer(const char* name) {
    DRIZZLE_PG_CHECK(accepts::Int32, "pg::integer needs a 32-bit integer member (std::int32_t)");
    return detail::column<M>(name, "integer", DRIZZLE_MEMBER(Member), detail::arrayDepthOf<M, accepts::Int32>);
}
template <auto Member, class M = drizzle::detail::MemberType<Member>>
constexpr ColumnBuilder<M, false> bigint(const char* name) {
    DRIZZLE_PG_CHECK(accepts::Int64, "pg::bigint needs a 64-bit integer member (std::int64_t)");
    return detail::column<M>(name, "bigint", DRIZZLE_MEMBER(Member), detail::arrayDepthOf<M, accepts::Int64>);
}
// serial types are NOT NULL with a sequence default, as in Drizzle.
template <auto Member, class M = drizzle::detail::MemberType<Member>>
constexpr ColumnBuilder<M, true> smallserial(const char* name) {
    static_assert(accepts::Int16<M>::value, "pg::smallserial needs a plain std::int16_t member");
    return detail::column<M, true>(name, "smallserial", DRIZZLE_MEMBER(Member), 0);
}
template <auto Member, class M = drizzle::detail::MemberType<Member>>
constexpr ColumnBuilder<M, true> serial(const char* name) {
    static_assert(accepts::Int32<M>::value, "pg::serial needs a plain std::int32_t member");
    return detail::column<M, true>(name, "serial", DRIZZLE_MEMBER(Member), 0);
}
template <auto Member, class M = drizzle::detail::MemberType<Member>>
constexpr ColumnBuilder<M, true> bigserial(const char* name) {
    static_assert(accepts::Int64<M>::value, "pg::bigserial needs a plain std::int64_t member");
    return detail::column<M, true>(name, "bigserial", DRIZZLE_MEMBER(Member), 0);
}

struct NumericOptions {
    int precision = -1;
    int scale = -1;
};
// Exact decimals: a std::string member keeps every digit; double is accepted for convenience.
template <auto Member, class M = drizzle::detail::MemberType<Member>>
constexpr ColumnBuilder<M, false> numeric(const char* name, NumericOptions options = {}) {
    DRIZZLE_PG_CHECK(detail::IsStringOrDouble, "pg::numeric needs a std::string (exact) or double member");
    auto b = detail::column<M>(name, "numeric", DRIZZLE_MEMBER(Member), detail::arrayDepthOf<M, detail::IsStringOrDouble>);
    b.decl.precision = options.precision;
    b.decl.scale = options.scale;
    return b;
}
template <auto Member, class M = drizzle::detail::MemberType<Member>>
constexpr ColumnBuilder<M, false> decimal(const char* name, NumericOptions options = {}) {
    return numeric<Member>(name, options);
}
template <auto Member, class M = drizzle::detail::MemberType<Member>>
constexpr ColumnBuilder<M, false> real(const char* name) {
    DRIZZLE_PG_CHECK(detail::IsFloat, "pg::real needs a float member");
    return detail::column<M>(name, "real", DRIZZLE_MEMBER(Member), detail::arrayDepthOf<M, detail::IsFloat>);
}
template <auto Member, class M = drizzle::detail::MemberType<Member>>
constexpr ColumnBuilder<M, false> doublePrecision(const char* name) {
    DRIZZLE_PG_CHECK(detail::IsDouble, "pg::doublePrecision needs a double member");
    return detail::column<M>(name, "double precision", DRIZZLE_MEMBER(Member), detail::arrayDepthOf<M, detail::IsDouble>);
}

template <auto Member, class M = drizzle::detail::MemberType<Member>>
constexpr ColumnBuilder<M, false> boolean(const char* name) {
    DRIZZLE_PG_CHECK(detail::IsBool, "pg::boolean needs a bool member");
    return detail::column<M>(name, "boolean", DRIZZLE_MEMBER(Member), detail::arrayDepthOf<M, detail::IsBool>);
}

// ---- text ---------------------------------------------------------------------------------
struct VarcharOptions {
    int length = -1;
};
template <auto Member, class M = drizzle::detail::MemberType<Member>>
constexpr ColumnBuilder<M, false> text(const char* name) {
    DRIZZLE_PG_CHECK(detail::IsText, "pg::text needs a std::string member (or a C++ enum with drizzleEnumValues)");
    auto b = detail::column<M>(name, "text", DRIZZLE_MEMBER(Member), detail::arrayDepthOf<M, detail::IsText>);
    return b;
}
template <auto Member, class M = drizzle::detail::MemberType<Member>>
constexpr ColumnBuilder<M, false> varchar(const char* name, VarcharOptions options = {}) {
    DRIZZLE_PG_CHECK(detail::IsText, "pg::varchar needs a std::string member (or a C++ enum with drizzleEnumValues)");
    auto b = detail::column<M>(name, "varchar", DRIZZLE_MEMBER(Member), detail::arrayDepthOf<M, detail::IsText>);
    b.decl.length = options.length;
    return b;
}
template <auto Member, class M = drizzle::detail::MemberType<Member>>
constexpr ColumnBuilder<M, false> char_(const char* name, VarcharOptions options = {}) {
    DRIZZLE_PG_CHECK(detail::IsText, "pg::char_ needs a std::string member (or a C++ enum with drizzleEnumValues)");
    auto b = detail::column<M>(name, "char", DRIZZLE_MEMBER(Member), detail::arrayDepthOf<M, detail::IsText>);
    b.decl.length = options.length;
    return b;
}

// Types whose values travel as text: a std::string member, or the C++ type `Accepts` names too.
#define DRIZZLE_PG_TEXT_TYPE(fn, sqlName, Accepts, alternative)                                  \
    template <auto Member, class M = drizzle::detail::MemberType<Member>>                                                                  \
    constexpr ColumnBuilder<M, false> fn(const char* name) {                            \
        DRIZZLE_PG_CHECK(Accepts, "pg::" #fn " needs a std::string" alternative " member");      \
        return detail::column<M>(name, sqlName, DRIZZLE_MEMBER(Member), detail::arrayDepthOf<M, Accepts>);       \
    }
DRIZZLE_PG_TEXT_TYPE(json, "json", accepts::Json, " or nlohmann::json")
DRIZZLE_PG_TEXT_TYPE(jsonb, "jsonb", accepts::Json, " or nlohmann::json")
DRIZZLE_PG_TEXT_TYPE(uuid, "uuid", accepts::UuidLike, " or drizzle::Uuid")
DRIZZLE_PG_TEXT_TYPE(date, "date", accepts::Date, " or std::chrono::sys_days")
DRIZZLE_PG_TEXT_TYPE(inet, "inet", detail::IsString, "")
DRIZZLE_PG_TEXT_TYPE(cidr, "cidr", detail::IsString, "")
DRIZZLE_PG_TEXT_TYPE(macaddr, "macaddr", detail::IsString, "")
DRIZZLE_PG_TEXT_TYPE(macaddr8, "macaddr8", detail::IsString, "")
#undef DRIZZLE_PG_TEXT_TYPE

// ---- time ---------------------------------------------------------------------------------
struct TimeOptions {
    int precision = -1;
    bool withTimezone = false;
};
// A time of day: a std::string, or a std::chrono::duration since midnight (not with a time zone:
// "10:20:30+02" has no std::chrono counterpart, so reading one into a duration throws).
template <auto Member, class M = drizzle::detail::MemberType<Member>>
constexpr ColumnBuilder<M, false> time(const char* name, TimeOptions options = {}) {
    DRIZZLE_PG_CHECK(accepts::Time, "pg::time needs a std::string or std::chrono::duration member");
    auto b = detail::column<M>(name, "time", DRIZZLE_MEMBER(Member), detail::arrayDepthOf<M, accepts::Time>);
    b.decl.precision = options.precision;
    b.decl.set(drizzle::detail::ColumnDecl::withTimezone, options.withTimezone);
    return b;
}
// A std::string, or a UTC std::chrono::sys_time<D> (system_clock::time_point, sys_seconds, ...).
template <auto Member, class M = drizzle::detail::MemberType<Member>>
constexpr ColumnBuilder<M, false> timestamp(const char* name, TimeOptions options = {}) {
    DRIZZLE_PG_CHECK(accepts::Timestamp, "pg::timestamp needs a std::string or std::chrono::sys_time member");
    auto b = detail::column<M>(name, "timestamp", DRIZZLE_MEMBER(Member), detail::arrayDepthOf<M, accepts::Timestamp>);
    b.decl.precision = options.precision;
    b.decl.set(drizzle::detail::ColumnDecl::withTimezone, options.withTimezone);
    if constexpr (drizzle::detail::TimestampLike<drizzle::detail::ValueOf<M>>)
        b.decl.codec = drizzle::detail::columnCodecPtr<M, detail::UtcTimestamp>;
    return b;
}
// PostgreSQL's interval fields.
struct IntervalFieldWords {
    static constexpr std::string_view words[] = {"year", "month", "day", "hour", "minute", "second",
                                                 "year to month", "day to hour", "day to minute", "day to second",
                                                 "hour to minute", "hour to second", "minute to second"};
    static constexpr void (*unknown)(std::string_view) = &drizzle::detail::unknownIntervalFields;
};
struct IntervalOptions {
    Choice<IntervalFieldWords> fields{};  // "day", "hour to second", ...
    int precision = -1;
};
template <auto Member, class M = drizzle::detail::MemberType<Member>>
constexpr ColumnBuilder<M, false> interval(const char* name, IntervalOptions options = {}) {
    DRIZZLE_PG_CHECK(detail::IsString, "pg::interval needs a std::string member");
    auto b = detail::column<M>(name, "interval", DRIZZLE_MEMBER(Member), detail::arrayDepthOf<M, detail::IsString>);
    b.decl.subtype = options.fields.text();
    b.decl.precision = options.precision;
    return b;
}

// ---- geometry, binary, vectors --------------------------------------------------------------
template <auto Member, class M = drizzle::detail::MemberType<Member>>
constexpr ColumnBuilder<M, false> point(const char* name) {
    DRIZZLE_PG_CHECK(accepts::PointLike, "pg::point needs a pg::Point or std::string member");
    return detail::column<M>(name, "point", DRIZZLE_MEMBER(Member), detail::arrayDepthOf<M, accepts::PointLike>);
}
template <auto Member, class M = drizzle::detail::MemberType<Member>>
constexpr ColumnBuilder<M, false> line(const char* name) {
    DRIZZLE_PG_CHECK(accepts::LineLike, "pg::line needs a pg::Line or std::string member");
    return detail::column<M>(name, "line", DRIZZLE_MEMBER(Member), detail::arrayDepthOf<M, accepts::LineLike>);
}
template <auto Member, class M = drizzle::detail::MemberType<Member>>
constexpr ColumnBuilder<M, false> bytea(const char* name) {
    DRIZZLE_PG_CHECK(detail::IsBytes,
                     "pg::bytea needs a std::vector<unsigned char>, std::vector<std::byte> or std::string member");
    auto b = detail::column<M>(name, "bytea", DRIZZLE_MEMBER(Member), detail::arrayDepthOf<M, detail::IsBytes>);
    if constexpr (std::is_same_v<drizzle::detail::ValueOf<M>, std::string>)
        b.decl.codec = drizzle::detail::columnCodecPtr<M, drizzle::detail::AsBytes>;
    return b;
}
struct VectorOptions {
    int dimensions = -1;
};
// pgvector's vector(n).
template <auto Member, class M = drizzle::detail::MemberType<Member>>
constexpr ColumnBuilder<M, false> vector(const char* name, VectorOptions options) {
    DRIZZLE_PG_CHECK(accepts::FloatVector, "pg::vector needs a std::vector<float> member");
    auto b = detail::column<M>(name, "vector", DRIZZLE_MEMBER(Member), detail::arrayDepthOf<M, accepts::FloatVector>);
    b.decl.length = options.dimensions;
    if constexpr (accepts::FloatVector<drizzle::detail::ValueOf<M>>::value)
        b.decl.codec = drizzle::detail::columnCodecPtr<M, detail::VectorText>;
    return b;
}
struct GeometryOptions {
    std::string_view type{};  // "point", ...
    int srid = -1;
};
// PostGIS geometry; values travel as text (WKT/EWKB hex) or as a pg::Point (Drizzle's "xy"
// mode: read from the server's EWKB, written as "POINT(x y)", so without an SRID as Drizzle's).
template <auto Member, class M = drizzle::detail::MemberType<Member>>
constexpr ColumnBuilder<M, false> geometry(const char* name, GeometryOptions options = {}) {
    DRIZZLE_PG_CHECK(accepts::PointLike, "pg::geometry needs a pg::Point or std::string member");
    auto b = detail::column<M>(name, "geometry", DRIZZLE_MEMBER(Member), detail::arrayDepthOf<M, accepts::PointLike>);
    b.decl.subtype = options.type;
    b.decl.srid = options.srid;
    if constexpr (std::is_same_v<drizzle::detail::ValueOf<M>, Point>)
        b.decl.codec = drizzle::detail::columnCodecPtr<M, detail::GeometryPoint>;
    return b;
}

// A type drizzle-cpp does not know, by its SQL name ("citext", "tsvector", "money", ...).
// Any member type is accepted: the application owns the conversion.
template <auto Member, class M = drizzle::detail::MemberType<Member>>
constexpr ColumnBuilder<M, false> customType(const char* name, std::string_view sqlType) {
    auto b = detail::column<M>(name, "custom", DRIZZLE_MEMBER(Member), 0);
    b.decl.customSqlType = sqlType;
    return b;
}

#undef DRIZZLE_PG_CHECK

// ---- enums, schemas, sequences, roles, policies ----------------------------------------------
// `CREATE TYPE name AS ENUM (...)`; `.column<&Row::member>("name")` declares a column of it.
class Enum : public drizzle::detail::EnumHandle {
public:
    explicit Enum(const void* def) : EnumHandle{def} {}
    // Drizzle's `moodEnum("mood")`. The column points at this object (a constant address) and
    // registration reads its definition, so the enum must be declared before its tables.
    template <auto Member, class M = drizzle::detail::MemberType<Member>>
    constexpr ColumnBuilder<M, false> column(const char* name) const {
        static_assert(drizzle::detail::arrayDepthOf<M, drizzle::detail::IsText> >= 0,
                      "a pg enum column needs a std::string member (or a C++ enum with drizzleEnumValues)");
        auto b = detail::column<M>(name, "enum", DRIZZLE_MEMBER(Member),
                                   drizzle::detail::arrayDepthOf<M, drizzle::detail::IsText>);
        b.decl.enumHandle = this;
        return b;
    }
};

inline Enum pgEnum(std::string_view name, std::initializer_list<const char*> values, drizzle::detail::Site at = DRIZZLE_HERE) {
    return Enum(drizzle::detail::registerEnum(Dialect::postgresql, "public", name, values.begin(), values.size(), at));
}

inline Declared pgSequence(std::string_view name, SequenceOptions options = {}, drizzle::detail::Site at = DRIZZLE_HERE) {
    drizzle::detail::registerSequence("public", name, options, at);
    return Declared{name};
}

using RoleOptions = drizzle::detail::RoleOptions;
inline Declared pgRole(std::string_view name, RoleOptions options = {}) {
    drizzle::detail::registerRole(name, options);
    return Declared{name};
}

struct PolicyOptions {
    std::string_view as{};    // "permissive" | "restrictive"
    std::string_view for_{};  // "all" | "select" | "insert" | "update" | "delete"
    std::string_view to{};    // role names, comma-separated; Drizzle's default is "public"
    Sql using_{};
    Sql withCheck{};
};
// CREATE POLICY on the table it is declared in (as a table-level constraint).
constexpr drizzle::TableConstraint pgPolicy(std::string_view name, PolicyOptions options = {}) {
    drizzle::TableConstraint c;
    c.decl.kind = drizzle::detail::ConstraintSpec::Kind::policy;
    c.decl.name = name;
    c.decl.as = options.as;
    c.decl.for_ = options.for_;
    c.decl.to = options.to;
    c.decl.using_ = options.using_;
    c.decl.withCheck = options.withCheck;
    return c;
}

// ---- views --------------------------------------------------------------------------------
struct ViewWithOptions {
    std::string_view checkOption{};  // "local" | "cascaded"
    std::optional<bool> securityBarrier{}, securityInvoker{};
};
struct MaterializedViewWithOptions {
    std::optional<int> fillfactor{}, toastTupleTarget{}, parallelWorkers{};
    std::optional<bool> autovacuumEnabled{}, userCatalogTable{};
};

template <class Row>
class PgView : public drizzle::View<Row> {
public:
    using drizzle::View<Row>::View;
    PgView as(Sql query) const { return PgView(drizzle::View<Row>::as(query).definition()); }
    PgView existing() const { return PgView(drizzle::View<Row>::existing().definition()); }
    PgView with(ViewWithOptions o) const {
        if (!o.checkOption.empty()) this->option("checkOption", quoted(o.checkOption));
        if (o.securityBarrier) this->option("securityBarrier", *o.securityBarrier ? "true" : "false");
        if (o.securityInvoker) this->option("securityInvoker", *o.securityInvoker ? "true" : "false");
        return *this;
    }

private:
    static std::string quoted(std::string_view s) { return "\"" + std::string(s) + "\""; }
};

template <class Row>
class PgMaterializedView : public drizzle::View<Row> {
public:
    using drizzle::View<Row>::View;
    PgMaterializedView as(Sql query) const { return PgMaterializedView(drizzle::View<Row>::as(query).definition()); }
    PgMaterializedView existing() const {
        return PgMaterializedView(drizzle::View<Row>::existing().definition());
    }
    PgMaterializedView with(MaterializedViewWithOptions o) const {
        if (o.fillfactor) this->option("fillfactor", std::to_string(*o.fillfactor));
        if (o.toastTupleTarget) this->option("toastTupleTarget", std::to_string(*o.toastTupleTarget));
        if (o.parallelWorkers) this->option("parallelWorkers", std::to_string(*o.parallelWorkers));
        if (o.autovacuumEnabled) this->option("autovacuumEnabled", *o.autovacuumEnabled ? "true" : "false");
        if (o.userCatalogTable) this->option("userCatalogTable", *o.userCatalogTable ? "true" : "false");
        return *this;
    }
    PgMaterializedView withNoData() const { return set(drizzle::detail::ViewField::withNoData, "true"); }
    PgMaterializedView using_(std::string_view method) const { return set(drizzle::detail::ViewField::using_, method); }
    PgMaterializedView tablespace(std::string_view t) const { return set(drizzle::detail::ViewField::tablespace, t); }

private:
    PgMaterializedView set(drizzle::detail::ViewField f, std::string_view v) const {
        drizzle::detail::setViewField(this->def_, f, v);
        return *this;
    }
};

// ---- tables and schemas -------------------------------------------------------------------

template <class Row>
DRIZZLE_ALWAYS_INLINE drizzle::Table<Row, drizzle::Dialect::postgresql> pgTable(const char* name, std::initializer_list<drizzle::detail::ColumnDecl> columns,
                          std::initializer_list<drizzle::detail::ConstraintDecl> constraints = {},
                          drizzle::detail::Site at = DRIZZLE_HERE) {
    return drizzle::Table<Row, Dialect::postgresql>(drizzle::detail::registerTable(
        Dialect::postgresql, &drizzle::detail::typeTag<Row>, "public", name, columns, constraints, at));
}

template <class Row>
PgView<Row> pgView(std::string_view name, std::initializer_list<drizzle::detail::ColumnDecl> columns = {},
                 drizzle::detail::Site at = DRIZZLE_HERE) {
    return PgView<Row>(drizzle::detail::declareView<Row>(Dialect::postgresql, "public", name, columns, false, at));
}
template <class Row>
PgMaterializedView<Row> pgMaterializedView(std::string_view name,
                                         std::initializer_list<drizzle::detail::ColumnDecl> columns = {},
                                         drizzle::detail::Site at = DRIZZLE_HERE) {
    return PgMaterializedView<Row>(
        drizzle::detail::declareView<Row>(Dialect::postgresql, "public", name, columns, true, at));
}

// `CREATE SCHEMA name`, and the tables, enums, sequences and views that live in it.
class Schema {
public:
    explicit Schema(std::string_view name) : name_(name) {
        drizzle::detail::registerSchema(Dialect::postgresql, name);
    }
    template <class Row>
    DRIZZLE_ALWAYS_INLINE drizzle::Table<Row, drizzle::Dialect::postgresql> table(const char* name, std::initializer_list<drizzle::detail::ColumnDecl> columns,
                              std::initializer_list<drizzle::detail::ConstraintDecl> constraints = {},
                              drizzle::detail::Site at = DRIZZLE_HERE) const {
        return drizzle::Table<Row, Dialect::postgresql>(drizzle::detail::registerTable(
        Dialect::postgresql, &drizzle::detail::typeTag<Row>, name_, name, columns, constraints, at));
    }
    Enum pgEnum(std::string_view name, std::initializer_list<const char*> values, drizzle::detail::Site at = DRIZZLE_HERE) const {
        return Enum(drizzle::detail::registerEnum(Dialect::postgresql, name_, name, values.begin(), values.size(), at));
    }
    Declared sequence(std::string_view name, SequenceOptions options = {}, drizzle::detail::Site at = DRIZZLE_HERE) const {
        drizzle::detail::registerSequence(name_, name, options, at);
        return Declared{name};
    }
    template <class Row>
    PgView<Row> view(std::string_view name, std::initializer_list<drizzle::detail::ColumnDecl> columns = {},
                     drizzle::detail::Site at = DRIZZLE_HERE) const {
        return PgView<Row>(drizzle::detail::declareView<Row>(Dialect::postgresql, name_, name, columns, false, at));
    }
    template <class Row>
    PgMaterializedView<Row> materializedView(std::string_view name,
                                             std::initializer_list<drizzle::detail::ColumnDecl> columns = {},
                                             drizzle::detail::Site at = DRIZZLE_HERE) const {
        return PgMaterializedView<Row>(
            drizzle::detail::declareView<Row>(Dialect::postgresql, name_, name, columns, true, at));
    }
    std::string_view name() const { return name_; }

private:
    std::string_view name_;
};

inline Schema pgSchema(std::string_view name) { return Schema(name); }

}  // namespace drizzle::pg

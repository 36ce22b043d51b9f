// MySQL / MariaDB schema declarations: the C++ counterpart of drizzle-orm's `mysql-core`.
//
// Integer signedness comes from the member: a `std::uint32_t` member declares `int unsigned`.
//
//   struct Item { std::uint64_t id; std::string name; std::optional<double> price; };
//   inline const auto items = drizzle::mysql::mysqlTable<Item>("items", {
//       mysql::serial<&Item::id>("id").primaryKey(),
//       mysql::varchar<&Item::name>("name", {.length = 255}).notNull(),
//       mysql::double_<&Item::price>("price"),
//   });
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>

#include "drizzle/schema/view.hpp"

namespace drizzle::mysql {

using namespace drizzle::dsl;  // sql, index, check, cascade, ... (schema/spec.hpp)
template <class M, bool NotNull, bool Constant = true>
using ColumnBuilder = drizzle::detail::ColumnBuilder<M, NotNull, Constant>;

namespace detail {
using namespace drizzle::detail;
template <std::size_t Bytes, class M>
constexpr ColumnBuilder<M, false> integer(const char* name, const char* kind, MemberRef member) {
    auto b = makeColumn<M, false>(name, kind, member);
    b.decl.set(drizzle::detail::ColumnDecl::isUnsigned, std::is_unsigned_v<ValueOf<M>>);
    return b;
}
template <class V> struct IsYear : std::bool_constant<std::is_integral_v<V> && !std::is_same_v<V, bool> && sizeof(V) >= 2> {};
template <class V> struct IsJson : std::bool_constant<std::is_same_v<V, std::string> || JsonLike<V>> {};
template <class V> struct IsDate : std::bool_constant<std::is_same_v<V, std::string> || DaysLike<V>> {};
template <class V> struct IsTimestamp : std::bool_constant<std::is_same_v<V, std::string> || TimestampLike<V>> {};
template <class V> struct IsTime : std::bool_constant<std::is_same_v<V, std::string> || DurationLike<V>> {};
// binary, varbinary: a std::string member holds raw bytes.
template <class M, bool NotNull>
constexpr ColumnBuilder<M, NotNull> binaryColumn(ColumnBuilder<M, NotNull> b, int length) {
    b.decl.length = length;
    if constexpr (std::is_same_v<ValueOf<M>, std::string>) b.decl.codec = columnCodecPtr<M, AsBytes>;
    return b;
}
}  // namespace detail

#define DRIZZLE_MYSQL_INT(fn, sqlName, bytes, cppName)                                                   \
    template <auto Member, class M = drizzle::detail::MemberType<Member>>                                                                         \
    constexpr ColumnBuilder<M, false> fn(const char* name) {                                   \
        static_assert(drizzle::detail::IntegerOf<bytes>::test<drizzle::detail::ValueOf<M>>::value,      \
                      "mysql::" #fn " needs a " cppName " member (unsigned for an unsigned column)");  \
        return detail::integer<bytes, M>(name, sqlName, DRIZZLE_MEMBER(Member));                                           \
    }
DRIZZLE_MYSQL_INT(tinyint, "tinyint", 1, "std::int8_t or std::uint8_t")
DRIZZLE_MYSQL_INT(smallint, "smallint", 2, "std::int16_t or std::uint16_t")
DRIZZLE_MYSQL_INT(mediumint, "mediumint", 4, "std::int32_t or std::uint32_t")
DRIZZLE_MYSQL_INT(int_, "int", 4, "std::int32_t or std::uint32_t")
DRIZZLE_MYSQL_INT(bigint, "bigint", 8, "std::int64_t or std::uint64_t")
#undef DRIZZLE_MYSQL_INT

// SERIAL = bigint unsigned NOT NULL AUTO_INCREMENT UNIQUE.
template <auto Member, class M = drizzle::detail::MemberType<Member>>
constexpr ColumnBuilder<M, true> serial(const char* name) {
    static_assert(std::is_same_v<M, std::uint64_t>, "mysql::serial needs a plain std::uint64_t member");
    auto b = drizzle::detail::makeColumn<M, true>(name, "serial", DRIZZLE_MEMBER(Member));
    b.decl.set(drizzle::detail::ColumnDecl::autoincrement);
    return b;
}

struct DecimalOptions {
    int precision = -1;
    int scale = -1;
    bool isUnsigned = false;  // float/double/decimal/real UNSIGNED
};
template <auto Member, class M = drizzle::detail::MemberType<Member>>
constexpr ColumnBuilder<M, false> float_(const char* name, DecimalOptions options = {}) {
    static_assert(drizzle::detail::IsFloat<drizzle::detail::ValueOf<M>>::value, "mysql::float_ needs a float member");
    auto b = drizzle::detail::makeColumn<M, false>(name, "float", DRIZZLE_MEMBER(Member));
    b.decl.precision = options.precision;
    b.decl.scale = options.scale;
    b.decl.set(drizzle::detail::ColumnDecl::isUnsigned, options.isUnsigned);
    return b;
}
template <auto Member, class M = drizzle::detail::MemberType<Member>>
constexpr ColumnBuilder<M, false> double_(const char* name, DecimalOptions options = {}) {
    static_assert(drizzle::detail::IsDouble<drizzle::detail::ValueOf<M>>::value, "mysql::double_ needs a double member");
    auto b = drizzle::detail::makeColumn<M, false>(name, "double", DRIZZLE_MEMBER(Member));
    b.decl.precision = options.precision;
    b.decl.scale = options.scale;
    b.decl.set(drizzle::detail::ColumnDecl::isUnsigned, options.isUnsigned);
    return b;
}
template <auto Member, class M = drizzle::detail::MemberType<Member>>
constexpr ColumnBuilder<M, false> real(const char* name, DecimalOptions options = {}) {
    static_assert(drizzle::detail::IsDouble<drizzle::detail::ValueOf<M>>::value, "mysql::real needs a double member");
    auto b = drizzle::detail::makeColumn<M, false>(name, "real", DRIZZLE_MEMBER(Member));
    b.decl.precision = options.precision;
    b.decl.scale = options.scale;
    b.decl.set(drizzle::detail::ColumnDecl::isUnsigned, options.isUnsigned);
    return b;
}
template <auto Member, class M = drizzle::detail::MemberType<Member>>
constexpr ColumnBuilder<M, false> decimal(const char* name, DecimalOptions options = {}) {
    static_assert(drizzle::detail::IsStringOrDouble<drizzle::detail::ValueOf<M>>::value,
                  "mysql::decimal needs a std::string (exact) or double member");
    auto b = drizzle::detail::makeColumn<M, false>(name, "decimal", DRIZZLE_MEMBER(Member));
    b.decl.precision = options.precision;
    b.decl.scale = options.scale;
    b.decl.set(drizzle::detail::ColumnDecl::isUnsigned, options.isUnsigned);
    return b;
}

struct CharOptions {
    int length = -1;
};
#define DRIZZLE_MYSQL_STRING(fn, sqlName)                                                                      \
    template <auto Member, class M = drizzle::detail::MemberType<Member>>                                                                               \
    constexpr ColumnBuilder<M, false> fn(const char* name, CharOptions options = {}) {                \
        static_assert(drizzle::detail::IsText<drizzle::detail::ValueOf<M>>::value,                            \
                      "mysql::" #fn " needs a std::string member (or a C++ enum with drizzleEnumValues)");   \
        auto b = drizzle::detail::makeColumn<M, false>(name, sqlName, DRIZZLE_MEMBER(Member));                                \
        b.decl.length = options.length;                                                                  \
        return b;                                                                                             \
    }
DRIZZLE_MYSQL_STRING(char_, "char")
DRIZZLE_MYSQL_STRING(text, "text")
DRIZZLE_MYSQL_STRING(tinytext, "tinytext")
DRIZZLE_MYSQL_STRING(mediumtext, "mediumtext")
DRIZZLE_MYSQL_STRING(longtext, "longtext")
#undef DRIZZLE_MYSQL_STRING
// MySQL has no varchar without a length: `mysql::varchar<&User::name>("name", {.length = 256})`.
template <auto Member, class M = drizzle::detail::MemberType<Member>>
constexpr ColumnBuilder<M, false> varchar(const char* name, CharOptions options) {
    static_assert(drizzle::detail::IsText<drizzle::detail::ValueOf<M>>::value,
                  "mysql::varchar needs a std::string member (or a C++ enum with drizzleEnumValues)");
    auto b = drizzle::detail::makeColumn<M, false>(name, "varchar", DRIZZLE_MEMBER(Member));
    b.decl.length = options.length;
    return b;
}

struct BinaryOptions {
    int length = -1;
};
template <auto Member, class M = drizzle::detail::MemberType<Member>>
constexpr ColumnBuilder<M, false> binary(const char* name, BinaryOptions options = {}) {
    static_assert(drizzle::detail::IsBytes<drizzle::detail::ValueOf<M>>::value, "mysql::binary needs a byte container member");
    return detail::binaryColumn(drizzle::detail::makeColumn<M, false>(name, "binary", DRIZZLE_MEMBER(Member)), options.length);
}
template <auto Member, class M = drizzle::detail::MemberType<Member>>
constexpr ColumnBuilder<M, false> varbinary(const char* name, BinaryOptions options) {
    static_assert(drizzle::detail::IsBytes<drizzle::detail::ValueOf<M>>::value, "mysql::varbinary needs a byte container member");
    return detail::binaryColumn(drizzle::detail::makeColumn<M, false>(name, "varbinary", DRIZZLE_MEMBER(Member)), options.length);
}
template <auto Member, class M = drizzle::detail::MemberType<Member>>
constexpr ColumnBuilder<M, false> boolean(const char* name) {
    static_assert(drizzle::detail::IsBool<drizzle::detail::ValueOf<M>>::value, "mysql::boolean needs a bool member");
    return drizzle::detail::makeColumn<M, false>(name, "boolean", DRIZZLE_MEMBER(Member));
}
template <auto Member, class M = drizzle::detail::MemberType<Member>>
constexpr ColumnBuilder<M, false> json(const char* name) {
    static_assert(detail::IsJson<drizzle::detail::ValueOf<M>>::value, "mysql::json needs a std::string or nlohmann::json member");
    return drizzle::detail::makeColumn<M, false>(name, "json", DRIZZLE_MEMBER(Member));
}
template <auto Member, class M = drizzle::detail::MemberType<Member>>
constexpr ColumnBuilder<M, false> year(const char* name) {
    static_assert(detail::IsYear<drizzle::detail::ValueOf<M>>::value, "mysql::year needs an integer member of 16 bits or more");
    return drizzle::detail::makeColumn<M, false>(name, "year", DRIZZLE_MEMBER(Member));
}

struct TimeOptions {
    int fsp = -1;  // fractional seconds precision, 0-6
};
// datetime and timestamp take a std::chrono::sys_time (UTC as the connection's time_zone sees it),
// time a std::chrono::duration, date a std::chrono::sys_days; all of them a std::string.
#define DRIZZLE_MYSQL_TIME(fn, sqlName, Accepts, alternative)                                           \
    template <auto Member, class M = drizzle::detail::MemberType<Member>>                                                                        \
    constexpr ColumnBuilder<M, false> fn(const char* name, TimeOptions options = {}) {         \
        static_assert(detail::Accepts<drizzle::detail::ValueOf<M>>::value,                             \
                      "mysql::" #fn " needs a std::string or " alternative " member");                 \
        auto b = drizzle::detail::makeColumn<M, false>(name, sqlName, DRIZZLE_MEMBER(Member));                         \
        b.decl.precision = options.fsp;                                                           \
        return b;                                                                                      \
    }
DRIZZLE_MYSQL_TIME(datetime, "datetime", IsTimestamp, "std::chrono::sys_time")
DRIZZLE_MYSQL_TIME(time, "time", IsTime, "std::chrono::duration")
DRIZZLE_MYSQL_TIME(timestamp, "timestamp", IsTimestamp, "std::chrono::sys_time")
#undef DRIZZLE_MYSQL_TIME
template <auto Member, class M = drizzle::detail::MemberType<Member>>
constexpr ColumnBuilder<M, false> date(const char* name) {
    static_assert(detail::IsDate<drizzle::detail::ValueOf<M>>::value, "mysql::date needs a std::string or std::chrono::sys_days member");
    return drizzle::detail::makeColumn<M, false>(name, "date", DRIZZLE_MEMBER(Member));
}

// ENUM('a', 'b', ...), held in a std::string member.
template <auto Member, class M = drizzle::detail::MemberType<Member>>
constexpr ColumnBuilder<M, false, false> mysqlEnum(const char* name, std::initializer_list<const char*> values) {
    static_assert(drizzle::detail::IsText<drizzle::detail::ValueOf<M>>::value,
                  "mysql::mysqlEnum needs a std::string member (or a C++ enum with drizzleEnumValues)");
    auto b = drizzle::detail::makeColumn<M, false>(name, "enum", DRIZZLE_MEMBER(Member)).atRunTime();
    b.decl.values = values.begin();
    b.decl.valueCount = values.size();
    return b;
}

// A type by its SQL name; any member type is accepted.
template <auto Member, class M = drizzle::detail::MemberType<Member>>
constexpr ColumnBuilder<M, false> customType(const char* name, std::string_view sqlType) {
    auto b = drizzle::detail::makeColumn<M, false>(name, "custom", DRIZZLE_MEMBER(Member));
    b.decl.customSqlType = sqlType;
    return b;
}

template <class Row>
DRIZZLE_ALWAYS_INLINE drizzle::Table<Row, drizzle::Dialect::mysql> mysqlTable(const char* name, std::initializer_list<drizzle::detail::ColumnDecl> columns,
                          std::initializer_list<drizzle::detail::ConstraintDecl> constraints = {},
                          drizzle::detail::Site at = DRIZZLE_HERE) {
    return drizzle::Table<Row, Dialect::mysql>(drizzle::detail::registerTable(
        Dialect::mysql, &drizzle::detail::typeTag<Row>, "", name, columns, constraints, at));
}

struct ViewOptions {
    std::string_view algorithm{};        // "undefined" | "merge" | "temptable"
    std::string_view sqlSecurity{};      // "definer" | "invoker"
    std::string_view withCheckOption{};  // "local" | "cascaded"
};
template <class Row>
class MysqlView : public drizzle::View<Row> {
public:
    using drizzle::View<Row>::View;
    MysqlView as(Sql query) const { return MysqlView(drizzle::View<Row>::as(query).definition()); }
    MysqlView existing() const { return MysqlView(drizzle::View<Row>::existing().definition()); }
    MysqlView with(ViewOptions o) const {
        if (!o.algorithm.empty()) drizzle::detail::setViewField(this->def_, drizzle::detail::ViewField::algorithm, o.algorithm);
        if (!o.sqlSecurity.empty()) drizzle::detail::setViewField(this->def_, drizzle::detail::ViewField::sqlSecurity, o.sqlSecurity);
        if (!o.withCheckOption.empty())
            drizzle::detail::setViewField(this->def_, drizzle::detail::ViewField::withCheckOption, o.withCheckOption);
        return *this;
    }
};
template <class Row>
MysqlView<Row> mysqlView(std::string_view name, std::initializer_list<drizzle::detail::ColumnDecl> columns = {},
                    drizzle::detail::Site at = DRIZZLE_HERE) {
    return MysqlView<Row>(drizzle::detail::declareView<Row>(Dialect::mysql, "", name, columns, false, at));
}

}  // namespace drizzle::mysql

// SQLite schema declarations: the C++ counterpart of drizzle-orm's `sqlite-core`.
//
// The member type picks the value mode Drizzle spells as an option: a `bool` member is
// integer's "boolean" mode, an integer member its "number" mode, a std::chrono::sys_time member
// its "timestamp" mode (epoch seconds; "timestamp_ms", epoch milliseconds, when the member is
// finer than seconds, or asked for), and an nlohmann::json member text's or blob's "json" mode.
// A time point on a text column is stored as "2024-01-05 10:20:30.123" (UTC).
//
//   struct Todo { std::int64_t id; std::string title; bool done; };
//   inline const auto todos = drizzle::sqlite::sqliteTable<Todo>("todos", {
//       sqlite::integer<&Todo::id>("id").primaryKey().autoincrement(),
//       sqlite::text<&Todo::title>("title").notNull(),
//       sqlite::integer<&Todo::done>("done").notNull().default_(false),
//   });
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>

#include "drizzle/schema/view.hpp"

namespace drizzle::sqlite {

using namespace drizzle::dsl;  // sql, index, check, cascade, ... (schema/spec.hpp)
template <class M, bool NotNull, bool Constant = true>
using ColumnBuilder = drizzle::detail::ColumnBuilder<M, NotNull, Constant>;

namespace accepts {
// bool: boolean mode; a time point: timestamp modes.
template <class V> struct Integer : std::bool_constant<std::is_integral_v<V> || drizzle::detail::TimestampLike<V>> {};
template <class V> struct Real : std::bool_constant<std::is_floating_point_v<V>> {};
template <class V> struct Text : std::bool_constant<std::is_same_v<V, std::string> || drizzle::detail::JsonLike<V> || drizzle::detail::EnumLike<V> ||
                                                    drizzle::detail::TimePointLike<V>> {};
template <class V> struct Blob : std::bool_constant<drizzle::detail::IsBytes<V>::value || drizzle::detail::IntegerOf<8>::test<V>::value ||
                                                    drizzle::detail::JsonLike<V>> {};
template <class V> struct Numeric : std::bool_constant<std::is_same_v<V, std::string> || std::is_arithmetic_v<V>> {};
}  // namespace accepts

namespace detail {
using namespace drizzle::detail;
// integer({mode: "timestamp" | "timestamp_ms"}): epoch seconds or milliseconds, rounded down, as
// Drizzle stores a Date.
template <std::int64_t MicrosPerUnit>
struct EpochInteger {
    template <class V>
    static void read(const driver::Cursor& row, std::size_t c, V& out) {
        using D = typename V::duration;
        out = V(D(static_cast<typename D::rep>(fromMicros<typename D::period>(row.integer(c) * MicrosPerUnit))));
    }
    template <class V>
    static driver::Param write(const V& value) {
        using Period = typename V::duration::period;
        return floorDiv(toMicros<Period>(static_cast<std::int64_t>(value.time_since_epoch().count())), MicrosPerUnit);
    }
};
// blob({mode: "json"}): the JSON text as a blob, as Drizzle stores it.
struct JsonBlob {
    template <class V>
    static void read(const driver::Cursor& row, std::size_t c, V& out) {
        out = V::parse(row.bytes(c));
    }
    template <class V>
    static driver::Param write(const V& value) {
        return driver::Bytes{value.dump()};
    }
};
// blob({mode: "bigint"}): the decimal digits as a blob, as Drizzle stores a BigInt.
struct DecimalBlob {
    static void read(const driver::Cursor& row, std::size_t c, std::int64_t& out);
    static driver::Param write(std::int64_t value) { return driver::Bytes{std::to_string(value)}; }
};
}  // namespace detail

// Drizzle's column modes: integer's, text's and blob's.
struct IntegerModeWords {
    static constexpr std::string_view words[] = {"number", "boolean", "timestamp", "timestamp_ms"};
    static constexpr void (*unknown)(std::string_view) = &drizzle::detail::unknownColumnMode;
};
struct TextModeWords {
    static constexpr std::string_view words[] = {"text", "json"};
    static constexpr void (*unknown)(std::string_view) = &drizzle::detail::unknownColumnMode;
};
struct BlobModeWords {
    static constexpr std::string_view words[] = {"buffer", "json", "bigint"};
    static constexpr void (*unknown)(std::string_view) = &drizzle::detail::unknownColumnMode;
};
struct IntegerOptions {
    Choice<IntegerModeWords> mode{};  // "number" (default), "boolean" (bool members), "timestamp", "timestamp_ms"
};
template <auto Member, class M = drizzle::detail::MemberType<Member>>
constexpr ColumnBuilder<M, false> integer(const char* name, IntegerOptions options = {}) {
    using V = drizzle::detail::ValueOf<M>;
    static_assert(accepts::Integer<V>::value,
                  "sqlite::integer needs an integer or bool member (or a std::chrono::sys_time, for the timestamp modes)");
    auto b = drizzle::detail::makeColumn<M, false>(name, "integer", DRIZZLE_MEMBER(Member));
    if constexpr (drizzle::detail::TimestampLike<V>) {
        constexpr bool wholeSeconds = V::duration::period::den == 1;
        b.decl.mode = !options.mode.empty() ? options.mode.text() : wholeSeconds ? "timestamp" : "timestamp_ms";
        b.decl.codec = b.decl.mode == "timestamp_ms" ? drizzle::detail::columnCodecPtr<M, detail::EpochInteger<1000>>
                                                             : drizzle::detail::columnCodecPtr<M, detail::EpochInteger<1000000>>;
    } else {
        b.decl.mode = !options.mode.empty() ? options.mode.text() : std::is_same_v<V, bool> ? "boolean" : "number";
    }
    return b;
}
template <auto Member, class M = drizzle::detail::MemberType<Member>>
constexpr ColumnBuilder<M, false> real(const char* name) {
    static_assert(accepts::Real<drizzle::detail::ValueOf<M>>::value, "sqlite::real needs a double or float member");
    return drizzle::detail::makeColumn<M, false>(name, "real", DRIZZLE_MEMBER(Member));
}
struct TextOptions {
    int length = -1;
    Choice<TextModeWords> mode{};  // "text" (default) or "json" (the default for an nlohmann::json member)
};
template <auto Member, class M = drizzle::detail::MemberType<Member>>
constexpr ColumnBuilder<M, false> text(const char* name, TextOptions options = {}) {
    using V = drizzle::detail::ValueOf<M>;
    static_assert(accepts::Text<V>::value,
                  "sqlite::text needs a std::string member (or nlohmann::json in json mode, or a std::chrono time point)");
    auto b = drizzle::detail::makeColumn<M, false>(name, "text", DRIZZLE_MEMBER(Member));
    b.decl.length = options.length;
    b.decl.mode = options.mode.empty() && drizzle::detail::JsonLike<V> ? std::string_view("json") : options.mode.text();
    return b;
}
struct BlobOptions {
    Choice<BlobModeWords> mode{};  // "buffer" (default), "json", "bigint"
};
template <auto Member, class M = drizzle::detail::MemberType<Member>>
constexpr ColumnBuilder<M, false> blob(const char* name, BlobOptions options = {}) {
    using V = drizzle::detail::ValueOf<M>;
    static_assert(accepts::Blob<V>::value,
                  "sqlite::blob needs a byte container (std::vector<unsigned char>, std::vector<std::byte>, "
                  "std::string) or, in bigint mode, a std::int64_t member (in json mode, nlohmann::json)");
    auto b = drizzle::detail::makeColumn<M, false>(name, "blob", DRIZZLE_MEMBER(Member));
    // The member picks the mode when none is given, as a bool member picks integer's.
    b.decl.mode = !options.mode.empty()          ? options.mode.text()
                        : drizzle::detail::JsonLike<V> ? "json"
                        : std::is_integral_v<V>        ? "bigint"
                                                       : std::string_view{};
    // Values are stored as blobs, as Drizzle stores them (a std::string member: its bytes).
    if constexpr (std::is_same_v<V, std::string>) b.decl.codec = drizzle::detail::columnCodecPtr<M, drizzle::detail::AsBytes>;
    else if constexpr (drizzle::detail::JsonLike<V>) b.decl.codec = drizzle::detail::columnCodecPtr<M, detail::JsonBlob>;
    else if constexpr (std::is_integral_v<V>) b.decl.codec = drizzle::detail::columnCodecPtr<M, detail::DecimalBlob>;
    return b;
}
template <auto Member, class M = drizzle::detail::MemberType<Member>>
constexpr ColumnBuilder<M, false> numeric(const char* name) {
    static_assert(accepts::Numeric<drizzle::detail::ValueOf<M>>::value,
                  "sqlite::numeric needs a std::string or arithmetic member");
    return drizzle::detail::makeColumn<M, false>(name, "numeric", DRIZZLE_MEMBER(Member));
}
// A type by its SQL name; any member type is accepted.
template <auto Member, class M = drizzle::detail::MemberType<Member>>
constexpr ColumnBuilder<M, false> customType(const char* name, std::string_view sqlType) {
    auto b = drizzle::detail::makeColumn<M, false>(name, "custom", DRIZZLE_MEMBER(Member));
    b.decl.customSqlType = sqlType;
    return b;
}

// A UNIQUE constraint inside CREATE TABLE. Drizzle's unique() is a unique index on SQLite; this
// is the constraint `drizzle-kit pull` finds in a table's definition, declared as such:
// `sqlite::uniqueConstraint("name").on<&T::a, &T::b>()`.
constexpr drizzle::UniqueBuilder uniqueConstraint(std::string_view name = {}) {
    return drizzle::unique(name).tableConstraint();
}
template <class Row>
DRIZZLE_ALWAYS_INLINE drizzle::Table<Row, drizzle::Dialect::sqlite> sqliteTable(const char* name, std::initializer_list<drizzle::detail::ColumnDecl> columns,
                          std::initializer_list<drizzle::detail::ConstraintDecl> constraints = {},
                          drizzle::detail::Site at = DRIZZLE_HERE) {
    return drizzle::Table<Row, Dialect::sqlite>(drizzle::detail::registerTable(
        Dialect::sqlite, &drizzle::detail::typeTag<Row>, "", name, columns, constraints, at));
}

template <class Row>
drizzle::View<Row> sqliteView(std::string_view name, std::initializer_list<drizzle::detail::ColumnDecl> columns = {},
                        drizzle::detail::Site at = DRIZZLE_HERE) {
    return drizzle::View<Row>(drizzle::detail::declareView<Row>(Dialect::sqlite, "", name, columns, false, at));
}

}  // namespace drizzle::sqlite

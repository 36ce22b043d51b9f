// How a member's C++ type travels to and from the database: one codec per member type.
//
// A codec reads a column of a streamed row into a member and turns a member into a bound
// parameter. Codecs are chosen by the member type alone (the column declaration stores a
// pointer to its member's codec), so a schema with thousands of columns instantiates only as
// many codecs as it has distinct member types. Types from heavy headers (nlohmann::json,
// std::chrono) are recognised by their shape, so this header includes neither.
//
//   struct Event { std::int64_t id; nlohmann::json payload; std::optional<std::string> note; };
//   // pg::jsonb<&Event::payload>("payload") reads and writes nlohmann::json directly.
//
// What each member type becomes (NULL is std::nullopt for every one of them):
//   bool, integers, float, double      numbers (a std::uint64_t above INT64_MAX as its digits)
//   std::string                        text (exact decimals for numeric/decimal)
//   std::vector<unsigned char|byte>    bytes
//   nlohmann::json (by shape)          JSON text
//   drizzle::Uuid, pg::Point, pg::Line their text form (anything with parse() and toString())
//   std::chrono::sys_days              a date, "2024-01-05"
//   std::chrono::sys_time<D>           a UTC timestamp, "2024-01-05 10:20:30.123456"
//   std::chrono::duration              a time of day, "10:20:30.5" (MySQL: up to ±838 hours)
//   std::vector<T>, nested             a PostgreSQL array literal, "{1,2,NULL}"
// A column whose SQL type changes the encoding (a std::string on a binary column, SQLite's
// epoch timestamps) overrides its member's codec with a column codec (columnCodecOf, below).
#pragma once

#include <concepts>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <ratio>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "drizzle/defaulted.hpp"
#include "drizzle/enum.hpp"
#include "drizzle/driver/cursor.hpp"
#include "drizzle/uuid.hpp"

namespace drizzle::detail {

// Identifies a value type at run time (its address), so a type-erased codec can be checked
// against the value a query holds before it is given one.
template <class V>
inline constexpr char valueTag = 0;

// A member's codec, type-erased: what the schema stores for each column.
struct Codec {
    void (*read)(const driver::Cursor& row, std::size_t column, void* member);
    driver::Param (*write)(const void* member);
    // Calls an app-side default or on-update function (stored as `void (*)()`) and binds its value.
    driver::Param (*produce)(void (*fn)());
    // The member's value type V (without std::optional or Defaulted): its valueTag, and a V
    // (not the member) read and bound as the column needs it.
    const void* valueType;
    void (*readValue)(const driver::Cursor& row, std::size_t column, void* value);
    driver::Param (*writeValue)(const void* value);
    // A Defaulted member: whether the row leaves it to the database. Null for other members.
    bool (*isUnset)(const void* member);
    // A C++ enum member: its enumerators' SQL values, checked against the column's declared ones
    // when the table registers. Null for other members.
    std::span<const std::string_view> (*enumNames)();
    // A value bound by V's own codec (a placeholder's), bound again as this column needs it.
    // Null for a member type's own codec, where the two agree: such columns read inline.
    driver::Param (*rebind)(const driver::Param& value);
};

// A cursor over one bound value: how a column codec reads back what V's own codec wrote.
class ParamCursor final : public driver::Cursor {
public:
    explicit ParamCursor(const driver::Param& value) : value_(value) {}
    bool next() override { return false; }
    std::size_t columnCount() const override { return 1; }
    std::string_view columnName(std::size_t) const override { return "placeholder"; }
    bool isNull(std::size_t) const override;
    std::int64_t integer(std::size_t) const override;
    double real(std::size_t) const override;
    std::string_view text(std::size_t) const override;
    std::string_view bytes(std::size_t) const override;
    std::int64_t affectedRows() const override { return 0; }
    std::int64_t lastInsertId() const override { return 0; }

private:
    const driver::Param& value_;
    mutable std::string text_;
};

// ---- helpers compiled once (src/query/codec_support.cpp) -------------------------------------
[[noreturn]] void throwNullInto(const driver::Cursor& row, std::size_t column);
[[noreturn]] void throwNoCodec(const driver::Cursor& row, std::size_t column);
[[noreturn]] void throwNoWriteCodec();
[[noreturn]] void throwUnsetWritten();
[[noreturn]] void throwOutOfRange(const driver::Cursor& row, std::size_t column, std::int64_t value);
// A std::uint64_t member: the value's digits, since a driver's integer() stops at INT64_MAX.
std::uint64_t readUnsigned64(const driver::Cursor& row, std::size_t column);
// PostgreSQL array literals ({1,2,"a b",NULL}): one level at a time.
std::vector<std::optional<std::string>> splitArrayLiteral(std::string_view literal);
// Appends one element; a nested array's literal goes in unquoted.
void appendArrayElement(std::string& out, const driver::Param& element, bool nested);
// Timestamps as microseconds since the Unix epoch (UTC). Parsing takes what the three databases
// print: "2024-01-05", "2024-01-05 10:20:30.5", "2024-01-05T10:20:30Z", PostgreSQL's offsets
// ("+02", "+05:30", "+05:21:10") and era ("0044-03-15 BC"). Formatting prints `fractionDigits`
// (0, 3 or 6) digits of the second and, when given, `offset` ("+00") before any era.
std::int64_t parseTimestampMicros(std::string_view text);
std::string formatTimestampMicros(std::int64_t micros, int fractionDigits, std::string_view offset = {});
std::string formatDateDays(std::int64_t days);
// A time of day (or MySQL's TIME, -838:59:59 to 838:59:59) as microseconds.
std::int64_t parseTimeMicros(std::string_view text);
std::string formatTimeMicros(std::int64_t micros, int fractionDigits);

// A cursor over one value, so array elements decode with the same codecs as columns.
class ValueCursor final : public driver::Cursor {
public:
    explicit ValueCursor(const std::optional<std::string>& value) : value_(value) {}
    bool next() override { return false; }
    std::size_t columnCount() const override { return 1; }
    std::string_view columnName(std::size_t) const override { return "element"; }
    bool isNull(std::size_t) const override { return !value_.has_value(); }
    std::int64_t integer(std::size_t) const override;
    double real(std::size_t) const override;
    std::string_view text(std::size_t) const override;
    std::string_view bytes(std::size_t) const override;
    std::int64_t affectedRows() const override { return 0; }
    std::int64_t lastInsertId() const override { return 0; }

private:
    const std::optional<std::string>& value_;
    mutable std::string decoded_;
};

// ---- the member types, by shape ------------------------------------------------------------
template <class V>
concept JsonLike = requires(const V& v, std::string_view s) {
    { v.dump() } -> std::convertible_to<std::string>;
    V::parse(s);
};
// A value with a text form of its own: drizzle::Uuid, pg::Point, pg::Line.
template <class V>
concept TextForm = requires(const V& v, std::string_view s) {
    { V::parse(s) } -> std::same_as<V>;
    { v.toString() } -> std::convertible_to<std::string>;
};
// A C++ enum whose SQL values are declared beside it, found by argument-dependent lookup:
//   enum class Mood { sad, ok, happy };
//   constexpr std::array<std::string_view, 3> drizzleEnumValues(Mood) { return {"sad", "ok", "happy"}; }
// (or DRIZZLE_ENUM(Mood, sad, ok, happy), which declares both): the SQL value of each
// enumerator, in declaration order, the enumerators numbered from 0.
template <class V>
concept EnumLike = std::is_enum_v<V> && requires(V v) {
    { drizzleEnumValues(v)[0] } -> std::convertible_to<std::string_view>;
    drizzleEnumValues(v).size();
};
template <class V>
std::span<const std::string_view> enumNamesOf() {
    static constexpr auto names = drizzleEnumValues(V{});
    return {names.data(), names.size()};
}
// Errors for a value the enum does not have (codec_support.cpp).
[[noreturn]] void throwNotAnEnumValue(const driver::Cursor& row, std::size_t column, std::string_view value);
[[noreturn]] void throwEnumOutOfRange(long long value);

// std::chrono::sys_time<D>: a time point of std::chrono::system_clock (the clock with to_time_t).
template <class V>
concept TimePointLike = requires(const V& v) {
    typename V::duration::period;
    { v.time_since_epoch().count() };
    &V::clock::to_time_t;
};
// std::chrono::sys_days: a time point counting whole days.
template <class V>
concept DaysLike = TimePointLike<V> && std::ratio_equal_v<typename V::duration::period, std::ratio<86400>>;
// A time point finer than a day: what a timestamp column holds.
template <class V>
concept TimestampLike = TimePointLike<V> && !DaysLike<V>;
// std::chrono::duration: a time of day.
template <class V>
concept DurationLike = requires(const V& v) {
    typename V::rep;
    V::period::num;
    V::zero();
    { v.count() };
};
template <class V>
inline constexpr bool isByteVector =
    std::is_same_v<V, std::vector<unsigned char>> || std::is_same_v<V, std::vector<std::byte>>;
// A PostgreSQL array: any other container.
template <class V>
inline constexpr bool isArrayValue = requires(V& v) {
    typename V::value_type;
    v.begin();
    v.push_back(std::declval<typename V::value_type>());
} && !std::is_same_v<V, std::string> && !isByteVector<V> && !JsonLike<V>;

// The value type a member holds: without std::optional and Defaulted.
template <class M>
struct Unoptional {
    using type = M;
};
template <class T>
struct Unoptional<std::optional<T>> {
    using type = typename Unoptional<T>::type;
};
template <class T>
struct Unoptional<Defaulted<T>> {
    using type = typename Unoptional<T>::type;
};

// Reads a member through `readValue` (which reads its value type): NULL resets a std::optional,
// a Defaulted member is set. Writes one through `writeValue`.
template <class M, class ReadValue>
void readMember(const driver::Cursor& row, std::size_t c, M& out, ReadValue&& readValue) {
    if constexpr (isDefaulted<M>) {
        readMember(row, c, out.emplace(), readValue);
    } else if constexpr (!std::is_same_v<M, typename Unoptional<M>::type>) {
        if (row.isNull(c)) out.reset();
        else readMember(row, c, out.emplace(), readValue);
    } else {
        readValue(row, c, out);
    }
}
template <class M, class WriteValue>
driver::Param writeMember(const M& in, WriteValue&& writeValue) {
    if constexpr (isDefaulted<M>) {
        if (!in.isSet()) throwUnsetWritten();
        return writeMember(*in, writeValue);
    } else if constexpr (!std::is_same_v<M, typename Unoptional<M>::type>) {
        return in ? writeMember(*in, writeValue) : driver::Param(nullptr);
    } else {
        return writeValue(in);
    }
}

// Counts of a std::chrono period to and from microseconds, rounding down (as Drizzle's
// Math.floor does for SQLite's epoch seconds).
constexpr std::int64_t floorDiv(std::int64_t a, std::int64_t b) {
    const std::int64_t q = a / b;
    return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}
template <class Period>
std::int64_t toMicros(std::int64_t count) {
    using R = std::ratio_divide<Period, std::micro>;
    return floorDiv(count * R::num, R::den);
}
template <class Period>
std::int64_t fromMicros(std::int64_t micros) {
    using R = std::ratio_divide<std::micro, Period>;
    return floorDiv(micros * R::num, R::den);
}
// How many digits of the second a period keeps: none for seconds, 3 down to milliseconds, 6 below.
template <class Period>
inline constexpr int fractionDigitsOf = Period::den == 1 ? 0 : std::ratio_greater_equal_v<Period, std::milli> ? 3 : 6;

// ---- the codecs ----------------------------------------------------------------------------
template <class M>
struct CodecFor {
    static void read(const driver::Cursor& row, std::size_t c, M& out);
    static driver::Param write(const M& value);
};

template <class T>
struct CodecFor<Defaulted<T>> {
    static void read(const driver::Cursor& row, std::size_t c, Defaulted<T>& out) { CodecFor<T>::read(row, c, out.emplace()); }
    static driver::Param write(const Defaulted<T>& value) {
        if (!value.isSet()) throwUnsetWritten();
        return CodecFor<T>::write(*value);
    }
};

template <class T>
struct CodecFor<std::optional<T>> {
    static void read(const driver::Cursor& row, std::size_t c, std::optional<T>& out) {
        if (row.isNull(c)) {
            out.reset();
            return;
        }
        CodecFor<T>::read(row, c, out.emplace());
    }
    static driver::Param write(const std::optional<T>& value) {
        if (!value) return nullptr;
        return CodecFor<T>::write(*value);
    }
};

template <class M>
void CodecFor<M>::read(const driver::Cursor& row, std::size_t c, M& out) {
    if constexpr (std::is_same_v<M, bool>) {
        out = row.integer(c) != 0;
    } else if constexpr (std::is_integral_v<M> && std::is_unsigned_v<M> && sizeof(M) == 8) {
        out = static_cast<M>(readUnsigned64(row, c));
    } else if constexpr (std::is_integral_v<M>) {
        const std::int64_t v = row.integer(c);
        if constexpr (sizeof(M) < sizeof(std::int64_t)) {
            if (v < static_cast<std::int64_t>(std::numeric_limits<M>::min()) ||
                v > static_cast<std::int64_t>(std::numeric_limits<M>::max()))
                throwOutOfRange(row, c, v);
        }
        out = static_cast<M>(v);
    } else if constexpr (std::is_floating_point_v<M>) {
        out = static_cast<M>(row.real(c));
    } else if constexpr (std::is_same_v<M, std::string>) {
        out.assign(row.text(c));
    } else if constexpr (isByteVector<M>) {
        const std::string_view b = row.bytes(c);
        const auto* p = reinterpret_cast<const typename M::value_type*>(b.data());
        out.assign(p, p + b.size());
    } else if constexpr (JsonLike<M>) {
        out = M::parse(row.text(c));
    } else if constexpr (TextForm<M>) {
        out = M::parse(row.text(c));
    } else if constexpr (EnumLike<M>) {
        const std::string_view text = row.text(c);
        const auto names = enumNamesOf<M>();
        for (std::size_t i = 0; i < names.size(); ++i)
            if (names[i] == text) {
                out = static_cast<M>(i);
                return;
            }
        throwNotAnEnumValue(row, c, text);
    } else if constexpr (TimePointLike<M>) {
        using D = typename M::duration;
        out = M(D(static_cast<typename D::rep>(fromMicros<typename D::period>(parseTimestampMicros(row.text(c))))));
    } else if constexpr (DurationLike<M>) {
        out = M(static_cast<typename M::rep>(fromMicros<typename M::period>(parseTimeMicros(row.text(c)))));
    } else if constexpr (isArrayValue<M>) {
        // PostgreSQL arrays: the text literal, split one level at a time.
        out.clear();
        for (const auto& text : splitArrayLiteral(row.text(c))) {
            ValueCursor one(text);
            typename M::value_type element{};  // not emplace_back(): std::vector<bool> has no bool&
            CodecFor<typename M::value_type>::read(one, 0, element);
            out.push_back(std::move(element));
        }
    } else {
        throwNoCodec(row, c);
    }
}

template <class M>
driver::Param CodecFor<M>::write(const M& value) {
    if constexpr (std::is_same_v<M, bool>) {
        return std::int64_t{value ? 1 : 0};
    } else if constexpr (std::is_integral_v<M> && std::is_unsigned_v<M> && sizeof(M) == 8) {
        if (value > static_cast<M>(std::numeric_limits<std::int64_t>::max())) return std::to_string(value);
        return static_cast<std::int64_t>(value);
    } else if constexpr (std::is_integral_v<M>) {
        return static_cast<std::int64_t>(value);
    } else if constexpr (std::is_floating_point_v<M>) {
        return static_cast<double>(value);
    } else if constexpr (std::is_same_v<M, std::string>) {
        return value;
    } else if constexpr (isByteVector<M>) {
        return driver::Bytes{std::string(reinterpret_cast<const char*>(value.data()), value.size())};
    } else if constexpr (JsonLike<M>) {
        return std::string(value.dump());
    } else if constexpr (TextForm<M>) {
        return std::string(value.toString());
    } else if constexpr (EnumLike<M>) {
        const auto names = enumNamesOf<M>();
        const auto index = static_cast<long long>(value);
        if (index < 0 || static_cast<std::size_t>(index) >= names.size()) throwEnumOutOfRange(index);
        return std::string(names[static_cast<std::size_t>(index)]);
    } else if constexpr (TimePointLike<M>) {
        using Period = typename M::duration::period;
        const auto count = static_cast<std::int64_t>(value.time_since_epoch().count());
        if constexpr (DaysLike<M>) return formatDateDays(count);
        else return formatTimestampMicros(toMicros<Period>(count), fractionDigitsOf<Period>);
    } else if constexpr (DurationLike<M>) {
        using Period = typename M::period;
        return formatTimeMicros(toMicros<Period>(static_cast<std::int64_t>(value.count())), fractionDigitsOf<Period>);
    } else if constexpr (isArrayValue<M>) {
        using E = typename M::value_type;
        std::string out = "{";
        for (const auto& element : value) {
            if (out.size() > 1) out += ',';
            appendArrayElement(out, CodecFor<E>::write(element), isArrayValue<typename Unoptional<E>::type>);
        }
        out += '}';
        return out;
    } else {
        throwNoWriteCodec();
    }
}

template <class M>
void readInto(const driver::Cursor& row, std::size_t column, void* member) {
    CodecFor<M>::read(row, column, *static_cast<M*>(member));
}
template <class M>
driver::Param writeFrom(const void* member) {
    return CodecFor<M>::write(*static_cast<const M*>(member));
}
template <class M>
driver::Param produceFrom(void (*fn)()) {
    using V = typename Unoptional<M>::type;
    return CodecFor<V>::write(reinterpret_cast<V (*)()>(fn)());
}
template <class M>
bool isUnsetMember(const void* member) {
    return !static_cast<const M*>(member)->isSet();
}
using UnsetCheck = bool (*)(const void*);
template <class M>
inline constexpr UnsetCheck unsetCheckOf = nullptr;
template <class T>
inline constexpr UnsetCheck unsetCheckOf<Defaulted<T>> = &isUnsetMember<Defaulted<T>>;
// The enum names of a member's value type (an array's element type too), or null.
template <class V>
struct EnumElement {
    using type = V;
};
template <class T, class A>
struct EnumElement<std::vector<T, A>> {
    using type = typename EnumElement<typename Unoptional<T>::type>::type;
};
template <class M>
constexpr std::span<const std::string_view> (*enumNamesFor())() {
    using E = typename EnumElement<typename Unoptional<M>::type>::type;
    if constexpr (EnumLike<E>) return &enumNamesOf<E>;
    else return nullptr;
}
template <class M>
inline constexpr Codec codecOf{&readInto<M>,
                               &writeFrom<M>,
                               &produceFrom<M>,
                               &valueTag<typename Unoptional<M>::type>,
                               &readInto<typename Unoptional<M>::type>,
                               &writeFrom<typename Unoptional<M>::type>,
                               unsetCheckOf<M>,
                               enumNamesFor<M>(),
                               nullptr};

// ---- column codecs: where the SQL type, not the member alone, decides the encoding ----------
// `Policy` reads and writes the member's value type (static read(row, c, V&) and write(const V&));
// NULL and std::optional are handled here.
template <class M, class Policy>
struct ColumnCodec {
    using V = typename Unoptional<M>::type;
    static void read(const driver::Cursor& row, std::size_t c, void* member) {
        readMember(row, c, *static_cast<M*>(member), [](const driver::Cursor& r, std::size_t i, V& out) { Policy::read(r, i, out); });
    }
    static driver::Param write(const void* member) {
        return writeMember(*static_cast<const M*>(member), [](const V& value) { return Policy::write(value); });
    }
    static driver::Param produce(void (*fn)()) { return Policy::write(reinterpret_cast<V (*)()>(fn)()); }
    static void readValue(const driver::Cursor& row, std::size_t c, void* value) { Policy::read(row, c, *static_cast<V*>(value)); }
    static driver::Param writeValue(const void* value) { return Policy::write(*static_cast<const V*>(value)); }
    static driver::Param rebind(const driver::Param& value) {
        if (std::holds_alternative<std::nullptr_t>(value)) return nullptr;
        V v{};
        CodecFor<V>::read(ParamCursor(value), 0, v);
        return Policy::write(v);
    }
};
template <class M, class Policy>
inline constexpr Codec columnCodecOf{&ColumnCodec<M, Policy>::read,
                                     &ColumnCodec<M, Policy>::write,
                                     &ColumnCodec<M, Policy>::produce,
                                     &valueTag<typename ColumnCodec<M, Policy>::V>,
                                     &ColumnCodec<M, Policy>::readValue,
                                     &ColumnCodec<M, Policy>::writeValue,
                                     unsetCheckOf<M>,
                                     enumNamesFor<M>(),
                                     &ColumnCodec<M, Policy>::rebind};

// The codec a column declaration records (schema/column.hpp). The schema exporter is compiled
// with DRIZZLE_SCHEMA_ONLY: it reads declarations, never rows, so its columns carry no codec and
// compiling a schema instantiates no read or write function (a third of a small schema's compile).
#ifdef DRIZZLE_SCHEMA_ONLY
template <class M, class Policy = void>
inline constexpr const Codec* columnCodecPtr = nullptr;
#else
template <class M, class Policy = void>
inline constexpr const Codec* columnCodecPtr = &columnCodecOf<M, Policy>;
template <class M>
inline constexpr const Codec* columnCodecPtr<M, void> = &codecOf<M>;
#endif

// A std::string member of a binary column (bytea, blob, binary, varbinary) holds raw bytes.
struct AsBytes {
    static void read(const driver::Cursor& row, std::size_t c, std::string& out) { out.assign(row.bytes(c)); }
    static driver::Param write(const std::string& value) { return driver::Bytes{value}; }
};

}  // namespace drizzle::detail

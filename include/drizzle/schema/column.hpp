// Column builders: the typed front end of a column declaration.
//
// A dialect's column function (`pg::integer("id", &User::id)`) checks the member's C++ type
// against the column's SQL type, then returns a `ColumnBuilder<M, NotNull>` whose modifiers
// mirror Drizzle's (`notNull()`, `primaryKey()`, `default_()`, `references()`, ...). The only
// compile-time state is the member type and whether the column is NOT NULL, so that:
//   - a nullable column needs a `std::optional` member, and a NOT NULL one a plain member;
//   - a default must be a value the member could hold;
//   - a foreign key must point at a column of the same value type.
// Everything else is run-time data in a `ColumnSpec`, so a large schema compiles quickly.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "drizzle/query/codec.hpp"
#include "drizzle/schema/spec.hpp"

namespace drizzle {
namespace detail {

template <class M>
struct OptionalTraits {
    static constexpr bool value = false;
    using type = M;
};
template <class T>
struct OptionalTraits<std::optional<T>> {
    static constexpr bool value = true;
    using type = T;
};
template <class M>
inline constexpr bool isOptional = OptionalTraits<M>::value;
template <class M>
using ValueOf = typename OptionalTraits<M>::type;  // the member type without std::optional

// How many std::vector levels wrap a value the predicate `Accepts` takes (-1: none does).
// Checked from the outside in, so a bytea member `std::vector<std::uint8_t>` is a scalar and
// `std::vector<std::vector<std::uint8_t>>` a bytea[] column.
template <template <class> class Accepts, class V>
struct ArrayDepth {
    static constexpr int value = Accepts<V>::value ? 0 : -1;
};
template <template <class> class Accepts, class E, class A>
struct ArrayDepth<Accepts, std::vector<E, A>> {
    static constexpr int inner = ArrayDepth<Accepts, E>::value;
    static constexpr int value = Accepts<std::vector<E, A>>::value ? 0 : (inner < 0 ? -1 : inner + 1);
};
// An array whose elements may be NULL: std::vector<std::optional<T>>.
template <template <class> class Accepts, class E, class A>
struct ArrayDepth<Accepts, std::vector<std::optional<E>, A>> {
    static constexpr int inner = ArrayDepth<Accepts, E>::value;
    static constexpr int value = inner < 0 ? -1 : inner + 1;
};

// Predicates over a value type, shared by the dialects.
template <std::size_t Bytes>
struct IntegerOf {
    template <class V>
    struct test : std::bool_constant<std::is_integral_v<V> && !std::is_same_v<V, bool> &&
                                     sizeof(V) == Bytes> {};
};
template <class V>
struct IsString : std::is_same<V, std::string> {};
template <class V>
struct IsBool : std::is_same<V, bool> {};
template <class V>
struct IsFloat : std::is_same<V, float> {};
template <class V>
struct IsDouble : std::is_same<V, double> {};
template <class V>
struct IsStringOrDouble : std::bool_constant<IsString<V>::value || IsDouble<V>::value> {};
template <class V>
struct IsBytes
    : std::bool_constant<std::is_same_v<V, std::vector<unsigned char>> ||
                         std::is_same_v<V, std::vector<std::byte>> || std::is_same_v<V, std::string>> {};
template <class V>
struct IsAnything : std::true_type {};

template <class M, bool NotNull>
class ColumnBuilder;

template <class M, template <class> class Accepts>
inline constexpr int arrayDepthOf = ArrayDepth<Accepts, ValueOf<M>>::value;

template <class M, bool NotNull, class T>
DRIZZLE_ALWAYS_INLINE ColumnBuilder<M, NotNull> makeColumn(const char* name, const char* kind, M T::*member,
                                                    int dimensions = 0) {
    ColumnSpec* spec = newColumn(name, kind, memberRef(member), dimensions, NotNull);
    spec->codec = &codecOf<M>;
    return ColumnBuilder<M, NotNull>{spec};
}

// A literal default the member could hold and a snapshot can record: a bool for a bool member,
// an integer for an integer member, any number for a floating-point member, text for a string.
template <class V, class M>
inline constexpr bool isDefaultFor = [] {
    using D = std::decay_t<V>;
    using T = ValueOf<M>;
    if constexpr (std::is_same_v<T, bool>) return std::is_same_v<D, bool>;
    else if constexpr (std::is_integral_v<T>) return std::is_integral_v<D> && !std::is_same_v<D, bool>;
    else if constexpr (std::is_floating_point_v<T>) return std::is_arithmetic_v<D> && !std::is_same_v<D, bool>;
    else if constexpr (std::is_same_v<T, std::string>) return std::is_convertible_v<const V&, std::string_view>;
    else return false;
}();

template <class From, class To>
inline constexpr bool sameValueType = std::is_same_v<ValueOf<From>, ValueOf<To>>;

}  // namespace detail

struct ReferenceOptions {
    std::string_view onDelete{};  // drizzle::cascade, drizzle::setNull, ...
    std::string_view onUpdate{};
};

struct UniqueOptions {
    bool nullsNotDistinct = false;  // PostgreSQL 15+: NULLS NOT DISTINCT
};

namespace detail {

// Modifiers fill the spec in place and return the same builder (re-typed when they make the
// column NOT NULL), so a chain of them copies nothing but a pointer.
template <class M, bool NotNull>
class ColumnBuilder {
public:
    ColumnSpec* spec;

    // NOT NULL. The member must be a plain (non-optional) type.
    ColumnBuilder<M, true> notNull() const {
        static_assert(!isOptional<M>,
                      ".notNull(): the member is std::optional, so the column would be nullable. "
                      "Make the member a plain type, or drop .notNull().");
        return rebind<true>();
    }

    // PRIMARY KEY (implies NOT NULL, so the member must not be std::optional).
    ColumnBuilder<M, true> primaryKey() const {
        static_assert(!isOptional<M>,
                      ".primaryKey(): a primary key column is NOT NULL, so its member cannot be "
                      "std::optional.");
        spec->primaryKey = true;
        return rebind<true>();
    }

    // SQLite `primaryKey({autoIncrement: true})`; MySQL `.autoincrement()`.
    ColumnBuilder autoincrement() const {
        spec->autoincrement = true;
        return *this;
    }

    ColumnBuilder unique(std::string_view constraintName = {}, UniqueOptions options = {}) const {
        spec->unique = true;
        spec->uniqueName = constraintName;
        spec->nullsNotDistinct = options.nullsNotDistinct;
        return *this;
    }

    // A literal default; the value must be one the member could hold.
    template <class V>
    ColumnBuilder default_(const V& value) const {
        using D = std::decay_t<V>;
        if constexpr (std::is_same_v<D, Sql>) {
            spec->defaultValue.kind = DefaultSpec::Kind::sql;
            spec->defaultValue.text = value.text;
        } else {
            static_assert(isDefaultFor<V, M>,
                          ".default_(value): the value's type does not match the column's member "
                          "(a bool for bool, an integer for integers, a number for floating point, "
                          "text for strings). For anything else write the SQL: "
                          "drizzle::sql(\"...\").");
            if constexpr (std::is_same_v<D, bool>) {
                spec->defaultValue.kind = DefaultSpec::Kind::boolean;
                spec->defaultValue.boolean = value;
            } else if constexpr (std::is_integral_v<D>) {
                spec->defaultValue.kind = DefaultSpec::Kind::integer;
                spec->defaultValue.integer = static_cast<std::int64_t>(value);
            } else if constexpr (std::is_floating_point_v<D>) {
                spec->defaultValue.kind = DefaultSpec::Kind::floating;
                spec->defaultValue.floating = static_cast<double>(value);
            } else {
                spec->defaultValue.kind = DefaultSpec::Kind::string;
                spec->defaultValue.text = std::string_view(value);
            }
        }
        return *this;
    }

    // DEFAULT now() / CURRENT_TIMESTAMP, as the dialect spells it.
    ColumnBuilder defaultNow() const {
        spec->defaultValue.kind = DefaultSpec::Kind::now;
        return *this;
    }

    // PostgreSQL uuid: DEFAULT gen_random_uuid().
    ColumnBuilder defaultRandom() const {
        spec->defaultValue.kind = DefaultSpec::Kind::random;
        return *this;
    }

    // App-side default and on-update values: computed by the ORM, not stored in the schema.
    ColumnBuilder defaultFn(ValueOf<M> (*fn)()) const {
        spec->defaultFn = reinterpret_cast<void (*)()>(fn);
        return *this;
    }
    ColumnBuilder onUpdateFn(ValueOf<M> (*fn)()) const {
        spec->onUpdateFn = reinterpret_cast<void (*)()>(fn);
        return *this;
    }

    // MySQL: ON UPDATE CURRENT_TIMESTAMP.
    ColumnBuilder onUpdateNow() const {
        spec->onUpdateNow = true;
        return *this;
    }

    // GENERATED ALWAYS AS (expr); `type` is "stored" or (SQLite, MySQL) "virtual". Left out, it
    // is the dialect's default as Drizzle's: "stored" on PostgreSQL, "virtual" elsewhere.
    ColumnBuilder generatedAlwaysAs(Sql expression, std::string_view type = {}) const {
        spec->generatedAs = expression.text;
        spec->generatedType = type;
        return *this;
    }

    // PostgreSQL identity columns (NOT NULL by definition).
    ColumnBuilder<M, true> generatedAlwaysAsIdentity(SequenceOptions options = {},
                                                     std::string_view sequenceName = {}) const {
        return identity(IdentitySpec::Kind::always, options, sequenceName);
    }
    ColumnBuilder<M, true> generatedByDefaultAsIdentity(SequenceOptions options = {},
                                                        std::string_view sequenceName = {}) const {
        return identity(IdentitySpec::Kind::byDefault, options, sequenceName);
    }

    // A single-column foreign key to `target`, which must hold the same value type.
    template <class T2, class M2>
    DRIZZLE_INLINE ColumnBuilder references(M2 T2::*target, ReferenceOptions options = {}) const {
        static_assert(sameValueType<M, M2>,
                      ".references(target): the referenced column's member has a different "
                      "value type; a foreign key must match the type of the column it references.");
        setReference(spec, memberRef(target), options.onDelete, options.onUpdate);
        return *this;
    }

    // Where the column lands in a table's column list. Nullability is checked here, once the
    // modifiers are known.
    operator ColumnRef() const {  // NOLINT(google-explicit-constructor): the DSL relies on it
        static_assert(isOptional<M> || NotNull,
                      "the column is nullable but its member is not std::optional: add .notNull() "
                      "(or .primaryKey()), or make the member std::optional<...>.");
        return ColumnRef{spec};
    }

private:
    template <bool N>
    ColumnBuilder<M, N> rebind() const {
        spec->notNull = N;
        return ColumnBuilder<M, N>{spec};
    }
    ColumnBuilder<M, true> identity(IdentitySpec::Kind kind, SequenceOptions options,
                                    std::string_view sequenceName) const {
        static_assert(!isOptional<M>,
                      "identity columns are NOT NULL, so the member cannot be std::optional.");
        spec->identity.kind = kind;
        spec->identity.options = options;
        spec->identity.name = sequenceName;
        return rebind<true>();
    }
};

}  // namespace detail
}  // namespace drizzle

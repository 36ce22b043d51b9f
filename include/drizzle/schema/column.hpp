// Column builders: the typed front end of a column declaration.
//
// A dialect's column function takes the row struct's member as a template argument and the SQL
// column name (`pg::integer<&User::id>("id")`), checks the member's C++ type against the
// column's SQL type, and returns a `ColumnBuilder<M, NotNull>` whose modifiers mirror Drizzle's
// (`notNull()`, `primaryKey()`, `default_()`, `references<&T::m>()`, ...). The only
// compile-time state is the member type and whether the column is NOT NULL, so that:
//   - a nullable column needs a `std::optional` member, and a NOT NULL one a plain member;
//   - a default must be a value the member could hold;
//   - a foreign key must point at a column of the same value type.
// The builder holds its `ColumnDecl` by value and every step is constexpr; the conversion into
// a table's column list is consteval, so the compiler evaluates the whole chain and a column
// costs the program constant data rather than code (schema/spec.hpp).
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
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
// A Defaulted member is what it wraps: Defaulted<std::optional<T>> is a nullable T column.
template <class T>
struct OptionalTraits<Defaulted<T>> : OptionalTraits<T> {};
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
// What a text or enum column holds: a std::string, or a C++ enum with its SQL values (EnumLike).
template <class V>
struct IsText : std::bool_constant<std::is_same_v<V, std::string> || EnumLike<V>> {};
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

template <class M, bool NotNull, bool Constant = true>
class ColumnBuilder;

template <class M, template <class> class Accepts>
inline constexpr int arrayDepthOf = ArrayDepth<Accepts, ValueOf<M>>::value;

template <class M, bool NotNull>
constexpr ColumnBuilder<M, NotNull> makeColumn(const char* name, const char* kind, MemberRef member,
                                               int dimensions = 0) {
    ColumnBuilder<M, NotNull> b{};
    b.decl.name = name;
    b.decl.kind = kind;
    b.decl.owner = member.owner;
    b.decl.member = member.constant;
    b.decl.codec = columnCodecPtr<M>;
    b.decl.dimensions = static_cast<std::uint8_t>(dimensions);
    if (NotNull) b.decl.flags = ColumnDecl::notNull;
    return b;
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
    ReferentialAction onDelete{};  // drizzle::cascade, drizzle::setNull, ...
    ReferentialAction onUpdate{};
};

struct UniqueOptions {
    bool nullsNotDistinct = false;  // PostgreSQL 15+: NULLS NOT DISTINCT
};

namespace detail {

// Each modifier returns a modified copy (re-typed when it makes the column NOT NULL). A builder
// is `Constant` unless it holds something only the declaring full-expression keeps alive (a
// list of enum values); a constant one converts to a column only at compile time.
template <class M, bool NotNull, bool Constant>
class ColumnBuilder {
public:
    ColumnDecl decl;

    // NOT NULL. The member must be a plain (non-optional) type.
    constexpr ColumnBuilder<M, true, Constant> notNull() const {
        static_assert(!isOptional<M>,
                      ".notNull(): the member is std::optional, so the column would be nullable. "
                      "Make the member a plain type, or drop .notNull().");
        return rebind<true>();
    }

    // PRIMARY KEY (implies NOT NULL, so the member must not be std::optional).
    constexpr ColumnBuilder<M, true, Constant> primaryKey() const {
        static_assert(!isOptional<M>,
                      ".primaryKey(): a primary key column is NOT NULL, so its member cannot be "
                      "std::optional.");
        auto b = rebind<true>();
        b.decl.set(ColumnDecl::primaryKey);
        return b;
    }

    // SQLite `primaryKey({autoIncrement: true})`; MySQL `.autoincrement()`.
    constexpr ColumnBuilder&& autoincrement() && {
        decl.set(ColumnDecl::autoincrement);
        return std::move(*this);
    }

    constexpr ColumnBuilder&& unique(std::string_view constraintName = {}, UniqueOptions options = {}) && {
        decl.set(ColumnDecl::unique);
        decl.uniqueName = constraintName;
        decl.set(ColumnDecl::nullsNotDistinct, options.nullsNotDistinct);
        return std::move(*this);
    }

    // A literal default; the value must be one the member could hold.
    // The union is assigned whole ({.member = v}): clang 14 refuses, in a constant expression,
    // an assignment that switches a union's active member to one of class type.
    template <class V>
    constexpr ColumnBuilder&& default_(const V& value) && {
        using D = std::decay_t<V>;
        if constexpr (std::is_same_v<D, JsonValue>) {
            static_assert(std::is_same_v<ValueOf<M>, std::string> || JsonLike<ValueOf<M>>,
                          ".default_(drizzle::jsonValue(...)): a JSON default needs a JSON column "
                          "(a std::string or nlohmann::json member)");
            decl.defaultKind = DefaultSpec::Kind::json;
            decl.defaultValue = {.text = value.text};
        } else if constexpr (std::is_same_v<D, Sql>) {
            // A default cannot name a column (the database refuses it), so the text is all there is.
            if (value.columnCount != 0) columnInDefault();
            decl.defaultKind = DefaultSpec::Kind::sql;
            decl.defaultValue = {.text = value.text};
        } else {
            static_assert(isDefaultFor<V, M>,
                          ".default_(value): the value's type does not match the column's member "
                          "(a bool for bool, an integer for integers, a number for floating point, "
                          "text for strings). For anything else write the SQL: "
                          "drizzle::sql(\"...\").");
            if constexpr (std::is_same_v<D, bool>) {
                decl.defaultKind = DefaultSpec::Kind::boolean;
                decl.defaultValue = {.boolean = value};
            } else if constexpr (std::is_integral_v<D>) {
                decl.defaultKind = DefaultSpec::Kind::integer;
                decl.defaultValue = {.integer = static_cast<std::int64_t>(value)};
            } else if constexpr (std::is_floating_point_v<D>) {
                decl.defaultKind = DefaultSpec::Kind::floating;
                decl.defaultValue = {.floating = static_cast<double>(value)};
            } else {
                decl.defaultKind = DefaultSpec::Kind::string;
                decl.defaultValue = {.text = std::string_view(value)};
            }
        }
        return std::move(*this);
    }

    // DEFAULT now() / CURRENT_TIMESTAMP, as the dialect spells it.
    constexpr ColumnBuilder&& defaultNow() && {
        decl.defaultKind = DefaultSpec::Kind::now;
        return std::move(*this);
    }

    // PostgreSQL uuid: DEFAULT gen_random_uuid().
    constexpr ColumnBuilder&& defaultRandom() && {
        decl.defaultKind = DefaultSpec::Kind::random;
        return std::move(*this);
    }

    // App-side default and on-update values, computed by the ORM, not stored in the schema:
    // `.defaultFn<&newSlug>()` with `std::string newSlug()` (Drizzle's `$defaultFn`).
    template <ValueOf<M> (*Fn)()>
    constexpr ColumnBuilder&& defaultFn() && {
        decl.defaultFn = &constantOf<Fn>;
        return std::move(*this);
    }
    template <ValueOf<M> (*Fn)()>
    constexpr ColumnBuilder&& onUpdateFn() && {
        decl.onUpdateFn = &constantOf<Fn>;
        return std::move(*this);
    }

    // MySQL: ON UPDATE CURRENT_TIMESTAMP.
    constexpr ColumnBuilder&& onUpdateNow() && {
        decl.set(ColumnDecl::onUpdateNow);
        return std::move(*this);
    }

    // GENERATED ALWAYS AS (expr); `type` is "stored" or (SQLite, MySQL) "virtual". Left out, it
    // is the dialect's default as Drizzle's: "stored" on PostgreSQL, "virtual" elsewhere.
    constexpr ColumnBuilder&& generatedAlwaysAs(Sql expression, GeneratedStorage type = {}) && {
        if (decl.rareKind == ColumnDecl::Rare::identity) identityAndGeneratedExcludeEachOther();
        decl.rareKind = ColumnDecl::Rare::generated;
        decl.rare = {.generated = {expression, type.text()}};
        return std::move(*this);
    }

    // PostgreSQL identity columns (NOT NULL by definition).
    constexpr ColumnBuilder<M, true, Constant> generatedAlwaysAsIdentity(SequenceOptions options = {},
                                                                         std::string_view sequenceName = {}) const {
        return identity(IdentitySpec::Kind::always, options, sequenceName);
    }
    constexpr ColumnBuilder<M, true, Constant> generatedByDefaultAsIdentity(SequenceOptions options = {},
                                                                            std::string_view sequenceName = {}) const {
        return identity(IdentitySpec::Kind::byDefault, options, sequenceName);
    }

    // A single-column foreign key to `Target`, which must hold the same value type:
    // `.references<&User::id>({.onDelete = drizzle::cascade})`.
    template <auto Target>
    constexpr ColumnBuilder&& references(ReferenceOptions options = {}) && {
        static_assert(sameValueType<M, MemberType<Target>>,
                      ".references<target>(): the referenced column's member has a different "
                      "value type; a foreign key must match the type of the column it references.");
        decl.referenceOwner = &typeTag<OwnerType<Target>>;
        decl.reference = &constantOf<Target>;
        decl.onDelete = options.onDelete;
        decl.onUpdate = options.onUpdate;
        return std::move(*this);
    }

    // Where the column lands in a table's column list. Nullability is checked here, once the
    // modifiers are known. Consteval, so the compiler evaluates the declaration (spec.hpp).
    consteval operator ColumnDecl() const  // NOLINT(google-explicit-constructor): the DSL relies on it
        requires Constant
    {
        static_assert(isOptional<M> || NotNull,
                      "the column is nullable but its member is not std::optional: add .notNull() "
                      "(or .primaryKey()), or make the member std::optional<...>.");
        return decl;
    }
    constexpr operator ColumnDecl() const  // NOLINT(google-explicit-constructor)
        requires(!Constant)
    {
        static_assert(isOptional<M> || NotNull,
                      "the column is nullable but its member is not std::optional: add .notNull() "
                      "(or .primaryKey()), or make the member std::optional<...>.");
        return decl;
    }

    // The values a text column may hold (Drizzle's `{ enum: [...] }` on text, varchar and char),
    // recorded as declared; the column is then registered at run time (the list is a temporary).
    constexpr ColumnBuilder<M, NotNull, false> enumValues(std::initializer_list<const char*> values) const {
        ColumnBuilder<M, NotNull, false> b = atRunTime();
        b.decl.values = values.begin();
        b.decl.valueCount = values.size();
        return b;
    }

    // The same column, no longer constant (it now points at values only the declaring
    // full-expression keeps alive).
    constexpr ColumnBuilder<M, NotNull, false> atRunTime() const { return {decl}; }

private:
    template <bool N>
    constexpr ColumnBuilder<M, N, Constant> rebind() const {
        ColumnBuilder<M, N, Constant> b{decl};
        b.decl.set(ColumnDecl::notNull, N);
        return b;
    }
    constexpr ColumnBuilder<M, true, Constant> identity(IdentitySpec::Kind kind, SequenceOptions options,
                                                        std::string_view sequenceName) const {
        static_assert(!isOptional<M>,
                      "identity columns are NOT NULL, so the member cannot be std::optional.");
        auto b = rebind<true>();
        if (b.decl.rareKind == ColumnDecl::Rare::generated) identityAndGeneratedExcludeEachOther();
        b.decl.rareKind = ColumnDecl::Rare::identity;
        b.decl.rare = {.identity = {kind, sequenceName, options}};
        return b;
    }
};

}  // namespace detail
}  // namespace drizzle

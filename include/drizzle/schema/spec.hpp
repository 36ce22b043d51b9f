// The plain data a schema declaration lowers into, before it is registered.
//
// Compile time is a product figure (a schema header is compiled into every program that uses
// it), so a column declaration compiles to constant data, not code: a column's member is a
// template argument (`pg::integer<&User::id>("id")`), its builder is evaluated by the compiler,
// and a table's column list is an array the compiler emits as data, which the table's one
// registration call copies (bench/schema_compile measures it). What a constant cannot hold is
// resolved at registration: a member pointer's offset (`MemberRef::constant` points at the
// pointer) and an app-side default's function. Table constraints (indexes, keys, checks) are
// constant data the same way (ConstraintDecl). Declarations hold string_views into the
// declaration's literals; registration copies the strings.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <optional>
#include <string_view>

#include "drizzle/dialect.hpp"

// Column functions are constexpr and emit nothing; the run-time part of a declaration (the
// table's registration, its indexes and constraints) is instantiated once per table, so how
// many functions the compiler emits for it is what a large schema costs (bench/schema_compile):
// - DRIZZLE_INLINE marks what a declaration calls directly (`pg::pgTable`, `index().on`, ...):
//   a plain inline function, since forcing those into the caller grows the one function GCC
//   emits for all of a file's static initialisers, which it compiles in superlinear time;
// - DRIZZLE_ALWAYS_INLINE marks the helpers those call (member pointer to MemberRef, ...), so
//   that each declaration function is one emitted function rather than a chain of them.
#define DRIZZLE_INLINE inline
#if defined(__GNUC__)
#define DRIZZLE_ALWAYS_INLINE [[gnu::always_inline]] inline
#else
#define DRIZZLE_ALWAYS_INLINE inline
#endif

namespace drizzle {

namespace detail {
// A member in a declaration's constant data: its struct's typeTag, and where its member pointer
// is stored (registration reads the offset there).
struct KeyDecl {
    const void* owner = nullptr;
    const void* member = nullptr;
};
// Declaring a referential action other than Drizzle's five; at compile time, the call the
// compiler cannot evaluate names the mistake.
void unknownReferentialAction(std::string_view text);
void unknownGeneratedStorage(std::string_view text);
void unknownIntervalFields(std::string_view text);
void unknownColumnMode(std::string_view text);
}  // namespace detail

// The vocabulary every dialect shares (sql, index, check, cascade, ...) lives in this inline
// namespace, so each dialect namespace takes it whole with one using-directive: `pg::index`,
// `sqlite::cascade` and `drizzle::sql` all name the same thing.
inline namespace dsl {

// A raw SQL fragment: a default, a generated expression, an index expression, a check. With
// columns (`drizzle::sql<&User::handle>("lower(?)")`, schema/table.hpp), each `?` stands for the
// next one, printed as Drizzle Kit prints a column in that place: `"handle"` in an index
// expression and a SQLite generated column, `"users"."handle"` in a check, a partial index's
// `where`, a policy and other generated columns, `"billing"."users"."handle"` for a table in a
// pgSchema.
struct Sql {
    std::string_view text;
    const detail::KeyDecl* columns = nullptr;
    // A full word: with tail padding clang 14 lays Sql out as a packed struct, and then stores the
    // fields that follow it in a ConstraintDecl one field off when it builds a list at run time.
    std::size_t columnCount = 0;
};
constexpr Sql sql(std::string_view text) { return Sql{text}; }

// A JSON default, as Drizzle's `.default({ theme: "dark" })`: any JSON text, which drizzle-kit
// writes as JavaScript's JSON.stringify writes that value (`{"theme":"dark"}`), so the snapshot
// matches Drizzle Kit's however the text is spaced. `.default_(drizzle::jsonValue(R"({...})"))`.
struct JsonValue {
    std::string_view text;
};
constexpr JsonValue jsonValue(std::string_view text) { return JsonValue{text}; }

// A foreign key's ON DELETE / ON UPDATE action: drizzle::cascade, ..., or Drizzle's text
// ("cascade", "restrict", "no action", "set null", "set default"); other text does not compile.
// A one-byte code, so that a declaration stays small constant data.
class ReferentialAction {
public:
    static constexpr std::string_view names[] = {"", "cascade", "restrict", "no action", "set null", "set default"};
    constexpr ReferentialAction() = default;
    constexpr ReferentialAction(std::string_view text) : code(codeOf(text)) {}  // NOLINT(google-explicit-constructor)
    constexpr ReferentialAction(const char* text) : code(codeOf(text)) {}       // NOLINT(google-explicit-constructor)
    constexpr std::string_view text() const { return names[code]; }
    std::uint8_t code = 0;

private:
    static constexpr std::uint8_t codeOf(std::string_view text) {
        for (std::uint8_t i = 1; i < std::size(names); ++i)
            if (names[i] == text) return i;
        detail::unknownReferentialAction(text);
        return 0;
    }
};

// A word of a closed vocabulary, as Drizzle spells it, or empty (the default): any other text
// does not compile in a declaration (the call the compiler cannot evaluate, `Words::unknown`,
// names the mistake), and throws when a declaration is built at run time.
template <class Words>
class Choice {
public:
    constexpr Choice() = default;
    constexpr Choice(std::string_view text) : text_(check(text)) {}  // NOLINT(google-explicit-constructor)
    constexpr Choice(const char* text) : text_(check(text)) {}       // NOLINT(google-explicit-constructor)
    constexpr std::string_view text() const { return text_; }
    constexpr bool empty() const { return text_.empty(); }

private:
    static constexpr std::string_view check(std::string_view text) {
        if (text.empty()) return text;
        for (std::string_view word : Words::words)
            if (word == text) return text;
        Words::unknown(text);
        return text;
    }
    std::string_view text_;
};

// How a generated column is kept: "stored" or "virtual" (SQLite, MySQL), or left to the
// dialect's default (stored on PostgreSQL, virtual elsewhere, as Drizzle's).
struct GeneratedStorageWords {
    static constexpr std::string_view words[] = {"stored", "virtual"};
    static constexpr void (*unknown)(std::string_view) = &detail::unknownGeneratedStorage;
};
using GeneratedStorage = Choice<GeneratedStorageWords>;

// Referential actions, spelled as Drizzle spells them.
inline constexpr ReferentialAction cascade{"cascade"};
inline constexpr ReferentialAction restrict{"restrict"};
inline constexpr ReferentialAction noAction{"no action"};
inline constexpr ReferentialAction setNull{"set null"};
inline constexpr ReferentialAction setDefault{"set default"};

}  // namespace dsl

namespace detail {

template <class T>
inline constexpr char typeTag = 0;  // its address identifies T at run time

// A data member identified at run time: which struct, and where in it. A column declaration
// cannot compute the offset at compile time, so it records where its member pointer is stored
// (`constant`), and registration reads the offset from there.
struct MemberRef {
    const void* owner = nullptr;
    std::ptrdiff_t offset = -1;
    const void* constant = nullptr;
    constexpr bool valid() const { return owner != nullptr; }
};

// The type a member pointer constant points into, and the member's type.
template <class P>
struct MemberPointerTraits;
template <class T, class M>
struct MemberPointerTraits<M T::*> {
    using Owner = T;
    using Member = M;
};
template <auto P>
using MemberType = typename MemberPointerTraits<decltype(P)>::Member;
template <auto P>
using OwnerType = typename MemberPointerTraits<decltype(P)>::Owner;

// A constant with static storage, so a constant-evaluated declaration can point at it.
template <auto V>
inline constexpr auto constantOf = V;

// The MemberRef of a member pointer given as a template argument, as a constant expression
// (library-internal: spelled as a macro so a column costs no extra template instantiation).
#define DRIZZLE_MEMBER(P)                                                                                   \
    ::drizzle::detail::MemberRef {                                                                         \
        &::drizzle::detail::typeTag<::drizzle::detail::OwnerType<P>>, -1, &::drizzle::detail::constantOf<P> \
    }

template <class T, class M>
DRIZZLE_ALWAYS_INLINE MemberRef memberRef(M T::*member) {
    // Itanium C++ ABI (GCC, Clang): a data member pointer is the member's byte offset.
    static_assert(sizeof(member) == sizeof(std::ptrdiff_t), "unsupported member pointer layout");
    std::ptrdiff_t offset;
    std::memcpy(&offset, &member, sizeof offset);
    return MemberRef{&typeTag<T>, offset};
}

// Where a declaration is written (for messages). As a defaulted last parameter, DRIZZLE_HERE is
// the caller's file and line; the builtins (not std::source_location) work with clang 14 too.
struct Site {
    const char* file = nullptr;
    unsigned line = 0;
};
#define DRIZZLE_HERE ::drizzle::detail::Site{__builtin_FILE(), __builtin_LINE()}

struct DefaultSpec {
    enum class Kind : std::uint8_t { none, sql, integer, floating, boolean, string, now, random, json };
    Kind kind = Kind::none;
    bool boolean = false;
    std::int64_t integer = 0;
    double floating = 0;
    std::string_view text;  // sql, string, and json (as JSON.stringify writes it)
};

struct SequenceOptions {
    std::optional<std::int64_t> increment{}, minValue{}, maxValue{}, startWith{}, cache{};
    bool cycle = false;
};

struct IdentitySpec {
    enum class Kind : std::uint8_t { none, always, byDefault };
    Kind kind = Kind::none;
    std::string_view name;  // sequence name; Drizzle's default is <table>_<column>_seq
    SequenceOptions options;
};

// What a column's SQL type is made of; each dialect formats it as Drizzle Kit spells it.
struct TypeArgs {
    std::int32_t length = -1;     // varchar(n), char(n), binary(n), vector(n), text length
    std::int32_t precision = -1;  // numeric(p,s), time(p), timestamp(p), mysql fsp, float(p)
    std::int32_t scale = -1;
    std::int32_t srid = -1;       // geometry
    bool withTimezone = false;
    bool isUnsigned = false;
    std::uint8_t dimensions = 0;  // PostgreSQL array dimensions
    std::string_view mode;        // sqlite integer/blob/text modes; mysql/pg modes
    std::string_view subtype;     // interval fields, geometry type
    const char* const* values = nullptr;  // text/varchar enum values, mysqlEnum values
    std::size_t valueCount = 0;
};

struct ReferenceSpec {
    MemberRef target;
    std::string_view onDelete, onUpdate;  // "cascade", "restrict", "no action", "set null", "set default"
};

struct Codec;  // query/codec.hpp

// What a pg enum object is to the registry: its registered definition. A column declaration
// points at the enum object (a constant address) and registration reads the definition.
struct EnumHandle {
    const void* def = nullptr;
};

struct ColumnSpec {
    std::string_view name;
    std::string_view kind;  // the declaring function: "varchar", "timestamp", "custom", ...
    std::string_view customSqlType;  // for customType, and the enum name for enum columns
    const void* enumDef = nullptr;   // the registered enum this column draws from
    TypeArgs args;
    MemberRef member;
    bool notNull = false;
    bool primaryKey = false;
    bool unique = false;
    bool nullsNotDistinct = false;
    bool autoincrement = false;
    bool onUpdateNow = false;
    std::string_view uniqueName;
    DefaultSpec defaultValue;
    std::string_view generatedAs;
    std::string_view generatedType;  // "stored" | "virtual"
    IdentitySpec identity;
    ReferenceSpec reference;
    // App-side default and on-update functions, as `M (*)()`.
    void (*defaultFn)() = nullptr;
    void (*onUpdateFn)() = nullptr;
    const Codec* codec = nullptr;    // reads and binds the member (query/codec.hpp)
};


// A column declaration as the compiler evaluates it: what a column builder holds and a table's
// column list is made of. Every field is work for the constant evaluator and bytes in the
// program, 8,000 times over in a 1,000-table schema, so it is flat and small: the fields most
// columns use, with the two rare groups (an identity's sequence, a generated expression) in a
// union a column pays for only when it declares one. Registration expands it into the
// ColumnSpec the rest of the library reads (`expandColumn`, src/schema/registry.cpp).
struct ColumnDecl {
    enum Flag : std::uint16_t {
        notNull = 1 << 0,
        primaryKey = 1 << 1,
        unique = 1 << 2,
        nullsNotDistinct = 1 << 3,
        autoincrement = 1 << 4,
        onUpdateNow = 1 << 5,
        withTimezone = 1 << 6,
        isUnsigned = 1 << 7,
    };
    enum class Rare : std::uint8_t { none, identity, generated };
    struct Identity {
        IdentitySpec::Kind kind;
        std::string_view name;
        SequenceOptions options;
    };
    struct Generated {
        Sql as;
        std::string_view type;
    };

    const char* name = nullptr;
    const char* kind = nullptr;  // the declaring function: "varchar", "timestamp", "custom", ...
    const void* owner = nullptr;     // the member: typeTag of its struct, and where the member
    const void* member = nullptr;    // pointer is stored (registration reads the offset there)
    const Codec* codec = nullptr;
    std::int32_t length = -1, precision = -1, scale = -1, srid = -1;  // as TypeArgs
    std::uint16_t flags = 0;
    std::uint8_t dimensions = 0;
    DefaultSpec::Kind defaultKind = DefaultSpec::Kind::none;
    Rare rareKind = Rare::none;
    union DefaultValue {
        std::int64_t integer = 0;
        double floating;
        bool boolean;
        std::string_view text;  // sql and string
    } defaultValue;
    std::string_view mode, subtype, customSqlType, uniqueName;
    const EnumHandle* enumHandle = nullptr;
    const char* const* values = nullptr;  // text enum values (a run-time declaration only)
    std::size_t valueCount = 0;
    const void* referenceOwner = nullptr;  // a foreign key's target, as `owner` and `member`
    const void* reference = nullptr;
    ReferentialAction onDelete, onUpdate;
    const void* defaultFn = nullptr;   // where the app-side functions' pointers are stored
    const void* onUpdateFn = nullptr;
    union RareGroup {
        bool none = false;
        Identity identity;
        Generated generated;
    } rare;

    constexpr void set(Flag flag, bool on = true) {
        flags = on ? static_cast<std::uint16_t>(flags | flag) : static_cast<std::uint16_t>(flags & ~flag);
    }
    constexpr bool has(Flag flag) const { return (flags & flag) != 0; }
};

// Identity and GENERATED ALWAYS AS exclude each other (in SQL too); declaring both is reported
// here, at compile time for a constant declaration (a call the compiler cannot evaluate).
void identityAndGeneratedExcludeEachOther();
// A column's DEFAULT given as sql<&T::m>(...): the database does not allow a column there.
void columnInDefault();

inline constexpr std::size_t maxConstraintColumns = 16;

struct IndexColumnSpec {
    MemberRef member;
    std::string_view expression;  // set for expression columns
    bool desc = false;
    std::string_view nulls;  // "first" | "last" | "" (the dialect's default)
    std::string_view opclass;
};

struct ConstraintSpec {
    enum class Kind : std::uint8_t { index, uniqueIndex, primaryKey, foreignKey, unique, check, policy };
    Kind kind = Kind::index;
    std::string_view name;
    IndexColumnSpec columns[maxConstraintColumns];
    std::uint8_t columnCount = 0;
    MemberRef targets[maxConstraintColumns];  // foreign key: referenced columns
    std::uint8_t targetCount = 0;
    std::string_view onDelete, onUpdate;
    bool nullsNotDistinct = false;
    bool tableConstraint = false;  // SQLite unique: a UNIQUE constraint in CREATE TABLE, not an index
    bool concurrently = false;
    std::string_view method;     // PostgreSQL index method; MySQL `using`
    std::string_view where;      // partial index predicate; check expression
    std::string_view with;       // PostgreSQL index storage parameters, "fillfactor=70,..."
    std::string_view algorithm, lock;  // MySQL
    // policy
    std::string_view as, for_, to, using_, withCheck;  // `to`: comma-separated role names
};

// A table-level constraint as the compiler evaluates it (the extras of `pg::pgTable(name, columns,
// extras)`): constant data like a column declaration (ColumnDecl), its members identified by
// where their member pointers are stored. Registration resolves them into a ConstraintSpec.
struct IndexColumnDecl {
    KeyDecl key;      // a member, or:
    Sql expression;   // an SQL expression
    std::string_view nulls, opclass;
    bool desc = false;
    constexpr IndexColumnDecl() = default;
    constexpr explicit IndexColumnDecl(KeyDecl member) : key(member) {}
};
struct ConstraintDecl {
    ConstraintSpec::Kind kind = ConstraintSpec::Kind::index;
    std::uint8_t columnCount = 0, targetCount = 0;
    bool nullsNotDistinct = false, tableConstraint = false, concurrently = false;
    std::string_view name;
    // Index columns, or a key's columns (members only): a constant list made from the template
    // arguments (`.on<&T::a, col<&T::b>().desc()>()`), or, for index columns with an operator
    // class or an expression (`.on(sql<&T::a>("lower(?)"))`), a list the registry keeps
    // (`keepIndexColumns`).
    const IndexColumnDecl* columns = nullptr;
    const KeyDecl* targets = nullptr;                  // foreign key: the referenced columns
    ReferentialAction onDelete, onUpdate;              // foreign key
    Sql where;                                         // index; also a check's expression
    std::string_view method, with, algorithm, lock;    // index
    std::string_view as, for_, to;                     // policy
    Sql using_, withCheck;
};

// Copies index columns given as values into storage the registry owns, for the rare index whose
// columns have an order, operator class or expression; such a table registers its extras at run
// time rather than as constant data.
const IndexColumnDecl* keepIndexColumns(const IndexColumnDecl* columns, std::size_t count);

}  // namespace detail
}  // namespace drizzle

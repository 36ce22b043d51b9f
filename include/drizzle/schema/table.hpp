// Tables and table-level constraints, shared by the dialects.
//
// A table is declared once, as an inline variable in the schema header; declaring it registers
// it (with its enums, views, sequences, ...) in the process-wide schema registry, which the
// exporter turns into the schema model. Table-level constraints refer to columns by member
// pointer, so a renamed member is a compile error rather than a broken migration.
//
//   inline const auto tasks = pg::pgTable<Task>("tasks", {
//       pg::serial<&Task::id>("id").primaryKey(),
//       pg::integer<&Task::epicId>("epic_id").notNull(),
//   }, {
//       drizzle::index("tasks_epic_idx").on<&Task::epicId>(),
//       drizzle::check("epic_positive", drizzle::sql("epic_id > 0")),
//   });
//
// Like columns, the extras are constant data: the members are template arguments.
#pragma once

#include <initializer_list>
#include <string_view>

#include "drizzle/schema/column.hpp"

namespace drizzle {
namespace detail {

struct TableDef;  // owned by the registry (src/schema/registry.cpp)
struct ViewDef;

struct TableDecl {
    Dialect dialect;
    const void* owner;  // typeTag of the row struct
    std::string_view schema;
    std::string_view name;
    const ColumnDecl* columns;
    std::size_t columnCount;
    const ConstraintDecl* constraints;
    std::size_t constraintCount;
    Site site;
};

TableDef* registerTable(const TableDecl& decl);
// The same, as one call with few arguments: what each table's initialiser compiles to.
TableDef* registerTable(Dialect dialect, const void* owner, std::string_view schema, const char* name,
                        std::initializer_list<ColumnDecl> columns, std::initializer_list<ConstraintDecl> constraints,
                        Site site);
void enableRowLevelSecurity(TableDef* table);

}  // namespace detail

// A declared table whose rows are `Row`s, in dialect `D` (queries check dialect-specific clauses
// such as RETURNING against it). Cheap to copy; the definition lives in the registry.
template <class Row, Dialect D>
class Table {
public:
    using RowType = Row;
    static constexpr Dialect dialect = D;
    DRIZZLE_ALWAYS_INLINE explicit Table(detail::TableDef* def) : def_(def) {}
    // PostgreSQL: ALTER TABLE ... ENABLE ROW LEVEL SECURITY.
    Table enableRLS() const {
        detail::enableRowLevelSecurity(def_);
        return *this;
    }
    detail::TableDef* definition() const { return def_; }

private:
    detail::TableDef* def_;
};


inline namespace dsl {

// A list of columns, for the ORM's composite targets (relations, onConflictDoUpdate):
// `drizzle::cols(&T::a, &T::b)`.
template <class... Ms>
struct ColumnList {
    detail::MemberRef refs[sizeof...(Ms)];
};
template <class... Ts, class... Ms>
DRIZZLE_INLINE ColumnList<Ms...> cols(Ms Ts::*... members) {
    static_assert(sizeof...(Ms) <= detail::maxConstraintColumns, "too many columns in one list");
    return ColumnList<Ms...>{{detail::memberRef(members)...}};
}

}  // namespace dsl

namespace detail {

template <auto P>
inline constexpr KeyDecl keyOf{&typeTag<OwnerType<P>>, &constantOf<P>};
// A constant list of the members given as template arguments: what a key's columns point at.
template <auto... Ps>
inline constexpr IndexColumnDecl columnList[] = {IndexColumnDecl{keyOf<Ps>}...};
// An index's columns given as template arguments: members, or col<&T::a>().desc() keys.
template <auto C>
constexpr IndexColumnDecl indexColumnOf() {
    // A requires-expression, not std::is_member_object_pointer: no trait instantiated per index.
    if constexpr (requires { C.decl(); }) return C.decl();
    else return IndexColumnDecl{keyOf<C>};
}
template <auto... Cs>
inline constexpr IndexColumnDecl indexColumnList[] = {indexColumnOf<Cs>()...};
template <auto... Ps>
inline constexpr KeyDecl keyList[] = {keyOf<Ps>...};
// sql<...>(text) whose text has more or fewer `?` than it names members.
void placeholdersDifferFromColumns();

// Common plumbing for the table-level builders: each holds its ConstraintDecl by value, every
// step is constexpr, and it lands in a table's extras only at compile time (as a column does),
// unless it is `Constant = false` (index columns given as values).
template <class Self, bool Constant = true>
class ConstraintBuilder {
public:
    ConstraintDecl decl;
    consteval operator ConstraintDecl() const  // NOLINT(google-explicit-constructor)
        requires Constant
    {
        return decl;
    }
    constexpr operator ConstraintDecl() const  // NOLINT(google-explicit-constructor)
        requires(!Constant)
    {
        return decl;
    }

protected:
    template <class F>
    constexpr Self with(F f) const {
        Self s = static_cast<const Self&>(*this);
        f(s.decl);
        return s;
    }
    // One instantiation per column list, no more: a table's index costs its compile that much.
    constexpr Self withColumns(const IndexColumnDecl* columns, std::size_t count) const {
        Self s = static_cast<const Self&>(*this);
        s.decl.columns = columns;
        s.decl.columnCount = static_cast<std::uint8_t>(count);
        return s;
    }
};

}  // namespace detail

inline namespace dsl {

// SQL naming columns: each `?` in `text` is the next member's column, as Drizzle's
// sql`lower(${users.handle})` (spec.hpp says how each place prints it):
// `drizzle::sql<&User::handle>("lower(?)")`. Without members the text is taken as it is.
template <auto... Members>
constexpr Sql sql(std::string_view text) {
    std::size_t marks = 0;
    for (char c : text) marks += c == '?';
    if (marks != sizeof...(Members)) detail::placeholdersDifferFromColumns();
    if constexpr (sizeof...(Members) == 0) {
        return Sql{text};
    } else {
        return Sql{text, detail::keyList<Members...>, sizeof...(Members)};
    }
}

// One column of an index with an order, nulls or an operator class, or an SQL expression:
// `drizzle::col<&Task::title>().desc().nullsLast()`, `drizzle::sql("lower(title)")`.
class IndexColumn {
public:
    detail::IndexColumnDecl decl;
    constexpr IndexColumn(detail::IndexColumnDecl d) : decl(d) {}  // NOLINT(google-explicit-constructor)
    constexpr IndexColumn(Sql expression) { decl.expression = expression; }  // NOLINT
    template <class T, class M>
    IndexColumn(M T::*) {  // NOLINT(google-explicit-constructor)
        static_assert(sizeof(M) == 0,
                      "an index's members are template arguments: .on<&T::a, &T::b>(), or "
                      "drizzle::col<&T::a>() for a column with an order or operator class");
    }
    constexpr IndexColumn asc() const { return with([](auto& d) { d.desc = false; }); }
    constexpr IndexColumn desc() const { return with([](auto& d) { d.desc = true; }); }
    constexpr IndexColumn nullsFirst() const { return with([](auto& d) { d.nulls = "first"; }); }
    constexpr IndexColumn nullsLast() const { return with([](auto& d) { d.nulls = "last"; }); }
    constexpr IndexColumn op(std::string_view opclass) const {
        return with([&](auto& d) { d.opclass = opclass; });
    }

private:
    template <class F>
    constexpr IndexColumn with(F f) const {
        IndexColumn c = *this;
        f(c.decl);
        return c;
    }
};

// An index column given by its member, with an order or nulls: `drizzle::col<&T::a>().desc()`.
// A constant a template argument can hold, so that `.on<col<&T::a>().desc(), &T::b>()` stays
// constant data; `.op("...")` makes it an IndexColumn, for `.on(...)`.
struct IndexKey {
    const void* owner;
    const void* member;
    bool descending = false;
    std::uint8_t nulls = 0;  // 0: the dialect's default, 1: first, 2: last
    constexpr IndexKey asc() const { return {owner, member, false, nulls}; }
    constexpr IndexKey desc() const { return {owner, member, true, nulls}; }
    constexpr IndexKey nullsFirst() const { return {owner, member, descending, 1}; }
    constexpr IndexKey nullsLast() const { return {owner, member, descending, 2}; }
    constexpr IndexColumn op(std::string_view opclass) const { return IndexColumn(decl()).op(opclass); }
    constexpr detail::IndexColumnDecl decl() const {
        detail::IndexColumnDecl d{detail::KeyDecl{owner, member}};
        d.desc = descending;
        d.nulls = nulls == 1 ? "first" : nulls == 2 ? "last" : "";
        return d;
    }
    constexpr operator IndexColumn() const { return IndexColumn(decl()); }  // NOLINT(google-explicit-constructor)
};

template <auto Member>
constexpr IndexKey col() {
    return IndexKey{detail::keyOf<Member>.owner, detail::keyOf<Member>.member};
}

template <bool Constant = true>
class BasicIndexBuilder : public detail::ConstraintBuilder<BasicIndexBuilder<Constant>, Constant> {
    using Base = detail::ConstraintBuilder<BasicIndexBuilder<Constant>, Constant>;

public:
    constexpr BasicIndexBuilder(std::string_view indexName, bool unique) {
        this->decl.kind = unique ? detail::ConstraintSpec::Kind::uniqueIndex : detail::ConstraintSpec::Kind::index;
        this->decl.name = indexName;
    }
    constexpr explicit BasicIndexBuilder(const detail::ConstraintDecl& d) { this->decl = d; }
    // The indexed members, and members with an order: `.on<&T::a, drizzle::col<&T::b>().desc()>()`.
    template <auto... Columns>
    constexpr BasicIndexBuilder on() const {
        static_assert(sizeof...(Columns) > 0 && sizeof...(Columns) <= detail::maxConstraintColumns,
                      "an index takes 1 to 16 columns");
        return this->withColumns(detail::indexColumnList<Columns...>, sizeof...(Columns));
    }
    // Columns with an operator class, and expressions:
    // `.on(drizzle::col<&T::a>().op("text_ops"), drizzle::sql<&T::b>("lower(?)"))`. Kept by the
    // registry, so the table registers its extras at run time.
    template <class... Cs>
    BasicIndexBuilder<false> on(const Cs&... columns) const {
        static_assert(sizeof...(Cs) > 0 && sizeof...(Cs) <= detail::maxConstraintColumns,
                      "an index takes 1 to 16 columns");
        const detail::IndexColumnDecl list[] = {IndexColumn(columns).decl...};
        detail::ConstraintDecl d = this->decl;
        d.columns = detail::keepIndexColumns(list, sizeof...(Cs));
        d.columnCount = sizeof...(Cs);
        return BasicIndexBuilder<false>(d);
    }
    // PostgreSQL index method ("btree", "gin", "hnsw", ...); MySQL "btree" | "hash".
    constexpr BasicIndexBuilder using_(std::string_view method) const {
        return this->with([&](auto& d) { d.method = method; });
    }
    constexpr BasicIndexBuilder where(Sql predicate) const {
        return this->with([&](auto& d) { d.where = predicate; });
    }
    // PostgreSQL storage parameters: "fillfactor=70" (comma-separated).
    constexpr BasicIndexBuilder with_(std::string_view parameters) const {
        return this->with([&](auto& d) { d.with = parameters; });
    }
    constexpr BasicIndexBuilder concurrently() const { return this->with([](auto& d) { d.concurrently = true; }); }
    // MySQL online DDL options.
    constexpr BasicIndexBuilder algorithm(std::string_view a) const {
        return this->with([&](auto& d) { d.algorithm = a; });
    }
    constexpr BasicIndexBuilder lock(std::string_view l) const { return this->with([&](auto& d) { d.lock = l; }); }
};
using IndexBuilder = BasicIndexBuilder<true>;

// Without a name, Drizzle's: <table>_<columns>_index.
constexpr IndexBuilder index(std::string_view name = {}) { return IndexBuilder(name, false); }
constexpr IndexBuilder uniqueIndex(std::string_view name = {}) { return IndexBuilder(name, true); }

class PrimaryKeyBuilder : public detail::ConstraintBuilder<PrimaryKeyBuilder> {
public:
    constexpr PrimaryKeyBuilder() { decl.kind = detail::ConstraintSpec::Kind::primaryKey; }
    constexpr PrimaryKeyBuilder name(std::string_view n) const { return with([&](auto& d) { d.name = n; }); }
    template <auto... Members>
    constexpr PrimaryKeyBuilder columns() const {
        static_assert(sizeof...(Members) > 0 && sizeof...(Members) <= detail::maxConstraintColumns,
                      "a primary key takes 1 to 16 columns");
        return withColumns(detail::columnList<Members...>, sizeof...(Members));
    }
};

// A composite primary key: `drizzle::primaryKey<&T::a, &T::b>()`; `.name("...")` to name it.
template <auto... Members>
constexpr PrimaryKeyBuilder primaryKey() {
    return PrimaryKeyBuilder().columns<Members...>();
}

class UniqueBuilder : public detail::ConstraintBuilder<UniqueBuilder> {
public:
    constexpr explicit UniqueBuilder(std::string_view name) {
        decl.kind = detail::ConstraintSpec::Kind::unique;
        decl.name = name;
    }
    template <auto... Members>
    constexpr UniqueBuilder on() const {
        static_assert(sizeof...(Members) > 0 && sizeof...(Members) <= detail::maxConstraintColumns,
                      "a unique constraint takes 1 to 16 columns");
        return withColumns(detail::columnList<Members...>, sizeof...(Members));
    }
    constexpr UniqueBuilder nullsNotDistinct() const { return with([](auto& d) { d.nullsNotDistinct = true; }); }
    // SQLite: a UNIQUE constraint inside CREATE TABLE rather than a unique index.
    constexpr UniqueBuilder tableConstraint() const { return with([](auto& d) { d.tableConstraint = true; }); }
};

// A unique constraint over one or more columns, as Drizzle's: `drizzle::unique("name").on<&T::a, &T::b>()`
// (without a name, <table>_<columns>_unique).
constexpr UniqueBuilder unique(std::string_view name = {}) { return UniqueBuilder(name); }

class ForeignKeyBuilder : public detail::ConstraintBuilder<ForeignKeyBuilder> {
public:
    constexpr explicit ForeignKeyBuilder(const detail::ConstraintDecl& d) { decl = d; }
    constexpr ForeignKeyBuilder onDelete(ReferentialAction action) const {
        return with([&](auto& d) { d.onDelete = action; });
    }
    constexpr ForeignKeyBuilder onUpdate(ReferentialAction action) const {
        return with([&](auto& d) { d.onUpdate = action; });
    }
};

// A foreign key's referencing columns, waiting for the columns they reference.
template <auto... Members>
class ForeignKeyColumns : public detail::ConstraintBuilder<ForeignKeyColumns<Members...>> {
public:
    constexpr explicit ForeignKeyColumns(const detail::ConstraintDecl& d) { this->decl = d; }
    template <auto... Targets>
    constexpr ForeignKeyBuilder foreignColumns() const {
        static_assert(sizeof...(Members) == sizeof...(Targets),
                      "foreignKey: the referencing and referenced column lists differ in length");
        if constexpr (sizeof...(Members) == sizeof...(Targets)) {
            static_assert((detail::sameValueType<detail::MemberType<Members>, detail::MemberType<Targets>> && ...),
                          "foreignKey: a referencing column's member has a different value type from "
                          "the column it references");
        }
        detail::ConstraintDecl d = this->decl;
        d.targets = detail::keyList<Targets...>;
        d.targetCount = sizeof...(Targets);
        return ForeignKeyBuilder(d);
    }
};

class ForeignKeyName {
public:
    constexpr explicit ForeignKeyName(std::string_view name) : name_(name) {}
    template <auto... Members>
    constexpr ForeignKeyColumns<Members...> columns() const {
        static_assert(sizeof...(Members) > 0 && sizeof...(Members) <= detail::maxConstraintColumns,
                      "a foreign key takes 1 to 16 columns");
        detail::ConstraintDecl d;
        d.kind = detail::ConstraintSpec::Kind::foreignKey;
        d.name = name_;
        d.columns = detail::columnList<Members...>;
        d.columnCount = sizeof...(Members);
        return ForeignKeyColumns<Members...>(d);
    }

private:
    std::string_view name_;
};

// A (multi-column) foreign key, as Drizzle's `foreignKey({name, columns, foreignColumns})`:
// `drizzle::foreignKey("name").columns<&T::a, &T::b>().foreignColumns<&U::a, &U::b>()`
// (without a name, Drizzle's <table>_<columns>_<target>_<columns>_fk).
constexpr ForeignKeyName foreignKey(std::string_view name = {}) { return ForeignKeyName(name); }

struct TableConstraint {
    detail::ConstraintDecl decl;
    consteval operator detail::ConstraintDecl() const { return decl; }  // NOLINT(google-explicit-constructor)
};

// CHECK (expression): `drizzle::check("price_positive", drizzle::sql("price > 0"))`.
constexpr TableConstraint check(std::string_view name, Sql expression) {
    TableConstraint c;
    c.decl.kind = detail::ConstraintSpec::Kind::check;
    c.decl.name = name;
    c.decl.where = expression;
    return c;
}

}  // namespace dsl
}  // namespace drizzle

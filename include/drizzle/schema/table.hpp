// Tables and table-level constraints, shared by the dialects.
//
// A table is declared once, as an inline variable in the schema header; declaring it registers
// it (with its enums, views, sequences, ...) in the process-wide schema registry, which the
// exporter turns into the schema model. Table-level constraints refer to columns by member
// pointer, so a renamed member is a compile error rather than a broken migration.
//
//   inline const auto tasks = pg::table<Task>("tasks", {
//       pg::serial<&Task::id>("id").primaryKey(),
//       pg::integer<&Task::epicId>("epic_id").notNull(),
//   }, {
//       drizzle::index("tasks_epic_idx").on(&Task::epicId),
//       drizzle::check("epic_positive", drizzle::sql("epic_id > 0")),
//   });
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
    const ConstraintRef* constraints;
    std::size_t constraintCount;
    Site site;
};

TableDef* registerTable(const TableDecl& decl);
// The same, as one call with few arguments: what each table's initialiser compiles to.
TableDef* registerTable(Dialect dialect, const void* owner, std::string_view schema, const char* name,
                        std::initializer_list<ColumnDecl> columns, std::initializer_list<ConstraintRef> constraints,
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

namespace detail {
// A dialect's `table<Row>(...)`: one registration call, inlined into the table's initialiser so
// that a table costs no function of its own.
template <class Row, Dialect D>
DRIZZLE_ALWAYS_INLINE Table<Row, D> declareTable(std::string_view schema, const char* name,
                                                 std::initializer_list<ColumnDecl> columns,
                                                 std::initializer_list<ConstraintRef> constraints, Site at) {
    return Table<Row, D>(registerTable(D, &typeTag<Row>, schema, name, columns, constraints, at));
}
}  // namespace detail

inline namespace dsl {

// One column of an index: a member, or an SQL expression; with order, nulls and opclass.
class IndexColumn {
public:
    template <class T, class M>
    DRIZZLE_ALWAYS_INLINE IndexColumn(M T::*member) {  // NOLINT(google-explicit-constructor)
        spec_.member = detail::memberRef(member);
    }
    IndexColumn(Sql expression) { spec_.expression = expression.text; }  // NOLINT
    IndexColumn asc() const { return with([](auto& s) { s.desc = false; }); }
    IndexColumn desc() const { return with([](auto& s) { s.desc = true; }); }
    IndexColumn nullsFirst() const { return with([](auto& s) { s.nulls = "first"; }); }
    IndexColumn nullsLast() const { return with([](auto& s) { s.nulls = "last"; }); }
    IndexColumn op(std::string_view opclass) const {
        return with([&](auto& s) { s.opclass = opclass; });
    }
    const detail::IndexColumnSpec& spec() const { return spec_; }

private:
    template <class F>
    IndexColumn with(F f) const {
        IndexColumn c = *this;
        f(c.spec_);
        return c;
    }
    detail::IndexColumnSpec spec_;
};

// An index column with order or nulls: `drizzle::col(&Task::title).desc().nullsLast()`.
template <class T, class M>
DRIZZLE_INLINE IndexColumn col(M T::*member) {
    return IndexColumn(member);
}

// A list of columns, for composite keys: `drizzle::cols(&T::a, &T::b)`.
template <class... Ms>
struct ColumnList {
    detail::MemberRef refs[sizeof...(Ms)];
};
template <class... Ts, class... Ms>
DRIZZLE_INLINE ColumnList<Ms...> cols(Ms Ts::*... members) {
    static_assert(sizeof...(Ms) <= detail::maxConstraintColumns, "too many columns in one constraint");
    return ColumnList<Ms...>{{detail::memberRef(members)...}};
}

}  // namespace dsl

namespace detail {

// Common plumbing for table-level constraint builders: like column builders, they fill a
// library-allocated spec in place.
template <class Self>
class ConstraintBuilder {
public:
    ConstraintSpec* spec = newConstraint();
    Self name(std::string_view n) const { return with([&](auto& s) { s.name = n; }); }
    operator ConstraintRef() const { return ConstraintRef{spec}; }  // NOLINT(google-explicit-constructor)

protected:
    template <class F>
    Self with(F f) const {
        f(*spec);
        return static_cast<const Self&>(*this);
    }
    template <class... Ms>
    void setColumns(const ColumnList<Ms...>& list) {
        for (std::size_t i = 0; i < sizeof...(Ms); ++i) spec->columns[i].member = list.refs[i];
        spec->columnCount = sizeof...(Ms);
    }
};

}  // namespace detail

inline namespace dsl {

class IndexBuilder : public detail::ConstraintBuilder<IndexBuilder> {
public:
    IndexBuilder(std::string_view indexName, bool unique) {
        spec->kind = unique ? detail::ConstraintSpec::Kind::uniqueIndex : detail::ConstraintSpec::Kind::index;
        spec->name = indexName;
    }
    template <class... Cs>
    DRIZZLE_INLINE IndexBuilder on(const Cs&... columns) const {
        static_assert(sizeof...(Cs) > 0 && sizeof...(Cs) <= detail::maxConstraintColumns,
                      "an index takes 1 to 16 columns");
        ((spec->columns[spec->columnCount++] = IndexColumn(columns).spec()), ...);
        return *this;
    }
    // PostgreSQL index method ("btree", "gin", "hnsw", ...); MySQL "btree" | "hash".
    IndexBuilder using_(std::string_view method) const { return with([&](auto& s) { s.method = method; }); }
    IndexBuilder where(Sql predicate) const { return with([&](auto& s) { s.where = predicate.text; }); }
    // PostgreSQL storage parameters: "fillfactor=70" (comma-separated).
    IndexBuilder with_(std::string_view parameters) const {
        return with([&](auto& s) { s.with = parameters; });
    }
    IndexBuilder concurrently() const { return with([](auto& s) { s.concurrently = true; }); }
    // MySQL online DDL options.
    IndexBuilder algorithm(std::string_view a) const { return with([&](auto& s) { s.algorithm = a; }); }
    IndexBuilder lock(std::string_view l) const { return with([&](auto& s) { s.lock = l; }); }
};

// Without a name, Drizzle's: <table>_<columns>_index.
inline IndexBuilder index(std::string_view name = {}) { return IndexBuilder(name, false); }
inline IndexBuilder uniqueIndex(std::string_view name = {}) { return IndexBuilder(name, true); }

class PrimaryKeyBuilder : public detail::ConstraintBuilder<PrimaryKeyBuilder> {
public:
    template <class... Ms>
    DRIZZLE_ALWAYS_INLINE explicit PrimaryKeyBuilder(const ColumnList<Ms...>& list) {
        spec->kind = detail::ConstraintSpec::Kind::primaryKey;
        setColumns(list);
    }
};

// A composite primary key: `drizzle::primaryKey(&T::a, &T::b)`; `.name("...")` to name it.
template <class... Ts, class... Ms>
DRIZZLE_INLINE PrimaryKeyBuilder primaryKey(Ms Ts::*... members) {
    return PrimaryKeyBuilder(cols(members...));
}

class UniqueBuilder : public detail::ConstraintBuilder<UniqueBuilder> {
public:
    template <class... Ms>
    DRIZZLE_ALWAYS_INLINE explicit UniqueBuilder(const ColumnList<Ms...>& list) {
        spec->kind = detail::ConstraintSpec::Kind::unique;
        setColumns(list);
    }
    UniqueBuilder nullsNotDistinct() const { return with([](auto& s) { s.nullsNotDistinct = true; }); }
};

// A unique constraint over one or more columns: `drizzle::unique(&T::a, &T::b).name("x")`.
template <class... Ts, class... Ms>
DRIZZLE_INLINE UniqueBuilder unique(Ms Ts::*... members) {
    return UniqueBuilder(cols(members...));
}

class ForeignKeyBuilder : public detail::ConstraintBuilder<ForeignKeyBuilder> {
public:
    template <class... Ms, class... Ns>
    DRIZZLE_ALWAYS_INLINE ForeignKeyBuilder(const ColumnList<Ms...>& from, const ColumnList<Ns...>& to) {
        static_assert(sizeof...(Ms) == sizeof...(Ns),
                      "foreignKey: the referencing and referenced column lists differ in length");
        if constexpr (sizeof...(Ms) == sizeof...(Ns)) {
            static_assert((detail::sameValueType<Ms, Ns> && ...),
                          "foreignKey: a referencing column's member has a different value type from "
                          "the column it references");
        }
        spec->kind = detail::ConstraintSpec::Kind::foreignKey;
        setColumns(from);
        for (std::size_t i = 0; i < sizeof...(Ns); ++i) spec->targets[i] = to.refs[i];
        spec->targetCount = sizeof...(Ns);
    }
    ForeignKeyBuilder onDelete(std::string_view action) const {
        return with([&](auto& s) { s.onDelete = action; });
    }
    ForeignKeyBuilder onUpdate(std::string_view action) const {
        return with([&](auto& s) { s.onUpdate = action; });
    }
};

// A (multi-column) foreign key: `drizzle::foreignKey(cols(&T::a, &T::b), cols(&U::a, &U::b))`.
template <class... Ms, class... Ns>
ForeignKeyBuilder foreignKey(const ColumnList<Ms...>& from, const ColumnList<Ns...>& to) {
    return ForeignKeyBuilder(from, to);
}

// CHECK (expression): `drizzle::check("price_positive", drizzle::sql("price > 0"))`.
inline detail::ConstraintRef check(std::string_view name, Sql expression) {
    detail::ConstraintSpec* s = detail::newConstraint();
    s->kind = detail::ConstraintSpec::Kind::check;
    s->name = name;
    s->where = expression.text;
    return {s};
}

}  // namespace dsl
}  // namespace drizzle

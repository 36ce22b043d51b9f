// Relational queries: rows with their related rows, following the schema's relations
// (relations.hpp), in one SQL statement (related rows are aggregated as JSON by the database:
// json_agg on PostgreSQL, json_group_array on SQLite, JSON_ARRAYAGG on MySQL/MariaDB).
//
//   for (const auto& [task, assignee] : db.query(tasks).with(tasksRelations.assignee).findMany()) ...
//   auto users = db.query(users)
//                    .with(drizzle::with(usersRelations.posts, {.orderBy = {desc(&Post::id)}, .limit = 5},
//                                        drizzle::with(postsRelations.comments)))
//                    .findMany({.where = eq(&User::active, true), .limit = 10});
//
// A row comes back as the table's struct alone, or with relations as std::tuple<Row, R...>: a
// One as std::optional<Target>, a Many as std::vector<Target> (each a tuple again when it has
// nested relations). A relation of another table is a compile error.
#pragma once

#include <array>
#include <deque>
#include <optional>
#include <tuple>
#include <vector>

#include "drizzle/query/select.hpp"
#include "drizzle/relations.hpp"

namespace drizzle {

// A condition on `Row`'s columns only.
template <class Row>
struct Where {
    std::optional<ast::Node> node;
    Where() = default;
    template <class S>
    Where(const Expr<bool, S>& condition) : node(condition.node) {  // NOLINT(google-explicit-constructor)
        static_assert(detail::AllInScope<detail::Scope<detail::Entry<Row, false>>, S>::value,
                      "where: the condition uses a column of another table than the one queried");
    }
};
// An ordering by `Row`'s columns only.
template <class Row>
struct OrderBy {
    ast::Order order;
    template <class S>
    OrderBy(const OrderTerm<S>& term) : order(term.order) {  // NOLINT(google-explicit-constructor)
        static_assert(detail::AllInScope<detail::Scope<detail::Entry<Row, false>>, S>::value,
                      "orderBy: a column of another table than the one queried");
    }
    template <class M>
    OrderBy(M Row::*member) : order{column(member).node, false, {}} {}  // NOLINT(google-explicit-constructor)
};

// Which of `Row`'s columns to read: `cols(&User::id, &User::name)`; the other members keep
// their default values. Empty: every column.
template <class Row>
struct Columns {
    std::vector<detail::MemberRef> members;
    Columns() = default;
    template <class... Ms>
    Columns(const ColumnList<Ms...>& list) : members(std::begin(list.refs), std::end(list.refs)) {}  // NOLINT
    template <class M>
    Columns(M Row::*member) : members{detail::memberRef(member)} {}  // NOLINT
};

template <class Row>
struct FindOptions {
    Columns<Row> columns{};
    Where<Row> where{};
    std::vector<OrderBy<Row>> orderBy{};
    std::optional<std::int64_t> limit{};
    std::optional<std::int64_t> offset{};
};
// Options of a related table's rows: which columns (cols(...); the other members keep their
// defaults), which rows, in which order, how many (limit, offset: a Many's).
template <class Row>
struct RelationOptions {
    Columns<Row> columns{};
    Where<Row> where{};
    std::vector<OrderBy<Row>> orderBy{};
    std::optional<std::int64_t> limit{};
    std::optional<std::int64_t> offset{};
};

namespace detail {

template <class R>
struct RelationKind;
template <class F, class T>
struct RelationKind<One<F, T>> {
    static constexpr bool many = false;
};
template <class F, class T>
struct RelationKind<Many<F, T>> {
    static constexpr bool many = true;
};

// What the runtime needs to print one relation (src/query/relational.cpp).
struct RelationPlan {
    bool many = false;
    const void* from = nullptr;
    const void* to = nullptr;
    std::string_view name, relationName;
    const MemberRef* fields = nullptr;  // One: its own join columns
    const MemberRef* references = nullptr;
    std::uint8_t columnCount = 0;
    std::vector<const ColumnSpec*> columns;  // empty: every column of the related table
    std::optional<ast::Node> where;
    std::vector<ast::Order> orderBy;
    std::optional<std::int64_t> limit, offset;
    std::vector<RelationPlan> children;
    std::optional<ast::Node> extra;  // not a relation: a computed field (extras(...)) in this place
};

// The columns of `root` that `members` name, checked to belong to it.
std::vector<const ColumnSpec*> chosenColumns(const TableDef& root, const std::vector<MemberRef>& members);
void readColumns(const std::vector<const ColumnSpec*>& columns, const driver::Cursor& cursor, void* row);
ast::Select relationalSelect(Dialect dialect, const TableDef& root, const std::vector<const ColumnSpec*>& columns,
                             const std::vector<RelationPlan>& relations,
                             const std::optional<ast::Node>& where, const std::vector<ast::Order>& orderBy,
                             std::optional<std::int64_t> limit, std::optional<std::int64_t> offset);

// Related rows as the database sent them, parsed once into a flat list of values (no tree,
// no copies of strings without escapes): the values of an array follow it, each `end` is the
// index after its value's subtree.
struct JsonTape {
    enum class Kind : std::uint8_t { null, boolean, number, string, array, object };
    struct Value {
        Kind kind;
        std::uint32_t end;
        std::uint32_t count;    // arrays: how many items
        std::string_view text;  // strings unescaped; numbers, booleans ("1"/"0"), arrays and objects raw
    };
    std::vector<Value> values;
    std::deque<std::string> unescaped;  // strings that had escapes

    void parse(std::string_view json);
};
// One JSON array of the tape as a row, for the codecs.
class JsonRow final : public driver::Cursor {
public:
    // `expected`: the values the row holds. A row of more values than one JSON function takes
    // arrives in chunks (an array of arrays), read here as one.
    JsonRow(const JsonTape& tape, std::uint32_t array, std::size_t expected);
    bool next() override { return false; }
    std::size_t columnCount() const override { return count_; }
    std::string_view columnName(std::size_t) const override { return "related column"; }
    bool isNull(std::size_t c) const override { return item(c).kind == JsonTape::Kind::null; }
    std::int64_t integer(std::size_t c) const override;
    double real(std::size_t c) const override;
    std::string_view text(std::size_t c) const override { return item(c).text; }
    std::string_view bytes(std::size_t c) const override;
    std::int64_t affectedRows() const override { return 0; }
    std::int64_t lastInsertId() const override { return 0; }
    std::uint32_t itemIndex(std::size_t c) const { return c < inline_.size() ? inline_[c] : overflow_.at(c - inline_.size()); }

private:
    const JsonTape::Value& item(std::size_t c) const;

    const JsonTape& tape_;
    std::size_t count_ = 0;
    std::array<std::uint32_t, 32> inline_{};
    std::vector<std::uint32_t> overflow_;
    mutable std::string decoded_;
};
[[noreturn]] void throwBadRelated(std::string_view relation);

}  // namespace detail

namespace detail {
// A computed field of the queried rows (Drizzle's `extras`), read after the relations.
template <class V, class S = Sources<>>
struct ExtraField {
    using Value = V;
    using SourceList = S;
    ast::Node node;
};
template <class T>
inline constexpr bool isExtraField = false;
template <class V, class S>
inline constexpr bool isExtraField<ExtraField<V, S>> = true;
// The table a nested with(...) child reads: a relation's target, or for a computed field, the
// related table itself (so that it passes the check below).
template <class C, class To>
struct ChildStartsAt {
    static constexpr bool value = std::is_same_v<typename C::Relation::FromRow, To>;
};
template <class V, class S, class To>
struct ChildStartsAt<ExtraField<V, S>, To> {
    static constexpr bool value = AllInScope<Scope<Entry<To, false>>, S>::value;
};
}  // namespace detail

// A computed field of related rows, beside their nested relations in with(...):
//   drizzle::with(usersRelations.posts, drizzle::extra(sql<std::int64_t>("length(?)", &Post::title)))
template <class V, class S, bool C>
detail::ExtraField<V, S> extra(const Expr<V, S, C>& e) {
    return {e.node};
}

// A relation to load, with options for its rows and nested relations; `Into` (void: the
// related struct, or a tuple with the nested relations) is the struct each related row is
// built into, by aggregate initialisation from the row and its nested relations in order:
// `struct PostWithComments : Post { std::vector<Comment> comments; };`.
template <class Rel, class Into, class... Children>
struct With {
    using Relation = Rel;
    const Rel* relation;
    RelationOptions<typename Rel::ToRow> options;
    std::tuple<Children...> children;
    mutable std::vector<const detail::ColumnSpec*> chosen{};  // the columns options.columns names
};

namespace detail {

template <class W>
struct Normalized {  // a bare relation is a With without options
    using type = With<W, void>;
    static type from(const W& r) { return {&r, {}, {}}; }
};
template <class Rel, class Into, class... C>
struct Normalized<With<Rel, Into, C...>> {
    using type = With<Rel, Into, C...>;
    static const type& from(const type& w) { return w; }
};
template <class V, class S>
struct Normalized<ExtraField<V, S>> {
    using type = ExtraField<V, S>;
    static const type& from(const type& e) { return e; }
};

// Builds `Into` from a row's parts (the row, then its relations), or gives the parts as they are.
template <class Into, class Parts>
decltype(auto) buildInto(Parts&& parts) {
    if constexpr (std::is_void_v<Into>) {
        return std::forward<Parts>(parts);
    } else if constexpr (requires { std::tuple_size<std::decay_t<Parts>>::value; }) {
        return std::apply([](auto&&... p) { return Into{std::move(p)...}; }, std::forward<Parts>(parts));
    } else {
        return Into{std::forward<Parts>(parts)};
    }
}

}  // namespace detail

// with<Into>(...) builds each related row into `Into`; with(...) gives the related struct, or a
// tuple of it and its nested relations.
template <class Into = void, class Rel, class... Children>
With<Rel, Into, typename detail::Normalized<Children>::type...> with(const Rel& relation, RelationOptions<typename Rel::ToRow> options,
                                                                    const Children&... children) {
    static_assert((detail::ChildStartsAt<typename detail::Normalized<Children>::type, typename Rel::ToRow>::value && ...),
                  "with(relation, nested...): a nested relation must start at the related table, and a computed "
                  "field (extra(...)) read its columns");
    return {&relation, std::move(options), {detail::Normalized<Children>::from(children)...}};
}
template <class Into = void, class Rel, class... Children>
With<Rel, Into, typename detail::Normalized<Children>::type...> with(const Rel& relation, const Children&... children) {
    return with<Into>(relation, RelationOptions<typename Rel::ToRow>{}, children...);
}

namespace detail {

template <class W>
struct WithResult;
template <class V, class S>
struct WithResult<ExtraField<V, S>> {
    using type = V;
    static RelationPlan plan(const ExtraField<V, S>& e) {
        RelationPlan p;
        p.extra = e.node;
        return p;
    }
};
template <class Rel, class Into, class... C>
struct WithResult<With<Rel, Into, C...>> {
    using To = typename Rel::ToRow;
    using Parts = std::conditional_t<sizeof...(C) == 0, To, std::tuple<To, typename WithResult<C>::type...>>;
    using Item = std::conditional_t<std::is_void_v<Into>, Parts, Into>;
    using type = std::conditional_t<RelationKind<Rel>::many, std::vector<Item>, std::optional<Item>>;
    using W = With<Rel, Into, C...>;

    static RelationPlan plan(const W& w) {
        RelationPlan p;
        p.many = RelationKind<Rel>::many;
        p.from = &typeTag<typename Rel::FromRow>;
        p.to = &typeTag<To>;
        p.name = w.relation->name;
        p.relationName = w.relation->relationName;
        if constexpr (!RelationKind<Rel>::many) {
            p.fields = w.relation->fields;
            p.references = w.relation->references;
            p.columnCount = w.relation->columnCount;
        }
        static const TableDef& table = tableOf(&typeTag<To>);
        if (w.chosen.empty() && !w.options.columns.members.empty()) w.chosen = chosenColumns(table, w.options.columns.members);
        p.columns = w.chosen;
        p.where = w.options.where.node;
        for (const auto& o : w.options.orderBy) p.orderBy.push_back(o.order);
        p.limit = w.options.limit;
        p.offset = w.options.offset;
        std::apply([&](const auto&... c) { (p.children.push_back(WithResult<std::decay_t<decltype(c)>>::plan(c)), ...); },
                   w.children);
        return p;
    }

    static Item readItem(const JsonTape& tape, std::uint32_t index, const W& w) {
        static const TableDef& table = tableOf(&typeTag<To>);
        if (tape.values[index].kind != JsonTape::Kind::array) throwBadRelated("row");
        const std::size_t columns = w.chosen.empty() ? columnCount(table) : w.chosen.size();
        JsonRow row(tape, index, columns + sizeof...(C));
        Parts parts{};
        To& to = [&]() -> To& {
            if constexpr (sizeof...(C) == 0) return parts;
            else return std::get<0>(parts);
        }();
        if (w.chosen.empty()) readTableRow(table, row, 0, &to);
        else readColumns(w.chosen, row, &to);
        if constexpr (sizeof...(C) > 0) readChildren(tape, row, columns, parts, w, std::index_sequence_for<C...>{});
        if constexpr (std::is_void_v<Into>) return parts;
        else return buildInto<Into>(std::move(parts));
    }
    template <class Tuple, std::size_t... I>
    static void readChildren(const JsonTape& tape, const JsonRow& row, std::size_t first, Tuple& item, const W& w,
                             std::index_sequence<I...>) {
        (readChild<C>(tape, row, first + I, std::get<I + 1>(item), std::get<I>(w.children)), ...);
    }
    template <class Child, class Slot>
    static void readChild(const JsonTape& tape, const JsonRow& row, std::size_t column, Slot& slot, const Child& child) {
        if constexpr (isExtraField<Child>) CodecFor<typename Child::Value>::read(row, column, slot);
        else slot = WithResult<Child>::read(tape, row.itemIndex(column), child);
    }

    static type read(const JsonTape& tape, std::uint32_t index, const W& w) {
        const JsonTape::Value& value = tape.values[index];
        if constexpr (RelationKind<Rel>::many) {
            type out;
            if (value.kind == JsonTape::Kind::null) return out;
            if (value.kind != JsonTape::Kind::array) throwBadRelated("list");
            out.reserve(value.count);
            for (std::uint32_t i = index + 1; i < value.end; i = tape.values[i].end) out.push_back(readItem(tape, i, w));
            return out;
        } else {
            if (value.kind == JsonTape::Kind::null) return std::nullopt;
            return readItem(tape, index, w);
        }
    }
};

}  // namespace detail

template <class Row, Dialect D, class... Ws>
class RelationalQuery {
public:
    using Result = std::conditional_t<sizeof...(Ws) == 0, Row, std::tuple<Row, typename detail::WithResult<Ws>::type...>>;

    RelationalQuery(Session* session, const Table<Row, D>& table, std::tuple<Ws...> withs = {})
        : session_(session), table_(table), withs_(std::move(withs)) {}

    // Related rows to load along: relations of this table (bare, or drizzle::with(...)).
    template <class... Rs>
    auto with(const Rs&... relations) const {
        static_assert(((std::is_same_v<typename detail::Normalized<Rs>::type::Relation::FromRow, Row>) && ...),
                      "with(relation): the relation starts at another table than the one queried");
        return RelationalQuery<Row, D, Ws..., typename detail::Normalized<Rs>::type...>(
            session_, table_, std::tuple_cat(withs_, std::make_tuple(typename detail::Normalized<Rs>::type(detail::Normalized<Rs>::from(relations))...)));
    }

    // Computed fields of the rows (Drizzle's `extras`), after the relations in each result:
    //   db.query(users).extras(sql<std::string>("lower(?)", &User::name), countOf(posts, eq(&Post::userId, outer(&User::id))))
    template <class... Es>
    auto extras(const Es&... fields) const {
        static_assert((IsExpr<Es>::value && ...), "extras(...): each is an expression (sql<T>(...), countOf(...), ...)");
        static_assert((detail::AllInScope<detail::Scope<detail::Entry<Row, false>>, typename Es::SourceList>::value && ...),
                      "extras(...): an expression reads a table other than the one queried (name it with outer(...) in a subquery)");
        return RelationalQuery<Row, D, Ws..., detail::ExtraField<typename Es::Value, typename Es::SourceList>...>(
            session_, table_,
            std::tuple_cat(withs_, std::make_tuple(detail::ExtraField<typename Es::Value, typename Es::SourceList>{fields.node}...)));
    }

    // findMany<Into>(): each row built into `Into` from the row and its relations, in order:
    //   struct UserWithPosts : User { std::vector<Post> posts; };   // row.name, row.posts
    template <class Into = Result>
    std::vector<Into> findMany(const FindOptions<Row>& options = {}) const {
        const auto columns = detail::chosenColumns(*table_.definition(), options.columns.members);
        const ast::Printed printed = ast::print(D, tree(options, columns));
        detail::Running running = session_->run(printed);
        std::vector<Into> out;
        while (running.cursor->next()) out.push_back(as<Into>(readRow(*running.cursor, columns)));
        return out;
    }
    template <class Into = Result>
    std::optional<Into> findFirst(FindOptions<Row> options = {}) const {
        options.limit = 1;
        auto rows = findMany<Into>(options);
        if (rows.empty()) return std::nullopt;
        return std::move(rows.front());
    }
    std::string toSQL(const FindOptions<Row>& options = {}) const {
        return ast::print(D, tree(options, detail::chosenColumns(*table_.definition(), options.columns.members))).sql;
    }

    // Printed and prepared once, with placeholders anywhere a value goes (a where of the rows or
    // of a relation's): findMany({{"id", 7}}) runs it again with new values.
    class Prepared {
    public:
        Prepared(const RelationalQuery& query, const FindOptions<Row>& options)
            : query_(query),
              columns_(detail::chosenColumns(*query.table_.definition(), options.columns.members)),
              tree_(std::make_shared<const ast::Select>(query_.tree(options, columns_))),
              statement_(*query.session_, ast::print(D, *tree_), tree_) {}
        template <class Into = Result>
        std::vector<Into> findMany(std::initializer_list<Bind> binds = {}) {
            driver::Cursor& c = statement_.open(binds);
            std::vector<Into> out;
            while (c.next()) out.push_back(as<Into>(query_.readRow(c, columns_)));
            return out;
        }
        template <class Into = Result>
        std::optional<Into> findFirst(std::initializer_list<Bind> binds = {}) {
            driver::Cursor& c = statement_.open(binds);
            if (!c.next()) return std::nullopt;
            std::optional<Into> r = as<Into>(query_.readRow(c, columns_));
            c.close();
            return r;
        }
        const std::string& sql() const { return statement_.sql(); }

    private:
        RelationalQuery query_;
        std::vector<const detail::ColumnSpec*> columns_;
        std::shared_ptr<const ast::Select> tree_;
        PreparedStatement statement_;
    };
    Prepared prepare(const FindOptions<Row>& options = {}) const { return Prepared(*this, options); }

private:
    template <class Into>
    static Into as(Result&& r) {
        if constexpr (std::is_same_v<Into, Result>) return std::move(r);
        else return detail::buildInto<Into>(std::move(r));
    }
    template <class, Dialect, class...>
    friend class RelationalQuery;

    std::vector<detail::RelationPlan> plans() const {
        std::vector<detail::RelationPlan> out;
        std::apply([&](const auto&... w) { (out.push_back(detail::WithResult<std::decay_t<decltype(w)>>::plan(w)), ...); }, withs_);
        return out;
    }
    ast::Select tree(const FindOptions<Row>& options, const std::vector<const detail::ColumnSpec*>& columns) const {
        std::vector<ast::Order> orderBy;
        for (const auto& o : options.orderBy) orderBy.push_back(o.order);
        return detail::relationalSelect(D, *table_.definition(), columns, plans(), options.where.node, orderBy,
                                        options.limit, options.offset);
    }
    Result readRow(const driver::Cursor& c, const std::vector<const detail::ColumnSpec*>& columns) const {
        Result r{};
        Row& row = [&]() -> Row& {
            if constexpr (sizeof...(Ws) == 0) return r;
            else return std::get<0>(r);
        }();
        detail::readColumns(columns, c, &row);
        if constexpr (sizeof...(Ws) > 0) readRelations(c, columns.size(), r, std::index_sequence_for<Ws...>{});
        return r;
    }
    template <std::size_t... I>
    void readRelations(const driver::Cursor& c, std::size_t first, Result& r, std::index_sequence<I...>) const {
        auto one = [&](auto& slot, std::size_t column, const auto& with) {
            using W = std::decay_t<decltype(with)>;
            if constexpr (detail::isExtraField<W>) {
                detail::CodecFor<typename W::Value>::read(c, column, slot);
            } else if (c.isNull(column)) {
                slot = {};
            } else {
                tape_.parse(c.text(column));
                slot = detail::WithResult<W>::read(tape_, 0, with);
            }
        };
        (one(std::get<I + 1>(r), first + I, std::get<I>(withs_)), ...);
    }

    Session* session_;
    Table<Row, D> table_;
    std::tuple<Ws...> withs_;
    mutable detail::JsonTape tape_;  // reused row after row
};

}  // namespace drizzle

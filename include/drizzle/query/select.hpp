// SELECT, typed: `db.select().from(users).where(...)`. The query's type lists the tables it
// reads (and whether an outer join may leave them NULL), so every condition, ordering and
// selected column is checked against it at compile time, and the result type follows:
//   - select()                       → the row struct (one table) or a tuple of rows (joins,
//                                      std::optional for an outer-joined table);
//   - select(&User::id, count())     → std::tuple<std::int32_t, std::int64_t>;
//   - select<Summary>(...)           → Summary{...} built from the selected values in order.
#pragma once

#include <array>
#include <memory>
#include <optional>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include "drizzle/query/expr.hpp"
#include "drizzle/query/session.hpp"

namespace drizzle {
namespace detail {

template <class S, bool Nullable>
struct Entry {
    using Source = S;
    static constexpr bool nullable = Nullable;
};
template <class... E>
struct Scope {};

template <class S>
struct RowOfSource {
    using type = S;
};
template <Name N, class Row, Dialect D>
struct RowOfSource<Aliased<N, Row, D>> {
    using type = Row;
};

template <class Scope, class S>
struct InScope;
template <class... E, class S>
struct InScope<Scope<E...>, S> {
    static constexpr bool value = (std::is_same_v<typename E::Source, S> || ...);
    static constexpr bool nullable = ((std::is_same_v<typename E::Source, S> && E::nullable) || ...);
};
template <class Scope, class SourceList>
struct AllInScope;
template <class Scope, class... S>
struct AllInScope<Scope, Sources<S...>> {
    static constexpr bool value = (InScope<Scope, S>::value && ...);
    static constexpr bool anyNullable = (InScope<Scope, S>::nullable || ...);
};

// A selected field's result type: a column of an outer-joined table may come back NULL.
template <class Scope, class E>
using FieldResult =
    std::conditional_t<E::isColumn && AllInScope<Scope, typename E::SourceList>::anyNullable && !isOptional<typename E::Value>,
                       std::optional<typename E::Value>, typename E::Value>;

template <class Scope, class... E>
inline constexpr bool fieldsInScope = (AllInScope<Scope, typename E::SourceList>::value && ...);

struct AllFields {};
template <class Into, class... E>
struct FieldList {};

template <class Scope>
struct ScopeOps;
template <class... E>
struct ScopeOps<Scope<E...>> {
    template <class S, bool N>
    using Add = Scope<E..., Entry<S, N>>;
    template <class S, bool N>
    using AddNullingOthers = Scope<Entry<typename E::Source, true>..., Entry<S, N>>;
    static constexpr std::size_t size = sizeof...(E);
    using Rows = std::tuple<std::conditional_t<E::nullable, std::optional<typename RowOfSource<typename E::Source>::type>,
                                               typename RowOfSource<typename E::Source>::type>...>;
    static std::array<const TableDef*, sizeof...(E)> tables() {
        return {&tableOf(&typeTag<typename RowOfSource<typename E::Source>::type>)...};
    }
};

template <class Fields, class Scope>
struct ResultOf;
template <class Scope>
struct ResultOf<AllFields, Scope> {
    using Rows = typename ScopeOps<Scope>::Rows;
    using type = std::conditional_t<std::tuple_size_v<Rows> == 1, std::tuple_element_t<0, Rows>, Rows>;
};
template <class... E, class Scope>
struct ResultOf<FieldList<void, E...>, Scope> {
    using type = std::tuple<FieldResult<Scope, E>...>;
};
template <class Into, class... E, class Scope>
struct ResultOf<FieldList<Into, E...>, Scope> {
    using type = Into;
};

template <class T>
struct IsOptionalRow : std::false_type {};
template <class T>
struct IsOptionalRow<std::optional<T>> : std::true_type {};

template <class R>
void readRowsInto(const driver::Cursor& c, std::size_t& column, const TableDef& table, R& out) {
    const std::size_t n = columnCount(table);
    if constexpr (IsOptionalRow<R>::value) {
        if (allNull(c, column, n)) out.reset();
        else readTableRow(table, c, column, &out.emplace());
    } else {
        readTableRow(table, c, column, &out);
    }
    column += n;
}

// A selected field is read by its column's codec when it is a column (or min/max of one, or a
// named one) whose codec is not its member type's own: a SQLite epoch timestamp, a std::string
// of a binary column. Other fields read inline, by their result type.
template <class F>
const Codec* fieldCodec(const ast::Node& field) {
    const Codec* codec = field.column ? field.column->codec : nullptr;
    if (codec == nullptr || codec->rebind == nullptr || codec->valueType != &valueTag<typename Unoptional<F>::type>) return nullptr;
    return codec;
}
template <class F>
void readField(const driver::Cursor& c, std::size_t i, F& out, const Codec* codec) {
    if (codec == nullptr) CodecFor<F>::read(c, i, out);
    else readMember(c, i, out, [codec](const driver::Cursor& r, std::size_t k, typename Unoptional<F>::type& v) { codec->readValue(r, k, &v); });
}
template <class Tuple, std::size_t... I>
void readFields(const driver::Cursor& c, Tuple& out, const std::array<const Codec*, sizeof...(I)>& codecs,
                std::index_sequence<I...>) {
    (readField(c, I, std::get<I>(out), codecs[I]), ...);
}
template <class Fields>
struct FieldCount : std::integral_constant<std::size_t, 0> {};
template <class Into, class... E>
struct FieldCount<FieldList<Into, E...>> : std::integral_constant<std::size_t, sizeof...(E)> {};

template <class T>
struct IsTable : std::false_type {};
template <class R, Dialect TD>
struct IsTable<Table<R, TD>> : std::true_type {};
template <class T>
struct SourceOfJoin {
    using type = T;  // an alias
};
template <class R, Dialect TD>
struct SourceOfJoin<Table<R, TD>> {
    using type = R;
};

template <class Fields>
struct IsIntoVoid : std::false_type {};
template <class... E>
struct IsIntoVoid<FieldList<void, E...>> : std::true_type {};

// Turns a result row into the query's result type.
template <class Fields, class Scope>
class Decoder {
public:
    using Result = typename ResultOf<Fields, Scope>::type;
    Decoder() = default;
    // `fields`: the statement's selected (or returned) fields, whose columns choose the codecs.
    explicit Decoder(const std::vector<ast::Node>& fields) {
        if constexpr (FieldCount<Fields>::value > 0) initCodecs(fields, static_cast<Fields*>(nullptr));
    }
    Result readOne(const driver::Cursor& c) const {
        Result r{};
        read(c, r);
        return r;
    }
    // Decodes in place (into a vector's new element, say): no moves of the row.
    void read(const driver::Cursor& c, Result& out) const {
        if constexpr (std::is_same_v<Fields, AllFields>) {
            if (!tables_[0]) tables_ = ScopeOps<Scope>::tables();
            std::size_t column = 0;
            if constexpr (ScopeOps<Scope>::size == 1) {
                readRowsInto(c, column, *tables_[0], out);
            } else {
                std::apply([&](auto&... r) {
                    std::size_t t = 0;
                    ((readRowsInto(c, column, *tables_[t++], r)), ...);
                }, out);
            }
        } else if constexpr (IsIntoVoid<Fields>::value) {
            readFields(c, out, codecs_, std::make_index_sequence<std::tuple_size_v<Result>>{});
        } else {
            out = readFieldsAs(c, static_cast<Fields*>(nullptr));
        }
    }
    template <class Into, class... E>
    Result readFieldsAs(const driver::Cursor& c, FieldList<Into, E...>*) const {
        std::tuple<FieldResult<Scope, E>...> values;
        readFields(c, values, codecs_, std::index_sequence_for<E...>{});
        if constexpr (std::is_void_v<Into>) return values;
        else return std::apply([](auto&... v) { return Into{std::move(v)...}; }, values);
    }

private:
    template <class Into, class... E>
    void initCodecs(const std::vector<ast::Node>& fields, FieldList<Into, E...>*) {
        if (fields.size() != sizeof...(E)) return;
        std::size_t i = 0;
        ((codecs_[i] = fieldCodec<FieldResult<Scope, E>>(fields[i]), ++i), ...);
    }

    mutable std::array<const TableDef*, ScopeOps<Scope>::size> tables_{};
    std::array<const Codec*, FieldCount<Fields>::value> codecs_{};
};

// A query's rows read one at a time, never all held: what query.iterate() returns.
//   for (const User& u : db.select().from(users).iterate()) ...
// Each row is decoded into the same object (its strings keep their buffers), valid until the
// next step. The connection is busy until the loop ends: run nothing else on it inside the
// loop (leaving early reads and drops the rest of the result).
template <class Result, class Decoder>
class RowStream {
public:
    RowStream(Running running, Decoder decoder) : running_(std::move(running)), decoder_(std::move(decoder)) {}
    RowStream(RowStream&&) noexcept = default;
    RowStream& operator=(RowStream&&) noexcept = default;
    RowStream(const RowStream&) = delete;
    RowStream& operator=(const RowStream&) = delete;
    ~RowStream() = default;

    struct End {};  // the end of the rows (a sentinel, as std::default_sentinel_t, without <iterator>)
    class iterator {
    public:
        using value_type = Result;
        using difference_type = std::ptrdiff_t;
        iterator() = default;
        explicit iterator(RowStream* owner) : owner_(owner) {}
        Result& operator*() const { return owner_->row_; }
        Result* operator->() const { return &owner_->row_; }
        iterator& operator++() {
            owner_->advance();
            return *this;
        }
        void operator++(int) { ++*this; }
        friend bool operator==(const iterator& i, End) { return i.atEnd(); }

    private:
        bool atEnd() const { return owner_ == nullptr || owner_->done_; }
        RowStream* owner_ = nullptr;
    };
    iterator begin() {
        if (!started_) {
            started_ = true;
            advance();
        }
        return iterator(this);
    }
    End end() const { return {}; }

private:
    void advance() {
        if (done_) return;
        if (!running_.cursor->next()) {
            done_ = true;
            running_.cursor->close();
            return;
        }
        decoder_.read(*running_.cursor, row_);
    }

    Running running_;
    Decoder decoder_;
    Result row_{};
    bool started_ = false;
    bool done_ = false;
};

}  // namespace detail

// A query used as a table: a subquery in FROM (`query.as<"sq">()`) or a CTE
// (`drizzle::cte<"sq">(query)`, named in `db.with(sq)`). Its columns are `sq(&User::name)` for a
// selected table column, or `sq.column<T>("alias")` for an expression selected with as(...).
template <Name N, Dialect D>
struct Derived {
    static constexpr Dialect dialect = D;
    std::shared_ptr<const ast::Select> query;
    bool isCte = false;

    template <class T, class M>
    Expr<M, Sources<Derived>, true> operator()(M T::*member) const {
        return {ast::columnNode(N.view(), &detail::columnOf(detail::memberRef(member)))};
    }
    template <class V>
    Expr<V, Sources<Derived>, true> column(std::string_view name) const {
        ast::Node n = ast::columnNode(N.view(), nullptr);
        n.text = name;
        return {std::move(n)};
    }
    ast::Source source() const { return ast::Source{nullptr, N.view(), isCte ? nullptr : query}; }
};
namespace detail {
template <Name N, Dialect D>
struct SourceTraits<Derived<N, D>> {
    static std::string_view qualifier() { return N.view(); }
};
template <class T>
struct IsDerived : std::false_type {};
template <Name N, Dialect D>
struct IsDerived<Derived<N, D>> : std::true_type {};
}  // namespace detail

// An expression selected under a name: `as(count(), "n")`, read back as sq.column<std::int64_t>("n").
template <class V, class S, bool C>
Expr<V, S, false> as(const Expr<V, S, C>& e, std::string_view name) {
    ast::Node alias;
    alias.kind = ast::Node::Kind::identifier;
    alias.text = name;
    ast::Node n = ast::rawNode("? as ?", {e.node, std::move(alias)});
    n.column = e.node.column;  // decoded as the column it names
    return {std::move(n)};
}

template <Dialect D, class Fields, class Scope>
class SelectQuery {
public:
    using Result = typename detail::ResultOf<Fields, Scope>::type;
    static constexpr Dialect dialect = D;
    template <class T>
    using SourceOf = typename detail::SourceOfJoin<T>::type;
    template <class T>
    using IsTable = detail::IsTable<T>;

    SelectQuery(Session* session, std::shared_ptr<ast::Select> tree)
        : session_(session), tree_(std::move(tree)), decoder_(tree_->fields) {}
    // A query is a value: a copy has a statement of its own, so changing it leaves the original
    // as it was. A chain on a temporary (db.select().from(t).where(...)) moves, copying nothing.
    SelectQuery(const SelectQuery& other)
        : session_(other.session_), tree_(std::make_shared<ast::Select>(*other.tree_)), decoder_(other.decoder_) {}
    SelectQuery(SelectQuery&&) noexcept = default;
    SelectQuery& operator=(const SelectQuery& other) {
        if (this != &other) *this = SelectQuery(other);
        return *this;
    }
    SelectQuery& operator=(SelectQuery&&) noexcept = default;
    ~SelectQuery() = default;

    // Each clause replaces what an earlier call of the same clause set (Drizzle's dynamic mode),
    // so a query can be built up conditionally: `if (f) q = std::move(q).where(...)`.
    template <class S>
    SelectQuery where(const Expr<bool, S>& condition) const& { return SelectQuery(*this).where(condition); }
    template <class S>
    SelectQuery where(const Expr<bool, S>& condition) && {
        static_assert(detail::AllInScope<Scope, S>::value,
                      "where(...): the condition uses a column of a table that is not in this query "
                      "(add the table with from() or a join; in a subquery, name the enclosing query's "
                      "columns with outer(...))");
        tree_->where = condition.node;
        return std::move(*this);
    }

    template <class... Terms>
    SelectQuery orderBy(const Terms&... terms) const& { return SelectQuery(*this).orderBy(terms...); }
    template <class... Terms>
    SelectQuery orderBy(const Terms&... terms) && {
        tree_->orderBy = {orderOf(terms)...};
        return std::move(*this);
    }
    template <class... Xs>
    SelectQuery groupBy(const Xs&... expressions) const& { return SelectQuery(*this).groupBy(expressions...); }
    template <class... Xs>
    SelectQuery groupBy(const Xs&... expressions) && {
        static_assert((detail::AllInScope<Scope, detail::SourcesOf<Xs>>::value && ...),
                      "groupBy(...): a column of a table that is not in this query");
        tree_->groupBy = {detail::toNode<void>(expressions)...};
        return std::move(*this);
    }
    template <class S>
    SelectQuery having(const Expr<bool, S>& condition) const& { return SelectQuery(*this).having(condition); }
    template <class S>
    SelectQuery having(const Expr<bool, S>& condition) && {
        static_assert(detail::AllInScope<Scope, S>::value, "having(...): a column of a table that is not in this query");
        tree_->having = condition.node;
        return std::move(*this);
    }
    template <class N>
    SelectQuery limit(const N& n) const& { return SelectQuery(*this).limit(n); }
    template <class N>
    SelectQuery limit(const N& n) && {
        static_assert((std::is_integral_v<N> && !std::is_same_v<N, bool>) || std::is_same_v<N, Placeholder>,
                      "limit(n): n must be an integer or a placeholder");
        tree_->limit = detail::toNode<std::int64_t>(n);
        return std::move(*this);
    }
    template <class N>
    SelectQuery offset(const N& n) const& { return SelectQuery(*this).offset(n); }
    template <class N>
    SelectQuery offset(const N& n) && {
        static_assert((std::is_integral_v<N> && !std::is_same_v<N, bool>) || std::is_same_v<N, Placeholder>,
                      "offset(n): n must be an integer or a placeholder");
        tree_->offset = detail::toNode<std::int64_t>(n);
        return std::move(*this);
    }
    SelectQuery distinct() const& { return SelectQuery(*this).distinct(); }
    SelectQuery distinct() && {
        tree_->distinct = true;
        return std::move(*this);
    }
    template <class... Xs>
    SelectQuery distinctOn(const Xs&... expressions) const& { return SelectQuery(*this).distinctOn(expressions...); }
    template <class... Xs>
    SelectQuery distinctOn(const Xs&... expressions) && {
        static_assert(traitsOf(D).distinctOn, "distinctOn(...): DISTINCT ON is PostgreSQL's");
        tree_->distinctOn = {detail::toNode<void>(expressions)...};
        return std::move(*this);
    }
    SelectQuery forUpdate(std::string_view option = {}) const& { return SelectQuery(*this).forUpdate(option); }
    SelectQuery forUpdate(std::string_view option = {}) && { return std::move(*this).lock("for update", option); }
    SelectQuery forShare(std::string_view option = {}) const& { return SelectQuery(*this).forShare(option); }
    SelectQuery forShare(std::string_view option = {}) && { return std::move(*this).lock("for share", option); }
    // Drizzle's `$dynamic()`: every query here may already be built up step by step.
    SelectQuery dynamic() const& { return *this; }
    SelectQuery dynamic() && { return std::move(*this); }

    // ---- joins ----
    template <class T, class S>
    auto innerJoin(const T& table, const Expr<bool, S>& on) const& { return SelectQuery(*this).innerJoin(table, on); }
    template <class T, class S>
    auto innerJoin(const T& table, const Expr<bool, S>& on) && {
        return std::move(*this).template join<typename detail::ScopeOps<Scope>::template Add<SourceOf<T>, false>>("inner join", table, on);
    }
    template <class T, class S>
    auto leftJoin(const T& table, const Expr<bool, S>& on) const& { return SelectQuery(*this).leftJoin(table, on); }
    template <class T, class S>
    auto leftJoin(const T& table, const Expr<bool, S>& on) && {
        return std::move(*this).template join<typename detail::ScopeOps<Scope>::template Add<SourceOf<T>, true>>("left join", table, on);
    }
    template <class T, class S>
    auto rightJoin(const T& table, const Expr<bool, S>& on) const& { return SelectQuery(*this).rightJoin(table, on); }
    template <class T, class S>
    auto rightJoin(const T& table, const Expr<bool, S>& on) && {
        return std::move(*this).template join<typename detail::ScopeOps<Scope>::template AddNullingOthers<SourceOf<T>, false>>(
            "right join", table, on);
    }
    template <class T, class S>
    auto fullJoin(const T& table, const Expr<bool, S>& on) const& { return SelectQuery(*this).fullJoin(table, on); }
    template <class T, class S>
    auto fullJoin(const T& table, const Expr<bool, S>& on) && {
        static_assert(traitsOf(D).fullJoin, "fullJoin(...): MySQL has no FULL JOIN");
        return std::move(*this).template join<typename detail::ScopeOps<Scope>::template AddNullingOthers<SourceOf<T>, true>>(
            "full join", table, on);
    }
    template <class T>
    auto crossJoin(const T& table) const& { return SelectQuery(*this).crossJoin(table); }
    template <class T>
    auto crossJoin(const T& table) && {
        using Next = typename detail::ScopeOps<Scope>::template Add<SourceOf<T>, false>;
        addJoin("cross join", table, std::nullopt);
        return SelectQuery<D, Fields, Next>(session_, std::move(tree_));
    }

    // ---- set operations: both sides must give the same result type ----
    template <class Q>
    SelectQuery union_(const Q& other) const { return setOperation("union", other); }
    template <class Q>
    SelectQuery unionAll(const Q& other) const { return setOperation("union all", other); }
    template <class Q>
    SelectQuery intersect(const Q& other) const { return setOperation("intersect", other); }
    template <class Q>
    SelectQuery intersectAll(const Q& other) const {
        static_assert(traitsOf(D).intersectAllExceptAll, "intersectAll(...): SQLite has no INTERSECT ALL");
        return setOperation("intersect all", other);
    }
    template <class Q>
    SelectQuery except(const Q& other) const { return setOperation("except", other); }
    template <class Q>
    SelectQuery exceptAll(const Q& other) const {
        static_assert(traitsOf(D).intersectAllExceptAll, "exceptAll(...): SQLite has no EXCEPT ALL");
        return setOperation("except all", other);
    }

    // ---- running ----
    std::vector<Result> all() const {
        check();
        const ast::Printed printed = ast::print(D, *tree_);
        detail::Running running = session_->run(printed);
        return readAll(*running.cursor);
    }
    // The rows one at a time as the database sends them: memory for one row, whatever the
    // result's size (see detail::RowStream).
    detail::RowStream<Result, detail::Decoder<Fields, Scope>> iterate() const {
        check();
        return {session_->runUnbuffered(ast::print(D, *tree_)), decoder_};
    }
    // The first row, if any (add limit(1) to fetch only one).
    std::optional<Result> get() const {
        auto rows = all();
        if (rows.empty()) return std::nullopt;
        return std::move(rows.front());
    }
    std::string toSQL() const {
        check();
        return ast::print(D, *tree_).sql;
    }

    class Prepared {
    public:
        Prepared(const SelectQuery& query)
            : query_(query), statement_(*query_.session_, ast::print(D, *query_.tree_), query_.tree_) {}
        std::vector<Result> all(std::initializer_list<Bind> binds = {}) { return query_.readAll(statement_.open(binds)); }
        std::optional<Result> get(std::initializer_list<Bind> binds = {}) {
            driver::Cursor& c = statement_.open(binds);
            if (!c.next()) return std::nullopt;
            std::optional<Result> r = query_.readOne(c);
            c.close();
            return r;
        }
        const std::string& sql() const { return statement_.sql(); }

    private:
        SelectQuery query_;
        PreparedStatement statement_;
    };
    Prepared prepare() const {
        check();
        return Prepared(*this);
    }

    // This query as a table in another query's FROM or join: `.as<"sq">()`.
    template <Name N>
    Derived<N, D> as() const {
        return {tree(), false};
    }

    // For subqueries: the statement tree, checked; a copy, which later changes to this query
    // do not reach.
    std::shared_ptr<const ast::Select> tree() const {
        check();
        return std::make_shared<const ast::Select>(*tree_);
    }

private:
    template <Dialect, class, class>
    friend class SelectQuery;

    template <class T>
    static ast::Source sourceNode(const T& table) {
        if constexpr (IsTable<T>::value) {
            static_assert(T::dialect == D, "join: the table is declared for another dialect");
            return ast::Source{table.definition(), {}, nullptr};
        } else if constexpr (detail::IsDerived<T>::value) {
            static_assert(T::dialect == D, "join: the subquery reads tables of another dialect");
            static_assert(!std::is_same_v<Fields, detail::AllFields>, "select() with a subquery joined: select the columns you want");
            return table.source();
        } else {
            static_assert(T::dialect == D, "join: the table is declared for another dialect");
            return ast::Source{table.table.definition(), detail::SourceTraits<T>::qualifier(), nullptr};
        }
    }

    template <class Next, class T, class S>
    SelectQuery<D, Fields, Next> join(std::string_view kind, const T& table, const Expr<bool, S>& on) && {
        static_assert(detail::AllInScope<Next, S>::value,
                      "join(table, on): the condition uses a column of a table that is not in this query");
        addJoin(kind, table, on.node);
        return SelectQuery<D, Fields, Next>(session_, std::move(tree_));
    }
    template <class T>
    void addJoin(std::string_view kind, const T& table, std::optional<ast::Node> on) {
        ast::Join j{kind, sourceNode(table), std::move(on), false};
        // select() with joins returns every table's row: their columns follow in join order.
        if constexpr (std::is_same_v<Fields, detail::AllFields>)
            detail::appendColumns(tree_->fields, *j.source.table, j.source.qualifier());
        tree_->joins.push_back(std::move(j));
    }

    template <class X>
    ast::Order orderOf(const X& term) const {
        if constexpr (requires { term.order; }) {
            static_assert(detail::AllInScope<Scope, typename X::SourceList>::value,
                          "orderBy(...): a column of a table that is not in this query");
            return term.order;
        } else {
            static_assert(detail::isExpressionLike<X>, "orderBy(x): x must be a column, an expression, asc(...) or desc(...)");
            static_assert(detail::AllInScope<Scope, detail::SourcesOf<X>>::value,
                          "orderBy(...): a column of a table that is not in this query");
            return ast::Order{detail::toNode<void>(term), false, {}};
        }
    }

    SelectQuery lock(std::string_view strength, std::string_view option) && {
        static_assert(traitsOf(D).rowLocks, "forUpdate()/forShare(): SQLite has no row locks (a write transaction locks the database)");
        tree_->lock = option == "nowait" ? (strength == "for update" ? "for update nowait" : "for share nowait")
                      : option == "skip locked" ? (strength == "for update" ? "for update skip locked" : "for share skip locked")
                                                : strength;
        return std::move(*this);
    }

    template <class Q>
    SelectQuery setOperation(std::string_view kind, const Q& other) const {
        static_assert(std::is_same_v<typename Q::Result, Result>,
                      "union/intersect/except: both queries must select the same types");
        static_assert(Q::dialect == D, "union/intersect/except: the other query reads tables of another dialect");
        SelectQuery q(*this);
        q.tree_->setOperations.push_back(ast::SetOperation{kind, other.tree()});
        return q;
    }

    void check() const {
        if constexpr (!std::is_same_v<Fields, detail::AllFields>) checkFields(static_cast<Fields*>(nullptr));
    }
    template <class Into, class... E>
    static void checkFields(detail::FieldList<Into, E...>*) {
        static_assert(detail::fieldsInScope<Scope, E...>,
                      "select(...): a selected column belongs to a table that is not in this query "
                      "(add the table with from() or a join)");
    }

    Result readOne(const driver::Cursor& c) const { return decoder_.readOne(c); }
    std::vector<Result> readAll(driver::Cursor& c) const {
        std::vector<Result> out;
        out.reserve(c.rowCountHint());
        while (c.next()) decoder_.read(c, out.emplace_back());
        return out;
    }

    Session* session_;
    std::shared_ptr<ast::Select> tree_;
    detail::Decoder<Fields, Scope> decoder_;
};

// What `db.select(...)` returns: the fields, waiting for from(). `Expect` is the database's
// dialect when its type says it (DatabaseOf<D>), -1 when only the connection knows.
template <class Fields, int Expect = -1>
class SelectStart {
public:
    SelectStart(Session* session, std::shared_ptr<ast::Select> tree) : session_(session), tree_(std::move(tree)) {}

    // Each from() starts a query of its own: one SelectStart may begin several (db.select()
    // itself, a temporary, hands its statement on).
    template <class Row, Dialect D>
    SelectQuery<D, Fields, detail::Scope<detail::Entry<Row, false>>> from(const Table<Row, D>& table) const& {
        return SelectStart(*this).from(table);
    }
    template <class Row, Dialect D>
    SelectQuery<D, Fields, detail::Scope<detail::Entry<Row, false>>> from(const Table<Row, D>& table) && {
        static_assert(Expect < 0 || D == Dialect(Expect),
                      "from(table): the table is declared for another dialect than the database's");
        detail::checkDialect(D, session_->dialect());
        tree_->from = ast::Source{table.definition(), {}, nullptr};
        if constexpr (std::is_same_v<Fields, detail::AllFields>) detail::appendColumns(tree_->fields, *table.definition(), {});
        return {session_, std::move(tree_)};
    }
    template <Name N, class Row, Dialect D>
    SelectQuery<D, Fields, detail::Scope<detail::Entry<Aliased<N, Row, D>, false>>> from(const Aliased<N, Row, D>& a) const& {
        return SelectStart(*this).from(a);
    }
    template <Name N, class Row, Dialect D>
    SelectQuery<D, Fields, detail::Scope<detail::Entry<Aliased<N, Row, D>, false>>> from(const Aliased<N, Row, D>& a) && {
        static_assert(Expect < 0 || D == Dialect(Expect),
                      "from(table): the table is declared for another dialect than the database's");
        detail::checkDialect(D, session_->dialect());
        tree_->from = ast::Source{a.table.definition(), N.view(), nullptr};
        if constexpr (std::is_same_v<Fields, detail::AllFields>) detail::appendColumns(tree_->fields, *a.table.definition(), N.view());
        return {session_, std::move(tree_)};
    }

    template <Name N, Dialect D>
    SelectQuery<D, Fields, detail::Scope<detail::Entry<Derived<N, D>, false>>> from(const Derived<N, D>& sq) const& {
        return SelectStart(*this).from(sq);
    }
    template <Name N, Dialect D>
    SelectQuery<D, Fields, detail::Scope<detail::Entry<Derived<N, D>, false>>> from(const Derived<N, D>& sq) && {
        static_assert(Expect < 0 || D == Dialect(Expect),
                      "from(subquery): the subquery reads tables of another dialect than the database's");
        static_assert(!std::is_same_v<Fields, detail::AllFields>,
                      "select().from(subquery): select the subquery's columns you want, sq(&Row::member) or sq.column<T>(name)");
        tree_->from = sq.source();
        return {session_, std::move(tree_)};
    }

private:
    Session* session_;
    std::shared_ptr<ast::Select> tree_;

public:
    SelectStart(const SelectStart& other) : session_(other.session_), tree_(std::make_shared<ast::Select>(*other.tree_)) {}
    SelectStart(SelectStart&&) noexcept = default;
    SelectStart& operator=(const SelectStart&) = delete;
    SelectStart& operator=(SelectStart&&) = delete;
    ~SelectStart() = default;
};

// A common table expression: WITH "name" AS (query). Start the query that uses it with
// db.with(cte).select(...).
template <Name N, class Q>
Derived<N, Q::dialect> cte(const Q& query) {
    return {query.tree(), true};
}

}  // namespace drizzle

namespace drizzle {

template <class Q>
concept SubqueryLike = requires(const Q& q) {
    typename Q::Result;
    q.tree();
};

// EXISTS (subquery) / NOT EXISTS (subquery). A correlated subquery names the enclosing query's
// columns with outer(...).
template <SubqueryLike Q>
Expr<bool> exists(const Q& query) {
    ast::Node n;
    n.kind = ast::Node::Kind::exists;
    n.text = "exists";
    n.query = query.tree();
    return {std::move(n)};
}
template <SubqueryLike Q>
Expr<bool> notExists(const Q& query) {
    auto e = exists(query);
    e.node.text = "not exists";
    return e;
}

// A one-column subquery as a value: in a select list, a comparison or a set(...). NULL (so
// std::optional) when it finds no row; a correlated one names the outer query's columns with
// outer(...).
//   db.select(&User::name, scalar(db.select(max(&Post::id)).from(posts).where(eq(&Post::userId, outer(&User::id)))))
template <SubqueryLike Q>
auto scalar(const Q& query) {
    static_assert(std::tuple_size_v<typename Q::Result> == 1, "scalar(subquery): the subquery must select one column");
    using V = detail::ValueOf<std::tuple_element_t<0, typename Q::Result>>;
    ast::Node n;
    n.kind = ast::Node::Kind::subquery;
    n.query = query.tree();
    return Expr<std::optional<V>>{std::move(n)};
}
// Drizzle's `$count(table, where)` as a field: (select count(*) from table where ...).
// db.count(table, where) runs the same count at once.
template <class Row, Dialect D>
Expr<std::int64_t> countOf(const Table<Row, D>& table) {
    auto select = std::make_shared<ast::Select>();
    select->fields.push_back(count().node);
    select->from = ast::Source{table.definition(), {}, nullptr};
    ast::Node n;
    n.kind = ast::Node::Kind::subquery;
    n.query = std::move(select);
    return {std::move(n)};
}
template <class Row, Dialect D, class S>
Expr<std::int64_t> countOf(const Table<Row, D>& table, const Expr<bool, S>& where) {
    static_assert(detail::AllInScope<detail::Scope<detail::Entry<Row, false>>, S>::value,
                  "countOf(table, where): the condition uses a column of another table (name the outer query's with outer(...))");
    Expr<std::int64_t> e = countOf(table);
    std::const_pointer_cast<ast::Select>(e.node.query)->where = where.node;
    return e;
}

namespace detail {
template <class X, SubqueryLike Q>
ast::Node inSubquery(const X& x, const Q& query, std::string_view op) {
    static_assert(std::tuple_size_v<typename Q::Result> == 1, "inArray(column, subquery): the subquery must select one column");
    static_assert(comparable<typename Operand<X>::Value, std::tuple_element_t<0, typename Q::Result>>,
                  "inArray(column, subquery): the subquery's column has another type");
    ast::Node sub;
    sub.kind = ast::Node::Kind::subquery;
    sub.query = query.tree();
    return ast::binaryNode(toNode<void>(x), op, std::move(sub));
}
}  // namespace detail

template <class X, SubqueryLike Q>
Expr<bool, detail::SourcesOf<X>> inArray(const X& x, const Q& query) {
    return {detail::inSubquery(x, query, " in ")};
}
template <class X, SubqueryLike Q>
Expr<bool, detail::SourcesOf<X>> notInArray(const X& x, const Q& query) {
    return {detail::inSubquery(x, query, " not in ")};
}

}  // namespace drizzle

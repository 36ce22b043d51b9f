// Typed expressions: columns, values and the operators over them (Drizzle's `eq`, `and`,
// `count`, `sql`...). An expression's type records its C++ value type and the tables it reads,
// so a query can refuse, at compile time, a comparison of mismatched types or a column of a
// table it does not select from. Each expression lowers at once into an ast::Node.
//
//   auto open = and_(eq(&Task::done, false), gt(&Task::importance, 2));
//   auto named = sql<bool>("lower(?) = ?", &User::name, "ada");
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <vector>

#include "drizzle/detail/ast.hpp"
#include "drizzle/query/codec.hpp"
#include "drizzle/schema/table.hpp"

namespace drizzle {

// ---- sources: what a query reads from ------------------------------------------------------
template <class... S>
struct Sources {};

// A compile-time name (aliases, CTEs, subqueries): `drizzle::alias<"parent">(users)`.
template <std::size_t N>
struct Name {
    char text[N]{};
    constexpr Name(const char (&s)[N]) {  // NOLINT(google-explicit-constructor)
        for (std::size_t i = 0; i < N; ++i) text[i] = s[i];
    }
    constexpr std::string_view view() const { return {text, N - 1}; }
};

namespace detail {
// Registry lookups (src/query/lookup.cpp): member → column, row type → table.
const ColumnSpec& columnOf(MemberRef member);
const TableDef& tableOf(const void* owner);
std::string_view tableNameOf(const void* owner);

template <class T>
struct SourceTraits {  // a plain row type: its table, qualified by the table's name
    using Row = T;
    static std::string_view qualifier() { return tableNameOf(&typeTag<T>); }
};
}  // namespace detail

// A table under another name, for self-joins: its columns are `parent(&User::id)`.
template <Name N, class Row, Dialect D>
struct Aliased {
    using RowType = Row;
    static constexpr Dialect dialect = D;
    const Table<Row, D>& table;
    template <class T, class M>
    auto operator()(M T::*member) const;
};
template <Name N, class Row, Dialect D>
Aliased<N, Row, D> alias(const Table<Row, D>& table) {
    return {table};
}
namespace detail {
template <Name N, class Row, Dialect D>
struct SourceTraits<Aliased<N, Row, D>> {
    using Row_ = Row;
    static std::string_view qualifier() { return N.view(); }
};
}  // namespace detail

// ---- typed expressions ---------------------------------------------------------------------
// `V` is the value's C++ type (std::optional when it may be NULL); `S` the sources it reads;
// `IsColumn` whether it is a bare column (a column of an outer-joined table becomes optional).
template <class V, class S = Sources<>, bool IsColumn = false>
struct Expr {
    using Value = V;
    using SourceList = S;
    static constexpr bool isColumn = IsColumn;
    ast::Node node;
};

template <class T>
struct IsExpr : std::false_type {};
template <class V, class S, bool C>
struct IsExpr<Expr<V, S, C>> : std::true_type {};

template <class T, class M>
Expr<M, Sources<T>, true> column(M T::*member) {
    const auto& spec = detail::columnOf(detail::memberRef(member));
    return {ast::columnNode(detail::SourceTraits<T>::qualifier(), &spec)};
}

template <Name N, class Row, Dialect D>
template <class T, class M>
auto Aliased<N, Row, D>::operator()(M T::*member) const {
    static_assert(std::is_same_v<T, Row>,
                  "alias(member): the member belongs to another table than the aliased one");
    const auto& spec = detail::columnOf(detail::memberRef(member));
    return Expr<M, Sources<Aliased>, true>{ast::columnNode(N.view(), &spec)};
}

// A column or an expression, as an expression.
template <class X>
auto asExpr(const X& x) {
    if constexpr (IsExpr<X>::value) return x;
    else return column(x);
}

// A column of the enclosing query, inside a correlated subquery: the subquery does not read
// that table itself, so its checks let the column through.
template <class T, class M>
Expr<M, Sources<>, true> outer(M T::*member) {
    return {column(member).node};
}

// A value supplied when a prepared query runs: `eq(&User::id, placeholder("id"))`.
struct Placeholder {
    std::string_view name;
};
inline Placeholder placeholder(std::string_view name) { return {name}; }

namespace detail {

template <class A, class B>
struct Concat;
template <class... A, class... B>
struct Concat<Sources<A...>, Sources<B...>> {
    using type = Sources<A..., B...>;
};
template <class... Ls>
struct Merge {
    using type = Sources<>;
};
template <class L, class... Ls>
struct Merge<L, Ls...> {
    using type = typename Concat<L, typename Merge<Ls...>::type>::type;
};

// What an operand is: an expression, a member pointer (a column), a placeholder, or a value.
template <class X>
struct Operand {  // a plain value: no sources
    using Value = X;
    using SourceList = Sources<>;
};
template <class V, class S, bool C>
struct Operand<Expr<V, S, C>> {
    using Value = V;
    using SourceList = S;
};
template <class T, class M>
struct Operand<M T::*> {
    using Value = M;
    using SourceList = Sources<T>;
};
template <>
struct Operand<Placeholder> {
    using Value = Placeholder;
    using SourceList = Sources<>;
};

template <class X>
inline constexpr bool isExpressionLike = IsExpr<X>::value || std::is_member_object_pointer_v<X>;

// Whether a value of type B may stand where the column type A is expected.
template <class A, class B>
inline constexpr bool comparable = [] {
    using X = std::decay_t<ValueOf<A>>;
    using Y = std::decay_t<ValueOf<B>>;
    if constexpr (std::is_same_v<Y, Placeholder>) return true;
    else if constexpr (std::is_same_v<X, Y>) return true;
    else if constexpr (std::is_same_v<X, bool> || std::is_same_v<Y, bool>) return false;
    else if constexpr (std::is_arithmetic_v<X> && std::is_arithmetic_v<Y>)
        return std::is_floating_point_v<X> || std::is_integral_v<Y>;
    else if constexpr (std::is_same_v<X, std::string>) return std::is_convertible_v<const Y&, std::string_view>;
    else return std::is_convertible_v<const Y&, X>;
}();

// An operand as a node; a plain value goes through the codec of the type it is compared with.
template <class Target, class X>
ast::Node toNode(const X& x) {
    if constexpr (IsExpr<X>::value) {
        return x.node;
    } else if constexpr (std::is_member_object_pointer_v<X>) {
        return column(x).node;
    } else if constexpr (std::is_same_v<X, Placeholder>) {
        ast::Node n;
        n.kind = ast::Node::Kind::placeholder;
        n.text = x.name;
        return n;
    } else if constexpr (std::is_same_v<X, std::nullptr_t>) {
        return ast::paramNode(nullptr);
    } else if constexpr (isDefaulted<X>) {
        return toNode<Target>(x.value());
    } else if constexpr (isOptional<X>) {
        // A value that may be absent, of any type: NULL when it is, else the value itself.
        return x ? toNode<Target>(*x) : ast::paramNode(nullptr);
    } else {
        using T = std::decay_t<ValueOf<Target>>;
        if constexpr (std::is_same_v<T, std::string> || std::is_convertible_v<const X&, std::string_view>)
            return ast::paramNode(std::string(std::string_view(x)));
        else if constexpr (std::is_constructible_v<T, const X&>) return ast::paramNode(CodecFor<T>::write(T(x)));
        else return ast::paramNode(CodecFor<std::decay_t<X>>::write(x));
    }
}

// A value compared with, or written to, a column: bound by that column's codec, which knows what
// its SQL type needs (a std::string on a binary column is bytes, SQLite's epoch timestamps are
// integers, a PostgreSQL timestamp is said to be UTC). `column` is the subject's column: named
// by member pointer or reached through an alias, a subquery, or min/max of it. A placeholder
// records it, so its value is bound the same way when the prepared query runs.
template <class A, class X>
ast::Node valueFor(const ColumnSpec* column, const X& x) {
    using V = std::decay_t<ValueOf<A>>;
    if constexpr (isDefaulted<X>) {
        return valueFor<A>(column, x.value());
    } else if constexpr (isOptional<X>) {
        return x ? valueFor<A>(column, *x) : ast::paramNode(nullptr);
    } else if constexpr (std::is_same_v<X, Placeholder>) {
        ast::Node n = toNode<A>(x);
        n.column = column;
        return n;
    } else if constexpr (!IsExpr<X>::value && !std::is_member_object_pointer_v<X> && !std::is_same_v<X, std::nullptr_t> &&
                         std::is_constructible_v<V, const X&>) {
        if (column != nullptr && column->codec != nullptr && column->codec->valueType == &valueTag<V>) {
            const V value(x);
            return ast::paramNode(column->codec->writeValue(&value));
        }
    }
    return toNode<A>(x);
}
// An operand compared with `subject`: through the subject's column, when it has one.
template <class A, class S, class X>
ast::Node operandFor(const S& subject, const X& x) {
    if constexpr (std::is_member_object_pointer_v<S>) return valueFor<A>(&columnOf(memberRef(subject)), x);
    else if constexpr (IsExpr<S>::value) return valueFor<A>(subject.node.column, x);
    else return toNode<A>(x);
}

template <class... Xs>
using SourcesOf = typename Merge<typename Operand<Xs>::SourceList...>::type;

template <class L, class R>
Expr<bool, SourcesOf<L, R>> compare(const L& left, std::string_view op, const R& right) {
    using A = typename Operand<L>::Value;
    return {ast::binaryNode(toNode<A>(left), op, operandFor<A>(left, right))};
}

}  // namespace detail

#define DRIZZLE_COMPARISON(fn, op)                                                                   \
    template <class L, class R>                                                                      \
    Expr<bool, detail::SourcesOf<L, R>> fn(const L& left, const R& right) {                          \
        static_assert(detail::isExpressionLike<L>, #fn "(a, b): the first operand must be a column or an expression"); \
        static_assert(!std::is_same_v<R, std::nullptr_t> && !std::is_same_v<R, std::nullopt_t>,         \
                      #fn "(column, null): NULL compares to nothing; use isNull(column) or isNotNull(column)"); \
        static_assert(detail::comparable<typename detail::Operand<L>::Value, typename detail::Operand<R>::Value>, \
                      #fn "(a, b): the operands have different value types");                          \
        return detail::compare(left, op, right);                                                     \
    }
DRIZZLE_COMPARISON(eq, " = ")
DRIZZLE_COMPARISON(ne, " <> ")
DRIZZLE_COMPARISON(gt, " > ")
DRIZZLE_COMPARISON(gte, " >= ")
DRIZZLE_COMPARISON(lt, " < ")
DRIZZLE_COMPARISON(lte, " <= ")
#undef DRIZZLE_COMPARISON

template <class L, class R>
Expr<bool, detail::SourcesOf<L, R>> like(const L& left, const R& pattern) {
    static_assert(std::is_same_v<detail::ValueOf<typename detail::Operand<L>::Value>, std::string>,
                  "like(column, pattern): the column is not text");
    return detail::compare(left, " like ", pattern);
}
template <class L, class R>
Expr<bool, detail::SourcesOf<L, R>> notLike(const L& left, const R& pattern) {
    static_assert(std::is_same_v<detail::ValueOf<typename detail::Operand<L>::Value>, std::string>,
                  "notLike(column, pattern): the column is not text");
    static_assert(detail::comparable<std::string, typename detail::Operand<R>::Value>, "notLike(column, pattern): the pattern is not text");
    return detail::compare(left, " not like ", pattern);
}
// Case-insensitive LIKE: PostgreSQL's ILIKE; elsewhere LIKE, which is case-insensitive for ASCII
// on SQLite and with MySQL's default collations.
template <class L, class R>
Expr<bool, detail::SourcesOf<L, R>> ilike(const L& left, const R& pattern) {
    static_assert(std::is_same_v<detail::ValueOf<typename detail::Operand<L>::Value>, std::string>,
                  "ilike(column, pattern): the column is not text");
    auto e = detail::compare(left, " ilike ", pattern);
    return e;
}

template <class X>
Expr<bool, detail::SourcesOf<X>> isNull(const X& x) {
    static_assert(detail::isExpressionLike<X>, "isNull(x): x must be a column or an expression");
    ast::Node n;
    n.kind = ast::Node::Kind::postfix;
    n.text = " is null";
    n.args.push_back(detail::toNode<void>(x));
    return {std::move(n)};
}
template <class X>
Expr<bool, detail::SourcesOf<X>> isNotNull(const X& x) {
    static_assert(detail::isExpressionLike<X>, "isNotNull(x): x must be a column or an expression");
    ast::Node n;
    n.kind = ast::Node::Kind::postfix;
    n.text = " is not null";
    n.args.push_back(detail::toNode<void>(x));
    return {std::move(n)};
}

template <class X, class A, class B>
Expr<bool, detail::SourcesOf<X, A, B>> between(const X& x, const A& low, const B& high) {
    using V = typename detail::Operand<X>::Value;
    static_assert(detail::isExpressionLike<X>, "between(x, low, high): x must be a column or an expression");
    static_assert(detail::comparable<V, typename detail::Operand<A>::Value> &&
                      detail::comparable<V, typename detail::Operand<B>::Value>,
                  "between(a, low, high): the bounds' types differ from the value's");
    ast::Node n = ast::rawNode("? between ? and ?");
    n.args = {detail::toNode<V>(x), detail::operandFor<V>(x, low), detail::operandFor<V>(x, high)};
    return {std::move(n)};
}

namespace detail {
// Lists longer than this go as one bound value (a JSON array, or a PostgreSQL array): a list of
// any length then fits the dialects' parameter limits (SQLite 32,766; MySQL, PostgreSQL 65,535).
inline constexpr std::size_t longInList = 1000;
// x IN (values) with the values as one parameter (src/query/codec_support.cpp); the plain list
// when a value cannot travel that way (bytes, NaN).
ast::Node valueSet(ast::Node x, std::string_view op, std::vector<ast::Node> values);
template <class X, class Range>
ast::Node inList(const X& x, const Range& values, std::string_view op) {
    using V = typename Operand<X>::Value;
    static_assert(isExpressionLike<X>, "inArray(x, values): x must be a column or an expression");
    ast::Node list;
    list.kind = ast::Node::Kind::list;
    for (const auto& v : values) {
        static_assert(comparable<V, std::decay_t<decltype(v)>>, "inArray(column, values): the values' type differs from the column's");
        list.args.push_back(operandFor<V>(x, v));
    }
    // An empty list matches nothing (IN () is not SQL).
    if (list.args.empty()) return ast::rawNode(op == " in " ? "false" : "true");
    if (list.args.size() > longInList) return valueSet(toNode<V>(x), op, std::move(list.args));
    return ast::binaryNode(toNode<V>(x), op, std::move(list));
}
}  // namespace detail

template <class X, class T>
Expr<bool, detail::SourcesOf<X>> inArray(const X& x, const std::vector<T>& values) {
    return {detail::inList(x, values, " in ")};
}
template <class X, class T>
Expr<bool, detail::SourcesOf<X>> inArray(const X& x, std::initializer_list<T> values) {
    return {detail::inList(x, values, " in ")};
}
template <class X, class T>
Expr<bool, detail::SourcesOf<X>> notInArray(const X& x, const std::vector<T>& values) {
    return {detail::inList(x, values, " not in ")};
}
template <class X, class T>
Expr<bool, detail::SourcesOf<X>> notInArray(const X& x, std::initializer_list<T> values) {
    return {detail::inList(x, values, " not in ")};
}

// and/or/not are C++ keywords, hence the underscore; `&&`, `||` and `!` work too.
template <class... S>
Expr<bool, typename detail::Merge<S...>::type> and_(const Expr<bool, S>&... conditions) {
    return {ast::chainNode(" and ", {conditions.node...})};
}
template <class... S>
Expr<bool, typename detail::Merge<S...>::type> or_(const Expr<bool, S>&... conditions) {
    return {ast::chainNode(" or ", {conditions.node...})};
}
template <class S>
Expr<bool, S> not_(const Expr<bool, S>& condition) {
    ast::Node n;
    n.kind = ast::Node::Kind::unary;
    n.text = "not ";
    n.args.push_back(condition.node);
    return {std::move(n)};
}
// Conditions gathered at run time (a search form's filters): all of them, or any; an empty
// list is TRUE for and_ and FALSE for or_, so where(and_(filters)) with no filter keeps every row.
namespace detail {
template <class S>
Expr<bool, S> chainOf(std::string_view op, const std::vector<Expr<bool, S>>& conditions, std::string_view none) {
    if (conditions.empty()) return {ast::rawNode(std::string(none))};
    std::vector<ast::Node> nodes;
    for (const auto& c : conditions) nodes.push_back(c.node);
    return {ast::chainNode(op, std::move(nodes))};
}
}  // namespace detail
template <class S>
Expr<bool, S> and_(const std::vector<Expr<bool, S>>& conditions) {
    return detail::chainOf(" and ", conditions, "true");
}
template <class S>
Expr<bool, S> or_(const std::vector<Expr<bool, S>>& conditions) {
    return detail::chainOf(" or ", conditions, "false");
}
template <class S1, class S2>
Expr<bool, typename detail::Merge<S1, S2>::type> operator&&(const Expr<bool, S1>& a, const Expr<bool, S2>& b) {
    return and_(a, b);
}
template <class S1, class S2>
Expr<bool, typename detail::Merge<S1, S2>::type> operator||(const Expr<bool, S1>& a, const Expr<bool, S2>& b) {
    return or_(a, b);
}
template <class S>
Expr<bool, S> operator!(const Expr<bool, S>& a) {
    return not_(a);
}

// PostgreSQL arrays: @>, <@, &&.
namespace detail {
template <class V>
struct IsArrayValue : std::false_type {};
template <class T, class A>
struct IsArrayValue<std::vector<T, A>> : std::bool_constant<!std::is_same_v<T, unsigned char> && !std::is_same_v<T, std::byte>> {};
template <class L, class R>
constexpr void checkArrays() {
    static_assert(IsArrayValue<ValueOf<typename Operand<L>::Value>>::value,
                  "arrayContains/arrayContained/arrayOverlaps: the column is not an array (a std::vector member on PostgreSQL)");
    static_assert(comparable<typename Operand<L>::Value, typename Operand<R>::Value>,
                  "arrayContains/arrayContained/arrayOverlaps: the values are not an array of the column's element type");
}
}  // namespace detail
template <class L, class R>
Expr<bool, detail::SourcesOf<L, R>> arrayContains(const L& column, const R& values) {
    detail::checkArrays<L, R>();
    return detail::compare(column, " @> ", values);
}
template <class L, class R>
Expr<bool, detail::SourcesOf<L, R>> arrayContained(const L& column, const R& values) {
    detail::checkArrays<L, R>();
    return detail::compare(column, " <@ ", values);
}
template <class L, class R>
Expr<bool, detail::SourcesOf<L, R>> arrayOverlaps(const L& column, const R& values) {
    detail::checkArrays<L, R>();
    return detail::compare(column, " && ", values);
}

// ---- aggregates ----------------------------------------------------------------------------
namespace detail {
template <class V, class X>
Expr<V, SourcesOf<X>> call(std::string_view function, const X& x, std::string_view prefix = {}) {
    ast::Node n;
    n.kind = ast::Node::Kind::call;
    n.text = function;
    if (prefix.empty()) {
        n.args.push_back(toNode<void>(x));
    } else {
        n.args.push_back(ast::rawNode(std::string(prefix) + "?", {toNode<void>(x)}));
    }
    return {std::move(n)};
}
template <class V>
using Numeric = std::conditional_t<std::is_integral_v<ValueOf<V>>, std::int64_t, ValueOf<V>>;
}  // namespace detail

inline Expr<std::int64_t> count() {
    ast::Node n;
    n.kind = ast::Node::Kind::call;
    n.text = "count";
    ast::Node star;
    star.kind = ast::Node::Kind::star;
    n.args.push_back(std::move(star));
    return {std::move(n)};
}
template <class X>
Expr<std::int64_t, detail::SourcesOf<X>> count(const X& x) {
    return detail::call<std::int64_t>("count", x);
}
template <class X>
Expr<std::int64_t, detail::SourcesOf<X>> countDistinct(const X& x) {
    return detail::call<std::int64_t>("count", x, "distinct ");
}
namespace detail {
// Throws unless `x` is a numeric/decimal column (or not a column at all): what a std::string
// member may hold and still be summed (src/query/lookup.cpp).
void checkNumericText(const ast::Node& x, std::string_view function);
template <class X>
ast::Node summable(const X& x, std::string_view function) {
    using V = ValueOf<typename Operand<X>::Value>;
    static_assert(!std::is_same_v<V, bool>,
                  "sum/avg(x): x is a boolean; count the true ones with count() and a where, or cast it with sql<T>(...)");
    static_assert((std::is_arithmetic_v<V> || std::is_same_v<V, std::string>) && isExpressionLike<X>,
                  "sum/avg(x): x must be a numeric column or expression");
    ast::Node n = toNode<void>(x);
    if constexpr (std::is_same_v<V, std::string>) checkNumericText(n, function);
    return n;
}
template <class V, class X>
Expr<V, SourcesOf<X>> aggregate(std::string_view function, const X& x, bool distinct) {
    ast::Node n;
    n.kind = ast::Node::Kind::call;
    n.text = function;
    ast::Node argument = summable(x, function);
    n.args.push_back(distinct ? ast::rawNode("distinct ?", {std::move(argument)}) : std::move(argument));
    return {std::move(n)};
}
}  // namespace detail

// SUM of integers is an integer; NULL (std::nullopt) over no rows. A numeric/decimal column
// held in a std::string sums exactly, as text; a text or boolean column does not compile (or,
// for a std::string member of a text column, is refused when the query is built).
template <class X>
Expr<std::optional<detail::Numeric<typename detail::Operand<X>::Value>>, detail::SourcesOf<X>> sum(const X& x) {
    return detail::aggregate<std::optional<detail::Numeric<typename detail::Operand<X>::Value>>>("sum", x, false);
}
template <class X>
Expr<std::optional<detail::Numeric<typename detail::Operand<X>::Value>>, detail::SourcesOf<X>> sumDistinct(const X& x) {
    return detail::aggregate<std::optional<detail::Numeric<typename detail::Operand<X>::Value>>>("sum", x, true);
}
template <class X>
Expr<std::optional<double>, detail::SourcesOf<X>> avg(const X& x) {
    return detail::aggregate<std::optional<double>>("avg", x, false);
}
template <class X>
Expr<std::optional<double>, detail::SourcesOf<X>> avgDistinct(const X& x) {
    return detail::aggregate<std::optional<double>>("avg", x, true);
}
// MIN and MAX keep their column: their values decode, and compare, as the column's do.
template <class X>
Expr<std::optional<detail::ValueOf<typename detail::Operand<X>::Value>>, detail::SourcesOf<X>> min(const X& x) {
    auto e = detail::call<std::optional<detail::ValueOf<typename detail::Operand<X>::Value>>>("min", x);
    e.node.column = e.node.args.front().column;
    return e;
}
template <class X>
Expr<std::optional<detail::ValueOf<typename detail::Operand<X>::Value>>, detail::SourcesOf<X>> max(const X& x) {
    auto e = detail::call<std::optional<detail::ValueOf<typename detail::Operand<X>::Value>>>("max", x);
    e.node.column = e.node.args.front().column;
    return e;
}

// ---- ordering ------------------------------------------------------------------------------
template <class S = Sources<>>
struct OrderTerm {
    using SourceList = S;
    ast::Order order;
    OrderTerm nullsFirst() const {
        OrderTerm t = *this;
        t.order.nulls = "first";
        return t;
    }
    OrderTerm nullsLast() const {
        OrderTerm t = *this;
        t.order.nulls = "last";
        return t;
    }
};
template <class X>
OrderTerm<detail::SourcesOf<X>> asc(const X& x) {
    return {ast::Order{detail::toNode<void>(x), false, {}}};
}
template <class X>
OrderTerm<detail::SourcesOf<X>> desc(const X& x) {
    return {ast::Order{detail::toNode<void>(x), true, {}}};
}

// ---- raw SQL -------------------------------------------------------------------------------
// `sql<V>("lower(?) = ?", &User::name, "ada")`: each `?` takes the next argument: a column
// (quoted and qualified), an expression, an identifier(...) or a value (bound, never pasted).
struct Identifier {
    std::string_view name;
};
inline Identifier identifier(std::string_view name) { return {name}; }

template <class V, class... Args>
Expr<V, detail::SourcesOf<Args...>> sql(std::string_view text, const Args&... args) {
    std::vector<ast::Node> nodes;
    nodes.reserve(sizeof...(Args));
    auto add = [&](const auto& a) {
        using A = std::decay_t<decltype(a)>;
        if constexpr (std::is_same_v<A, Identifier>) {
            ast::Node n;
            n.kind = ast::Node::Kind::identifier;
            n.text = a.name;
            nodes.push_back(std::move(n));
        } else {
            nodes.push_back(detail::toNode<void>(a));
        }
    };
    (add(args), ...);
    return {ast::rawNode(std::string(text), std::move(nodes))};
}
namespace detail {
template <>
struct Operand<Identifier> {
    using Value = Identifier;
    using SourceList = Sources<>;
};
}  // namespace detail

// ON CONFLICT DO UPDATE / ON DUPLICATE KEY UPDATE: the value the insert proposed.
template <class T, class M>
Expr<M, Sources<T>, false> excluded(M T::*member) {
    return {ast::columnNode("excluded", &detail::columnOf(detail::memberRef(member)))};
}

}  // namespace drizzle

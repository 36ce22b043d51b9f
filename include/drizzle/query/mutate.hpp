// INSERT, UPDATE and DELETE, typed.
//
//   db.insert(users).values(User{.name = "Ada", .email = "ada@example.com"}).execute();
//   db.insert(users).values(manyUsers).execute();          // one multi-row statement
//   db.insert(users).set(&User::name, "Ada").set(&User::email, "a@x").returning().all();
//   db.update(users).set(&User::name, "Bob").where(eq(&User::id, 1)).execute();
//   db.delete_(users).where(eq(&User::id, 1)).execute();
//
// A whole-row insert sends every column except generated ones (GENERATED ALWAYS AS) and
// database-assigned ids (serial, identity, SQLite's INTEGER PRIMARY KEY, MySQL
// AUTO_INCREMENT) left at 0. A column-by-column insert (`set`) leaves out what it does not
// set: the database default applies, or the schema's `defaultFn`; a NOT NULL column with no
// default that is not set is an error before anything is sent. `update` applies the schema's
// `onUpdateFn` to the columns it does not set.
#pragma once

#include <memory>
#include <span>
#include <vector>

#include "drizzle/query/select.hpp"

namespace drizzle {

// One column of `Row` and its new value, for upserts: `set(&User::name, excluded(&User::name))`.
template <class Row>
struct Assignment {
    ast::Assignment assignment;
};

namespace detail {

template <class Row, class M, class V, class Sc = Scope<Entry<Row, false>>>
ast::Assignment assign(M Row::*member, const V& value) {
    static_assert((!std::is_same_v<V, std::nullptr_t> && !std::is_same_v<V, std::nullopt_t>) || isOptional<M>,
                  "set(column, null): the column is NOT NULL (its member is not std::optional)");
    if constexpr (!std::is_same_v<V, std::nullptr_t> && !std::is_same_v<V, std::nullopt_t>) {
        static_assert(comparable<M, typename Operand<V>::Value>, "set(column, value): the value's type differs from the column's");
        static_assert(AllInScope<Sc, SourcesOf<V>>::value,
                      "set(column, value): the value reads a column of another table than the one written "
                      "(an UPDATE reads others after from(table))");
    }
    const ColumnSpec& column = columnOf(memberRef(member));
    if constexpr (std::is_same_v<V, std::nullopt_t>) return {&column, ast::paramNode(nullptr)};
    else return {&column, valueFor<M>(&column, value)};
}

// src/query/mutate.cpp
void addWholeRows(ast::Insert& insert, const TableDef& table, const void* rows, std::size_t count, std::size_t stride);
void finishPartialRow(ast::Insert& insert, const TableDef& table, std::vector<ast::Assignment>& row);
void addOnUpdateFns(ast::Update& update, const TableDef& table);
ExecResult runInsert(Session& session, const ast::Insert& insert);
// Runs an INSERT ... RETURNING, calling `read` for each returned row.
void runInsertReturning(Session& session, const ast::Insert& insert, void (*read)(const driver::Cursor&, void*), void* sink);
// MySQL's $returningId(): the AUTO_INCREMENT ids of the inserted rows.
std::vector<std::int64_t> runInsertReturningIds(Session& session, const ast::Insert& insert, const TableDef& table);
[[noreturn]] void throwNoRows(std::string_view statement);
// Throws unless `member` is a column of `table` (what a ColumnList cannot check at compile time).
void checkColumnOf(const TableDef& table, MemberRef member, std::string_view where);
// targetWhere/setWhere: throw unless an ON CONFLICT with a target / DO UPDATE comes first.
void checkConflictTarget(const ast::Insert& insert, std::string_view what);
void checkConflictUpdate(const ast::Insert& insert);
// An insert prepare() can print as one statement: one row, or whole rows under the parameter limit.
void checkPreparable(const ast::Insert& insert);

}  // namespace detail

template <class Row, class M, class V>
Assignment<Row> set(M Row::*member, const V& value) {
    return {detail::assign(member, value)};
}

// Statement results as typed rows: what returning() gives.
template <Dialect D, class Fields, class Row, class Statement>
class Returning {
public:
    using Scope = detail::Scope<detail::Entry<Row, false>>;
    using Result = typename detail::ResultOf<Fields, Scope>::type;

    Returning(Session* session, std::shared_ptr<Statement> tree) : session_(session), tree_(std::move(tree)) {}

    std::vector<Result> all() const {
        std::vector<Result> out;
        if constexpr (std::is_same_v<Statement, ast::Insert>) {
            struct Sink {
                std::vector<Result>* out;
                detail::Decoder<Fields, Scope> decoder;
            } sink{&out, detail::Decoder<Fields, Scope>(tree_->returning)};
            detail::runInsertReturning(*session_, *tree_, [](const driver::Cursor& c, void* s) {
                auto* k = static_cast<Sink*>(s);
                k->decoder.read(c, k->out->emplace_back());
            }, &sink);
        } else {
            detail::Running running = session_->run(ast::print(D, *tree_));
            detail::Decoder<Fields, Scope> decoder(tree_->returning);
            while (running.cursor->next()) decoder.read(*running.cursor, out.emplace_back());
        }
        return out;
    }
    // The single row a one-row statement returns.
    Result one() const {
        auto rows = all();
        if (rows.empty()) detail::throwNoRows("returning");
        return std::move(rows.front());
    }
    std::string toSQL() const { return ast::print(D, *tree_).sql; }

    // Printed and prepared once; all()/one() run it again with new placeholder values.
    class Prepared {
    public:
        Prepared(Session& session, std::shared_ptr<const Statement> tree)
            : statement_(session, ast::print(D, *tree), tree), decoder_(tree->returning) {}
        std::vector<Result> all(std::initializer_list<Bind> binds = {}) {
            std::vector<Result> out;
            driver::Cursor& c = statement_.open(binds);
            while (c.next()) decoder_.read(c, out.emplace_back());
            return out;
        }
        Result one(std::initializer_list<Bind> binds = {}) {
            auto rows = all(binds);
            if (rows.empty()) detail::throwNoRows("returning");
            return std::move(rows.front());
        }
        const std::string& sql() const { return statement_.sql(); }

    private:
        PreparedStatement statement_;
        detail::Decoder<Fields, Scope> decoder_;
    };
    Prepared prepare() const {
        if constexpr (std::is_same_v<Statement, ast::Insert>) detail::checkPreparable(*tree_);
        return Prepared(*session_, std::make_shared<const Statement>(*tree_));
    }

private:
    Session* session_;
    std::shared_ptr<Statement> tree_;
};

namespace detail {
// RETURNING for any statement on `Row`'s table: every column, or the fields given.
template <Dialect D, class Row, class Statement, class... Fields>
auto returningOf(Session* session, const std::shared_ptr<Statement>& tree, const TableDef& table, const Fields&... fields) {
    static_assert(traitsOf(D).returning,
                  "returning(): MySQL has no RETURNING; run execute() and read ExecResult::lastInsertId, "
                  "or select the rows afterwards");
    if constexpr (sizeof...(Fields) == 0) {
        appendColumns(tree->returning, table, {});
        return Returning<D, AllFields, Row, Statement>(session, tree);
    } else {
        static_assert((AllInScope<Scope<Entry<Row, false>>, SourcesOf<Fields>>::value && ...),
                      "returning(...): a column of another table than the one written");
        (tree->returning.push_back(toNode<void>(fields)), ...);
        return Returning<D, FieldList<void, decltype(asExpr(fields))...>, Row, Statement>(session, tree);
    }
}
}  // namespace detail

// The mutation builders are values, as queries are: a copy has a statement of its own, a chain
// on a temporary moves it along.
template <class Row, Dialect D>
class InsertQuery {
public:
    InsertQuery(Session* session, const Table<Row, D>& table)
        : session_(session), table_(table.definition()), tree_(std::make_shared<ast::Insert>()) {
        tree_->into = ast::Source{table_, {}, nullptr};
    }
    InsertQuery(const InsertQuery& other)
        : session_(other.session_),
          table_(other.table_),
          tree_(std::make_shared<ast::Insert>(*other.tree_)),
          partial_(std::make_shared<std::vector<ast::Assignment>>(*other.partial_)) {}
    InsertQuery(InsertQuery&&) noexcept = default;
    InsertQuery& operator=(const InsertQuery& other) {
        if (this != &other) *this = InsertQuery(other);
        return *this;
    }
    InsertQuery& operator=(InsertQuery&&) noexcept = default;
    ~InsertQuery() = default;

    // Whole rows: one multi-row statement (split where the dialect's parameter limit requires).
    InsertQuery values(const Row& row) const& { return InsertQuery(*this).values(row); }
    InsertQuery values(const Row& row) && { return std::move(*this).values(std::span<const Row>(&row, 1)); }
    InsertQuery values(const std::vector<Row>& rows) const& { return InsertQuery(*this).values(rows); }
    InsertQuery values(const std::vector<Row>& rows) && { return std::move(*this).values(std::span<const Row>(rows)); }
    // No rows: nothing is inserted (execute() reports 0 rows, returning() none), on every dialect.
    InsertQuery values(std::span<const Row> rows) const& { return InsertQuery(*this).values(rows); }
    InsertQuery values(std::span<const Row> rows) && {
        if (!rows.empty()) detail::addWholeRows(*tree_, *table_, rows.data(), rows.size(), sizeof(Row));
        return std::move(*this);
    }
    // One row, column by column.
    template <class T, class M, class V>
    InsertQuery set(M T::*member, const V& value) const& { return InsertQuery(*this).set(member, value); }
    template <class T, class M, class V>
    InsertQuery set(M T::*member, const V& value) && {
        static_assert(std::is_same_v<T, Row>, "set(column, value): the column belongs to another table than the one written");
        partial_->push_back(detail::assign(member, value));
        return std::move(*this);
    }
    // INSERT ... SELECT: the query must return whole rows of this table.
    template <class Q>
    InsertQuery select(const Q& query) const& { return InsertQuery(*this).select(query); }
    template <class Q>
    InsertQuery select(const Q& query) && {
        static_assert(std::is_same_v<typename Q::Result, Row>, "insert(...).select(q): the query must return this table's rows");
        tree_->select = query.tree();
        detail::addWholeRows(*tree_, *table_, nullptr, 0, 0);
        return std::move(*this);
    }

    template <class... Ms>
    InsertQuery onConflictDoNothing(Ms Row::*... target) const& { return InsertQuery(*this).onConflictDoNothing(target...); }
    template <class... Ms>
    InsertQuery onConflictDoNothing(Ms Row::*... target) && {
        static_assert(traitsOf(D).onConflict || sizeof...(Ms) == 0, "onConflictDoNothing(target): MySQL's INSERT IGNORE takes no target");
        tree_->conflict.action = ast::Conflict::Action::doNothing;
        tree_->conflict.target = {&detail::columnOf(detail::memberRef(target))...};
        return std::move(*this);
    }
    // ON CONFLICT (target) DO UPDATE SET ...: `onConflictDoUpdate(cols(&User::email), set(...), ...)`.
    template <class... Ms, class... A>
    InsertQuery onConflictDoUpdate(const ColumnList<Ms...>& target, const Assignment<A>&... assignments) const& {
        return InsertQuery(*this).onConflictDoUpdate(target, assignments...);
    }
    template <class... Ms, class... A>
    InsertQuery onConflictDoUpdate(const ColumnList<Ms...>& target, const Assignment<A>&... assignments) && {
        static_assert((std::is_same_v<A, Row> && ...), "onConflictDoUpdate(target, set(...)): a column of another table");
        static_assert(traitsOf(D).onConflict, "onConflictDoUpdate(...): MySQL uses onDuplicateKeyUpdate(...)");
        static_assert(sizeof...(A) > 0, "onConflictDoUpdate(target, set(...)...): nothing to update");
        tree_->conflict.action = ast::Conflict::Action::doUpdate;
        tree_->conflict.target.clear();
        for (const auto& ref : target.refs) {
            detail::checkColumnOf(*table_, ref, "onConflictDoUpdate(target)");
            tree_->conflict.target.push_back(&detail::columnOf(ref));
        }
        tree_->conflict.set = {assignments.assignment...};
        return std::move(*this);
    }
    // ON CONFLICT (target) WHERE condition: the partial unique index the conflict is on
    // (Drizzle's `targetWhere`; with onConflictDoNothing(target...) its `where`).
    template <class S>
    InsertQuery targetWhere(const Expr<bool, S>& condition) const& { return InsertQuery(*this).targetWhere(condition); }
    template <class S>
    InsertQuery targetWhere(const Expr<bool, S>& condition) && {
        static_assert(traitsOf(D).onConflict, "targetWhere(...): MySQL's ON DUPLICATE KEY UPDATE has no target");
        static_assert(detail::AllInScope<detail::Scope<detail::Entry<Row, false>>, S>::value,
                      "targetWhere(...): a column of another table than the one written");
        detail::checkConflictTarget(*tree_, "targetWhere(...)");
        tree_->conflict.targetWhere = condition.node;
        return std::move(*this);
    }
    // DO UPDATE SET ... WHERE condition: rows it is false for are left as they are (Drizzle's
    // `setWhere`); name the proposed row's values with excluded(&Row::member).
    template <class S>
    InsertQuery setWhere(const Expr<bool, S>& condition) const& { return InsertQuery(*this).setWhere(condition); }
    template <class S>
    InsertQuery setWhere(const Expr<bool, S>& condition) && {
        static_assert(traitsOf(D).onConflict, "setWhere(...): MySQL's ON DUPLICATE KEY UPDATE takes no WHERE");
        static_assert(detail::AllInScope<detail::Scope<detail::Entry<Row, false>>, S>::value,
                      "setWhere(...): a column of another table than the one written (excluded(...) names the proposed row)");
        detail::checkConflictUpdate(*tree_);
        tree_->conflict.where = condition.node;
        return std::move(*this);
    }
    template <class... A>
    InsertQuery onDuplicateKeyUpdate(const Assignment<A>&... assignments) const& {
        return InsertQuery(*this).onDuplicateKeyUpdate(assignments...);
    }
    template <class... A>
    InsertQuery onDuplicateKeyUpdate(const Assignment<A>&... assignments) && {
        static_assert((std::is_same_v<A, Row> && ...), "onDuplicateKeyUpdate(set(...)): a column of another table");
        static_assert(!traitsOf(D).onConflict, "onDuplicateKeyUpdate(...): MySQL's; use onConflictDoUpdate(...)");
        tree_->conflict.action = ast::Conflict::Action::duplicateKeyUpdate;
        tree_->conflict.set = {assignments.assignment...};
        return std::move(*this);
    }

    template <class... Fields>
    auto returning(const Fields&... fields) const& {
        return InsertQuery(*this).returning(fields...);
    }
    template <class... Fields>
    auto returning(const Fields&... fields) && {
        finish();
        return detail::returningOf<D, Row>(session_, std::move(tree_), *table_, fields...);
    }

    ExecResult execute() const {
        finish();
        return detail::runInsert(*session_, *tree_);
    }
    // Drizzle's `$returningId()` for MySQL, which has no RETURNING: the AUTO_INCREMENT id of each
    // inserted row, in order (from each statement's first id and row count, or as the rows gave
    // them).
    std::vector<std::int64_t> returningId() const {
        static_assert(!traitsOf(D).returning, "returningId(): MySQL's, where RETURNING is missing: here use returning(&Row::id)");
        finish();
        return detail::runInsertReturningIds(*session_, *tree_, *table_);
    }
    // Printed and prepared once: `set(&User::name, placeholder("name"))`, then
    // prepared.execute({{"name", "Ada"}}) as often as needed.
    PreparedExec prepare() const {
        finish();
        detail::checkPreparable(*tree_);
        auto tree = std::make_shared<const ast::Insert>(*tree_);
        return PreparedExec(*session_, ast::print(D, *tree), tree);
    }
    std::string toSQL() const {
        finish();
        return ast::print(D, *tree_).sql;
    }

private:
    void finish() const {
        if (!partial_->empty()) detail::finishPartialRow(*tree_, *table_, *partial_);
    }

    Session* session_;
    const detail::TableDef* table_;
    std::shared_ptr<ast::Insert> tree_;
    std::shared_ptr<std::vector<ast::Assignment>> partial_ = std::make_shared<std::vector<ast::Assignment>>();
};

// `From...`: the tables from(...) added (UPDATE ... FROM, PostgreSQL and SQLite), which set()
// values and where() conditions after it may read.
template <class Row, Dialect D, class... From>
class UpdateQuery {
    using Scope = detail::Scope<detail::Entry<Row, false>, detail::Entry<From, false>...>;

public:
    UpdateQuery(Session* session, const Table<Row, D>& table)
        : session_(session), table_(table.definition()), tree_(std::make_shared<ast::Update>()) {
        tree_->table = ast::Source{table_, {}, nullptr};
    }
    UpdateQuery(const UpdateQuery& other)
        : session_(other.session_),
          table_(other.table_),
          tree_(std::make_shared<ast::Update>(*other.tree_)),
          finished_(other.finished_) {}
    UpdateQuery(UpdateQuery&&) noexcept = default;
    UpdateQuery& operator=(const UpdateQuery& other) {
        if (this != &other) *this = UpdateQuery(other);
        return *this;
    }
    UpdateQuery& operator=(UpdateQuery&&) noexcept = default;
    ~UpdateQuery() = default;

    template <class T, class M, class V>
    UpdateQuery set(M T::*member, const V& value) const& { return UpdateQuery(*this).set(member, value); }
    template <class T, class M, class V>
    UpdateQuery set(M T::*member, const V& value) && {
        static_assert(std::is_same_v<T, Row>, "set(column, value): the column belongs to another table than the one written");
        tree_->set.push_back(detail::assign<Row, M, V, Scope>(member, value));
        return std::move(*this);
    }
    template <class S>
    UpdateQuery where(const Expr<bool, S>& condition) const& { return UpdateQuery(*this).where(condition); }
    template <class S>
    UpdateQuery where(const Expr<bool, S>& condition) && {
        static_assert(detail::AllInScope<Scope, S>::value,
                      "where(...): the condition uses a column of another table than the one updated "
                      "(an UPDATE reads others after from(table))");
        tree_->where = condition.node;
        return std::move(*this);
    }
    // UPDATE ... FROM other (PostgreSQL, SQLite): set() values and where() conditions from here
    // on may read its columns; the where joins it to the rows updated.
    //   db.update(users).from(cities).set(&User::cityName, &City::name).where(eq(&City::id, &User::cityId))
    template <class T, Dialect TD>
    auto from(const Table<T, TD>& table) const& { return UpdateQuery(*this).from(table); }
    template <class T, Dialect TD>
    auto from(const Table<T, TD>& table) && {
        static_assert(traitsOf(D).updateFrom, "from(table): MySQL has no UPDATE ... FROM");
        static_assert(TD == D, "from(table): the table is declared for another dialect");
        tree_->from.push_back(ast::Source{table.definition(), {}, nullptr});
        return UpdateQuery<Row, D, From..., T>(session_, table_, std::move(tree_), finished_);
    }
    template <class... Fields>
    auto returning(const Fields&... fields) const& {
        return UpdateQuery(*this).returning(fields...);
    }
    template <class... Fields>
    auto returning(const Fields&... fields) && {
        finish();
        return detail::returningOf<D, Row>(session_, std::move(tree_), *table_, fields...);
    }
    ExecResult execute() const {
        finish();
        return session_->exec(ast::print(D, *tree_));
    }
    PreparedExec prepare() const {
        finish();
        auto tree = std::make_shared<const ast::Update>(*tree_);
        return PreparedExec(*session_, ast::print(D, *tree), tree);
    }
    std::string toSQL() const {
        finish();
        return ast::print(D, *tree_).sql;
    }

private:
    template <class, Dialect, class...>
    friend class UpdateQuery;
    UpdateQuery(Session* session, const detail::TableDef* table, std::shared_ptr<ast::Update> tree, bool finished)
        : session_(session), table_(table), tree_(std::move(tree)), finished_(finished) {}

    void finish() const {
        if (!finished_) detail::addOnUpdateFns(*tree_, *table_);
        finished_ = true;
    }
    Session* session_;
    const detail::TableDef* table_;
    std::shared_ptr<ast::Update> tree_;
    mutable bool finished_ = false;
};

template <class Row, Dialect D>
class DeleteQuery {
public:
    DeleteQuery(Session* session, const Table<Row, D>& table)
        : session_(session), tree_(std::make_shared<ast::Delete>()), table_(table.definition()) {
        tree_->from = ast::Source{table_, {}, nullptr};
    }
    DeleteQuery(const DeleteQuery& other)
        : session_(other.session_), tree_(std::make_shared<ast::Delete>(*other.tree_)), table_(other.table_) {}
    DeleteQuery(DeleteQuery&&) noexcept = default;
    DeleteQuery& operator=(const DeleteQuery& other) {
        if (this != &other) *this = DeleteQuery(other);
        return *this;
    }
    DeleteQuery& operator=(DeleteQuery&&) noexcept = default;
    ~DeleteQuery() = default;

    template <class S>
    DeleteQuery where(const Expr<bool, S>& condition) const& { return DeleteQuery(*this).where(condition); }
    template <class S>
    DeleteQuery where(const Expr<bool, S>& condition) && {
        static_assert(detail::AllInScope<detail::Scope<detail::Entry<Row, false>>, S>::value,
                      "where(...): the condition uses a column of another table than the one deleted from");
        tree_->where = condition.node;
        return std::move(*this);
    }
    template <class... Fields>
    auto returning(const Fields&... fields) const& {
        return DeleteQuery(*this).returning(fields...);
    }
    template <class... Fields>
    auto returning(const Fields&... fields) && {
        return detail::returningOf<D, Row>(session_, std::move(tree_), *table_, fields...);
    }
    ExecResult execute() const { return session_->exec(ast::print(D, *tree_)); }
    PreparedExec prepare() const {
        auto tree = std::make_shared<const ast::Delete>(*tree_);
        return PreparedExec(*session_, ast::print(D, *tree), tree);
    }
    std::string toSQL() const { return ast::print(D, *tree_).sql; }

private:
    Session* session_;
    std::shared_ptr<ast::Delete> tree_;
    const detail::TableDef* table_;
};

}  // namespace drizzle

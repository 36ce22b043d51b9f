// drizzle::Database: the ORM's entry point. It owns a connection and starts typed queries over
// the tables declared with the schema DSL.
//
//   auto db = drizzle::sqlite::open("app.db");
//   db.insert(users).values(User{.name = "Ada", .email = "ada@example.com"}).execute();
//   auto open = db.select().from(tasks).where(eq(&Task::done, false)).orderBy(desc(&Task::id)).all();
//   auto withUser = db.query(tasks).with(tasksRelations.assignee).findMany();
//   db.transaction([&] { db.update(users).set(&User::name, "Bob").where(eq(&User::id, 1)).execute(); });
#pragma once

#include <memory>
#include <string_view>

#include "drizzle/driver/credentials.hpp"
#include "drizzle/driver/pool.hpp"
#include "drizzle/error.hpp"
#include "drizzle/query/mutate.hpp"
#include "drizzle/query/relational.hpp"
#include "drizzle/query/select.hpp"

namespace drizzle {

namespace detail {
template <class Q>
auto runBatched(const Q& query) {
    if constexpr (requires { query.all(); }) return query.all();
    else return query.execute();
}
}  // namespace detail

// Starts SELECTs, with the CTEs they may use (what db.select() and db.with(...) return).
// `Expect`: the database's dialect when its type says it, else -1.
template <int Expect = -1>
class SelectBuilderOf {
public:
    SelectBuilderOf(Session* session, std::vector<ast::Cte> ctes) : session_(session), ctes_(std::move(ctes)) {}

    // Every column of the tables in FROM and the joins.
    SelectStart<detail::AllFields, Expect> select() const { return {session_, tree()}; }
    // Chosen columns and expressions: a std::tuple per row, or `Into{...}` with select<Into>.
    template <class Into = void, class F0, class... F>
    SelectStart<detail::FieldList<Into, decltype(asExpr(std::declval<F0>())), decltype(asExpr(std::declval<F>()))...>, Expect>
    select(const F0& first, const F&... fields) const {
        auto t = tree();
        t->fields = {detail::toNode<void>(first), detail::toNode<void>(fields)...};
        return {session_, std::move(t)};
    }

private:
    std::shared_ptr<ast::Select> tree() const {
        auto t = std::make_shared<ast::Select>();
        t->with = ctes_;
        return t;
    }
    Session* session_;
    std::vector<ast::Cte> ctes_;
};
using SelectBuilder = SelectBuilderOf<>;

class Database : public Session {
public:
    using Session::Session;

    SelectStart<detail::AllFields> select() { return SelectBuilder(this, {}).select(); }
    template <class Into = void, class F0, class... F>
    auto select(const F0& first, const F&... fields) {
        return SelectBuilder(this, {}).select<Into>(first, fields...);
    }
    // WITH ...: `db.with(sq).select(sq(&User::id)).from(sq)`, sq from drizzle::cte<"sq">(query).
    template <Name... N, Dialect... D>
    SelectBuilder with(const Derived<N, D>&... ctes) {
        return SelectBuilder(this, {ast::Cte{N.view(), ctes.query}...});
    }
    template <class Row, Dialect D>
    InsertQuery<Row, D> insert(const Table<Row, D>& table) {
        detail::checkDialect(D, dialect());
        return {this, table};
    }
    template <class Row, Dialect D>
    UpdateQuery<Row, D> update(const Table<Row, D>& table) {
        detail::checkDialect(D, dialect());
        return {this, table};
    }
    template <class Row, Dialect D>
    DeleteQuery<Row, D> delete_(const Table<Row, D>& table) {
        detail::checkDialect(D, dialect());
        return {this, table};
    }
    // Rows with their related rows: `db.query(tasks).with(tasksRelations.assignee).findMany()`.
    template <class Row, Dialect D>
    RelationalQuery<Row, D> query(const Table<Row, D>& table) {
        detail::checkDialect(D, dialect());
        return {this, table};
    }

    // Runs several statements in one transaction (all or none) and returns their results in
    // order: rows for a select or a returning(), an ExecResult for the others.
    template <class... Q>
    std::tuple<decltype(detail::runBatched(std::declval<const Q&>()))...> batch(const Q&... queries) {
        return transaction([&] { return std::tuple<decltype(detail::runBatched(queries))...>{detail::runBatched(queries)...}; });
    }

    // Rows of a table matching a condition: Drizzle's `db.$count(users, where)`.
    template <class Row, Dialect D>
    std::int64_t count(const Table<Row, D>& table) {
        return std::get<0>(*select(drizzle::count()).from(table).get());
    }
    template <class Row, Dialect D, class S>
    std::int64_t count(const Table<Row, D>& table, const Expr<bool, S>& where) {
        return std::get<0>(*select(drizzle::count()).from(table).where(where).get());
    }
};

// A Database whose type says its dialect: what sqlite::open, pg::connect and mysql::connect
// return. A table declared for another dialect does not compile with it (a plain Database,
// whose dialect only its connection knows, refuses one when the query is built).
//   auto db = drizzle::sqlite::open("app.db");   // DatabaseOf<Dialect::sqlite>
//   db.select().from(pgUsers);                    // error: declared for another dialect
template <Dialect DB>
class DatabaseOf : public Database {
public:
    explicit DatabaseOf(Database&& database) : Database(std::move(database)) {}

    SelectStart<detail::AllFields, int(DB)> select() { return SelectBuilderOf<int(DB)>(this, {}).select(); }
    template <class Into = void, class F0, class... F>
    auto select(const F0& first, const F&... fields) {
        return SelectBuilderOf<int(DB)>(this, {}).template select<Into>(first, fields...);
    }
    template <Name... N, Dialect... D>
    SelectBuilderOf<int(DB)> with(const Derived<N, D>&... ctes) {
        static_assert(((D == DB) && ...), "with(cte): the CTE reads tables of another dialect than the database's");
        return SelectBuilderOf<int(DB)>(this, {ast::Cte{N.view(), ctes.query}...});
    }
    template <class Row, Dialect D>
    InsertQuery<Row, D> insert(const Table<Row, D>& table) {
        static_assert(D == DB, "insert(table): the table is declared for another dialect than the database's");
        return Database::insert(table);
    }
    template <class Row, Dialect D>
    UpdateQuery<Row, D> update(const Table<Row, D>& table) {
        static_assert(D == DB, "update(table): the table is declared for another dialect than the database's");
        return Database::update(table);
    }
    template <class Row, Dialect D>
    DeleteQuery<Row, D> delete_(const Table<Row, D>& table) {
        static_assert(D == DB, "delete_(table): the table is declared for another dialect than the database's");
        return Database::delete_(table);
    }
    template <class Row, Dialect D>
    RelationalQuery<Row, D> query(const Table<Row, D>& table) {
        static_assert(D == DB, "query(table): the table is declared for another dialect than the database's");
        return Database::query(table);
    }
    template <class Row, Dialect D, class... S>
    std::int64_t count(const Table<Row, D>& table, const Expr<bool, S>&... where) {
        static_assert(D == DB, "count(table): the table is declared for another dialect than the database's");
        return Database::count(table, where...);
    }
};

// Opens a connection (see driver::connect for the URL forms) as a Database.
Database connect(Dialect dialect, const Credentials& credentials);
// A pool of connections (driver::pool) as one Database, for many threads at once:
//   auto db = drizzle::pg::pool(url, {.max = 16});   // then db.select()... from any thread
// Each statement borrows a connection for as long as its rows are being read; db.transaction
// keeps one for the calling thread until it ends.
Database pool(Dialect dialect, const Credentials& credentials, const driver::PoolOptions& options = {});
using driver::PoolOptions;

// For one connection, what PoolOptions has beside the pool's size.
struct ConnectOptions {
    bool prepare = true;  // false: prepare() sends one-shot statements (PgBouncer, transaction pooling)
};

namespace sqlite {
// An SQLite database file (created if missing), ":memory:" or a "file:" URI.
DatabaseOf<Dialect::sqlite> open(std::string_view location);
// One writer and up to options.max readers on a database file, put in WAL mode: reads (plain
// selects outside a transaction) run on the readers while the writer writes.
DatabaseOf<Dialect::sqlite> pool(std::string_view location, const PoolOptions& options = {});
}  // namespace sqlite
namespace pg {
DatabaseOf<Dialect::postgresql> connect(std::string_view url, const ConnectOptions& options = {});
DatabaseOf<Dialect::postgresql> pool(std::string_view url, const PoolOptions& options = {});
}  // namespace pg
namespace mysql {
DatabaseOf<Dialect::mysql> connect(std::string_view url);
DatabaseOf<Dialect::mysql> pool(std::string_view url, const PoolOptions& options = {});
}  // namespace mysql

// Drizzle's withReplicas: selects go to a replica (at random, or the index `pick` returns for
// the replica count); inserts, updates, deletes, returning(), forUpdate() selects, raw SQL and
// everything inside db.transaction go to the primary, as does everything through primary().
// A replica that cannot be reached is skipped for one other, then for the primary.
//   auto db = drizzle::withReplicas(drizzle::pg::pool(primaryUrl), drizzle::pg::pool(replicaUrl));
//   db.select().from(users).all();            // a replica
//   db.primary().select().from(users).all();  // the primary: read what was just written
template <Dialect D>
class ReplicatedDatabase : public DatabaseOf<D> {
public:
    ReplicatedDatabase(DatabaseOf<D>&& primary, std::vector<DatabaseOf<D>>&& replicas, driver::ReplicaPicker pick)
        : DatabaseOf<D>(Database(driver::withReplicas(primary.sharedConnection(), connections(replicas), std::move(pick)))),
          primary_(std::move(primary)) {}

    DatabaseOf<D>& primary() { return primary_; }

private:
    static std::vector<std::shared_ptr<driver::Connection>> connections(const std::vector<DatabaseOf<D>>& databases) {
        std::vector<std::shared_ptr<driver::Connection>> out;
        for (const auto& d : databases) out.push_back(d.sharedConnection());
        return out;
    }
    DatabaseOf<D> primary_;
};

template <Dialect D>
ReplicatedDatabase<D> withReplicas(DatabaseOf<D> primary, std::vector<DatabaseOf<D>> replicas, driver::ReplicaPicker pick = {}) {
    return ReplicatedDatabase<D>(std::move(primary), std::move(replicas), std::move(pick));
}
// withReplicas(primary, replica1, replica2, ..., [pick]): the replicas as arguments (a Database
// moves, so it cannot sit in a braced list), the picker last when given.
template <Dialect D, class... Rest>
ReplicatedDatabase<D> withReplicas(DatabaseOf<D> primary, DatabaseOf<D> replica, Rest&&... rest) {
    std::vector<DatabaseOf<D>> replicas;
    replicas.push_back(std::move(replica));
    driver::ReplicaPicker pick;
    auto add = [&](auto&& more) {
        if constexpr (std::is_invocable_r_v<std::size_t, decltype(more), std::size_t>) pick = std::forward<decltype(more)>(more);
        else replicas.push_back(std::move(more));
    };
    (add(std::forward<Rest>(rest)), ...);
    return ReplicatedDatabase<D>(std::move(primary), std::move(replicas), std::move(pick));
}

// Drizzle's standalone QueryBuilder: builds and prints queries (toSQL()) for a dialect with no
// database, to log or test SQL. Running anything through it throws drizzle::Error.
inline Database queryBuilder(Dialect dialect) { return Database(detail::unconnected(dialect)); }
template <Dialect D>
DatabaseOf<D> queryBuilder() {
    return DatabaseOf<D>(Database(detail::unconnected(D)));
}

}  // namespace drizzle

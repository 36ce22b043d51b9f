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

#include "drizzle/config.hpp"
#include "drizzle/error.hpp"
#include "drizzle/query/mutate.hpp"
#include "drizzle/query/relational.hpp"
#include "drizzle/query/select.hpp"

namespace drizzle {

class Database : public Session {
public:
    using Session::Session;

    // Every column of the tables in FROM and the joins.
    SelectStart<detail::AllFields> select() { return {this, std::make_shared<ast::Select>()}; }
    // Chosen columns and expressions: a std::tuple per row, or `Into{...}` with select<Into>.
    template <class Into = void, class F0, class... F>
    SelectStart<detail::FieldList<Into, decltype(asExpr(std::declval<F0>())), decltype(asExpr(std::declval<F>()))...>>
    select(const F0& first, const F&... fields) {
        auto tree = std::make_shared<ast::Select>();
        tree->fields = {detail::toNode<void>(first), detail::toNode<void>(fields)...};
        return {this, std::move(tree)};
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

// Opens a connection (see driver::connect for the URL forms) as a Database.
Database connect(Dialect dialect, const Credentials& credentials);
namespace sqlite {
// An SQLite database file (created if missing), ":memory:" or a "file:" URI.
Database open(std::string_view location);
}  // namespace sqlite
namespace pg {
Database connect(std::string_view url);
}  // namespace pg
namespace mysql {
Database connect(std::string_view url);
}  // namespace mysql

}  // namespace drizzle

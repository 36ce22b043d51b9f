// Golden cases of the ORM's printed SQL: each case builds one statement with the real query API
// and says the exact SQL and bound parameters the database receives for it. golden_test.cpp runs
// every case twice, with no server: through a connection that records what it is sent, and
// through drizzle::queryBuilder(), whose toSQL() must print the same and which must refuse to run.
//
//   {"eqBindsTheValue",
//    [](Database& db) { return all(db.select(&Customer::id).from(customers).where(eq(&Customer::id, 7))); },
//    R"(select "customers"."id" from "customers" where "customers"."id" = $1)", {7}},
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "drizzle/orm.hpp"

namespace printer_test {

// A built statement, type-erased: how to print it, and how an application would run it.
struct Statement {
    std::function<std::string()> toSQL;
    std::function<void()> run;
};

struct Case {
    std::string name;  // behaviour, as a gtest name: letters, digits, '_'
    std::function<Statement(drizzle::Database&)> build;
    // What the database receives: PostgreSQL's numbered $1, $2... (the driver numbers the
    // printer's `?`), `?` for SQLite and MySQL.
    std::string sql;
    std::vector<drizzle::driver::Param> params;
};

// A blob parameter: `bytes({0x00, 0xff})`.
inline drizzle::driver::Param bytes(std::initializer_list<unsigned char> octets) {
    return drizzle::driver::Bytes{std::string(octets.begin(), octets.end())};
}

// ---- how a case runs its statement ---------------------------------------------------------
// A select, or a statement with returning(): read every row.
template <class Q>
Statement all(Q query) {
    return {[query] { return query.toSQL(); }, [query] { query.all(); }};
}
// An insert, update or delete without returning().
template <class Q>
Statement execute(Q query) {
    return {[query] { return query.toSQL(); }, [query] { query.execute(); }};
}
// A select with placeholders, prepared and run: `prepared(q, [](auto& p) { p.all({{"id", 7}}); })`.
template <class Q, class Run>
Statement prepared(Q query, Run run) {
    return {[query] { return query.toSQL(); }, [query, run] {
                auto statement = query.prepare();
                run(statement);
            }};
}
// A relational query.
template <class Row, drizzle::Dialect D, class... Ws>
Statement findMany(drizzle::RelationalQuery<Row, D, Ws...> query, drizzle::FindOptions<Row> options = {}) {
    return {[query, options] { return query.toSQL(options); }, [query, options] { query.findMany(options); }};
}
template <class Row, drizzle::Dialect D, class... Ws>
Statement findFirst(drizzle::RelationalQuery<Row, D, Ws...> query, drizzle::FindOptions<Row> options = {}) {
    drizzle::FindOptions<Row> printed = options;
    printed.limit = 1;  // what findFirst() asks for
    return {[query, printed] { return query.toSQL(printed); }, [query, options] { query.findFirst(options); }};
}

// Shared by the case files: the instant every timestamp case binds (2024-01-05 10:20:30 UTC;
// each dialect's file says how its columns bind it), and a struct a select can land in.
inline const std::chrono::sys_seconds placed =
    std::chrono::sys_days{std::chrono::January / 5 / 2024} + std::chrono::hours(10) + std::chrono::minutes(20) +
    std::chrono::seconds(30);
struct NameAndPrice {
    std::string name;
    std::int64_t priceCents;
};

std::vector<Case> pgCases();
std::vector<Case> sqliteCases();
std::vector<Case> mysqlCases();

}  // namespace printer_test

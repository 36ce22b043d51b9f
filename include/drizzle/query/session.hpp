// The ORM's runtime core, compiled once (src/query/session.cpp): it prints statements for the
// connection's dialect, binds their values, streams rows and decodes whole rows of a table.
// The typed builders (select.hpp, mutate.hpp) call it; applications use drizzle::Database.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "drizzle/driver/connection.hpp"
#include "drizzle/detail/ast.hpp"
#include "drizzle/error.hpp"
#include "drizzle/query/codec.hpp"

namespace drizzle {

// What a statement without RETURNING reports.
struct ExecResult {
    std::int64_t rowsAffected = 0;
    std::int64_t lastInsertId = 0;  // SQLite, MySQL: the id of the last inserted row
};

// What a query logger sees of each statement the ORM runs (Drizzle's `logger`): its SQL, its
// bound values, and how long the database took to answer (until the first row was ready; the
// whole result on PostgreSQL and MySQL, which send it at once).
struct QueryLog {
    std::string_view sql;
    std::span<const driver::Param> params;
    std::chrono::nanoseconds duration;
};
using QueryLogger = std::function<void(const QueryLog&)>;

// Drizzle's `logger: true`: one line per statement on stderr,
//   query 0.21 ms: select "id" from "users" where "name" = ? -- params: ["Ada"]
// (binary values as their size, never their bytes).
QueryLogger logToStderr();
// The values as the line above shows them.
std::string describeParams(std::span<const driver::Param> params);

namespace detail {
// Runs `open` (which runs `sql` with `params`) and, when there is a logger, logs it with its time.
template <class F>
decltype(auto) logged(const QueryLogger& logger, std::string_view sql, std::span<const driver::Param> params, F&& open) {
    if (!logger) return open();
    const auto started = std::chrono::steady_clock::now();
    decltype(auto) result = open();
    logger(QueryLog{sql, params, std::chrono::steady_clock::now() - started});
    return result;
}
}  // namespace detail

// A value for a named placeholder: `{"id", 7}`, `{"since", sys_seconds{...}}`. Bound by the
// codec of the column the placeholder meets, as a literal value in its place would be.
struct Bind {
    template <class V>
    Bind(std::string_view name, const V& value) : name(name) {
        if constexpr (std::is_same_v<V, std::nullopt_t>) {
        } else if constexpr (isDefaulted<V>) {
            *this = Bind(name, value.value());
        } else if constexpr (!std::is_same_v<V, typename detail::Unoptional<V>::type>) {
            if (value) *this = Bind(name, *value);
        } else {
            using T = std::conditional_t<std::is_convertible_v<const V&, std::string_view>, std::string, V>;
            if constexpr (std::is_convertible_v<const V&, driver::Param>) this->value = value;  // nulls, numbers, text
            else this->value = detail::CodecFor<T>::write(value);
            valueType = &detail::valueTag<T>;
        }
    }
    std::string_view name;
    driver::Param value;
    const void* valueType = nullptr;  // valueTag of the value's C++ type
};

namespace detail {

// A statement's rows being read: owns the bound values the cursor reads from.
struct Running {
    std::vector<driver::Param> params;
    std::unique_ptr<driver::Cursor> owned;
    driver::Cursor* cursor = nullptr;
};

// Throws when a table declared for one dialect is queried through a connection of another.
void checkDialect(Dialect table, Dialect connection);

// Decodes the columns of one table, starting at `first`, into `row` (a Row*).
void readTableRow(const TableDef& table, const driver::Cursor& cursor, std::size_t first, void* row);
// True when the table's columns starting at `first` are all NULL (an outer join found no row).
bool allNull(const driver::Cursor& cursor, std::size_t first, std::size_t count);
std::size_t columnCount(const TableDef& table);
// Every column of a table, qualified by `qualifier` (the table's name when empty): what
// `select()` and `returning()` list.
void appendColumns(std::vector<ast::Node>& out, const TableDef& table, std::string_view qualifier);

// A connection to no database, for queryBuilder() (orm.hpp): printing needs only the dialect,
// and every attempt to run something throws Error(usage) saying how to connect instead.
std::unique_ptr<driver::Connection> unconnected(Dialect dialect);

}  // namespace detail

class Session;

// A statement printed once and run any number of times with new placeholder values.
class PreparedStatement {
public:
    PreparedStatement(Session& session, ast::Printed printed, std::shared_ptr<const void> tree);
    // Runs with the named placeholders' values; the cursor lives until the next run.
    driver::Cursor& open(std::initializer_list<Bind> binds);
    driver::Cursor& open(const std::vector<Bind>& binds);
    const std::string& sql() const { return printed_.sql; }

private:
    driver::Cursor& openWith(const Bind* binds, std::size_t count);

    std::shared_ptr<const QueryLogger> logger_;
    std::shared_ptr<const void> tree_;  // keeps the values the printed statement points at
    ast::Printed printed_;
    std::unique_ptr<driver::Statement> statement_;
    std::vector<driver::Param> params_;
};

// An INSERT, UPDATE or DELETE without RETURNING, prepared: execute() runs it again with new
// placeholder values (`set(&User::name, placeholder("name"))`).
class PreparedExec {
public:
    PreparedExec(Session& session, ast::Printed printed, std::shared_ptr<const void> tree)
        : statement_(session, std::move(printed), std::move(tree)) {}
    ExecResult execute(std::initializer_list<Bind> binds = {});
    ExecResult execute(const std::vector<Bind>& binds);
    const std::string& sql() const { return statement_.sql(); }

private:
    PreparedStatement statement_;
};

// How db.transaction(work, options) runs `work` again when it fails for a reason a retry can
// cure (Error::retryable(): a serialization failure, a deadlock, a lock wait that ran out).
struct TransactionOptions {
    int retries = 0;                         // further attempts at most
    std::chrono::milliseconds backoff{10};   // the wait before the first; doubled each time, with jitter
};

class Session {
public:
    explicit Session(std::shared_ptr<driver::Connection> connection);
    Session(Session&&) noexcept;
    ~Session();

    Dialect dialect() const { return dialect_; }
    driver::Connection& connection() { return *connection_; }
    // The connection, for another Session on it (withReplicas' primary()).
    const std::shared_ptr<driver::Connection>& sharedConnection() const { return connection_; }

    // Runs a printed statement once (the builders' one-shot path).
    detail::Running run(const ast::Printed& printed) { return start(printed, false); }
    // The same, with rows fetched one at a time as they are read (Connection::streamUnbuffered).
    detail::Running runUnbuffered(const ast::Printed& printed) { return start(printed, true); }
    ExecResult exec(const ast::Printed& printed);

    // Runs `work` in a transaction: commits when it returns, rolls back when it throws (and
    // rethrows). Called inside another transaction, it runs in a savepoint instead, so an
    // inner failure undoes only the inner work.
    template <class F>
    decltype(auto) transaction(F&& work) {
        beginLevel();
        // commitLevel() is outside the try: a commit that fails (a Galera certification
        // conflict, PostgreSQL's rolled-back commit) has ended the transaction already.
        if constexpr (std::is_void_v<decltype(work())>) {
            try {
                work();
            } catch (...) {
                rollbackLevel();
                throw;
            }
            commitLevel();
        } else {
            auto result = [&] {
                try {
                    return work();
                } catch (...) {
                    rollbackLevel();
                    throw;
                }
            }();
            commitLevel();
            return result;
        }
    }
    // The same, run again from the start after a retryable failure, up to options.retries more
    // times, waiting between attempts. Inside another transaction it runs once: a conflict
    // aborts the whole outer transaction, so the outermost one is what retries.
    template <class F>
    decltype(auto) transaction(F&& work, TransactionOptions options) {
        for (int attempt = 0;; ++attempt) {
            try {
                return transaction(work);
            } catch (const Error& e) {
                if (transactionDepth() > 0 || attempt >= options.retries || !e.retryable()) throw;
            }
            waitBeforeRetry(attempt, options.backoff);
        }
    }
    // For the calling thread (a pool keeps one transaction per thread).
    int transactionDepth() const { return connection_->transactionDepth(); }

    // Raw SQL, for what the builders do not cover (DDL, session settings).
    void execute(std::string_view sql) { connection_->execute(sql); }

    // Every statement the ORM runs from now on, prepared ones included, is given to `logger`
    // (an empty one: none).
    void setLogger(QueryLogger logger) { *logger_ = std::move(logger); }

    template <class F>
    decltype(auto) logged(std::string_view sql, std::span<const driver::Param> params, F&& open) {
        return detail::logged(*logger_, sql, params, open);
    }
    // Shared with the statements prepared on this session, which outlive a move of it.
    const std::shared_ptr<QueryLogger>& logger() const { return logger_; }

private:
    detail::Running start(const ast::Printed& printed, bool unbuffered);
    static void waitBeforeRetry(int attempt, std::chrono::milliseconds backoff);
    void beginLevel();
    void commitLevel();
    void rollbackLevel() noexcept;

    std::shared_ptr<driver::Connection> connection_;
    Dialect dialect_;
    std::shared_ptr<QueryLogger> logger_ = std::make_shared<QueryLogger>();
};

}  // namespace drizzle

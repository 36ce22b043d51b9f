// The ORM's runtime core: run printed statements, bind placeholders, decode table rows, nest
// transactions as savepoints.
#include "drizzle/query/session.hpp"

#include <algorithm>
#include <cstdio>
#include <random>
#include <thread>
#include <string>

#include "drizzle/error.hpp"
#include "drizzle/query/codec.hpp"
#include "schema/registry_internal.hpp"

namespace drizzle {

namespace detail {

void checkDialect(Dialect table, Dialect connection) {
    if (table == connection) return;
    throw Error(ErrorCategory::usage,
                "a table declared for " + std::string(dialectName(table)) + " is queried through a " +
                    std::string(dialectName(connection)) + " connection",
                "declare the schema with the dialect of the database (pg::pgTable, sqlite::sqliteTable, mysql::mysqlTable)");
}

void readTableRow(const TableDef& table, const driver::Cursor& cursor, std::size_t first, void* row) {
    auto* base = static_cast<char*>(row);
    if (!table.readers.empty()) {
        for (std::size_t i = 0; i < table.readers.size(); ++i) table.readers[i].read(cursor, first + i, base + table.readers[i].offset);
        return;
    }
    for (std::size_t i = 0; i < table.columns.size(); ++i) {
        const ColumnSpec& c = table.columns[i];
        c.codec->read(cursor, first + i, base + c.member.offset);
    }
}

bool allNull(const driver::Cursor& cursor, std::size_t first, std::size_t count) {
    for (std::size_t i = 0; i < count; ++i)
        if (!cursor.isNull(first + i)) return false;
    return true;
}

std::size_t columnCount(const TableDef& table) { return table.columns.size(); }

void appendColumns(std::vector<ast::Node>& out, const TableDef& table, std::string_view qualifier) {
    if (qualifier.empty()) qualifier = table.name;
    for (const ColumnSpec& c : table.columns) out.push_back(ast::columnNode(qualifier, &c));
}

namespace {

std::vector<driver::Param> bindValues(const ast::Printed& printed) {
    std::vector<driver::Param> params;
    params.reserve(printed.values.size());
    for (const driver::Param* p : printed.values) params.push_back(p ? *p : driver::Param{});
    return params;
}

class Unconnected final : public driver::Connection {
public:
    explicit Unconnected(Dialect dialect) : dialect_(dialect) {}
    Dialect dialect() const override { return dialect_; }
    void execute(std::string_view) override { refuse(); }
    driver::Rows query(std::string_view, const std::vector<driver::Param>&) override { refuse(); }
    std::unique_ptr<driver::Statement> prepare(std::string_view) override { refuse(); }
    std::unique_ptr<driver::Cursor> stream(std::string_view, std::span<const driver::Param>) override { refuse(); }
    void begin() override { refuse(); }
    void commit() override { refuse(); }
    void rollback() override { refuse(); }
    void savepoint(std::string_view) override { refuse(); }
    void releaseSavepoint(std::string_view) override { refuse(); }
    void rollbackToSavepoint(std::string_view) override { refuse(); }
    std::string describe() const override { return "no database (a query builder)"; }

private:
    [[noreturn]] static void refuse() {
        throw Error(ErrorCategory::usage,
                    "this is a query builder without a connection: it builds and prints SQL (toSQL()) but cannot run it",
                    "connect to run queries: drizzle::pg::connect(url), drizzle::mysql::connect(url) or "
                    "drizzle::sqlite::open(path)");
    }
    Dialect dialect_;
};

}  // namespace

std::unique_ptr<driver::Connection> unconnected(Dialect dialect) { return std::make_unique<Unconnected>(dialect); }

}  // namespace detail

Session::Session(std::shared_ptr<driver::Connection> connection)
    : connection_(std::move(connection)), dialect_(connection_->dialect()) {}
Session::Session(Session&&) noexcept = default;
Session::~Session() = default;

namespace {
void refusePlaceholders(const ast::Printed& printed) {
    if (!printed.placeholders.empty())
        throw Error(ErrorCategory::usage,
                    "the query has a placeholder (\"" + printed.placeholders.front().name + "\") but runs unprepared",
                    "call .prepare() and pass the placeholder's value when running it");
}
}  // namespace

detail::Running Session::start(const ast::Printed& printed, bool unbuffered) {
    refusePlaceholders(printed);
    detail::Running r;
    r.params = detail::bindValues(printed);
    r.owned = logged(printed.sql, r.params, [&] {
        return connection_->streamAs(printed.read ? driver::Access::read : driver::Access::write, printed.sql, r.params,
                                     unbuffered);
    });
    r.cursor = r.owned.get();
    return r;
}

ExecResult Session::exec(const ast::Printed& printed) {
    detail::Running r = run(printed);
    while (r.cursor->next()) {
    }
    return {r.cursor->affectedRows(), r.cursor->lastInsertId()};
}

void Session::waitBeforeRetry(int attempt, std::chrono::milliseconds backoff) {
    // Doubling waits with jitter, so that two transactions that collided do not collide again in
    // step; capped at 64 times the first.
    static thread_local std::minstd_rand jitter(std::random_device{}());
    const auto base = backoff * (1 << std::min(attempt, 6));
    std::this_thread::sleep_for(base / 2 + base * static_cast<long>(jitter() % 1000) / 1000);
}

// The depth lives in the connection: a pool counts per thread, and begin() is what gives the
// thread its count there, so it is read again after it.
void Session::beginLevel() {
    const int depth = connection_->transactionDepth();
    if (depth == 0) connection_->begin();
    else connection_->savepoint("drizzle_sp" + std::to_string(depth));
    ++connection_->transactionDepth();
}

void Session::commitLevel() {
    const int depth = --connection_->transactionDepth();
    if (depth > 0) return connection_->releaseSavepoint("drizzle_sp" + std::to_string(depth));
    try {
        connection_->commit();
    } catch (...) {
        try {
            connection_->rollback();  // mostly a no-op: a failed commit ended the transaction
        } catch (...) {
        }
        throw;
    }
}

void Session::rollbackLevel() noexcept {
    const int depth = --connection_->transactionDepth();
    try {
        if (depth == 0) connection_->rollback();
        else connection_->rollbackToSavepoint("drizzle_sp" + std::to_string(depth));
    } catch (...) {  // the original failure is what the caller needs to see
    }
}

PreparedStatement::PreparedStatement(Session& session, ast::Printed printed, std::shared_ptr<const void> tree)
    : logger_(session.logger()),
      tree_(std::move(tree)),
      printed_(std::move(printed)),
      statement_(session.connection().prepareAs(printed_.read ? driver::Access::read : driver::Access::write, printed_.sql)),
      params_(detail::bindValues(printed_)) {}

driver::Cursor& PreparedStatement::open(std::initializer_list<Bind> binds) { return openWith(binds.begin(), binds.size()); }
driver::Cursor& PreparedStatement::open(const std::vector<Bind>& binds) { return openWith(binds.data(), binds.size()); }

driver::Cursor& PreparedStatement::openWith(const Bind* binds, std::size_t count) {
    for (const auto& [position, name, column] : printed_.placeholders) {
        const Bind* found = nullptr;
        for (std::size_t i = 0; i < count; ++i)
            if (binds[i].name == name) found = &binds[i];
        if (!found)
            throw Error(ErrorCategory::usage, "no value for placeholder \"" + name + "\" in: " + printed_.sql,
                        "pass {\"" + name + "\", value} when running the prepared query");
        // A column whose SQL type changes the encoding (SQLite's epoch timestamps, binary text)
        // binds the value as a literal in the placeholder's place would be.
        const detail::Codec* codec = column ? column->codec : nullptr;
        if (codec && codec->rebind && found->valueType == codec->valueType) params_[position] = codec->rebind(found->value);
        else params_[position] = found->value;
    }
    return detail::logged(*logger_, printed_.sql, params_, [&]() -> driver::Cursor& { return statement_->open(params_); });
}

namespace {
ExecResult drain(driver::Cursor& c) {
    while (c.next()) {
    }
    return {c.affectedRows(), c.lastInsertId()};
}
}  // namespace

ExecResult PreparedExec::execute(std::initializer_list<Bind> binds) { return drain(statement_.open(binds)); }
ExecResult PreparedExec::execute(const std::vector<Bind>& binds) { return drain(statement_.open(binds)); }

std::string describeParams(std::span<const driver::Param> params) {
    std::string out = "[";
    for (const driver::Param& p : params) {
        if (out.size() > 1) out += ", ";
        if (std::holds_alternative<std::nullptr_t>(p)) out += "null";
        else if (const auto* i = std::get_if<std::int64_t>(&p)) out += std::to_string(*i);
        else if (const auto* d = std::get_if<double>(&p)) out += std::to_string(*d);
        else if (const auto* s = std::get_if<std::string>(&p)) out += '"' + *s + '"';
        else out += "<" + std::to_string(std::get<driver::Bytes>(p).data.size()) + " bytes>";
    }
    return out + "]";
}

QueryLogger logToStderr() {
    return [](const QueryLog& q) {
        char ms[32];
        std::snprintf(ms, sizeof ms, "%.2f", std::chrono::duration<double, std::milli>(q.duration).count());
        std::fprintf(stderr, "query %s ms: %.*s -- params: %s\n", ms, static_cast<int>(q.sql.size()), q.sql.data(),
                     describeParams(q.params).c_str());
    };
}

}  // namespace drizzle

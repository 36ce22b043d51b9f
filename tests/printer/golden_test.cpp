// Runs the golden cases of <dialect>_cases.cpp with no server: each statement is run through a
// connection that records what it is sent (the SQL and the parameters exactly as a driver gets
// them), then built again through drizzle::queryBuilder(), whose toSQL() must print the same SQL
// and which must refuse to run it.
#include <gtest/gtest.h>

#include <cstdio>
#include <memory>
#include <ostream>
#include <span>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "drivers/pg/placeholders.hpp"
#include "golden.hpp"
#include "pg_shop.hpp"

namespace printer_test {
namespace {

using drizzle::Dialect;
using drizzle::driver::Param;

// ---- a connection that records what it is sent ---------------------------------------------
struct Sent {
    std::string sql;
    std::vector<Param> params;
};
using Log = std::shared_ptr<std::vector<Sent>>;

// The rows of nothing: every statement "returns" no row and changes none.
class NoRows final : public drizzle::driver::Cursor {
public:
    bool next() override { return false; }
    std::size_t columnCount() const override { return 0; }
    std::string_view columnName(std::size_t) const override { return {}; }
    bool isNull(std::size_t) const override { return true; }
    std::int64_t integer(std::size_t) const override { return 0; }
    double real(std::size_t) const override { return 0; }
    std::string_view text(std::size_t) const override { return {}; }
    std::string_view bytes(std::size_t) const override { return {}; }
    std::int64_t affectedRows() const override { return 0; }
    std::int64_t lastInsertId() const override { return 0; }
};

class RecordingStatement final : public drizzle::driver::Statement {
public:
    RecordingStatement(std::string sql, Log log) : sql_(std::move(sql)), log_(std::move(log)) {}
    std::int64_t affectedRows() const override { return 0; }
    drizzle::driver::Cursor& open(std::span<const Param> params) override {
        log_->push_back({sql_, {params.begin(), params.end()}});
        return rows_;
    }

private:
    std::string sql_;
    Log log_;
    NoRows rows_;
};

class Recorder final : public drizzle::driver::Connection {
public:
    Recorder(Dialect dialect, Log log) : dialect_(dialect), log_(std::move(log)) {}
    Dialect dialect() const override { return dialect_; }
    void execute(std::string_view sql) override { log_->push_back({std::string(sql), {}}); }
    drizzle::driver::Rows query(std::string_view sql, const std::vector<Param>& params) override {
        log_->push_back({std::string(sql), params});
        return {};
    }
    std::unique_ptr<drizzle::driver::Statement> prepare(std::string_view sql) override {
        return std::make_unique<RecordingStatement>(std::string(sql), log_);
    }
    std::unique_ptr<drizzle::driver::Cursor> stream(std::string_view sql, std::span<const Param> params) override {
        log_->push_back({std::string(sql), {params.begin(), params.end()}});
        return std::make_unique<NoRows>();
    }
    // Transactions are statements too: a case that opened one would show more than one.
    void begin() override { execute("begin"); }
    void commit() override { execute("commit"); }
    void rollback() override { execute("rollback"); }
    void savepoint(std::string_view) override { execute("savepoint"); }
    void releaseSavepoint(std::string_view) override { execute("release savepoint"); }
    void rollbackToSavepoint(std::string_view) override { execute("rollback to savepoint"); }
    std::string describe() const override { return "a recorder"; }

private:
    Dialect dialect_;
    Log log_;
};

// ---- reporting -----------------------------------------------------------------------------
// A parameter as a case writes it, so a failure shows what to compare (or paste).
std::string literal(const Param& p) {
    struct Print {
        std::string operator()(std::nullptr_t) const { return "nullptr"; }
        std::string operator()(std::int64_t v) const { return std::to_string(v); }
        std::string operator()(double v) const {
            char text[32];
            std::snprintf(text, sizeof text, "%.17g", v);
            std::string s = text;
            if (s.find_first_of(".en") == std::string::npos) s += ".0";
            return s;
        }
        std::string operator()(const std::string& v) const { return quoted(v); }
        std::string operator()(const drizzle::driver::Bytes& b) const {
            std::string s = "bytes({";
            for (std::size_t i = 0; i < b.data.size(); ++i) {
                char hex[8];
                std::snprintf(hex, sizeof hex, "%s0x%02x", i ? ", " : "", static_cast<unsigned char>(b.data[i]));
                s += hex;
            }
            return s + "})";
        }
        static std::string quoted(const std::string& v) {
            std::string s = "\"";
            for (char c : v) {
                if (c == '"' || c == '\\') s += '\\';
                if (c == '\n') {
                    s += "\\n";
                    continue;
                }
                s += c;
            }
            return s + '"';
        }
    };
    return std::visit(Print{}, p);
}
std::string literal(const std::vector<Param>& params) {
    std::string s = "{";
    for (std::size_t i = 0; i < params.size(); ++i) s += (i ? ", " : "") + literal(params[i]);
    return s + "}";
}

// The SQL as the database receives it: PostgreSQL's driver numbers the printer's `?`. The
// placeholders are counted as that driver counts them (outside quotes and comments).
struct Received {
    std::string sql;
    std::size_t placeholders = 0;
};
Received received(Dialect dialect, std::string_view printed) {
    auto numbered = drizzle::driver::pg::numberPlaceholders(printed);
    if (dialect == Dialect::postgresql) return {std::move(numbered.sql), numbered.placeholders};
    return {std::string(printed), numbered.placeholders};
}

// Fails with both texts and a caret under the first character where they part.
void expectSameSql(const std::string& expected, const std::string& actual, std::string_view source) {
    if (expected == actual) return;
    std::size_t at = 0;
    while (at < expected.size() && at < actual.size() && expected[at] == actual[at]) ++at;
    ADD_FAILURE() << source << " differs at offset " << at << ":\n"
                  << "  expected: " << expected << "\n"
                  << "    actual: " << actual << "\n"
                  << std::string(12 + at, ' ') << "^";
}

// ---- the cases -----------------------------------------------------------------------------
struct Entry {
    Dialect dialect;
    Case golden;
};
void PrintTo(const Entry& e, std::ostream* out) { *out << drizzle::dialectName(e.dialect) << " case " << e.golden.name; }

std::vector<Entry> entries(Dialect dialect, std::vector<Case> cases) {
    std::vector<Entry> out;
    for (Case& c : cases) out.push_back({dialect, std::move(c)});
    return out;
}

class Golden : public ::testing::TestWithParam<Entry> {};

TEST_P(Golden, PrintsTheExpectedSqlAndParameters) {
    const Entry& entry = GetParam();
    const Case& golden = entry.golden;

    auto log = std::make_shared<std::vector<Sent>>();
    drizzle::Database recorded(std::make_unique<Recorder>(entry.dialect, log));
    golden.build(recorded).run();
    ASSERT_EQ(log->size(), 1u) << "the case should send exactly one statement";
    const Sent& sent = log->front();
    const Received got = received(entry.dialect, sent.sql);
    expectSameSql(golden.sql, got.sql, "the SQL sent");
    EXPECT_TRUE(sent.params == golden.params) << "parameters differ:\n"
                                              << "  expected: " << literal(golden.params) << "\n"
                                              << "    actual: " << literal(sent.params);
    EXPECT_EQ(got.placeholders, sent.params.size()) << "one parameter per placeholder";

    drizzle::Database builder = drizzle::queryBuilder(entry.dialect);
    const Statement unconnected = golden.build(builder);
    expectSameSql(golden.sql, received(entry.dialect, unconnected.toSQL()).sql, "queryBuilder's toSQL()");
    try {
        unconnected.run();
        ADD_FAILURE() << "a query builder ran a statement";
    } catch (const drizzle::Error& e) {
        EXPECT_EQ(e.category(), drizzle::ErrorCategory::usage);
        EXPECT_NE(std::string_view(e.what()).find("query builder without a connection"), std::string_view::npos) << e.what();
    }
}

std::string nameOf(const ::testing::TestParamInfo<Entry>& info) { return info.param.golden.name; }

INSTANTIATE_TEST_SUITE_P(PostgreSQL, Golden, ::testing::ValuesIn(entries(Dialect::postgresql, pgCases())), nameOf);
INSTANTIATE_TEST_SUITE_P(SQLite, Golden, ::testing::ValuesIn(entries(Dialect::sqlite, sqliteCases())), nameOf);
INSTANTIATE_TEST_SUITE_P(MySQL, Golden, ::testing::ValuesIn(entries(Dialect::mysql, mysqlCases())), nameOf);

// ---- the query builder itself --------------------------------------------------------------
TEST(QueryBuilder, RefusesToRunAnythingAndSaysHowToConnect) {
    using namespace printer_pg;
    drizzle::Database db = drizzle::queryBuilder(Dialect::postgresql);
    EXPECT_EQ(db.dialect(), Dialect::postgresql);
    const auto query = db.select(&Customer::id).from(customers).where(eq(&Customer::id, 1));
    EXPECT_EQ(query.toSQL(), R"(select "customers"."id" from "customers" where "customers"."id" = ?)");
    try {
        query.all();
        FAIL() << "a query builder ran a select";
    } catch (const drizzle::Error& e) {
        EXPECT_EQ(e.category(), drizzle::ErrorCategory::usage);
        EXPECT_STREQ(e.what(), "this is a query builder without a connection: it builds and prints SQL (toSQL()) but cannot run it");
        EXPECT_NE(e.hint().find("drizzle::pg::connect(url)"), std::string::npos) << e.hint();
    }
    EXPECT_THROW(db.execute("select 1"), drizzle::Error);
    EXPECT_THROW(db.insert(customers).set(&Customer::email, "a@x").set(&Customer::name, "A").execute(), drizzle::Error);
    EXPECT_THROW(db.select().from(customers).where(eq(&Customer::id, drizzle::placeholder("id"))).prepare(), drizzle::Error);
    bool ran = false;
    EXPECT_THROW(db.transaction([&] { ran = true; }), drizzle::Error);
    EXPECT_FALSE(ran);
    EXPECT_EQ(db.transactionDepth(), 0);
}

TEST(QueryBuilder, RefusesTablesOfAnotherDialect) {
    drizzle::Database db = drizzle::queryBuilder(Dialect::sqlite);
    EXPECT_THROW(db.select().from(printer_pg::customers), drizzle::Error);
}

}  // namespace
}  // namespace printer_test

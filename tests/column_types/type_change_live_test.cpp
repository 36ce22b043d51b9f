// A column's type changed by a migration, on each server: the differ's statements convert the
// values the new type can hold (PostgreSQL needs `USING` across type families, which Drizzle Kit
// does not write), and a value that does not convert fails the statement instead of being lost.
#include <gtest/gtest.h>

#include <optional>
#include <tuple>
#include <string>
#include <vector>

#include "drizzle/kit/ddl.hpp"
#include "drizzle/kit/diff.hpp"
#include "support.hpp"

namespace drizzle {
namespace {

model::Schema withColumn(Dialect dialect, const std::string& type) {
    model::Schema s;
    s.dialect = dialect;
    model::Table t;
    t.name = "t";
    model::Column id, v;
    id.name = "id";
    id.type = "integer";
    id.primaryKey = id.notNull = true;
    v.name = "v";
    v.type = type;
    t.columns = {id, v};
    s.tables.push_back(t);
    return s;
}

class TypeChanges : public ::testing::TestWithParam<Dialect> {
protected:
    void SetUp() override { db_ = driver::test::emptyDatabase(GetParam(), scratch_); }
    driver::Connection& db() { return *db_; }

    // Creates t(id, v `from`) holding `values`, then runs the migration to `to`.
    void migrate(const std::string& from, const std::string& to, const std::vector<std::string>& values) {
        for (const auto& s : kit::ddl::createStatements(withColumn(GetParam(), from))) db().execute(s);
        int id = 0;
        for (const auto& v : values)
            db().execute("insert into " + quoteIdentifier(GetParam(), "t") + " values (" + std::to_string(++id) + ", " +
                         quoteString(GetParam(), v) + ")");
        const auto result = kit::diff::diff(withColumn(GetParam(), from), withColumn(GetParam(), to), {});
        ASSERT_FALSE(result.statements.empty());
        for (const auto& s : result.statements) db().execute(s);
    }
    std::vector<std::string> values() {
        auto rows = db().query("select v from " + quoteIdentifier(GetParam(), "t") + " order by id");
        std::vector<std::string> out;
        for (std::size_t i = 0; i < rows.size(); ++i) out.push_back(rows.text(i, 0));
        return out;
    }

private:
    std::optional<driver::test::ScratchDatabase> scratch_;
    std::unique_ptr<driver::Connection> db_;
};

TEST_P(TypeChanges, NumericTextBecomesIntegersWithItsValues) {
    migrate("text", GetParam() == Dialect::mysql ? "int" : "integer", {"7", "-12", "300"});
    EXPECT_EQ(values(), (std::vector<std::string>{"7", "-12", "300"}));
}

TEST_P(TypeChanges, IntegersBecomeTextWithTheirValues) {
    migrate(GetParam() == Dialect::mysql ? "int" : "integer", "text", {"7", "-12"});
    EXPECT_EQ(values(), (std::vector<std::string>{"7", "-12"}));
}

TEST(TypeChangesPg, TextThatIsNoIntegerFailsTheStatementAndKeepsTheColumn) {
    std::optional<driver::test::ScratchDatabase> scratch;
    auto db = driver::test::emptyDatabase(Dialect::postgresql, scratch);
    for (const auto& s : kit::ddl::createStatements(withColumn(Dialect::postgresql, "text"))) db->execute(s);
    db->execute("insert into t values (1, '7'), (2, 'seven')");
    const auto result = kit::diff::diff(withColumn(Dialect::postgresql, "text"), withColumn(Dialect::postgresql, "integer"), {});
    ASSERT_EQ(result.statements.size(), 1u);
    EXPECT_EQ(result.statements[0], R"(ALTER TABLE "t" ALTER COLUMN "v" SET DATA TYPE integer USING "v"::integer;)");
    const Error e = driver::test::errorOf([&] { db->execute(result.statements[0]); });
    EXPECT_NE(std::string(e.what()).find("seven"), std::string::npos) << e.what();
    auto rows = db->query("select v from t order by id");
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows.text(1, 0), "seven");
}

TEST(TypeChangesPg, TextBecomesBooleanAndJsonb) {
    for (const auto& [type, value, read] : {std::tuple{"boolean", "true", "t"}, std::tuple{"jsonb", R"({"a": 1})", R"({"a": 1})"}}) {
        SCOPED_TRACE(type);
        std::optional<driver::test::ScratchDatabase> scratch;
        auto db = driver::test::emptyDatabase(Dialect::postgresql, scratch);
        for (const auto& s : kit::ddl::createStatements(withColumn(Dialect::postgresql, "text"))) db->execute(s);
        db->execute("insert into t values (1, " + quoteString(Dialect::postgresql, value) + ")");
        for (const auto& s : kit::diff::diff(withColumn(Dialect::postgresql, "text"), withColumn(Dialect::postgresql, type), {}).statements)
            db->execute(s);
        EXPECT_EQ(db->query("select v from t").text(0, 0), read);
    }
}

// Into a string type no conversion is written: an explicit cast to varchar(n) would cut a
// longer value silently, where the assignment PostgreSQL makes refuses it.
TEST(TypeChangesPg, ALongerValueThanANewVarcharFailsInsteadOfBeingCut) {
    std::optional<driver::test::ScratchDatabase> scratch;
    auto db = driver::test::emptyDatabase(Dialect::postgresql, scratch);
    for (const auto& s : kit::ddl::createStatements(withColumn(Dialect::postgresql, "text"))) db->execute(s);
    db->execute("insert into t values (1, 'longer than five')");
    const auto result = kit::diff::diff(withColumn(Dialect::postgresql, "text"), withColumn(Dialect::postgresql, "varchar(5)"), {});
    ASSERT_EQ(result.statements.size(), 1u);
    EXPECT_EQ(result.statements[0].find("USING"), std::string::npos);
    EXPECT_THROW(db->execute(result.statements[0]), Error);
    EXPECT_EQ(db->query("select v from t").text(0, 0), "longer than five");
}

INSTANTIATE_TEST_SUITE_P(Dialects, TypeChanges, ::testing::Values(Dialect::postgresql, Dialect::sqlite, Dialect::mysql),
                         [](const auto& info) { return std::string(dialectName(info.param)); });

}  // namespace
}  // namespace drizzle

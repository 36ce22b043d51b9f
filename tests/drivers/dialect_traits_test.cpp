// The dialect table (drizzle/dialect.hpp) against the databases themselves: each capability the
// ORM allows or refuses at compile time is probed on SQLite in memory and the PostgreSQL and
// MariaDB test servers, and each quoting function's output is read back unchanged.
#include <gtest/gtest.h>

#include <functional>
#include <optional>
#include <string>

#include "support.hpp"

namespace drizzle::driver {
namespace {

class DialectTraitsTest : public ::testing::TestWithParam<Dialect> {
protected:
    void SetUp() override {
        db_ = test::emptyDatabase(dialect(), scratch_);
        db().execute("create table t (id integer primary key, name varchar(20))");
        db().execute("insert into t (id, name) values (1, 'a'), (2, 'b')");
    }

    Dialect dialect() const { return GetParam(); }
    const DialectTraits& traits() const { return traitsOf(dialect()); }
    Connection& db() { return *db_; }

    // Whether the server runs `sql`; a statement that writes is undone.
    bool runs(const std::string& sql) {
        db().begin();
        bool ok = true;
        try {
            db().query(sql);
        } catch (const std::exception&) {
            ok = false;
        }
        db().rollback();
        return ok;
    }

private:
    std::optional<test::ScratchDatabase> scratch_;
    std::unique_ptr<Connection> db_;
};

TEST_P(DialectTraitsTest, CapabilitiesAreWhatTheServerAccepts) {
    // UPDATE: MariaDB has INSERT and DELETE ... RETURNING, but no server of the dialect has all three.
    EXPECT_EQ(runs("update t set name = 'z' where id = 1 returning id"), traits().returning);
    EXPECT_EQ(runs("select distinct on (name) id from t order by name"), traits().distinctOn);
    EXPECT_EQ(runs("select a.id from t a full join t b on a.id = b.id"), traits().fullJoin);
    EXPECT_EQ(runs("select id from t intersect all select id from t"), traits().intersectAllExceptAll);
    EXPECT_EQ(runs("select id from t except all select id from t"), traits().intersectAllExceptAll);
    EXPECT_EQ(runs("select id from t for update"), traits().rowLocks);
    EXPECT_EQ(runs("insert into t (id, name) values (1, 'x') on conflict (id) do update set name = 'y'"),
              traits().onConflict);
    EXPECT_EQ(runs("insert into t (id, name) values (1, 'x') on duplicate key update name = 'y'"), !traits().onConflict);
    EXPECT_EQ(runs("select id from t where name ilike 'A'"), traits().ilike);
    EXPECT_EQ(runs("select id from t order by name nulls first"), traits().nullsOrdering);
    EXPECT_EQ(runs("(select id from t) union (select id from t)"), traits().parenthesisedSetOperands);
}

// What the printer writes where a dialect lacks the short form: the server takes it, and it means
// what the short form would.
TEST_P(DialectTraitsTest, OffsetWithoutALimitAndARowOfDefaultsRunAsWritten) {
    EXPECT_EQ(runs("select id from t order by id offset 1"), traits().limitForOffset.empty());
    Rows rows = db().query("select id from t order by id" + std::string(traits().limitForOffset) + " offset 1");
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows.text(0, 0), "2");
    db().execute("create table d (id integer default 5, name varchar(10) default 'x')");
    db().execute("insert into d" + std::string(traits().insertDefaultRow));
    rows = db().query("select id, name from d");
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows.text(0, 0), "5");
    EXPECT_EQ(rows.text(0, 1), "x");
}

TEST(DialectTraitsNames, EachDialectIsFoundByTheNameItIsGiven) {
    for (Dialect d : {Dialect::postgresql, Dialect::sqlite, Dialect::mysql}) EXPECT_EQ(parseDialect(dialectName(d)), d);
    EXPECT_FALSE(parseDialect("postgres").has_value());
}

TEST_P(DialectTraitsTest, DdlRollsBackOnlyWhereItIsTransactional) {
    db().begin();
    db().execute("create table made_in_a_transaction (id integer)");
    db().rollback();
    EXPECT_EQ(!runs("select * from made_in_a_transaction"), traits().transactionalDdl);
}

TEST_P(DialectTraitsTest, PlaceholdersAreTheDialectsStyle) {
    const std::string sql = traits().placeholders == DialectTraits::Placeholders::numbered
                                ? "select name from t where id = $1"
                                : "select name from t where id = ?";
    Rows rows = db().query(sql, {std::int64_t{2}});
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows.text(0, 0), "b");
}

TEST_P(DialectTraitsTest, QuotedIdentifiersAndStringsReadBackUnchanged) {
    for (const std::string text : {"plain", "it's", "say \"hi\"", "back`tick", "a\\b", "a\\'b", "tab\there"}) {
        SCOPED_TRACE(text);
        const std::string column = quoteIdentifier(dialect(), text);
        Rows rows = db().query("select " + quoteString(dialect(), text) + " as " + column);
        ASSERT_EQ(rows.size(), 1u);
        EXPECT_EQ(rows.text(0, 0), text);
        EXPECT_EQ(rows.columnName(0), text);
    }
}

// The kit's DDL quote is Drizzle Kit's choice; the database reads it as the same name.
TEST_P(DialectTraitsTest, DdlQuotedNamesAreTheSameTables) {
    const std::string name = "we\"ird`name";
    const char q = traits().ddlIdentifierQuote;
    std::string ddlName(1, q);
    for (char c : name) {
        if (c == q) ddlName += q;
        ddlName += c;
    }
    ddlName += q;
    db().execute("create table " + ddlName + " (id integer)");
    db().execute("insert into " + quoteIdentifier(dialect(), name) + " (id) values (7)");
    Rows rows = db().query("select id from " + ddlName);
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows.text(0, 0), "7");
}

INSTANTIATE_TEST_SUITE_P(Dialects, DialectTraitsTest,
                         ::testing::Values(Dialect::sqlite, Dialect::postgresql, Dialect::mysql),
                         [](const ::testing::TestParamInfo<Dialect>& info) {
                             return std::string(dialectName(info.param));
                         });

}  // namespace
}  // namespace drizzle::driver

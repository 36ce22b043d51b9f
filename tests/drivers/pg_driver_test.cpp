// The PostgreSQL driver against the test server (DRIZZLE_TEST_PG_URL), one scratch database per
// test.
#include <gtest/gtest.h>

#include "drivers/driver_internal.hpp"
#include "support.hpp"

namespace drizzle::driver {
namespace {

using test::errorOf;
using test::ScratchDatabase;

TEST(PgDriver, ConnectsFromUrlAndFromFields) {
    ScratchDatabase scratch(Dialect::postgresql);
    auto byUrl = scratch.connect();
    EXPECT_EQ(byUrl->dialect(), Dialect::postgresql);
    EXPECT_EQ(byUrl->query("select current_database()").text(0, 0), scratch.name());

    const auto endpoint = detail::parseServerUrl(scratch.url(), Dialect::postgresql);
    Credentials fields;
    fields.host = endpoint.host;
    fields.port = endpoint.port;
    fields.user = endpoint.user;
    fields.database = scratch.name();
    fields.ssl = "disable";
    auto byFields = connect(Dialect::postgresql, fields);
    EXPECT_EQ(byFields->query("select current_database()").text(0, 0), scratch.name());
    EXPECT_EQ(byFields->describe(), "postgres://postgres@" + endpoint.host + ":" + std::to_string(*endpoint.port) +
                                        "/" + scratch.name() + "?sslmode=disable");
    EXPECT_EQ(byFields->query("show client_encoding").text(0, 0), "UTF8");
}

TEST(PgDriver, RunsMultiStatementText) {
    ScratchDatabase scratch(Dialect::postgresql);
    auto db = scratch.connect();
    db->execute(
        "create table t (id serial primary key, v text);\n"
        "insert into t (v) values ('a;b');\n"
        "create table if not exists t (id int); -- a NOTICE, not printed\n"
        "select 1;\n"
        "insert into t (v) values ($$c'd$$);");
    const Rows rows = db->query("select v from t order by id");
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows.text(0, 0), "a;b");
    EXPECT_EQ(rows.text(1, 0), "c'd");
    // Blanks and comments run as nothing, as in the other dialects.
    db->execute("");
    db->execute("  -- only a comment\n");
    db->execute("/* a comment */");
}

TEST(PgDriver, BindsParametersAndReadsRows) {
    ScratchDatabase scratch(Dialect::postgresql);
    auto db = scratch.connect();
    db->execute("create table t (i bigint, r double precision, s text, b bytea, n integer, j jsonb)");
    const std::string bytes("\x00\x01\xff", 3);
    db->query("insert into t values (?, ?, ?, decode(?, 'hex'), ?, ?)",
              {std::int64_t{-9007199254740993}, 0.1, std::string("it's \xC3\xA9 ?"), std::string("0001ff"), nullptr,
               std::string(R"({"k": [1, 2]})")});
    const Rows rows = db->query(
        "select i, r, s, b, n, j, 'literal ?' as lit from t where s = ? and i < ? and r > ?",
        {std::string("it's \xC3\xA9 ?"), std::int64_t{0}, 0.05});
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows.columnName(6), "lit");
    EXPECT_EQ(rows.integer(0, 0), -9007199254740993);
    EXPECT_EQ(rows.real(0, 1), 0.1);
    EXPECT_EQ(rows.text(0, 2), "it's \xC3\xA9 ?");
    EXPECT_EQ(rows.text(0, 3), bytes);  // bytea arrives as raw bytes, not "\x0001ff"
    EXPECT_TRUE(rows.isNull(0, 4));
    EXPECT_EQ(rows.text(0, 5), R"({"k": [1, 2]})");
    EXPECT_EQ(rows.text(0, 6), "literal ?");

    const Rows special = db->query("select ?::float8, ?::float8, ?::int is null", {1e300, -0.0, nullptr});
    EXPECT_EQ(special.real(0, 0), 1e300);
    EXPECT_EQ(special.text(0, 2), "t");
}

TEST(PgDriver, PreparedStatementRunsManyTimes) {
    ScratchDatabase scratch(Dialect::postgresql);
    auto db = scratch.connect();
    db->execute("create table t (id serial primary key, v integer)");
    auto insert = db->prepare("insert into t (v) values (?) returning id");
    for (std::int64_t v = 1; v <= 5; ++v) {
        EXPECT_EQ(insert->run({v}).integer(0, 0), v);
        EXPECT_EQ(insert->affectedRows(), 1);
    }
    auto update = db->prepare("update t set v = v * 10 where v > ?");
    update->run({std::int64_t{2}});
    EXPECT_EQ(update->affectedRows(), 3);
    auto select = db->prepare("select sum(v) from t where v >= ?");
    EXPECT_EQ(select->run({std::int64_t{0}}).integer(0, 0), 123);
    EXPECT_EQ(select->run({std::int64_t{30}}).integer(0, 0), 120);
    // Two statements alive at once, then released.
    auto other = db->prepare("select count(*) from t");
    EXPECT_EQ(other->run().integer(0, 0), 5);
    select.reset();
    other.reset();
    EXPECT_EQ(db->query("select count(*) from pg_prepared_statements").integer(0, 0), 2);
}

TEST(PgDriver, RollbackUndoesWork) {
    ScratchDatabase scratch(Dialect::postgresql);
    auto db = scratch.connect();
    db->execute("create table t (v integer)");
    db->begin();
    db->execute("insert into t values (1); create table inside (v integer)");
    db->rollback();
    EXPECT_EQ(db->query("select count(*) from t").integer(0, 0), 0);
    EXPECT_EQ(db->query("select count(*) from pg_tables where tablename = 'inside'").integer(0, 0), 0);

    transaction(*db, [&] { db->execute("insert into t values (2)"); });
    EXPECT_THROW(transaction(*db, [&] {
        db->execute("insert into t values (3)");
        db->execute("insert into missing values (3)");
    }),
                 Error);
    EXPECT_EQ(db->query("select count(*) from t").integer(0, 0), 1);
}

TEST(PgDriver, SavepointRollsBackPartOfATransaction) {
    ScratchDatabase scratch(Dialect::postgresql);
    auto db = scratch.connect();
    db->execute("create table t (v integer unique)");
    db->begin();
    db->execute("insert into t values (1)");
    db->savepoint("before \"dup\"");
    EXPECT_THROW(db->execute("insert into t values (1)"), Error);
    db->rollbackToSavepoint("before \"dup\"");  // the transaction is usable again
    db->savepoint("three");
    db->execute("insert into t values (3)");
    db->releaseSavepoint("three");
    db->commit();
    const Rows rows = db->query("select v from t order by v");
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows.integer(1, 0), 3);
}

TEST(PgDriver, CommitAfterAFailedStatementIsAnError) {
    ScratchDatabase scratch(Dialect::postgresql);
    auto db = scratch.connect();
    db->execute("create table t (v integer)");
    db->begin();
    db->execute("insert into t values (1)");
    EXPECT_THROW(db->execute("select * from missing"), Error);
    const Error e = errorOf([&] { db->commit(); });
    EXPECT_EQ(e.category(), ErrorCategory::migration);
    EXPECT_NE(std::string(e.what()).find("rolled the transaction back"), std::string::npos) << e.what();
    EXPECT_EQ(db->query("select count(*) from t").integer(0, 0), 0);
}

TEST(PgDriver, ConstraintViolationCarriesSqlstateAndSql) {
    ScratchDatabase scratch(Dialect::postgresql);
    auto db = scratch.connect();
    db->execute("create table t (id integer primary key)");
    db->query("insert into t values (?)", {std::int64_t{1}});
    const Error e = errorOf([&] { db->query("insert into t values (?)", {std::int64_t{1}}); });
    EXPECT_EQ(e.category(), ErrorCategory::constraint);
    EXPECT_EQ(e.nativeCode(), "23505");
    EXPECT_STREQ(e.what(),
                 "PostgreSQL error 23505: duplicate key value violates unique constraint \"t_pkey\" "
                 "(Key (id)=(1) already exists.); SQL: insert into t values (?)");
}

TEST(PgDriver, SyntaxErrorsAndUnknownTablesAreSyntaxErrors) {
    ScratchDatabase scratch(Dialect::postgresql);
    auto db = scratch.connect();
    const Error syntax = errorOf([&] { db->execute("create tabel t (v integer)"); });
    EXPECT_EQ(syntax.category(), ErrorCategory::syntax);
    EXPECT_EQ(syntax.nativeCode(), "42601");
    EXPECT_NE(std::string(syntax.what()).find("; SQL: create tabel t (v integer)"), std::string::npos);

    const Error missing = errorOf([&] { db->query("select * from missing where id = ?", {std::int64_t{1}}); });
    EXPECT_EQ(missing.category(), ErrorCategory::syntax);
    EXPECT_EQ(missing.nativeCode(), "42P01");

    const Error data = errorOf([&] { db->query("select 1 / 0"); });
    EXPECT_EQ(data.category(), ErrorCategory::migration);
    EXPECT_EQ(data.nativeCode(), "22012");

    const Error several = errorOf([&] { db->query("select 1; select 2"); });
    EXPECT_EQ(several.category(), ErrorCategory::syntax);
    const Error count = errorOf([&] { db->query("select ?::int", {}); });
    EXPECT_EQ(count.category(), ErrorCategory::internal);
}

// Unlike SQLite and MySQL, PostgreSQL runs a multi-statement text as one implicit transaction.
TEST(PgDriver, FailingMultiStatementTextAppliesNothing) {
    ScratchDatabase scratch(Dialect::postgresql);
    auto db = scratch.connect();
    const Error e = errorOf([&] { db->execute("create table a (v integer);\ncreate tabel b (v integer);"); });
    EXPECT_EQ(e.category(), ErrorCategory::syntax);
    EXPECT_EQ(db->query("select count(*) from pg_tables where tablename = 'a'").integer(0, 0), 0);
}

TEST(PgDriver, LostConnectionIsAConnectionError) {
    ScratchDatabase scratch(Dialect::postgresql);
    auto db = scratch.connect();
    const std::int64_t pid = db->query("select pg_backend_pid()").integer(0, 0);
    scratch.admin().query("select pg_terminate_backend(?, 10000)", {pid});  // waits until it is gone
    const Error e = errorOf([&] { db->query("select 1"); });
    EXPECT_EQ(e.category(), ErrorCategory::connection) << e.what();
}

TEST(PgDriver, MissingDatabaseIsAConnectionError) {
    const std::string url = test::withDatabase(test::serverUrl("DRIZZLE_TEST_PG_URL"), test::uniqueName("drz_missing"));
    const Error e = errorOf([&] { connect(Dialect::postgresql, test::urlCredentials(url)); });
    EXPECT_EQ(e.category(), ErrorCategory::connection);
    EXPECT_NE(std::string(e.what()).find("does not exist"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("cannot connect to PostgreSQL at postgres://postgres@"), std::string::npos)
        << e.what();
}

TEST(PgDriver, ClosedPortIsAConnectionError) {
    Credentials fields;
    fields.host = "127.0.0.1";
    fields.port = 1;  // nothing listens on port 1 here
    fields.user = "postgres";
    fields.password = "closed-port-secret";
    fields.database = "postgres";
    const Error e = errorOf([&] { connect(Dialect::postgresql, fields); });
    EXPECT_EQ(e.category(), ErrorCategory::connection);
    EXPECT_EQ(e.nativeCode(), "08001");
    EXPECT_NE(std::string(e.what()).find("postgres://postgres:****@127.0.0.1:1/postgres"), std::string::npos) << e.what();
    EXPECT_EQ(std::string(e.what()).find("closed-port-secret"), std::string::npos) << e.what();
}

}  // namespace
}  // namespace drizzle::driver

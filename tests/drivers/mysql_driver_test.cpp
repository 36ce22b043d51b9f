// The MySQL driver against the MariaDB test server (DRIZZLE_TEST_MYSQL_URL), one scratch
// database per test.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "drivers/driver_internal.hpp"
#include "support.hpp"

namespace drizzle::driver {
namespace {

using test::errorOf;
using test::ScratchDatabase;

std::int64_t count(Connection& db, const std::string& table) {
    return db.query("select count(*) from " + table).integer(0, 0);
}

TEST(MysqlDriver, ConnectsFromUrlAndFromFields) {
    ScratchDatabase scratch(Dialect::mysql);
    auto byUrl = scratch.connect();
    EXPECT_EQ(byUrl->dialect(), Dialect::mysql);
    EXPECT_EQ(byUrl->query("select database()").text(0, 0), scratch.name());

    const auto endpoint = detail::parseServerUrl(scratch.url(), Dialect::mysql);
    Credentials fields;
    fields.host = endpoint.host;
    fields.port = endpoint.port;
    fields.user = endpoint.user;
    fields.password = endpoint.password;
    fields.database = scratch.name();
    auto byFields = connect(Dialect::mysql, fields);
    EXPECT_EQ(byFields->query("select database()").text(0, 0), scratch.name());
    EXPECT_EQ(byFields->describe(),
              "mysql://drizzle:****@" + endpoint.host + ":" + std::to_string(*endpoint.port) + "/" + scratch.name());
    EXPECT_EQ(byFields->query("select @@character_set_client").text(0, 0), "utf8mb4");
}

// A session in UTC whatever the server's zone: a TIMESTAMP written is the instant given, and a
// client in another zone sees that instant in its own time.
TEST(MysqlDriver, TheSessionRunsInUtcSoTimestampsAreInstants) {
    ScratchDatabase scratch(Dialect::mysql);
    auto db = scratch.connect();
    EXPECT_EQ(db->query("select @@session.time_zone").text(0, 0), "+00:00");
    db->execute("create table t (at timestamp null)");
    db->query("insert into t values (?)", {std::string("2024-01-02 03:04:05")});
    auto other = scratch.connect();
    other->execute("set time_zone = '+05:00'");
    EXPECT_EQ(other->query("select cast(at as char) from t").text(0, 0), "2024-01-02 08:04:05");
    EXPECT_EQ(db->query("select unix_timestamp(at) from t").integer(0, 0), 1704164645);
}

// An UPDATE counts the rows it met, also those whose values it left as they were (as
// PostgreSQL and SQLite count), through every way of running it.
TEST(MysqlDriver, AnUpdateCountsTheRowsItMetNotOnlyThoseItChanged) {
    ScratchDatabase scratch(Dialect::mysql);
    auto db = scratch.connect();
    db->execute("create table t (id int primary key, v int); insert into t values (1, 7), (2, 7), (3, 8)");
    auto update = db->prepare("update t set v = 7 where v = ?");
    update->run({std::int64_t{7}});
    EXPECT_EQ(update->affectedRows(), 2);
    auto cursor = db->stream("update t set v = 8 where id = 3");
    while (cursor->next()) {
    }
    EXPECT_EQ(cursor->affectedRows(), 1);
}

TEST(MysqlDriver, RunsMultiStatementTextAndDrainsEveryResult) {
    ScratchDatabase scratch(Dialect::mysql);
    auto db = scratch.connect();
    db->execute(
        "create table t (id int auto_increment primary key, v text);\n"
        "insert into t (v) values ('a;b');\n"
        "select * from t;\n"
        "show tables;\n"
        "insert into t (v) values ('c''d');");
    const Rows rows = db->query("select v from t order by id");
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows.text(0, 0), "a;b");
    EXPECT_EQ(rows.text(1, 0), "c'd");
    // Blanks and comments run as nothing, as in the other dialects.
    db->execute("");
    db->execute("  -- only a comment\n");
    db->execute("/* a comment */");
}

TEST(MysqlDriver, BindsParametersAndReadsRows) {
    ScratchDatabase scratch(Dialect::mysql);
    auto db = scratch.connect();
    db->execute(
        "create table t (i bigint, u bigint unsigned, r double, f float, d decimal(10,3), s varchar(50), "
        "b varbinary(10), n int, dt datetime, dt3 datetime(3), dd date, y year, bit8 bit(8), big longtext)");
    const std::string bytes("\x00\x01\xff", 3);
    const std::string big(100000, 'x');
    db->query("insert into t values (?, 18446744073709551615, ?, 1.1, '12.340', ?, ?, ?, '2024-02-29 13:45:07', "
              "'2024-02-29 13:45:07.125', '2024-02-29', 2024, b'00000101', ?)",
              {std::int64_t{-9007199254740993}, 0.1, std::string("it's \xC3\xA9 ?"), bytes, nullptr, big});
    const Rows rows = db->query("select i, u, r, f, d, s, b, n, dt, dt3, dd, y, bit8, big, 'literal ?' as lit "
                                "from t where s = ? and i < ? and r > ?",
                                {std::string("it's \xC3\xA9 ?"), std::int64_t{0}, 0.05});
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows.integer(0, 0), -9007199254740993);
    EXPECT_EQ(rows.text(0, 1), "18446744073709551615");
    EXPECT_EQ(rows.text(0, 2), "0.1");
    EXPECT_EQ(rows.text(0, 3), "1.1");  // a FLOAT reads as the server shows it, not 1.100000023841858
    EXPECT_EQ(rows.text(0, 4), "12.340");
    EXPECT_EQ(rows.text(0, 5), "it's \xC3\xA9 ?");
    EXPECT_EQ(rows.text(0, 6), bytes);
    EXPECT_TRUE(rows.isNull(0, 7));
    EXPECT_EQ(rows.text(0, 8), "2024-02-29 13:45:07");
    EXPECT_EQ(rows.text(0, 9), "2024-02-29 13:45:07.125");
    EXPECT_EQ(rows.text(0, 10), "2024-02-29");
    EXPECT_EQ(rows.integer(0, 11), 2024);
    EXPECT_EQ(rows.text(0, 12), "\x05");
    EXPECT_EQ(rows.text(0, 13), big);  // longer than the first buffer: fetched again whole
    EXPECT_EQ(rows.text(0, 14), "literal ?");
    EXPECT_TRUE(db->query("select ? is null", {nullptr}).integer(0, 0) == 1);
}

TEST(MysqlDriver, PreparedStatementRunsManyTimes) {
    ScratchDatabase scratch(Dialect::mysql);
    auto db = scratch.connect();
    db->execute("create table t (id int auto_increment primary key, v int)");
    auto insert = db->prepare("insert into t (v) values (?)");
    for (std::int64_t v = 1; v <= 5; ++v) {
        insert->run({v});
        EXPECT_EQ(insert->affectedRows(), 1);
    }
    auto update = db->prepare("update t set v = v * 10 where v > ?");
    update->run({std::int64_t{2}});
    EXPECT_EQ(update->affectedRows(), 3);
    auto select = db->prepare("select sum(v) from t where v >= ?");
    EXPECT_EQ(select->run({std::int64_t{0}}).integer(0, 0), 123);
    EXPECT_EQ(select->run({std::int64_t{30}}).integer(0, 0), 120);
    auto returning = db->prepare("delete from t where v < ? returning id");
    EXPECT_EQ(returning->run({std::int64_t{3}}).size(), 2u);
    EXPECT_EQ(returning->affectedRows(), 2);
}

TEST(MysqlDriver, RollbackUndoesWork) {
    ScratchDatabase scratch(Dialect::mysql);
    auto db = scratch.connect();
    db->execute("create table t (v int) engine=InnoDB");
    db->begin();
    db->execute("insert into t values (1); insert into t values (2)");
    db->rollback();
    EXPECT_EQ(count(*db, "t"), 0);

    transaction(*db, [&] { db->execute("insert into t values (2)"); });
    EXPECT_THROW(transaction(*db, [&] {
        db->execute("insert into t values (3)");
        db->execute("insert into missing values (3)");
    }),
                 Error);
    EXPECT_EQ(count(*db, "t"), 1);
}

TEST(MysqlDriver, SavepointRollsBackPartOfATransaction) {
    ScratchDatabase scratch(Dialect::mysql);
    auto db = scratch.connect();
    db->execute("create table t (v int)");
    db->begin();
    db->execute("insert into t values (1)");
    db->savepoint("before `two`");
    db->execute("insert into t values (2)");
    db->rollbackToSavepoint("before `two`");
    db->savepoint("three");
    db->execute("insert into t values (3)");
    db->releaseSavepoint("three");
    db->commit();
    const Rows rows = db->query("select v from t order by v");
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows.integer(1, 0), 3);
}

// What migrate must know: MySQL commits before and after each DDL statement, so a rollback
// cannot undo it, nor the statements before it in the same transaction.
TEST(MysqlDriver, DdlInsideATransactionCommitsImplicitly) {
    ScratchDatabase scratch(Dialect::mysql);
    auto db = scratch.connect();
    db->execute("create table t (v int)");
    db->begin();
    db->execute("insert into t values (1)");
    db->execute("create table u (v int)");
    db->execute("insert into t values (2)");
    db->rollback();
    EXPECT_EQ(count(*db, "t"), 2);
    EXPECT_EQ(count(*db, "u"), 0);
}

TEST(MysqlDriver, ConstraintViolationCarriesErrno) {
    ScratchDatabase scratch(Dialect::mysql);
    auto db = scratch.connect();
    db->execute("create table t (id int primary key); create table c (t int, foreign key (t) references t (id))");
    db->query("insert into t values (?)", {std::int64_t{1}});
    const Error dup = errorOf([&] { db->query("insert into t values (?)", {std::int64_t{1}}); });
    EXPECT_EQ(dup.category(), ErrorCategory::constraint);
    EXPECT_EQ(dup.nativeCode(), "1062");
    EXPECT_STREQ(dup.what(),
                 "MySQL error 1062: Duplicate entry '1' for key 'PRIMARY' (SQLSTATE 23000); SQL: insert into t values (?)");

    const Error fk = errorOf([&] { db->execute("insert into c values (42)"); });
    EXPECT_EQ(fk.category(), ErrorCategory::constraint);
    EXPECT_EQ(fk.nativeCode(), "1452");
    const Error notNull = errorOf([&] { db->query("insert into t values (?)", {nullptr}); });
    EXPECT_EQ(notNull.category(), ErrorCategory::constraint);
    EXPECT_EQ(notNull.nativeCode(), "1048");
    db->execute("create table positive (v int check (v > 0))");
    const Error check = errorOf([&] { db->query("insert into positive values (?)", {std::int64_t{-1}}); });
    EXPECT_EQ(check.category(), ErrorCategory::constraint);
    EXPECT_EQ(check.nativeCode(), "4025");  // MySQL 8 says 3819
}

TEST(MysqlDriver, SyntaxErrorsCarryErrno1064) {
    ScratchDatabase scratch(Dialect::mysql);
    auto db = scratch.connect();
    const Error syntax = errorOf([&] { db->query("selec 1"); });
    EXPECT_EQ(syntax.category(), ErrorCategory::syntax);
    EXPECT_EQ(syntax.nativeCode(), "1064");
    EXPECT_NE(std::string(syntax.what()).find("SQL: selec 1"), std::string::npos) << syntax.what();
    const Error missing = errorOf([&] { db->execute("select * from drizzle_missing"); });
    EXPECT_EQ(missing.category(), ErrorCategory::syntax);
    EXPECT_EQ(missing.nativeCode(), "1146");
    // The test login is drizzle:drizzle; a password the user name shows anyway is not masked.
    EXPECT_NE(std::string(missing.what()).find("drizzle_missing' doesn't exist"), std::string::npos) << missing.what();
    const Error count = errorOf([&] { db->query("select ?", {}); });
    EXPECT_EQ(count.category(), ErrorCategory::internal);
}

TEST(MysqlDriver, FailingStatementSaysHowManyRanBeforeIt) {
    ScratchDatabase scratch(Dialect::mysql);
    auto db = scratch.connect();
    const Error e = errorOf([&] {
        db->execute("create table a (v int);\ncreate table b (v int);\ncreate tabel c (v int);\ncreate table d (v int);");
    });
    EXPECT_EQ(e.category(), ErrorCategory::syntax);
    EXPECT_NE(std::string(e.what()).find("(SQLSTATE 42000, in the 3rd statement; the 2 before it ran); SQL: create table a"),
              std::string::npos)
        << e.what();
    EXPECT_EQ(db->query("select count(*) from information_schema.tables where table_schema = database()").integer(0, 0), 2);
    EXPECT_EQ(db->query("select 7").integer(0, 0), 7);  // the connection is still in step
}

TEST(MysqlDriver, LostConnectionIsAConnectionError) {
    ScratchDatabase scratch(Dialect::mysql);
    auto db = scratch.connect();
    const std::int64_t id = db->query("select connection_id()").integer(0, 0);
    scratch.admin().execute("kill connection " + std::to_string(id));
    auto alive = [&] {
        return scratch.admin().query("select 1 from information_schema.processlist where id = ?", {id}).size() > 0;
    };
    for (int i = 0; i < 100 && alive(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    const Error e = errorOf([&] { db->query("select 1"); });
    EXPECT_EQ(e.category(), ErrorCategory::connection) << e.what();
}

TEST(MysqlDriver, WrongPasswordIsAConnectionError) {
    const std::string url = test::withLogin(test::serverUrl("DRIZZLE_TEST_MYSQL_URL"), "drizzle", "not-the-password");
    const Error e = errorOf([&] { connect(Dialect::mysql, test::urlCredentials(url)); });
    EXPECT_EQ(e.category(), ErrorCategory::connection);
    EXPECT_EQ(e.nativeCode(), "1045");
    EXPECT_NE(std::string(e.what()).find("mysql://drizzle:****@"), std::string::npos) << e.what();
    EXPECT_EQ(std::string(e.what()).find("not-the-password"), std::string::npos) << e.what();
}

TEST(MysqlDriver, ClosedPortIsAConnectionError) {
    const Error e = errorOf([] { connect(Dialect::mysql, test::urlCredentials("mysql://drizzle:drizzle@127.0.0.1:1/x")); });
    EXPECT_EQ(e.category(), ErrorCategory::connection);
    EXPECT_TRUE(e.nativeCode() == "2002" || e.nativeCode() == "2003") << e.nativeCode();
}

}  // namespace
}  // namespace drizzle::driver

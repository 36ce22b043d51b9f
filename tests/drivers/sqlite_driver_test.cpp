// The SQLite driver on in-memory and file databases.
#include <gtest/gtest.h>

#include <filesystem>

#include "support.hpp"

namespace drizzle::driver {
namespace {

namespace fs = std::filesystem;
using test::errorOf;

std::unique_ptr<Connection> memory() { return connect(Dialect::sqlite, test::urlCredentials(":memory:")); }

// A folder of its own, removed when the test ends.
struct TempFolder {
    fs::path path = fs::temp_directory_path() / test::uniqueName("drizzle-driver");
    TempFolder() { fs::create_directories(path); }
    ~TempFolder() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

TEST(SqliteDriver, MemoryDatabaseRunsMultiStatementText) {
    auto db = memory();
    EXPECT_EQ(db->dialect(), Dialect::sqlite);
    EXPECT_EQ(db->describe(), ":memory:");
    db->execute(
        "create table a (id integer primary key, name text);\n"
        "insert into a (name) values ('x'); -- a comment; with a semicolon\n"
        "insert into a (name) values ('y;z');\n"
        "select * from a;");
    const Rows rows = db->query("select name from a order by id");
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows.text(0, 0), "x");
    EXPECT_EQ(rows.text(1, 0), "y;z");
    db->execute("");
    db->execute("  -- only a comment\n");
    db->execute("/* a comment */");
}

TEST(SqliteDriver, FileDatabasePersistsAcrossConnections) {
    TempFolder folder;
    const std::string path = (folder.path / "app.db").string();
    connect(Dialect::sqlite, test::urlCredentials(path))->execute("create table t (v text); insert into t values ('kept')");
    EXPECT_TRUE(fs::exists(path));
    auto again = connect(Dialect::sqlite, test::urlCredentials("file:" + path));
    EXPECT_EQ(again->query("select v from t").text(0, 0), "kept");
    EXPECT_EQ(again->describe(), "file:" + path);
}

TEST(SqliteDriver, BindsParametersAndReadsRows) {
    auto db = memory();
    db->execute("create table t (i integer, r real, s text, b blob, n text)");
    const std::string bytes("\x00\x01\xff", 3);
    db->query("insert into t values (?, ?, ?, cast(? as blob), ?)",
              {std::int64_t{-9007199254740993}, 0.1, std::string("it's \xC3\xA9"), bytes, nullptr});
    const Rows rows = db->query("select i, r, s, b, n, 1.0 as one, 1e300 as big from t where s = ?", {std::string("it's \xC3\xA9")});
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows.columnName(0), "i");
    EXPECT_EQ(rows.integer(0, 0), -9007199254740993);
    EXPECT_EQ(rows.text(0, 1), "0.1");
    EXPECT_EQ(rows.real(0, 1), 0.1);
    EXPECT_EQ(rows.text(0, 2), "it's \xC3\xA9");
    EXPECT_EQ(rows.text(0, 3), bytes);
    EXPECT_TRUE(rows.isNull(0, 4));
    EXPECT_EQ(rows.real(0, 5), 1.0);
    EXPECT_EQ(rows.real(0, 6), 1e300);
    EXPECT_EQ(db->query("select ? is null", {nullptr}).integer(0, 0), 1);
}

TEST(SqliteDriver, PreparedStatementRunsManyTimes) {
    auto db = memory();
    db->execute("create table t (id integer primary key, v integer)");
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
    EXPECT_EQ(select->affectedRows(), 1);  // a read reports the rows it returned
}

TEST(SqliteDriver, RollbackUndoesWork) {
    auto db = memory();
    db->execute("create table t (v integer)");
    db->begin();
    db->execute("insert into t values (1)");
    db->rollback();
    EXPECT_EQ(db->query("select count(*) from t").integer(0, 0), 0);

    transaction(*db, [&] { db->execute("insert into t values (2)"); });
    EXPECT_EQ(db->query("select count(*) from t").integer(0, 0), 1);
    EXPECT_THROW(transaction(*db, [&] {
        db->execute("insert into t values (3)");
        db->execute("insert into missing values (3)");
    }),
                 Error);
    EXPECT_EQ(db->query("select count(*) from t").integer(0, 0), 1);
}

TEST(SqliteDriver, SavepointRollsBackPartOfATransaction) {
    auto db = memory();
    db->execute("create table t (v integer)");
    db->begin();
    db->execute("insert into t values (1)");
    db->savepoint("before \"two\"");
    db->execute("insert into t values (2)");
    db->rollbackToSavepoint("before \"two\"");
    db->savepoint("three");
    db->execute("insert into t values (3)");
    db->releaseSavepoint("three");
    db->commit();
    const Rows rows = db->query("select v from t order by v");
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows.integer(0, 0), 1);
    EXPECT_EQ(rows.integer(1, 0), 3);
}

TEST(SqliteDriver, ForeignKeysAreEnforced) {
    auto db = memory();
    db->execute("create table p (id integer primary key); create table c (p integer references p(id))");
    const Error e = errorOf([&] { db->execute("insert into c values (42)"); });
    EXPECT_EQ(e.category(), ErrorCategory::constraint);
    EXPECT_EQ(e.nativeCode(), "787");  // SQLITE_CONSTRAINT_FOREIGNKEY
}

TEST(SqliteDriver, ConstraintViolationCarriesExtendedCodeAndSql) {
    auto db = memory();
    db->execute("create table t (id integer primary key, email text unique)");
    db->query("insert into t (email) values (?)", {std::string("a@x")});
    const Error e = errorOf([&] { db->query("insert into t (email) values (?)", {std::string("a@x")}); });
    EXPECT_EQ(e.category(), ErrorCategory::constraint);
    EXPECT_EQ(e.nativeCode(), "2067");  // SQLITE_CONSTRAINT_UNIQUE
    EXPECT_STREQ(e.what(), "SQLite error 2067: UNIQUE constraint failed: t.email; SQL: insert into t (email) values (?)");
}

TEST(SqliteDriver, FailingStatementOfMultiStatementTextIsQuoted) {
    auto db = memory();
    const Error e = errorOf([&] {
        db->execute("create table ok (v integer);\ncreate tabel broken (v integer);\ncreate table never (v integer);");
    });
    EXPECT_EQ(e.category(), ErrorCategory::syntax);
    EXPECT_EQ(e.nativeCode(), "1");
    EXPECT_NE(std::string(e.what()).find("; SQL: create tabel broken"), std::string::npos) << e.what();
    EXPECT_EQ(db->query("select count(*) from sqlite_master where name = 'ok'").integer(0, 0), 1);
    EXPECT_EQ(db->query("select count(*) from sqlite_master where name = 'never'").integer(0, 0), 0);
}

TEST(SqliteDriver, QueryTakesOneStatementAndOneParameterPerPlaceholder) {
    auto db = memory();
    db->execute("create table t (v integer)");
    EXPECT_EQ(errorOf([&] { db->query("select 1; select 2"); }).category(), ErrorCategory::syntax);
    EXPECT_EQ(db->query("select 1; -- trailing comment").integer(0, 0), 1);
    const Error count = errorOf([&] { db->query("select ? + ?", {std::int64_t{1}}); });
    EXPECT_EQ(count.category(), ErrorCategory::internal);
    EXPECT_NE(std::string(count.what()).find("2 placeholders but 1 parameters"), std::string::npos) << count.what();
    EXPECT_EQ(errorOf([&] { db->prepare("select * from missing"); }).category(), ErrorCategory::syntax);
}

TEST(SqliteDriver, UnopenablePathIsAConnectionError) {
    const Error e = errorOf([] { connect(Dialect::sqlite, test::urlCredentials("/nonexistent-folder/sub/app.db")); });
    EXPECT_EQ(e.category(), ErrorCategory::connection);
    EXPECT_EQ(e.nativeCode(), "14");  // SQLITE_CANTOPEN
    EXPECT_NE(std::string(e.what()).find("/nonexistent-folder/sub/app.db"), std::string::npos) << e.what();
}

}  // namespace
}  // namespace drizzle::driver

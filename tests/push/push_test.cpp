// drizzle::kit::pushSchema on the three real servers: what it refuses (data loss without force,
// changes the data cannot survive), what it does with force, that a failure midway leaves
// PostgreSQL and SQLite exactly as they were, and that pushing a schema twice finds nothing the
// second time, for every Drizzle Kit fixture and every real-world dataset.
//
// Each test starts from SQL run on a scratch database, reads it back with the introspection
// (the "schema as code" of that database), changes that model the way a user changes the header,
// and pushes it.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <set>

#include "../datasets/fidelity.hpp"
#include "drizzle/error.hpp"
#include "drizzle/kit/ddl.hpp"
#include "drizzle/kit/introspect.hpp"
#include "drizzle/kit/push.hpp"
#include "drizzle/kit/snapshot.hpp"
#include "drizzle/migrate.hpp"

namespace {

namespace fs = std::filesystem;
using drizzle::Dialect;
using drizzle::kit::PushOutcome;
using drizzle::kit::PushResult;
using drizzle::model::Schema;
using fidelity::ScratchDatabase;

const char* tag(Dialect d) { return d == Dialect::postgresql ? "pg" : d == Dialect::sqlite ? "sqlite" : "mysql"; }

class PushTest : public ::testing::TestWithParam<Dialect> {
protected:
    void SetUp() override {
        scratch_ = std::make_unique<ScratchDatabase>(GetParam(), std::string("push_") + tag(GetParam()));
        db_ = scratch_->connect();
        config_.dialect = GetParam();
    }

    void run(const std::string& sql) {
        for (std::size_t at = 0; at < sql.size();) {  // one statement per execute (MySQL)
            const std::size_t end = sql.find(";\n", at);
            const std::string one = sql.substr(at, end == std::string::npos ? std::string::npos : end - at);
            if (one.find_first_not_of(" \n") != std::string::npos) db_->execute(one);
            at = end == std::string::npos ? sql.size() : end + 2;
        }
    }
    Schema read() { return drizzle::kit::introspect(*db_, {}).schema; }
    PushResult push(const Schema& s, bool force = false) {
        drizzle::kit::PushOptions o;
        o.force = force;
        return drizzle::kit::pushSchema(*db_, s, config_, o);
    }
    std::int64_t count(const std::string& sql) { return db_->query(sql).integer(0, 0); }
    bool hasColumn(const std::string& table, const std::string& column) {
        const auto* t = read().table("", table);
        return t && t->column(column);
    }
    static drizzle::model::Table& table(Schema& s, const std::string& name) {
        for (auto& t : s.tables)
            if (t.name == name) return t;
        throw std::runtime_error("no table " + name);
    }
    static drizzle::model::Column& column(Schema& s, const std::string& t, const std::string& c) {
        for (auto& col : table(s, t).columns)
            if (col.name == c) return col;
        throw std::runtime_error("no column " + c);
    }
    std::string intType() const { return GetParam() == Dialect::mysql ? "int" : "integer"; }
    std::string textType() const { return GetParam() == Dialect::mysql ? "varchar(50)" : "text"; }

    std::unique_ptr<ScratchDatabase> scratch_;
    std::unique_ptr<drizzle::driver::Connection> db_;
    drizzle::kit::Config config_;
};

TEST_P(PushTest, RefusesToDropAColumnHoldingDataUnlessForced) {
    run("CREATE TABLE notes (id " + intType() + " PRIMARY KEY, body " + textType() + ");\n"
        "INSERT INTO notes VALUES (1, 'a'), (2, 'b'), (3, NULL)");
    Schema s = read();
    auto& cols = table(s, "notes").columns;
    cols.erase(std::remove_if(cols.begin(), cols.end(), [](const auto& c) { return c.name == "body"; }), cols.end());

    const PushResult refused = push(s);
    EXPECT_EQ(refused.outcome, PushOutcome::refused);
    ASSERT_EQ(refused.plan.findings.size(), 1u);
    EXPECT_EQ(refused.plan.findings[0].kind, "drop column");
    EXPECT_EQ(refused.plan.findings[0].column, "body");
    EXPECT_EQ(refused.plan.findings[0].rows, 2);  // the rows holding a value
    EXPECT_FALSE(refused.plan.findings[0].blocking);
    EXPECT_TRUE(hasColumn("notes", "body")) << "a refused push changed the database";

    const PushResult forced = push(s, true);
    EXPECT_EQ(forced.outcome, PushOutcome::applied);
    EXPECT_FALSE(hasColumn("notes", "body"));
    EXPECT_EQ(count("SELECT count(*) FROM notes"), 3);
    EXPECT_EQ(push(s).outcome, PushOutcome::nothingToDo);
}

TEST_P(PushTest, RefusesToDropATableWithRowsUnlessForced) {
    run("CREATE TABLE keep (id " + intType() + " PRIMARY KEY);\nCREATE TABLE old (id " + intType() +
        " PRIMARY KEY);\nINSERT INTO old VALUES (1), (2)");
    Schema s = read();
    s.tables.erase(std::remove_if(s.tables.begin(), s.tables.end(), [](const auto& t) { return t.name == "old"; }),
                   s.tables.end());
    const PushResult refused = push(s);
    ASSERT_EQ(refused.outcome, PushOutcome::refused);
    ASSERT_EQ(refused.plan.findings.size(), 1u);
    EXPECT_EQ(refused.plan.findings[0].kind, "drop table");
    EXPECT_EQ(refused.plan.findings[0].rows, 2);
    EXPECT_EQ(count("SELECT count(*) FROM old"), 2);
    EXPECT_EQ(push(s, true).outcome, PushOutcome::applied);
    EXPECT_EQ(read().table("", "old"), nullptr);
}

TEST_P(PushTest, RefusesNotNullOverNullsEvenWhenForced) {
    run("CREATE TABLE people (id " + intType() + " PRIMARY KEY, nick " + textType() + ");\n"
        "INSERT INTO people VALUES (1, 'x'), (2, NULL)");
    Schema s = read();
    column(s, "people", "nick").notNull = true;
    const PushResult r = push(s, true);
    ASSERT_EQ(r.outcome, PushOutcome::refused);
    ASSERT_EQ(r.plan.findings.size(), 1u);
    EXPECT_EQ(r.plan.findings[0].kind, "not null");
    EXPECT_EQ(r.plan.findings[0].rows, 1);
    EXPECT_TRUE(r.plan.findings[0].blocking);
    EXPECT_NE(r.plan.findings[0].hint.find("UPDATE"), std::string::npos);
    run("UPDATE people SET nick = 'y' WHERE nick IS NULL");
    EXPECT_EQ(push(s).outcome, PushOutcome::applied);
    EXPECT_TRUE(read().table("", "people")->column("nick")->notNull);
}

TEST_P(PushTest, RefusesANotNullColumnWithoutDefaultOnATableWithRows) {
    run("CREATE TABLE items (id " + intType() + " PRIMARY KEY);\nINSERT INTO items VALUES (1), (2)");
    Schema s = read();
    drizzle::model::Column added;
    added.name = "sku";
    added.type = textType();
    added.notNull = true;
    table(s, "items").columns.push_back(added);
    const PushResult r = push(s, true);
    ASSERT_EQ(r.outcome, PushOutcome::refused);
    ASSERT_EQ(r.plan.findings.size(), 1u);
    EXPECT_EQ(r.plan.findings[0].column, "sku");
    EXPECT_EQ(r.plan.findings[0].rows, 2);
    EXPECT_FALSE(hasColumn("items", "sku"));
    // With a default every row gets a value.
    column(s, "items", "sku").defaultValue = drizzle::model::DefaultValue{drizzle::model::DefaultValue::Kind::sql, "'none'"};
    EXPECT_EQ(push(s).outcome, PushOutcome::applied);
    EXPECT_EQ(count("SELECT count(*) FROM items WHERE sku = 'none'"), 2);
    EXPECT_EQ(push(s).outcome, PushOutcome::nothingToDo);
}

TEST_P(PushTest, RefusesAUniqueKeyOverDuplicates) {
    run("CREATE TABLE tags (id " + intType() + " PRIMARY KEY, label " + textType() + ");\n"
        "INSERT INTO tags VALUES (1, 'a'), (2, 'a'), (3, 'b'), (4, NULL), (5, NULL)");
    Schema s = read();
    drizzle::model::Index unique;
    unique.name = "tags_label_unique";
    unique.isUnique = true;
    drizzle::model::IndexColumn ic;
    ic.expression = "label";
    unique.columns.push_back(ic);
    if (GetParam() == Dialect::mysql) unique.columns[0].expression = "label";
    table(s, "tags").indexes.push_back(unique);
    const PushResult r = push(s, true);
    ASSERT_EQ(r.outcome, PushOutcome::refused);
    ASSERT_EQ(r.plan.findings.size(), 1u);
    EXPECT_EQ(r.plan.findings[0].kind, "unique");
    EXPECT_EQ(r.plan.findings[0].rows, 1);  // one value ('a') occurs twice; NULLs are not duplicates
    run("UPDATE tags SET label = 'c' WHERE id = 2");
    EXPECT_EQ(push(s).outcome, PushOutcome::applied);
    EXPECT_EQ(push(s).outcome, PushOutcome::nothingToDo);
}

TEST_P(PushTest, ExplainPrintsThePlanAndChangesNothing) {
    run("CREATE TABLE a (id " + intType() + " PRIMARY KEY);\nINSERT INTO a VALUES (1)");
    Schema s = read();
    s.tables.clear();
    drizzle::kit::PushOptions o;
    o.explain = true;
    const PushResult r = drizzle::kit::pushSchema(*db_, s, config_, o);
    EXPECT_EQ(r.outcome, PushOutcome::explained);
    ASSERT_EQ(r.plan.statements.size(), 1u);
    EXPECT_NE(r.plan.statements[0].find("DROP TABLE"), std::string::npos);
    EXPECT_EQ(r.plan.findings.size(), 1u);
    EXPECT_EQ(count("SELECT count(*) FROM a"), 1);
}

TEST_P(PushTest, WarnsWhenTheDatabaseIsManagedByMigrations) {
    const fs::path folder = fs::temp_directory_path() / ("drizzle_push_migrations_" + std::string(tag(GetParam())));
    fs::remove_all(folder);
    fs::create_directories(folder / "meta");
    std::ofstream(folder / "0000_init.sql") << "CREATE TABLE t (id " << intType() << " PRIMARY KEY);";
    std::ofstream(folder / "meta" / "_journal.json")
        << R"({"version":"7","dialect":")" << drizzle::dialectName(GetParam())
        << R"(","entries":[{"idx":0,"version":"7","when":1700000000000,"tag":"0000_init","breakpoints":true}]})";
    drizzle::migrate(*db_, {.migrationsFolder = folder});
    Schema s = read();
    EXPECT_EQ(s.tables.size(), 1u) << "the migrations table is part of the comparison";
    const PushResult r = push(s);
    EXPECT_EQ(r.outcome, PushOutcome::nothingToDo);
    ASSERT_EQ(r.plan.warnings.size(), 1u);
    EXPECT_NE(r.plan.warnings[0].find("managed by migrations"), std::string::npos);
    fs::remove_all(folder);
}

INSTANTIATE_TEST_SUITE_P(Dialects, PushTest, ::testing::Values(Dialect::postgresql, Dialect::sqlite, Dialect::mysql),
                         [](const auto& info) { return std::string(tag(info.param)); });

// ---------------------------------------------------------------- conversions

TEST(PushPg, ConvertsTextToIntegerWithUsingAndRefusesAValueThatDoesNotConvert) {
    ScratchDatabase scratch(Dialect::postgresql, "push_pg_convert");
    auto db = scratch.connect();
    db->execute("CREATE TABLE m (id integer PRIMARY KEY, qty text); INSERT INTO m VALUES (1, '12'), (2, 'abc')");
    Schema s = drizzle::kit::introspect(*db, {}).schema;
    s.tables[0].columns[1].type = "integer";
    drizzle::kit::Config config;
    config.dialect = Dialect::postgresql;
    drizzle::kit::PushOptions force;
    force.force = true;
    const PushResult refused = drizzle::kit::pushSchema(*db, s, config, force);
    ASSERT_EQ(refused.outcome, PushOutcome::refused);
    ASSERT_EQ(refused.plan.findings.size(), 1u);
    EXPECT_EQ(refused.plan.findings[0].kind, "type change");
    EXPECT_NE(refused.plan.findings[0].message.find("abc"), std::string::npos) << refused.plan.findings[0].message;
    db->execute("UPDATE m SET qty = '7' WHERE id = 2");
    const PushResult applied = drizzle::kit::pushSchema(*db, s, config, {});
    ASSERT_EQ(applied.outcome, PushOutcome::applied);
    EXPECT_NE(applied.plan.statements[0].find("USING \"qty\"::integer"), std::string::npos);
    EXPECT_EQ(db->query("SELECT sum(qty) FROM m").integer(0, 0), 19);
}

TEST(PushMysql, RefusesATypeChangeAValueCannotSurvive) {
    ScratchDatabase scratch(Dialect::mysql, "push_mysql_convert");
    auto db = scratch.connect();
    db->execute("CREATE TABLE m (id int PRIMARY KEY, qty varchar(20))");
    db->execute("INSERT INTO m VALUES (1, '12'), (2, 'abc')");
    Schema s = drizzle::kit::introspect(*db, {}).schema;
    s.tables[0].columns[1].type = "int";
    drizzle::kit::Config config;
    config.dialect = Dialect::mysql;
    drizzle::kit::PushOptions force;
    force.force = true;
    const PushResult refused = drizzle::kit::pushSchema(*db, s, config, force);
    ASSERT_EQ(refused.outcome, PushOutcome::refused);
    ASSERT_EQ(refused.plan.findings.size(), 1u);
    EXPECT_EQ(refused.plan.findings[0].kind, "type change");
    EXPECT_EQ(db->query("SELECT DATA_TYPE FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND "
                        "TABLE_NAME = 'm' AND COLUMN_NAME = 'qty'").text(0, 0), "varchar");
    db->execute("UPDATE m SET qty = '7' WHERE id = 2");
    ASSERT_EQ(drizzle::kit::pushSchema(*db, s, config, {}).outcome, PushOutcome::applied);
    EXPECT_EQ(db->query("SELECT sum(qty) FROM m").integer(0, 0), 19);
}

TEST(PushPg, RefusesToRemoveAnEnumValueStillInUse) {
    ScratchDatabase scratch(Dialect::postgresql, "push_pg_enum");
    auto db = scratch.connect();
    db->execute("CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy'); CREATE TABLE p (id integer PRIMARY KEY, m mood);"
                "INSERT INTO p VALUES (1, 'sad'), (2, 'ok')");
    Schema s = drizzle::kit::introspect(*db, {}).schema;
    s.enums[0].values = {"ok", "happy"};
    drizzle::kit::Config config;
    config.dialect = Dialect::postgresql;
    drizzle::kit::PushOptions force;
    force.force = true;
    const PushResult refused = drizzle::kit::pushSchema(*db, s, config, force);
    ASSERT_EQ(refused.outcome, PushOutcome::refused);
    ASSERT_EQ(refused.plan.findings.size(), 1u);
    EXPECT_EQ(refused.plan.findings[0].kind, "enum value");
    EXPECT_EQ(refused.plan.findings[0].rows, 1);
    db->execute("UPDATE p SET m = 'ok'");
    ASSERT_EQ(drizzle::kit::pushSchema(*db, s, config, {}).outcome, PushOutcome::applied);
    EXPECT_EQ(db->query("SELECT count(*) FROM p WHERE m = 'ok'").integer(0, 0), 2);
}

// SQLite changes a type by rebuilding the table; the copy goes through the new column's affinity,
// which converts what converts without loss ('12' becomes 12) and keeps the rest as it was, where
// a CAST would turn 'abc' into 0.
TEST(PushSqlite, ATypeChangeConvertsWhatConvertsAndLosesNothing) {
    ScratchDatabase scratch(Dialect::sqlite, "push_sqlite_convert");
    auto db = scratch.connect();
    db->execute("CREATE TABLE m (id integer PRIMARY KEY, qty text)");
    db->execute("INSERT INTO m VALUES (1, '12'), (2, 'abc')");
    Schema s = drizzle::kit::introspect(*db, {}).schema;
    s.tables[0].columns[1].type = "integer";
    drizzle::kit::Config config;
    config.dialect = Dialect::sqlite;
    const PushResult r = drizzle::kit::pushSchema(*db, s, config, {});
    ASSERT_EQ(r.outcome, PushOutcome::applied) << r.refusal;
    EXPECT_EQ(db->query("SELECT typeof(qty) || ':' || qty FROM m ORDER BY id").text(0, 0), "integer:12");
    EXPECT_EQ(db->query("SELECT typeof(qty) || ':' || qty FROM m ORDER BY id").text(1, 0), "text:abc");
}

// A rebuilt parent table is dropped and created again: with foreign keys enforced, the DROP would
// delete the children through ON DELETE CASCADE. Push runs with them off, as migrate does.
TEST(PushSqlite, RebuildingAParentTableKeepsTheRowsThatReferenceIt) {
    ScratchDatabase scratch(Dialect::sqlite, "push_sqlite_cascade");
    auto db = scratch.connect();
    db->execute("PRAGMA foreign_keys = ON");
    db->execute("CREATE TABLE parent (id integer PRIMARY KEY, name text)");
    db->execute("CREATE TABLE child (id integer PRIMARY KEY, parent_id integer REFERENCES parent(id) ON DELETE CASCADE)");
    db->execute("INSERT INTO parent VALUES (1, 'a'); INSERT INTO child VALUES (10, 1), (11, 1)");
    Schema s = drizzle::kit::introspect(*db, {}).schema;
    for (auto& t : s.tables)
        if (t.name == "parent") t.columns[1].type = "integer";  // a rebuild
    drizzle::kit::Config config;
    config.dialect = Dialect::sqlite;
    const PushResult r = drizzle::kit::pushSchema(*db, s, config, {});
    ASSERT_EQ(r.outcome, PushOutcome::applied) << r.refusal;
    EXPECT_NE(drizzle::kit::ddl::joinStatements(r.plan.statements, false).find("DROP TABLE `parent`"), std::string::npos);
    EXPECT_EQ(db->query("SELECT count(*) FROM child").integer(0, 0), 2) << "the rebuild cascaded into child";
    EXPECT_EQ(db->query("PRAGMA foreign_keys").integer(0, 0), 1) << "push left foreign keys off";
}

// PostgreSQL stores a check deparsed ("(qty < 1000)"); the schema says it as a person writes it.
// The same check in other words is no change; a changed one is, and its statement carries the
// schema's text, as generate writes it.
TEST(PushPg, ComparesChecksInTheServersSpellingAndWritesTheSchemasText) {
    ScratchDatabase scratch(Dialect::postgresql, "push_pg_checks");
    auto db = scratch.connect();
    db->execute("CREATE TABLE m (id integer PRIMARY KEY, qty integer, "
                "CONSTRAINT m_low CHECK (qty >= 0), CONSTRAINT m_high CHECK (qty < 1000))");
    Schema s = drizzle::kit::introspect(*db, {}).schema;
    ASSERT_EQ(s.tables[0].checks.size(), 2u);
    for (auto& c : s.tables[0].checks) c.value = c.name == "m_low" ? "\"m\".\"qty\" >= 1" : "qty < 1000";
    drizzle::kit::Config config;
    config.dialect = Dialect::postgresql;
    drizzle::kit::PushOptions explain;
    explain.explain = true;
    const PushResult r = drizzle::kit::pushSchema(*db, s, config, explain);
    ASSERT_EQ(r.plan.statements.size(), 2u) << drizzle::kit::ddl::joinStatements(r.plan.statements, false);
    EXPECT_EQ(r.plan.statements[0], "ALTER TABLE \"m\" DROP CONSTRAINT \"m_low\";");
    EXPECT_EQ(r.plan.statements[1], "ALTER TABLE \"m\" ADD CONSTRAINT \"m_low\" CHECK (\"m\".\"qty\" >= 1);");
    ASSERT_EQ(drizzle::kit::pushSchema(*db, s, config, {}).outcome, PushOutcome::applied);
    EXPECT_EQ(drizzle::kit::pushSchema(*db, s, config, {}).outcome, PushOutcome::nothingToDo);
}

// ---------------------------------------------------------------- atomicity

// The schema read from `db` plus a new table (first by name, so its statement runs first) and a
// check on stock that its row breaks, so that a later statement fails.
Schema withNewTableAndABrokenCheck(drizzle::driver::Connection& db, const std::string& intType) {
    Schema s = drizzle::kit::introspect(db, {}).schema;
    drizzle::model::Table added;
    added.name = "aaa_new";
    drizzle::model::Column id;
    id.name = "id";
    id.type = intType;
    added.columns.push_back(id);
    s.tables.push_back(added);
    s.tables[0].checks.push_back({"stock_qty_check", "qty > 100"});
    return s;
}

// The first statements succeed (a new table), a later one fails (a check the rows break): the
// whole push is rolled back.
void expectFailureLeavesDatabaseAsItWas(Dialect dialect) {
    ScratchDatabase scratch(dialect, std::string("push_atomic_") + tag(dialect));
    auto db = scratch.connect();
    db->execute("CREATE TABLE stock (id integer PRIMARY KEY, qty integer)");
    db->execute("INSERT INTO stock VALUES (1, 5)");
    const Schema s = withNewTableAndABrokenCheck(*db, "integer");
    drizzle::kit::Config config;
    config.dialect = dialect;
    try {
        drizzle::kit::pushSchema(*db, s, config, {});
        FAIL() << "the push ran a check its rows break";
    } catch (const drizzle::Error& e) {
        EXPECT_EQ(e.category(), drizzle::ErrorCategory::migration);
        EXPECT_NE(std::string(e.what()).find("Nothing was changed"), std::string::npos) << e.what();
    }
    const Schema after = drizzle::kit::introspect(*db, {}).schema;
    EXPECT_EQ(after.table("", "aaa_new"), nullptr) << "the statement before the failure was not rolled back";
    EXPECT_TRUE(after.table("", "stock")->checks.empty());
}
TEST(PushAtomic, PgFailureLeavesTheDatabaseAsItWas) { expectFailureLeavesDatabaseAsItWas(Dialect::postgresql); }
TEST(PushAtomic, SqliteFailureLeavesTheDatabaseAsItWas) { expectFailureLeavesDatabaseAsItWas(Dialect::sqlite); }

TEST(PushAtomic, MysqlFailureNamesTheStatementsThatRan) {
    ScratchDatabase scratch(Dialect::mysql, "push_atomic_mysql");
    auto db = scratch.connect();
    db->execute("CREATE TABLE stock (id int PRIMARY KEY, qty int)");
    db->execute("INSERT INTO stock VALUES (1, 5)");
    const Schema s = withNewTableAndABrokenCheck(*db, "int");
    drizzle::kit::Config config;
    config.dialect = Dialect::mysql;
    try {
        drizzle::kit::pushSchema(*db, s, config, {});
        FAIL() << "the push ran a check its rows break";
    } catch (const drizzle::Error& e) {
        const std::string what = e.what();
        EXPECT_EQ(e.category(), drizzle::ErrorCategory::migration);
        EXPECT_NE(what.find("these 1 statement ran and stay applied"), std::string::npos) << what;
        EXPECT_NE(what.find("CREATE TABLE `aaa_new`"), std::string::npos) << what;
    }
    EXPECT_NE(drizzle::kit::introspect(*db, {}).schema.table("", "aaa_new"), nullptr) << "MySQL cannot roll DDL back";
}

TEST(PushPg, DroppingASchemaWithATableHoldingRowsIsListedAndNeedsForce) {
    ScratchDatabase scratch(Dialect::postgresql, "push_pg_schema");
    auto db = scratch.connect();
    db->execute("CREATE SCHEMA audit; CREATE TABLE audit.log (id integer PRIMARY KEY); INSERT INTO audit.log VALUES (1), (2);"
                "CREATE TABLE keep (id integer PRIMARY KEY)");
    drizzle::kit::Config config;
    config.dialect = Dialect::postgresql;
    config.schemaFilter = {"public", "audit"};  // push manages the schemas it is told to
    drizzle::kit::IntrospectOptions io;
    io.schemaFilter = config.schemaFilter;
    Schema s = drizzle::kit::introspect(*db, io).schema;
    s.schemas.clear();
    std::erase_if(s.tables, [](const auto& t) { return t.schema == "audit"; });
    const PushResult refused = drizzle::kit::pushSchema(*db, s, config, {});
    ASSERT_EQ(refused.outcome, PushOutcome::refused);
    ASSERT_EQ(refused.plan.findings.size(), 2u) << drizzle::kit::describeFindings(refused.plan);
    std::set<std::string> kinds;
    for (const auto& f : refused.plan.findings) kinds.insert(f.kind + " " + f.table + " " + std::to_string(f.rows));
    EXPECT_EQ(kinds, (std::set<std::string>{"drop table audit.log 2", "drop schema audit 1"}));
    drizzle::kit::PushOptions force;
    force.force = true;
    ASSERT_EQ(drizzle::kit::pushSchema(*db, s, config, force).outcome, PushOutcome::applied);
    EXPECT_EQ(db->query("SELECT count(*) FROM pg_namespace WHERE nspname = 'audit'").integer(0, 0), 0);
}

// ---------------------------------------------------------------- push, then push again

// Drizzle Kit's own snapshots (TypeScript spellings of checks, defaults, views), pushed into an
// empty database, then pushed again: the second finds nothing.
void expectFixturesRepeatAsNothing(Dialect dialect) {
    for (const char* name : {"basic", "full"}) {
        SCOPED_TRACE(name);
        Schema s = drizzle::kit::snapshot::readFile(fs::path(DRIZZLE_FIXTURES_DIR) / "drizzle-kit" / tag(dialect) /
                                                          name / "out" / "meta" / "0000_snapshot.json");
        for (auto& t : s.tables) {
            // Debian 12 packages no pgvector; MariaDB has no functional index parts.
            std::erase_if(t.columns, [](const auto& c) { return c.type.starts_with("vector") || c.type.starts_with("halfvec") || c.type.starts_with("sparsevec") || c.type.starts_with("bit(") ; });
            std::erase_if(t.indexes, [](const auto& i) { return i.method == "hnsw" || i.method == "ivfflat"; });  // pgvector's
            if (dialect == Dialect::mysql)
                std::erase_if(t.indexes, [](const auto& i) {
                    return std::any_of(i.columns.begin(), i.columns.end(), [](const auto& c) { return c.expression.find('(') != std::string::npos; });
                });
        }
        ScratchDatabase scratch(dialect, std::string("push_fixture_") + name);
        auto db = scratch.connect();
        if (dialect == Dialect::postgresql) db->execute("CREATE EXTENSION IF NOT EXISTS postgis; CREATE EXTENSION IF NOT EXISTS citext");
        // Roles are the cluster's, outside a push without entities.roles: made here, as a DBA would.
        for (const auto& role : s.roles)
            db->execute("DO $$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = " + drizzle::quoteString(dialect, role.name) +
                        ") THEN CREATE ROLE " + drizzle::quoteIdentifier(dialect, role.name) + "; END IF; END$$");
        drizzle::kit::Config config;
        config.dialect = dialect;
        const PushResult first = drizzle::kit::pushSchema(*db, s, config, {});
        ASSERT_EQ(first.outcome, PushOutcome::applied);
        Schema built = s;  // push builds indexes in its transaction (never CONCURRENTLY), leaves roles alone
        built.roles.clear();
        for (auto& t : built.tables)
            for (auto& i : t.indexes) i.concurrently = false;
        EXPECT_EQ(drizzle::kit::ddl::joinStatements(first.plan.statements, true),
                  drizzle::kit::ddl::joinStatements(drizzle::kit::ddl::createStatements(built), true))
            << "push into an empty database is the first migration";
        const PushResult again = drizzle::kit::pushSchema(*db, s, config, {});
        EXPECT_EQ(again.outcome, PushOutcome::nothingToDo) << drizzle::kit::ddl::joinStatements(again.plan.statements, false);
    }
}
TEST(PushFixtures, PgRepeatsAsNothing) { expectFixturesRepeatAsNothing(Dialect::postgresql); }
TEST(PushFixtures, SqliteRepeatsAsNothing) { expectFixturesRepeatAsNothing(Dialect::sqlite); }
TEST(PushFixtures, MysqlRepeatsAsNothing) { expectFixturesRepeatAsNothing(Dialect::mysql); }

// A real project's schema, loaded with the dialect's own client and read back, pushed onto its
// own database finds nothing; pushed into an empty one, then again, the second finds nothing.
void expectDatasetRepeatsAsNothing(Dialect dialect, const std::string& name, std::vector<std::string> schemas = {}) {
    const fidelity::Dataset dataset{dialect, name, schemas, ""};
    ScratchDatabase original(dialect, "push_ds_" + name), empty(dialect, "push_ds_empty_" + name);
    original.load(dataset.file());
    auto db = original.connect();
    drizzle::kit::Config config;
    config.dialect = dialect;
    config.schemaFilter = schemas;
    drizzle::kit::IntrospectOptions io;
    io.schemaFilter = schemas;
    const Schema s = drizzle::kit::introspect(*db, io).schema;
    const PushResult onItself = drizzle::kit::pushSchema(*db, s, config, {});
    EXPECT_EQ(onItself.outcome, PushOutcome::nothingToDo) << drizzle::kit::ddl::joinStatements(onItself.plan.statements, false);
    auto target = empty.connect();
    const PushResult first = drizzle::kit::pushSchema(*target, s, config, {});
    ASSERT_EQ(first.outcome, PushOutcome::applied);
    const PushResult again = drizzle::kit::pushSchema(*target, s, config, {});
    EXPECT_EQ(again.outcome, PushOutcome::nothingToDo) << drizzle::kit::ddl::joinStatements(again.plan.statements, false);
}
TEST(PushDatasets, PgJiraRepeatsAsNothing) { expectDatasetRepeatsAsNothing(Dialect::postgresql, "jira"); }
TEST(PushDatasets, PgPagilaRepeatsAsNothing) { expectDatasetRepeatsAsNothing(Dialect::postgresql, "pagila"); }
TEST(PushDatasets, PgNorthwindRepeatsAsNothing) { expectDatasetRepeatsAsNothing(Dialect::postgresql, "northwind"); }
TEST(PushDatasets, MysqlSakilaRepeatsAsNothing) { expectDatasetRepeatsAsNothing(Dialect::mysql, "sakila"); }
TEST(PushDatasets, SqliteChinookRepeatsAsNothing) { expectDatasetRepeatsAsNothing(Dialect::sqlite, "chinook"); }
TEST(PushDatasets, SqliteSakilaRepeatsAsNothing) { expectDatasetRepeatsAsNothing(Dialect::sqlite, "sakila"); }

}  // namespace

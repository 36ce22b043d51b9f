// SQLite introspection as a round trip: a model A is created in a fresh SQLite database with the
// kit's own DDL (drizzle::kit::ddl::createStatements), read back with introspectSqlite, and the result
// must be equivalent to A. Where SQLite genuinely cannot return what A holds, A is normalised the
// same way first (normalizeForDatabase, each rule with its reason).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "diff_property/generator.hpp"
#include "drizzle/kit/config.hpp"
#include "drizzle/kit/ddl.hpp"
#include "drizzle/driver/connection.hpp"
#include "drizzle/error.hpp"
#include "drizzle/kit/introspect.hpp"
#include "introspect/dialects.hpp"
#include "drizzle/kit/schema_loader.hpp"
#include "drizzle/kit/snapshot.hpp"

namespace {

namespace fs = std::filesystem;
using drizzle::model::Schema;

std::string join(const std::vector<std::string>& v) {
    std::string out;
    for (std::size_t i = 0; i < v.size(); ++i) out += (i ? "_" : "") + v[i];
    return out;
}

// What a database built from A can report, with A's other facts normalised away.
Schema normalizeForDatabase(Schema a) {
    for (auto& t : a.tables) {
        // SQLite stores no foreign key or primary key constraint names: introspection gives them
        // Drizzle's default names, so a custom name in A cannot come back.
        for (auto& fk : t.foreignKeys) {
            fk.name = fk.tableFrom + "_" + join(fk.columnsFrom) + "_" + fk.tableTo + "_" + join(fk.columnsTo) + "_fk";
            // SQLite reports every referential action, "no action" when none was declared.
            if (!fk.onDelete || fk.onDelete->empty()) fk.onDelete = "no action";
            if (!fk.onUpdate || fk.onUpdate->empty()) fk.onUpdate = "no action";
        }
        for (auto& pk : t.compositePrimaryKeys) pk.name = t.name + "_" + join(pk.columns) + "_pk";
        for (auto& c : t.columns) c.autoincrement = c.autoincrement.value_or(false) && c.primaryKey;
        for (auto& c : t.columns)
            if (!c.autoincrement.has_value()) c.autoincrement = false;
        // Drizzle Kit's SQLite snapshots list index columns as bare names and the kit's SQLite DDL
        // writes no ASC/DESC (as Drizzle Kit), so every index column in the database is ascending.
        for (auto& i : t.indexes)
            for (auto& c : i.columns) c.asc = true;
    }
    // A view marked existing is not created by the DDL, so the database does not have it.
    std::erase_if(a.views, [](const auto& v) { return v.isExisting; });
    return a;
}

// A view declared with its SQL text only has no columns in the model (the DSL does not know what
// its query returns), while SQLite reports the columns of every view: they are dropped from the
// introspected view for that comparison only.
Schema withViewColumnsAsDeclared(const Schema& expected, Schema got) {
    for (auto& v : got.views)
        for (const auto& e : expected.views)
            if (e.name == v.name && e.columns.empty()) v.columns.clear();
    return got;
}

std::unique_ptr<drizzle::driver::Connection> memoryDatabase() {
    drizzle::Credentials credentials;
    credentials.url = ":memory:";
    return drizzle::driver::connect(drizzle::Dialect::sqlite, credentials);
}

Schema roundTrip(const Schema& a, std::vector<std::string>* unsupported = nullptr) {
    auto db = memoryDatabase();
    for (const auto& statement : drizzle::kit::ddl::createStatements(a)) db->execute(statement);
    auto found = drizzle::kit::introspectSqlite(*db, {});
    if (unsupported) *unsupported = found.unsupported;
    return found.schema;
}

void expectRoundTrip(const Schema& a, const std::string& what) {
    const Schema expected = normalizeForDatabase(a);
    Schema got;
    try {
        got = roundTrip(a);
    } catch (const std::exception& e) {
        FAIL() << what << ": " << e.what();
    }
    got = withViewColumnsAsDeclared(expected, std::move(got));
    EXPECT_TRUE(drizzle::model::equivalent(expected, got))
        << what << ": " << drizzle::kit::snapshot::firstDifference(expected, got);
}

fs::path fixtures() { return DRIZZLE_FIXTURES_DIR; }

Schema loadCpp(const fs::path& header, const std::string& id) {
    drizzle::kit::Config config;
    config.root = fs::temp_directory_path() / "drizzle_introspect_sqlite" / id;
    fs::create_directories(config.root);
    config.dialect = drizzle::Dialect::sqlite;
    config.schema = {fs::absolute(header).string()};
    try {
        return drizzle::kit::loadSchema(config);
    } catch (const drizzle::Error& e) {
        throw std::runtime_error("loading " + header.string() + ": " + e.what() + "\nhint: " + e.hint());
    }
}

TEST(IntrospectSqlite, CppFixtureBasic) {
    expectRoundTrip(loadCpp(fixtures() / "cpp/sqlite/basic.hpp", "basic"), "cpp/sqlite/basic.hpp");
}

TEST(IntrospectSqlite, CppFixtureFull) {
    expectRoundTrip(loadCpp(fixtures() / "cpp/sqlite/full.hpp", "full"), "cpp/sqlite/full.hpp");
}

TEST(IntrospectSqlite, CppIntegrationAllTypes) {
    expectRoundTrip(loadCpp(fs::path(DRIZZLE_SOURCE_DIR) / "tests/integration/sqlite/all_types.hpp", "all_types"),
                    "integration/sqlite/all_types.hpp");
}

TEST(IntrospectSqlite, DrizzleKitSnapshots) {
    int count = 0;
    for (const auto& entry : fs::directory_iterator(fixtures() / "drizzle-kit/sqlite")) {
        const fs::path snapshot = entry.path() / "out/meta/0000_snapshot.json";
        if (!fs::exists(snapshot)) continue;
        ++count;
        expectRoundTrip(drizzle::kit::snapshot::readFile(snapshot), snapshot.string());
    }
    EXPECT_GT(count, 0);
}

TEST(IntrospectSqlite, SkipsInternalTablesAndReportsTriggers) {
    auto db = memoryDatabase();
    db->execute(
        "CREATE TABLE `t` (`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL, `x` text);"
        "CREATE TABLE `__drizzle_migrations` (id integer primary key, hash text);"
        "CREATE TABLE `__new_t` (id integer);"
        "CREATE TRIGGER `t_audit` AFTER INSERT ON `t` BEGIN SELECT 1; END;"
        "INSERT INTO `t` (`x`) VALUES ('a');");
    auto found = drizzle::kit::introspectSqlite(*db, {});
    ASSERT_EQ(found.schema.tables.size(), 1u);
    EXPECT_EQ(found.schema.tables[0].name, "t");
    EXPECT_EQ(found.schema.tables[0].columns[0].autoincrement, true);
    EXPECT_EQ(found.unsupported, std::vector<std::string>{"trigger t_audit"});
}

// Drizzle's tablesFilter selects views as it selects tables.
TEST(IntrospectSqlite, TablesFilterAppliesToViews) {
    auto db = memoryDatabase();
    db->execute(
        "CREATE TABLE users (id integer PRIMARY KEY); CREATE TABLE audit (id integer PRIMARY KEY);"
        "CREATE VIEW users_names AS SELECT id FROM users; CREATE VIEW audit_recent AS SELECT id FROM audit;");
    auto names = [&](std::vector<std::string> filter) {
        drizzle::kit::IntrospectOptions options;
        options.tablesFilter = std::move(filter);
        auto found = drizzle::kit::introspectSqlite(*db, options);
        std::vector<std::string> out;
        for (const auto& t : found.schema.tables) out.push_back("table " + t.name);
        for (const auto& v : found.schema.views) out.push_back("view " + v.name);
        std::sort(out.begin(), out.end());
        return out;
    };
    EXPECT_EQ(names({"users*"}), (std::vector<std::string>{"table users", "view users_names"}));
    EXPECT_EQ(names({"!audit_*"}), (std::vector<std::string>{"table audit", "table users", "view users_names"}));
}

// A database written by hand rather than by the kit: the spellings SQLite accepts beyond the ones
// the kit writes.
TEST(IntrospectSqlite, HandWrittenDdl) {
    auto db = memoryDatabase();
    db->execute(R"(
        CREATE TABLE "parent" (a integer, b text, PRIMARY KEY (b, a));
        CREATE TABLE [weird name] (
            id INTEGER PRIMARY KEY,
            "we""ird" text COLLATE NOCASE DEFAULT x'00' CONSTRAINT col_chk CHECK (length("we""ird") > 1),
            n real DEFAULT -1.5e3 CHECK(n <> 0),
            d text DEFAULT (datetime('now', 'localtime')),
            pa integer, pb text,
            e text DEFAULT ('a' || 'b'),
            u text CONSTRAINT "u col" UNIQUE,
            g integer AS (n * (2 + 1)) ,
            UNIQUE (pa, pb),
            CONSTRAINT "named uq" UNIQUE (d),
            FOREIGN KEY (pb, pa) REFERENCES parent ON DELETE CASCADE
        ) STRICT;
        CREATE INDEX "ix, expr" ON [weird name] (lower("we""ird") DESC, n, substr(d, 1, 2)) WHERE n > 0 AND (d IS NOT NULL);
        CREATE INDEX rowid_ix ON [weird name] (id, n);
        CREATE VIEW v (x, y) AS SELECT id, n FROM [weird name];
        CREATE VIRTUAL TABLE docs USING fts5(body);
    )");
    auto found = drizzle::kit::introspectSqlite(*db, {});
    const auto* t = found.schema.table("", "weird name");
    ASSERT_NE(t, nullptr);
    EXPECT_EQ(found.schema.tables.size(), 2u) << "fts5 shadow tables are not reported";
    // What the model has no place for is reported by name (and read without it).
    EXPECT_EQ(found.unsupported, (std::vector<std::string>{"table weird name (STRICT)",
                                                           "index ix, expr (column lower(\"we\"\"ird\") is DESC)",
                                                           "view v (column list (x, y))", "virtual table docs"}));

    ASSERT_EQ(t->columns.size(), 9u);
    EXPECT_TRUE(t->columns[0].primaryKey);
    EXPECT_TRUE(t->columns[0].notNull);  // INTEGER PRIMARY KEY is the rowid, never NULL
    EXPECT_EQ(t->columns[0].type, "integer");  // SQLite's own type names in the DSL's spelling
    EXPECT_EQ(t->columns[1].name, "we\"ird");
    EXPECT_EQ(t->columns[1].type, "text COLLATE NOCASE");
    EXPECT_EQ(t->columns[1].defaultValue->text, "x'00'");
    EXPECT_EQ(t->columns[2].defaultValue->kind, drizzle::model::DefaultValue::Kind::number);
    EXPECT_EQ(t->columns[2].defaultValue->text, "-1.5e3");
    EXPECT_EQ(t->columns[3].defaultValue->text, "(datetime('now', 'localtime'))");
    EXPECT_EQ(t->columns[6].defaultValue->text, "('a' || 'b')");
    ASSERT_TRUE(t->columns[8].generated.has_value());
    EXPECT_EQ(t->columns[8].generated->as, "(n * (2 + 1))");
    EXPECT_EQ(t->columns[8].generated->type, "virtual");

    ASSERT_EQ(t->checks.size(), 2u);
    EXPECT_EQ(t->checks[0].name, "col_chk");
    EXPECT_EQ(t->checks[0].value, "length(\"we\"\"ird\") > 1");
    EXPECT_EQ(t->checks[1].name, "weird name_check_1");
    EXPECT_EQ(t->checks[1].value, "n <> 0");

    ASSERT_EQ(t->uniqueConstraints.size(), 3u);
    for (const auto& u : t->uniqueConstraints) {
        if (u.columns == std::vector<std::string>{"d"}) EXPECT_EQ(u.name, "named uq");
        else if (u.columns == std::vector<std::string>{"u"}) EXPECT_EQ(u.name, "u col");
        else EXPECT_EQ(u.name, "weird name_pa_pb_unique");
    }

    ASSERT_EQ(t->foreignKeys.size(), 1u);
    const auto& fk = t->foreignKeys[0];
    EXPECT_EQ(fk.columnsFrom, (std::vector<std::string>{"pb", "pa"}));
    EXPECT_EQ(fk.columnsTo, (std::vector<std::string>{"b", "a"})) << "the parent's primary key, in key order";
    EXPECT_EQ(fk.name, "weird name_pb_pa_parent_b_a_fk");
    EXPECT_EQ(fk.onDelete, "cascade");
    EXPECT_EQ(fk.onUpdate, "no action");

    const auto* parent = found.schema.table("", "parent");
    ASSERT_NE(parent, nullptr);
    ASSERT_EQ(parent->compositePrimaryKeys.size(), 1u);
    EXPECT_EQ(parent->compositePrimaryKeys[0].name, "parent_b_a_pk");
    EXPECT_EQ(parent->compositePrimaryKeys[0].columns, (std::vector<std::string>{"b", "a"}));

    ASSERT_EQ(t->indexes.size(), 2u);
    const auto& ix = t->indexes[0].name == "ix, expr" ? t->indexes[0] : t->indexes[1];
    const auto& rowidIx = t->indexes[0].name == "ix, expr" ? t->indexes[1] : t->indexes[0];
    ASSERT_EQ(rowidIx.columns.size(), 2u);
    EXPECT_EQ(rowidIx.columns[0].expression, "id") << "the rowid alias, which the pragma leaves unnamed";
    EXPECT_EQ(rowidIx.columns[1].expression, "n");
    EXPECT_EQ(ix.name, "ix, expr");
    ASSERT_EQ(ix.columns.size(), 3u);
    EXPECT_EQ(ix.columns[0].expression, "lower(\"we\"\"ird\")");
    EXPECT_TRUE(ix.columns[0].isExpression);
    EXPECT_TRUE(ix.columns[0].asc) << "the model has no index order: DESC is reported instead";
    EXPECT_EQ(ix.columns[1].expression, "n");
    EXPECT_FALSE(ix.columns[1].isExpression);
    EXPECT_EQ(ix.columns[2].expression, "substr(d, 1, 2)");
    EXPECT_EQ(ix.where, "n > 0 AND (d IS NOT NULL)");

    ASSERT_EQ(found.schema.views.size(), 1u);
    EXPECT_EQ(found.schema.views[0].definition, "SELECT id, n FROM [weird name]");
    ASSERT_EQ(found.schema.views[0].columns.size(), 2u);
    EXPECT_EQ(found.schema.views[0].columns[0].name, "x");

    drizzle::kit::IntrospectOptions withoutParent;
    withoutParent.tablesFilter = {"!parent"};
    auto filtered = drizzle::kit::introspectSqlite(*db, withoutParent);
    EXPECT_EQ(filtered.schema.tables.size(), 1u);
}

// Many tables come back whole (speed is measured in bench/, not asserted here).
TEST(IntrospectSqlite, ReadsEveryTableOfALargeSchema) {
    auto db = memoryDatabase();
    std::string ddl = "BEGIN;";
    const int tables = 3000;
    for (int i = 0; i < tables; ++i) {
        const std::string n = "t" + std::to_string(i);
        ddl += "CREATE TABLE " + n + " (id integer PRIMARY KEY NOT NULL, name text DEFAULT 'x', parent integer" +
               (i > 0 ? " REFERENCES t" + std::to_string(i - 1) + "(id)" : std::string()) + ", CONSTRAINT " + n +
               "_chk CHECK(id > 0));CREATE INDEX " + n + "_name_idx ON " + n + " (name);";
    }
    db->execute(ddl + "COMMIT;");
    auto found = drizzle::kit::introspectSqlite(*db, {});
    ASSERT_EQ(found.schema.tables.size(), static_cast<std::size_t>(tables));
    const auto* last = found.schema.table("", "t" + std::to_string(tables - 1));
    ASSERT_NE(last, nullptr);
    EXPECT_EQ(last->foreignKeys.size(), 1u);
    EXPECT_EQ(last->checks.size(), 1u);
    EXPECT_EQ(last->indexes.size(), 1u);
}

TEST(IntrospectSqlite, RandomSchemasRoundTrip) {
    const char* count = std::getenv("DRIZZLE_PROPERTY_SCHEMAS");  // as the pg and MySQL tests
    const int n = count && *count ? std::atoi(count) : 300;
    int failures = 0;
    for (int seed = 1; seed <= n && failures < 5; ++seed) {
        drizzle::diff_property::Rng rng(static_cast<std::uint64_t>(seed));
        // Every other seed checks a mutated schema too: other shapes than a fresh one.
        Schema a = drizzle::diff_property::randomSchema(drizzle::Dialect::sqlite, rng);
        if (seed % 2 == 0) a = drizzle::diff_property::mutate(a, rng);
        const Schema expected = normalizeForDatabase(a);
        Schema got;
        try {
            got = roundTrip(a);
        } catch (const std::exception& e) {
            ADD_FAILURE() << "seed " << seed << ": " << e.what();
            ++failures;
            continue;
        }
        got = withViewColumnsAsDeclared(expected, std::move(got));
        if (!drizzle::model::equivalent(expected, got)) {
            ADD_FAILURE() << "seed " << seed << ": " << drizzle::kit::snapshot::firstDifference(expected, got);
            ++failures;
        }
    }
}

}  // namespace

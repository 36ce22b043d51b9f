// `drizzle-kit export` as a user runs it: the real binary in a scratch project folder.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "util/process.hpp"
#include "common/kit_project.hpp"
#include "common/test_dir.hpp"

namespace fs = std::filesystem;

namespace {

class ExportCommand : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = freshTestDir("export");
    }
    void TearDown() override { fs::remove_all(dir_); }

    void write(const std::string& name, const std::string& text) {
        fs::create_directories((dir_ / name).parent_path());
        std::ofstream(dir_ / name, std::ios::binary | std::ios::trunc) << text;
    }
    drizzle::util::ProcessResult kit(std::vector<std::string> args) {
        args.insert(args.begin(), DRIZZLE_KIT_BIN);
        return drizzle::util::runProcess(args, dir_.string());
    }
    void writePgSchema(const std::string& columns) {
        write("drizzle.config.json", R"({"dialect": "postgresql", "schema": "src/schema.hpp"})");
        write("src/schema.hpp", "#pragma once\n#include <drizzle/pg.hpp>\n#include \"types.hpp\"\n"
                                "namespace pg = drizzle::pg;\n"
                                "inline const auto items = pg::pgTable<Item>(\"items\", {\n" +
                                    columns + "\n});\n");
    }

    fs::path dir_;
};

const char* kItem = "#pragma once\n#include <cstdint>\n#include <optional>\n#include <string>\n"
                    "struct Item { std::int32_t id; std::string name; std::optional<std::string> note; };\n";

TEST_F(ExportCommand, PrintsTheDdlOfTheDeclaredSchema) {
    write("src/types.hpp", kItem);
    writePgSchema(R"(    pg::serial<&Item::id>("id").primaryKey(),
    pg::text<&Item::name>("name").notNull(),
    pg::text<&Item::note>("note"),)");
    auto r = kit({"export"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("CREATE TABLE \"items\" (\n\t\"id\" serial PRIMARY KEY NOT NULL,\n\t\"name\" text NOT NULL,\n\t\"note\" text\n);"),
              std::string::npos)
        << r.out;
}

TEST_F(ExportCommand, CompilesTheSchemaWithClangToo) {
    write("src/types.hpp", kItem);
    writePgSchema(R"(    pg::serial<&Item::id>("id").primaryKey(),
    pg::text<&Item::name>("name").notNull().unique(),)");
    setenv("DRIZZLE_CXX", "clang++", 1);
    auto r = kit({"export", "--verbose"});
    unsetenv("DRIZZLE_CXX");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.err.find("compiled the schema exporter"), std::string::npos) << r.err;
    EXPECT_NE(r.out.find("CONSTRAINT \"items_name_unique\" UNIQUE(\"name\")"), std::string::npos) << r.out;
}

TEST_F(ExportCommand, WithoutConfigSaysWhatToPass) {
    auto r = kit({"export"});
    EXPECT_EQ(r.exitCode, 3);
    EXPECT_NE(r.err.find("error: no drizzle.config.json in "), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("pass --config PATH, or pass --dialect (and --schema for generate and export)"), std::string::npos) << r.err;
}

TEST_F(ExportCommand, BadDialectIsOneSentence) {
    write("drizzle.config.json", R"({"dialect": "postgres", "schema": "x.hpp"})");
    auto r = kit({"export"});
    EXPECT_EQ(r.exitCode, 3);
    EXPECT_NE(r.err.find("\"dialect\" must be postgresql, sqlite or mysql, not \"postgres\""), std::string::npos) << r.err;
}

TEST_F(ExportCommand, TypeMismatchIsReportedAtTheUsersLine) {
    write("src/types.hpp", kItem);
    writePgSchema(R"(    pg::serial<&Item::id>("id").primaryKey(),
    pg::integer<&Item::name>("name").notNull(),)");
    auto r = kit({"export"});
    EXPECT_EQ(r.exitCode, 4);
    EXPECT_NE(r.err.find("src/schema.hpp:7:"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("pg::integer needs a 32-bit integer member"), std::string::npos) << r.err;
    EXPECT_TRUE(fs::exists(dir_ / ".drizzle")) << "the full compiler output is kept for the user";
}

TEST_F(ExportCommand, NullableColumnOnPlainMemberIsReportedAtTheUsersLine) {
    write("src/types.hpp", kItem);
    writePgSchema(R"(    pg::serial<&Item::id>("id").primaryKey(),
    pg::text<&Item::name>("name"),)");
    auto r = kit({"export"});
    EXPECT_EQ(r.exitCode, 4);
    // GCC places the error at the table's column list, clang at the column itself; both name
    // the member type so the column can be found.
    EXPECT_TRUE(r.err.find("src/schema.hpp:5:") != std::string::npos || r.err.find("src/schema.hpp:7:") != std::string::npos)
        << r.err;
    EXPECT_NE(r.err.find("the column is nullable but its member is not std::optional"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("member type std::string"), std::string::npos) << r.err;
}

TEST_F(ExportCommand, SyntaxErrorIsReportedWithFileAndLine) {
    write("src/types.hpp", kItem);
    writePgSchema(R"(    pg::serial<&Item::id>("id").primaryKey()
    pg::text<&Item::name>("name").notNull(),)");
    auto r = kit({"export"});
    EXPECT_EQ(r.exitCode, 4);
    EXPECT_NE(r.err.find("src/schema.hpp:"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find(": error: "), std::string::npos) << r.err;
}

TEST_F(ExportCommand, ReusesTheCachedExporterUntilAnIncludedHeaderChanges) {
    write("src/types.hpp", kItem);
    writePgSchema(R"(    pg::serial<&Item::id>("id").primaryKey(),
    pg::text<&Item::name>("name").notNull(),)");
    auto first = kit({"export", "--verbose"});
    ASSERT_EQ(first.exitCode, 0) << first.err;
    EXPECT_NE(first.err.find("compiled the schema exporter"), std::string::npos);
    auto second = kit({"export", "--verbose"});
    ASSERT_EQ(second.exitCode, 0) << second.err;
    EXPECT_NE(second.err.find("reused the cached exporter"), std::string::npos) << second.err;
    EXPECT_EQ(first.out, second.out);
    // A header the schema includes changes: the cache is stale, the new member type shows.
    write("src/types.hpp", std::string(kItem).replace(std::string(kItem).find("std::int32_t id"), 15, "std::int64_t id"));
    writePgSchema(R"(    pg::bigserial<&Item::id>("id").primaryKey(),
    pg::text<&Item::name>("name").notNull(),)");
    auto third = kit({"export", "--verbose"});
    ASSERT_EQ(third.exitCode, 0) << third.err;
    EXPECT_NE(third.err.find("compiled the schema exporter"), std::string::npos) << third.err;
    EXPECT_NE(third.out.find("\"id\" bigserial"), std::string::npos) << third.out;
}

TEST_F(ExportCommand, ColumnBoundToAnotherStructNamesTheTable) {
    write("src/types.hpp", std::string(kItem) + "struct Other { std::int32_t id; };\n");
    writePgSchema(R"(    pg::serial<&Other::id>("id").primaryKey(),)");
    auto r = kit({"export"});
    EXPECT_EQ(r.exitCode, 4);
    EXPECT_NE(r.err.find("table \"items\": column \"id\" is bound to a member of another struct"), std::string::npos) << r.err;
}

TEST_F(ExportCommand, TwoPrimaryKeyColumnsAreRefusedBeforeTheDatabaseSeesThem) {
    write("src/types.hpp", kItem);
    writePgSchema(R"(    pg::serial<&Item::id>("id").primaryKey(),
    pg::text<&Item::name>("name").primaryKey(),)");
    auto r = kit({"export"});
    EXPECT_EQ(r.exitCode, 4);
    EXPECT_NE(r.err.find("table \"items\" declares more than one primary key (.primaryKey() on id, name)"), std::string::npos)
        << r.err;
}

TEST_F(ExportCommand, SchemaOfAnotherDialectIsRefused) {
    write("src/types.hpp", kItem);
    writePgSchema(R"(    pg::serial<&Item::id>("id").primaryKey(),)");
    auto r = kit({"export", "--dialect", "mysql"});
    EXPECT_EQ(r.exitCode, 4);
    EXPECT_NE(r.err.find("the schema declares postgresql tables but the config's dialect is mysql"), std::string::npos) << r.err;
}

}  // namespace

namespace {

class ExportSqlColumns : public KitProject {
protected:
    ExportSqlColumns() : KitProject("export_sql_columns") {}
    drizzle::util::ProcessResult exportSchema(const std::string& dialect, const std::string& body) {
        write("drizzle.config.json", R"({"dialect": ")" + dialect + R"(", "schema": "src/schema.hpp"})");
        write("src/schema.hpp", "#pragma once\n#include <drizzle/pg.hpp>\n#include <drizzle/sqlite.hpp>\n"
                                "#include <optional>\n#include <string>\n"
                                "namespace pg = drizzle::pg;\nnamespace sqlite = drizzle::sqlite;\n" +
                                    body);
        return kit({"export"});
    }
};

// A table in a pgSchema is named with its schema wherever Drizzle Kit qualifies a column.
TEST_F(ExportSqlColumns, PgSchemaTablesAreQualifiedWithTheirSchema) {
    auto r = exportSchema("postgresql", R"cpp(
struct Subscription { std::int32_t id; std::int32_t seats; std::string plan; };
inline const auto billing = pg::pgSchema("billing");
inline const auto subscriptions = billing.table<Subscription>("subscriptions", {
    pg::serial<&Subscription::id>("id").primaryKey(),
    pg::integer<&Subscription::seats>("seats").notNull(),
    pg::text<&Subscription::plan>("plan").notNull(),
}, {
    pg::check("seats_positive", drizzle::sql<&Subscription::seats>("? > 0")),
    pg::index("plan_lower_idx").on(drizzle::sql<&Subscription::plan>("lower(?)")).where(drizzle::sql<&Subscription::seats>("? > 1")),
});
)cpp");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find(R"(CONSTRAINT "seats_positive" CHECK ("billing"."subscriptions"."seats" > 0))"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find(R"(USING btree (lower("plan")) WHERE "billing"."subscriptions"."seats" > 1)"), std::string::npos) << r.out;
}

// A generated column may name a column declared after it; on SQLite it is bare, as Drizzle Kit's.
TEST_F(ExportSqlColumns, SqliteGeneratedColumnNamesALaterColumnBare) {
    auto r = exportSchema("sqlite", R"cpp(
struct Item { std::int64_t id; std::optional<std::string> slug; std::string title; };
inline const auto items = sqlite::sqliteTable<Item>("items", {
    sqlite::integer<&Item::id>("id").primaryKey(),
    sqlite::text<&Item::slug>("slug").generatedAlwaysAs(drizzle::sql<&Item::title>("lower(?)")),
    sqlite::text<&Item::title>("title").notNull(),
});
)cpp");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find(R"(`slug` text GENERATED ALWAYS AS (lower("title")) VIRTUAL)"), std::string::npos) << r.out;
}

TEST_F(ExportSqlColumns, AMemberOfATableDeclaredLaterIsRefusedNamingTheTable) {
    auto r = exportSchema("postgresql", R"cpp(
struct A { std::int32_t id; };
struct B { std::int32_t id; };
inline const auto a = pg::pgTable<A>("a", {pg::serial<&A::id>("id").primaryKey()},
                                  {pg::check("a_vs_b", drizzle::sql<&B::id>("? > 0"))});
inline const auto b = pg::pgTable<B>("b", {pg::serial<&B::id>("id").primaryKey()});
)cpp");
    EXPECT_EQ(r.exitCode, 4) << r.err;
    EXPECT_NE(r.err.find("in table \"a\" names a member that is not a column of a table declared before it"), std::string::npos)
        << r.err;
}

}  // namespace

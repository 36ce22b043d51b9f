// Schemas drizzle-kit must refuse, as a user meets them: names the database would refuse, an
// exporter that crashes, a header that declares nothing. The real binary, in a scratch project;
// no server is needed (the name rules themselves are unit-tested per dialect).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "drizzle/kit/journal.hpp"
#include "util/process.hpp"
#include "common/test_dir.hpp"

namespace fs = std::filesystem;

namespace {

class SchemaErrors : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = freshTestDir("schema_errors");
        fs::create_directories(dir_ / "src");
    }
    void TearDown() override { fs::remove_all(dir_); }

    // A config for the dialect and src/schema.hpp with the includes and `body` (line 5 onwards).
    void schema(const std::string& dialect, const std::string& body) {
        std::ofstream(dir_ / "drizzle.config.json")
            << R"({"dialect": ")" << dialect << R"(", "schema": "src/schema.hpp", "out": "drizzle"})";
        const std::string ns = dialect == "postgresql" ? "pg" : dialect;
        std::ofstream(dir_ / "src/schema.hpp", std::ios::trunc)
            << "#pragma once\n#include <drizzle/" << ns << ".hpp>\n#include <stdexcept>\nnamespace " << ns
            << " = drizzle::" << ns << ";\n"
            << body;
    }
    drizzle::util::ProcessResult kit(std::vector<std::string> args) {
        args.insert(args.begin(), DRIZZLE_KIT_BIN);
        return drizzle::util::runProcess(args, dir_.string());
    }
    static bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

    fs::path dir_;
};

const char* kTwoTablesNamedUsers = R"(struct A { std::int32_t id; };
struct B { std::int32_t id; };
inline const auto a = pg::pgTable<A>("users", {pg::serial<&A::id>("id").primaryKey()});

inline const auto b = pg::pgTable<B>("users", {
    pg::serial<&B::id>("id").primaryKey(),
});
)";

TEST_F(SchemaErrors, Pg_TwoTablesOfOneNameAreRefusedNamingWhereEachIsDeclared) {
    schema("postgresql", kTwoTablesNamedUsers);
    auto r = kit({"export"});
    EXPECT_EQ(r.exitCode, 4) << r.err;
    EXPECT_TRUE(has(r.err, "table \"public\".\"users\" (declared at src/schema.hpp:7) and table \"public\".\"users\" "
                           "(declared at src/schema.hpp:9) have the same name"))
        << r.err;
    EXPECT_TRUE(has(r.err, "hint: rename one of them")) << r.err;
}

TEST_F(SchemaErrors, Sqlite_OneIndexNameOnTwoTablesIsRefusedAndGenerateWritesNothing) {
    schema("sqlite", R"(struct A { std::int64_t id; std::string name; };
struct B { std::int64_t id; std::string name; };
inline const auto a = sqlite::sqliteTable<A>("a", {sqlite::integer<&A::id>("id").primaryKey(),
    sqlite::text<&A::name>("name").notNull()}, {drizzle::index("by_name").on<&A::name>()});
inline const auto b = sqlite::sqliteTable<B>("b", {sqlite::integer<&B::id>("id").primaryKey(),
    sqlite::text<&B::name>("name").notNull()}, {drizzle::index("BY_NAME").on<&B::name>()});
)");
    auto r = kit({"generate", "--name", "init"});
    EXPECT_EQ(r.exitCode, 4) << r.err;
    EXPECT_TRUE(has(r.err, "index \"by_name\" of table \"a\" (declared at src/schema.hpp:7) and index \"BY_NAME\" of "
                           "table \"b\" (declared at src/schema.hpp:9) differ only in case"))
        << r.err;
    EXPECT_FALSE(fs::exists(dir_ / "drizzle")) << "a refused schema writes no migration";
}

TEST_F(SchemaErrors, Mysql_DerivedForeignKeyNameOver64CharactersIsRefusedWithHowToNameIt) {
    schema("mysql", R"(struct P { std::int32_t id; };
struct C { std::int32_t id; std::int32_t parentId; };
inline const auto p = mysql::mysqlTable<P>("parent_records_with_a_long_name", {mysql::int_<&P::id>("id").primaryKey()});
inline const auto c = mysql::mysqlTable<C>("child_records_with_a_long_name", {mysql::int_<&C::id>("id").primaryKey(),
    mysql::int_<&C::parentId>("parent_record_id").notNull().references<&P::id>()});
)");
    auto r = kit({"export"});
    EXPECT_EQ(r.exitCode, 4) << r.err;
    EXPECT_TRUE(has(r.err, "foreign key \"child_records_with_a_long_name_parent_record_id_parent_records_with_a_long_name_id_fk\" "
                           "(the name Drizzle derives) of table \"child_records_with_a_long_name\" (declared at src/schema.hpp:8) "
                           "is 85 characters long; MySQL refuses names longer than 64 characters"))
        << r.err;
    EXPECT_TRUE(has(r.err, "drizzle::foreignKey(\"...\").columns<&Row::a>().foreignColumns<&Other::id>()")) << r.err;
}

TEST_F(SchemaErrors, Pg_LongDerivedForeignKeyNameIsKeptAsDrizzleKitWritesIt) {
    schema("postgresql", R"(struct P { std::int32_t id; };
struct C { std::int32_t id; std::int32_t parentId; };
inline const auto p = pg::pgTable<P>("parent_records_with_a_long_name", {pg::integer<&P::id>("id").primaryKey()});
inline const auto c = pg::pgTable<C>("child_records_with_a_long_name", {pg::integer<&C::id>("id").primaryKey(),
    pg::integer<&C::parentId>("parent_record_id").notNull().references<&P::id>()});
)");
    auto r = kit({"export"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_TRUE(has(r.out, "ADD CONSTRAINT \"child_records_with_a_long_name_parent_record_id_parent_records_with_a_long_name_id_fk\""))
        << r.out;
}

TEST_F(SchemaErrors, Pg_ColumnNameOver63BytesIsRefused) {
    schema("postgresql", R"(struct A { std::int32_t id; };
inline const auto a = pg::pgTable<A>("a", {
    pg::integer<&A::id>("identifier_of_the_record_which_is_spelled_out_in_full_for_clarity").primaryKey()});
)");
    auto r = kit({"export"});
    EXPECT_EQ(r.exitCode, 4) << r.err;
    EXPECT_TRUE(has(r.err, "column \"identifier_of_the_record_which_is_spelled_out_in_full_for_clarity\" of table \"a\" "
                           "(declared at src/schema.hpp:6) is 65 bytes long; PostgreSQL truncates names longer than 63 bytes"))
        << r.err;
}

TEST_F(SchemaErrors, ExporterSegfaultNamesTheSignalAndTheDeclarationItFollowed) {
    schema("postgresql", R"(struct A { std::int32_t id; };
inline const auto a = pg::pgTable<A>("users", {pg::serial<&A::id>("id").primaryKey()});
inline int crash() { volatile int* p = nullptr; return *p; }
inline const int boom = crash();
)");
    auto r = kit({"export"});
    EXPECT_EQ(r.exitCode, 4) << r.err;
    EXPECT_TRUE(has(r.err, "the schema exporter compiled from src/schema.hpp crashed with SIGSEGV (signal 11")) << r.err;
    EXPECT_TRUE(has(r.err, "after table \"users\" (src/schema.hpp:6) was declared")) << r.err;
    EXPECT_TRUE(has(r.err, "hint: the crash is in a static initialiser")) << r.err;
}

TEST_F(SchemaErrors, ExporterAbortFromAnUncaughtExceptionShowsItsMessageAndTheTableReached) {
    // Columns are constants, so what can throw at start-up is run-time code in a table's extras.
    schema("sqlite", R"(struct A { std::int64_t id; std::string name; };
inline const char* indexName() { throw std::runtime_error("INDEX_NAME is not set"); }
inline const auto a = sqlite::sqliteTable<A>("users", {sqlite::integer<&A::id>("id").primaryKey(),
    sqlite::text<&A::name>("name").notNull()}, {sqlite::index(indexName()).on(sqlite::sql("name || 'x'"))});
)");
    auto r = kit({"export"});
    EXPECT_EQ(r.exitCode, 4) << r.err;
    EXPECT_TRUE(has(r.err, "crashed with SIGABRT (signal 6")) << r.err;
    EXPECT_TRUE(has(r.err, "before the first declaration")) << r.err;
    EXPECT_TRUE(has(r.err, "INDEX_NAME is not set")) << r.err;
}

TEST_F(SchemaErrors, AColumnNameThatIsNotAConstantIsACompileErrorAtItsLine) {
    schema("sqlite", R"(struct A { std::int64_t id; std::string name; };
inline const char* columnName() { return "name"; }
inline const auto a = sqlite::sqliteTable<A>("users", {sqlite::integer<&A::id>("id").primaryKey(),
    sqlite::text<&A::name>(columnName()).notNull()});
)");
    auto r = kit({"export"});
    EXPECT_EQ(r.exitCode, 4) << r.err;
    EXPECT_TRUE(has(r.err, "src/schema.hpp:")) << r.err;
    EXPECT_TRUE(has(r.err, "src/schema.hpp:8:")) << r.err;
    EXPECT_TRUE(has(r.err, "constexpr") || has(r.err, "constant expression")) << r.err;
}

TEST_F(SchemaErrors, EmptySchemaIsRefusedAskingForTheMissingInclude) {
    schema("mysql", "");
    auto r = kit({"export"});
    EXPECT_EQ(r.exitCode, 4) << r.err;
    EXPECT_TRUE(has(r.err, "error: src/schema.hpp declares no tables, views, enums or sequences")) << r.err;
    EXPECT_TRUE(has(r.err, "hint: did you include the headers that declare them?")) << r.err;
}

TEST_F(SchemaErrors, EmptySchemaNeverDropsAnExistingHistorysTables) {
    schema("sqlite", R"(struct A { std::int64_t id; };
inline const auto a = sqlite::sqliteTable<A>("users", {sqlite::integer<&A::id>("id").primaryKey()});
)");
    ASSERT_EQ(kit({"generate", "--name", "init"}).exitCode, 0);
    schema("sqlite", "");
    auto r = kit({"generate"});
    EXPECT_EQ(r.exitCode, 4) << r.err;
    EXPECT_TRUE(has(r.err, "declares no tables")) << r.err;
    EXPECT_EQ(drizzle::kit::readJournal(dir_ / "drizzle").entries.size(), 1u);
    std::size_t files = 0;
    for ([[maybe_unused]] const auto& e : fs::recursive_directory_iterator(dir_ / "drizzle")) ++files;
    EXPECT_EQ(files, 4u) << "0000_init.sql, meta/, meta/_journal.json, meta/0000_snapshot.json";
}

}  // namespace

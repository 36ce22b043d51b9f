// The differ's API beyond statements: the typed changes, rename questions, `_meta`, errors.
#include <gtest/gtest.h>

#include <variant>

#include "drizzle/kit/ddl.hpp"
#include "drizzle/kit/diff.hpp"
#include "drizzle/error.hpp"

namespace drizzle {
namespace {

using namespace model;

Schema pgWith(std::vector<Table> tables) { return Schema{.dialect = Dialect::postgresql, .tables = std::move(tables)}; }

Table users(std::vector<std::string> columns, std::string name = "users") {
    Table t{.name = std::move(name)};
    for (auto& c : columns) t.columns.push_back({.name = std::move(c), .type = "text"});
    return t;
}

TEST(DiffApi, AsksWhetherANewColumnRenamesADroppedOne) {
    auto questions = kit::diff::renameQuestions(pgWith({users({"id", "name"})}), pgWith({users({"id", "full_name"})}), {});
    ASSERT_EQ(questions.size(), 1u);
    EXPECT_EQ(questions[0], (kit::diff::RenameQuestion{"column", "public.users", "full_name", {"name"}}));
}

TEST(DiffApi, AsksNothingOnceTheRenameIsDecided) {
    auto questions = kit::diff::renameQuestions(pgWith({users({"id", "name"})}), pgWith({users({"id", "full_name"})}),
                                           {.columns = {{"public.users.name", "full_name"}}});
    EXPECT_TRUE(questions.empty());
}

TEST(DiffApi, AsksWhetherANewTableRenamesADroppedOne) {
    auto questions = kit::diff::renameQuestions(pgWith({users({"id"})}), pgWith({users({"id"}, "people")}), {});
    ASSERT_EQ(questions.size(), 1u);
    EXPECT_EQ(questions[0], (kit::diff::RenameQuestion{"table", "", "public.people", {"public.users"}}));
}

TEST(DiffApi, AsksNothingWhenOnlyAdding) {
    EXPECT_TRUE(kit::diff::renameQuestions(pgWith({users({"id"})}), pgWith({users({"id", "x"}), users({"id"}, "b")}), {}).empty());
}

TEST(DiffApi, RecordsRenamesInDrizzleMetaFormat) {
    auto result = kit::diff::diff(pgWith({users({"id", "name"})}), pgWith({users({"id", "full_name"}, "people")}),
                             {.tables = {{"public.users", "public.people"}}, .columns = {{"public.people.name", "full_name"}}});
    EXPECT_EQ(result.meta.tables, (std::vector<std::pair<std::string, std::string>>{{"\"users\"", "\"people\""}}));
    EXPECT_EQ(result.meta.columns,
              (std::vector<std::pair<std::string, std::string>>{{"\"people\".\"name\"", "\"people\".\"full_name\""}}));
}

TEST(DiffApi, RefusesARenameOfAMissingTable) {
    EXPECT_THROW(kit::diff::diff(pgWith({users({"id"})}), pgWith({users({"id"}, "people")}),
                            {.tables = {{"public.nope", "public.people"}}}),
                 Error);
}

std::vector<std::string> kindsOf(const kit::diff::Result& result) {
    std::vector<std::string> out;
    for (const auto& c : result.changes) out.emplace_back(kit::changeKindName(c.kind));
    return out;
}

Schema withDialect(Dialect d, std::vector<Table> tables) { return Schema{.dialect = d, .tables = std::move(tables)}; }

// users(id, name text, age text) -> users(id, name, age integer, email): a type changes, a column
// comes and one goes, as each dialect does it.
class TypedChanges : public ::testing::TestWithParam<Dialect> {
protected:
    Schema to() const {
        Table after = users({"id", "name", "age", "email"});
        after.columns[2].type = "integer";
        after.indexes.push_back({.name = "users_email_idx", .columns = {{.expression = "email"}}});
        return withDialect(GetParam(), {after});
    }
    kit::diff::Result result() const {
        return kit::diff::diff(withDialect(GetParam(), {users({"id", "name", "age", "nickname"})}), to(), {});
    }
};

TEST_P(TypedChanges, NameWhatChangesWithTheObjectsInvolved) {
    const auto r = result();
    const auto kinds = kindsOf(r);
    auto find = [&](kit::ChangeKind kind) -> const kit::Change* {
        for (const auto& c : r.changes)
            if (c.kind == kind) return &c;
        return nullptr;
    };
    switch (GetParam()) {
        case Dialect::postgresql: {
            EXPECT_EQ(kinds, (std::vector<std::string>{"setColumnType", "addColumn", "createIndex", "dropColumn"}));
            const kit::Change* type = find(kit::ChangeKind::setColumnType);
            ASSERT_NE(type, nullptr);
            EXPECT_EQ(type->table, "users");
            EXPECT_EQ(type->name, "age");
            EXPECT_EQ(std::get<Column>(type->before).type, "text");
            EXPECT_EQ(std::get<Column>(type->after).type, "integer");
            break;
        }
        case Dialect::mysql: {
            EXPECT_EQ(kinds, (std::vector<std::string>{"alterColumn", "addColumn", "createIndex", "dropColumn"}));
            EXPECT_EQ(std::get<Column>(find(kit::ChangeKind::alterColumn)->after).type, "integer");
            break;
        }
        case Dialect::sqlite: {
            // A type change rebuilds the table, which takes the new column and index with it.
            EXPECT_EQ(kinds, (std::vector<std::string>{"rebuildTable"}));
            EXPECT_EQ(r.changes[0].columns, (std::vector<std::string>{"id", "name", "age"}));
            EXPECT_EQ(std::get<Table>(r.changes[0].before).columns.size(), 4u);
            break;
        }
    }
    const kit::Change* dropped = find(kit::ChangeKind::dropColumn);
    if (GetParam() != Dialect::sqlite) {
        ASSERT_NE(dropped, nullptr);
        EXPECT_EQ(dropped->name, "nickname");
        EXPECT_EQ(std::get<Column>(dropped->before).name, "nickname");
        EXPECT_EQ(std::get<Column>(find(kit::ChangeKind::addColumn)->after).name, "email");
    }
}

// What push's --explain shows per change is what a migration runs.
TEST_P(TypedChanges, TheStatementsAreEachChangesStatementsInTurn) {
    const auto r = result();
    std::vector<std::string> printed;
    for (const auto& c : r.changes) {
        auto statements = kit::ddl::changeStatements(c, to());
        EXPECT_FALSE(statements.empty()) << kit::changeKindName(c.kind);
        printed.insert(printed.end(), statements.begin(), statements.end());
    }
    EXPECT_EQ(printed, r.statements);
}

TEST(DiffApi, WarnsOfWhatLocksOrRewritesAnExistingTable) {
    Table before = users({"id", "name", "age", "code"});
    before.columns[1].type = "varchar(10)";
    Table after = before;
    after.columns[1].type = "varchar(20)";  // relabelled in place: no warning
    after.columns[2].type = "integer";
    after.columns[3].notNull = true;
    after.indexes.push_back({.name = "users_age_idx", .columns = {{.expression = "age"}}});
    Table fresh = users({"id"}, "fresh");
    fresh.indexes.push_back({.name = "fresh_id_idx", .columns = {{.expression = "id"}}});
    const auto r = kit::diff::diff(pgWith({before}), pgWith({after, fresh}), {});
    const auto warnings = kit::diff::lockWarnings(Dialect::postgresql, r.changes);
    ASSERT_EQ(warnings.size(), 3u) << ::testing::PrintToString(warnings);
    EXPECT_EQ(warnings[0], "column users.age: the type change rewrites the table, which no one can read or write until it is done");
    EXPECT_EQ(warnings[1].rfind("column users.code: SET NOT NULL", 0), 0u) << warnings[1];
    EXPECT_EQ(warnings[2].rfind("index users_age_idx on users: building it blocks writes", 0), 0u) << warnings[2];

    Table concurrently = after;
    concurrently.columns = before.columns;
    concurrently.indexes[0].concurrently = true;
    EXPECT_TRUE(kit::diff::lockWarnings(Dialect::postgresql, kit::diff::diff(pgWith({before}), pgWith({concurrently}), {}).changes).empty());

    Table mysqlAfter = users({"id", "name", "age", "code"});
    mysqlAfter.columns[2].type = "int";
    const auto m = kit::diff::diff(withDialect(Dialect::mysql, {users({"id", "name", "age", "code"})}),
                                   withDialect(Dialect::mysql, {mysqlAfter}), {});
    const auto mysqlWarnings = kit::diff::lockWarnings(Dialect::mysql, m.changes);
    ASSERT_EQ(mysqlWarnings.size(), 1u);
    EXPECT_EQ(mysqlWarnings[0], "column users.age: the type change copies the table (ALGORITHM=COPY), blocking writes until it is done");
}

TEST(DiffApi, WarnsOfChangesThatSucceedOnlyIfTheRowsAllowThem) {
    Table before = users({"id", "name", "code"});
    Table after = before;
    after.columns[1].notNull = true;  // NULLs would block it
    after.columns.push_back({.name = "sku", .type = "text", .notNull = true});  // no default
    after.uniqueConstraints.push_back({.name = "users_code_unique", .columns = {"code"}});
    Table fresh = users({"id"}, "fresh");  // created here: no rows, no warning
    fresh.columns[0].notNull = true;
    fresh.uniqueConstraints.push_back({.name = "fresh_id_unique", .columns = {"id"}});
    const auto r = kit::diff::diff(pgWith({before}), pgWith({after, fresh}), {});
    const auto warnings = kit::diff::dataRiskWarnings(Dialect::postgresql, r.changes);
    ASSERT_EQ(warnings.size(), 3u) << ::testing::PrintToString(warnings);
    EXPECT_EQ(warnings[0], "column users.name becomes NOT NULL: rows holding NULL in it fail the migration");
    EXPECT_EQ(warnings[1], "column users.sku is added NOT NULL without a default: the migration fails if the table has rows");
    EXPECT_EQ(warnings[2], "a unique key over users (code): rows with the same values fail the migration");
}

INSTANTIATE_TEST_SUITE_P(Dialects, TypedChanges, ::testing::Values(Dialect::postgresql, Dialect::sqlite, Dialect::mysql),
                         [](const auto& info) { return std::string(dialectName(info.param)); });

TEST(DiffApi, RefusesToDiffAcrossDialects) {
    EXPECT_THROW(kit::diff::diff(Schema{.dialect = Dialect::sqlite}, Schema{.dialect = Dialect::mysql}, {}), Error);
}

}  // namespace
}  // namespace drizzle

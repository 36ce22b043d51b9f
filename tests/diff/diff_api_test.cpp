// The differ's API beyond statements: rename questions, `_meta`, errors.
#include <gtest/gtest.h>

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

TEST(DiffApi, RefusesToDiffAcrossDialects) {
    EXPECT_THROW(kit::diff::diff(Schema{.dialect = Dialect::sqlite}, Schema{.dialect = Dialect::mysql}, {}), Error);
}

}  // namespace
}  // namespace drizzle

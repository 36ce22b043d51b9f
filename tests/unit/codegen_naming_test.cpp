// Names in generated code: identifiers from SQL names, as a person would write them, and always
// valid C++.
#include <gtest/gtest.h>

#include "codegen/naming.hpp"

using namespace drizzle::codegen;

TEST(CodegenNaming, CamelCaseFromSnakePascalAndUpperCaseNames) {
    EXPECT_EQ(camelCase("user_id"), "userId");
    EXPECT_EQ(camelCase("FirstName"), "firstName");
    EXPECT_EQ(camelCase("ID"), "id");
    EXPECT_EQ(camelCase("customer_ID"), "customerId");
    EXPECT_EQ(camelCase("already camel"), "alreadyCamel");
    EXPECT_EQ(pascalCase("film_actor"), "FilmActor");
}

TEST(CodegenNaming, SingularAndPluralForTableAndRelationNames) {
    EXPECT_EQ(singular("users"), "user");
    EXPECT_EQ(singular("categories"), "category");
    EXPECT_EQ(singular("addresses"), "address");
    EXPECT_EQ(singular("status"), "status");
    EXPECT_EQ(singular("news"), "news");
    EXPECT_EQ(singular("film"), "film");
    EXPECT_EQ(plural("category"), "categories");
    EXPECT_EQ(plural("address"), "addresses");
    EXPECT_EQ(plural("day"), "days");
    EXPECT_EQ(plural("post"), "posts");
    EXPECT_EQ(plural("tasks"), "tasks");
    EXPECT_EQ(plural("status"), "statuses");
}

TEST(CodegenNaming, IdentifiersAreValidAndNotKeywords) {
    EXPECT_EQ(identifier("class"), "class_");
    EXPECT_EQ(identifier("2fa"), "n2fa");
    EXPECT_EQ(identifier("a-b c"), "a_b_c");
    EXPECT_EQ(identifier("_Reserved"), "x_Reserved");
    EXPECT_EQ(identifier("a__b"), "a_b");
    EXPECT_EQ(identifier(""), "unnamed");
}

TEST(CodegenNaming, ScopeHandsOutEachNameOnce) {
    Scope s;
    EXPECT_EQ(s.take("user"), "user");
    EXPECT_EQ(s.take("user"), "user2");
    EXPECT_EQ(s.take("user"), "user3");
    s.reserve("db");
    EXPECT_EQ(s.take("db"), "db2");
}

TEST(CodegenNaming, LiteralsHoldAnyTextExactly) {
    EXPECT_EQ(literal("plain"), "\"plain\"");
    EXPECT_EQ(literal("it's"), "\"it's\"");
    EXPECT_EQ(literal("say \"hi\""), "R\"(say \"hi\")\"");
    EXPECT_EQ(literal("a)\"b"), "R\"sql(a)\"b)sql\"");
    EXPECT_EQ(literal("line\nbreak"), "R\"(line\nbreak)\"");
}

// `drizzle-kit generate --json`: what was written, its statements and its warnings, for scripts.
#include <gtest/gtest.h>

#include <string>

#include "common/kit_project.hpp"

namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

std::string schema(bool withEmail) {
    return std::string("#pragma once\n#include <drizzle/sqlite.hpp>\n") +
           "struct User { std::int64_t id; " + (withEmail ? "std::optional<std::string> email; " : "") + "};\n" +
           "inline const auto users = drizzle::sqlite::sqliteTable<User>(\"users\", {\n" +
           "    drizzle::sqlite::integer<&User::id>(\"id\").primaryKey(),\n" +
           (withEmail ? "    drizzle::sqlite::text<&User::email>(\"email\"),\n" : "") + "});\n";
}

class GenerateJson : public KitProject {
protected:
    GenerateJson() : KitProject("generate_json") {}
    void SetUp() override {
        KitProject::SetUp();
        write("drizzle.config.json", R"({"dialect": "sqlite", "schema": "schema.hpp", "out": "drizzle"})");
    }
};

TEST_F(GenerateJson, ListsTheFileTheStatementsAndTheWarnings) {
    write("schema.hpp", schema(true));
    const auto first = kit({"generate", "--name", "users", "--json"});
    ASSERT_EQ(first.exitCode, 0) << first.err;
    EXPECT_TRUE(contains(first.out, "\"changed\": true")) << first.out;
    EXPECT_TRUE(contains(first.out, "\"tag\": \"0000_users\"")) << first.out;
    EXPECT_TRUE(contains(first.out, "CREATE TABLE `users`")) << first.out;
    EXPECT_TRUE(contains(first.out, "\"dataLossWarnings\": []")) << first.out;

    write("schema.hpp", schema(false));
    const auto drop = kit({"generate", "--name", "drop_email", "--json"});
    ASSERT_EQ(drop.exitCode, 0) << drop.err;
    EXPECT_TRUE(contains(drop.out, "ALTER TABLE `users` DROP COLUMN `email`;")) << drop.out;
    EXPECT_TRUE(contains(drop.out, "is dropped with its data")) << drop.out;
    EXPECT_TRUE(contains(drop.out, "\"lockWarnings\": []")) << drop.out;
    EXPECT_EQ(drop.err, "") << "the warnings are in the JSON, not on stderr";

    const auto nothing = kit({"generate", "--json"});
    ASSERT_EQ(nothing.exitCode, 0) << nothing.err;
    EXPECT_TRUE(contains(nothing.out, "\"changed\": false")) << nothing.out;
}

}  // namespace

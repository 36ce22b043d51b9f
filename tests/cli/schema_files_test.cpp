// Several schema files (a glob, as Drizzle's `schema: "./src/db/schema/*"`): each is compiled as a
// unit of its own and cached by what it read, so that editing one recompiles that one alone.
#include <gtest/gtest.h>

#include "common/kit_project.hpp"

namespace {

class SchemaFiles : public KitProject {
protected:
    SchemaFiles() : KitProject("schema_files") {}
    void SetUp() override {
        KitProject::SetUp();
        write("drizzle.config.json", R"({"dialect": "postgresql", "schema": "src/schema/*.hpp"})");
        write("src/schema/a_users.hpp", kUsers);
        write("src/schema/b_posts.hpp", kPosts);
        write("src/schema/c_tags.hpp", tags(""));
    }

    static std::string tags(const std::string& extraColumn) {
        return "#pragma once\n#include <drizzle/pg.hpp>\n#include <optional>\n#include <string>\n"
               "struct Tag { std::int32_t id; std::string label; std::optional<std::string> color; };\n"
               "inline const auto tags = drizzle::pg::pgTable<Tag>(\"tags\", {\n"
               "    drizzle::pg::serial<&Tag::id>(\"id\").primaryKey(),\n"
               "    drizzle::pg::text<&Tag::label>(\"label\").notNull(),\n" +
               extraColumn + "});\n";
    }

    static constexpr const char* kUsers =
        "#pragma once\n#include <drizzle/pg.hpp>\n#include <string>\n"
        "struct User { std::int32_t id; std::string email; };\n"
        "inline const auto users = drizzle::pg::pgTable<User>(\"users\", {\n"
        "    drizzle::pg::serial<&User::id>(\"id\").primaryKey(),\n"
        "    drizzle::pg::text<&User::email>(\"email\").notNull(),\n"
        "});\n";
    // Includes the users' file, as a file whose table references another's does.
    static constexpr const char* kPosts =
        "#pragma once\n#include \"a_users.hpp\"\n"
        "struct Post { std::int32_t id; std::int32_t authorId; };\n"
        "inline const auto posts = drizzle::pg::pgTable<Post>(\"posts\", {\n"
        "    drizzle::pg::serial<&Post::id>(\"id\").primaryKey(),\n"
        "    drizzle::pg::integer<&Post::authorId>(\"author_id\").notNull().references<&User::id>(),\n"
        "});\n";

};

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

TEST_F(SchemaFiles, EditingOneFileRecompilesThatFileAlone) {
    auto first = kit({"export", "--verbose"});
    ASSERT_EQ(first.exitCode, 0) << first.err;
    EXPECT_NE(first.err.find("compiled 3 of 3 schema files"), std::string::npos) << first.err;

    auto unchanged = kit({"export", "--verbose"});
    ASSERT_EQ(unchanged.exitCode, 0) << unchanged.err;
    EXPECT_NE(unchanged.err.find("reused the cached exporter"), std::string::npos) << unchanged.err;
    EXPECT_EQ(unchanged.out, first.out);

    write("src/schema/c_tags.hpp", tags("    drizzle::pg::text<&Tag::color>(\"color\"),\n"));
    auto edited = kit({"export", "--verbose"});
    ASSERT_EQ(edited.exitCode, 0) << edited.err;
    EXPECT_NE(edited.err.find("compiled 1 of 3 schema files"), std::string::npos) << edited.err;
    EXPECT_NE(edited.out.find("\"color\" text"), std::string::npos) << edited.out;
    EXPECT_EQ(first.out.find("\"color\" text"), std::string::npos) << first.out;
}

TEST_F(SchemaFiles, EditingAnIncludedFileRecompilesEveryFileThatIncludesIt) {
    ASSERT_EQ(kit({"export"}).exitCode, 0);
    std::string users = kUsers;
    users.replace(users.find("(\"email\")"), 9, "(\"mail\")");
    write("src/schema/a_users.hpp", users);
    auto r = kit({"export", "--verbose"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.err.find("compiled 2 of 3 schema files"), std::string::npos) << r.err;
    EXPECT_NE(r.out.find("\"mail\" text NOT NULL"), std::string::npos) << r.out;
}

TEST_F(SchemaFiles, ATableIncludedByTwoFilesIsDeclaredOnce) {
    auto r = kit({"export"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(count(r.out, "CREATE TABLE \"users\""), 1u) << r.out;
    EXPECT_EQ(count(r.out, "CREATE TABLE \"posts\""), 1u) << r.out;
    EXPECT_EQ(count(r.out, "CREATE TABLE \"tags\""), 1u) << r.out;
    EXPECT_NE(r.out.find("REFERENCES \"public\".\"users\"(\"id\")"), std::string::npos) << r.out;
}

TEST_F(SchemaFiles, ExportMatchesOneHeaderThatIncludesEveryFile) {
    auto several = kit({"export"});
    ASSERT_EQ(several.exitCode, 0) << several.err;
    write("src/all.hpp",
          "#pragma once\n#include \"schema/a_users.hpp\"\n#include \"schema/b_posts.hpp\"\n#include \"schema/c_tags.hpp\"\n");
    write("drizzle.config.json", R"({"dialect": "postgresql", "schema": "src/all.hpp"})");
    auto one = kit({"export"});
    ASSERT_EQ(one.exitCode, 0) << one.err;
    EXPECT_EQ(several.out, one.out);
}

TEST_F(SchemaFiles, AFileThatDoesNotCompileIsReportedAtItsLineAndTheOthersStayCached) {
    ASSERT_EQ(kit({"export"}).exitCode, 0);
    write("src/schema/c_tags.hpp", tags("    drizzle::pg::integer<&Tag::label>(\"label2\").notNull(),\n"));
    auto broken = kit({"export"});
    EXPECT_EQ(broken.exitCode, 4) << broken.err;
    EXPECT_NE(broken.err.find("c_tags.hpp:9"), std::string::npos) << broken.err;
    EXPECT_NE(broken.err.find("pg::integer needs a 32-bit integer member"), std::string::npos) << broken.err;

    write("src/schema/c_tags.hpp", tags("    drizzle::pg::text<&Tag::color>(\"color\"),\n"));
    auto fixed = kit({"export", "--verbose"});
    ASSERT_EQ(fixed.exitCode, 0) << fixed.err;
    EXPECT_NE(fixed.err.find("compiled 1 of 3 schema files"), std::string::npos) << fixed.err;
}

}  // namespace

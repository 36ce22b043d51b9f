// The library headers every exporter includes are precompiled once per compiler into the cache
// folder, and reused by every project; a broken one costs time, never a wrong or failed export.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "common/slurp.hpp"
#include "common/test_dir.hpp"
#include "util/process.hpp"

namespace fs = std::filesystem;

namespace {

const char* kSchema =
    "#pragma once\n#include <drizzle/sqlite.hpp>\n"
    "struct Note { std::int64_t id; std::string body; };\n"
    "inline const auto notes = drizzle::sqlite::sqliteTable<Note>(\"notes\", {\n"
    "    drizzle::sqlite::integer<&Note::id>(\"id\").primaryKey(),\n"
    "    drizzle::sqlite::text<&Note::body>(\"body\").notNull(),\n});\n";

class PrecompiledHeader : public ::testing::TestWithParam<const char*> {
protected:
    void SetUp() override {
        root_ = freshTestDir("pch");
        for (const char* project : {"a", "b"}) {
            fs::create_directories(root_ / project);
            std::ofstream(root_ / project / "schema.hpp") << kSchema;
            std::ofstream(root_ / project / "drizzle.config.json") << R"({"dialect": "sqlite", "schema": "schema.hpp"})";
        }
        setenv("DRIZZLE_CACHE_DIR", (root_ / "cache").c_str(), 1);
        setenv("DRIZZLE_CXX", GetParam(), 1);
    }
    void TearDown() override {
        unsetenv("DRIZZLE_CACHE_DIR");
        unsetenv("DRIZZLE_CXX");
        fs::remove_all(root_);
    }
    drizzle::util::ProcessResult exportIn(const std::string& project) {
        fs::remove_all(root_ / project / ".drizzle");  // compile the exporter again
        return drizzle::util::runProcess({DRIZZLE_KIT_BIN, "export", "--verbose"}, (root_ / project).string());
    }
    // The precompiled header's file (.pch for clang, .gch for GCC).
    fs::path artifact() const {
        for (const auto& e : fs::recursive_directory_iterator(root_ / "cache"))
            if (e.path().extension() == ".pch" || e.path().extension() == ".gch") return e.path();
        return {};
    }

    fs::path root_;
};

TEST_P(PrecompiledHeader, BuiltOnceThenReusedByAnotherProject) {
    const auto first = exportIn("a");
    ASSERT_EQ(first.exitCode, 0) << first.err;
    EXPECT_NE(first.err.find("(precompiled library headers built)"), std::string::npos) << first.err;
    ASSERT_FALSE(artifact().empty());
    const auto second = exportIn("b");
    ASSERT_EQ(second.exitCode, 0) << second.err;
    EXPECT_NE(second.err.find("(precompiled library headers reused)"), std::string::npos) << second.err;
    EXPECT_EQ(second.out, first.out);
}

TEST_P(PrecompiledHeader, ExportIsTheSameWithoutOne) {
    const auto with = exportIn("a");
    ASSERT_EQ(with.exitCode, 0) << with.err;
    // A cache folder that cannot be created (a file stands where it would be): no precompiled header.
    std::ofstream(root_ / "blocked") << "";
    setenv("DRIZZLE_CACHE_DIR", (root_ / "blocked" / "cache").c_str(), 1);
    const auto without = exportIn("b");
    ASSERT_EQ(without.exitCode, 0) << without.err;
    EXPECT_NE(without.err.find("(without precompiled library headers)"), std::string::npos) << without.err;
    EXPECT_EQ(without.out, with.out);
}

TEST_P(PrecompiledHeader, CorruptedOneIsRebuiltAndTheExportSucceeds) {
    ASSERT_EQ(exportIn("a").exitCode, 0);
    const fs::path file = artifact();
    ASSERT_FALSE(file.empty());
    const std::string bytes = slurp(file);
    std::ofstream(file, std::ios::binary | std::ios::trunc) << bytes.substr(0, bytes.size() / 3);
    const auto broken = exportIn("b");
    ASSERT_EQ(broken.exitCode, 0) << broken.err;
    EXPECT_NE(broken.out.find("CREATE TABLE `notes`"), std::string::npos) << broken.out;
    const auto next = exportIn("a");
    ASSERT_EQ(next.exitCode, 0) << next.err;
    EXPECT_NE(next.err.find("(precompiled library headers built)"), std::string::npos)
        << "the broken one was dropped and built again\n" << next.err;
    EXPECT_EQ(slurp(artifact()).size() > bytes.size() / 2, true);
}

INSTANTIATE_TEST_SUITE_P(Compilers, PrecompiledHeader, ::testing::Values("clang++", "g++"),
                         [](const ::testing::TestParamInfo<const char*>& info) {
                             return std::string(info.param) == "clang++" ? std::string("clang") : std::string("gcc");
                         });

}  // namespace

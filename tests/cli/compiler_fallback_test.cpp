// drizzle-kit prefers clang++ and falls back to the project's compiler when clang++ refuses the
// schema. The fallback must be said (--verbose), since a declaration only one compiler accepts
// is a portability problem for the application that includes the same header.
#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

#include "common/kit_project.hpp"

namespace {

class CompilerFallback : public KitProject {
protected:
    CompilerFallback() : KitProject("compiler_fallback") {}
};

TEST_F(CompilerFallback, ASchemaOnlyTheSecondCompilerAcceptsIsExportedAndTheFallbackSaid) {
    const std::string own = DRIZZLE_CXX_COMPILER;
    if (own.find("clang") != std::string::npos || std::system("command -v clang++ >/dev/null 2>&1") != 0)
        GTEST_SKIP() << "needs clang++ installed and a project compiler other than clang";
    write("drizzle.config.json", R"({"dialect": "sqlite", "schema": "schema.hpp", "out": "drizzle"})");
    write("schema.hpp", R"cpp(#pragma once
#ifdef __clang__
#error "this schema is for the other compiler"
#endif
#include <drizzle/sqlite.hpp>
struct Item { std::int64_t id; };
inline const auto items = drizzle::sqlite::sqliteTable<Item>("items", {
    drizzle::sqlite::integer<&Item::id>("id").primaryKey(),
});
)cpp");
    const auto r = kit({"export", "--verbose"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("CREATE TABLE `items`"), std::string::npos) << r.out;
    const std::string said = r.out + r.err;
    EXPECT_NE(said.find("clang++ failed: "), std::string::npos) << said;
    EXPECT_NE(said.find("this schema is for the other compiler"), std::string::npos) << said;
    EXPECT_NE(said.find("so the next compiler was used"), std::string::npos) << said;
}

}  // namespace

// The differ's data-driven suite: every case in tests/diff/cases/<dialect>/*.case is checked for
// its expected statements, for idempotency (a schema diffed against itself is empty, both sides),
// and for the first-migration property (from nothing, the statements are createStatements).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "case_file.hpp"
#include "drizzle/kit/ddl.hpp"

namespace drizzle::difftest {
namespace {

struct Loaded {
    Case c;
    std::string loadError;  // a case file that does not parse is one failing test
};

std::vector<Loaded> loadAll() {
    std::vector<Loaded> out;
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::recursive_directory_iterator(DRIZZLE_DIFF_CASES_DIR))
        if (e.path().extension() == ".case") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
        try {
            for (auto& c : readCases(f)) {
                c.name = f.parent_path().filename().string() + "_" + c.name;
                out.push_back({std::move(c), ""});
            }
        } catch (const std::exception& e) {
            out.push_back({Case{.name = f.parent_path().filename().string() + "_" + f.stem().string() + "_unreadable"},
                           e.what()});
        }
    }
    return out;
}

std::vector<std::string> normalized(const std::vector<std::string>& statements) {
    std::vector<std::string> out;
    for (const auto& s : statements) out.push_back(normalizeStatement(s));
    return out;
}

std::string listing(const std::vector<std::string>& statements) {
    std::string out;
    for (const auto& s : statements) out += s + "\n";
    return out;
}

void PrintTo(const Loaded& l, std::ostream* os) { *os << l.c.source; }

class DiffCase : public testing::TestWithParam<Loaded> {};

TEST_P(DiffCase, ProducesExpectedStatements) {
    const auto& [c, loadError] = GetParam();
    ASSERT_EQ(loadError, "");
    SCOPED_TRACE(c.source);
    auto result = kit::diff::diff(c.from, c.to, c.renames);
    EXPECT_EQ(listing(normalized(result.statements)), listing(c.sql));
    if (c.checkWarnings) {
        ASSERT_EQ(result.dataLossWarnings.size(), c.warnings.size()) << listing(result.dataLossWarnings);
        for (std::size_t i = 0; i < c.warnings.size(); ++i)
            EXPECT_NE(result.dataLossWarnings[i].find(c.warnings[i]), std::string::npos) << result.dataLossWarnings[i];
    }
}

TEST_P(DiffCase, IsEmptyAgainstItself) {
    const auto& [c, loadError] = GetParam();
    ASSERT_EQ(loadError, "");
    EXPECT_EQ(listing(kit::diff::diff(c.to, c.to, {}).statements), "");
    EXPECT_EQ(listing(kit::diff::diff(c.from, c.from, {}).statements), "");
}

TEST_P(DiffCase, FromNothingEqualsCreateStatements) {
    const auto& [c, loadError] = GetParam();
    ASSERT_EQ(loadError, "");
    model::Schema empty{.dialect = c.to.dialect};
    EXPECT_EQ(listing(kit::diff::diff(empty, c.to, {}).statements), listing(kit::ddl::createStatements(c.to)));
}

std::string testName(const testing::TestParamInfo<Loaded>& info) {
    std::string out;
    for (char ch : info.param.c.name) out += std::isalnum(static_cast<unsigned char>(ch)) ? ch : '_';
    return out;
}

INSTANTIATE_TEST_SUITE_P(Cases, DiffCase, testing::ValuesIn(loadAll()), testName);

}  // namespace
}  // namespace drizzle::difftest

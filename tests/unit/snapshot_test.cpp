// Snapshots written by the real drizzle-kit 0.31 (tests/fixtures/drizzle-kit) read into the
// model and write back to the same bytes.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "drizzle/error.hpp"
#include "drizzle/kit/snapshot.hpp"
#include "common/slurp.hpp"

namespace {

std::string fixturePath(const std::string& dialect, const std::string& name) {
    return std::string(DRIZZLE_FIXTURES_DIR) + "/drizzle-kit/" + dialect + "/" + name + "/out/meta/0000_snapshot.json";
}

class DrizzleKitSnapshot : public ::testing::TestWithParam<std::pair<std::string, std::string>> {};

TEST_P(DrizzleKitSnapshot, ReadsAndWritesBackByteForByte) {
    const auto [dialect, name] = GetParam();
    const std::string path = fixturePath(dialect, name);
    const std::string original = slurp(path);
    ASSERT_FALSE(original.empty()) << path;
    const auto model = drizzle::kit::snapshot::read(original, path);
    EXPECT_EQ(drizzle::kit::snapshot::write(model), original);
}

TEST_P(DrizzleKitSnapshot, WrittenSnapshotReadsBackToAnEquivalentModel) {
    const auto [dialect, name] = GetParam();
    const auto model = drizzle::kit::snapshot::readFile(fixturePath(dialect, name));
    const auto again = drizzle::kit::snapshot::read(drizzle::kit::snapshot::write(model), "written");
    EXPECT_TRUE(drizzle::model::equivalent(model, again)) << drizzle::kit::snapshot::firstDifference(model, again);
    EXPECT_EQ(model, again);
}

INSTANTIATE_TEST_SUITE_P(AllCases, DrizzleKitSnapshot,
                         ::testing::Values(std::pair{"pg", "basic"}, std::pair{"pg", "full"}, std::pair{"sqlite", "basic"},
                                           std::pair{"sqlite", "full"}, std::pair{"mysql", "basic"},
                                           std::pair{"mysql", "full"}),
                         [](const auto& info) { return info.param.first + "_" + info.param.second; });

std::string readError(const std::string& json) {
    try {
        drizzle::kit::snapshot::read(json, "meta/0001_snapshot.json");
    } catch (const drizzle::Error& e) {
        EXPECT_EQ(e.category(), drizzle::ErrorCategory::snapshot);
        return e.what();
    }
    return "";
}

TEST(SnapshotReader, RejectsInvalidJsonNamingTheFile) {
    EXPECT_EQ(readError("{\"version\": "), "meta/0001_snapshot.json: not valid JSON (byte 13)");
}

TEST(SnapshotReader, RejectsTooNewVersionSayingWhatToDo) {
    const std::string msg = readError(R"({"version":"8","dialect":"postgresql","id":"x","prevId":"y","tables":{}})");
    EXPECT_NE(msg.find("meta/0001_snapshot.json: version: snapshot version 8 is newer"), std::string::npos) << msg;
}

TEST(SnapshotReader, RejectsOldVersionPointingToUp) {
    const std::string msg = readError(R"({"version":"5","dialect":"sqlite","id":"x","prevId":"y","tables":{}})");
    EXPECT_NE(msg.find("drizzle-kit up"), std::string::npos) << msg;
}

TEST(SnapshotReader, NamesTheFieldWithTheWrongType) {
    std::string json = slurp(fixturePath("pg", "basic"));
    const std::string needle = "\"notNull\": true";
    json.replace(json.find(needle), needle.size(), "\"notNull\": \"yes\"");
    EXPECT_EQ(readError(json),
              "meta/0001_snapshot.json: tables.\"public.posts\".columns.id.notNull: expected a boolean, found a string");
}

TEST(SnapshotReader, NamesTheMissingField) {
    std::string json = slurp(fixturePath("sqlite", "basic"));
    const std::string needle = "\"tableFrom\": ";
    json.replace(json.find(needle), needle.size(), "\"tableFromX\": ");
    const std::string msg = readError(json);
    EXPECT_NE(msg.find(".tableFrom: missing"), std::string::npos) << msg;
}

TEST(SnapshotReader, RejectsUnknownDialect) {
    EXPECT_EQ(readError(R"({"version":"7","dialect":"oracle"})"),
              "meta/0001_snapshot.json: dialect: unknown dialect \"oracle\" (expected postgresql, sqlite or mysql)");
}

// ---------------------------------------------------------------- headers

std::string headerError(const std::string& json) {
    try {
        drizzle::kit::snapshot::readHeader(json, "meta/0001_snapshot.json");
    } catch (const drizzle::Error& e) {
        EXPECT_EQ(e.category(), drizzle::ErrorCategory::snapshot);
        return e.what();
    }
    return "";
}

TEST(SnapshotHeader, ReadsTheChainFieldsOfEveryFixtureAsTheFullReaderDoes) {
    for (const char* dialect : {"pg", "sqlite", "mysql"}) {
        const std::string json = slurp(fixturePath(dialect, "basic"));
        const auto full = drizzle::kit::snapshot::read(json, "basic");
        const auto header = drizzle::kit::snapshot::readHeader(json, "basic");
        EXPECT_EQ(header.dialect, full.dialect) << dialect;
        EXPECT_EQ(header.id, full.id) << dialect;
        EXPECT_EQ(header.prevId, full.prevId) << dialect;
    }
}

TEST(SnapshotHeader, FindsTheFieldsAfterNestedValuesWithQuotesAndBrackets) {
    const auto h = drizzle::kit::snapshot::readHeader(
        R"( { "tables": {"a\"}": {"x": [1, {"y": "]}"}, -2.5e3, true, null]}}, "n": 0,)"
        R"( "prevId": "p\u0041", "id" : "i", "version": "6", "dialect": "sqlite", "views": {"broken": )",
        "s");
    EXPECT_EQ(h.dialect, drizzle::Dialect::sqlite);
    EXPECT_EQ(h.id, "i");
    EXPECT_EQ(h.prevId, "p\\u0041") << "an escape it does not need is kept as written";
}

TEST(SnapshotHeader, SaysWhatTheFullReaderSaysAboutDialectAndVersion) {
    EXPECT_EQ(headerError(R"({"version":"7","dialect":"oracle","id":"x","prevId":"y"})"),
              "meta/0001_snapshot.json: dialect: unknown dialect \"oracle\" (expected postgresql, sqlite or mysql)");
    EXPECT_NE(headerError(R"({"version":"5","dialect":"sqlite","id":"x","prevId":"y"})").find("drizzle-kit up"),
              std::string::npos);
    EXPECT_NE(headerError(R"({"version":"8","dialect":"postgresql","id":"x","prevId":"y"})")
                  .find("version: snapshot version 8 is newer"),
              std::string::npos);
}

TEST(SnapshotHeader, NamesAMissingOrMistypedField) {
    EXPECT_EQ(headerError(R"({"version":"6","dialect":"sqlite","prevId":"y","tables":{}})"),
              "meta/0001_snapshot.json: id: missing");
    EXPECT_EQ(headerError(R"({"version":"6","dialect":"sqlite","id":7,"prevId":"y"})"),
              "meta/0001_snapshot.json: id: expected a string");
}

TEST(SnapshotHeader, RejectsTextThatIsNotAJsonObjectNamingTheByte) {
    EXPECT_EQ(headerError(""), "meta/0001_snapshot.json: not valid JSON (byte 1)");
    EXPECT_EQ(headerError("[1]"), "meta/0001_snapshot.json: not valid JSON (byte 1)");
    EXPECT_EQ(headerError(R"({"version": "6", "tables": {"a": [)"), "meta/0001_snapshot.json: not valid JSON (byte 35)");
    EXPECT_NE(headerError("{\"id\": \"a\nb\"}").find("not valid JSON"), std::string::npos) << "a raw newline in a string";
}

}  // namespace

// meta/_journal.json and migration files, as drizzle-kit 0.31 writes them: read, written back
// byte for byte, split into statements as Drizzle ORM's migrator splits them, and every kind of
// malformation refused with a message that names the file, the entry and the field.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "drizzle/error.hpp"
#include "drizzle/kit/journal.hpp"

namespace {

namespace fs = std::filesystem;
using namespace drizzle;

const fs::path fixtures = fs::path(DRIZZLE_FIXTURES_DIR) / "drizzle-kit";

std::string readBytes(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void writeBytes(const fs::path& file, const std::string& text) {
    fs::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary | std::ios::trunc) << text;
}

std::vector<fs::path> fixtureFolders() {
    std::vector<fs::path> out;
    for (const char* dialect : {"pg", "sqlite", "mysql"})
        for (const char* name : {"basic", "full"}) out.push_back(fixtures / dialect / name / "out");
    return out;
}

class ScratchFolder {
public:
    ScratchFolder() {
        path_ = fs::temp_directory_path() /
                ("drizzle-journal-test-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
                 ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(path_);
        fs::create_directories(path_ / "meta");
    }
    ~ScratchFolder() { fs::remove_all(path_); }
    const fs::path& path() const { return path_; }

private:
    fs::path path_;
};

// The error parseJournal throws for `json`, or "" when it accepts it.
Error parseError(const std::string& json) {
    try {
        kit::parseJournal(json, "drizzle/meta/_journal.json");
    } catch (const Error& e) {
        return e;
    }
    return Error(ErrorCategory::internal, "");
}

const char* const twoEntries = R"({
  "version": "7",
  "dialect": "postgresql",
  "entries": [
    { "idx": 0, "version": "7", "when": 1000, "tag": "0000_a", "breakpoints": true },
    { "idx": 1, "version": "7", "when": 2000, "tag": "0001_b", "breakpoints": true }
  ]
})";

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    return text.replace(at, from.size(), to);
}

TEST(Journal, RoundTripsDrizzleKitFixturesByteForByte) {
    for (const fs::path& folder : fixtureFolders()) {
        const std::string original = readBytes(kit::journalPath(folder));
        ASSERT_FALSE(original.empty()) << folder;
        const kit::Journal journal = kit::readJournal(folder);
        EXPECT_EQ(kit::journalJson(journal), original) << folder;
    }
}

TEST(Journal, ReadsEntryFields) {
    const kit::Journal journal = kit::readJournal(fixtures / "pg" / "basic" / "out");
    EXPECT_EQ(journal.version, "7");
    EXPECT_EQ(journal.dialect, "postgresql");
    ASSERT_EQ(journal.entries.size(), 1u);
    EXPECT_EQ(journal.entries[0].idx, 0);
    EXPECT_EQ(journal.entries[0].version, "7");
    EXPECT_EQ(journal.entries[0].tag, "0000_init");
    EXPECT_TRUE(journal.entries[0].breakpoints);
    EXPECT_GT(journal.entries[0].when, 1'700'000'000'000);
}

TEST(Journal, WriterProducesDrizzleKitLayoutWithoutTrailingNewline) {
    ScratchFolder dir;
    kit::Journal journal;
    journal.dialect = "sqlite";
    journal.entries.push_back({0, "6", 1700000000000, "0000_init", true});
    journal.entries.push_back({1, "6", 1700000000001, "0001_next", false});
    kit::writeJournal(dir.path(), journal);
    EXPECT_EQ(readBytes(dir.path() / "meta" / "_journal.json"),
              "{\n  \"version\": \"7\",\n  \"dialect\": \"sqlite\",\n  \"entries\": [\n"
              "    {\n      \"idx\": 0,\n      \"version\": \"6\",\n      \"when\": 1700000000000,\n"
              "      \"tag\": \"0000_init\",\n      \"breakpoints\": true\n    },\n"
              "    {\n      \"idx\": 1,\n      \"version\": \"6\",\n      \"when\": 1700000000001,\n"
              "      \"tag\": \"0001_next\",\n      \"breakpoints\": false\n    }\n  ]\n}");
    EXPECT_EQ(kit::readJournal(dir.path()).entries.size(), 2u);
}

TEST(Journal, EmptyJournalIsWrittenAsDrizzleKitDoes) {
    kit::Journal journal;
    journal.dialect = "mysql";
    EXPECT_EQ(kit::journalJson(journal), "{\n  \"version\": \"7\",\n  \"dialect\": \"mysql\",\n  \"entries\": []\n}");
}

TEST(Journal, RefusesInvalidJson) {
    const Error e = parseError("{ \"version\": \"7\", ");
    EXPECT_EQ(e.category(), ErrorCategory::snapshot);
    EXPECT_NE(std::string(e.what()).find("drizzle/meta/_journal.json: not valid JSON"), std::string::npos) << e.what();
    EXPECT_FALSE(e.hint().empty());
}

TEST(Journal, RefusesMissingEntries) {
    const Error e = parseError(R"({"version": "7", "dialect": "sqlite"})");
    EXPECT_EQ(e.category(), ErrorCategory::snapshot);
    EXPECT_NE(std::string(e.what()).find("has no \"entries\" field"), std::string::npos) << e.what();
}

TEST(Journal, RefusesEntryWithoutWhenNamingTheEntry) {
    const Error e = parseError(replaced(twoEntries, "\"when\": 2000, ", ""));
    EXPECT_EQ(e.category(), ErrorCategory::snapshot);
    EXPECT_NE(std::string(e.what()).find("drizzle/meta/_journal.json: entries[1] (tag \"0001_b\") has no \"when\" field"),
              std::string::npos)
        << e.what();
}

TEST(Journal, RefusesWhenOfWrongType) {
    const Error e = parseError(replaced(twoEntries, "\"when\": 2000", "\"when\": \"2000\""));
    EXPECT_NE(std::string(e.what()).find("entries[1] (tag \"0001_b\"): \"when\" must be an integer (milliseconds since "
                                         "1970), not a string \"2000\""),
              std::string::npos)
        << e.what();
}

TEST(Journal, RefusesFractionalWhen) {
    const Error e = parseError(replaced(twoEntries, "\"when\": 2000", "\"when\": 2000.5"));
    EXPECT_NE(std::string(e.what()).find("\"when\" must be an integer"), std::string::npos) << e.what();
}

TEST(Journal, RefusesTagOfWrongType) {
    const Error e = parseError(replaced(twoEntries, "\"tag\": \"0001_b\"", "\"tag\": 1"));
    EXPECT_NE(std::string(e.what()).find("entries[1]: \"tag\" must be a string"), std::string::npos) << e.what();
}

TEST(Journal, RefusesBreakpointsOfWrongType) {
    const Error e = parseError(replaced(twoEntries, "\"tag\": \"0000_a\", \"breakpoints\": true", "\"tag\": \"0000_a\", \"breakpoints\": \"yes\""));
    EXPECT_NE(std::string(e.what()).find("entries[0] (tag \"0000_a\"): \"breakpoints\" must be true or false"),
              std::string::npos)
        << e.what();
}

TEST(Journal, RefusesIdxOfWrongType) {
    const Error e = parseError(replaced(twoEntries, "\"idx\": 1", "\"idx\": null"));
    EXPECT_NE(std::string(e.what()).find("entries[1] (tag \"0001_b\"): \"idx\" must be an integer, not null"),
              std::string::npos)
        << e.what();
}

TEST(Journal, RefusesEntryThatIsNotAnObject) {
    const Error e = parseError(R"({"version": "7", "dialect": "sqlite", "entries": [42]})");
    EXPECT_NE(std::string(e.what()).find("entries[0] must be an object"), std::string::npos) << e.what();
}

TEST(Journal, RefusesDuplicateWhen) {
    const Error e = parseError(replaced(twoEntries, "\"when\": 2000", "\"when\": 1000"));
    EXPECT_EQ(e.category(), ErrorCategory::snapshot);
    EXPECT_NE(std::string(e.what()).find("entries[1] (tag \"0001_b\"): \"when\" 1000 is not later than entries[0] (tag "
                                         "\"0000_a\")'s 1000"),
              std::string::npos)
        << e.what();
    EXPECT_NE(e.hint().find("must increase"), std::string::npos) << e.hint();
}

TEST(Journal, RefusesDecreasingWhen) {
    const Error e = parseError(replaced(twoEntries, "\"when\": 2000", "\"when\": 999"));
    EXPECT_NE(std::string(e.what()).find("\"when\" 999 is not later than"), std::string::npos) << e.what();
}

TEST(Journal, RefusesDuplicateTag) {
    const Error e = parseError(replaced(twoEntries, "\"tag\": \"0001_b\"", "\"tag\": \"0000_a\""));
    EXPECT_NE(std::string(e.what()).find("entries[1] (tag \"0000_a\") repeats the tag of entries[0]"), std::string::npos)
        << e.what();
}

TEST(Journal, RefusesDuplicateIdx) {
    const Error e = parseError(replaced(twoEntries, "\"idx\": 1", "\"idx\": 0"));
    EXPECT_EQ(e.category(), ErrorCategory::snapshot);
    EXPECT_NE(std::string(e.what()).find("drizzle/meta/_journal.json: entries[1] (tag \"0001_b\") repeats the idx 0 of entries[0]"),
              std::string::npos)
        << e.what();
    EXPECT_NE(e.hint().find("renumber"), std::string::npos) << e.hint();
}

TEST(Journal, RefusesUnknownVersionSayingWhichItReads) {
    for (const char* version : {"8", "4", "seven", ""}) {
        const Error e = parseError(replaced(twoEntries, "\"version\": \"7\",\n  \"dialect\"",
                                            std::string("\"version\": \"") + version + "\",\n  \"dialect\""));
        EXPECT_EQ(e.category(), ErrorCategory::snapshot) << version;
        EXPECT_NE(std::string(e.what()).find("journal version \"" + std::string(version) + "\" is not one this drizzle-kit reads (5, 6 or 7)"),
                  std::string::npos)
            << e.what();
    }
}

// drizzle-kit before 0.21 wrote journal version "5" (0.21: "6"), with the same entries.
TEST(Journal, AcceptsVersionsOfOlderDrizzleKit) {
    for (const char* version : {"5", "6"}) {
        const auto journal = kit::parseJournal(replaced(twoEntries, "\"version\": \"7\",\n  \"dialect\"",
                                                        std::string("\"version\": \"") + version + "\",\n  \"dialect\""),
                                               "drizzle/meta/_journal.json");
        EXPECT_EQ(journal.version, version);
        EXPECT_EQ(journal.entries.size(), 2u);
    }
}

TEST(Journal, RewriteLeavesNoTemporaryBehind) {
    ScratchFolder dir;
    writeBytes(dir.path() / "meta" / "_journal.json", twoEntries);
    kit::Journal journal = kit::readJournal(dir.path());
    journal.entries.pop_back();
    kit::writeJournal(dir.path(), journal);
    EXPECT_EQ(kit::readJournal(dir.path()).entries.size(), 1u);
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir.path() / "meta")) names.push_back(e.path().filename().string());
    EXPECT_EQ(names, std::vector<std::string>{"_journal.json"});
}

TEST(Journal, RewriteKeepsTheFilesPermissions) {
    ScratchFolder dir;
    const fs::path file = dir.path() / "meta" / "_journal.json";
    writeBytes(file, twoEntries);
    fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
    kit::writeJournal(dir.path(), kit::readJournal(dir.path()));
    EXPECT_EQ(fs::status(file).permissions(), fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
}

TEST(Journal, RefusesTagThatLeavesTheFolder) {
    const Error e = parseError(replaced(twoEntries, "\"tag\": \"0001_b\"", "\"tag\": \"../0001_b\""));
    EXPECT_NE(std::string(e.what()).find("\"tag\" must name a file in the migrations folder"), std::string::npos)
        << e.what();
}

TEST(Journal, MissingJournalSaysWhereItLooked) {
    ScratchFolder dir;
    try {
        kit::readJournal(dir.path());
        FAIL() << "no error";
    } catch (const Error& e) {
        EXPECT_EQ(e.category(), ErrorCategory::snapshot);
        EXPECT_NE(std::string(e.what()).find((dir.path() / "meta" / "_journal.json").string() + ": not found"),
                  std::string::npos)
            << e.what();
        EXPECT_NE(e.hint().find("--out"), std::string::npos) << e.hint();
    }
}

TEST(Journal, MissingFolderSaysSoAndHowToGetOne) {
    ScratchFolder dir;
    try {
        kit::readJournal(dir.path() / "nowhere");
        FAIL() << "no error";
    } catch (const Error& e) {
        EXPECT_EQ(e.category(), ErrorCategory::snapshot);
        EXPECT_NE(std::string(e.what()).find((dir.path() / "nowhere").string() + ": no such migrations folder"),
                  std::string::npos)
            << e.what();
        EXPECT_NE(e.hint().find("run drizzle-kit generate first"), std::string::npos) << e.hint();
    }
}

TEST(Journal, MissingSqlFileNamesEntryAndFile) {
    ScratchFolder dir;
    writeBytes(dir.path() / "meta" / "_journal.json", twoEntries);
    writeBytes(dir.path() / "0000_a.sql", "SELECT 1;");
    try {
        kit::readMigrations(dir.path());
        FAIL() << "no error";
    } catch (const Error& e) {
        EXPECT_EQ(e.category(), ErrorCategory::snapshot);
        EXPECT_NE(std::string(e.what()).find("entries[1] (tag \"0001_b\") names " + (dir.path() / "0001_b.sql").string() +
                                             ", which does not exist"),
                  std::string::npos)
            << e.what();
    }
}

TEST(Migrations, HashIsSha256OfTheFileBytes) {
    // sha256sum of the committed fixture file (what drizzle-orm's migrator records for it).
    const auto migrations = kit::readMigrations(fixtures / "pg" / "basic" / "out");
    ASSERT_EQ(migrations.size(), 1u);
    EXPECT_EQ(migrations[0].hash, "20130ca52dd2a39a7bc42bb5478b2c5ffdc842fed0e6ad52233f24cb8795d85e");
    EXPECT_EQ(migrations[0].sql, readBytes(fixtures / "pg" / "basic" / "out" / "0000_init.sql"));
    EXPECT_EQ(migrations[0].entry.when, kit::readJournal(fixtures / "pg" / "basic" / "out").entries[0].when);
}

TEST(Migrations, SplitsOnBreakpointsWithLineNumbers) {
    const auto migrations = kit::readMigrations(fixtures / "pg" / "basic" / "out");
    const auto& statements = migrations.at(0).statements;
    ASSERT_EQ(statements.size(), 4u);
    EXPECT_EQ(statements[0].line, 1);
    EXPECT_EQ(statements[1].line, 7);
    EXPECT_EQ(statements[2].line, 15);
    EXPECT_EQ(statements[3].line, 16);
    EXPECT_EQ(statements[1].sql.substr(0, 21), "\nCREATE TABLE \"users\"");
}

TEST(Migrations, PiecesJoinBackToTheFileAsDrizzleSplitsThem) {
    for (const fs::path& folder : fixtureFolders()) {
        for (const kit::Migration& m : kit::readMigrations(folder)) {
            std::string joined;
            for (std::size_t i = 0; i < m.statements.size(); ++i)
                joined += (i == 0 ? "" : "--> statement-breakpoint") + m.statements[i].sql;
            EXPECT_EQ(joined, m.sql) << m.file;
        }
    }
}

TEST(Migrations, DropsBlankPieces) {
    const auto statements = kit::splitStatements("SELECT 1;\n--> statement-breakpoint\n  \n--> statement-breakpoint\nSELECT 2;\n--> statement-breakpoint\n");
    ASSERT_EQ(statements.size(), 2u);
    EXPECT_EQ(statements[0].sql, "SELECT 1;\n");
    EXPECT_EQ(statements[1].sql, "\nSELECT 2;\n");
    EXPECT_EQ(statements[1].line, 5);
}

TEST(Migrations, FileWithoutBreakpointsIsOneStatement) {
    const auto statements = kit::splitStatements("-- custom\nCREATE TABLE a (id int);\nCREATE TABLE b (id int);\n");
    ASSERT_EQ(statements.size(), 1u);
    EXPECT_EQ(statements[0].line, 1);
}

TEST(Migrations, FirstLineMarkerOptsOutOfTheTransaction) {
    ScratchFolder dir;
    writeBytes(dir.path() / "meta" / "_journal.json", twoEntries);
    writeBytes(dir.path() / "0000_a.sql", "-- drizzle:no-transaction\r\nCREATE INDEX CONCURRENTLY i ON t (c);");
    writeBytes(dir.path() / "0001_b.sql", "SELECT 1;\n-- drizzle:no-transaction\n");
    const auto migrations = kit::readMigrations(dir.path());
    EXPECT_TRUE(migrations[0].noTransaction);
    EXPECT_FALSE(migrations[1].noTransaction) << "only the first line counts";
}

}  // namespace

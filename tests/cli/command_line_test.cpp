// The command line itself: what drizzle-kit says when the command is missing or mistyped.
#include <gtest/gtest.h>

#include <filesystem>

#include "util/process.hpp"

namespace {

drizzle::util::ProcessResult kit(std::vector<std::string> args) {
    args.insert(args.begin(), DRIZZLE_KIT_BIN);
    return drizzle::util::runProcess(args, std::filesystem::temp_directory_path().string());
}

}  // namespace

TEST(CommandLine, UnknownCommandListsTheCommandsAndSuggestsTheNearest) {
    const auto r = kit({"generat", "--name", "x"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("unknown command 'generat'"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("export, generate, migrate, pull"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("did you mean drizzle-kit generate?"), std::string::npos) << r.err;
}

TEST(CommandLine, UnrelatedWordListsTheCommandsWithoutAGuess) {
    const auto r = kit({"frobnicate"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("unknown command 'frobnicate'; the commands are export, generate, migrate, pull"),
              std::string::npos)
        << r.err;
    EXPECT_EQ(r.err.find("did you mean"), std::string::npos) << r.err;
}

TEST(CommandLine, MissingCommandListsTheCommands) {
    const auto r = kit({});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("no command given; the commands are export, generate, migrate, pull"), std::string::npos)
        << r.err;
}

TEST(CommandLine, UnknownFlagIsAUsageErrorPointingAtTheCommandsHelp) {
    const auto r = kit({"generate", "--bogus"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("error: The following argument was not expected: --bogus"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("hint: run drizzle-kit generate --help for the flags it takes"), std::string::npos) << r.err;
}

TEST(CommandLine, HelpAndVersionStillWork) {
    EXPECT_EQ(kit({"--help"}).exitCode, 0);
    EXPECT_EQ(kit({"--version"}).exitCode, 0);
    EXPECT_EQ(kit({"generate", "--help"}).exitCode, 0);
}

TEST(CommandLine, ErrorMessagesShowControlBytesEscaped) {
    const auto r = kit({"export", "--config", "missing\x1b]0;title\x07.json"});
    EXPECT_NE(r.exitCode, 0);
    EXPECT_EQ(r.err.find('\x1b'), std::string::npos) << r.err;
    EXPECT_EQ(r.err.find('\x07'), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("missing\\x1b]0;title\\x07.json"), std::string::npos) << r.err;
}

// Database text in generated code: a string literal holds any bytes exactly and nothing in them
// ends it early; a // comment line (and a terminal warning) shows any bytes on one line and
// nothing in them ends it. Checked by example and, for hundreds of random byte strings, by
// compiling one file of them with the project's compiler (and clang++ when installed) and
// comparing what the program prints with the bytes.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "codegen/naming.hpp"
#include "drizzle/kit/codegen.hpp"
#include "util/process.hpp"

using drizzle::codegen::literal;
using drizzle::kit::printable;
namespace fs = std::filesystem;

namespace {

// Text a database can hold and an attacker would choose: every way out of a comment or literal.
const std::vector<std::string> kHostile = {
    "\nstatic int pwned = (std::system(\"touch /tmp/marker\"), 0);\n",
    "a\r\nb",
    "ends in backslash\\",
    "ends in backslash and blanks\\   ",
    "ends in a trigraph ?\?/",
    "?\?=?\?(?\?)?\?'?\?<?\?>?\?!?\?-",
    "*/ int x; /*",
    "say \"hi\"",
    "back\\slash",
    ")\" + R\"(",
    ")\" )sql\" )sql_\" )drizzle\"",
    "R\"(raw)\"",
    std::string("nul\0byte", 8),
    std::string("\0" "1", 2),
    "\x01\x02\x1b[31mred\x1b[0m\x7f",
    "\xff\xfe not utf-8 \xc3",
    "\xc0\xaf overlong, \xed\xa0\x80 surrogate, \xf4\x90\x80\x80 too large",
    "unicode: \xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80",
    "bidi \xe2\x80\xae reversed \xe2\x81\xa6 isolate",
    "C1 \xc2\x9b control",
    "E'a\\\\nb'",
    "'it''s'",
    "\t\v\f",
    "",
    "?",
    "?\?",
    "?\?\?/",
};

TEST(CodegenEscaping, PlainTextIsAPlainLiteral) {
    EXPECT_EQ(literal("plain"), "\"plain\"");
    EXPECT_EQ(literal("it's"), "\"it's\"");
    EXPECT_EQ(literal(""), "\"\"");
    EXPECT_EQ(literal("caf\xc3\xa9"), "\"caf\xc3\xa9\"");
}

TEST(CodegenEscaping, QuotesAndLineFeedsReadAsARawString) {
    EXPECT_EQ(literal("say \"hi\""), "R\"(say \"hi\")\"");
    EXPECT_EQ(literal("a)\"b"), "R\"sql(a)\"b)sql\"");
    EXPECT_EQ(literal("line\nbreak"), "R\"(line\nbreak)\"");
}

TEST(CodegenEscaping, LiteralFallsBackToEscapesWhenEveryDelimiterOccurs) {
    EXPECT_EQ(literal(")\" )sql\" )sql_\" )drizzle\""), "\")\\\" )sql\\\" )sql_\\\" )drizzle\\\"\"");
}

TEST(CodegenEscaping, LiteralEscapesWhatARawStringWouldChange) {
    EXPECT_EQ(literal("a\r\nb"), "\"a\\r\\nb\"");                 // CR LF: source line endings are normalised
    EXPECT_EQ(literal("\x01\x7f"), "\"\\001\\177\"");              // control bytes
    EXPECT_EQ(literal(std::string("\0" "1", 2)), "\"\\0001\"");    // an octal escape stops after three digits
    EXPECT_EQ(literal("x\xff"), "\"x\\377\"");                     // malformed UTF-8
    EXPECT_EQ(literal("\xe2\x80\xae"), "\"\\342\\200\\256\"");     // a bidirectional control
    EXPECT_EQ(literal("?\?/"), "\"?\\?/\"");                        // a trigraph in older modes
    EXPECT_EQ(literal("a\\"), "R\"(a\\)\"");
}

TEST(CodegenEscaping, PrintableKeepsOrdinaryText) {
    EXPECT_EQ(printable("function public.f(integer)"), "function public.f(integer)");
    EXPECT_EQ(printable("caf\xc3\xa9 */ \"q\""), "caf\xc3\xa9 */ \"q\"");
}

TEST(CodegenEscaping, PrintableIsOneLineWithoutControlBytes) {
    EXPECT_EQ(printable("a\nb\rc\td"), "a\\nb\\rc\\td");
    EXPECT_EQ(printable("\x1b[2J\x07"), "\\x1b[2J\\x07");
    EXPECT_EQ(printable("x\xff"), "x\\xff");
    EXPECT_EQ(printable("\xc2\x9b"), "\\xc2\\x9b");
    EXPECT_EQ(printable("a\\b"), "a\\\\b");
}

TEST(CodegenEscaping, PrintableNeverEndsInABackslashOrTrigraph) {
    EXPECT_EQ(printable("a\\"), "a\\x5c");
    EXPECT_EQ(printable("a\\  "), "a\\x5c  ");
    EXPECT_EQ(printable("a?\?/"), "a?\\?/");
    for (const auto& text : kHostile) {
        const std::string p = printable(text);
        EXPECT_EQ(p.find_first_of("\n\r"), std::string::npos) << p;
        EXPECT_EQ(p.find("?\?"), std::string::npos) << p;
        const auto last = p.find_last_not_of(' ');
        EXPECT_TRUE(last == std::string::npos || p[last] != '\\') << p;
    }
}

TEST(CodegenEscaping, IdentifiersFromHostileNamesAreLettersDigitsAndUnderscores) {
    for (const auto& text : kHostile) {
        const std::string id = drizzle::codegen::identifier(text);
        EXPECT_FALSE(id.empty());
        EXPECT_EQ(id.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_"), std::string::npos)
            << id;
    }
    EXPECT_EQ(drizzle::codegen::identifier("caf\xc3\xa9"), "caf_");
}

TEST(CodegenEscaping, Utf8CheckRefusesMalformedSequences) {
    EXPECT_TRUE(drizzle::codegen::validUtf8("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80"));
    EXPECT_FALSE(drizzle::codegen::validUtf8("\xff"));
    EXPECT_FALSE(drizzle::codegen::validUtf8("\xc3"));              // cut short
    EXPECT_FALSE(drizzle::codegen::validUtf8("\xc0\xaf"));          // overlong
    EXPECT_FALSE(drizzle::codegen::validUtf8("\xed\xa0\x80"));      // a surrogate
    EXPECT_FALSE(drizzle::codegen::validUtf8("\xf4\x90\x80\x80"));  // past U+10FFFF
}

// Random strings built from the pieces that break comments and literals, and random bytes.
std::vector<std::string> randomTexts(std::size_t count) {
    static const std::vector<std::string> pieces = {
        "\"", "\\", "\n", "\r", "\r\n", "\t", "?", "?\?/", ")\"", ")sql\"", ")sql_\"", ")drizzle\"", "R\"(", "*/", "/*",
        "//", "'", "a", "0", " ", "\xc3\xa9", "\xe2\x80\xae", "\xf0\x9f\x98\x80", "\xff", "\x80", "\xc3", "\x1b", "\x7f",
        std::string(1, '\0'), "\\\n", "\\ \n"};
    std::mt19937 rng(20261204);
    std::vector<std::string> out;
    for (std::size_t i = 0; i < count; ++i) {
        std::string s;
        const int parts = static_cast<int>(rng() % 12);
        for (int p = 0; p < parts; ++p) {
            if (rng() % 3 == 0) s += static_cast<char>(rng() % 256);
            else s += pieces[rng() % pieces.size()];
        }
        out.push_back(std::move(s));
    }
    return out;
}

std::vector<std::string> compilers() {
    std::vector<std::string> out = {DRIZZLE_CXX_COMPILER};
    for (const char* dir : {"/usr/bin", "/usr/local/bin"})
        if (access((std::string(dir) + "/clang++").c_str(), X_OK) == 0) {
            out.push_back(std::string(dir) + "/clang++");
            break;
        }
    return out;
}

// Every text as a literal, each after a comment line of its printable form: a comment that
// swallowed the next line, or a literal that ended early, fails to compile or prints other bytes.
TEST(CodegenEscaping, CompiledLiteralsHoldTheirBytesAndCommentsStayComments) {
    std::vector<std::string> texts = kHostile;
    for (auto& t : randomTexts(400)) texts.push_back(std::move(t));
    std::string source = "#include <cstdio>\n";
    std::string table = "struct Text { const char* bytes; unsigned long size; };\nstatic const Text texts[] = {\n";
    std::string expected;
    for (std::size_t i = 0; i < texts.size(); ++i) {
        source += "// " + printable(texts[i]) + "\nstatic const char t" + std::to_string(i) + "[] = " + literal(texts[i]) + ";\n";
        table += "    {t" + std::to_string(i) + ", sizeof t" + std::to_string(i) + " - 1},\n";
        expected += std::to_string(texts[i].size()) + ":" + texts[i] + "\n";
    }
    source += table + "};\nint main() {\n    for (const Text& t : texts) {\n        std::printf(\"%lu:\", t.size);\n"
                      "        std::fwrite(t.bytes, 1, t.size, stdout);\n        std::printf(\"\\n\");\n    }\n}\n";
    const fs::path dir = fs::temp_directory_path() / ("drizzle-escaping-" + std::to_string(getpid()));
    fs::create_directories(dir);
    std::ofstream(dir / "texts.cpp", std::ios::binary) << source;
    for (const std::string& compiler : compilers()) {
        // C++14 still replaces trigraphs; -Wall warns about a comment continued by a backslash.
        for (const char* standard : {"-std=c++14", "-std=c++20"}) {
            const std::string binary = (dir / "texts").string();
            const auto built = drizzle::util::runProcess(
                {compiler, standard, "-Wall", "-Wextra", "-Werror", (dir / "texts.cpp").string(), "-o", binary});
            ASSERT_EQ(built.exitCode, 0) << compiler << " " << standard << " (source kept in " << dir << "):\n" << built.err;
            const auto ran = drizzle::util::runProcess({binary});
            ASSERT_EQ(ran.exitCode, 0);
            EXPECT_TRUE(ran.out == expected) << compiler << " " << standard << ": the compiled literals differ from the texts";
        }
    }
    fs::remove_all(dir);
}

}  // namespace

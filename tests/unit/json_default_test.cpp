// JSON defaults are recorded as JavaScript's JSON.stringify(JSON.parse(text)) writes them, so a
// C++ schema's snapshot matches Drizzle Kit's for `.default({...})` however the text is spaced.
#include <gtest/gtest.h>

#include <stdexcept>

#include "schema/json_default.hpp"

using drizzle::detail::stringifiedJson;

TEST(JsonDefault, SpacingGoesAndKeysKeepTheirOrder) {
    EXPECT_EQ(stringifiedJson(R"( { "b" : [ 1 , 2 ] ,
                                    "a" : { } } )"),
              R"({"b":[1,2],"a":{}})");
}

TEST(JsonDefault, NumbersAreWrittenAsJavaScriptWritesThem) {
    EXPECT_EQ(stringifiedJson("[1.0, 1.50, -0.0, 1e21, 1e-7, 123456789012, 9007199254740993]"),
              "[1,1.5,0,1e+21,1e-7,123456789012,9007199254740992]");
}

TEST(JsonDefault, StringsUseJavaScriptsEscapes) {
    EXPECT_EQ(stringifiedJson(R"(["a\"b\\c", "\u0001\n\t", "\/", "é€"])"), R"(["a\"b\\c","\u0001\n\t","/","é€"])");
}

TEST(JsonDefault, TextThatIsNotJsonIsRefusedSayingWhere) {
    try {
        stringifiedJson(R"({"a": })");
        FAIL() << "no exception";
    } catch (const std::invalid_argument& e) {
        EXPECT_NE(std::string(e.what()).find("the JSON default is not JSON"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("{\"a\": }"), std::string::npos) << e.what();
    }
}

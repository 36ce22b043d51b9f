// PostgreSQL placeholders: '?' becomes $1, $2, ... only where it is not quoted or commented.
#include <gtest/gtest.h>

#include "drivers/pg/placeholders.hpp"

namespace drizzle::driver::pg {
namespace {

TEST(PgPlaceholders, NumbersQuestionMarksInOrder) {
    const auto out = numberPlaceholders("select * from t where a = ? and b in (?, ?)");
    EXPECT_EQ(out.sql, "select * from t where a = $1 and b in ($2, $3)");
    EXPECT_EQ(out.placeholders, 3u);
}

TEST(PgPlaceholders, LeavesQuotedTextAndCommentsAlone) {
    const auto out = numberPlaceholders(
        "select '?', 'it''s ?', E'\\'?', \"col?\", \"a\"\"?\", $$?$$, $tag$ ? $x$ ? $tag$, ? -- why?\n"
        "/* what? /* nested? */ still? */ , ?");
    EXPECT_EQ(out.sql,
              "select '?', 'it''s ?', E'\\'?', \"col?\", \"a\"\"?\", $$?$$, $tag$ ? $x$ ? $tag$, $1 -- why?\n"
              "/* what? /* nested? */ still? */ , $2");
    EXPECT_EQ(out.placeholders, 2u);
}

TEST(PgPlaceholders, KeepsExistingNumberedParametersAndDollarNames) {
    const auto out = numberPlaceholders("select $1, a$b, ? from t");
    EXPECT_EQ(out.sql, "select $1, a$b, $1 from t");
    EXPECT_EQ(out.placeholders, 1u);
    EXPECT_EQ(numberPlaceholders("select 'unterminated ?").sql, "select 'unterminated ?");
}

}  // namespace
}  // namespace drizzle::driver::pg

// Rows: reading cells, and the errors a wrong read gives.
#include <gtest/gtest.h>

#include <cmath>

#include "support.hpp"

namespace drizzle::driver {
namespace {

using test::errorOf;

Rows sample() {
    Rows rows;
    rows.setColumns({"id", "name", "score"});
    rows.addRow({"1", "Ada", "0.5"});
    rows.addRow({"-9223372036854775808", std::nullopt, "Infinity"});
    rows.addRow({"12.5", "x", "NaN"});
    return rows;
}

TEST(Rows, ReadsTextIntegersAndReals) {
    const Rows rows = sample();
    EXPECT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows.columnCount(), 3u);
    EXPECT_EQ(rows.columnName(2), "score");
    EXPECT_EQ(rows.integer(0, 0), 1);
    EXPECT_EQ(rows.text(0, 1), "Ada");
    EXPECT_EQ(rows.real(0, 2), 0.5);
    EXPECT_EQ(rows.integer(1, 0), INT64_MIN);
    EXPECT_TRUE(rows.isNull(1, 1));
    EXPECT_TRUE(std::isinf(rows.real(1, 2)));  // PostgreSQL's spelling
    EXPECT_TRUE(std::isnan(rows.real(2, 2)));
    EXPECT_EQ(rows.real(0, 0), 1.0);
}

TEST(Rows, NullAndNonIntegerReadsNameTheCell) {
    const Rows rows = sample();
    const Error null = errorOf([&] { rows.text(1, 1); });
    EXPECT_EQ(null.category(), ErrorCategory::internal);
    EXPECT_STREQ(null.what(), "row 1, column 1 (\"name\") is NULL");
    EXPECT_NE(null.hint().find("isNull"), std::string::npos);
    EXPECT_STREQ(errorOf([&] { rows.integer(1, 1); }).what(), "row 1, column 1 (\"name\") is NULL");

    EXPECT_STREQ(errorOf([&] { rows.integer(2, 0); }).what(), "row 2, column 0 (\"id\") is \"12.5\", not an integer");
    EXPECT_STREQ(errorOf([&] { rows.integer(0, 1); }).what(), "row 0, column 1 (\"name\") is \"Ada\", not an integer");
    EXPECT_STREQ(errorOf([&] { rows.real(0, 1); }).what(), "row 0, column 1 (\"name\") is \"Ada\", not a number");

    Rows big;
    big.setColumns({"n"});
    big.addRow({"9223372036854775808"});
    EXPECT_NE(std::string(errorOf([&] { big.integer(0, 0); }).what()).find("outside the 64-bit integer range"),
              std::string::npos);
}

TEST(Rows, OutOfRangeIndexesAreErrors) {
    const Rows rows = sample();
    EXPECT_STREQ(errorOf([&] { rows.text(3, 0); }).what(), "row 3 is out of range: the result has 3 rows");
    EXPECT_STREQ(errorOf([&] { rows.text(0, 3); }).what(), "column 3 is out of range: the result has 3 columns");
}

}  // namespace
}  // namespace drizzle::driver

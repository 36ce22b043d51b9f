// What the three drivers' cursors share: the Rows a cursor reads into, and every error a wrong
// read gives, worded as Rows words its own (rows.cpp) but naming the column alone, since a
// cursor knows no row index.
#include <charconv>
#include <cmath>
#include <string>

#include "drivers/driver_internal.hpp"

namespace drizzle::driver::detail {

namespace {

std::string columnLabel(const Cursor& cursor, std::size_t column) {
    return "column " + std::to_string(column) + " (\"" + std::string(cursor.columnName(column)) + "\")";
}

std::string shown(std::string_view value) {
    constexpr std::size_t limit = 60;
    if (value.size() <= limit) return "\"" + std::string(value) + "\"";
    return "\"" + std::string(value.substr(0, limit)) + "...\"";
}

}  // namespace

Rows readAll(Cursor& cursor) {
    Rows rows;
    const std::size_t columns = cursor.columnCount();
    std::vector<std::string> names;
    names.reserve(columns);
    for (std::size_t c = 0; c < columns; ++c) names.emplace_back(cursor.columnName(c));
    rows.setColumns(std::move(names));
    while (cursor.next()) {
        std::vector<std::optional<std::string>> values(columns);
        // bytes(), not text(): Rows keeps binary values as their raw bytes.
        for (std::size_t c = 0; c < columns; ++c)
            if (!cursor.isNull(c)) values[c].emplace(cursor.bytes(c));
        rows.addRow(std::move(values));
    }
    return rows;
}

void throwNoRow() {
    throw Error(ErrorCategory::internal, "the cursor has no current row",
                "read values only after next() returned true");
}

void throwNoColumn(std::size_t column, std::size_t columns) {
    throw Error(ErrorCategory::internal, "column " + std::to_string(column) +
                                             " is out of range: the result has " + std::to_string(columns) +
                                             " columns");
}

void throwNull(const Cursor& cursor, std::size_t column) {
    // A value its reader cannot hold, as a number out of range is: the ORM reads a column into a
    // member that is not std::optional this way.
    throw Error(ErrorCategory::mapping, columnLabel(cursor, column) + " is NULL",
                "check isNull() before reading a nullable column (an ORM member that may be NULL is a std::optional)");
}

std::int64_t parseInteger(std::string_view text, const Cursor& cursor, std::size_t column) {
    std::int64_t result = 0;
    const char* end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, result);
    if (ec == std::errc::result_out_of_range)
        throw Error(ErrorCategory::internal,
                    columnLabel(cursor, column) + " is " + shown(text) + ", outside the 64-bit integer range");
    if (ec != std::errc() || ptr != end || text.empty())
        throw Error(ErrorCategory::internal, columnLabel(cursor, column) + " is " + shown(text) + ", not an integer");
    return result;
}

double parseReal(std::string_view text, const Cursor& cursor, std::size_t column) {
    double result = 0;
    const char* end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, result);
    // Out of range leaves `result` alone, so it is an error rather than a silent 0.
    if (ec != std::errc() || ptr != end || text.empty())
        throw Error(ErrorCategory::internal, columnLabel(cursor, column) + " is " + shown(text) + ", not a number");
    return result;
}

std::int64_t integralReal(double value, const Cursor& cursor, std::size_t column) {
    // 2^63 is exact as a double; every whole double below it converts without overflow.
    constexpr double limit = 9223372036854775808.0;
    if (std::trunc(value) == value && value >= -limit && value < limit) return static_cast<std::int64_t>(value);
    NumberText buffer;
    throw Error(ErrorCategory::internal,
                columnLabel(cursor, column) + " is " + shown(writeDouble(value, buffer)) + ", not an integer");
}

}  // namespace drizzle::driver::detail

drizzle::driver::Rows drizzle::driver::Statement::run(const std::vector<Param>& params) {
    return detail::readAll(open(params));
}

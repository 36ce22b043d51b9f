// Rows accessors: every misuse (an index out of range, NULL read as a value, text that is not
// a number) is a drizzle::Error that names the cell and what it holds.
#include <charconv>
#include <string>

#include "drizzle/driver/connection.hpp"
#include "drizzle/error.hpp"

namespace drizzle::driver {

namespace {

std::string cellName(const Rows& rows, std::size_t row, std::size_t column) {
    return "row " + std::to_string(row) + ", column " + std::to_string(column) + " (\"" +
           rows.columnName(column) + "\")";
}

std::string shown(const std::string& value) {
    constexpr std::size_t limit = 60;
    if (value.size() <= limit) return "\"" + value + "\"";
    return "\"" + value.substr(0, limit) + "...\"";
}

}  // namespace

const std::string& Rows::text(std::size_t row, std::size_t column) const {
    if (row >= rows_.size())
        throw Error(ErrorCategory::internal,
                    "row " + std::to_string(row) + " is out of range: the result has " +
                        std::to_string(rows_.size()) + " rows");
    if (column >= names_.size())
        throw Error(ErrorCategory::internal,
                    "column " + std::to_string(column) + " is out of range: the result has " +
                        std::to_string(names_.size()) + " columns");
    const auto& value = rows_[row][column];
    if (!value)
        throw Error(ErrorCategory::internal, cellName(*this, row, column) + " is NULL",
                    "check isNull() before reading a nullable column");
    return *value;
}

std::int64_t Rows::integer(std::size_t row, std::size_t column) const {
    const std::string& value = text(row, column);
    std::int64_t result = 0;
    const char* end = value.data() + value.size();
    auto [ptr, ec] = std::from_chars(value.data(), end, result);
    if (ec == std::errc::result_out_of_range)
        throw Error(ErrorCategory::internal,
                    cellName(*this, row, column) + " is " + shown(value) + ", outside the 64-bit integer range");
    if (ec != std::errc() || ptr != end || value.empty())
        throw Error(ErrorCategory::internal, cellName(*this, row, column) + " is " + shown(value) + ", not an integer");
    return result;
}

double Rows::real(std::size_t row, std::size_t column) const {
    const std::string& value = text(row, column);
    double result = 0;
    const char* end = value.data() + value.size();
    auto [ptr, ec] = std::from_chars(value.data(), end, result);
    // Out of range means a denormal or overflowing literal: from_chars leaves `result` alone,
    // so it is an error rather than a silent 0.
    if (ec != std::errc() || ptr != end || value.empty())
        throw Error(ErrorCategory::internal, cellName(*this, row, column) + " is " + shown(value) + ", not a number");
    return result;
}

}  // namespace drizzle::driver

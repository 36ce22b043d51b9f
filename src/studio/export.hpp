// The studio's export: the rows of the grid (filters and order applied) as a CSV or JSON file.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "studio/catalog.hpp"

namespace drizzle::kit::studio {

// CSV (RFC 4180: a header row, fields quoted when they must be; NULL is an empty field and the
// empty string a quoted one, so that the two stay apart) or JSON (an array of objects keyed by
// column: numbers as the database wrote them, never rounded; booleans; JSON columns as JSON;
// everything else a string).
class ExportWriter {
public:
    ExportWriter(std::string format, std::vector<const ColumnInfo*> columns);
    void row(const std::vector<std::optional<std::string>>& values);  // in the API's spelling (catalog.hpp)
    std::string finish();

private:
    std::string format_;
    std::vector<const ColumnInfo*> columns_;
    std::string out_;
    bool first_ = true;
};

// "<table>.<format>", the name kept to letters, digits, '.', '-' and '_' (it lands in a header).
std::string exportFileName(const std::string& table, const std::string& format);

}  // namespace drizzle::kit::studio

// How many rows each table and view of the studio's list has: exact, except for a table the
// database's own statistics put at kEstimatedFrom rows or more, whose estimate is given (a count
// of a million rows takes 35 ms on PostgreSQL and 85 ms on MariaDB, and the list loads with the app).
#pragma once

#include <cstdint>
#include <vector>

#include "drizzle/driver/connection.hpp"
#include "studio/catalog.hpp"

namespace drizzle::kit::studio {

inline constexpr std::int64_t kEstimatedFrom = 100'000;

struct RowCount {
    std::int64_t rows = 0;
    bool estimated = false;
};

// One per catalog.all() entry, in its order. SQLite keeps no estimate: every count is exact.
std::vector<RowCount> countRows(driver::Connection& db, const Catalog& catalog);

}  // namespace drizzle::kit::studio

// EXPECT: sum/avg(x): x must be a numeric column or expression
// Only numbers average: a plain value is not a column, and an optional text expression is no number.
#include <vector>

#include "query_schema_pg.hpp"

using namespace qpg;

void query(drizzle::Database& db) {
    db.select(avgDistinct(std::vector<unsigned char>{})).from(users).all();
}

// EXPECT: sum/avg(x): x is a boolean
// A boolean column has no sum; count the true ones instead.
#include "query_schema_pg.hpp"

using namespace qpg;

void query(drizzle::Database& db) {
    db.select(sum(&User::active)).from(users).all();
}

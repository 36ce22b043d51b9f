// EXPECT: set(column, value): the value's type differs from the column's
// Text into an integer column.
#include "query_schema_pg.hpp"

using namespace qpg;

void query(drizzle::Database& db) {
    db.update(users).set(&User::age, "old").execute();
}

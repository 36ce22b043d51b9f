// EXPECT: the column is not an array
// @> on an integer column.
#include "query_schema_pg.hpp"

using namespace qpg;

void query(drizzle::Database& db) {
    db.select().from(users).where(arrayContains(&User::id, 5)).all();
}

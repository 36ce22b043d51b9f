// EXPECT: inArray(column, values): the values' type differs from the column's
// Strings listed for an integer column.
#include "query_schema_pg.hpp"

using namespace qpg;

void query(drizzle::Database& db) {
    db.select().from(users).where(inArray(&User::id, {"1", "2"})).all();
}

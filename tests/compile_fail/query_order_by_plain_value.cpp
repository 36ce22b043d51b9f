// EXPECT: orderBy(x): x must be a column, an expression
// ORDER BY a bound value sorts nothing.
#include "query_schema_pg.hpp"

using namespace qpg;

void query(drizzle::Database& db) {
    db.select().from(users).orderBy(42).all();
}

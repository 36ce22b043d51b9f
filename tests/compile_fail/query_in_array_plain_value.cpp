// EXPECT: inArray(x, values): x must be a column or an expression
// inArray on a literal instead of a column.
#include "query_schema_pg.hpp"

using namespace qpg;

void query(drizzle::Database& db) {
    db.select().from(users).where(inArray(42, {1, 2})).all();
}

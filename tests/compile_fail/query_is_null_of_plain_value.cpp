// EXPECT: isNull(x): x must be a column or an expression
// isNull of a literal.
#include "query_schema_pg.hpp"

using namespace qpg;

void query(drizzle::Database& db) {
    db.select().from(users).where(isNull(42)).all();
}

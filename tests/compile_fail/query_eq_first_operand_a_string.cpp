// EXPECT: eq(a, b): the first operand must be a column or an expression
// A column name as a string is not a column: the operand must be &User::name.
#include "query_schema_pg.hpp"

using namespace qpg;

void query(drizzle::Database& db) {
    db.select().from(users).where(eq("name", "Ada")).all();
}

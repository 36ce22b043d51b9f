// EXPECT: eq(a, b): the operands have different value types
// Comparing a text column with a number.
#include "query_schema_pg.hpp"

using namespace qpg;

void query(drizzle::Database& db) {
    db.select().from(users).where(eq(&User::name, 42)).all();
}

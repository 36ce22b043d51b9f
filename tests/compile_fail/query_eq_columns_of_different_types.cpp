// EXPECT: eq(a, b): the operands have different value types
// Comparing a text column with an integer column of the same table.
#include "query_schema_pg.hpp"

using namespace qpg;

void query(drizzle::Database& db) {
    db.select().from(users).where(eq(&User::name, &User::id)).all();
}

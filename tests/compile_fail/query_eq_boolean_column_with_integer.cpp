// EXPECT: eq(a, b): the operands have different value types
// A boolean column compares with true/false only, not with 1.
#include "query_schema_sqlite.hpp"

using namespace qsqlite;

void query(drizzle::Database& db) {
    db.select().from(users).where(eq(&User::active, 1)).all();
}

// EXPECT: NULL compares to nothing
// `= NULL` is never true in SQL: isNull(column) is what was meant.
#include "query_schema_pg.hpp"

using namespace qpg;

void query(drizzle::Database& db) {
    db.select().from(users).where(eq(&User::age, nullptr)).all();
}

// EXPECT: between(a, low, high): the bounds' types differ from the value's
// Text bounds for an integer column.
#include "query_schema_pg.hpp"

using namespace qpg;

void query(drizzle::Database& db) {
    db.select().from(users).where(between(&User::age, "a", "z")).all();
}

// EXPECT: limit(n): n must be an integer or a placeholder
// A text limit.
#include "query_schema_pg.hpp"

using namespace qpg;

void query(drizzle::Database& db) {
    db.select().from(users).limit("ten").all();
}

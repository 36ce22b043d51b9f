// EXPECT: where(...): the condition uses a column of a table that is not in this query
// posts is neither the FROM table nor joined.
#include "query_schema_pg.hpp"

using namespace qpg;

void query(drizzle::Database& db) {
    db.select().from(users).where(eq(&Post::title, "Hello")).all();
}

// EXPECT: orderBy(...): a column of a table that is not in this query
// Ordering by a column of posts, which the query does not read.
#include "query_schema_pg.hpp"

using namespace qpg;

void query(drizzle::Database& db) {
    db.select().from(users).orderBy(desc(&Post::id)).all();
}

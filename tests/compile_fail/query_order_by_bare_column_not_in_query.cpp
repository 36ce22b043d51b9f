// EXPECT: orderBy(...): a column of a table that is not in this query
// The same through a bare member (ascending order).
#include "query_schema_sqlite.hpp"

using namespace qsqlite;

void query(drizzle::Database& db) {
    db.select().from(users).orderBy(&Post::id).all();
}

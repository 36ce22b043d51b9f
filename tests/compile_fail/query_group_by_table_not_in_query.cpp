// EXPECT: groupBy(...): a column of a table that is not in this query
// Grouping users by a column of posts.
#include "query_schema_pg.hpp"

using namespace qpg;

void query(drizzle::Database& db) {
    db.select(count()).from(users).groupBy(&Post::userId).all();
}

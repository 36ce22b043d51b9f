// EXPECT: join(table, on): the condition uses a column of a table that is not in this query
// The join condition names comments, which is joined nowhere.
#include "query_schema_pg.hpp"

using namespace qpg;

void query(drizzle::Database& db) {
    db.select().from(users).innerJoin(posts, eq(&Comment::postId, &Post::id)).all();
}

// EXPECT: insert(...).select(q): the query must return this table's rows
// INSERT INTO users SELECT * FROM posts.
#include "query_schema_pg.hpp"

using namespace qpg;

void query(drizzle::Database& db) {
    db.insert(users).select(db.select().from(posts)).execute();
}

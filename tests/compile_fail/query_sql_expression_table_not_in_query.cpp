// EXPECT: where(...): the condition uses a column of a table that is not in this query
// A raw sql<bool> condition still carries the tables of its column arguments.
#include "query_schema_pg.hpp"

using namespace qpg;

void query(drizzle::Database& db) {
    db.select().from(users).where(sql<bool>("? > 0", &Post::score)).all();
}

// EXPECT: where: the condition uses a column of another table
// findMany on users filtered by a post column.
#include "query_schema_pg.hpp"

using namespace qpg;

void query(drizzle::Database& db) {
    db.query(users).findMany({.where = eq(&Post::title, "x")});
}

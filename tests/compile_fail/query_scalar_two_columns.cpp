// EXPECT: scalar(subquery): the subquery must select one column
// A scalar subquery is one value.
#include "query_schema_pg.hpp"

using namespace qpg;

void query(drizzle::Database& db) {
    db.select(&User::name, scalar(db.select(&Post::id, &Post::title).from(posts))).from(users).all();
}

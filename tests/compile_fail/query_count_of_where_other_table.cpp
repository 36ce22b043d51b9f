// EXPECT: countOf(table, where): the condition uses a column of another table
// A correlated count names the outer query's columns with outer(...).
#include "query_schema_pg.hpp"

using namespace qpg;

void query(drizzle::Database& db) {
    db.select(&User::name, countOf(posts, eq(&Post::userId, &User::id))).from(users).all();
}

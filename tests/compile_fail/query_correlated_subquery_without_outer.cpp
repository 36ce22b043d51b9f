// EXPECT: in a subquery, name the enclosing query's columns with outer(...)
// A correlated subquery must mark the enclosing query's column with outer(&User::id).
#include "query_schema_pg.hpp"

using namespace qpg;

void query(drizzle::Database& db) {
    db.select().from(users).where(exists(db.select(&Post::id).from(posts).where(eq(&Post::userId, &User::id)))).all();
}

// EXPECT: where(...): the condition uses a column of another table than the one updated
// UPDATE users ... WHERE posts.id = 1.
#include "query_schema_pg.hpp"

using namespace qpg;

void query(drizzle::Database& db) {
    db.update(users).set(&User::name, "Ada").where(eq(&Post::id, 1)).execute();
}

// EXPECT: where(...): the condition uses a column of another table than the one updated
// An UPDATE reads only its own table and the ones from(...) added.
#include "query_schema_pg.hpp"

using namespace qpg;

void query(drizzle::Database& db) {
    db.update(users).from(posts).set(&User::name, &Post::title).where(eq(&Comment::postId, &Post::id)).execute();
}

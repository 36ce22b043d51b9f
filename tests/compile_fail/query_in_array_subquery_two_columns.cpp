// EXPECT: inArray(column, subquery): the subquery must select one column
// `id IN (SELECT user_id, id ...)` is an error in SQL.
#include "query_schema_pg.hpp"

using namespace qpg;

void query(drizzle::Database& db) {
    db.select().from(users).where(inArray(&User::id, db.select(&Post::userId, &Post::id).from(posts))).all();
}

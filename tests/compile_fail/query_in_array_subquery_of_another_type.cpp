// EXPECT: inArray(column, subquery): the subquery's column has another type
// A text column matched against a subquery of integers.
#include "query_schema_pg.hpp"

using namespace qpg;

void query(drizzle::Database& db) {
    db.select().from(users).where(inArray(&User::name, db.select(&Post::id).from(posts))).all();
}

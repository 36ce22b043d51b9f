// EXPECT: union/intersect/except: both queries must select the same types
// UNION of integers and text.
#include "query_schema_pg.hpp"

using namespace qpg;

void query(drizzle::Database& db) {
    db.select(&User::id).from(users).union_(db.select(&Post::title).from(posts)).all();
}

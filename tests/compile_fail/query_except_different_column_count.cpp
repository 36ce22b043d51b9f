// EXPECT: union/intersect/except: both queries must select the same types
// EXCEPT of one column and two columns.
#include "query_schema_sqlite.hpp"

using namespace qsqlite;

void query(drizzle::Database& db) {
    db.select(&User::id).from(users).except(db.select(&Post::userId, &Post::id).from(posts)).all();
}

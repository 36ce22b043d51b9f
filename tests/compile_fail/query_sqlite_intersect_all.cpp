// EXPECT: intersectAll(...): SQLite has no INTERSECT ALL
// SQLite's compound selects have UNION ALL only.
#include "query_schema_sqlite.hpp"

using namespace qsqlite;

void query(drizzle::Database& db) {
    db.select(&User::id).from(users).intersectAll(db.select(&Post::userId).from(posts)).all();
}

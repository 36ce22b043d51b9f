// EXPECT: forUpdate()/forShare(): SQLite has no row locks
// SELECT ... FOR SHARE does not exist in SQLite.
#include "query_schema_sqlite.hpp"

using namespace qsqlite;

void query(drizzle::Database& db) {
    db.select().from(users).forShare("nowait").all();
}

// EXPECT: forUpdate()/forShare(): SQLite has no row locks
// SELECT ... FOR UPDATE does not exist in SQLite.
#include "query_schema_sqlite.hpp"

using namespace qsqlite;

void query(drizzle::Database& db) {
    db.select().from(users).where(eq(&User::id, 1)).forUpdate().all();
}

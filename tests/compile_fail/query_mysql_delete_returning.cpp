// EXPECT: returning(): MySQL has no RETURNING
// DELETE ... RETURNING on MySQL.
#include "query_schema_mysql.hpp"

using namespace qmysql;

void query(drizzle::Database& db) {
    db.delete_(users).where(eq(&User::id, 1)).returning().all();
}

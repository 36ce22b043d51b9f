// EXPECT: distinctOn(...): DISTINCT ON is PostgreSQL's
// DISTINCT ON does not exist in SQLite.
#include "query_schema_sqlite.hpp"

using namespace qsqlite;

void query(drizzle::Database& db) {
    db.select().from(users).distinctOn(&User::name).all();
}

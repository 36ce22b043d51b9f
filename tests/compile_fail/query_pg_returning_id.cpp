// EXPECT: returningId(): MySQL's, where RETURNING is missing: here use returning(&Row::id)
// PostgreSQL and SQLite have RETURNING, which says the ids exactly.
#include "query_schema_pg.hpp"

using namespace qpg;

void query(drizzle::Database& db) {
    db.insert(users).values(User{}).returningId();
}

// EXPECT: onDuplicateKeyUpdate(...): MySQL's
// ON DUPLICATE KEY UPDATE is MySQL's.
#include "query_schema_pg.hpp"

using namespace qpg;

void query(drizzle::Database& db) {
    db.insert(users).values(User{}).onDuplicateKeyUpdate(set(&User::age, 1)).execute();
}

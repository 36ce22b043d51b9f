// EXPECT: targetWhere(...): MySQL's ON DUPLICATE KEY UPDATE has no target
// A partial index's predicate names a conflict target, which MySQL's upsert does not have.
#include "query_schema_mysql.hpp"

using namespace qmysql;

void query(drizzle::Database& db) {
    db.insert(users).values(User{}).onConflictDoNothing().targetWhere(eq(&User::age, 1)).execute();
}

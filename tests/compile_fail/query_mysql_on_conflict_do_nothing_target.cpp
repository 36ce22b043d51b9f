// EXPECT: onConflictDoNothing(target): MySQL's INSERT IGNORE takes no target
// INSERT IGNORE cannot name a conflict target.
#include "query_schema_mysql.hpp"

using namespace qmysql;

void query(drizzle::Database& db) {
    db.insert(users).values(User{}).onConflictDoNothing(&User::name).execute();
}

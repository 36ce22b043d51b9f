// EXPECT: onConflictDoUpdate(...): MySQL uses onDuplicateKeyUpdate(...)
// ON CONFLICT is PostgreSQL's and SQLite's.
#include "query_schema_mysql.hpp"

using namespace qmysql;

void query(drizzle::Database& db) {
    db.insert(users).values(User{}).onConflictDoUpdate(cols(&User::name), set(&User::age, 1)).execute();
}

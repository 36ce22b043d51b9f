// EXPECT: fullJoin(...): MySQL has no FULL JOIN
// FULL OUTER JOIN does not exist in MySQL.
#include "query_schema_mysql.hpp"

using namespace qmysql;

void query(drizzle::Database& db) {
    db.select().from(users).fullJoin(posts, eq(&Post::userId, &User::id)).all();
}

// EXPECT: where(...): the condition uses a column of another table than the one deleted from
// DELETE FROM users WHERE posts.id = 1.
#include "query_schema_mysql.hpp"

using namespace qmysql;

void query(drizzle::Database& db) {
    db.delete_(users).where(eq(&Post::id, 1)).execute();
}

// EXPECT: having(...): a column of a table that is not in this query
// HAVING over a column of posts in a query over users.
#include "query_schema_mysql.hpp"

using namespace qmysql;

void query(drizzle::Database& db) {
    db.select(&User::name, count()).from(users).groupBy(&User::name).having(gt(max(&Post::id), 1)).all();
}

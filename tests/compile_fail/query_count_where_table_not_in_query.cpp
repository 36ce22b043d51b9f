// EXPECT: where(...): the condition uses a column of a table that is not in this query
// db.count(users, condition) with a condition over posts.
#include "query_schema_sqlite.hpp"

using namespace qsqlite;

void query(drizzle::Database& db) {
    db.count(users, eq(&Post::title, "Hello"));
}

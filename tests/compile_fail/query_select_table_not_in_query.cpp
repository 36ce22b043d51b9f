// EXPECT: select(...): a selected column belongs to a table that is not in this query
// Selecting posts.title from users alone.
#include "query_schema_pg.hpp"

using namespace qpg;

void query(drizzle::Database& db) {
    db.select(&User::name, &Post::title).from(users).all();
}

// EXPECT: returning(...): a column of another table
// RETURNING a column of a table the insert does not write.
#include "query_schema_pg.hpp"

using namespace qpg;

void query(drizzle::Database& db) {
    db.insert(users).set(&User::name, "Ada").returning(&Post::title).all();
}

// EXPECT: set(column, value): the column belongs to another table
// Writing users, setting a member of Post.
#include "query_schema_pg.hpp"

using namespace qpg;

void query(drizzle::Database& db) {
    db.update(users).set(&Post::title, "x").execute();
}

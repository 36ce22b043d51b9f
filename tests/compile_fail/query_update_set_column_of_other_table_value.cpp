// EXPECT: set(column, value): the value reads a column of another table
// UPDATE users SET name = posts.title: posts is not in the statement.
#include "query_schema_pg.hpp"

using namespace qpg;

void query(drizzle::Database& db) {
    db.update(users).set(&User::name, &Post::title).execute();
}

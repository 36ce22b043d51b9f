// EXPECT: set(column, value): the column belongs to another table
// Writing users, setting a member of Post.
#include "query_schema_sqlite.hpp"

using namespace qsqlite;

void query(drizzle::Database& db) {
    db.insert(users).set(&Post::title, "x").execute();
}

// EXPECT: set(column, value): the value reads a column of another table
// excluded() of posts in an upsert of users.
#include "query_schema_pg.hpp"

using namespace qpg;

void query(drizzle::Database& db) {
    db.insert(users).values(User{}).onConflictDoUpdate(cols(&User::email), set(&User::name, excluded(&Post::title))).execute();
}

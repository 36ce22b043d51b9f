// EXPECT: onConflictDoUpdate(target, set(...)): a column of another table
// The upsert sets a column of posts.
#include "query_schema_pg.hpp"

using namespace qpg;

void query(drizzle::Database& db) {
    db.insert(users).values(User{}).onConflictDoUpdate(cols(&User::email), set(&Post::title, "x")).execute();
}

// EXPECT: a nested relation must start at the related table
// Nesting users' posts under a post's author.
#include "query_schema_pg.hpp"

using namespace qpg;

void query(drizzle::Database& db) {
    db.query(posts).with(drizzle::with(postsRelations.author, postsRelations.comments)).findMany();
}

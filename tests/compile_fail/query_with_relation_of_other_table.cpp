// EXPECT: with(relation): the relation starts at another table
// Loading a post's author on a query of users.
#include "query_schema_pg.hpp"

using namespace qpg;

void query(drizzle::Database& db) {
    db.query(users).with(postsRelations.author).findMany();
}

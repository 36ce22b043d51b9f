// EXPECT: orderBy: a column of another table
// Ordering a user's posts by a user column.
#include "query_schema_pg.hpp"

using namespace qpg;

void query(drizzle::Database& db) {
    db.query(users).with(drizzle::with(usersRelations.posts, {.orderBy = {asc(&User::id)}})).findMany();
}

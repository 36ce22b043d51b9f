// EXPECT: has no member named
// Users have no comments relation in the schema.
#include "query_schema_pg.hpp"

using namespace qpg;

void query(drizzle::Database& db) {
    db.query(users).with(usersRelations.comments).findMany();
}

// EXPECT: setWhere(...): a column of another table than the one written
// The DO UPDATE's WHERE sees the row written and the proposed one (excluded), nothing else.
#include "query_schema_pg.hpp"

using namespace qpg;

void query(drizzle::Database& db) {
    db.insert(users)
        .values(User{})
        .onConflictDoUpdate(cols(&User::name), set(&User::age, 1))
        .setWhere(eq(&Post::score, 1.0))
        .execute();
}

// EXPECT: NULL compares to nothing
// `= NULL` through std::nullopt.
#include "query_schema_pg.hpp"

using namespace qpg;

void query(drizzle::Database& db) {
    db.select().from(users).where(eq(&User::age, std::nullopt)).all();
}

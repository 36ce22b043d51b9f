// EXPECT: set(column, null): the column is NOT NULL (its member is not std::optional)
// users.name is NOT NULL.
#include "query_schema_pg.hpp"

using namespace qpg;

void query(drizzle::Database& db) {
    db.update(users).set(&User::name, nullptr).execute();
}

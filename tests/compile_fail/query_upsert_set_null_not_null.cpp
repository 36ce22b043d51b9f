// EXPECT: set(column, null): the column is NOT NULL (its member is not std::optional)
// An upsert's assignment is checked like any other.
#include "query_schema_pg.hpp"

using namespace qpg;

void query(drizzle::Database& db) {
    db.insert(users).values(User{}).onConflictDoUpdate(cols(&User::email), set(&User::name, nullptr)).execute();
}

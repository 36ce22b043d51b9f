// EXPECT: onConflictDoUpdate(target, set(...)...): nothing to update
// DO UPDATE without any assignment.
#include "query_schema_pg.hpp"

using namespace qpg;

void query(drizzle::Database& db) {
    db.insert(users).values(User{}).onConflictDoUpdate(cols(&User::email)).execute();
}

// EXPECT: join(table, on): the condition uses a column of a table that is not in this query
// Joining alias `mentor` on a condition over alias `boss`, which is not in the query.
#include "query_schema_pg.hpp"

using namespace qpg;

void query(drizzle::Database& db) {
    const auto mentor = drizzle::alias<"mentor">(users);
    const auto boss = drizzle::alias<"boss">(users);
    db.select().from(users).innerJoin(mentor, eq(&User::mentorId, boss(&User::id))).all();
}

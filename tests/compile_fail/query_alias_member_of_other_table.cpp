// EXPECT: alias(member): the member belongs to another table than the aliased one
// mentor aliases users; Post::id is not one of its columns.
#include "query_schema_pg.hpp"

using namespace qpg;

void query(drizzle::Database& db) {
    const auto mentor = drizzle::alias<"mentor">(users);
    db.select().from(users).innerJoin(mentor, eq(&User::mentorId, mentor(&Post::id))).all();
}

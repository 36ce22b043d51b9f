// EXPECT: where(...): the condition uses a column of a table that is not in this query
// Two aliases of users: the query reads `a`, the condition names a column of `b`.
#include "query_schema_pg.hpp"

using namespace qpg;

void query(drizzle::Database& db) {
    const auto a = drizzle::alias<"a">(users);
    const auto b = drizzle::alias<"b">(users);
    db.select().from(a).where(eq(b(&User::id), 1)).all();
}

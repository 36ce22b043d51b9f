// EXPECT: orderBy(...): a column of a table that is not in this query
// The query reads users only under the alias `u`: &User::id means the unaliased table.
#include "query_schema_pg.hpp"

using namespace qpg;

void query(drizzle::Database& db) {
    const auto u = drizzle::alias<"u">(users);
    db.select().from(u).orderBy(asc(&User::id)).all();
}

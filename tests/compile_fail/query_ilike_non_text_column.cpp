// EXPECT: ilike(column, pattern): the column is not text
// ILIKE on a double precision column.
#include "query_schema_pg.hpp"

using namespace qpg;

void query(drizzle::Database& db) {
    db.select().from(posts).where(ilike(&Post::score, "1%")).all();
}

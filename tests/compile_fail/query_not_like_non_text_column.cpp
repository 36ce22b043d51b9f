// EXPECT: notLike(column, pattern): the column is not text
// NOT LIKE on an integer column.
#include "query_schema_pg.hpp"

using namespace qpg;

void query(drizzle::Database& db) {
    db.select().from(users).where(notLike(&User::age, "1%")).all();
}

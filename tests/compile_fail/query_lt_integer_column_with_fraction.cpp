// EXPECT: lt(a, b): the operands have different value types
// An integer column compared with a fraction would silently truncate it.
#include "query_schema_pg.hpp"

using namespace qpg;

void query(drizzle::Database& db) {
    db.select().from(users).where(lt(&User::age, 17.5)).all();
}

// EXPECT: NULL compares to nothing
// `<> NULL` is never true in SQL: isNotNull(column) is what was meant.
#include "query_schema_sqlite.hpp"

using namespace qsqlite;

void query(drizzle::Database& db) {
    db.select().from(users).where(ne(&User::age, nullptr)).all();
}

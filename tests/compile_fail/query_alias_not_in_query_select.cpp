// EXPECT: select(...): a selected column belongs to a table that is not in this query
// Selecting a column of an alias that is never joined.
#include "query_schema_sqlite.hpp"

using namespace qsqlite;

void query(drizzle::Database& db) {
    const auto mentor = drizzle::alias<"mentor">(users);
    db.select(&User::name, mentor(&User::name)).from(users).all();
}

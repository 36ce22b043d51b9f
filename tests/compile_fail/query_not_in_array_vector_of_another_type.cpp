// EXPECT: inArray(column, values): the values' type differs from the column's
// A vector of integers for a text column.
#include "query_schema_sqlite.hpp"

using namespace qsqlite;

void query(drizzle::Database& db) {
    db.select().from(users).where(notInArray(&User::name, std::vector<int>{1, 2})).all();
}

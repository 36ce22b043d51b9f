// EXPECT: set(column, value): the value's type differs from the column's
// A number into a text column.
#include "query_schema_sqlite.hpp"

using namespace qsqlite;

void query(drizzle::Database& db) {
    db.insert(users).set(&User::name, 42).execute();
}

// EXPECT: set(column, null): the column is NOT NULL (its member is not std::optional)
// The same with std::nullopt.
#include "query_schema_sqlite.hpp"

using namespace qsqlite;

void query(drizzle::Database& db) {
    db.update(users).set(&User::name, std::nullopt).execute();
}

// EXPECT: set(column, null): the column is NOT NULL (its member is not std::optional)
// Inserting NULL into a NOT NULL column, column by column.
#include "query_schema_mysql.hpp"

using namespace qmysql;

void query(drizzle::Database& db) {
    db.insert(users).set(&User::name, nullptr).execute();
}

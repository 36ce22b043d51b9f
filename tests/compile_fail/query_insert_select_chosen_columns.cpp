// EXPECT: insert(...).select(q): the query must return this table's rows
// INSERT INTO users from a query that selects only some columns.
#include "query_schema_mysql.hpp"

using namespace qmysql;

void query(drizzle::Database& db) {
    db.insert(users).select(db.select(&User::id, &User::name).from(users)).execute();
}

// EXPECT: distinctOn(...): DISTINCT ON is PostgreSQL's
// DISTINCT ON does not exist in MySQL.
#include "query_schema_mysql.hpp"

using namespace qmysql;

void query(drizzle::Database& db) {
    db.select().from(users).distinctOn(&User::name).all();
}

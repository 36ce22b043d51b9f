// EXPECT: returning(): MySQL has no RETURNING
// INSERT ... RETURNING on MySQL.
#include "query_schema_mysql.hpp"

using namespace qmysql;

void query(drizzle::Database& db) {
    db.insert(users).set(&User::name, "Ada").returning().all();
}

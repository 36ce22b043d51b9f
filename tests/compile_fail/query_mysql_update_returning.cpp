// EXPECT: returning(): MySQL has no RETURNING
// UPDATE ... RETURNING on MySQL.
#include "query_schema_mysql.hpp"

using namespace qmysql;

void query(drizzle::Database& db) {
    db.update(users).set(&User::name, "Ada").where(eq(&User::id, 1)).returning(&User::id).all();
}

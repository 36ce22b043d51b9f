// EXPECT: from(table): MySQL has no UPDATE ... FROM
// MySQL's multi-table UPDATE is another statement.
#include "query_schema_mysql.hpp"

using namespace qmysql;

void query(drizzle::Database& db) {
    db.update(users).from(posts).set(&User::name, &Post::title).execute();
}

// EXPECT: join: the table is declared for another dialect
// A PostgreSQL query joining a table declared with sqlite::sqliteTable.
#include "query_schema_pg.hpp"
#include "query_schema_sqlite.hpp"

using namespace drizzle;

void query(drizzle::Database& db) {
    db.select().from(qpg::users).innerJoin(qsqlite::posts, eq(&qsqlite::Post::userId, &qpg::User::id)).all();
}

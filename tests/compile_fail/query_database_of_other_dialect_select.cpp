// EXPECT: from(table): the table is declared for another dialect than the database's
// sqlite::open gives a database whose type says SQLite: a PostgreSQL table does not compile.
#include "query_schema_pg.hpp"

void query() {
    auto db = drizzle::sqlite::open(":memory:");
    db.select(&qpg::User::id).from(qpg::users).all();
}

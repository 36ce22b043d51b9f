// EXPECT: insert(table): the table is declared for another dialect than the database's
// pg::connect gives a database whose type says PostgreSQL: a MySQL table does not compile.
#include "query_schema_mysql.hpp"

void query() {
    auto db = drizzle::pg::connect("postgres://localhost/app");
    db.insert(qmysql::users).values(qmysql::User{}).execute();
}

// EXPECT: join: the table is declared for another dialect
// The same through an alias of a MySQL table and a cross join.
#include "query_schema_pg.hpp"
#include "query_schema_mysql.hpp"

using namespace drizzle;

void query(drizzle::Database& db) {
    const auto other = drizzle::alias<"other">(qmysql::users);
    db.select().from(qpg::users).crossJoin(other).all();
}

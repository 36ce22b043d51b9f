// EXPECT: extras(...): an expression reads a table other than the one queried
// A computed field reads the queried rows; another table's columns go in a subquery.
#include "query_schema_pg.hpp"

using namespace qpg;

void query(drizzle::Database& db) {
    db.query(users).extras(sql<std::string>("lower(?)", &Post::title)).findMany();
}

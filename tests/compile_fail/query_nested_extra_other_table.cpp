// EXPECT: a computed field (extra(...)) read its columns
// A nested computed field reads the related table's columns.
#include "query_schema_pg.hpp"

using namespace qpg;

void query(drizzle::Database& db) {
    db.query(users).with(drizzle::with(usersRelations.posts, drizzle::extra(sql<std::string>("lower(?)", &User::name)))).findMany();
}

// EXPECT: set(column, null): the column is NOT NULL (its member is not std::optional)
// The same with std::nullopt.
#include "query_schema_pg.hpp"

using namespace qpg;

void query(drizzle::Database& db) {
    db.insert(posts).set(&Post::userId, 1).set(&Post::title, std::nullopt).execute();
}

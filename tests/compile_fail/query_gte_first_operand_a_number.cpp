// EXPECT: gte(a, b): the first operand must be a column or an expression
// A plain value on the left: swap the operands (lte(&User::age, 18)).
#include "query_schema_mysql.hpp"

using namespace qmysql;

void query(drizzle::Database& db) {
    db.select().from(users).where(gte(18, &User::age)).all();
}

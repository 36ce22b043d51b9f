// The query builder and relational queries against a real SQLite database (in memory): every clause and operator the
// dialect has, checked by reading the rows back.
#include <gtest/gtest.h>

#include "drizzle/orm.hpp"
#include "seed.hpp"
#include "sqlite_schema.hpp"

using namespace drizzle;
using namespace orm_sqlite;

namespace {

class SqliteOrm : public ::testing::Test {
protected:
    Database db = drizzle::sqlite::open(":memory:");
    void SetUp() override {
        db.execute(ddl);
        orm_test::seed<User, Post>(db, users, posts);
    }
};

#define ORM_SUITE SqliteOrm
#define ORM_HAS_RETURNING 1
#define ORM_HAS_FULL_JOIN 1
#define ORM_HAS_ON_CONFLICT 1
#define ORM_HAS_SET_ALL 0
#include "query_cases.inc"
#include "relational_cases.inc"

TEST_F(SqliteOrm, PrintsQuotedQualifiedSqlWithPlaceholders) {
    EXPECT_EQ(db.select().from(users).where(eq(&User::name, "x")).toSQL(),
              R"(select "users"."id", "users"."name", "users"."email", "users"."age", "users"."active", "users"."mentor_id" from "users" where "users"."name" = ?)");
}

TEST_F(SqliteOrm, IsOneStatement) {
    const std::string sql = db.query(users).with(usersRelations.posts).toSQL();
    EXPECT_EQ(sql.find(';'), std::string::npos);
    EXPECT_NE(sql.find("json_group_array"), std::string::npos);
}

}  // namespace

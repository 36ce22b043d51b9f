// The query builder against a real SQLite database (in memory): every clause and operator the
// dialect has, checked by reading the rows back.
#include <gtest/gtest.h>

#include "drizzle/orm.hpp"
#include "sqlite_schema.hpp"

using namespace drizzle;
using namespace orm_sqlite;

namespace {

class SqliteQuery : public ::testing::Test {
protected:
    Database db = drizzle::sqlite::open(":memory:");
    void SetUp() override {
        db.execute(ddl);
        db.insert(users).values(std::vector<User>{
            {0, "Ada", "ada@x", 36, true, std::nullopt},
            {0, "Bob", "bob@x", std::nullopt, false, 1},
            {0, "Cy", "cy@x", 20, true, 1},
        }).execute();
        db.insert(posts).set(&Post::userId, 1).set(&Post::title, "Hello").set(&Post::body, "first").execute();
        db.insert(posts).set(&Post::userId, 1).set(&Post::title, "Again").execute();
        db.insert(posts).set(&Post::userId, 3).set(&Post::title, "Cy's").execute();
    }
};

#define ORM_SUITE SqliteQuery
#define ORM_HAS_RETURNING 1
#define ORM_HAS_FULL_JOIN 1
#define ORM_HAS_ON_CONFLICT 1
#include "query_cases.inc"

TEST_F(SqliteQuery, PrintsQuotedQualifiedSqlWithPlaceholders) {
    EXPECT_EQ(db.select().from(users).where(eq(&User::name, "x")).toSQL(),
              R"(select "users"."id", "users"."name", "users"."email", "users"."age", "users"."active", "users"."mentor_id" from "users" where "users"."name" = ?)");
}

}  // namespace

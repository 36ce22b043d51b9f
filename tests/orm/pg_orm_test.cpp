// The query builder and relational queries against a real PostgreSQL server: the cases every dialect runs, and what
// only PostgreSQL has (DISTINCT ON, arrays, ILIKE, row locks).
#include <gtest/gtest.h>

#include "drizzle/orm.hpp"
#include "seed.hpp"
#include "pg_schema.hpp"
#include "support.hpp"

using namespace drizzle;
using namespace orm_pg;

namespace {

class PgOrm : public ::testing::Test {
protected:
    driver::test::ScratchDatabase scratch{Dialect::postgresql};
    Database db = drizzle::pg::connect(scratch.url());
    void SetUp() override {
        db.execute(ddl);
        orm_test::seed<User, Post>(db, users, posts);
    }
};

#define ORM_SUITE PgOrm
#define ORM_HAS_RETURNING 1
#define ORM_HAS_FULL_JOIN 1
#define ORM_HAS_ON_CONFLICT 1
#define ORM_HAS_SET_ALL 1
#include "query_cases.inc"
#include "relational_cases.inc"

TEST_F(PgOrm, DistinctOnKeepsTheFirstRowPerKey) {
    auto rows = db.select(&Post::userId, &Post::title).from(posts).distinctOn(&Post::userId).orderBy(asc(&Post::userId), desc(&Post::id)).all();
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(std::get<1>(rows[0]), "Again");
}

TEST_F(PgOrm, ArrayOperators) {
    db.update(posts).set(&Post::tags, std::vector<std::string>{"c++", "sql, \"quoted\""}).where(eq(&Post::id, 1)).execute();
    db.update(posts).set(&Post::tags, std::vector<std::string>{"sql, \"quoted\""}).where(eq(&Post::id, 2)).execute();
    auto tagged = db.select(&Post::id).from(posts).where(arrayContains(&Post::tags, std::vector<std::string>{"c++"})).all();
    ASSERT_EQ(tagged.size(), 1u);
    EXPECT_EQ(std::get<0>(tagged[0]), 1);
    EXPECT_EQ(db.select(&Post::id).from(posts).where(arrayOverlaps(&Post::tags, std::vector<std::string>{"sql, \"quoted\"", "x"})).all().size(), 2u);
    EXPECT_EQ(db.select(&Post::id).from(posts).where(arrayContained(&Post::tags, std::vector<std::string>{"sql, \"quoted\""})).all().size(), 2u);
    auto first = db.select().from(posts).where(eq(&Post::id, 1)).get();
    EXPECT_EQ(first->tags, (std::vector<std::string>{"c++", "sql, \"quoted\""}));
}

TEST_F(PgOrm, IlikeIgnoresCase) {
    EXPECT_EQ(db.select(&User::id).from(users).where(ilike(&User::name, "ADA")).all().size(), 1u);
    EXPECT_EQ(db.select(&User::id).from(users).where(like(&User::name, "ADA")).all().size(), 0u);
}

TEST_F(PgOrm, ForUpdateLocksRowsInATransaction) {
    db.transaction([&] {
        auto locked = db.select().from(users).where(eq(&User::id, 1)).forUpdate("nowait").all();
        ASSERT_EQ(locked.size(), 1u);
        auto other = drizzle::pg::connect(scratch.url());
        other.execute("set lock_timeout = '100ms'");
        EXPECT_THROW(other.update(users).set(&User::age, 1).where(eq(&User::id, 1)).execute(), drizzle::Error);
    });
}

TEST_F(PgOrm, IsOneStatement) {
    const std::string sql = db.query(users).with(usersRelations.posts).toSQL();
    EXPECT_EQ(sql.find(';'), std::string::npos);
    EXPECT_NE(sql.find("json_agg"), std::string::npos);
}

}  // namespace

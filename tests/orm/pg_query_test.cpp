// The query builder against a real PostgreSQL server: the cases every dialect runs, and what
// only PostgreSQL has (DISTINCT ON, arrays, ILIKE, row locks).
#include <gtest/gtest.h>

#include "drizzle/orm.hpp"
#include "pg_schema.hpp"
#include "support.hpp"

using namespace drizzle;
using namespace orm_pg;

namespace {

class PgQuery : public ::testing::Test {
protected:
    driver::test::ScratchDatabase scratch{Dialect::postgresql};
    Database db = drizzle::pg::connect(scratch.url());
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

#define ORM_SUITE PgQuery
#define ORM_HAS_RETURNING 1
#define ORM_HAS_FULL_JOIN 1
#define ORM_HAS_ON_CONFLICT 1
#include "query_cases.inc"

TEST_F(PgQuery, DistinctOnKeepsTheFirstRowPerKey) {
    auto rows = db.select(&Post::userId, &Post::title).from(posts).distinctOn(&Post::userId).orderBy(asc(&Post::userId), desc(&Post::id)).all();
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(std::get<1>(rows[0]), "Again");
}

TEST_F(PgQuery, ArrayOperators) {
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

TEST_F(PgQuery, IlikeIgnoresCase) {
    EXPECT_EQ(db.select(&User::id).from(users).where(ilike(&User::name, "ADA")).all().size(), 1u);
    EXPECT_EQ(db.select(&User::id).from(users).where(like(&User::name, "ADA")).all().size(), 0u);
}

TEST_F(PgQuery, ForUpdateLocksRowsInATransaction) {
    db.transaction([&] {
        auto locked = db.select().from(users).where(eq(&User::id, 1)).forUpdate("nowait").all();
        ASSERT_EQ(locked.size(), 1u);
        auto other = drizzle::pg::connect(scratch.url());
        other.execute("set lock_timeout = '100ms'");
        EXPECT_THROW(other.update(users).set(&User::age, 1).where(eq(&User::id, 1)).execute(), drizzle::Error);
    });
}

}  // namespace

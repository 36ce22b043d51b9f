// The query builder and relational queries against a real PostgreSQL server: the cases every dialect runs, and what
// only PostgreSQL has (DISTINCT ON, arrays, ILIKE, row locks).
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

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

// What concurrent work does to a transaction, as errors of their own: a deadlock victim is a
// retryable conflict, and a transaction run with retries succeeds once the other one is done.
TEST_F(PgOrm, DeadlocksTimeoutsAndReadOnlyServersAreTheirOwnErrors) {
    auto other = drizzle::pg::connect(scratch.url());
    auto deadlock = [&](TransactionOptions options, int& attempts) {
        std::atomic<bool> holdsTwo{false};
        std::optional<drizzle::Error> failure;
        db.execute("begin");
        db.execute("update users set age = 1 where id = 1");
        std::thread victim([&] {
            try {
                other.transaction(
                    [&] {
                        ++attempts;
                        other.execute("set local deadlock_timeout = '50ms'");  // it finds the cycle first
                        other.execute("update users set age = 2 where id = 2");
                        holdsTwo = true;
                        other.execute("update users set age = 2 where id = 1");
                    },
                    options);
            } catch (const drizzle::Error& e) {
                failure = e;
            }
        });
        while (!holdsTwo) std::this_thread::sleep_for(std::chrono::milliseconds(5));
        db.execute("update users set age = 1 where id = 2");  // waits until the victim gives up
        db.execute("commit");
        victim.join();
        return failure;
    };
    int attempts = 0;
    const auto failure = deadlock({}, attempts);
    ASSERT_TRUE(failure.has_value());
    EXPECT_EQ(failure->category(), ErrorCategory::conflict);
    EXPECT_EQ(failure->nativeCode(), "40P01");
    EXPECT_TRUE(failure->retryable());
    EXPECT_EQ(attempts, 1);
    attempts = 0;
    EXPECT_FALSE(deadlock({.retries = 3, .backoff = std::chrono::milliseconds(20)}, attempts).has_value());
    EXPECT_EQ(attempts, 2);
    EXPECT_EQ(std::get<0>(*db.select(&User::age).from(users).where(eq(&User::id, 1)).get()), 2);  // the retry's write

    // A lock wait past lock_timeout, a statement past statement_timeout, a write on a read-only session.
    db.execute("begin");
    db.execute("update users set age = 5 where id = 3");
    other.execute("set lock_timeout = '100ms'");
    try {
        other.update(users).set(&User::age, 6).where(eq(&User::id, 3)).execute();
        ADD_FAILURE() << "the lock wait did not time out";
    } catch (const drizzle::Error& e) {
        EXPECT_EQ(e.category(), ErrorCategory::timeout);
        EXPECT_TRUE(e.retryable());
    }
    db.execute("rollback");
    other.execute("set statement_timeout = '50ms'");
    try {
        other.execute("select pg_sleep(2)");
        ADD_FAILURE() << "the statement did not time out";
    } catch (const drizzle::Error& e) {
        EXPECT_EQ(e.category(), ErrorCategory::timeout);
        EXPECT_FALSE(e.retryable());
    }
    other.execute("set statement_timeout = 0");
    other.execute("set default_transaction_read_only = on");
    try {
        other.insert(users).values(User{0, "Ro", "ro@x", 1, true, {}}).execute();
        ADD_FAILURE() << "a read-only session took a write";
    } catch (const drizzle::Error& e) {
        EXPECT_EQ(e.category(), ErrorCategory::readOnly);
        EXPECT_FALSE(e.retryable());
    }
}

}  // namespace

TEST_F(PgOrm, ACommitThatFailsEndsTheTransactionAndTheNextOneRuns) {
    // A deferred unique constraint is checked at COMMIT, which then fails.
    db.execute("create table deferred_u (id integer, constraint deferred_u_id unique (id) deferrable initially deferred)");
    const Error e = driver::test::errorOf([&] { db.transaction([&] { db.execute("insert into deferred_u values (1), (1)"); }); });
    EXPECT_EQ(e.category(), ErrorCategory::constraint) << e.what();
    EXPECT_EQ(db.transactionDepth(), 0);
    db.transaction([&] { db.execute("insert into deferred_u values (2)"); });
    EXPECT_EQ(db.connection().query("select count(*) from deferred_u").integer(0, 0), 1);
    EXPECT_THROW(db.execute("savepoint x"), Error) << "a savepoint works only inside a transaction: none is left open";
}

// The query builder and relational queries against a real MariaDB server: the cases every dialect runs, and MySQL's
// own (ON DUPLICATE KEY UPDATE, INSERT IGNORE, insert ids instead of RETURNING).
#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <chrono>
#include <thread>

#include "drizzle/orm.hpp"
#include "seed.hpp"
#include "mysql_schema.hpp"
#include "support.hpp"

using namespace drizzle;
using namespace orm_mysql;

namespace {

class MysqlOrm : public ::testing::Test {
protected:
    driver::test::ScratchDatabase scratch{Dialect::mysql};
    Database db = drizzle::mysql::connect(scratch.url());
    void SetUp() override {
        db.execute(ddl);
        orm_test::seed<User, Post>(db, users, posts);
    }
};

#define ORM_SUITE MysqlOrm
#define ORM_HAS_RETURNING 0
#define ORM_HAS_FULL_JOIN 0
#define ORM_HAS_ON_CONFLICT 0
#define ORM_HAS_SET_ALL 1
#include "query_cases.inc"
#include "relational_cases.inc"

TEST_F(MysqlOrm, ForUpdateLocksRowsInATransaction) {
    db.transaction([&] {
        auto locked = db.select().from(users).where(eq(&User::id, 1)).forUpdate().all();
        ASSERT_EQ(locked.size(), 1u);
        auto other = drizzle::mysql::connect(scratch.url());
        other.execute("set innodb_lock_wait_timeout = 1");
        EXPECT_THROW(other.update(users).set(&User::age, 1).where(eq(&User::id, 1)).execute(), drizzle::Error);
    });
}

TEST_F(MysqlOrm, IsOneStatement) {
    const std::string sql = db.query(users).with(usersRelations.posts).toSQL();
    EXPECT_EQ(sql.find(';'), std::string::npos);
    EXPECT_NE(sql.find("json_arrayagg"), std::string::npos);
}

TEST_F(MysqlOrm, ReturningIdGivesTheIdsOfTheInsertedRows) {
    auto ids = db.insert(users).values(std::vector<User>{{0, "Di", "di@x", 1, true, {}}, {0, "Ed", "ed@x", 2, true, {}}}).returningId();
    auto stored = db.select(&User::id).from(users).where(inArray(&User::name, {"Di", "Ed"})).orderBy(asc(&User::id)).all();
    ASSERT_EQ(ids.size(), 2u);
    ASSERT_EQ(stored.size(), 2u);
    EXPECT_EQ(ids[0], std::get<0>(stored[0]));
    EXPECT_EQ(ids[1], std::get<0>(stored[1]));
    // Rows that give their ids get those back; a column-by-column row its own.
    EXPECT_EQ(db.insert(users).values(User{500, "Fy", "fy@x", 1, true, {}}).returningId(), std::vector<std::int64_t>{500});
    auto one = db.insert(users).set(&User::name, "Gus").set(&User::email, "gus@x").returningId();
    ASSERT_EQ(one.size(), 1u);
    EXPECT_EQ(db.select(&User::name).from(users).where(eq(&User::id, static_cast<std::int32_t>(one[0]))).get(),
              std::make_tuple(std::string("Gus")));
    // Several statements (2,500 rows): each statement's ids, in order.
    std::vector<User> many;
    for (int i = 0; i < 2500; ++i) many.push_back(User{0, "bulk", "bulk" + std::to_string(i) + "@x", i, true, {}});
    auto bulk = db.insert(users).values(many).returningId();
    ASSERT_EQ(bulk.size(), 2500u);
    auto bulkStored = db.select(&User::id, &User::email).from(users).where(eq(&User::name, "bulk")).orderBy(asc(&User::id)).all();
    ASSERT_EQ(bulkStored.size(), 2500u);
    for (std::size_t i = 0; i < bulk.size(); i += 499) {
        EXPECT_EQ(bulk[i], std::get<0>(bulkStored[i]));
        EXPECT_EQ(std::get<1>(bulkStored[i]), "bulk" + std::to_string(i) + "@x");
    }
    EXPECT_THROW(db.insert(users).values(User{0, "H", "h@x", 1, true, {}}).onDuplicateKeyUpdate(set(&User::age, 3)).returningId(),
                 drizzle::Error);
}

TEST_F(MysqlOrm, DeadlocksTimeoutsAndReadOnlySessionsAreTheirOwnErrors) {
    auto other = drizzle::mysql::connect(scratch.url());
    // Two transactions that take rows 1 and 2 in opposite orders. InnoDB rolls one of them back
    // (which one depends on its weights and timing), so each side runs with the same options.
    auto deadlock = [&](TransactionOptions options, std::atomic<int>& attempts) {
        std::atomic<bool> holdsOne{false}, holdsTwo{false};
        std::vector<drizzle::Error> failures;
        std::mutex failed;
        auto side = [&](Database& conn, const char* first, const char* second, std::atomic<bool>& mine,
                        std::atomic<bool>& theirs) {
            try {
                conn.transaction(
                    [&] {
                        ++attempts;
                        conn.execute(first);
                        mine = true;
                        while (!theirs) std::this_thread::sleep_for(std::chrono::milliseconds(5));
                        conn.execute(second);
                    },
                    options);
            } catch (const drizzle::Error& e) {
                std::lock_guard lock(failed);
                failures.push_back(e);
            }
        };
        std::thread rival([&] {
            side(other, "update users set age = 2 where id = 2", "update users set age = 2 where id = 1", holdsTwo, holdsOne);
        });
        side(db, "update users set age = 1 where id = 1", "update users set age = 1 where id = 2", holdsOne, holdsTwo);
        rival.join();
        return failures;
    };
    std::atomic<int> attempts = 0;
    auto failures = deadlock({}, attempts);
    ASSERT_EQ(failures.size(), 1u);  // one side lost; the other committed
    EXPECT_EQ(failures[0].category(), ErrorCategory::conflict);
    EXPECT_EQ(failures[0].nativeCode(), "1213");
    EXPECT_TRUE(failures[0].retryable());
    attempts = 0;
    EXPECT_TRUE(deadlock({.retries = 3, .backoff = std::chrono::milliseconds(20)}, attempts).empty());
    EXPECT_EQ(attempts, 3);  // the loser ran again, once

    db.execute("start transaction");
    db.execute("update users set age = 5 where id = 3");
    other.execute("set session innodb_lock_wait_timeout = 1");
    try {
        other.update(users).set(&User::age, 6).where(eq(&User::id, 3)).execute();
        ADD_FAILURE() << "the lock wait did not time out";
    } catch (const drizzle::Error& e) {
        EXPECT_EQ(e.category(), ErrorCategory::timeout);
        EXPECT_TRUE(e.retryable());
    }
    db.execute("rollback");
    other.execute("set session transaction read only");
    try {
        other.transaction([&] { other.insert(users).values(User{0, "Ro", "ro@x", 1, true, {}}).execute(); });
        ADD_FAILURE() << "a read-only transaction took a write";
    } catch (const drizzle::Error& e) {
        EXPECT_EQ(e.category(), ErrorCategory::readOnly);
        EXPECT_FALSE(e.retryable());
    }
}

}  // namespace

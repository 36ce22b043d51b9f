// The query builder against a real MariaDB server: the cases every dialect runs, and MySQL's
// own (ON DUPLICATE KEY UPDATE, INSERT IGNORE, insert ids instead of RETURNING).
#include <gtest/gtest.h>

#include "drizzle/orm.hpp"
#include "mysql_schema.hpp"
#include "support.hpp"

using namespace drizzle;
using namespace orm_mysql;

namespace {

class MysqlQuery : public ::testing::Test {
protected:
    driver::test::ScratchDatabase scratch{Dialect::mysql};
    Database db = drizzle::mysql::connect(scratch.url());
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

#define ORM_SUITE MysqlQuery
#define ORM_HAS_RETURNING 0
#define ORM_HAS_FULL_JOIN 0
#define ORM_HAS_ON_CONFLICT 0
#include "query_cases.inc"

TEST_F(MysqlQuery, ForUpdateLocksRowsInATransaction) {
    db.transaction([&] {
        auto locked = db.select().from(users).where(eq(&User::id, 1)).forUpdate().all();
        ASSERT_EQ(locked.size(), 1u);
        auto other = drizzle::mysql::connect(scratch.url());
        other.execute("set innodb_lock_wait_timeout = 1");
        EXPECT_THROW(other.update(users).set(&User::age, 1).where(eq(&User::id, 1)).execute(), drizzle::Error);
    });
}

}  // namespace

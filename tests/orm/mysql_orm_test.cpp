// The query builder and relational queries against a real MariaDB server: the cases every dialect runs, and MySQL's
// own (ON DUPLICATE KEY UPDATE, INSERT IGNORE, insert ids instead of RETURNING).
#include <gtest/gtest.h>

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

}  // namespace

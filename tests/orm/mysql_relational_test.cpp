// Relational queries (findMany/findFirst with nested `with`) against a real MariaDB server.
#include <gtest/gtest.h>

#include "drizzle/orm.hpp"
#include "support.hpp"
#include "mysql_schema.hpp"

using namespace drizzle;
using namespace orm_mysql;

namespace {

class MysqlRelational : public ::testing::Test {
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
        db.insert(posts).values(std::vector<Post>{
            {0, 1, "Hello", "first \"quoted\" ünïcode\n", "a", {0, 0xff}},
            {0, 1, "Again", std::nullopt, "b", {}},
            {0, 3, "Cy's", "x", "c", {}},
        }).execute();
    }
};

#define ORM_SUITE MysqlRelational
#include "relational_cases.inc"

TEST_F(MysqlRelational, IsOneStatement) {
    const std::string sql = db.query(users).with(usersRelations.posts).toSQL();
    EXPECT_EQ(sql.find(';'), std::string::npos);
    EXPECT_NE(sql.find("json_arrayagg"), std::string::npos);
}

}  // namespace

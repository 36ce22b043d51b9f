// Relational queries (findMany/findFirst with nested `with`) against a real SQLite database.
#include <gtest/gtest.h>

#include "drizzle/orm.hpp"
#include "sqlite_schema.hpp"

using namespace drizzle;
using namespace orm_sqlite;

namespace {

class SqliteRelational : public ::testing::Test {
protected:
    Database db = drizzle::sqlite::open(":memory:");
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

#define ORM_SUITE SqliteRelational
#include "relational_cases.inc"

TEST_F(SqliteRelational, IsOneStatement) {
    const std::string sql = db.query(users).with(usersRelations.posts).toSQL();
    EXPECT_EQ(sql.find(';'), std::string::npos);
    EXPECT_NE(sql.find("json_group_array"), std::string::npos);
}

}  // namespace

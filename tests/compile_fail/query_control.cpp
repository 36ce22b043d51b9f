// EXPECT-COMPILES
// The query snippets' control: every query the query_*.cpp snippets break, written correctly,
// must compile without warnings. It includes the same schema headers and calls the same
// builders, so a broken include path or a renamed API fails here instead of letting the failing
// snippets pass for the wrong reason.
#include <string>
#include <vector>

#include "query_schema_mysql.hpp"
#include "query_schema_pg.hpp"
#include "query_schema_sqlite.hpp"

using namespace drizzle;

namespace {

void operandTypes(Database& db) {
    using namespace qpg;
    db.select().from(users).where(eq(&User::name, "Ada")).all();
    db.select().from(users).where(eq(&User::name, std::string("Ada"))).all();
    db.select().from(users).where(eq(&User::mentorId, &User::id)).all();
    db.select().from(users).where(lt(&User::age, 17)).all();
    db.select().from(users).where(isNull(&User::age)).all();
    db.select().from(users).where(isNotNull(&User::age)).all();
    db.select().from(users).where(like(&User::name, "1%")).all();
    db.select().from(posts).where(ilike(&Post::title, "1%")).all();
    db.select().from(posts).where(gt(&Post::score, 1)).all();
    db.select().from(users).where(between(&User::age, 18, 30)).all();
    db.select().from(users).where(inArray(&User::id, {1, 2})).all();
    db.select().from(users).where(inArray(&User::id, db.select(&Post::userId).from(posts))).all();
    db.select().from(users).where(inArray(&User::name, db.select(&Post::title).from(posts))).all();
    db.select().from(users).where(eq(&User::id, placeholder("id"))).prepare();

    db.select().from(qsqlite::users).where(eq(&qsqlite::User::active, true)).all();
    db.select().from(qsqlite::users).where(isNotNull(&qsqlite::User::age)).all();
    db.select().from(qsqlite::users).where(notInArray(&qsqlite::User::name, std::vector<std::string>{"a", "b"})).all();
    db.select().from(qmysql::users).where(lte(&qmysql::User::age, 18)).all();
}

void scopes(Database& db) {
    using namespace qpg;
    db.select().from(users).innerJoin(posts, eq(&Post::userId, &User::id)).where(eq(&Post::title, "Hello")).all();
    db.select(&User::name, &Post::title).from(users).leftJoin(posts, eq(&Post::userId, &User::id)).all();
    db.select().from(users).innerJoin(posts, eq(&Post::userId, &User::id)).orderBy(desc(&Post::id), &User::id).all();
    db.select(count()).from(posts).groupBy(&Post::userId).all();
    db.select().from(users)
        .innerJoin(posts, eq(&Post::userId, &User::id))
        .innerJoin(comments, eq(&Comment::postId, &Post::id))
        .all();
    db.select().from(posts).where(sql<bool>("? > 0", &Post::score)).all();
    db.select().from(users).where(exists(db.select(&Post::id).from(posts).where(eq(&Post::userId, outer(&User::id))))).all();
    db.count(users, eq(&User::name, "Ada"));
    db.count(qsqlite::users, eq(&qsqlite::User::name, "Ada"));
    db.select().from(qsqlite::users).orderBy(&qsqlite::User::id).all();
    db.select(&qmysql::User::name, count())
        .from(qmysql::users)
        .leftJoin(qmysql::posts, eq(&qmysql::Post::userId, &qmysql::User::id))
        .groupBy(&qmysql::User::name)
        .having(gt(max(&qmysql::Post::id), 1))
        .all();
    db.update(users).set(&User::name, "Ada").where(eq(&User::id, 1)).execute();
    db.delete_(qmysql::users).where(eq(&qmysql::User::id, 1)).execute();
}

void assignments(Database& db) {
    using namespace qpg;
    db.update(users).set(&User::age, nullptr).set(&User::email, std::nullopt).set(&User::age, 40).execute();
    db.insert(users).set(&User::name, "Ada").set(&User::age, nullptr).set(&User::email, std::nullopt).execute();
    db.insert(posts).set(&Post::userId, 1).set(&Post::title, "Hello").set(&Post::body, std::nullopt).execute();
    db.insert(users).values(User{}).onConflictDoUpdate(cols(&User::email), set(&User::age, nullptr)).execute();
    db.update(qsqlite::users).set(&qsqlite::User::age, std::nullopt).set(&qsqlite::User::name, "Ada").execute();
    db.insert(qsqlite::users).set(&qsqlite::User::name, "Ada").execute();
    db.insert(qmysql::users).set(&qmysql::User::name, "Ada").set(&qmysql::User::age, nullptr).execute();
}

void returning(Database& db) {
    using namespace qpg;
    db.insert(users).set(&User::name, "Ada").returning().all();
    db.update(users).set(&User::name, "Ada").where(eq(&User::id, 1)).returning(&User::id).all();
    db.delete_(users).where(eq(&User::id, 1)).returning().all();
    db.insert(qsqlite::users).set(&qsqlite::User::name, "Ada").returning().all();
    db.insert(qmysql::users).set(&qmysql::User::name, "Ada").execute();
    db.update(qmysql::users).set(&qmysql::User::name, "Ada").where(eq(&qmysql::User::id, 1)).execute();
    db.delete_(qmysql::users).where(eq(&qmysql::User::id, 1)).execute();
}

void aliases(Database& db) {
    using namespace qpg;
    const auto mentor = alias<"mentor">(users);
    const auto boss = alias<"boss">(users);
    db.select().from(users).innerJoin(mentor, eq(&User::mentorId, mentor(&User::id))).all();
    db.select(&User::name, mentor(&User::name))
        .from(users)
        .innerJoin(mentor, eq(&User::mentorId, mentor(&User::id)))
        .innerJoin(boss, eq(mentor(&User::mentorId), boss(&User::id)))
        .where(eq(boss(&User::id), 1))
        .all();
    const auto a = alias<"a">(users);
    db.select().from(a).where(eq(a(&User::id), 1)).orderBy(asc(a(&User::id))).all();
    const auto sqliteMentor = alias<"mentor">(qsqlite::users);
    db.select(&qsqlite::User::name, sqliteMentor(&qsqlite::User::name))
        .from(qsqlite::users)
        .leftJoin(sqliteMentor, eq(sqliteMentor(&qsqlite::User::id), &qsqlite::User::id))
        .all();
}

void dialectClauses(Database& db) {
    db.select().from(qpg::users).distinctOn(&qpg::User::name).all();
    db.select().from(qpg::users).fullJoin(qpg::posts, eq(&qpg::Post::userId, &qpg::User::id)).all();
    db.select().from(qsqlite::users).fullJoin(qsqlite::posts, eq(&qsqlite::Post::userId, &qsqlite::User::id)).all();
    db.select().from(qmysql::users).leftJoin(qmysql::posts, eq(&qmysql::Post::userId, &qmysql::User::id)).distinct().all();
    db.select().from(qpg::users).where(eq(&qpg::User::id, 1)).forUpdate().all();
    db.select().from(qmysql::users).forShare("nowait").all();
    db.select().from(qsqlite::users).where(eq(&qsqlite::User::id, 1)).all();
    db.insert(qpg::users).values(qpg::User{}).onConflictDoUpdate(cols(&qpg::User::email), set(&qpg::User::age, 1)).execute();
    db.insert(qsqlite::users).values(qsqlite::User{}).onConflictDoUpdate(cols(&qsqlite::User::name), set(&qsqlite::User::age, 1)).execute();
    db.insert(qpg::users).values(qpg::User{}).onConflictDoNothing(&qpg::User::email).execute();
    db.insert(qmysql::users).values(qmysql::User{}).onConflictDoNothing().execute();
    db.insert(qmysql::users).values(qmysql::User{}).onDuplicateKeyUpdate(set(&qmysql::User::age, 1)).execute();
    db.select().from(qpg::users).innerJoin(qpg::posts, eq(&qpg::Post::userId, &qpg::User::id)).all();
    const auto other = alias<"other">(qpg::users);
    db.select().from(qpg::users).crossJoin(other).all();
}

void setOperationsAndInsertSelect(Database& db) {
    using namespace qpg;
    db.select(&User::id).from(users).union_(db.select(&Post::userId).from(posts)).all();
    db.select(&qsqlite::User::id).from(qsqlite::users).except(db.select(&qsqlite::Post::userId).from(qsqlite::posts)).all();
    db.insert(users).select(db.select().from(users).where(eq(&User::id, 1))).execute();
    db.insert(qmysql::users).select(db.select().from(qmysql::users)).execute();
}

void relationsAndTheRest(Database& db) {
    using namespace qpg;
    db.query(users).with(usersRelations.posts).findMany();
    db.query(posts).with(drizzle::with(postsRelations.comments, commentsRelations.post)).findMany();
    db.query(users).findMany({.where = eq(&User::name, "x")});
    db.query(users).with(drizzle::with(usersRelations.posts, {.orderBy = {asc(&Post::id)}})).findMany();
    db.insert(users).set(&User::name, "Ada").returning(&User::id).all();
    db.insert(users).values(User{}).onConflictDoUpdate(cols(&User::email), set(&User::name, excluded(&User::name))).execute();
    db.update(users).set(&User::name, sql<std::string>("upper(?)", &User::name)).execute();
    db.select().from(users).orderBy(&User::id).limit(10).all();
    db.select().from(users).where(isNull(&User::age)).all();
    db.select().from(users).where(notLike(&User::name, "1%")).all();
}

}  // namespace

void query(Database& db) {
    relationsAndTheRest(db);
    operandTypes(db);
    scopes(db);
    assignments(db);
    returning(db);
    aliases(db);
    dialectClauses(db);
    setOperationsAndInsertSelect(db);
}

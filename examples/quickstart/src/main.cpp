// The quick start's application: the same header that drives the migrations gives the queries
// their types. Run after `drizzle-kit migrate`:  quickstart-app quickstart.db
#include <cstdio>
#include <exception>

#include <drizzle/orm.hpp>

#include "db/schema.hpp"

using namespace drizzle;
using namespace app;

int main(int argc, char** argv) try {
    auto db = drizzle::sqlite::open(argc > 1 ? argv[1] : "quickstart.db");

    // Insert: a whole row (the id is the database's), then one column by column, in one transaction.
    db.transaction([&] {
        const auto ada = db.insert(users).values(User{.name = "Ada", .email = "ada@example.com"}).returning(&User::id).one();
        db.insert(tasks).set(&Task::title, "Write the quick start").set(&Task::assigneeId, std::get<0>(ada)).execute();
        db.insert(tasks).set(&Task::title, "Review it").execute();
    });

    // created_at was left to its DEFAULT: the database filled it in.
    const auto ada = db.select().from(users).where(eq(&User::email, "ada@example.com")).get();
    std::printf("Ada joined at %s\n", ada && ada->createdAt.value() ? ada->createdAt.value()->c_str() : "(unknown)");

    // Query: open tasks, newest first.
    for (const Task& t : db.select().from(tasks).where(eq(&Task::done, false)).orderBy(desc(&Task::id)).all())
        std::printf("task %lld: %s\n", static_cast<long long>(t.id), t.title.c_str());

    // A join into chosen columns; the left-joined name may be missing, so it is optional.
    for (const auto& [title, name] :
         db.select(&Task::title, &User::name).from(tasks).leftJoin(users, eq(&Task::assigneeId, &User::id)).all())
        std::printf("%s -> %s\n", title.c_str(), name ? name->c_str() : "(nobody)");

    // Tasks with their user, in one statement.
    for (const auto& [task, assignee] : db.query(tasks).with(tasksRelations.assignee).findMany())
        std::printf("%s is assigned to %s\n", task.title.c_str(), assignee ? assignee->email.c_str() : "nobody");

    // Update, then count.
    db.update(tasks).set(&Task::done, true).where(eq(&Task::title, "Review it")).execute();
    std::printf("open tasks: %lld\n", static_cast<long long>(db.count(tasks, eq(&Task::done, false))));
    return 0;
} catch (const std::exception& e) {
    std::fprintf(stderr, "quickstart-app: %s\n", e.what());
    return 1;
}

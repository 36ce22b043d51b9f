// A service's start-up through the installed library, linking drizzle::drizzle alone: read the
// schema model, apply the migrations folder drizzle-kit generated (argv[1]) to an SQLite file
// (argv[2]) with drizzle::migrate, then write and read a row through the ORM.
#include <iostream>

#include <drizzle/migrate.hpp>
#include <drizzle/model/model.hpp>
#include <drizzle/orm.hpp>
#include <drizzle/schema/registry.hpp>

#include "schema.hpp"

int main(int argc, char** argv) {
    const auto schema = drizzle::registeredSchema();
    std::cout << schema.tables.size() << " table(s): " << schema.tables.at(0).name << "\n";
    if (schema.tables.size() != 1 || schema.tables[0].columns.size() != 2) return 1;
    if (argc < 3) return 0;  // the model only

    auto db = drizzle::sqlite::open(argv[2]);
    const auto report = drizzle::migrate(db.connection(), {.migrationsFolder = argv[1]});
    std::cout << "applied " << report.applied.size() << " migration(s)\n";
    db.insert(notes).values(Note{.id = 1, .body = "hello"}).execute();
    const auto rows = db.select().from(notes).all();
    std::cout << rows.size() << " note(s): " << rows.at(0).body << "\n";
    return report.applied.size() == 1 && rows.size() == 1 && rows[0].body == "hello" ? 0 : 1;
}

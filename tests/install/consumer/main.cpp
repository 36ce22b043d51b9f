// A service's start-up through the installed library:
//   consumer                      the schema model only
//   consumer sqlite FOLDER DB     apply the migrations folder drizzle-kit generated to an SQLite
//                                 file with drizzle::migrate, then write and read a row
//   consumer postgresql [URL]     run a query on PostgreSQL when a URL is given
//   consumer refuses DIALECT      connecting to DIALECT must say its driver was not linked
#include <iostream>
#include <string>

#include <drizzle/error.hpp>
#include <drizzle/migrate.hpp>
#include <drizzle/model/model.hpp>
#include <drizzle/orm.hpp>
#include <drizzle/schema/registry.hpp>

#include "schema.hpp"

namespace {

int sqliteStartUp(const char* folder, const char* file) {
    auto db = drizzle::sqlite::open(file);
    const auto report = drizzle::migrate(db.connection(), {.migrationsFolder = folder});
    std::cout << "applied " << report.applied.size() << " migration(s)\n";
    db.insert(notes).values(Note{.id = 1, .body = "hello"}).execute();
    const auto rows = db.select().from(notes).all();
    std::cout << rows.size() << " note(s): " << rows.at(0).body << "\n";
    return report.applied.size() == 1 && rows.size() == 1 && rows[0].body == "hello" ? 0 : 1;
}

int refuses(const std::string& dialect) {
    try {
        if (dialect == "sqlite") drizzle::sqlite::open(":memory:");
        else if (dialect == "postgresql") drizzle::pg::connect("postgres://nobody@127.0.0.1:1/none");
        else drizzle::mysql::connect("mysql://nobody@127.0.0.1:1/none");
    } catch (const drizzle::Error& e) {
        std::cout << e.what() << "\nhint: " << e.hint() << "\n";
        const bool said = std::string(e.what()).find("no " + dialect + " driver: it was not linked") != std::string::npos &&
                          e.hint().find("drizzle::" + dialect) != std::string::npos;
        return said ? 0 : 1;
    }
    std::cout << "connecting to " << dialect << " did not fail\n";
    return 1;
}

}  // namespace

int main(int argc, char** argv) {
    const auto schema = drizzle::registeredSchema();
    std::cout << schema.tables.size() << " table(s): " << schema.tables.at(0).name << "\n";
    if (schema.tables.size() != 1 || schema.tables[0].columns.size() != 2) return 1;
    const std::string mode = argc > 1 ? argv[1] : "";
    if (mode == "sqlite" && argc == 4) return sqliteStartUp(argv[2], argv[3]);
    if (mode == "refuses" && argc == 3) return refuses(argv[2]);
    if (mode == "postgresql") {
        if (argc < 3) return 0;
        auto db = drizzle::pg::connect(argv[2]);
        const auto rows = db.connection().query("select 41 + 1");
        std::cout << "postgresql says " << rows.text(0, 0) << "\n";
        return rows.text(0, 0) == "42" ? 0 : 1;
    }
    return mode.empty() ? 0 : 2;
}

// drizzle-kit migrate: apply the pending migrations of the `out` folder to the configured
// database (drizzle::migrate does the work) and say what was applied.
#include <filesystem>
#include <iostream>
#include <memory>

#include "commands.hpp"
#include "drizzle/driver/connection.hpp"
#include "drizzle/error.hpp"
#include "drizzle/kit/journal.hpp"
#include "drizzle/migrate.hpp"

namespace drizzle::cli {

namespace fs = std::filesystem;

void addMigrateCommand(CLI::App& app, ConfigOverrides& overrides) {
    CLI::App* cmd = app.add_subcommand("migrate", "Apply the pending migrations of the out folder to the database");
    addConfigFlags(*cmd, overrides);
    cmd->add_option_function<std::string>("--url", [&overrides](const std::string& u) { overrides.url = u; },
                                          "Database URL, or a SQLite file (overrides dbCredentials)");
    auto allowOutOfOrder = std::make_shared<bool>(false);
    cmd->add_flag("--allow-out-of-order", *allowOutOfOrder,
                  "Apply a pending migration even when a later one is already applied (a merged branch)");
    auto lockWait = std::make_shared<int>(600);
    cmd->add_option("--lock-wait", *lockWait,
                    "Seconds to wait for another migrate's lock before giving up (default 600)")
        ->check(CLI::NonNegativeNumber);
    cmd->footer(
        "Migrations run in journal order; each is recorded in the tracking table (migrations.table, "
        "migrations.schema) exactly as Drizzle ORM's migrator records it. PostgreSQL and SQLite apply "
        "all pending migrations in one transaction; a migration whose first line is\n"
        "  -- drizzle:no-transaction\n"
        "runs on its own outside it (CREATE INDEX CONCURRENTLY).\n"
        "One migrate runs at a time per database: PostgreSQL and MySQL hold a lock row in "
        "<migrations.table>_lock (it works behind PgBouncer and on Galera clusters), renewed every 10 s "
        "and expiring 30 s after a killed migrate's last renewal; a waiting migrate says who holds it.");
    cmd->callback([&overrides, allowOutOfOrder, lockWait] {
        const Config config = loadConfig(overrides);
        const Credentials credentials = databaseCredentials(config, overrides, "migrate");

        MigrationConfig migration;
        migration.migrationsFolder = overrides.out ? fs::path(*overrides.out) : fromConfig(config, config.out);
        migration.migrationsTable = config.migrations.table;
        migration.migrationsSchema = config.migrations.schema;
        migration.allowOutOfOrder = *allowOutOfOrder;
        migration.lockWait = std::chrono::seconds(*lockWait);
        migration.onLockWait = [](const std::string& message) { std::cerr << "migrate: " << message << std::endl; };

        // The folder is read and checked before connecting: opening a SQLite file creates it, and
        // a migrate that cannot run must leave no database behind.
        kit::readMigrations(migration.migrationsFolder);
        const auto db = driver::connect(config.dialect, credentials);
        const MigrateReport report = drizzle::migrate(*db, migration);
        for (const AppliedMigration& m : report.applied)
            std::cout << "applied " << m.tag << " (" << m.statements << (m.statements == 1 ? " statement" : " statements")
                      << (m.outsideTransaction ? ", outside a transaction" : "") << ")\n";
        if (report.applied.empty())
            std::cout << "nothing to apply: " << report.alreadyApplied
                      << (report.alreadyApplied == 1 ? " migration" : " migrations") << " already applied\n";
        else if (config.verbose)
            std::cout << report.alreadyApplied << (report.alreadyApplied == 1 ? " migration was" : " migrations were")
                      << " already applied\n";
    });
}

}  // namespace drizzle::cli

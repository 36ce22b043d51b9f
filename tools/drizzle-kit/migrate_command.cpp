// drizzle-kit migrate: apply the pending migrations of the `out` folder to the configured
// database (drizzle::migrate does the work) and say what was applied.
#include <filesystem>
#include <iostream>
#include <memory>

#include "commands.hpp"
#include "drizzle/driver/connection.hpp"
#include "drizzle/error.hpp"
#include "drizzle/migrate.hpp"

namespace drizzle::cli {

namespace {

namespace fs = std::filesystem;

// Paths in a config file are relative to its folder; paths given as flags to the working directory.
fs::path fromConfig(const Config& config, const fs::path& path) {
    return path.is_absolute() || config.root.empty() ? path : config.root / path;
}

bool isSqliteFilePath(const std::string& url) {
    return !url.empty() && url != ":memory:" && url.rfind("file:", 0) != 0;
}

}  // namespace

void addMigrateCommand(CLI::App& app, ConfigOverrides& overrides) {
    CLI::App* cmd = app.add_subcommand("migrate", "Apply the pending migrations of the out folder to the database");
    addConfigFlags(*cmd, overrides);
    cmd->add_option_function<std::string>("--url", [&overrides](const std::string& u) { overrides.url = u; },
                                          "Database URL, or a SQLite file (overrides dbCredentials)");
    auto allowOutOfOrder = std::make_shared<bool>(false);
    cmd->add_flag("--allow-out-of-order", *allowOutOfOrder,
                  "Apply a pending migration even when a later one is already applied (a merged branch)");
    cmd->footer(
        "Migrations run in journal order; each is recorded in the tracking table (migrations.table, "
        "migrations.schema) exactly as Drizzle ORM's migrator records it. PostgreSQL and SQLite apply "
        "all pending migrations in one transaction; a migration whose first line is\n"
        "  -- drizzle:no-transaction\n"
        "runs on its own outside it (CREATE INDEX CONCURRENTLY).");
    cmd->callback([&overrides, allowOutOfOrder] {
        const Config config = loadConfig(overrides);
        Credentials credentials = config.dbCredentials;
        if (!overrides.url && config.dialect == Dialect::sqlite && isSqliteFilePath(credentials.url))
            credentials.url = fromConfig(config, credentials.url).string();
        if (credentials.url.empty() && credentials.host.empty() && credentials.database.empty())
            throw Error(ErrorCategory::config, "migrate needs a database: no dbCredentials and no --url",
                        "add \"dbCredentials\": { \"url\": \"...\" } to drizzle.config.json or pass --url");

        MigrationConfig migration;
        migration.migrationsFolder = overrides.out ? fs::path(*overrides.out) : fromConfig(config, config.out);
        migration.migrationsTable = config.migrations.table;
        migration.migrationsSchema = config.migrations.schema;
        migration.allowOutOfOrder = *allowOutOfOrder;

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

// drizzle-kit drop: remove one migration from the out folder (drizzle::kit::dropMigration), never
// one the configured database has applied.
#include <filesystem>
#include <iostream>
#include <memory>

#include "commands.hpp"
#include "drizzle/kit/drop.hpp"

namespace drizzle::cli {

void addDropCommand(CLI::App& app, ConfigOverrides& overrides) {
    CLI::App* cmd = app.add_subcommand("drop", "Remove a migration (the newest, or --tag) from the out folder");
    addConfigFlags(*cmd, overrides);
    cmd->add_option_function<std::string>("--url", [&overrides](const std::string& u) { overrides.url = u; },
                                          "Database to check (overrides dbCredentials)");
    auto options = std::make_shared<kit::DropOptions>();
    cmd->add_option("--tag", options->tag, "The migration to drop, as the journal names it (default: the newest)");
    cmd->add_flag("--force", options->force, "Drop a migration that later migrations were generated after");
    cmd->footer(
        "Removes the migration's journal entry, .sql file and snapshot. With a database in the config (or "
        "--url) it refuses a migration the database has applied. Exit codes: 0 dropped, 2 nothing to drop, "
        "an unknown tag or a later migration without --force, 5 a broken folder, 6 no connection, 7 applied to the database, 8 a file that cannot be written.");
    cmd->callback([&overrides, options] {
        const Config config = configWithOptionalDatabase(overrides, "drop");
        const kit::DropResult dropped = kit::dropMigration(config, *options);
        std::cout << "dropped " << dropped.tag << " (journal entry, .sql file and snapshot)\n";
        if (!dropped.later.empty()) {
            std::cout << "generated after it, and to review:";
            for (const auto& tag : dropped.later) std::cout << " " << tag;
            std::cout << "\n";
        }
        if (!dropped.databaseChecked && config.verbose) std::cout << "no database to check: none is configured\n";
    });
}

}  // namespace drizzle::cli

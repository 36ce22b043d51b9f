// drizzle-kit: the command line. Every failure becomes one paragraph on stderr and the exit
// code of its category (drizzle::exitCodeFor).
#include <iostream>

#include "commands.hpp"
#include "drizzle/error.hpp"

namespace drizzle::cli {

void addConfigFlags(CLI::App& command, ConfigOverrides& o) {
    command.add_option_function<std::string>("--config", [&o](const std::string& p) { o.configPath = p; },
                                             "Config file (default: drizzle.config.json)");
    command.add_option_function<std::string>("--dialect", [&o](const std::string& d) { o.dialect = d; },
                                             "postgresql | sqlite | mysql (overrides the config)");
    command.add_option("--schema", o.schema, "Schema header path or glob (repeatable; overrides the config)");
    command.add_option_function<std::string>("--out", [&o](const std::string& d) { o.out = d; },
                                             "Migrations folder (overrides the config)");
    command.add_flag_function("--verbose", [&o](std::int64_t) { o.verbose = true; }, "Print more about what happens");
}

}  // namespace drizzle::cli

int main(int argc, char** argv) {
    CLI::App app{"drizzle-kit for C++: schema as code, migrations, introspection", "drizzle-kit"};
    app.require_subcommand(1);
    app.set_version_flag("--version", std::string(DRIZZLE_VERSION_TEXT));
    drizzle::ConfigOverrides overrides;
    drizzle::cli::addExportCommand(app, overrides);
    drizzle::cli::addGenerateCommand(app, overrides);
    drizzle::cli::addMigrateCommand(app, overrides);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e) == 0 ? 0 : drizzle::exitCodeFor(drizzle::ErrorCategory::usage);
    } catch (const drizzle::Error& e) {
        std::cerr << "error: " << e.what() << "\n";
        if (!e.hint().empty()) std::cerr << "hint: " << e.hint() << "\n";
        return drizzle::exitCodeFor(e.category());
    } catch (const std::exception& e) {
        std::cerr << "error: " << e.what() << "\n";
        return drizzle::exitCodeFor(drizzle::ErrorCategory::internal);
    }
    return 0;
}

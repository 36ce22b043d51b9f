// drizzle-kit export: print the SQL that creates the declared schema from nothing.
#include <iostream>

#include "commands.hpp"
#include "drizzle/kit/ddl.hpp"
#include "drizzle/kit/schema_loader.hpp"

namespace drizzle::cli {

void addExportCommand(CLI::App& app, ConfigOverrides& overrides) {
    CLI::App* cmd = app.add_subcommand("export", "Print the SQL DDL of the schema declared in C++");
    addConfigFlags(*cmd, overrides);
    cmd->callback([&overrides] {
        const Config config = loadConfig(overrides);
        kit::LoadReport report;
        const model::Schema schema = kit::loadSchema(config, &report);
        if (config.verbose)
            std::cerr << kit::describe(report) << "\n";
        for (std::string statement : kit::ddl::createStatements(schema)) {
            while (!statement.empty() && (statement.back() == '\n' || statement.back() == ' ')) statement.pop_back();
            std::cout << statement << "\n";
        }
    });
}

}  // namespace drizzle::cli

// drizzle-kit generate: write the next migration from the difference between the C++ schema
// and the newest snapshot. Rename questions are asked on a terminal, or answered by flags.
#include <unistd.h>

#include <iostream>

#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "drizzle/error.hpp"
#include "drizzle/kit/codegen.hpp"
#include "drizzle/kit/generate.hpp"

namespace drizzle::cli {

void addGenerateCommand(CLI::App& app, ConfigOverrides& overrides) {
    CLI::App* cmd = app.add_subcommand("generate", "Write the next SQL migration from the schema's changes");
    addConfigFlags(*cmd, overrides);
    // The flags' storage lives as long as the App that fills it.
    static kit::GenerateOptions generateOptions;
    static RenameFlags renameFlags;
    static std::string prefixFlag;
    static bool jsonFlag = false;
    auto* options = &generateOptions;
    auto* renames = &renameFlags;
    auto* prefix = &prefixFlag;
    cmd->add_option_function<std::string>("--name", [options](const std::string& n) { options->name = n; },
                                          "The migration's name (default: a random word pair)");
    cmd->add_flag("--custom", options->custom, "An empty migration for hand-written SQL");
    cmd->add_flag("--json", jsonFlag, "Print what was written, the statements and the warnings as JSON on stdout");
    cmd->add_option("--prefix", *prefix, "index | timestamp | supabase | unix | none (overrides the config)");
    renames->add(*cmd);
    cmd->add_flag_function("--breakpoints,!--no-breakpoints",
                           [&overrides](std::int64_t n) { overrides.breakpoints = n > 0; },
                           "Separate statements with --> statement-breakpoint (default: on)");
    cmd->callback([&overrides, options, renames, prefix] {
        Config config = loadConfig(overrides);
        if (!prefix->empty()) config.migrations.prefix = *prefix;
        renames->applyTo(options->renames, options->creates);
        if (isatty(STDIN_FILENO)) options->ask = askRenameOnTerminal;
        const auto result = kit::generate(config, *options);
        if (config.verbose && !options->custom)
            std::cerr << kit::describe(result.schemaLoad) << "\n";
        if (jsonFlag) {
            nlohmann::json out{{"changed", !result.nothingToDo},
                               {"tag", result.tag},
                               {"sqlFile", result.sqlFile.string()},
                               {"snapshotFile", result.snapshotFile.string()},
                               {"statements", result.statements},
                               {"dataLossWarnings", result.dataLossWarnings},
                               {"lockWarnings", result.lockWarnings}};
            // Names from a pulled database may hold bytes that are not UTF-8: replaced, not thrown on.
            std::cout << out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
            return;
        }
        if (result.nothingToDo) {
            std::cout << "No schema changes, nothing to migrate\n";
            return;
        }
        for (const auto& w : result.dataLossWarnings) std::cerr << "warning: " << kit::printable(w) << "\n";
        for (const auto& w : result.lockWarnings) std::cerr << "warning: " << kit::printable(w) << "\n";
        std::cout << "Your SQL migration file: " << result.sqlFile.string() << " (" << result.statements.size()
                  << " statement" << (result.statements.size() == 1 ? "" : "s") << ")\n";
    });
}

}  // namespace drizzle::cli

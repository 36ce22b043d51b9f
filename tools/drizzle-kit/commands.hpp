// The drizzle-kit subcommands: each registers its flags on the CLI and runs by calling the
// library (no logic lives here that a library user could not call).
#pragma once

#include <CLI/CLI.hpp>

#include "drizzle/config.hpp"

namespace drizzle::cli {

// Flags every command shares: --config, --dialect, --schema, --out, --verbose.
void addConfigFlags(CLI::App& command, ConfigOverrides& overrides);

void addExportCommand(CLI::App& app, ConfigOverrides& overrides);
void addGenerateCommand(CLI::App& app, ConfigOverrides& overrides);
void addMigrateCommand(CLI::App& app, ConfigOverrides& overrides);

}  // namespace drizzle::cli

// The drizzle-kit subcommands: each registers its flags on the CLI and runs by calling the
// library (no logic lives here that a library user could not call).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/exit_codes.hpp"
#include "drizzle/kit/config.hpp"
#include "drizzle/kit/diff.hpp"

namespace drizzle::cli {

using kit::Config;
using kit::ConfigOverrides;

// Flags every command shares: --config, --dialect, --schema, --out, --verbose.
void addConfigFlags(CLI::App& command, ConfigOverrides& overrides);

// Paths in a config file are relative to its folder; paths given as flags to the working directory.
std::filesystem::path fromConfig(const Config& config, const std::filesystem::path& path);

// The database a command works on: the config's dbCredentials, or --url; a SQLite file named in
// the config is relative to the config's folder. A clear error when there is none.
Credentials databaseCredentials(const Config& config, const ConfigOverrides& overrides, const char* command);

// The config of a command whose database is optional (drop, check): --out as given, and the
// credentials resolved as databaseCredentials resolves them when the config or --url names one.
Config configWithOptionalDatabase(const ConfigOverrides& overrides, const char* command);

// The database flags of the commands that introspect (pull, push): --url, --host/--port/--user/
// --password/--database/--ssl, and the filters.
struct DatabaseFlags {
    std::string host, user, password, database, ssl;
    std::optional<int> port;
    std::vector<std::string> tablesFilter, schemaFilter, extensionsFilters;
    void add(CLI::App& command, ConfigOverrides& overrides);  // `this` must outlive the App
    void applyTo(Config& config) const;
};

// The rename answers of the commands that diff (generate, push): --rename, --create, --renames.
struct RenameFlags {
    std::vector<std::string> renames, creates;
    std::string file;
    void add(CLI::App& command);  // `this` must outlive the App
    // Parses them into `renames` and `creates`; a malformed one is a usage error.
    void applyTo(kit::diff::Renames& renames, std::vector<std::pair<std::string, std::string>>& creates) const;
};

// Asks one rename question on the terminal (stderr), reads the answer from stdin.
std::optional<std::string> askRenameOnTerminal(const kit::diff::RenameQuestion& question);

void addExportCommand(CLI::App& app, ConfigOverrides& overrides);
void addGenerateCommand(CLI::App& app, ConfigOverrides& overrides);
void addMigrateCommand(CLI::App& app, ConfigOverrides& overrides);
void addPullCommand(CLI::App& app, ConfigOverrides& overrides);
void addUpCommand(CLI::App& app, ConfigOverrides& overrides);
void addStudioCommand(CLI::App& app, ConfigOverrides& overrides);
// Sets `exitCode` to 2 when the push was refused (data loss without --force, a blocking finding).
void addPushCommand(CLI::App& app, ConfigOverrides& overrides, int& exitCode);
void addDropCommand(CLI::App& app, ConfigOverrides& overrides);
// Sets `exitCode` to exitCodeForFindings when the folder or database has findings.
void addCheckCommand(CLI::App& app, ConfigOverrides& overrides, int& exitCode);

}  // namespace drizzle::cli

// drizzle.config.json: what the kit works on, mirroring Drizzle Kit's `defineConfig` fields.
//
// Flags override the file, so one-off use needs no file at all:
//   auto config = drizzle::kit::loadConfig({.dialect = "sqlite", .schema = {"src/db/schema.hpp"}});
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "drizzle/dialect.hpp"
#include "drizzle/driver/credentials.hpp"

namespace drizzle::kit {

struct MigrationsConfig {
    std::string table = "__drizzle_migrations";
    std::string schema = "drizzle";  // PostgreSQL only
    std::string prefix = "index";    // index | timestamp | supabase | unix | none
};

struct Config {
    std::filesystem::path file;  // the config file read, or empty when flags said everything
    std::filesystem::path root;  // paths in the config are relative to this folder
    Dialect dialect = Dialect::sqlite;
    std::vector<std::string> schema;  // paths or globs of C++ schema headers
    std::filesystem::path out = "drizzle";
    Credentials dbCredentials;
    std::vector<std::string> tablesFilter, schemaFilter, extensionsFilters;
    std::string introspectCasing = "camel";  // camel | preserve
    bool entitiesRoles = false;              // entities.roles: pull and diff PostgreSQL roles
    MigrationsConfig migrations;
    bool strict = false;
    bool verbose = false;
    bool breakpoints = true;
    std::string casing;  // snake_case | camelCase | "" (as declared)

    // The schema headers the `schema` entries name, as absolute paths, sorted.
    std::vector<std::filesystem::path> schemaFiles() const;
};

struct ConfigOverrides {
    std::optional<std::filesystem::path> configPath;  // --config
    std::optional<std::string> dialect;               // --dialect
    std::vector<std::string> schema;                  // --schema (repeatable)
    std::optional<std::string> out;                   // --out
    std::optional<std::string> url;                   // --url
    std::optional<bool> breakpoints;                  // --breakpoints
    std::optional<bool> verbose;                      // --verbose
};

// Reads drizzle.config.json from the working directory (or --config), then applies the flags.
// Throws drizzle::Error (category config) with one clear sentence on any problem.
Config loadConfig(const ConfigOverrides& overrides);

// Parses config text; `source` names it in messages.
Config parseConfig(const std::string& json, const std::filesystem::path& source);

}  // namespace drizzle::kit

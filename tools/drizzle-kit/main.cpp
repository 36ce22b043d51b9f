// drizzle-kit: the command line. Every failure becomes one paragraph on stderr and the exit
// code of its category (drizzle::cli::exitCodeFor, src/cli/exit_codes.hpp).
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include "commands.hpp"
#include "cli/exit_codes.hpp"
#include "drizzle/error.hpp"
#include "drizzle/kit/codegen.hpp"
#include "drizzle/kit/diff.hpp"
#include "drizzle/kit/generate.hpp"
#include "util/atomic_file.hpp"

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

std::filesystem::path fromConfig(const Config& config, const std::filesystem::path& path) {
    return path.is_absolute() || config.root.empty() ? path : config.root / path;
}

Credentials databaseCredentials(const Config& config, const ConfigOverrides& overrides, const char* command) {
    Credentials credentials = config.dbCredentials;
    const std::string& url = credentials.url;
    const bool sqliteFile = !url.empty() && url != ":memory:" && url.rfind("file:", 0) != 0;
    if (!overrides.url && config.dialect == Dialect::sqlite && sqliteFile) credentials.url = fromConfig(config, url).string();
    if (credentials.url.empty() && credentials.host.empty() && credentials.database.empty())
        throw Error(ErrorCategory::config, std::string(command) + " needs a database: no dbCredentials and no --url",
                    "add \"dbCredentials\": { \"url\": \"...\" } to drizzle.config.json or pass --url");
    return credentials;
}

Config configWithOptionalDatabase(const ConfigOverrides& overrides, const char* command) {
    Config config = loadConfig(overrides);
    if (overrides.out) config.out = std::filesystem::absolute(*overrides.out);
    const Credentials& c = config.dbCredentials;
    if (overrides.url || !c.url.empty() || !c.host.empty() || !c.database.empty())
        config.dbCredentials = databaseCredentials(config, overrides, command);
    return config;
}

// "Is column users.full_name created, or renamed from one of these?" on stderr; reads stdin.
std::optional<std::string> askRenameOnTerminal(const kit::diff::RenameQuestion& q) {
    // Names come from a pulled database too: shown escaped, never as raw control bytes.
    const std::string what = kit::printable(q.kind + " " + (q.scope.empty() ? "" : q.scope + ".") + q.created);
    for (;;) {
        std::cerr << "\nIs " << what << " created, or renamed from another " << q.kind << "?\n";
        std::cerr << "  0) + " << kit::printable(q.created) << " (create)\n";
        for (std::size_t i = 0; i < q.dropped.size(); ++i)
            std::cerr << "  " << i + 1 << ") ~ " << kit::printable(q.dropped[i]) << " > " << kit::printable(q.created)
                      << " (rename)\n";
        std::cerr << "answer [0-" << q.dropped.size() << "]: " << std::flush;
        std::string line;
        if (!std::getline(std::cin, line)) throw Error(ErrorCategory::usage, "no answer for " + what, "");
        try {
            const std::size_t n = std::stoul(line);
            if (n == 0) return std::nullopt;
            if (n <= q.dropped.size()) return q.dropped[n - 1];
        } catch (...) {
        }
    }
}


void DatabaseFlags::add(CLI::App& command, ConfigOverrides& overrides) {
    command.add_option_function<std::string>("--url", [&overrides](const std::string& u) { overrides.url = u; },
                                             "Database URL, or a SQLite file (overrides dbCredentials)");
    command.add_option("--host", host, "Database host (instead of --url)");
    command.add_option_function<int>("--port", [this](int p) { port = p; }, "Database port");
    command.add_option("--user", user, "Database user");
    command.add_option("--password", password, "Database password");
    command.add_option("--database", database, "Database name");
    command.add_option("--ssl", ssl, "PostgreSQL sslmode: disable, require, verify-full, ...");
    command.add_option("--tablesFilter", tablesFilter, "Table glob; `!glob` excludes (repeatable)");
    command.add_option("--schemaFilter", schemaFilter, "PostgreSQL schema (repeatable; default public)");
    command.add_option("--extensionsFilters", extensionsFilters, "Leave out an extension's tables: postgis");
}

void DatabaseFlags::applyTo(Config& config) const {
    // Credentials given as separate flags replace the config's, as in Drizzle Kit.
    if (!host.empty() || !database.empty() || port) {
        config.dbCredentials = Credentials{};
        config.dbCredentials.host = host;
        config.dbCredentials.port = port;
        config.dbCredentials.user = user;
        config.dbCredentials.password = password;
        config.dbCredentials.database = database;
        config.dbCredentials.ssl = ssl;
    }
    if (!tablesFilter.empty()) config.tablesFilter = tablesFilter;
    if (!schemaFilter.empty()) config.schemaFilter = schemaFilter;
    if (!extensionsFilters.empty()) config.extensionsFilters = extensionsFilters;
}

void RenameFlags::add(CLI::App& command) {
    command.add_option("--rename", renames, "Answer a rename question: kind:from=to (repeatable)");
    command.add_option("--create", creates, "Answer a rename question with 'created': kind:name (repeatable)");
    command.add_option("--renames", file, "A JSON file of rename answers: {\"tables\": {\"old\": \"new\"}}");
}

void RenameFlags::applyTo(kit::diff::Renames& out, std::vector<std::pair<std::string, std::string>>& outCreates) const {
    for (const auto& r : renames) kit::addRenameFlag(out, r);
    for (const auto& c : creates) kit::addCreateFlag(outCreates, c);
    if (!file.empty()) kit::addRenamesFile(out, file);
}

// The subcommands as a help line: "export, generate, migrate, pull".
std::string commandList(CLI::App& app) {
    std::string list;
    for (const CLI::App* c : app.get_subcommands({})) list += (list.empty() ? "" : ", ") + c->get_name();
    return list;
}

// Levenshtein distance, for "did you mean": a typo of a command is one or two edits away.
std::size_t editDistance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

// CLI11 says only "A subcommand is required" for a missing or mistyped command; say which
// commands there are, and the nearest one.
void checkCommand(CLI::App& app, int argc, char** argv) {
    const auto known = app.get_subcommands({});
    std::string_view given;
    for (int i = 1; i < argc; ++i) {
        const std::string_view a = argv[i];
        if (a == "--help" || a == "-h" || a == "--version") return;
        if (!a.empty() && a[0] != '-') {
            given = a;
            break;
        }
    }
    if (given.empty())
        throw Error(ErrorCategory::usage, "no command given; the commands are " + commandList(app),
                    "run drizzle-kit COMMAND --help for one command's flags");
    std::string nearest;
    std::size_t best = 3;
    for (const CLI::App* c : known) {
        if (c->get_name() == given) return;
        const std::size_t d = editDistance(given, c->get_name());
        if (d < best) best = d, nearest = c->get_name();
    }
    throw Error(ErrorCategory::usage, "unknown command '" + std::string(given) + "'; the commands are " + commandList(app),
                nearest.empty() ? "run drizzle-kit --help for what each does" : "did you mean drizzle-kit " + nearest + "?");
}

}  // namespace drizzle::cli

namespace {

// A message for the terminal: it may quote names and SQL from the database or the schema, whose
// control bytes (an ESC starts a terminal command) are shown as \xHH; line breaks stay.
std::string forTerminal(std::string_view text) {
    static const char* const kHex = "0123456789abcdef";
    std::string out;
    for (const char ch : text) {
        const auto b = static_cast<unsigned char>(ch);
        if ((b < 0x20 && b != '\n' && b != '\t') || b == 0x7f)
            out += {'\\', 'x', kHex[b >> 4], kHex[b & 15u]};
        else
            out += ch;
    }
    return out;
}

void printError(const std::string& message, const std::string& hint) {
    std::cerr << "error: " << forTerminal(message) << "\n";
    if (!hint.empty()) std::cerr << "hint: " << forTerminal(hint) << "\n";
}

// "filesystem error: cannot create directories: Permission denied [a/b]" -> "cannot create directories".
std::string operationOf(const std::filesystem::filesystem_error& e) {
    std::string what = e.what();
    const std::string prefix = "filesystem error: ";
    if (what.rfind(prefix, 0) == 0) what.erase(0, prefix.size());
    const std::size_t colon = what.find(": ");
    return colon == std::string::npos ? "file operation" : what.substr(0, colon);
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"drizzle-kit for C++: schema as code, migrations, introspection", "drizzle-kit"};
    app.require_subcommand(1);
    app.set_version_flag("--version", std::string(DRIZZLE_VERSION_TEXT));
    drizzle::kit::ConfigOverrides overrides;
    drizzle::cli::addExportCommand(app, overrides);
    drizzle::cli::addGenerateCommand(app, overrides);
    drizzle::cli::addMigrateCommand(app, overrides);
    drizzle::cli::addPullCommand(app, overrides);
    drizzle::cli::addDropCommand(app, overrides);
    drizzle::cli::addUpCommand(app, overrides);
    drizzle::cli::addStudioCommand(app, overrides);
    int exitCode = 0;  // a command that ran but found problems (check) sets its own
    drizzle::cli::addCheckCommand(app, overrides, exitCode);
    drizzle::cli::addPushCommand(app, overrides, exitCode);
    try {
        drizzle::cli::checkCommand(app, argc, argv);
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        if (e.get_exit_code() == 0) return app.exit(e);  // --help, --version
        // A flag the command does not take, or a value it cannot parse: the same paragraph as
        // every other failure.
        std::string command = "COMMAND";
        for (const CLI::App* c : app.get_subcommands()) command = c->get_name();
        printError(e.what(), "run drizzle-kit " + command + " --help for the flags it takes");
        return drizzle::cli::exitCodeFor(drizzle::ErrorCategory::usage);
    } catch (const drizzle::Error& e) {
        printError(e.what(), e.hint());
        return drizzle::cli::exitCodeFor(e.category());
    } catch (const std::filesystem::filesystem_error& e) {
        // A last resort: the kit reports its filesystem failures itself (util::ioError).
        const std::string path = e.path1().empty() ? "the current folder" : e.path1().string();
        const drizzle::Error io = drizzle::util::ioError(path, operationOf(e), e.code());
        printError(path + ": " + operationOf(e) + ": " + e.code().message(), io.hint());
        return drizzle::cli::exitCodeFor(io.category());
    } catch (const std::exception& e) {
        printError(e.what(), "");
        return drizzle::cli::exitCodeFor(drizzle::ErrorCategory::internal);
    }
    return exitCode;
}

// drizzle-kit pull: introspect the configured database into <out>/schema.hpp and relations.hpp
// (drizzle::kit::pull does the work), plus a baseline migration when <out> has none.
#include <iostream>
#include <memory>
#include <optional>

#include "commands.hpp"
#include "drizzle/error.hpp"
#include "drizzle/kit/codegen.hpp"
#include "drizzle/kit/pull.hpp"

namespace drizzle::cli {

namespace fs = std::filesystem;

namespace {

struct PullFlags {
    DatabaseFlags database;
    std::string casing;
    std::string name;
    bool init = false;
};

std::string count(std::size_t n, const std::string& one, const std::string& many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}
std::string count(std::size_t n, const std::string& one) { return count(n, one, one + "s"); }

}  // namespace

void addPullCommand(CLI::App& app, ConfigOverrides& overrides) {
    CLI::App* cmd = app.add_subcommand("pull", "Introspect the database into C++ schema code (schema.hpp, relations.hpp)");
    addConfigFlags(*cmd, overrides);
    auto flags = std::make_shared<PullFlags>();
    flags->database.add(*cmd, overrides);
    cmd->add_option("--casing", flags->casing, "Member names: camel (userId, the default) or preserve (user_id)");
    cmd->add_option("--name", flags->name, "The baseline migration's name (default: a random word pair)");
    cmd->add_flag("--init", flags->init,
                  "Also record the baseline migration as applied in the database, so migrate starts after it");
    cmd->footer(
        "Writes <out>/schema.hpp and <out>/relations.hpp. When <out> has no migrations yet, also writes the "
        "snapshot, journal and a baseline migration whose SQL is commented out (the database already has it). "
        "Objects the schema model cannot represent (functions, triggers, ...), and clauses it has no place for "
        "(WITHOUT ROWID, an index column's DESC, comments, ...), are listed as warnings and at the top of "
        "schema.hpp; the migrations tracking table is never read.");
    cmd->callback([&overrides, flags] {
        Config config = loadConfig(overrides);
        flags->database.applyTo(config);
        const Credentials credentials = databaseCredentials(config, overrides, "pull");
        if (!flags->casing.empty()) config.introspectCasing = flags->casing;
        config.out = fs::absolute(overrides.out ? fs::path(*overrides.out) : fromConfig(config, config.out));

        kit::PullOptions options;
        options.init = flags->init;
        if (!flags->name.empty()) options.baselineName = flags->name;
        const kit::PullResult r = kit::pull(config, credentials, options);

        for (const auto& u : r.unsupported)
            std::cerr << "warning: not represented in the schema model: " << kit::printable(u) << "\n";
        for (const auto& n : r.notes) std::cerr << "warning: " << kit::printable(n) << "\n";
        std::cout << "pulled " << count(r.tables, "table") << ", " << count(r.views, "view") << ", " << count(r.enums, "enum")
                  << ", " << count(r.indexes, "index", "indexes") << ", " << count(r.foreignKeys, "foreign key") << "\n";
        std::cout << "wrote " << r.schemaFile.string() << "\nwrote " << r.relationsFile.string() << "\n";
        for (const auto& kept : r.keptPrevious) std::cout << "kept the previous file as " << kept.string() << "\n";
        if (r.baselineFile) std::cout << "wrote " << r.baselineFile->string() << " (baseline, commented out)\n";
        if (r.baselineRecorded) std::cout << "recorded the baseline as applied in the database\n";
        if (!r.unsupported.empty())
            std::cout << count(r.unsupported.size(), "object") << " not represented; see the warnings above\n";
    });
}

}  // namespace drizzle::cli

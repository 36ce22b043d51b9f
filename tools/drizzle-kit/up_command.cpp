// drizzle-kit up: upgrade the out folder's snapshots written by older Drizzle Kit versions.
#include <iostream>

#include "commands.hpp"
#include "drizzle/kit/up.hpp"

namespace drizzle::cli {

void addUpCommand(CLI::App& app, ConfigOverrides& overrides) {
    CLI::App* cmd = app.add_subcommand("up", "Upgrade snapshots written by older Drizzle Kit versions, in place");
    addConfigFlags(*cmd, overrides);
    cmd->footer(
        "PostgreSQL v5 and v6 snapshots become v7, SQLite v5 become v6 (MySQL's v5 is current). A snapshot that "
        "does not read, or of a version nothing upgrades, is reported and nothing is rewritten (exit 5).");
    cmd->callback([&overrides] {
        Config config = loadConfig(overrides);
        if (overrides.out) config.out = std::filesystem::absolute(*overrides.out);
        const kit::UpResult r = kit::up(config);
        for (const auto& f : r.upgraded) std::cout << "upgraded " << f.string() << "\n";
        if (r.upgraded.empty())
            std::cout << "Everything's fine: " << r.current << (r.current == 1 ? " snapshot is" : " snapshots are")
                      << " of the current version\n";
    });
}

}  // namespace drizzle::cli

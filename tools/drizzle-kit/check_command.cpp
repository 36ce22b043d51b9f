// drizzle-kit check: report every inconsistency of the out folder (and, with a database, between
// it and the tracking table), one line each; exit 9 when there is any.
#include <filesystem>
#include <iostream>
#include <memory>

#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "drizzle/kit/check.hpp"

namespace drizzle::cli {

void addCheckCommand(CLI::App& app, ConfigOverrides& overrides, int& exitCode) {
    CLI::App* cmd = app.add_subcommand("check", "Check that the out folder is one consistent history (and the database agrees)");
    addConfigFlags(*cmd, overrides);
    cmd->add_option_function<std::string>("--url", [&overrides](const std::string& u) { overrides.url = u; },
                                          "Database to compare with the folder (overrides dbCredentials)");
    auto json = std::make_shared<bool>(false);
    cmd->add_flag("--json", *json, "Print the findings as JSON");
    cmd->footer("Exit codes: 0 consistent, 9 findings (each printed as `<file>: <what>`), 3 config, 6 no connection.");
    cmd->callback([&overrides, json, &exitCode] {
        const Config config = configWithOptionalDatabase(overrides, "check");
        const kit::CheckReport report = kit::checkMigrations(config);
        if (*json) {
            nlohmann::json out{{"ok", report.findings.empty()},
                               {"migrations", report.migrations},
                               {"databaseChecked", report.databaseChecked},
                               {"findings", nlohmann::json::array()}};
            for (const auto& f : report.findings)
                out["findings"].push_back({{"kind", f.kind}, {"file", f.file}, {"message", f.message}});
            std::cout << out.dump(2) << "\n";
        } else {
            for (const auto& f : report.findings) std::cout << f.file << ": " << f.message << "\n";
            if (report.findings.empty())
                std::cout << "Everything's fine: " << report.migrations << (report.migrations == 1 ? " migration" : " migrations")
                          << (report.databaseChecked ? ", and the database agrees" : "") << "\n";
        }
        if (!report.findings.empty()) exitCode = exitCodeForFindings;
    });
}

}  // namespace drizzle::cli

// drizzle-kit push: make the configured database match the schema (drizzle::kit::push does the
// work). Questions (renames, data loss, --strict) are asked only on a terminal.
#include <unistd.h>

#include <iostream>
#include <memory>

#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "drizzle/error.hpp"
#include "drizzle/kit/codegen.hpp"
#include "drizzle/kit/generate.hpp"
#include "drizzle/kit/push.hpp"

namespace drizzle::cli {

namespace {

struct PushFlags {
    DatabaseFlags database;
    RenameFlags renames;
    bool strict = false, force = false, explain = false, json = false;
};

const char* outcomeName(kit::PushOutcome o) {
    switch (o) {
        case kit::PushOutcome::nothingToDo: return "nothingToDo";
        case kit::PushOutcome::explained: return "explained";
        case kit::PushOutcome::applied: return "applied";
        case kit::PushOutcome::refused: return "refused";
    }
    return "";
}

void printPlan(std::ostream& out, const kit::PushPlan& plan) {
    for (const auto& s : plan.statements) out << kit::printable(s) << "\n";
    if (!plan.findings.empty()) out << kit::printable(kit::describeFindings(plan)) << "\n";
}

bool confirmOnTerminal(const kit::PushPlan& plan) {
    std::cerr << "\nThe push will run:\n";
    printPlan(std::cerr, plan);
    std::cerr << "Apply " << plan.statements.size() << (plan.statements.size() == 1 ? " statement" : " statements")
              << (plan.losesData() ? ", losing the data above" : "") << "? [y/N] " << std::flush;
    std::string line;
    return std::getline(std::cin, line) && (line == "y" || line == "Y" || line == "yes");
}

nlohmann::json toJson(const kit::PushResult& r) {
    nlohmann::json findings = nlohmann::json::array();
    for (const auto& f : r.plan.findings)
        findings.push_back({{"kind", f.kind}, {"table", f.table}, {"column", f.column}, {"rows", f.rows},
                            {"message", f.message}, {"blocking", f.blocking}, {"hint", f.hint}});
    return {{"outcome", outcomeName(r.outcome)},   {"statements", r.plan.statements},
            {"findings", findings},                {"warnings", r.plan.warnings},
            {"lockWarnings", r.plan.lockWarnings}, {"statementsRun", r.statementsRun},
            {"refusal", r.refusal}};
}

}  // namespace

void addPushCommand(CLI::App& app, ConfigOverrides& overrides, int& exitCode) {
    CLI::App* cmd = app.add_subcommand("push", "Make the database match the schema directly, without migration files");
    addConfigFlags(*cmd, overrides);
    auto flags = std::make_shared<PushFlags>();
    flags->database.add(*cmd, overrides);
    cmd->add_flag("--strict", flags->strict, "Ask before running any statement (on a terminal; elsewhere needs --force)");
    cmd->add_flag("--force", flags->force, "Accept data loss (drop tables and columns holding data) without asking");
    cmd->add_flag("--explain", flags->explain, "Print the statements and the data-loss findings; change nothing");
    cmd->add_flag("--json", flags->json, "Print the plan and the outcome as JSON on stdout");
    flags->renames.add(*cmd);
    cmd->footer(
        "Introspects the database, diffs it against the schema, and applies the statements in one transaction "
        "under migrate's lock (PostgreSQL, SQLite; MySQL commits each statement). Writes no files and leaves the "
        "migrations table alone. Exit codes: 0 applied or nothing to do, 2 refused (data loss without --force, "
        "a change the data cannot survive, --strict without a terminal), 7 a statement failed (rolled back on "
        "PostgreSQL and SQLite), 3 config, 4 schema, 6 no connection.");
    cmd->callback([&overrides, flags, &exitCode] {
        Config config = loadConfig(overrides);
        flags->database.applyTo(config);
        const Credentials credentials = databaseCredentials(config, overrides, "push");
        const bool terminal = isatty(STDIN_FILENO) && !flags->json;

        kit::PushOptions options;
        flags->renames.applyTo(options.renames, options.creates);
        if (terminal) options.ask = askRenameOnTerminal;
        options.force = flags->force;
        options.explain = flags->explain;
        options.strict = flags->strict || config.strict;
        if (terminal) options.confirm = confirmOnTerminal;
        if (config.verbose)
            options.beforeStatement = [](const std::string& s) { std::cerr << "running: " << kit::printable(s) << "\n"; };

        kit::PushResult r;
        try {
            r = kit::push(config, credentials, options);
        } catch (const Error& e) {
            // A script reading --json gets the failure as JSON too; stderr and the exit code as always.
            if (flags->json)
                std::cout << nlohmann::json{{"outcome", "failed"}, {"error", e.what()}, {"hint", e.hint()}}.dump(
                                 2, ' ', false, nlohmann::json::error_handler_t::replace)
                          << "\n";
            throw;
        }
        if (r.outcome == kit::PushOutcome::refused) exitCode = exitCodeFor(ErrorCategory::usage);
        if (flags->json) {
            std::cout << toJson(r).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
            return;
        }
        if (config.verbose) std::cerr << kit::describe(r.schemaLoad) << "\n";
        for (const auto& w : r.plan.warnings) std::cerr << "warning: " << kit::printable(w) << "\n";
        switch (r.outcome) {
            case kit::PushOutcome::nothingToDo: std::cout << "No changes detected\n"; break;
            case kit::PushOutcome::explained:
                printPlan(std::cout, r.plan);
                for (const auto& w : r.plan.lockWarnings) std::cout << "warning: " << kit::printable(w) << "\n";
                std::cout << "--explain: nothing was changed\n";
                break;
            case kit::PushOutcome::applied:
                for (const auto& w : r.plan.lockWarnings) std::cerr << "warning: " << kit::printable(w) << "\n";
                std::cout << "Changes applied: " << r.statementsRun << (r.statementsRun == 1 ? " statement" : " statements")
                          << "\n";
                break;
            case kit::PushOutcome::refused:
                std::cerr << "error: push refused, nothing was changed: " << kit::printable(r.refusal) << "\n";
                std::cerr << "hint: " << (r.plan.blocked() ? "make the data fit first (see each fix), then push again"
                                                           : "run push --explain to review, then push --force to accept")
                          << "\n";
                break;
        }
    });
}

}  // namespace drizzle::cli

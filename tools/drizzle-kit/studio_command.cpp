// drizzle-kit studio: serve the local web app on the configured database until Ctrl-C.
#include <csignal>
#include <iostream>
#include <memory>
#include <thread>

#include "commands.hpp"
#include "drizzle/kit/codegen.hpp"
#include "drizzle/kit/schema_loader.hpp"
#include "drizzle/kit/studio.hpp"
#include "util/process.hpp"

namespace drizzle::cli {

namespace {

struct StudioFlags {
    std::string host = "127.0.0.1";
    int port = 4983;
    bool noOpen = false;
};

kit::StudioServer* running = nullptr;  // for the signal handler

}  // namespace

void addStudioCommand(CLI::App& app, ConfigOverrides& overrides) {
    CLI::App* cmd = app.add_subcommand("studio", "Browse the database in a local web app (127.0.0.1 and a token by default)");
    addConfigFlags(*cmd, overrides);
    auto flags = std::make_shared<StudioFlags>();
    cmd->add_option_function<std::string>("--url", [&overrides](const std::string& u) { overrides.url = u; },
                                          "Database URL, or a SQLite file (overrides dbCredentials)");
    cmd->add_option("--host", flags->host, "Address to listen on (default 127.0.0.1; 0.0.0.0 opens it to the network)");
    cmd->add_option("--port", flags->port, "Port to listen on (default 4983)");
    cmd->add_flag("--no-open", flags->noOpen, "Print the URL without opening a browser");
    cmd->callback([&overrides, flags] {
        const Config config = loadConfig(overrides);
        const Credentials credentials = databaseCredentials(config, overrides, "studio");
        kit::LoadReport load;
        model::Schema schema = kit::loadSchema(config, &load);
        if (config.verbose) std::cerr << kit::describe(load) << "\n";
        const Dialect dialect = config.dialect;
        // Relations and app-side defaults live in the schema's code: its exporter answers for them.
        kit::StudioOptions options;
        options.host = flags->host;
        options.port = flags->port;
        options.appSchema = [config] { return kit::queryExporter(config, {"DRIZZLE_EXPORT=app"}); };
        options.defaultValues = [config](const std::string& schemaName, const std::string& table) {
            return kit::queryExporter(config, {"DRIZZLE_EXPORT=defaults", "DRIZZLE_EXPORT_SCHEMA=" + schemaName,
                                               "DRIZZLE_EXPORT_TABLE=" + table},
                                      true);
        };
        if (config.verbose) options.log = [](const std::string& line) { std::cerr << line << std::endl; };
        kit::StudioServer server(std::move(schema), [dialect, credentials] { return driver::connect(dialect, credentials); }, options);
        if (flags->host != "127.0.0.1" && flags->host != "localhost" && flags->host != "::1")
            std::cerr << "warning: studio listens on " << flags->host
                      << ": anyone on the network who has the token can read and change the database\n";
        std::cout << "drizzle-kit studio is up on " << server.url() << "\n(Ctrl-C stops it)" << std::endl;
        if (!flags->noOpen) {
            // A browser on this machine, when there is one; the URL above works either way.
            std::thread([url = server.url()] {
                try {
                    util::runProcess({"xdg-open", url}, ".");
                } catch (...) {
                }
            }).detach();
        }
        running = &server;
        std::signal(SIGINT, [](int) { if (running) running->stop(); });
        std::signal(SIGTERM, [](int) { if (running) running->stop(); });
        server.run();
        running = nullptr;
        std::cout << "studio stopped" << std::endl;
    });
}

}  // namespace drizzle::cli

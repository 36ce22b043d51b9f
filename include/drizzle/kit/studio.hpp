// drizzle-kit studio: a local web app to browse a database through the C++ schema. The server
// and the app it serves are in the drizzle-kit binary; nothing is fetched from the network.
//
// Safe by default: it binds 127.0.0.1; every API call must carry the run's random token (the URL
// printed carries it, the app sends it as the X-Studio-Token header), else 401; a request whose
// Host is not the address the server is bound to (DNS rebinding) or whose Origin is not the
// app's own is refused (403); no CORS header is ever sent, so no other web page can read a reply.
//
//   drizzle::kit::StudioServer studio(schema, [&] { return drizzle::driver::connect(dialect, credentials); }, {});
//   std::cout << studio.url() << "\n";
//   studio.run();  // until stop()
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "drizzle/driver/connection.hpp"
#include "drizzle/model/model.hpp"

namespace drizzle::kit {

struct StudioOptions {
    std::string host = "127.0.0.1";
    int port = 4983;    // 0: any free port (tests)
    std::string token;  // empty: a random one for this run
    // What only the schema's C++ code knows, as JSON text in the forms the schema exporter's
    // "app" and "defaults" modes print (drizzle/kit/exporter.hpp). Unset: related rows follow
    // the foreign keys, and new rows get no app-side defaults.
    std::function<std::string()> appSchema;
    std::function<std::string(const std::string& schema, const std::string& table)> defaultValues;
    // Set: one line per request ("POST /api/rows 200 3.1 ms"): never a body, a header or the token.
    std::function<void(const std::string& line)> log;
};

class StudioServer {
public:
    using Connect = std::function<std::unique_ptr<driver::Connection>()>;

    // Binds the address (throws drizzle::Error(connection) when it cannot) and connects.
    StudioServer(model::Schema schema, Connect connect, const StudioOptions& options);
    ~StudioServer();
    StudioServer(const StudioServer&) = delete;
    StudioServer& operator=(const StudioServer&) = delete;

    int port() const;
    const std::string& token() const;
    std::string url() const;  // http://host:port/?token=...

    void run();   // serves until stop(); returns then
    void stop();  // from any thread or a signal handler's thread

private:
    struct State;
    std::unique_ptr<State> state_;
};

}  // namespace drizzle::kit

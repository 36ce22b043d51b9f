// connect(): from config credentials (a URL or host/port/user/password/database/ssl fields) to
// the driver of the dialect.
#include <cctype>
#include <string>

#include "drivers/driver_internal.hpp"

namespace drizzle::driver {

namespace {

std::unique_ptr<Connection> connectSqlite(const Credentials& credentials) {
    const std::string& location = credentials.url;
    if (location.empty())
        throw Error(ErrorCategory::config, "SQLite needs dbCredentials.url: a file path, a file: URL or :memory:",
                    "set dbCredentials.url, e.g. \"./local.db\"");
    // A server URL under the sqlite dialect is a mistake; opening it as a file name would
    // create odd files and print the password.
    if (location.find("://") != std::string::npos)
        throw Error(ErrorCategory::config,
                    "SQLite dbCredentials.url is a file path, a file: URL or :memory:, not " + maskPassword(location),
                    "set \"dialect\" to the database the URL points at, or give a file path");
    return detail::driverFor(Dialect::sqlite).file(location);
}

detail::Endpoint endpointFromFields(const Credentials& credentials) {
    detail::Endpoint endpoint;
    endpoint.host = credentials.host;
    endpoint.port = credentials.port;
    endpoint.user = credentials.user;
    endpoint.password = credentials.password;
    endpoint.database = credentials.database;
    endpoint.ssl = credentials.ssl;
    return endpoint;
}

}  // namespace

std::unique_ptr<Connection> connect(Dialect dialect, const Credentials& credentials) {
    if (dialect == Dialect::sqlite) return connectSqlite(credentials);

    detail::Endpoint endpoint;
    if (!credentials.url.empty()) {
        endpoint = detail::parseServerUrl(credentials.url, dialect);
        if (endpoint.ssl.empty()) endpoint.ssl = credentials.ssl;
    } else {
        endpoint = endpointFromFields(credentials);
        if (endpoint.host.empty() && endpoint.database.empty())
            throw Error(ErrorCategory::config,
                        "dbCredentials has neither a url nor host/database fields for " +
                            std::string(dialectName(dialect)),
                        "set dbCredentials.url, or host, port, user, password and database");
    }
    return detail::driverFor(dialect).server(endpoint);
}

namespace detail {

namespace {
Opener openers[3];

std::string upper(std::string s) {
    for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}
}  // namespace

bool registerDriver(Dialect dialect, Opener opener) {
    openers[static_cast<int>(dialect)] = opener;
    return true;
}

const Opener& driverFor(Dialect dialect) {
    const Opener& o = openers[static_cast<int>(dialect)];
    if (o.server || o.file) return o;
    const std::string name(dialectName(dialect));
    throw Error(ErrorCategory::connection, "this program has no " + name + " driver: it was not linked",
                "link the target drizzle::" + name + " (or drizzle::drizzle, which links every driver built), "
                "and build drizzle-cpp with -DDRIZZLE_WITH_" + upper(name) + "=ON");
}

}  // namespace detail

}  // namespace drizzle::driver

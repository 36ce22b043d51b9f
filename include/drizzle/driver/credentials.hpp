// Where a database is: what a driver needs to connect, and what drizzle.config.json's
// `dbCredentials` holds. Part of the driver layer, so that an application that connects does
// not parse the kit's configuration.
#pragma once

#include <optional>
#include <string>

namespace drizzle {

struct Credentials {
    std::string url;  // postgres://..., mysql://..., or a SQLite file path / file: URL
    std::string host, user, password, database;
    std::optional<int> port;
    std::string ssl;  // PostgreSQL sslmode: disable, allow, prefer, require, verify-ca, verify-full
};

}  // namespace drizzle

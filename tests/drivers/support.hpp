// What the driver tests share: the test servers' URLs, unique names, and scratch databases
// that exist for one test only (tests run in parallel, with each other and the rest).
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "drizzle/kit/config.hpp"
#include "drizzle/driver/connection.hpp"
#include "drizzle/error.hpp"

namespace drizzle::driver::test {

// The URL in `variable` (DRIZZLE_TEST_PG_URL, DRIZZLE_TEST_MYSQL_URL); throws, failing the
// test, with how to get one when it is not set.
std::string serverUrl(const char* variable);

// A lowercase name no other test or process uses: prefix_<pid>_<counter>_<time>.
std::string uniqueName(std::string_view prefix);

// `url` with its path (the database) replaced by `database`.
std::string withDatabase(const std::string& url, const std::string& database);

// `url` with its user information replaced by user:password (percent-encoded).
std::string withLogin(const std::string& url, const std::string& user, const std::string& password);

// RFC 3986 percent-encoding of everything but unreserved characters.
std::string percentEncode(std::string_view text);

Credentials urlCredentials(std::string url);

// A fresh, empty database on the PostgreSQL or MySQL test server, dropped when the test ends.
class ScratchDatabase {
public:
    explicit ScratchDatabase(Dialect dialect);
    ~ScratchDatabase();
    ScratchDatabase(const ScratchDatabase&) = delete;
    ScratchDatabase& operator=(const ScratchDatabase&) = delete;

    const std::string& name() const { return name_; }
    const std::string& url() const { return url_; }
    // The server's administrative connection (not to the scratch database).
    Connection& admin() { return *admin_; }
    std::unique_ptr<Connection> connect() const;

private:
    Dialect dialect_;
    std::string name_;
    std::string url_;
    std::unique_ptr<Connection> admin_;
};

// A connection to an empty database of `dialect`: SQLite in memory, or a scratch database on the
// PostgreSQL or MySQL test server (kept in `scratch`, which drops it when the test ends).
std::unique_ptr<Connection> emptyDatabase(Dialect dialect, std::optional<ScratchDatabase>& scratch);

// The drizzle::Error `work` throws; a test failure when it throws none.
template <class F>
Error errorOf(F&& work) {
    try {
        work();
    } catch (const Error& e) {
        return e;
    }
    ADD_FAILURE() << "expected a drizzle::Error";
    return Error(ErrorCategory::internal, "no error was thrown");
}

}  // namespace drizzle::driver::test

#include "support.hpp"

#include <unistd.h>

#include <atomic>
#include <cctype>
#include <chrono>
#include <cstdlib>
#include <stdexcept>

namespace drizzle::driver::test {

std::string serverUrl(const char* variable) {
    const char* value = std::getenv(variable);
    if (value == nullptr || *value == '\0')
        throw std::runtime_error(std::string(variable) +
                                 " is not set, so this test has no database server. Run the tests with "
                                 "`bash scripts/test.sh`, which starts private PostgreSQL and MariaDB servers "
                                 "and sets it (or `source scripts/lib/servers.sh && drizzle_start_servers` in "
                                 "your shell first).");
    return value;
}

std::string uniqueName(std::string_view prefix) {
    static std::atomic<int> counter{0};
    const auto now = std::chrono::system_clock::now().time_since_epoch();
    const auto micros = std::chrono::duration_cast<std::chrono::microseconds>(now).count();
    return std::string(prefix) + "_" + std::to_string(getpid()) + "_" + std::to_string(counter++) + "_" +
           std::to_string(micros % 1000000000);
}

std::string withDatabase(const std::string& url, const std::string& database) {
    const std::size_t query = url.find('?');
    const std::size_t slash = url.rfind('/', query);
    return url.substr(0, slash + 1) + database + (query == std::string::npos ? "" : url.substr(query));
}

std::string withLogin(const std::string& url, const std::string& user, const std::string& password) {
    const std::size_t start = url.find("://") + 3;
    const std::size_t at = url.rfind('@');
    const std::size_t hostStart = at == std::string::npos ? start : at + 1;
    return url.substr(0, start) + percentEncode(user) + ":" + percentEncode(password) + "@" + url.substr(hostStart);
}

std::string percentEncode(std::string_view text) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    for (char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) || c == '-' || c == '.' || c == '_' || c == '~') {
            out += c;
        } else {
            out += '%';
            out += hex[u >> 4];
            out += hex[u & 15];
        }
    }
    return out;
}

Credentials urlCredentials(std::string url) {
    Credentials credentials;
    credentials.url = std::move(url);
    return credentials;
}

ScratchDatabase::ScratchDatabase(Dialect dialect) : dialect_(dialect) {
    const std::string server = serverUrl(dialect == Dialect::postgresql ? "DRIZZLE_TEST_PG_URL" : "DRIZZLE_TEST_MYSQL_URL");
    name_ = uniqueName("drz_driver");
    admin_ = driver::connect(dialect, urlCredentials(server));
    const char quote = dialect == Dialect::postgresql ? '"' : '`';
    admin_->execute("CREATE DATABASE " + std::string(1, quote) + name_ + quote);
    url_ = withDatabase(server, name_);
}

ScratchDatabase::~ScratchDatabase() {
    try {
        if (dialect_ == Dialect::postgresql)
            admin_->execute("DROP DATABASE IF EXISTS \"" + name_ + "\" WITH (FORCE)");
        else
            admin_->execute("DROP DATABASE IF EXISTS `" + name_ + "`");
    } catch (const std::exception& e) {
        ADD_FAILURE() << "could not drop the scratch database " << name_ << ": " << e.what();
    }
}

std::unique_ptr<Connection> ScratchDatabase::connect() const { return driver::connect(dialect_, urlCredentials(url_)); }

std::unique_ptr<Connection> emptyDatabase(Dialect dialect, std::optional<ScratchDatabase>& scratch) {
    if (dialect == Dialect::sqlite) return driver::connect(Dialect::sqlite, urlCredentials(":memory:"));
    scratch.emplace(dialect);
    return scratch->connect();
}

}  // namespace drizzle::driver::test

// Opening a Database: a driver connection wrapped in the ORM's session.
#include "drizzle/orm.hpp"

namespace drizzle {

Database connect(Dialect dialect, const Credentials& credentials) {
    return Database(driver::connect(dialect, credentials));
}

namespace {
Credentials urlOnly(std::string_view url) {
    Credentials c;
    c.url = url;
    return c;
}
}  // namespace

Database pool(Dialect dialect, const Credentials& credentials, const driver::PoolOptions& options) {
    return Database(driver::pool(dialect, credentials, options));
}

namespace sqlite {
DatabaseOf<Dialect::sqlite> open(std::string_view location) {
    return DatabaseOf<Dialect::sqlite>(connect(Dialect::sqlite, urlOnly(location)));
}
DatabaseOf<Dialect::sqlite> pool(std::string_view location, const PoolOptions& options) {
    return DatabaseOf<Dialect::sqlite>(drizzle::pool(Dialect::sqlite, urlOnly(location), options));
}
}  // namespace sqlite
namespace pg {
DatabaseOf<Dialect::postgresql> connect(std::string_view url, const ConnectOptions& options) {
    auto connection = driver::connect(Dialect::postgresql, urlOnly(url));
    if (!options.prepare) connection = driver::unprepared(std::move(connection));
    return DatabaseOf<Dialect::postgresql>(Database(std::move(connection)));
}
DatabaseOf<Dialect::postgresql> pool(std::string_view url, const PoolOptions& options) {
    return DatabaseOf<Dialect::postgresql>(drizzle::pool(Dialect::postgresql, urlOnly(url), options));
}
}  // namespace pg
namespace mysql {
DatabaseOf<Dialect::mysql> connect(std::string_view url) {
    return DatabaseOf<Dialect::mysql>(drizzle::connect(Dialect::mysql, urlOnly(url)));
}
DatabaseOf<Dialect::mysql> pool(std::string_view url, const PoolOptions& options) {
    return DatabaseOf<Dialect::mysql>(drizzle::pool(Dialect::mysql, urlOnly(url), options));
}
}  // namespace mysql

}  // namespace drizzle

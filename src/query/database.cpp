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

namespace sqlite {
Database open(std::string_view location) { return connect(Dialect::sqlite, urlOnly(location)); }
}  // namespace sqlite
namespace pg {
Database connect(std::string_view url) { return drizzle::connect(Dialect::postgresql, urlOnly(url)); }
}  // namespace pg
namespace mysql {
Database connect(std::string_view url) { return drizzle::connect(Dialect::mysql, urlOnly(url)); }
}  // namespace mysql

}  // namespace drizzle

// Opening a Database: a driver connection wrapped in the ORM's session.
#include "drizzle/orm.hpp"

namespace drizzle {

Database connect(Dialect dialect, const Credentials& credentials) {
    return Database(driver::connect(dialect, credentials));
}

namespace sqlite {
Database open(std::string_view location) { return connect(Dialect::sqlite, Credentials{.url = std::string(location)}); }
}  // namespace sqlite
namespace pg {
Database connect(std::string_view url) { return drizzle::connect(Dialect::postgresql, Credentials{.url = std::string(url)}); }
}  // namespace pg
namespace mysql {
Database connect(std::string_view url) { return drizzle::connect(Dialect::mysql, Credentials{.url = std::string(url)}); }
}  // namespace mysql

}  // namespace drizzle

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
DatabaseOf<Dialect::sqlite> open(std::string_view location) {
    return DatabaseOf<Dialect::sqlite>(connect(Dialect::sqlite, urlOnly(location)));
}
}  // namespace sqlite
namespace pg {
DatabaseOf<Dialect::postgresql> connect(std::string_view url) {
    return DatabaseOf<Dialect::postgresql>(drizzle::connect(Dialect::postgresql, urlOnly(url)));
}
}  // namespace pg
namespace mysql {
DatabaseOf<Dialect::mysql> connect(std::string_view url) {
    return DatabaseOf<Dialect::mysql>(drizzle::connect(Dialect::mysql, urlOnly(url)));
}
}  // namespace mysql

}  // namespace drizzle

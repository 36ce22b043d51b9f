#include "drizzle/kit/introspect.hpp"
#include "introspect/dialects.hpp"

#include "util/glob.hpp"

namespace drizzle::kit {

Introspection introspect(driver::Connection& db, const IntrospectOptions& options) {
    switch (db.dialect()) {
        case Dialect::postgresql: return introspectPg(db, options);
        case Dialect::sqlite: return introspectSqlite(db, options);
        case Dialect::mysql: return introspectMysql(db, options);
    }
    return {};
}

bool tableMatchesFilter(const std::string& table, const std::vector<std::string>& filter) {
    bool anyPositive = false, matchedPositive = false;
    for (const auto& f : filter) {
        if (!f.empty() && f.front() == '!') {
            if (util::globMatch(f.substr(1), table)) return false;
        } else {
            anyPositive = true;
            if (util::globMatch(f, table)) matchedPositive = true;
        }
    }
    return !anyPositive || matchedPositive;
}

}  // namespace drizzle::kit

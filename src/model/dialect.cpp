#include "drizzle/dialect.hpp"

namespace drizzle {

std::string_view dialectName(Dialect d) {
    switch (d) {
        case Dialect::postgresql: return "postgresql";
        case Dialect::sqlite: return "sqlite";
        case Dialect::mysql: return "mysql";
    }
    return "unknown";
}

std::optional<Dialect> parseDialect(std::string_view s) {
    if (s == "postgresql") return Dialect::postgresql;
    if (s == "sqlite") return Dialect::sqlite;
    if (s == "mysql") return Dialect::mysql;
    return std::nullopt;
}

}  // namespace drizzle

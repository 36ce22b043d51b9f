#include "drizzle/dialect.hpp"

#include "model/quote_name.hpp"

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

std::string quoteIdentifier(Dialect d, std::string_view name) {
    return detail::quoteName(name, traitsOf(d).identifierQuote);
}

std::string quoteString(Dialect d, std::string_view text) {
    std::string out = "'";
    out.reserve(text.size() + 2);
    for (char c : text) {
        if (c == '\'' || (c == '\\' && traitsOf(d).backslashEscapesInStrings)) out += c;
        out += c;
    }
    return out + "'";
}

namespace detail {

std::string quoteName(std::string_view name, char quote) {
    std::string out;
    out.reserve(name.size() + 2);
    out += quote;
    for (char c : name) {
        if (c == quote) out += quote;
        out += c;
    }
    out += quote;
    return out;
}

}  // namespace detail

}  // namespace drizzle

#include "drizzle/dialect.hpp"

#include "model/quote_name.hpp"

namespace drizzle {

std::optional<Dialect> parseDialect(std::string_view s) {
    for (const DialectTraits* t : {&postgresqlTraits, &sqliteTraits, &mysqlTraits})
        if (s == t->name) return t->dialect;
    return std::nullopt;
}

std::string quoteIdentifier(Dialect d, std::string_view name) {
    return detail::quoteName(name, traitsOf(d).identifierQuote);
}

std::string quoteTableName(Dialect d, std::string_view schema, std::string_view name) {
    if (!traitsOf(d).schemas) return quoteIdentifier(d, name);
    return quoteIdentifier(d, schema.empty() ? std::string_view("public") : schema) + "." + quoteIdentifier(d, name);
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

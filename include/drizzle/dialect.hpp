// The SQL dialects drizzle-cpp speaks, and what each one is: one table of dialect knowledge
// (quoting, literals, placeholders, limits, capabilities) that the ORM's printer and checks,
// the drivers, the migrator and the kit's DDL all read.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace drizzle {

enum class Dialect : std::uint8_t { postgresql, sqlite, mysql };

std::string_view dialectName(Dialect d);                 // "postgresql" | "sqlite" | "mysql"
std::optional<Dialect> parseDialect(std::string_view s);  // as a config names it

struct DialectTraits {
    enum class Placeholders : std::uint8_t { numbered, question };  // $1, $2 ... | ?

    Dialect dialect;
    // Identifiers in the statements drizzle-cpp runs, and in the DDL the kit writes (Drizzle Kit
    // writes SQLite's with backquotes, which SQLite also accepts).
    char identifierQuote;
    char ddlIdentifierQuote;
    bool backslashEscapesInStrings;  // MySQL reads '\' in a string literal as an escape
    Placeholders placeholders;
    std::size_t maxBindParameters;  // per statement
    bool transactionalDdl;          // CREATE/ALTER roll back with the transaction
    bool returning;                 // INSERT/UPDATE/DELETE ... RETURNING
    bool distinctOn;                // SELECT DISTINCT ON (...)
    bool fullJoin;                  // FULL [OUTER] JOIN
    bool intersectAllExceptAll;     // INTERSECT ALL, EXCEPT ALL
    bool rowLocks;                  // SELECT ... FOR UPDATE / FOR SHARE
    bool onConflict;                // INSERT ... ON CONFLICT (else MySQL's ON DUPLICATE KEY UPDATE)
};

inline constexpr DialectTraits postgresqlTraits{
    Dialect::postgresql, '"', '"', false, DialectTraits::Placeholders::numbered, 65535,
    true, true, true, true, true, true, true};
// SQLite's default SQLITE_MAX_VARIABLE_NUMBER since 3.32; FULL JOIN since 3.39 (Debian 12 has 3.40).
inline constexpr DialectTraits sqliteTraits{
    Dialect::sqlite, '"', '`', false, DialectTraits::Placeholders::question, 32766,
    true, true, false, true, false, false, true};
// MariaDB 10.5+ has DELETE/INSERT ... RETURNING but not UPDATE ... RETURNING, and MySQL none: the
// ORM offers it on neither.
inline constexpr DialectTraits mysqlTraits{
    Dialect::mysql, '`', '`', true, DialectTraits::Placeholders::question, 65535,
    false, false, false, false, true, true, false};

constexpr const DialectTraits& traitsOf(Dialect d) {
    return d == Dialect::postgresql ? postgresqlTraits : d == Dialect::sqlite ? sqliteTraits : mysqlTraits;
}

// `name` as an identifier of the statements drizzle-cpp runs ("users", `users`), the quote
// character doubled inside it.
std::string quoteIdentifier(Dialect d, std::string_view name);
// `text` as a string literal the dialect reads back as exactly `text`.
std::string quoteString(Dialect d, std::string_view text);

}  // namespace drizzle

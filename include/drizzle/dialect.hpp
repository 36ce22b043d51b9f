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

struct DialectTraits {
    enum class Placeholders : std::uint8_t { numbered, question };  // $1, $2 ... | ?

    Dialect dialect;
    std::string_view name;           // as a config and a snapshot name it: "postgresql"
    std::string_view displayName;    // in messages: "PostgreSQL"
    std::string_view dslNamespace;   // the schema DSL's: drizzle::pg
    std::string_view urlSchemes[2];  // a server URL's (none: a file)
    std::string_view sslParameter;   // the URL parameter asking for TLS
    bool schemas;                    // tables live in named schemas ("public" by default)
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
    bool ilike;                     // ILIKE (elsewhere LIKE ignores ASCII case already)
    bool updateFrom;                // UPDATE ... FROM (SQLite since 3.33)
    bool nullsOrdering;             // ORDER BY ... NULLS FIRST / LAST
    bool parenthesisedSetOperands;  // (SELECT ...) UNION (SELECT ...)
    std::string_view limitForOffset;     // what OFFSET needs before it without a LIMIT ("" for none)
    std::string_view insertDefaultRow;   // a row of defaults: " default values"
};

inline constexpr DialectTraits postgresqlTraits{
    .dialect = Dialect::postgresql, .name = "postgresql", .displayName = "PostgreSQL", .dslNamespace = "pg",
    .urlSchemes = {"postgres", "postgresql"}, .sslParameter = "sslmode", .schemas = true,
    .identifierQuote = '"', .ddlIdentifierQuote = '"', .backslashEscapesInStrings = false,
    .placeholders = DialectTraits::Placeholders::numbered, .maxBindParameters = 65535,
    .transactionalDdl = true, .returning = true, .distinctOn = true, .fullJoin = true, .intersectAllExceptAll = true,
    .rowLocks = true, .onConflict = true, .ilike = true, .updateFrom = true, .nullsOrdering = true, .parenthesisedSetOperands = true,
    .limitForOffset = "", .insertDefaultRow = " default values"};
// SQLite's default SQLITE_MAX_VARIABLE_NUMBER since 3.32; FULL JOIN since 3.39 (Debian 12 has 3.40).
inline constexpr DialectTraits sqliteTraits{
    .dialect = Dialect::sqlite, .name = "sqlite", .displayName = "SQLite", .dslNamespace = "sqlite",
    .urlSchemes = {}, .sslParameter = "", .schemas = false,
    .identifierQuote = '"', .ddlIdentifierQuote = '`', .backslashEscapesInStrings = false,
    .placeholders = DialectTraits::Placeholders::question, .maxBindParameters = 32766,
    .transactionalDdl = true, .returning = true, .distinctOn = false, .fullJoin = true, .intersectAllExceptAll = false,
    .rowLocks = false, .onConflict = true, .ilike = false, .updateFrom = true, .nullsOrdering = true, .parenthesisedSetOperands = false,
    .limitForOffset = " limit -1", .insertDefaultRow = " default values"};
// MariaDB 10.5+ has DELETE/INSERT ... RETURNING but not UPDATE ... RETURNING, and MySQL none: the
// ORM offers it on neither. An OFFSET alone takes the largest LIMIT there is.
inline constexpr DialectTraits mysqlTraits{
    .dialect = Dialect::mysql, .name = "mysql", .displayName = "MySQL", .dslNamespace = "mysql",
    .urlSchemes = {"mysql", "mariadb"}, .sslParameter = "ssl", .schemas = false,
    .identifierQuote = '`', .ddlIdentifierQuote = '`', .backslashEscapesInStrings = true,
    .placeholders = DialectTraits::Placeholders::question, .maxBindParameters = 65535,
    .transactionalDdl = false, .returning = false, .distinctOn = false, .fullJoin = false, .intersectAllExceptAll = true,
    .rowLocks = true, .onConflict = false, .ilike = false, .updateFrom = false, .nullsOrdering = false, .parenthesisedSetOperands = true,
    .limitForOffset = " limit 18446744073709551615", .insertDefaultRow = " () values ()"};

constexpr const DialectTraits& traitsOf(Dialect d) {
    return d == Dialect::postgresql ? postgresqlTraits : d == Dialect::sqlite ? sqliteTraits : mysqlTraits;
}

constexpr std::string_view dialectName(Dialect d) { return traitsOf(d).name; }  // "postgresql" | "sqlite" | "mysql"
std::optional<Dialect> parseDialect(std::string_view s);                       // as a config names it

// `name` as an identifier of the statements drizzle-cpp runs ("users", `users`), the quote
// character doubled inside it.
std::string quoteIdentifier(Dialect d, std::string_view name);
// A table as statements name it: "schema"."name" on PostgreSQL (public for an empty schema), the
// name alone elsewhere.
std::string quoteTableName(Dialect d, std::string_view schema, std::string_view name);
// `text` as a string literal the dialect reads back as exactly `text`.
std::string quoteString(Dialect d, std::string_view text);

}  // namespace drizzle

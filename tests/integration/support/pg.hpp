// PostgreSQL side of the integration tests: a fresh database on the test server, applying an
// export to it with psql, and checking pg_catalog against the schema model.
//
// Expressions (defaults, generated columns, checks, index expressions and predicates, policy
// clauses, view queries) are compared as the server prints them: the declared expression is
// attached to a probe object in a transaction that is rolled back, and the server's
// `pg_get_expr` / `pg_get_viewdef` of the probe must equal that of the exported object.
#pragma once

#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "support/harness.hpp"

namespace drizzle::integration::pg {

// A database created for one test run, dropped on destruction together with the roles the
// schema declares (roles belong to the whole server).
class Database {
public:
    Database(std::string serverUrl, std::vector<std::string> rolesToDrop);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    const std::string& name() const { return name_; }
    const std::string& url() const { return url_; }

    // psql -X -q against this database, with `args` appended.
    RunResult psql(const std::vector<std::string>& args, const std::filesystem::path& stdinFile = {}) const;
    // One JSON value computed by `sql`; throws std::runtime_error with psql's message on failure.
    nlohmann::json queryJson(const std::string& sql) const;

private:
    void dropDatabasesOfDeadRuns() const;
    std::string serverUrl_, name_, url_;
    std::vector<std::string> rolesToDrop_;
};

// Runs `sqlFile` with psql, statement by statement outside any transaction block (so that
// CREATE INDEX CONCURRENTLY can run), stopping at the first error. "" on success, else the
// database's error with the failing statement.
std::string apply(const Database& db, const std::filesystem::path& sqlFile);

struct Catalog {
    nlohmann::json data;                          // relations, constraints, indexes, ...
    std::map<std::string, std::string> normalised;  // probe key -> the server's text
    std::string probeErrors;                      // what the server said about probes it rejected
};
Catalog readCatalog(const Database& db, const model::Schema& schema);

Findings checkTablesAndColumns(const model::Schema& schema, const Catalog& catalog);
Findings checkConstraints(const model::Schema& schema, const Catalog& catalog);
Findings checkIndexes(const model::Schema& schema, const Catalog& catalog);
Findings checkSchemasEnumsSequences(const model::Schema& schema, const Catalog& catalog);
Findings checkViews(const model::Schema& schema, const Catalog& catalog);
Findings checkRolesPoliciesRls(const model::Schema& schema, const Catalog& catalog);

// Probe keys, shared by readCatalog and the checks.
std::string defaultKey(std::string_view schema, std::string_view table, std::string_view column);
std::string generatedKey(std::string_view schema, std::string_view table, std::string_view column);
std::string checkKey(std::string_view schema, std::string_view table, std::string_view name);
std::string indexExpressionKey(std::string_view schema, std::string_view index, std::size_t position);
std::string indexWhereKey(std::string_view schema, std::string_view index);
std::string policyUsingKey(std::string_view schema, std::string_view table, std::string_view name);
std::string policyCheckKey(std::string_view schema, std::string_view table, std::string_view name);
std::string viewKey(std::string_view schema, std::string_view name);

// A table's or view's schema as the catalog names it ("" is public).
inline std::string schemaOf(const std::string& s) { return s.empty() ? "public" : s; }
// "name" with embedded quotes doubled: an identifier for SQL text.
std::string ident(std::string_view name);
std::string qualifiedIdent(std::string_view schema, std::string_view name);
// 'text' with embedded quotes doubled: a string literal for SQL text.
std::string literal(std::string_view text);

}  // namespace drizzle::integration::pg

// MySQL side of the integration tests, run against MariaDB: a fresh database on the test
// server, applying an export with the mariadb client, and checking information_schema against
// the schema model.
//
// Expressions (defaults, generated columns, checks, view queries) are compared as the server
// prints them: the declared expression is attached to a probe column, constraint or view, and
// the server's text for the probe must equal its text for the exported object. String-literal
// defaults are compared by value, so that an escape the server reads differently is caught.
#pragma once

#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "support/harness.hpp"

namespace drizzle::integration::mysql {

// A database created for one test run, dropped on destruction.
class Database {
public:
    explicit Database(const std::string& serverUrl);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    const std::string& name() const { return name_; }
    // The mariadb client on this database, in batch mode, with `args` appended.
    RunResult client(const std::vector<std::string>& args, const std::filesystem::path& stdinFile = {}) const;
    // The JSON value each statement of `sql` selects, in order ("NULL" becomes an empty array).
    std::vector<nlohmann::json> queryJson(const std::string& sql) const;

private:
    std::vector<std::string> connection() const;
    std::string host_, port_, user_, password_, name_;
};

// Runs `sqlFile` with the mariadb client, which stops at the first error. "" on success, else
// the database's error with the failing statement.
std::string apply(const Database& db, const std::filesystem::path& sqlFile);

struct Catalog {
    std::string database;  // the scratch database's name
    nlohmann::json data;  // tables, columns, statistics, constraints, keyColumns, references, checks, views
    std::map<std::string, std::string> normalised;  // probe key -> the server's text
    std::string probeErrors;
};
Catalog readCatalog(const Database& db, const model::Schema& schema);

Findings checkTablesAndColumns(const model::Schema& schema, const Catalog& catalog);
Findings checkConstraints(const model::Schema& schema, const Catalog& catalog);
Findings checkIndexes(const model::Schema& schema, const Catalog& catalog);
Findings checkViews(const model::Schema& schema, const Catalog& catalog);

// Probe keys, shared by readCatalog and the checks.
std::string defaultKey(std::string_view table, std::string_view column);
std::string generatedKey(std::string_view table, std::string_view column);
std::string checkKey(std::string_view table, std::string_view name);
std::string viewKey(std::string_view name);

// `name` between backticks, embedded ones doubled.
std::string ident(std::string_view name);

}  // namespace drizzle::integration::mysql

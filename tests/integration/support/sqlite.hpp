// SQLite side of the integration tests: applying an export to a fresh database file with the
// sqlite3 shell, and checking it against the schema model.
//
// SQLite's catalog is its pragmas (table_xinfo, foreign_key_list, index_list, index_xinfo)
// plus the statements it keeps in sqlite_schema; what no pragma reports (checks, generated
// expressions, AUTOINCREMENT, index expressions and predicates, view queries) is compared token by
// token with the stored statement, ignoring case, spacing and quoting style.
#pragma once

#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "support/harness.hpp"

namespace drizzle::integration::sqlite {

// Runs `sqlFile` with `sqlite3 -bail` on `dbFile` (created). "" on success, else the error and
// the failing statement.
std::string apply(const std::filesystem::path& dbFile, const std::filesystem::path& sqlFile);

struct Catalog {
    nlohmann::json data;  // schema, columns, foreignKeys, indexes
    // "table\x1fcolumn" -> whether the stored default and the declared one evaluate the same.
    std::map<std::string, bool> defaultsEqual;
    std::string defaultsError;
};
Catalog readCatalog(const std::filesystem::path& dbFile, const model::Schema& schema);

Findings checkTablesAndColumns(const model::Schema& schema, const Catalog& catalog);
Findings checkConstraints(const model::Schema& schema, const Catalog& catalog);
Findings checkIndexes(const model::Schema& schema, const Catalog& catalog);
Findings checkViews(const model::Schema& schema, const Catalog& catalog);

}  // namespace drizzle::integration::sqlite

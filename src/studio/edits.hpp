// The studio's edits: inserts, updates and deletes the app staged, as statements built from the
// schema model (names looked up and quoted from it) with every value bound, applied together in
// one transaction by the server.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "drizzle/driver/cursor.hpp"
#include "drizzle/model/model.hpp"

namespace drizzle::kit::studio {

struct EditStatement {
    std::string sql;
    std::vector<driver::Param> params;
    bool oneRow = false;  // an update or delete by primary key: it must meet exactly one row
    // For an update: whether its row exists, asked when MySQL counts no row changed (it counts
    // the rows it changed, not those it met, so an update to the same value counts 0).
    std::string existsSql;
    std::vector<driver::Param> existsParams;
};

// {"schema": "public", "table": "users", "edits": [
//    {"op": "update", "key": {"id": "1"}, "set": {"name": "Ada", "email": null}},
//    {"op": "insert", "values": {"name": "Grace"}},
//    {"op": "delete", "key": {"id": "3"}}]}
// Values are text (or null): the database converts them to the column's type. `key` names the
// table's whole primary key; a table without one cannot be edited. Throws BadRequest
// (row_query.hpp) naming the edit (by its place) and what is wrong with it.
// The columns that name a row: the primary key's, or none.
std::vector<std::string> primaryKey(const model::Table& table);

std::vector<EditStatement> buildEdits(const model::Schema& schema, const nlohmann::json& request);

}  // namespace drizzle::kit::studio

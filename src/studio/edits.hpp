// The studio's edits: inserts, updates and deletes the app staged, as statements built from the
// schema model (names looked up and quoted from it) with every value bound, applied together in
// one transaction by the server.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "drizzle/driver/cursor.hpp"
#include "studio/catalog.hpp"

namespace drizzle::kit::studio {

struct EditStatement {
    std::string sql;
    std::vector<driver::Param> params;
    bool oneRow = false;  // an update or delete by primary key: it must meet exactly one row
};

// {"schema": "public", "table": "users", "edits": [
//    {"op": "update", "key": {"id": "1"}, "set": {"name": "Ada", "email": null}},
//    {"op": "insert", "values": {"name": "Grace"}},
//    {"op": "delete", "key": {"id": "3"}}]}
// Values are text (or null) in the API's spelling (catalog.hpp), bound as the column takes them.
// `key` names the table's whole primary key; a table without one, or a view, cannot be edited.
// Throws BadRequest (catalog.hpp) naming the edit (by its place) and what is wrong with it.
std::vector<EditStatement> buildEdits(const Catalog& catalog, const nlohmann::json& request);

}  // namespace drizzle::kit::studio

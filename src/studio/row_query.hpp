// The studio's row queries, built from a request of the app and the schema model: every table and
// column name is looked up in the model and quoted from there, every value is a bound parameter;
// nothing the request says is pasted into SQL.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "drizzle/driver/cursor.hpp"
#include "drizzle/model/model.hpp"

namespace drizzle::kit::studio {

// A request the API refuses: `status` is the HTTP status (400, 404), the message says what is wrong.
struct BadRequest : std::runtime_error {
    BadRequest(int status, const std::string& message) : std::runtime_error(message), status(status) {}
    int status;
};

struct RowQuery {
    std::vector<std::string> columns;   // the selected columns, in order
    std::string sql;                    // one page
    std::string countSql;               // the rows the filters keep
    std::vector<driver::Param> params;  // for both: the filters' values
};

inline constexpr std::size_t kMaxPageRows = 1000;

// A page of a table or view:
//   {"schema": "public", "table": "users", "limit": 50, "offset": 0,
//    "sort": {"column": "name", "desc": false},
//    "filters": [{"column": "age", "op": "gt", "value": "30"}, {"column": "id", "op": "in", "values": ["1", "2"]}]}
// ops: eq, ne, lt, gt, contains (the value's text, compared as the database compares text),
// isNull, notNull, in. Values are text: the
// database converts them to the column's type, and a value that does not convert is its error.
// Rows come in the sort's order, then the primary key's, so that pages do not overlap.
RowQuery buildRowQuery(const model::Schema& schema, const nlohmann::json& request);

}  // namespace drizzle::kit::studio

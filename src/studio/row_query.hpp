// The studio's row queries, built from a request of the app and the catalog: every table and
// column name is looked up there and quoted from the model's spelling, every value is a bound
// parameter; nothing the request says is pasted into SQL.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "drizzle/driver/cursor.hpp"
#include "studio/catalog.hpp"

namespace drizzle::kit::studio {

struct RowQuery {
    const TableInfo* target = nullptr;
    std::vector<const ColumnInfo*> columns;  // the selected columns, in order
    std::string sql;                          // the page (limit + 1 rows, to tell whether more follow)
    std::vector<driver::Param> params;
    std::string countSql;                     // the rows the filters keep
    std::vector<driver::Param> countParams;
    std::size_t limit = 0;                    // rows per page (all of them for an export)
    // The columns whose values in a page's last row continue it (keyset paging): the sort column
    // and the primary key. Empty when the order cannot be continued so (a view; a sort column
    // that holds NULL): then pages go by offset.
    std::vector<std::string> cursorColumns;
};

inline constexpr std::size_t kMaxPageRows = 1000;

// A page of a table or view:
//   {"schema": "public", "table": "users", "limit": 50, "offset": 0,
//    "sort": {"column": "name", "desc": false},
//    "filters": [{"column": "age", "op": "gt", "value": "30"}, {"column": "id", "op": "in", "values": ["1", "2"]}],
//    "after": {"name": "Ada", "id": "7"}}
// ops: eq, ne, lt, gt, contains (the value's text, compared as the database compares text),
// isNull, notNull, in. Values are text in the API's spelling (catalog.hpp): the database
// converts them to the column's type, and a value that does not convert is its error.
// Rows come in the sort's order, then the primary key's (in the sort's direction), so that pages
// neither overlap nor skip. `after` (the cursorColumns' values of the previous page's last row)
// starts the page after that row, which an index finds directly however deep the page; without
// it `offset` rows are skipped. `wholeResult` (an export) drops the limit.
RowQuery buildRowQuery(const Catalog& catalog, const nlohmann::json& request, bool wholeResult = false);

}  // namespace drizzle::kit::studio

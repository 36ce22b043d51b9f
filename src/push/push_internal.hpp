// Internal to push: the stages push.cpp runs in order, one file each.
#pragma once

#include <string>
#include <vector>

#include "drizzle/driver/connection.hpp"
#include "drizzle/kit/changes.hpp"
#include "drizzle/kit/push.hpp"
#include "drizzle/model/model.hpp"

namespace drizzle::kit::push_detail {

// `code` as the database would report it once created (catalog_form.cpp): spellings the catalog
// normalises (PostgreSQL's char is char(1), MariaDB's real is double, a default referential action
// is stated, ...) and, on PostgreSQL, SQL text the server stores deparsed (checks, defaults, index
// expressions and predicates, policies, views) in the server's own words, found by creating the
// code's version in a scratch schema inside a savepoint and reading it back. Only objects the
// database already has are brought over; what is new stays as declared. The result diffs empty
// against `found` exactly when creating `code` would give the database `found` holds.
model::Schema inCatalogForm(driver::Connection& db, const model::Schema& code, const model::Schema& found);

// What the changes would do to the data the database holds (data_loss.cpp), counted with queries
// that read only; `found` is the database as introspected, `code` the target. On PostgreSQL a type
// change is tried in a savepoint to see whether the values convert.
std::vector<DataLossFinding> findDataLoss(driver::Connection& db, const model::Schema& found, const model::Schema& code,
                                          const std::vector<Change>& changes);

}  // namespace drizzle::kit::push_detail

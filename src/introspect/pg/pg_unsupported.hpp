// PostgreSQL objects outside the schema model: what uses them (checks, indexes, defaults and
// views that cannot be created from the model alone) is left out or kept as existing, and every
// such object is reported by kind and name, never dropped silently.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <utility>

#include "drizzle/driver/connection.hpp"
#include "drizzle/kit/introspect.hpp"

namespace drizzle::kit {

// `schemas`: the selected schemas as a PostgreSQL text[] literal; the indexes map (schema, name)
// to positions in out.schema.tables / views.
void reportOutsideTheModel(driver::Connection& db, const std::string& schemas,
                           const std::map<std::pair<std::string, std::string>, std::size_t>& tableIndex,
                           const std::map<std::pair<std::string, std::string>, std::size_t>& viewIndex, Introspection& out);

}  // namespace drizzle::kit

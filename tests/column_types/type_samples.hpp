// Every entry of a dialect's column-type table with each kind of argument it takes: what the
// type-table tests walk through the DSL, pull's code generation, and a real server.
#pragma once

#include <vector>

#include "schema/column_types.hpp"

namespace drizzle::test {

std::vector<detail::TypeValue> typeSamples(Dialect dialect);

}  // namespace drizzle::test

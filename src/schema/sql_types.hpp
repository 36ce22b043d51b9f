// SQL type and default spelling per dialect, for declared columns.
#pragma once

#include <optional>
#include <string>

#include "drizzle/model/model.hpp"
#include "drizzle/schema/spec.hpp"

namespace drizzle::detail {

// The column's SQL type as Drizzle Kit spells it in snapshots ("varchar(256)", "integer[]").
std::string sqlType(Dialect dialect, const ColumnSpec& column, std::string_view enumName);

// The column's default as a snapshot stores it, or nullopt.
std::optional<model::DefaultValue> defaultValue(Dialect dialect, const ColumnSpec& column);

}  // namespace drizzle::detail

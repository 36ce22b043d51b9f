// SQL type and default spelling per dialect, for declared columns.
#pragma once

#include <optional>
#include <string>

#include "drizzle/model/model.hpp"
#include "drizzle/schema/spec.hpp"

namespace drizzle::detail {

// The column's SQL type as Drizzle Kit spells it in snapshots ("varchar(256)", "integer[]").
std::string sqlType(Dialect dialect, const ColumnSpec& column, std::string_view enumName);

// A sequence (standalone, or an identity column's of `sqlType`) with the options left out filled
// in as Drizzle Kit fills them (pgSerializer.ts): ranges by type and direction, cache 1.
model::Sequence sequence(std::string_view schema, std::string_view name, const SequenceOptions& options,
                         std::string_view sqlType);

// A number as JavaScript's Number#toString writes it (Drizzle Kit's spelling).
std::string formatDouble(double d);

// The column's default as a snapshot stores it, or nullopt.
std::optional<model::DefaultValue> defaultValue(Dialect dialect, const ColumnSpec& column);

}  // namespace drizzle::detail

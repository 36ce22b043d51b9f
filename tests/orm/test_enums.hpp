// C++ enums the type-mapping tests map to enum and text columns on every dialect: DRIZZLE_ENUM
// names Mood's values after its enumerators; Status spells its own.
#pragma once

#include <array>
#include <string_view>

#include "drizzle/enum.hpp"

namespace test_enums {
DRIZZLE_ENUM(Mood, sad, ok, happy)
enum class Status { todo, inProgress, done };
constexpr std::array<std::string_view, 3> drizzleEnumValues(Status) { return {"todo", "in-progress", "done"}; }
}  // namespace test_enums

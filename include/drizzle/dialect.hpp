// The SQL dialects drizzle-cpp speaks.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace drizzle {

enum class Dialect : std::uint8_t { postgresql, sqlite, mysql };

std::string_view dialectName(Dialect d);                 // "postgresql" | "sqlite" | "mysql"
std::optional<Dialect> parseDialect(std::string_view s);  // as a config names it

}  // namespace drizzle

// Migration tags: `<prefix>_<name>`, with Drizzle Kit's prefix modes and a random word pair
// when no name is given.
#pragma once

#include <cstdint>
#include <string>

namespace drizzle::kit {

// Drizzle Kit's prefix modes (migrations.prefix, --prefix), as messages list them.
inline constexpr const char* prefixModes = "index, timestamp, supabase, unix, none";
bool isPrefixMode(const std::string& mode);

// "0003" (index), "20261122013000" (timestamp, supabase), "1795308984" (unix), "" (none); tags
// are "<prefix>_<name>", so `none` gives "_<name>" as drizzle-kit does.
std::string migrationPrefix(const std::string& mode, std::int64_t idx, std::int64_t nowMs);
// Two random words joined by '_': "quiet_lighthouse".
std::string randomMigrationName();
// A fresh random (version 4) UUID for a snapshot id.
std::string randomUuid();

}  // namespace drizzle::kit

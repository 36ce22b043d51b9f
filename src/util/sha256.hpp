// SHA-256 as lowercase hex: migration hashes (as Drizzle records them) and cache keys.
#pragma once

#include <string>
#include <string_view>

namespace drizzle::util {

std::string sha256Hex(std::string_view data);

}  // namespace drizzle::util

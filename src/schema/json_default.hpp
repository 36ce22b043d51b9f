// JSON defaults (`.default_(drizzle::jsonValue("..."))`) as Drizzle Kit records them.
#pragma once

#include <string>
#include <string_view>

namespace drizzle::detail {

// `text` as JavaScript's JSON.stringify(JSON.parse(text)) writes it: no spaces, keys in the
// order given, numbers as JavaScript prints them. Throws std::invalid_argument, saying where,
// when `text` is not JSON.
std::string stringifiedJson(std::string_view text);

}  // namespace drizzle::detail

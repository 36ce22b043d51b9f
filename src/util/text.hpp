// Text as messages quote it.
#pragma once

#include <string>
#include <string_view>

namespace drizzle::util {

// `text` on one line: every run of whitespace (line breaks included) one space, none at either end.
std::string oneLine(std::string_view text);

}  // namespace drizzle::util

// An identifier in a quote character, the character doubled inside it: the one spelling the
// kit's DDL and the registry's schema SQL share.
#pragma once

#include <string>
#include <string_view>

namespace drizzle::detail {

std::string quoteName(std::string_view name, char quote);

}  // namespace drizzle::detail

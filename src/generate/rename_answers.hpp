// Rename answers, shared by generate and push: the `--rename` / `--create` / `--renames` flags
// (declared in drizzle/kit/generate.hpp) and the loop that asks what they leave open.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "drizzle/kit/diff.hpp"

namespace drizzle::kit {

using AskRename = std::function<std::optional<std::string>(const diff::RenameQuestion&)>;

// `given` plus every question the differ still asks between `from` and `to`, answered by `creates`
// or by `ask`, one at a time (an answer can change the next question: a table rename moves its
// columns). Without `ask`, an open question is a usage error naming the flags that answer it;
// `command` names the command in that message.
diff::Renames resolveRenames(const model::Schema& from, const model::Schema& to, const diff::Renames& given,
                             const std::vector<std::pair<std::string, std::string>>& creates, const AskRename& ask,
                             std::string_view command);

}  // namespace drizzle::kit

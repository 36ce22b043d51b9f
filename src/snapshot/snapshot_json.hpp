// The snapshot JSON tree of a model (internal: the writer's output before formatting, also
// used to describe model differences field by field).
#pragma once

#include <nlohmann/json.hpp>

#include "drizzle/model/model.hpp"

namespace drizzle::kit::snapshot {

nlohmann::ordered_json toJson(const model::Schema& schema);

}  // namespace drizzle::kit::snapshot

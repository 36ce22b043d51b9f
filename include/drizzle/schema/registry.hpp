// The schema a program declared: its model, built from every declaration registered so far.
#pragma once

#include "drizzle/detail/registry.hpp"

namespace drizzle {

// Builds the schema model from every declaration registered so far (all of one dialect).
// Throws drizzle::Error naming the declaration when one is inconsistent.
model::Schema registeredSchema();

}  // namespace drizzle

// The schema exporter's entry point. drizzle-kit generates a one-line program that includes
// the project's schema header(s) and calls this; it prints the declared schema as snapshot
// JSON on stdout (or an error on stderr, with a non-zero exit code).
//
//   #include "src/db/schema.hpp"
//   #include <drizzle/exporter.hpp>
//   int main() { return drizzle::runExporter(); }
#pragma once

#include "drizzle/model/model.hpp"

namespace drizzle {

int runExporter();

// The schema model of every declaration registered so far; see drizzle/schema/registry.hpp.
model::Schema registeredSchema();

}  // namespace drizzle

// The schema exporter's entry point. drizzle-kit generates a one-line program that includes
// the project's schema header(s) and calls this; it prints the declared schema as snapshot
// JSON on stdout (or an error on stderr, with a non-zero exit code).
//
//   #include <drizzle/kit/exporter.hpp>
//   inline const bool crashReport = drizzle::kit::reportExporterCrashes();  // before the schema's initialisers
//   #include "src/db/schema.hpp"
//   int main() { return drizzle::kit::runExporter(); }
#pragma once

#include <string_view>

namespace drizzle::kit {

// The environment chooses what it prints (drizzle-kit sets it; the default is the schema):
//   DRIZZLE_EXPORT=app        relations and which columns have app-side defaults, as JSON
//   DRIZZLE_EXPORT=defaults   the values the app-side defaults of the table named by
//                             DRIZZLE_EXPORT_SCHEMA and DRIZZLE_EXPORT_TABLE produce now
int runExporter();

// Installs handlers that, if the exporter crashes (a segfault or abort in a static initialiser
// or a declaration), print one stderr line starting with exporterCrashPrefix that says which
// declaration it had reached, then let the signal end the process. Returns true.
bool reportExporterCrashes();
inline constexpr std::string_view exporterCrashPrefix = "drizzle-exporter-crash: ";

// The schema model itself: registeredSchema() in drizzle/schema/registry.hpp. This header stays
// light, since every exporter compile (and every schema file's) parses it.

}  // namespace drizzle::kit

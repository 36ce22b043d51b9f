// Reading a project's C++ schema: drizzle-kit compiles a tiny exporter program that includes
// the schema header(s), runs it, and reads the schema model it prints. The exporter is cached
// under `<project>/.drizzle/exporter/`, keyed by the content of every file the compiler read,
// so an unchanged schema is never recompiled.
//
//   drizzle::kit::Config config = drizzle::kit::loadConfig({});
//   drizzle::model::Schema schema = drizzle::kit::loadSchema(config);
#pragma once

#include <string>
#include <vector>

#include "drizzle/kit/config.hpp"
#include "drizzle/model/model.hpp"

namespace drizzle::kit {

struct LoadReport {
    bool compiled = false;  // false: the cached exporter was reused
    double compileSeconds = 0;
    // The library headers' precompiled form: "built" for this compile, "reused", or "" (not used).
    std::string precompiledHeader;
    // Schema files, and how many of them were compiled (several files compile one by one).
    std::size_t files = 0, filesCompiled = 0;
    // When the preferred compiler refused the schema and the next one accepted it: which one
    // failed, and its first error line (a declaration only one compiler accepts is worth knowing).
    std::string fallback;
};

// One line for --verbose: "compiled the schema exporter in 0.41 s (precompiled library headers
// reused)", "compiled 1 of 20 schema files and linked the exporter in 0.38 s (...)" or "schema
// unchanged: reused the cached exporter".
std::string describe(const LoadReport& report);

// Throws drizzle::Error(schema) with the compiler's first error (file:line) when a header
// does not compile, and when the exported schema is inconsistent.
model::Schema loadSchema(const Config& config, LoadReport* report = nullptr);

// The two halves of loadSchema, for a caller that can decide from the text alone: the exporter's
// output (a snapshot with zero ids, as snapshot::write writes it), and that text read and checked.
std::string exportSchemaJson(const Config& config, LoadReport* report = nullptr);
model::Schema readExportedSchema(const Config& config, std::string_view json);

// Runs the exporter loadSchema built (call that first) again with `environment` ("NAME=value",
// the modes of drizzle/kit/exporter.hpp) and returns what it prints: what only the schema's
// code knows, such as its relations. `withCodecs` runs a build of its own (compiled the first
// time, then cached) that can bind values as the ORM does: for the app-side defaults' values.
std::string queryExporter(const Config& config, const std::vector<std::string>& environment, bool withCodecs = false);

}  // namespace drizzle::kit

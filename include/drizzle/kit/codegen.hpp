// Code generation: a schema model written back as C++ schema code (the second half of
// `drizzle-kit pull`). The generated schema.hpp declares exactly the model it was made from, so
// `drizzle-kit generate` on a freshly pulled schema finds nothing to do; relations.hpp holds one
// relation set per table, derived from the foreign keys and named as Drizzle Kit names them.
//
//   drizzle::kit::GeneratedCode code = drizzle::kit::generateCode(model, {.casing = "camel"});
//   // code.schema -> <out>/schema.hpp, code.relations -> <out>/relations.hpp
//
// The output is deterministic (the same model always gives the same bytes), and what the DSL
// cannot say is never dropped silently: it is listed in `notes` and as comments in the file.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "drizzle/model/model.hpp"

namespace drizzle::kit {

struct CodegenOptions {
    std::string casing = "camel";  // member names: "camel" (userId) or "preserve" (user_id)
    std::string cppNamespace = "db";
    std::string schemaFileName = "schema.hpp";  // what relations.hpp includes
    // Objects found in the database but outside the model, listed at the top of schema.hpp.
    std::vector<std::string> unsupported;
};

struct GeneratedCode {
    std::string schema;     // schema.hpp
    std::string relations;  // relations.hpp
    // What could not be declared as found (a foreign key whose columns' C++ types differ, ...),
    // one sentence each; also written as comments where the declaration would be.
    std::vector<std::string> notes;
};

GeneratedCode generateCode(const model::Schema& schema, const CodegenOptions& options);

// Database text made safe to show on one line, in a // comment or on a terminal: line breaks,
// control bytes, malformed UTF-8 and characters that reorder text on screen become C-style
// escapes (\n, \x1b), a backslash is \\, and the line never ends in a backslash (which would
// join the next line to a comment). `unsupported` and `notes` are raw; print them through this.
std::string printable(std::string_view text);

}  // namespace drizzle::kit

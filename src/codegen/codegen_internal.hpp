// What the parts of the code generator share: the C++ names chosen for every object of the
// model (chosen once, in a fixed order, so that output is deterministic).
#pragma once

#include <map>
#include <string>
#include <utility>

#include "drizzle/kit/codegen.hpp"

namespace drizzle::codegen {

using TableKey = std::pair<std::string, std::string>;  // (schema, name); schema "" for public

struct Names {
    std::string ns;  // the dialect's namespace alias: pg, sqlite, mysql
    std::map<std::string, std::string> schemaVariable;          // pg schema -> variable
    std::map<TableKey, std::string> enumVariable;               // (schema, enum) -> variable
    std::map<TableKey, std::string> sequenceVariable;           // (schema, sequence) -> variable
    std::map<std::string, std::string> roleVariable;
    std::map<TableKey, std::string> rowStruct, tableVariable;   // tables and views
    std::map<TableKey, std::map<std::string, std::string>> member;  // column -> member name
    std::map<TableKey, std::string> relationsStruct, relationsVariable;

    // "&User::email", or "" when the table or column has no C++ name.
    std::string memberPointer(const TableKey& table, const std::string& column) const;
};

Names chooseNames(const model::Schema& schema, const kit::CodegenOptions& options);
TableKey keyOf(const model::Table& table);

std::string schemaCode(const model::Schema& schema, const kit::CodegenOptions& options, const Names& names,
                       std::vector<std::string>& notes);
std::string relationsCode(const model::Schema& schema, const kit::CodegenOptions& options, const Names& names);

}  // namespace drizzle::codegen

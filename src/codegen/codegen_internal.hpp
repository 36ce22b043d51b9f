// What the parts of the code generator share: the C++ names chosen for every object of the
// model (chosen once, in a fixed order, so that output is deterministic).
#pragma once

#include <functional>
#include <map>
#include <string>
#include <unordered_map>
#include <utility>

#include "drizzle/kit/codegen.hpp"

namespace drizzle::codegen {

using TableKey = std::pair<std::string, std::string>;  // (schema, name); schema "" for public

struct TableKeyHash {
    std::size_t operator()(const TableKey& k) const {
        return std::hash<std::string>{}(k.first) * 1000003u ^ std::hash<std::string>{}(k.second);
    }
};
// Looked up for every column of schemas with thousands of tables, never iterated.
template <class V>
using ByTable = std::unordered_map<TableKey, V, TableKeyHash>;

struct Names {
    std::string ns;  // the dialect's namespace alias: pg, sqlite, mysql
    std::map<std::string, std::string> schemaVariable;          // pg schema -> variable
    ByTable<std::string> enumVariable;                      // (schema, enum) -> variable
    ByTable<std::string> sequenceVariable;                  // (schema, sequence) -> variable
    std::map<std::string, std::string> roleVariable;
    ByTable<std::string> rowStruct, tableVariable;          // tables and views
    ByTable<std::unordered_map<std::string, std::string>> member;  // column -> member name
    ByTable<std::string> relationsStruct, relationsVariable;

    // "&User::email", or "" when the table or column has no C++ name.
    std::string memberPointer(const TableKey& table, const std::string& column) const;
};

Names chooseNames(const model::Schema& schema, const kit::CodegenOptions& options);
// PostgreSQL's default schema is spelled "public" or "" across the model; keys use "".
TableKey tableKey(const std::string& schema, const std::string& name);
TableKey keyOf(const model::Table& table);

std::string schemaCode(const model::Schema& schema, const kit::CodegenOptions& options, const Names& names,
                       std::vector<std::string>& notes);
std::string relationsCode(const model::Schema& schema, const kit::CodegenOptions& options, const Names& names);

}  // namespace drizzle::codegen

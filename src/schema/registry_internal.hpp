// The registry's definitions: declarations as registered, their strings owned by the registry.
#pragma once

#include <deque>
#include <string>
#include <vector>

#include "drizzle/relations.hpp"
#include "drizzle/schema/registry.hpp"

namespace drizzle::driver {
class Cursor;
}  // namespace drizzle::driver

namespace drizzle::detail {

// How a whole row's columns decode: each column's codec and member, packed together so that a
// row reads through one small array rather than the column declarations.
struct RowReader {
    void (*read)(const driver::Cursor& row, std::size_t column, void* member);
    std::size_t offset;
};

struct TableDef {
    Dialect dialect;
    const void* owner;
    std::string_view schema, name;
    std::vector<ColumnSpec> columns;
    std::vector<RowReader> readers;  // one per column when every column has a codec, else none
    std::vector<ConstraintSpec> constraints;
    bool rls = false;
    Site site;
};

struct EnumDef {
    Dialect dialect;
    std::string_view schema, name;
    std::vector<std::string_view> values;
    Site site;
};

struct SequenceDef {
    std::string_view schema, name;
    SequenceOptions options;
    Site site;
};

struct RoleDef {
    std::string_view name;
    RoleOptions options;
};

struct ViewDef {
    Dialect dialect;
    const void* owner;
    std::string_view schema, name;
    std::vector<ColumnSpec> columns;
    bool materialized = false;
    bool existing = false;
    bool withNoData = false;
    std::string_view definition, using_, tablespace, algorithm, sqlSecurity, withCheckOption;
    std::vector<std::pair<std::string_view, std::string_view>> with;
    Site site;
};

struct SchemaDef {
    Dialect dialect;
    std::string_view name;
};

// Everything declared in this process, in declaration order. Deques keep addresses stable.
struct Registry {
    std::deque<std::vector<IndexColumnDecl>> indexColumns;  // index columns given as values (keepIndexColumns)
    std::deque<std::string> strings;
    std::deque<TableDef> tables;
    std::deque<EnumDef> enums;
    std::deque<SequenceDef> sequences;
    std::deque<RoleDef> roles;
    std::deque<ViewDef> views;
    std::deque<SchemaDef> schemas;

    // The declaration registered last, and the column being registered: what a crashing
    // exporter reports it was doing.
    struct Progress {
        const char* kind = nullptr;
        std::string_view name;
        Site site;
        const char* column = nullptr;
    } progress;

    std::string_view intern(std::string_view s);
};

Registry& registry();

// Every One relation constructed so far (relations.cpp), copies included.
std::vector<OneLink> registeredOnes();

// What only the schema's C++ code knows, for drizzle-kit studio (app_schema.cpp): as JSON,
//   {"relations": [{"schema", "table", "name", "target": {"schema", "table"}, "columns", "references"}],
//    "defaultFns": [{"schema", "table", "column"}],
//    "columns": [{"schema", "table", "column", "mode", "values"}]}  (modes and text enum values)
// and the values the app-side default functions of one table produce now, as {"column": text},
// binary values as "\x" and hex digits (from an exporter built with codecs only: the
// schema-only one cannot bind a value, and gives {}).
std::string appSchemaJson();
std::string defaultValuesJson(std::string_view schema, std::string_view table);

}  // namespace drizzle::detail

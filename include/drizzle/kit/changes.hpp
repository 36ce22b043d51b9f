// What the differ found, as data: one Change per thing that changes (a table created, a column
// added, a type altered, an index dropped, ...), with the objects involved as the models hold
// them, in the order the statements run. The differ decides; `ddl::changeStatements` writes the
// SQL of each change; push's data-loss checks, `--explain` and lint read the same list.
//
//   for (const auto& change : drizzle::kit::diff::diff(old, now, {}).changes)
//       if (change.kind == drizzle::kit::ChangeKind::dropColumn) warn(change.table, change.name);
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "drizzle/model/model.hpp"

namespace drizzle::kit {

enum class ChangeKind : std::uint8_t {
    // PostgreSQL schemas, enums, sequences and roles
    createSchema, dropSchema, renameSchema,
    createEnum, dropEnum, moveEnum, renameEnum, addEnumValue,
    createSequence, dropSequence, moveSequence, renameSequence, alterSequence,
    createRole, dropRole, alterRole,
    // tables
    createTable, dropTable, moveTable, renameTable,
    rebuildTable,  // SQLite: a new table, the rows copied, the old one dropped
    enableRowLevelSecurity, disableRowLevelSecurity,
    // columns
    addColumn, dropColumn, renameColumn,
    alterColumn,  // MySQL: the column restated whole (MODIFY COLUMN)
    setColumnType, setColumnDefault, dropColumnDefault, setNotNull, dropNotNull,  // PostgreSQL, one each
    addIdentity, dropIdentity, alterIdentity, dropGeneratedExpression,
    // indexes and constraints
    createIndex, dropIndex,
    addForeignKey, dropForeignKey, addPrimaryKey, dropPrimaryKey, addUnique, dropUnique, addCheck, dropCheck,
    // views and policies
    createView, dropView, moveView, renameView,
    createPolicy, dropPolicy, renamePolicy, alterPolicy,
};

std::string_view changeKindName(ChangeKind kind);  // "createTable", ...

// An object of the model as a change sees it: nothing, or one of these.
using ChangedObject = std::variant<std::monostate, model::Table, model::Column, model::Index, model::ForeignKey,
                                   model::PrimaryKey, model::Unique, model::Check, model::View, model::Enum,
                                   model::Sequence, model::Role, model::Policy>;

struct Change {
    ChangeKind kind;
    std::string table;    // the table (or view) as named when the change runs; "" for other objects
    std::string name;     // the object's name: the column, index, key, constraint, view, schema, ...
    std::string oldName;  // renames: the name before; moves: the schema before
    std::string schema;   // PostgreSQL: the schema of the table, or of the object itself
    ChangedObject before, after;       // as it was, as it becomes (monostate where there is none)
    std::vector<std::string> columns;  // rebuildTable: the columns whose values are copied
};

}  // namespace drizzle::kit

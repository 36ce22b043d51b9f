// Internal to the DDL stage: the per-dialect generators and the text helpers they share.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "drizzle/kit/changes.hpp"
#include "drizzle/model/model.hpp"
#include "model/quote_name.hpp"

namespace drizzle::kit::ddl::detail {

std::vector<std::string> pgCreateStatements(const model::Schema& schema);
std::vector<std::string> sqliteCreateStatements(const model::Schema& schema);
std::vector<std::string> mysqlCreateStatements(const model::Schema& schema);

// The statements of one change (ddl::changeStatements), per dialect: {pg,sqlite,mysql}_alter.cpp.
std::vector<std::string> pgChangeStatements(const Change& change, const model::Schema& to);
std::vector<std::string> sqliteChangeStatements(const Change& change, const model::Schema& to);
std::vector<std::string> mysqlChangeStatements(const Change& change, const model::Schema& to);

// The object a change holds, as the type its kind implies.
template <class T>
const T& the(const ChangedObject& object) {
    return std::get<T>(object);
}

// The table a change is about, as `to` holds it; a logic_error when it holds none (a change that
// needs its table, such as an index, always has one there).
const model::Table& changedTable(const model::Schema& to, const Change& change);

// `name` between `quote` characters, embedded ones doubled (shared with the registry).
using drizzle::detail::quoteName;

// Each name quoted, joined by `separator`.
std::string quotedList(const std::vector<std::string>& names, char quote, std::string_view separator);

// `text` as an SQL string literal: single quotes around it, embedded ones doubled.
std::string stringLiteral(std::string_view text);

// A storage-parameter value stored as a JSON literal, as Drizzle prints it: a JSON string
// without its quotes, anything else as written.
std::string withOptionValue(std::string_view jsonLiteral);

// A view's query; a view that is neither existing nor defined is an Error naming `displayName`.
const std::string& viewDefinition(const model::View& view, std::string_view displayName);

// True when an index column is SQL text rather than a column name: flagged on the column, or
// (SQLite and MySQL snapshots) in the schema's `internal.indexes` hints.
bool isExpressionColumn(const model::Internal& internal, const model::Index& index, const model::IndexColumn& column);

// True when `expr` is wrapped whole in one pair of parentheses: "(a + b)" but not "(a) + (b)".
bool isParenthesized(std::string_view expr);

// One object's statement or clause, exported for the differ (src/diff/), which writes the same
// text when it creates, adds or recreates that object in a later migration. Column definitions
// carry no leading tab.
std::string pgQualifiedName(std::string_view schema, std::string_view name);  // "s"."n", or "n" without a schema
std::string pgColumnDefinition(const model::Table& table, const model::Column& column);
std::string pgColumnType(const model::Column& column);
std::string pgDefaultValue(const model::Column& column);  // the text after DEFAULT, "" when none
std::string pgSequenceOptions(const model::Sequence& sequence);
std::string pgCreateTable(const model::Table& table);
std::string pgCreateForeignKey(const model::Table& table, const model::ForeignKey& fk);
std::string pgCreateIndex(const model::Table& table, const model::Index& index);
std::string pgCreateView(const model::View& view);
std::string pgCreatePolicy(const model::Policy& policy, const std::string& target);
std::string pgPolicyTarget(const model::Policy& standalonePolicy);
std::string pgPolicyRoles(const std::vector<std::string>& to);
std::string pgCreateRole(const model::Role& role);
std::string pgCreateEnum(const model::Enum& enumType);
std::string sqliteColumnDefinition(const model::Column& column);
std::string sqliteCreateTable(const model::Table& table);
std::string sqliteCreateIndex(const model::Internal& internal, const model::Table& table, const model::Index& index);
std::string mysqlColumnDefinition(const model::Column& column);
std::string mysqlCreateTable(const model::Internal& internal, const model::Table& table);
std::string mysqlCreateForeignKey(const model::Table& table, const model::ForeignKey& fk);
std::string mysqlCreateIndex(const model::Internal& internal, const model::Table& table, const model::Index& index);
std::string mysqlIndexColumns(const model::Internal& internal, const model::Index& index);
std::string mysqlCreateView(const model::View& view);

}  // namespace drizzle::kit::ddl::detail

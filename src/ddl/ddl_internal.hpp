// Internal to the DDL stage: the per-dialect generators and the text helpers they share.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "drizzle/model/model.hpp"

namespace drizzle::ddl::detail {

std::vector<std::string> pgCreateStatements(const model::Schema& schema);
std::vector<std::string> sqliteCreateStatements(const model::Schema& schema);
std::vector<std::string> mysqlCreateStatements(const model::Schema& schema);

// `name` between `quote` characters, embedded ones doubled.
std::string quoteName(std::string_view name, char quote);

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

}  // namespace drizzle::ddl::detail

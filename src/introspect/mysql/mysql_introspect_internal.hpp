// Internal to the MySQL / MariaDB introspection (mysql_introspect.cpp): how the values that
// information_schema gives (types, defaults, view definitions) are spelled in the model.
// Pure text functions, in mysql_normalise.cpp.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "drizzle/driver/connection.hpp"
#include "drizzle/model/model.hpp"

namespace drizzle::kit::mysql_introspect {

std::string lower(std::string s);
std::string opt(const driver::Rows& r, std::size_t row, std::size_t col);

// COLUMN_TYPE as the model spells it (an enum's or set's values keep their case).

// COLUMN_DEFAULT (MariaDB: literals quoted, NULL as the text NULL; MySQL 8: literals bare,
// expressions flagged DEFAULT_GENERATED in EXTRA) as the model stores it.
std::optional<model::DefaultValue> normaliseDefault(const std::optional<std::string>& raw, const std::string& type,
                                                    const std::string& extra);

std::string normaliseAction(const std::string& rule);

// A name inside backquotes.
std::string quoteName(const std::string& name);

bool isJsonValidCheck(const std::string& name, const std::string& clause);

// VIEW_DEFINITION without the database qualifier and without the parentheses the created
// view's `AS (...)` left around it. Both are looked for outside literals and quoted names, whose
// bytes are kept as they are.
std::string viewDefinition(const std::string& shown, const std::string& database);

}  // namespace drizzle::kit::mysql_introspect

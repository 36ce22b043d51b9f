// What SQLite keeps only in the DDL text of sqlite_schema, read with a small scanner: the parts of
// CREATE TABLE, CREATE INDEX and CREATE VIEW statements that no pragma reports (constraint names,
// generated expressions, index expressions, and the clauses pull reports because the model has
// no place for them). Internal to the SQLite introspection (sqlite_introspect.cpp).
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "drizzle/model/model.hpp"
#include "util/text.hpp"

namespace drizzle::kit::sqlite_text {

std::string lower(std::string s);
std::string upper(std::string s);
std::string trim(std::string_view s);
std::string join(const std::vector<std::string>& v, std::string_view sep);

// The index just past a quoted token starting at `i` (', ", `, or [...]).
std::size_t skipQuoted(std::string_view s, std::size_t i);

struct Token {
    enum Kind { word, quoted, paren, other } kind;
    std::size_t begin, end;  // [begin, end) in the text; a paren token spans "( ... )"
};

// Top-level tokens of `s`: words, quoted names/literals, balanced parentheses, other characters.
std::vector<Token> tokenize(std::string_view s);

// An identifier token's name: quotes removed, doubled quotes undone.
std::string identifier(std::string_view s, const Token& t);

// What the CREATE TABLE text says that the pragmas do not.
struct ParsedColumn {
    std::string type;  // the declared type as written, COLLATE included
    std::string collation;  // upper case; "" when none is declared (BINARY)
    std::optional<std::string> generatedAs;
    bool autoincrement = false;
};
// A foreign key's DEFERRABLE clause, which no pragma reports.
struct ParsedDeferrable {
    std::vector<std::string> columnsFrom;
    std::string clause;  // "DEFERRABLE INITIALLY DEFERRED", ...
};
struct ParsedTable {
    std::map<std::string, ParsedColumn> columns;
    std::vector<model::Check> checks;
    std::vector<model::Unique> uniques;  // name "" when the constraint is unnamed
    std::vector<ParsedDeferrable> deferrable;
    // Clauses the model has no place for, as reported: "column t.c (NOT NULL ON CONFLICT REPLACE)".
    std::vector<std::string> unmodelled;
    bool withoutRowid = false, strict = false;
    bool any = false;
};

// CREATE TABLE text -> what it says that the pragmas do not; `table` names the reports.
ParsedTable parseCreateTable(std::string_view sql, const std::string& table);

// CREATE [UNIQUE] INDEX name ON table (items) [WHERE expr]: the items and the WHERE text.
struct ParsedIndex {
    std::vector<std::string> items;
    std::optional<std::string> where;
};
ParsedIndex parseCreateIndex(std::string_view sql);

// CREATE VIEW name [(cols)] AS select...: the select.
std::optional<std::string> viewDefinition(std::string_view sql);

// CREATE VIEW name (cols) AS ...: the names of its column list, which the model has no place for
// (its view columns are the select's); none when there is no list.
std::vector<std::string> viewColumnList(std::string_view sql);

// DDL text on one line, each run of white space one space: a report is one line.
using util::oneLine;

}  // namespace drizzle::kit::sqlite_text

// The runtime statement tree: what the typed query front end lowers a query into, and what the
// dialect printers (src/query/printer.cpp, compiled once) turn into SQL text and parameters.
//
// Nothing here is templated. The front end checks a query's types, then builds these plain
// values; so the per-query template work stays in the thin layer that users see.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "drizzle/dialect.hpp"
#include "drizzle/driver/cursor.hpp"

namespace drizzle::detail {
struct ColumnSpec;
struct TableDef;
}  // namespace drizzle::detail

namespace drizzle::ast {

struct Select;

// An expression. `text` is the operator, function name, keyword or raw SQL, by kind.
struct Node {
    enum class Kind : std::uint8_t {
        column,       // qualifier."column"
        param,        // a bound value
        placeholder,  // a named value supplied when a prepared query runs
        raw,          // SQL text; each `?` in it is replaced by the next argument
        identifier,   // a quoted identifier (text)
        unary,        // text + (arg): "not "
        postfix,      // (arg) + text: " is null"
        binary,       // arg0 text arg1, parenthesised
        chain,        // args joined by text (" and ", " or "), parenthesised
        call,         // text(args...): count, sum, coalesce...
        list,         // (args...)
        subquery,     // (select ...)
        exists,       // text (select ...): "exists", "not exists"
        star,         // *
        valueSet,     // arg0 text (args...): a long IN list bound as one value (arg1 JSON, arg2 a
                      // PostgreSQL array literal; qualifier: MySQL's JSON_TABLE column type)
    };
    Kind kind = Kind::raw;
    std::string text;
    std::string_view qualifier;  // column: the table name or alias
    // A column node's column. On a placeholder, min/max or a named field: the column whose codec
    // binds and decodes its values.
    const detail::ColumnSpec* column = nullptr;
    driver::Param value;
    std::vector<Node> args;
    std::shared_ptr<const Select> query;
};

Node columnNode(std::string_view qualifier, const detail::ColumnSpec* column);
Node paramNode(driver::Param value);
Node rawNode(std::string text, std::vector<Node> args = {});
Node binaryNode(Node left, std::string_view op, Node right);
Node chainNode(std::string_view op, std::vector<Node> args);

// A FROM or JOIN item: a table (with an optional alias) or a subquery (with its alias).
struct Source {
    const detail::TableDef* table = nullptr;
    std::string_view alias;
    std::shared_ptr<const Select> subquery;
    // The name columns are qualified with.
    std::string_view qualifier() const;
};

struct Join {
    std::string_view kind;  // "inner join", "left join", "right join", "full join", "cross join"
    Source source;
    std::optional<Node> on;
    bool lateral = false;
};

struct Order {
    Node expression;
    bool desc = false;
    std::string_view nulls;  // "", "first", "last"
};

struct Cte {
    std::string_view name;
    std::shared_ptr<const Select> query;
};

struct SetOperation {
    std::string_view kind;  // "union", "union all", "intersect", "intersect all", "except", "except all"
    std::shared_ptr<const Select> query;
};

struct Select {
    std::vector<Cte> with;
    bool distinct = false;
    std::vector<Node> distinctOn;
    std::vector<Node> fields;
    std::vector<std::string_view> fieldAliases;  // parallel to fields; "" for none
    std::optional<Source> from;
    std::vector<Join> joins;
    std::optional<Node> where;
    std::vector<Node> groupBy;
    std::optional<Node> having;
    std::vector<Order> orderBy;
    std::optional<Node> limit, offset;
    std::string_view lock;  // "for update", "for share", ... (with " nowait" / " skip locked")
    std::vector<SetOperation> setOperations;
};

struct Assignment {
    const detail::ColumnSpec* column;
    Node value;
};

struct Conflict {
    enum class Action : std::uint8_t { none, doNothing, doUpdate, duplicateKeyUpdate };
    Action action = Action::none;
    std::vector<const detail::ColumnSpec*> target;  // ON CONFLICT (target...)
    std::optional<Node> targetWhere;
    std::vector<Assignment> set;
    std::optional<Node> where;
};

struct Insert {
    Source into;
    std::vector<const detail::ColumnSpec*> columns;
    std::vector<std::vector<Node>> rows;  // rows given column by column (expressions allowed)
    // Whole rows, row-major (columns.size() values each): bound as they are, with no node per
    // value, so a 100,000-row insert costs little more than its values.
    std::vector<driver::Param> values;
    std::size_t wholeRows = 0;  // how many (a table whose every column the database fills has no values)
    // Print this many rows of placeholders and bind nothing: the shape of one chunk of a large
    // insert, prepared once and run over slices of `values`.
    std::size_t placeholderRows = 0;
    std::shared_ptr<const Select> select;  // INSERT ... SELECT
    Conflict conflict;
    std::vector<Node> returning;
};

struct Update {
    Source table;
    std::vector<Assignment> set;
    std::vector<Source> from;  // UPDATE ... FROM
    std::optional<Node> where;
    std::vector<Node> returning;
};

struct Delete {
    Source from;
    std::optional<Node> where;
    std::vector<Node> returning;
};

// A statement printed for one dialect: the SQL (placeholders `?`) and, in order, what to bind.
struct Printed {
    std::string sql;
    std::vector<const driver::Param*> values;  // null where a named placeholder goes
    struct Placeholder {
        std::size_t position;
        std::string name;
        const detail::ColumnSpec* column;  // the column its value meets, or null
    };
    std::vector<Placeholder> placeholders;
    // A plain SELECT (no FOR UPDATE/SHARE): a read replica or an SQLite reader may answer it.
    bool read = false;
};

Printed print(Dialect dialect, const Select& statement);
Printed print(Dialect dialect, const Insert& statement);
Printed print(Dialect dialect, const Update& statement);
Printed print(Dialect dialect, const Delete& statement);

}  // namespace drizzle::ast

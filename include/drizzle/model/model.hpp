// The schema model: the one dialect-aware, plain-data description of a database schema.
//
// Every transformation speaks it and nothing else: the C++ schema DSL produces it, snapshot
// JSON is read into and written from it, DDL is generated from it. Its fields follow Drizzle
// Kit's snapshot vocabulary (PostgreSQL v7, SQLite v6, MySQL v5) so that reading and writing a
// snapshot is a faithful round trip. Collections keep declaration order (column order is part
// of the schema; the others follow it so written snapshots are stable); `equivalent()`
// compares everything but columns as keyed sets.
//
//   drizzle::model::Schema s{.dialect = drizzle::model::Dialect::sqlite};
//   s.tables.push_back({.name = "users", .columns = {{.name = "id", .type = "integer"}}});
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "drizzle/dialect.hpp"

namespace drizzle::model {

using drizzle::Dialect;

// A column default as a snapshot stores it: SQL text ("'x'", "now()"), a JSON number or boolean,
// or (PostgreSQL geometric and vector defaults) a JSON array.
struct DefaultValue {
    enum class Kind { sql, number, boolean, json };
    Kind kind = Kind::sql;
    std::string text;  // the SQL text, the number as written, "true"/"false", or compact JSON
    bool operator==(const DefaultValue&) const = default;
};

struct Generated {
    std::string as;
    std::string type = "stored";  // "stored" | "virtual"
    bool operator==(const Generated&) const = default;
};

struct Sequence {  // also an identity column's sequence
    std::string name;
    std::string schema;
    std::optional<std::string> increment, minValue, maxValue, startWith, cache;
    std::optional<bool> cycle;
    bool operator==(const Sequence&) const = default;
};

struct Identity {
    std::string type;  // "always" | "byDefault"
    Sequence sequence;
    bool operator==(const Identity&) const = default;
};

struct Column {
    std::string name;
    std::string type;                       // SQL type as Drizzle spells it: "varchar(256)", "integer[]"
    std::optional<std::string> typeSchema;  // PostgreSQL enums: the enum's schema
    bool primaryKey = false;
    bool notNull = false;
    std::optional<bool> autoincrement;      // SQLite, MySQL
    std::optional<DefaultValue> defaultValue;
    std::optional<bool> onUpdate;           // MySQL ON UPDATE CURRENT_TIMESTAMP
    std::optional<Generated> generated;
    std::optional<Identity> identity;       // PostgreSQL
    std::optional<bool> isUnique;           // PostgreSQL column-level unique (legacy snapshots)
    std::optional<std::string> uniqueName;
    std::optional<bool> nullsNotDistinct;
    bool operator==(const Column&) const = default;
};

struct IndexColumn {
    std::string expression;  // a column name, or SQL text when isExpression
    bool isExpression = false;
    bool asc = true;
    std::optional<std::string> nulls;  // PostgreSQL: "first" | "last"
    std::optional<std::string> opclass;
    bool operator==(const IndexColumn&) const = default;
};

struct Index {
    std::string name;
    std::vector<IndexColumn> columns;
    bool isUnique = false;
    std::optional<std::string> where;
    // PostgreSQL
    bool concurrently = false;
    std::string method = "btree";
    std::vector<std::pair<std::string, std::string>> with;  // storage parameter -> JSON literal
    // MySQL
    std::optional<std::string> using_, algorithm, lock;
    bool operator==(const Index&) const = default;
};

struct ForeignKey {
    std::string name;
    std::string tableFrom;
    std::vector<std::string> columnsFrom;
    std::string tableTo;
    std::optional<std::string> schemaTo;  // PostgreSQL
    std::vector<std::string> columnsTo;
    std::optional<std::string> onDelete, onUpdate;  // "cascade", "set null", "no action", ...
    bool operator==(const ForeignKey&) const = default;
};

struct PrimaryKey {
    std::string name;
    std::vector<std::string> columns;
    bool operator==(const PrimaryKey&) const = default;
};

struct Unique {
    std::string name;
    std::vector<std::string> columns;
    bool nullsNotDistinct = false;  // PostgreSQL
    bool operator==(const Unique&) const = default;
};

struct Check {
    std::string name;
    std::string value;
    bool operator==(const Check&) const = default;
};

struct Policy {
    std::string name;
    std::optional<std::string> as;   // "PERMISSIVE" | "RESTRICTIVE"
    std::optional<std::string> for_; // "ALL" | "SELECT" | ...
    std::vector<std::string> to;
    std::optional<std::string> using_, withCheck;
    std::optional<std::string> on, schema;  // set only for policies linked to a table from outside
    bool operator==(const Policy&) const = default;
};

struct Table {
    std::string name;
    std::string schema;  // PostgreSQL: the schema, "" for public (as snapshots store it); "" elsewhere
    std::vector<Column> columns;
    std::vector<Index> indexes;
    std::vector<ForeignKey> foreignKeys;
    std::vector<PrimaryKey> compositePrimaryKeys;
    std::vector<Unique> uniqueConstraints;
    std::vector<Policy> policies;
    std::vector<Check> checks;
    bool isRLSEnabled = false;

    const Column* column(std::string_view n) const;
    bool operator==(const Table&) const = default;
};

struct Enum {
    std::string name;
    std::string schema = "public";
    std::vector<std::string> values;
    bool operator==(const Enum&) const = default;
};

struct Role {
    std::string name;
    std::optional<bool> createDb, createRole, inherit;
    bool operator==(const Role&) const = default;
};

struct View {
    std::string name;
    std::string schema;  // PostgreSQL: the schema, "public" included (as snapshots store it)
    std::vector<Column> columns;
    std::optional<std::string> definition;
    bool materialized = false;
    bool isExisting = false;
    // PostgreSQL: WITH options as name -> JSON literal, in Drizzle's camelCase names.
    std::vector<std::pair<std::string, std::string>> with;
    std::optional<bool> withNoData;
    std::optional<std::string> using_, tablespace;
    // MySQL
    std::optional<std::string> algorithm, sqlSecurity, withCheckOption;
    bool operator==(const View&) const = default;
};

// `internal` of a snapshot: hints Drizzle keeps beside the schema (array dimensions, which
// index columns are expressions, which defaults are expressions).
struct InternalColumnHint {
    std::string table, column;
    std::optional<bool> isArray;
    std::optional<int> dimensions;
    std::optional<std::string> rawType;
    std::optional<bool> isDefaultAnExpression;
    bool operator==(const InternalColumnHint&) const = default;
};
struct InternalIndexHint {
    std::string index, column;
    bool isExpression = true;
    bool operator==(const InternalIndexHint&) const = default;
};
struct Internal {
    bool present = false;
    std::vector<InternalColumnHint> columns;
    std::vector<InternalIndexHint> indexes;
    bool operator==(const Internal&) const = default;
};

struct Renames {  // `_meta`: old -> new names recorded by a migration
    std::vector<std::pair<std::string, std::string>> schemas, tables, columns;
    bool operator==(const Renames&) const = default;
};

struct Schema {
    Dialect dialect = Dialect::postgresql;
    std::string id = "00000000-0000-0000-0000-000000000000";
    std::string prevId = "00000000-0000-0000-0000-000000000000";
    std::vector<std::string> schemas;  // PostgreSQL: non-public schemas
    std::vector<Table> tables;
    std::vector<Enum> enums;
    std::vector<Sequence> sequences;
    std::vector<Role> roles;
    std::vector<Policy> policies;  // standalone policies (linked to a table from outside)
    std::vector<View> views;
    Renames meta;
    Internal internal;

    const Table* table(std::string_view schema, std::string_view name) const;
    bool operator==(const Schema&) const = default;
};

// True when a and b describe the same database schema: ids, `_meta` and `internal` are ignored,
// column order matters, the order of every other collection does not. `normalized` is the form
// it compares: those fields cleared, every keyed collection sorted.
bool equivalent(const Schema& a, const Schema& b);
Schema normalized(Schema schema);

// How snapshots and the differ key an object: "schema.name" where the dialect has schemas
// ("public" for none given), else the bare name.
std::string objectKey(Dialect dialect, std::string_view schema, std::string_view name);
// (snapshot::firstDifference says where two models differ, in snapshot terms.)

}  // namespace drizzle::model

// SQLite introspection: sqlite_schema and the pragma_* table-valued functions read into the model.
//
// The catalog answers columns (pragma_table_xinfo), indexes (pragma_index_list / index_xinfo),
// foreign keys (pragma_foreign_key_list) and primary keys. What SQLite keeps only in the DDL text
// is read from there: generated expressions, CHECK and UNIQUE constraint names, index
// expressions and WHERE clauses, view definitions, and a column's declared type when it carries a
// COLLATE clause (wherever in the column definition it is written). Names SQLite never stores
// (foreign keys, composite primary keys) get Drizzle's default names.
//
// What neither the model nor Drizzle's v6 snapshot can hold is reported in `unsupported`, by
// kind and name, and left out: WITHOUT ROWID and STRICT tables, ON CONFLICT clauses, DEFERRABLE
// foreign keys, DESC and COLLATE on index, unique and primary key columns (read as ascending, in
// the column's own collation), a view's column list; triggers and virtual tables as a whole.
#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <exception>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "drizzle/error.hpp"
#include "drizzle/kit/introspect.hpp"
#include "introspect/dialects.hpp"
#include "introspect/sqlite/sqlite_ddl_text.hpp"
#include "schema/column_types.hpp"

namespace drizzle::kit {
namespace {

using namespace model;
using namespace sqlite_text;

// ---- defaults as the model stores them --------------------------------------------------------

bool isNumber(const std::string& s) {
    if (s.empty()) return false;
    const char c = s.front();
    if (!(std::isdigit(static_cast<unsigned char>(c)) || c == '-' || c == '.' || c == '+')) return false;
    char* end = nullptr;
    std::strtod(s.c_str(), &end);
    return end == s.c_str() + s.size();
}

DefaultValue defaultFrom(const std::string& d) {
    using K = DefaultValue::Kind;
    if (isNumber(d)) return {K::number, d};
    const std::string u = upper(d);
    if (u == "TRUE" || u == "FALSE") return {K::boolean, lower(d)};
    // A single string or blob literal (not an expression such as 'a' || 'b').
    if (!d.empty() && d.front() == '\'' && skipQuoted(d, 0) == d.size()) return {K::sql, d};
    if (d.size() >= 3 && (d[0] == 'x' || d[0] == 'X') && d[1] == '\'' && skipQuoted(d, 1) == d.size())
        return {K::sql, d};
    if (u == "NULL") return {K::sql, d};
    // SQLite stores the expression of DEFAULT (expr) without its parentheses.
    return {K::sql, "(" + d + ")"};
}

std::string field(const driver::Rows& r, std::size_t row, std::size_t col) {
    return r.isNull(row, col) ? std::string() : r.text(row, col);
}

bool skippedTable(const std::string& name, const IntrospectOptions& options) {
    if (name.starts_with("sqlite_") || name.starts_with("__new_") || name.starts_with("_cf_")) return true;
    if (name == options.migrationsTable) return true;
    return !tableMatchesFilter(name, options.tablesFilter);
}

std::vector<Column> readColumns(driver::Connection& db, const std::string& table, const ParsedTable& parsed,
                                std::vector<std::pair<int, std::string>>* pkColumns) {
    auto rows = db.query(R"(SELECT name, type, "notnull", dflt_value, pk, hidden FROM pragma_table_xinfo(?) ORDER BY cid)",
                         {table});
    std::vector<Column> out;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const int hidden = static_cast<int>(rows.integer(r, 5));
        if (hidden == 1) continue;  // a virtual table's hidden column
        Column c;
        c.name = rows.text(r, 0);
        const ParsedColumn* p = nullptr;
        if (auto it = parsed.columns.find(c.name); it != parsed.columns.end()) p = &it->second;
        // SQLite reads type names without regard to case: the five it names itself are spelled as
        // the DSL spells them ("INTEGER" is sqlite::integer); any other keeps its declared text.
        c.type = detail::normaliseCatalogType(Dialect::sqlite, p && !p->type.empty() ? p->type : lower(field(rows, r, 1)));
        c.notNull = rows.integer(r, 2) != 0;
        if (!rows.isNull(r, 3)) c.defaultValue = defaultFrom(rows.text(r, 3));
        const int pk = static_cast<int>(rows.integer(r, 4));
        if (pk > 0 && pkColumns) pkColumns->push_back({pk, c.name});
        c.autoincrement = pk > 0 && p && p->autoincrement;
        if (hidden == 2 || hidden == 3) {
            Generated g;
            g.type = hidden == 3 ? "stored" : "virtual";
            if (p && p->generatedAs) g.as = *p->generatedAs;
            c.generated = g;
        }
        out.push_back(std::move(c));
    }
    return out;
}

std::string action(const std::string& a) { return lower(a); }

// What one introspection run shares between its sections.
struct SqliteContext {
    SqliteContext(driver::Connection& connection, const IntrospectOptions& opts, Introspection& result)
        : db(connection), options(opts), out(result) {}

    driver::Connection& db;
    const IntrospectOptions& options;
    Introspection& out;
    std::vector<std::string> shadow;  // shadow tables of virtual tables
    // Index definitions by name, looked up here rather than joined per table: sqlite_schema has
    // no index on name, so a join would scan it once per table.
    std::map<std::string, std::string> indexSql;
};

// Shadow tables of virtual tables (FTS, R-Tree) belong to their virtual table; SQLite
// before 3.37 has no pragma_table_list, and then none are recognised.
void readShadowTables(SqliteContext& ctx) {
    try {
        auto rows = ctx.db.query("SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'shadow'");
        for (std::size_t r = 0; r < rows.size(); ++r) ctx.shadow.push_back(rows.text(r, 0));
    } catch (const std::exception&) {
    }
}

void addView(SqliteContext& ctx, const std::string& name, const std::string& sql) {
    Introspection& out = ctx.out;
    View v;
    v.name = name;
    v.definition = viewDefinition(sql);
    try {
        v.columns = readColumns(ctx.db, name, ParsedTable{}, nullptr);
    } catch (const Error& e) {
        // SQLite keeps a view whose table was dropped; its columns cannot be known.
        const std::string why = e.what();
        out.unsupported.push_back("view " + name + " (broken, not pulled: " + why.substr(0, why.find("; SQL:")) + ")");
        return;
    }
    if (auto list = viewColumnList(sql); !list.empty())
        out.unsupported.push_back("view " + name + " (column list (" + join(list, ", ") + "))");
    for (auto& c : v.columns) c.autoincrement = false;
    out.schema.views.push_back(std::move(v));
}

// The primary key, from the columns' positions in it (pragma_table_xinfo's pk).
void setPrimaryKey(Table& t, std::vector<std::pair<int, std::string>> pk) {
    std::sort(pk.begin(), pk.end());
    if (pk.size() == 1) {
        for (auto& c : t.columns)
            if (c.name == pk.front().second) {
                c.primaryKey = true;
                // An INTEGER PRIMARY KEY is the rowid: never NULL, whether or not declared so.
                std::string lower = c.type;
                for (auto& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
                if (lower == "integer") c.notNull = true;
            }
    } else if (pk.size() > 1) {
        PrimaryKey p;
        for (auto& [ord, col] : pk) p.columns.push_back(col);
        p.name = t.name + "_" + join(p.columns, "_") + "_pk";
        t.compositePrimaryKeys.push_back(std::move(p));
    }
}

// Foreign keys, grouped by id; SQLite does not keep their names.
void readForeignKeys(SqliteContext& ctx, Table& t, const ParsedTable& parsed) {
    const std::string& name = t.name;
    auto fks = ctx.db.query(
        R"(SELECT id, "table", "from", "to", on_update, on_delete FROM pragma_foreign_key_list(?) ORDER BY id, seq)",
        {name});
    std::map<std::int64_t, ForeignKey> byId;
    std::vector<std::int64_t> order;
    for (std::size_t i = 0; i < fks.size(); ++i) {
        const auto id = fks.integer(i, 0);
        auto [it, fresh] = byId.try_emplace(id);
        ForeignKey& fk = it->second;
        if (fresh) {
            order.push_back(id);
            fk.tableFrom = name;
            fk.tableTo = fks.text(i, 1);
            fk.onUpdate = action(field(fks, i, 4));
            fk.onDelete = action(field(fks, i, 5));
        }
        fk.columnsFrom.push_back(fks.text(i, 2));
        fk.columnsTo.push_back(field(fks, i, 3));
    }
    for (auto id : order) {
        ForeignKey& fk = byId[id];
        // A reference to the target's primary key without column names: read that key.
        if (std::any_of(fk.columnsTo.begin(), fk.columnsTo.end(), [](auto& c) { return c.empty(); })) {
            auto cols = ctx.db.query("SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk", {fk.tableTo});
            fk.columnsTo.clear();
            for (std::size_t i = 0; i < cols.size(); ++i) fk.columnsTo.push_back(cols.text(i, 0));
        }
        fk.name = fk.tableFrom + "_" + join(fk.columnsFrom, "_") + "_" + fk.tableTo + "_" + join(fk.columnsTo, "_") + "_fk";
        for (const auto& d : parsed.deferrable)
            if (d.columnsFrom == fk.columnsFrom) ctx.out.unsupported.push_back("foreign key " + fk.name + " (" + d.clause + ")");
        t.foreignKeys.push_back(std::move(fk));
    }
}

// Index order and collation have no place in the model (nor in Drizzle's v6 snapshot, whose
// index columns are bare names): reported, and read as ascending. `cols` are the index's
// pragma_index_xinfo rows, c the key column's.
void reportOrderAndCollation(Introspection& out, const ParsedTable& parsed, const driver::Rows& cols, const std::string& what,
                             std::size_t c, const std::string& column) {
    if (cols.integer(c, 2) != 0) out.unsupported.push_back(what + " (column " + oneLine(column) + " is DESC)");
    if (cols.integer(c, 0) < 0) return;  // an expression keeps its COLLATE in its text
    auto declared = parsed.columns.find(field(cols, c, 1));
    const std::string own = declared == parsed.columns.end() || declared->second.collation.empty()
                                ? "BINARY"
                                : declared->second.collation;
    if (const std::string coll = upper(field(cols, c, 3)); !coll.empty() && coll != own)
        out.unsupported.push_back(what + " (column " + column + " is COLLATE " + field(cols, c, 3) + ")");
}

// A UNIQUE constraint, under its declared name or Drizzle's default one.
void addUnique(SqliteContext& ctx, Table& t, const ParsedTable& parsed, const driver::Rows& cols) {
    std::vector<std::string> columns;
    for (std::size_t c = 0; c < cols.size(); ++c) columns.push_back(field(cols, c, 1));
    Unique u{.name = "", .columns = columns};
    for (const auto& declared : parsed.uniques)
        if (declared.columns == columns && !declared.name.empty()) u.name = declared.name;
    if (u.name.empty()) u.name = t.name + "_" + join(columns, "_") + "_unique";
    for (std::size_t c = 0; c < cols.size(); ++c)
        reportOrderAndCollation(ctx.out, parsed, cols, "unique constraint " + t.name + "." + u.name, c, columns[c]);
    t.uniqueConstraints.push_back(std::move(u));
}

// An index created with CREATE INDEX; its expressions and WHERE clause come from that text.
void addIndex(SqliteContext& ctx, Table& t, const ParsedTable& parsed, const std::string& idxName, bool unique,
              const driver::Rows& cols) {
    const ParsedIndex p = parseCreateIndex(ctx.indexSql[idxName]);
    Index idx;
    idx.name = idxName;
    idx.isUnique = unique;
    idx.where = p.where;
    for (std::size_t c = 0; c < cols.size(); ++c) {
        IndexColumn ic;
        if (cols.integer(c, 0) == -2) {
            ic.expression = c < p.items.size() ? p.items[c] : std::string();
            ic.isExpression = true;
            ctx.out.schema.internal.present = true;
            ctx.out.schema.internal.indexes.push_back({idxName, ic.expression, true});
        } else {
            ic.expression = field(cols, c, 1);
            // The rowid (cid -1) has no name in the pragma: take the one the index names.
            if (ic.expression.empty() && c < p.items.size()) {
                auto itoks = tokenize(p.items[c]);
                if (!itoks.empty()) ic.expression = identifier(p.items[c], itoks.front());
            }
        }
        reportOrderAndCollation(ctx.out, parsed, cols, "index " + idxName, c, ic.expression);
        idx.columns.push_back(std::move(ic));
    }
    t.indexes.push_back(std::move(idx));
}

// Indexes and UNIQUE constraints.
void readIndexes(SqliteContext& ctx, Table& t, const ParsedTable& parsed) {
    const std::string& name = t.name;
    auto idxs = ctx.db.query(R"(SELECT il.name, il."unique", il.origin FROM pragma_index_list(?) AS il ORDER BY il.seq DESC)",
                             {name});
    for (std::size_t i = 0; i < idxs.size(); ++i) {
        const std::string idxName = idxs.text(i, 0);
        const std::string origin = field(idxs, i, 2);
        auto cols = ctx.db.query("SELECT cid, name, \"desc\", coll FROM pragma_index_xinfo(?) WHERE key = 1 ORDER BY seqno",
                                 {idxName});
        if (origin == "pk") {
            for (std::size_t c = 0; c < cols.size(); ++c)
                reportOrderAndCollation(ctx.out, parsed, cols, "primary key " + name, c, field(cols, c, 1));
            continue;
        }
        if (origin == "u") {
            addUnique(ctx, t, parsed, cols);
            continue;
        }
        addIndex(ctx, t, parsed, idxName, idxs.integer(i, 1) != 0, cols);
    }
}

void addTable(SqliteContext& ctx, const std::string& name, const std::string& sql) {
    Introspection& out = ctx.out;
    const ParsedTable parsed = parseCreateTable(sql, name);
    if (parsed.withoutRowid) out.unsupported.push_back("table " + name + " (WITHOUT ROWID)");
    if (parsed.strict) out.unsupported.push_back("table " + name + " (STRICT)");
    out.unsupported.insert(out.unsupported.end(), parsed.unmodelled.begin(), parsed.unmodelled.end());
    Table t;
    t.name = name;
    std::vector<std::pair<int, std::string>> pk;
    t.columns = readColumns(ctx.db, name, parsed, &pk);
    setPrimaryKey(t, std::move(pk));
    readForeignKeys(ctx, t, parsed);
    readIndexes(ctx, t, parsed);
    int unnamed = 0;
    for (auto check : parsed.checks) {
        if (check.name.empty()) check.name = name + "_check_" + std::to_string(++unnamed);
        t.checks.push_back(std::move(check));
    }
    out.schema.tables.push_back(std::move(t));
}

// sqlite_schema's objects in the order they were created.
void readObjects(SqliteContext& ctx) {
    auto objects = ctx.db.query("SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY rowid");
    for (std::size_t r = 0; r < objects.size(); ++r)
        if (objects.text(r, 0) == "index") ctx.indexSql[objects.text(r, 1)] = field(objects, r, 3);
    for (std::size_t r = 0; r < objects.size(); ++r) {
        const std::string type = objects.text(r, 0);
        const std::string name = objects.text(r, 1);
        const std::string sql = field(objects, r, 3);
        if (type == "trigger") {
            ctx.out.unsupported.push_back("trigger " + name);
            continue;
        }
        if (type == "view") {
            // tablesFilter applies to views too, as in Drizzle.
            if (name.starts_with("sqlite_") || !tableMatchesFilter(name, ctx.options.tablesFilter)) continue;
            addView(ctx, name, sql);
            continue;
        }
        if (type != "table" || skippedTable(name, ctx.options)) continue;
        if (std::find(ctx.shadow.begin(), ctx.shadow.end(), name) != ctx.shadow.end()) continue;
        if (upper(sql).starts_with("CREATE VIRTUAL TABLE")) {
            ctx.out.unsupported.push_back("virtual table " + name);
            continue;
        }
        addTable(ctx, name, sql);
    }
}

}  // namespace

Introspection introspectSqlite(driver::Connection& db, const IntrospectOptions& options) {
    Introspection out;
    out.schema.dialect = Dialect::sqlite;
    SqliteContext ctx(db, options, out);
    readShadowTables(ctx);
    readObjects(ctx);
    return out;
}

}  // namespace drizzle::kit

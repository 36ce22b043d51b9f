// MySQL / MariaDB introspection: information_schema of the connection's current database, read
// with one query per view for the whole database (never per table), normalised to the model's
// spellings (types by the type table, src/schema/mysql_column_types.cpp; src/ddl/mysql_ddl.cpp).
//
// What the catalog cannot tell, and what we report instead:
//  * Primary keys are always named PRIMARY: reported as compositePrimaryKeys named
//    `<table>_<col>_<col>...` (the DSL's and Drizzle's name for a single-column key).
//  * A unique index and a unique constraint are the same object: every unique key is reported
//    as a unique constraint.
//  * USING BTREE/HASH is not reported: InnoDB builds a B-tree either way and
//    information_schema.STATISTICS says BTREE whether or not it was declared. ALGORITHM and LOCK
//    are options of the statement that created the index, not stored.
//  * Defaults: CURRENT_TIMESTAMP / now() in any spelling is reported as Drizzle's "(now())";
//    literals are re-quoted the way the model quotes them; other expressions come back in
//    parentheses as the server rewrote them. Generated expressions, check clauses and view
//    definitions are the server's rewritten text (view definitions without the database prefix).
//  * MariaDB: SERIAL (bigint unsigned auto_increment + a unique key named like the column) is
//    reported as "serial" without that key; tinyint(1) is "boolean"; json (longtext + an
//    automatic json_valid CHECK named like the column) is "json" without the check; integer
//    display widths are dropped; decimal(10,0) is "decimal", decimal(p,0) "decimal(p)", and
//    char(1)/binary(1) are "char"/"binary" (the same types, in their shortest spelling). REAL
//    is stored as DOUBLE and comes back as "double". A decimal default comes back quoted
//    ("'3.14'"), as the DSL writes it.
//  * Indexes: the ones backing the primary key, a unique key or SERIAL are not indexes in the
//    model; the one the server adds for a foreign key carries the key's name and is skipped.
//    MySQL 8 functional key parts come back as "(expr)" expressions (untested here: the test
//    server is MariaDB, which has none).
//  * Views: columns as the server derives them (without the base columns' defaults); the query
//    from SHOW CREATE VIEW (one query per view), which keeps its literals' character sets.
//  * Triggers, functions, procedures, events and sequences are listed in `unsupported`; so are
//    FULLTEXT and SPATIAL indexes (left out of the model) and a table's or column's collation
//    where it is not the default it would get (the database's, the table's). So is what the model
//    and Drizzle's v5 snapshot have no place for, which the pulled schema leaves out: DESC key
//    parts and prefix lengths (KEY (name(10))), ignored or invisible indexes and columns,
//    MariaDB's COMPRESSED columns (read with their plain type), table, column and index
//    comments, a table's engine other than the server's default, its CREATE_OPTIONS (row
//    format, partitioning, ...) and system versioning. (ON UPDATE takes nothing but
//    CURRENT_TIMESTAMP at the column's own precision, which the model holds.)
#include <algorithm>
#include <map>
#include <regex>
#include <set>
#include <tuple>

#include "drizzle/error.hpp"
#include "drizzle/kit/introspect.hpp"
#include "drizzle/migrate.hpp"
#include "introspect/dialects.hpp"
#include "introspect/mysql/mysql_introspect_internal.hpp"
#include "schema/column_types.hpp"

namespace drizzle::kit {
namespace mysql_introspect {
namespace {

using namespace model;

using TableAndName = std::pair<std::string, std::string>;  // (table, column / index / constraint)

// One index of information_schema.STATISTICS, its key parts in order.
struct IndexRow {
    std::string name;
    bool unique = false;
    std::vector<std::string> columns;
    std::string type;
    bool expression = false;
    // What the model (and Drizzle's v5 snapshot, whose index columns are bare names) has no
    // place for: "column name is DESC", "column name has prefix length 10", "IGNORED", ...
    std::vector<std::string> unmodelled;
    bool commented = false;
};

// What one introspection run shares between its catalog sections; later sections read what
// earlier ones recorded.
struct MysqlContext {
    MysqlContext(driver::Connection& connection, const IntrospectOptions& opts, Introspection& result, std::string current,
                 bool isMariadb)
        : db(connection), options(opts), out(result), database(std::move(current)), mariadb(isMariadb) {}

    driver::Connection& db;
    const IntrospectOptions& options;
    Introspection& out;
    std::string database;  // the connection's current database
    bool mariadb;
    std::map<std::string, std::size_t> tableIndex, viewIndex;  // name -> position in out.schema
    // The model has no character sets or collations: a table or column that differs from the
    // database's default (the table's, for a column) is reported and takes the default.
    std::map<std::string, std::string> tableCollation;
    std::set<TableAndName> jsonColumns;  // MariaDB's json columns, told by their checks
    std::vector<std::tuple<std::string, std::string, std::string>> checks;  // (table, name, clause)
    std::map<std::string, std::vector<IndexRow>> indexesByTable;
    std::set<TableAndName> serialKeys;  // (table, index) to skip
    std::set<TableAndName> foreignKeyNames;

    Table* tableOf(const std::string& name) {
        auto it = tableIndex.find(name);
        return it == tableIndex.end() ? nullptr : &out.schema.tables[it->second];
    }
};

// ---- tables and views --------------------------------------------------------------------
void readTables(MysqlContext& ctx) {
    Introspection& out = ctx.out;
    auto keep = [&](const std::string& table) {
        return table != ctx.options.migrationsTable && table != lockTableName(ctx.options.migrationsTable) &&
               tableMatchesFilter(table, ctx.options.tablesFilter);
    };
    const std::string databaseCollation = opt(
        ctx.db.query("SELECT DEFAULT_COLLATION_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = DATABASE()"), 0, 0);
    const std::string defaultEngine = opt(ctx.db.query("SELECT @@default_storage_engine"), 0, 0);
    auto tables = ctx.db.query(
        "SELECT TABLE_NAME, TABLE_TYPE, TABLE_COLLATION, ENGINE, CREATE_OPTIONS, TABLE_COMMENT "
        "FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME");
    for (std::size_t i = 0; i < tables.size(); ++i) {
        std::string name = tables.text(i, 0), kind = tables.text(i, 1);
        if (!keep(name)) continue;
        if (kind == "VIEW") {
            ctx.viewIndex[name] = out.schema.views.size();
            View v;
            v.name = name;
            out.schema.views.push_back(std::move(v));
        } else if (kind == "SEQUENCE") {  // MariaDB's CREATE SEQUENCE
            out.unsupported.push_back("sequence " + name);
        } else if (kind == "BASE TABLE" || kind == "SYSTEM VERSIONED") {
            ctx.tableIndex[name] = out.schema.tables.size();
            ctx.tableCollation[name] = opt(tables, i, 2);
            if (!ctx.tableCollation[name].empty() && ctx.tableCollation[name] != databaseCollation)
                out.unsupported.push_back("table collation " + name + " (" + ctx.tableCollation[name] + ")");
            // Table options the model has no place for: the DDL creates InnoDB tables with none.
            if (kind == "SYSTEM VERSIONED") out.unsupported.push_back("table " + name + " (WITH SYSTEM VERSIONING)");
            if (std::string engine = opt(tables, i, 3); !engine.empty() && lower(engine) != lower(defaultEngine))
                out.unsupported.push_back("table " + name + " (ENGINE=" + engine + ")");
            if (std::string options = opt(tables, i, 4); !options.empty())
                out.unsupported.push_back("table " + name + " (" + options + ")");
            if (!opt(tables, i, 5).empty()) out.unsupported.push_back("comment on table " + name);
            Table t;
            t.name = name;
            out.schema.tables.push_back(std::move(t));
        }
    }
}

// ---- checks (read first: they tell json columns on MariaDB) -------------------------------
void readChecks(MysqlContext& ctx) {
    // MariaDB names the table in CHECK_CONSTRAINTS (check names are per table there); MySQL 8
    // does not (they are per schema), so its TABLE_CONSTRAINTS says which table.
    driver::Rows rows;
    if (ctx.mariadb) {
        rows = ctx.db.query(
            "SELECT TABLE_NAME, CONSTRAINT_NAME, CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS "
            "WHERE CONSTRAINT_SCHEMA = DATABASE() ORDER BY TABLE_NAME, CONSTRAINT_NAME");
    } else {
        std::map<std::string, std::string> tableOfCheck;
        auto owners = ctx.db.query(
            "SELECT CONSTRAINT_NAME, TABLE_NAME FROM information_schema.TABLE_CONSTRAINTS "
            "WHERE CONSTRAINT_SCHEMA = DATABASE() AND CONSTRAINT_TYPE = 'CHECK'");
        for (std::size_t i = 0; i < owners.size(); ++i) tableOfCheck[owners.text(i, 0)] = owners.text(i, 1);
        auto clauses = ctx.db.query(
            "SELECT CONSTRAINT_NAME, CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS "
            "WHERE CONSTRAINT_SCHEMA = DATABASE() ORDER BY CONSTRAINT_NAME");
        rows.setColumns({"TABLE_NAME", "CONSTRAINT_NAME", "CHECK_CLAUSE"});
        for (std::size_t i = 0; i < clauses.size(); ++i) {
            auto owner = tableOfCheck.find(clauses.text(i, 0));
            if (owner == tableOfCheck.end()) continue;
            std::optional<std::string> clause;
            if (!clauses.isNull(i, 1)) clause = clauses.text(i, 1);
            rows.addRow({owner->second, clauses.text(i, 0), clause});
        }
    }
    for (std::size_t i = 0; i < rows.size(); ++i) {
        std::string table = rows.text(i, 0), name = rows.text(i, 1), clause = opt(rows, i, 2);
        if (isJsonValidCheck(name, clause)) ctx.jsonColumns.insert({table, name});
        ctx.checks.emplace_back(table, name, clause);
    }
}

// ---- indexes (read before columns: SERIAL's unique key) -----------------------------------
void readIndexes(MysqlContext& ctx) {
    const bool mariadb = ctx.mariadb;
    // MySQL 8 has functional key parts (EXPRESSION) and invisible indexes (IS_VISIBLE);
    // MariaDB has neither, and ignored indexes (IGNORED) from 10.6.
    const bool ignored =
        mariadb && ctx.db.query("SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = 'information_schema' "
                                "AND TABLE_NAME = 'STATISTICS' AND COLUMN_NAME = 'IGNORED'")
                           .size() > 0;
    auto rows = ctx.db.query(std::string("SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, SEQ_IN_INDEX, COLUMN_NAME, "
                                         "COLLATION, INDEX_TYPE, ") +
                             (mariadb ? "NULL" : "EXPRESSION") + ", SUB_PART, INDEX_COMMENT, " +
                             (mariadb ? (ignored ? "IGNORED = 'YES'" : "0") : "IS_VISIBLE = 'NO'") +
                             " FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() "
                             "ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX");
    for (std::size_t i = 0; i < rows.size(); ++i) {
        std::string table = rows.text(i, 0), name = rows.text(i, 1);
        auto& list = ctx.indexesByTable[table];
        if (list.empty() || list.back().name != name) {
            IndexRow row;
            row.name = name;
            row.unique = rows.integer(i, 2) == 0;
            row.type = lower(opt(rows, i, 6));
            row.commented = !opt(rows, i, 9).empty();
            if (opt(rows, i, 10) == "1") row.unmodelled.push_back(mariadb ? "IGNORED" : "INVISIBLE");
            list.push_back(std::move(row));
        }
        IndexRow& row = list.back();
        if (rows.isNull(i, 4)) {  // MySQL 8 functional key part, in the parentheses it needs
            row.expression = true;
            row.columns.push_back("(" + opt(rows, i, 7) + ")");
        } else {
            row.columns.push_back(rows.text(i, 4));
        }
        if (opt(rows, i, 5) == "D") row.unmodelled.push_back("column " + row.columns.back() + " is DESC");
        if (!rows.isNull(i, 8))
            row.unmodelled.push_back("column " + row.columns.back() + " has prefix length " + rows.text(i, 8));
    }
}

// ---- columns (tables and views) -----------------------------------------------------------
void readColumns(MysqlContext& ctx) {
    Introspection& out = ctx.out;
    auto rows = ctx.db.query(
        "SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, EXTRA, "
        "GENERATION_EXPRESSION, COLLATION_NAME, COLUMN_COMMENT FROM information_schema.COLUMNS "
        "WHERE TABLE_SCHEMA = DATABASE() "
        "ORDER BY TABLE_NAME, ORDINAL_POSITION");
    for (std::size_t i = 0; i < rows.size(); ++i) {
        std::string table = rows.text(i, 0), name = rows.text(i, 1);
        std::string extra = opt(rows, i, 5), extraLower = lower(extra);
        Column c;
        c.name = name;
        // MariaDB's COMPRESSED columns carry it as a versioned comment in COLUMN_TYPE
        // ("blob /*M!100301 COMPRESSED*/"): not part of the type, reported below.
        static const std::regex compressedMark(R"( ?/\*M!\d+ COMPRESSED\*/)");
        const std::string rawType = rows.text(i, 2);
        const bool compressed = std::regex_search(rawType, compressedMark);
        c.type = detail::normaliseCatalogType(Dialect::mysql, std::regex_replace(rawType, compressedMark, ""));
        c.notNull = rows.text(i, 3) == "NO";
        bool autoInc = extraLower.find("auto_increment") != std::string::npos;
        if (c.type == "longtext" && ctx.jsonColumns.count({table, name})) c.type = "json";
        std::string generation = opt(rows, i, 6);
        if (!generation.empty()) {
            c.generated = Generated{.as = generation,
                                    .type = extraLower.find("stored") != std::string::npos ? "stored" : "virtual"};
        } else {
            std::optional<std::string> raw;
            if (!rows.isNull(i, 4)) raw = rows.text(i, 4);
            c.defaultValue = normaliseDefault(raw, c.type, extra);
        }
        if (extraLower.find("on update current_timestamp") != std::string::npos) c.onUpdate = true;
        if (auto vit = ctx.viewIndex.find(table); vit != ctx.viewIndex.end()) {
            // A view's columns have no defaults of their own (the server copies the base
            // column's into COLUMNS).
            c.defaultValue.reset();
            c.onUpdate.reset();
            c.generated.reset();
            out.schema.views[vit->second].columns.push_back(std::move(c));
            continue;
        }
        Table* t = ctx.tableOf(table);
        if (!t) continue;
        // MariaDB's EXTRA says INVISIBLE, MySQL 8's "... INVISIBLE".
        if (extraLower.find("invisible") != std::string::npos)
            out.unsupported.push_back("column " + table + "." + name + " (INVISIBLE)");
        if (compressed) out.unsupported.push_back("column " + table + "." + name + " (COMPRESSED)");
        if (!opt(rows, i, 8).empty()) out.unsupported.push_back("comment on column " + table + "." + name);
        // (MariaDB's json is longtext with a binary collation of its own.)
        if (std::string collation = opt(rows, i, 7);
            !collation.empty() && collation != ctx.tableCollation[table] && c.type != "json")
            out.unsupported.push_back("column collation " + table + "." + name + " (" + collation + ")");
        if (c.type == "bigint unsigned" && c.notNull && autoInc) {
            for (const auto& idx : ctx.indexesByTable[table]) {
                if (idx.unique && idx.name == name && idx.columns == std::vector<std::string>{name}) {
                    c.type = "serial";
                    ctx.serialKeys.insert({table, idx.name});
                    break;
                }
            }
        }
        c.autoincrement = autoInc;
        t->columns.push_back(std::move(c));
    }
}

// ---- foreign keys -------------------------------------------------------------------------
void readForeignKeys(MysqlContext& ctx) {
    // Two views read on their own and joined here: a join inside information_schema makes
    // the server open every table once per row.
    std::map<std::pair<std::string, std::string>, std::pair<std::string, std::string>> rules;
    auto ruleRows = ctx.db.query(
        "SELECT TABLE_NAME, CONSTRAINT_NAME, UPDATE_RULE, DELETE_RULE "
        "FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE()");
    for (std::size_t i = 0; i < ruleRows.size(); ++i)
        rules[{ruleRows.text(i, 0), ruleRows.text(i, 1)}] = {ruleRows.text(i, 2), ruleRows.text(i, 3)};
    auto rows = ctx.db.query(
        "SELECT TABLE_NAME, CONSTRAINT_NAME, COLUMN_NAME, REFERENCED_TABLE_NAME, REFERENCED_COLUMN_NAME "
        "FROM information_schema.KEY_COLUMN_USAGE "
        "WHERE TABLE_SCHEMA = DATABASE() AND REFERENCED_TABLE_NAME IS NOT NULL "
        "ORDER BY TABLE_NAME, CONSTRAINT_NAME, ORDINAL_POSITION");
    for (std::size_t i = 0; i < rows.size(); ++i) {
        std::string table = rows.text(i, 0), name = rows.text(i, 1);
        ctx.foreignKeyNames.insert({table, name});
        Table* t = ctx.tableOf(table);
        if (!t) continue;
        if (t->foreignKeys.empty() || t->foreignKeys.back().name != name) {
            ForeignKey fk;
            fk.name = name;
            fk.tableFrom = table;
            fk.tableTo = rows.text(i, 3);
            if (auto r = rules.find({table, name}); r != rules.end()) {
                fk.onUpdate = normaliseAction(r->second.first);
                fk.onDelete = normaliseAction(r->second.second);
            }
            t->foreignKeys.push_back(std::move(fk));
        }
        t->foreignKeys.back().columnsFrom.push_back(rows.text(i, 2));
        t->foreignKeys.back().columnsTo.push_back(rows.text(i, 4));
    }
}

// One index of `table` (read by readIndexes) into t: its primary key, a unique constraint, an
// index, or nothing when it only backs a SERIAL or a foreign key.
void addIndexRow(MysqlContext& ctx, const std::string& table, Table* t, const IndexRow& idx) {
    auto report = [&](const std::string& what) {
        for (const auto& u : idx.unmodelled) ctx.out.unsupported.push_back(what + " (" + u + ")");
        if (idx.commented) ctx.out.unsupported.push_back("comment on " + what);
    };
    if (idx.name == "PRIMARY") {
        std::string name = table;
        for (const auto& c : idx.columns) name += "_" + c;
        report("primary key " + table);
        t->compositePrimaryKeys.push_back({.name = name, .columns = idx.columns});
        return;
    }
    if (ctx.serialKeys.count({table, idx.name})) return;
    if (idx.type == "fulltext" || idx.type == "spatial") {  // not in the model
        ctx.out.unsupported.push_back(idx.type + " index " + table + "." + idx.name);
        return;
    }
    if (idx.unique) {
        report("unique constraint " + table + "." + idx.name);
        t->uniqueConstraints.push_back({.name = idx.name, .columns = idx.columns});
        return;
    }
    // The index MySQL creates for a foreign key carries the key's name.
    if (ctx.foreignKeyNames.count({table, idx.name})) return;
    // A key declared without a name is named <table>_ibfk_<n> by the server, and the
    // index it adds for it after the key's first column.
    const bool implicitKeyIndex = std::any_of(t->foreignKeys.begin(), t->foreignKeys.end(), [&](const ForeignKey& fk) {
        return fk.name.rfind(table + "_ibfk_", 0) == 0 && fk.columnsFrom == idx.columns &&
               idx.name == fk.columnsFrom.front();
    });
    if (implicitKeyIndex) return;
    report("index " + table + "." + idx.name);
    Index index;
    index.name = idx.name;
    for (std::size_t k = 0; k < idx.columns.size(); ++k) {
        IndexColumn ic;
        ic.expression = idx.columns[k];
        ic.isExpression = idx.expression && idx.columns[k].starts_with("(");
        index.columns.push_back(std::move(ic));
    }
    t->indexes.push_back(std::move(index));
}

// ---- primary keys, uniques, indexes -------------------------------------------------------
void addIndexes(MysqlContext& ctx) {
    for (auto& [table, list] : ctx.indexesByTable) {
        Table* t = ctx.tableOf(table);
        if (!t) continue;
        for (const auto& idx : list) addIndexRow(ctx, table, t, idx);
    }
}

// ---- checks -------------------------------------------------------------------------------
void addChecks(MysqlContext& ctx) {
    for (const auto& [table, name, clause] : ctx.checks) {
        Table* t = ctx.tableOf(table);
        if (!t) continue;
        if (ctx.jsonColumns.count({table, name}) && t->column(name) && t->column(name)->type == "json") continue;
        t->checks.push_back({.name = name, .value = clause});
    }
}

// ---- views --------------------------------------------------------------------------------
void readViews(MysqlContext& ctx) {
    auto rows = ctx.db.query(
        "SELECT * FROM information_schema.VIEWS WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME");
    std::map<std::string, std::size_t> col;
    for (std::size_t k = 0; k < rows.columnCount(); ++k) col[lower(rows.columnName(k))] = k;
    auto field = [&](std::size_t i, const char* n) -> std::string {
        auto it = col.find(n);
        return it == col.end() ? std::string() : opt(rows, i, it->second);
    };
    for (std::size_t i = 0; i < rows.size(); ++i) {
        auto it = ctx.viewIndex.find(field(i, "table_name"));
        if (it == ctx.viewIndex.end()) continue;
        View& v = ctx.out.schema.views[it->second];
        // SHOW CREATE VIEW, unlike VIEW_DEFINITION, keeps the character set of each literal
        // (_utf8mb3' ' in a view created over a utf8mb3 connection).
        auto shown = ctx.db.query("SHOW CREATE VIEW `" + quoteName(v.name) + "`");
        const std::string text = shown.size() > 0 ? opt(shown, 0, 1) : "";
        const std::string head = "VIEW `" + quoteName(v.name) + "` AS ";
        auto at = text.find(head);
        v.definition = viewDefinition(at == std::string::npos ? field(i, "view_definition") : text.substr(at + head.size()),
                                      ctx.database);
        std::string algorithm = lower(field(i, "algorithm"));
        v.algorithm = algorithm.empty() ? "undefined" : algorithm;
        v.sqlSecurity = lower(field(i, "security_type"));
        std::string check = lower(field(i, "check_option"));
        if (!check.empty() && check != "none") v.withCheckOption = check;
    }
}

// ---- what the model cannot hold -----------------------------------------------------------
void reportUnmodelledObjects(MysqlContext& ctx) {
    auto rows = ctx.db.query(
        "SELECT TRIGGER_NAME FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE() "
        "ORDER BY TRIGGER_NAME");
    for (std::size_t i = 0; i < rows.size(); ++i) ctx.out.unsupported.push_back("trigger " + rows.text(i, 0));
    rows = ctx.db.query(
        "SELECT ROUTINE_TYPE, ROUTINE_NAME FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = DATABASE() "
        "ORDER BY ROUTINE_NAME");
    for (std::size_t i = 0; i < rows.size(); ++i)
        ctx.out.unsupported.push_back(lower(rows.text(i, 0)) + " " + rows.text(i, 1));
    rows = ctx.db.query(
        "SELECT EVENT_NAME FROM information_schema.EVENTS WHERE EVENT_SCHEMA = DATABASE() ORDER BY EVENT_NAME");
    for (std::size_t i = 0; i < rows.size(); ++i) ctx.out.unsupported.push_back("event " + rows.text(i, 0));
}

}  // namespace
}  // namespace mysql_introspect

Introspection introspectMysql(driver::Connection& db, const IntrospectOptions& options) {
    using namespace mysql_introspect;
    Introspection out;
    out.schema.dialect = Dialect::mysql;
    auto who = db.query("SELECT DATABASE(), VERSION()");
    if (who.isNull(0, 0)) throw Error(ErrorCategory::config, "introspection needs a database: the connection has none selected");
    const bool mariadb = lower(who.text(0, 1)).find("mariadb") != std::string::npos;
    MysqlContext ctx(db, options, out, who.text(0, 0), mariadb);
    readTables(ctx);
    readChecks(ctx);
    readIndexes(ctx);
    readColumns(ctx);      // after the checks and indexes, which tell json and SERIAL columns
    readForeignKeys(ctx);
    addIndexes(ctx);       // after the foreign keys, whose indexes it skips
    addChecks(ctx);        // after the columns: a json column's own check is not the table's
    readViews(ctx);
    reportUnmodelledObjects(ctx);
    return out;
}

}  // namespace drizzle::kit

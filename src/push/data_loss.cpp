// Push's data-loss analysis: each change that could lose or reject data the database holds is
// measured with a query that reads only (rows, non-null values, NULLs, duplicates, enum values
// in use); on PostgreSQL a type change is run in a savepoint and rolled back, so a value that does
// not convert is found with the server's own words before anything runs. Names in the changes are
// the schema's; the queries use the database's (a table renamed in the same push is read under
// its old name).
#include <algorithm>
#include <map>
#include <set>

#include "drizzle/dialect.hpp"
#include "drizzle/error.hpp"
#include "drizzle/kit/ddl.hpp"
#include "push/push_internal.hpp"

namespace drizzle::kit::push_detail {

namespace {

using K = ChangeKind;
using model::Column;
using model::Schema;
using model::Table;

class Analysis {
public:
    Analysis(driver::Connection& db, const Schema& found, const Schema& code, const std::vector<Change>& changes)
        : db_(db), dialect_(db.dialect()), found_(found), code_(code), changes_(changes) {
        for (const Change& c : changes) {
            // Names as the database has them now, for the queries: renames are undone.
            if (c.kind == K::renameTable) tableRenames_[{c.schema, c.table}] = {c.schema, c.oldName};
            if (c.kind == K::moveTable) tableRenames_[{c.schema, c.table}] = {c.oldName, c.table};
            if (c.kind == K::renameColumn) columnRenames_[{dbKey(c.schema, c.table), c.name}] = c.oldName;
        }
    }

    std::vector<DataLossFinding> run() {
        recreatedEnums();
        for (const Change& c : changes_) {
            switch (c.kind) {
                case K::dropTable: droppedTable(c); break;
                case K::dropColumn: droppedColumn(c, c.name); break;
                case K::dropSchema: droppedSchema(c); break;
                case K::dropView: droppedView(c); break;
                case K::setColumnType: typeChange(c); break;
                case K::alterColumn: alteredColumn(c); break;
                case K::setNotNull: notNull(c, c.name); break;
                case K::addColumn: addedColumn(c); break;
                case K::addUnique: unique(c, std::get<model::Unique>(c.after).columns, "unique"); break;
                case K::addPrimaryKey: primaryKey(c); break;
                case K::createIndex: uniqueIndex(c); break;
                case K::rebuildTable: rebuiltTable(c); break;
                default: break;
            }
        }
        return std::move(findings_);
    }

private:
    // ------------------------------------------------------------------ names

    using Key = std::pair<std::string, std::string>;  // schema ("" = public), table

    Key dbKey(const std::string& schema, const std::string& table) const {
        const std::string s = schema == "public" ? "" : schema;
        auto it = tableRenames_.find({s, table});
        return it == tableRenames_.end() ? Key{s, table} : it->second;
    }
    const Table* foundTable(const Change& c) const {
        const Key k = dbKey(c.schema, c.table);
        return found_.table(k.first, k.second);
    }
    std::string dbColumn(const Change& c, const std::string& column) const {
        auto it = columnRenames_.find({dbKey(c.schema, c.table), column});
        return it == columnRenames_.end() ? column : it->second;
    }
    std::string quoted(const Key& k) const { return quoteTableName(dialect_, k.first, k.second); }
    std::string q(const std::string& name) const { return quoteIdentifier(dialect_, name); }
    // "public.users" on PostgreSQL, "users" elsewhere, as findings name tables.
    std::string display(const Key& k) const {
        return dialect_ == Dialect::postgresql ? (k.first.empty() ? "public" : k.first) + "." + k.second : k.second;
    }

    std::int64_t count(const std::string& sql) { return db_.query(sql).integer(0, 0); }
    std::int64_t rows(const Key& k) { return count("SELECT count(*) FROM " + quoted(k)); }

    void add(const Change& c, std::string kind, const std::string& column, std::int64_t n, std::string message,
             bool blocking = false, std::string hint = {}) {
        const Key k = dbKey(c.schema, c.table);
        const std::string id = kind + "|" + display(k) + "|" + column;
        if (!seen_.insert(id).second) return;
        findings_.push_back({std::move(kind), display(k), column, n, std::move(message), blocking, std::move(hint)});
    }

    // ------------------------------------------------------------------ drops

    void droppedTable(const Change& c) {
        if (!foundTable(c)) return;
        const std::int64_t n = rows(dbKey(c.schema, c.table));
        if (n > 0)
            add(c, "drop table", "", n, "table " + display(dbKey(c.schema, c.table)) + " is dropped with its " + plural(n, "row"));
    }

    void droppedColumn(const Change& c, const std::string& column) {
        const Table* t = foundTable(c);
        const std::string name = dbColumn(c, column);
        if (!t || !t->column(name)) return;
        const Key k = dbKey(c.schema, c.table);
        const std::int64_t n = count("SELECT count(" + q(name) + ") FROM " + quoted(k));
        if (n > 0)
            add(c, "drop column", name, n,
                "column " + display(k) + "." + name + " is dropped, and " + plural(n, "row") + " hold a value in it");
    }

    void droppedSchema(const Change& c) {
        std::int64_t tables = 0;
        for (const Table& t : found_.tables) tables += t.schema == c.name ? 1 : 0;
        if (tables == 0) return;
        findings_.push_back({"drop schema", c.name, "", tables,
                             "schema " + c.name + " is dropped with its " + plural(tables, "table"), false, {}});
    }

    void droppedView(const Change& c) {
        const auto* v = std::get_if<model::View>(&c.before);
        if (!v || !v->materialized) return;
        const Key k{v->schema == "public" ? "" : v->schema, v->name};
        const std::int64_t n = rows(k);
        if (n > 0)
            findings_.push_back({"drop materialized view", display(k), "", n,
                                 "materialized view " + display(k) + " is dropped with its " + plural(n, "row") +
                                     " (refreshing the new one computes them again)",
                                 false, {}});
    }

    // ------------------------------------------------------------------ values that must survive

    // PostgreSQL: the change runs in a savepoint; what the server says when a value does not
    // convert is the finding. An enum recreated in the same push is measured by recreatedEnums.
    void typeChange(const Change& c) {
        const Column& before = std::get<Column>(c.before);
        const Column& after = std::get<Column>(c.after);
        const Table* t = foundTable(c);
        if (!t || !t->column(dbColumn(c, c.name)) || before.typeSchema || after.typeSchema) return;
        if (dbKey(c.schema, c.table) != Key{c.schema == "public" ? "" : c.schema, c.table} || dbColumn(c, c.name) != c.name)
            return;  // renamed in this push: the transaction still guards it
        const Key k = dbKey(c.schema, c.table);
        const std::int64_t values = count("SELECT count(" + q(c.name) + ") FROM " + quoted(k));
        if (values == 0) return;
        db_.savepoint("drizzle_push_probe");
        try {
            for (const auto& sql : ddl::changeStatements(c, code_)) db_.execute(sql);
            db_.rollbackToSavepoint("drizzle_push_probe");
        } catch (const Error& e) {
            db_.rollbackToSavepoint("drizzle_push_probe");
            add(c, "type change", c.name, values,
                "column " + display(k) + "." + c.name + " cannot become " + after.type + ": " + e.what(), true,
                "convert or clear those values first (UPDATE), or write the conversion as a custom migration "
                "(generate --custom) with the USING expression it needs");
        }
        db_.releaseSavepoint("drizzle_push_probe");
    }

    // MySQL restates the column whole: a type and a nullability change in one.
    void alteredColumn(const Change& c) {
        const Column& before = std::get<Column>(c.before);
        const Column& after = std::get<Column>(c.after);
        if (!before.notNull && after.notNull) notNull(c, c.name);
        if (before.type == after.type) return;
        const Table* t = foundTable(c);
        const std::string name = dbColumn(c, c.name);
        if (!t || !t->column(name)) return;
        const Key k = dbKey(c.schema, c.table);
        const std::int64_t values = count("SELECT count(" + q(name) + ") FROM " + quoted(k));
        if (values == 0) return;
        // The values are copied into a temporary table (private to this session, and creating
        // one commits nothing) and converted there, in the server's strict mode.
        const std::string probe = q("drizzle_push_probe");
        db_.execute("DROP TEMPORARY TABLE IF EXISTS " + probe);
        db_.execute("CREATE TEMPORARY TABLE " + probe + " AS SELECT " + q(name) + " AS v FROM " + quoted(k) + " WHERE " +
                    q(name) + " IS NOT NULL");
        try {
            db_.execute("SET @drizzle_push_mode = @@SESSION.sql_mode, SESSION sql_mode = 'STRICT_ALL_TABLES'");
            db_.execute("ALTER TABLE " + probe + " MODIFY COLUMN v " + after.type);
            db_.execute("SET SESSION sql_mode = @drizzle_push_mode");
        } catch (const Error& e) {
            db_.execute("SET SESSION sql_mode = @drizzle_push_mode");
            add(c, "type change", name, values,
                "column " + display(k) + "." + name + " cannot become " + after.type + ": " + e.what(), true,
                "convert or clear those values first (UPDATE), or write the conversion as a custom migration "
                "(generate --custom)");
        }
        db_.execute("DROP TEMPORARY TABLE IF EXISTS " + probe);
    }

    void notNull(const Change& c, const std::string& column) {
        const Table* t = foundTable(c);
        const std::string name = dbColumn(c, column);
        if (!t || !t->column(name)) return;
        const Key k = dbKey(c.schema, c.table);
        const std::int64_t n = count("SELECT count(*) FROM " + quoted(k) + " WHERE " + q(name) + " IS NULL");
        if (n > 0)
            add(c, "not null", name, n,
                "column " + display(k) + "." + name + " becomes NOT NULL, and " + plural(n, "row") + " hold NULL in it",
                true, "give those rows a value first (UPDATE ... SET " + name + " = ... WHERE " + name + " IS NULL)");
    }

    void addedColumn(const Change& c) {
        const Column& col = std::get<Column>(c.after);
        if (!col.notNull || col.defaultValue || col.generated || col.identity || col.autoincrement.value_or(false)) return;
        if (col.type.find("serial") != std::string::npos) return;  // PostgreSQL fills serials
        if (!foundTable(c)) return;
        const Key k = dbKey(c.schema, c.table);
        const std::int64_t n = rows(k);
        if (n > 0)
            add(c, "not null", col.name, n,
                "column " + display(k) + "." + col.name + " is added NOT NULL without a default to a table of " +
                    plural(n, "row"),
                true,
                "give it a default, or add it nullable, fill it, then make it NOT NULL; push never fills or deletes "
                "rows on its own");
    }

    // Duplicates over `columns` among rows where none of them is NULL.
    void unique(const Change& c, const std::vector<std::string>& columns, const char* what) {
        const Table* t = foundTable(c);
        if (!t || columns.empty()) return;
        std::string list, notNull;
        for (const auto& column : columns) {
            const std::string name = dbColumn(c, column);
            if (!t->column(name)) return;  // a column this push adds holds no duplicates yet
            list += (list.empty() ? "" : ", ") + q(name);
            notNull += (notNull.empty() ? " WHERE " : " AND ") + q(name) + " IS NOT NULL";
        }
        const Key k = dbKey(c.schema, c.table);
        const std::int64_t n = count("SELECT count(*) FROM (SELECT 1 AS one FROM " + quoted(k) + notNull + " GROUP BY " +
                                     list + " HAVING count(*) > 1) duplicated");
        if (n > 0)
            add(c, what, joined(columns), n,
                std::string(what) + " key over " + display(k) + " (" + joined(columns) + "): " + plural(n, "value") +
                    " occur more than once",
                true, "remove or change the duplicate rows first");
    }

    void primaryKey(const Change& c) {
        const auto& key = std::get<model::PrimaryKey>(c.after);
        unique(c, key.columns, "primary key");
        for (const auto& column : key.columns) notNull(c, column);
    }

    void uniqueIndex(const Change& c) {
        const auto& index = std::get<model::Index>(c.after);
        if (!index.isUnique || index.where) return;
        std::vector<std::string> columns;
        for (const auto& ic : index.columns) {
            if (ic.isExpression) return;
            columns.push_back(ic.expression);
        }
        unique(c, columns, "unique");
    }

    // SQLite: a rebuild copies the columns it keeps into the new table; what it leaves out is
    // dropped, and its new keys and NOT NULLs must hold for the rows copied.
    void rebuiltTable(const Change& c) {
        const Table& before = std::get<Table>(c.before);
        const Table& after = std::get<Table>(c.after);
        for (const Column& col : before.columns)
            if (!after.column(col.name)) droppedColumn(c, col.name);
        std::int64_t rowCount = -1;
        for (const Column& col : after.columns) {
            const Column* old = before.column(col.name);
            if (old && !old->notNull && col.notNull) notNull(c, col.name);
            const bool copied = std::find(c.columns.begin(), c.columns.end(), col.name) != c.columns.end();
            if (!old && !copied && col.notNull && !col.defaultValue && !col.generated && !col.primaryKey && foundTable(c)) {
                if (rowCount < 0) rowCount = rows(dbKey(c.schema, c.table));
                if (rowCount > 0)
                    add(c, "not null", col.name, rowCount,
                        "column " + display(dbKey(c.schema, c.table)) + "." + col.name +
                            " is added NOT NULL without a default to a table of " + plural(rowCount, "row"),
                        true,
                        "give it a default, or add it nullable, fill it, then make it NOT NULL; push never fills or "
                        "deletes rows on its own");
            }
            if (col.primaryKey && (!old || !old->primaryKey)) unique(c, {col.name}, "primary key");
        }
        for (const auto& key : after.compositePrimaryKeys) {
            bool had = false;
            for (const auto& k : before.compositePrimaryKeys) had = had || k.columns == key.columns;
            if (!had) unique(c, key.columns, "primary key");
        }
        for (const auto& u : after.uniqueConstraints) unique(c, u.columns, "unique");
    }

    // PostgreSQL recreates an enum that loses a value: the value must be in no row.
    void recreatedEnums() {
        for (const Change& c : changes_) {
            if (c.kind != K::createEnum) continue;
            const auto& now = std::get<model::Enum>(c.after);
            const model::Enum* was = nullptr;
            for (const auto& e : found_.enums)
                if (e.name == now.name && e.schema == now.schema) was = &e;
            if (!was) continue;
            std::string removed;
            for (const auto& v : was->values)
                if (std::find(now.values.begin(), now.values.end(), v) == now.values.end())
                    removed += (removed.empty() ? "" : ", ") + quoteString(dialect_, v);
            if (removed.empty()) continue;
            for (const Table& t : found_.tables)
                for (const Column& col : t.columns) {
                    if (col.typeSchema.value_or("") != was->schema || col.type != was->name) continue;
                    const Key k{t.schema, t.name};
                    const std::int64_t n = count("SELECT count(*) FROM " + quoted(k) + " WHERE " + q(col.name) +
                                                 "::text IN (" + removed + ")");
                    if (n > 0)
                        findings_.push_back({"enum value", display(k), col.name, n,
                                             "enum " + now.name + " loses " + removed + ", still held by " +
                                                 plural(n, "row") + " of " + display(k) + "." + col.name,
                                             true, "change those rows to a value the enum keeps first"});
                }
        }
    }

    static std::string plural(std::int64_t n, const char* word) {
        return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
    }
    static std::string joined(const std::vector<std::string>& v) {
        std::string out;
        for (const auto& s : v) out += (out.empty() ? "" : ", ") + s;
        return out;
    }

    driver::Connection& db_;
    Dialect dialect_;
    const Schema& found_;
    const Schema& code_;
    const std::vector<Change>& changes_;
    std::map<Key, Key> tableRenames_;
    std::map<std::pair<Key, std::string>, std::string> columnRenames_;
    std::vector<DataLossFinding> findings_;
    std::set<std::string> seen_;
};

}  // namespace

std::vector<DataLossFinding> findDataLoss(driver::Connection& db, const Schema& found, const Schema& code,
                                          const std::vector<Change>& changes) {
    return Analysis(db, found, code, changes).run();
}

}  // namespace drizzle::kit::push_detail

// The schema as the database would report it (push_internal.hpp): push diffs the database's
// catalog against this, so that an object created from the schema compares equal to itself on
// the next push, exactly, without ignoring any field.
//
// PostgreSQL: tables and views of the schema that differ from the database's are created in a
// scratch schema inside a savepoint, read back with the same introspection, and rolled back: the
// server's own deparse of checks, defaults, index expressions, policies and view queries, with no
// guessing. A table the scratch schema cannot hold (its enum is new in this push, say) keeps its
// declaration with the catalog's fixed spellings below. MySQL and SQLite store what they are given
// but for the spellings below.
#include <algorithm>
#include <random>
#include <regex>
#include <utility>

#include "drizzle/dialect.hpp"
#include "drizzle/error.hpp"
#include "drizzle/kit/ddl.hpp"
#include "drizzle/kit/introspect.hpp"
#include "push/push_internal.hpp"

namespace drizzle::kit::push_detail {

namespace {

using model::Column;
using model::Schema;
using model::Table;
using model::View;

const Table* counterpart(const Schema& found, const Table& t) { return found.table(t.schema, t.name); }

const View* counterpart(const Schema& found, const View& v) {
    for (const auto& x : found.views)
        if (x.schema == v.schema && x.name == v.name) return &x;
    return nullptr;
}

std::string joined(const std::vector<std::string>& v) {
    std::string out;
    for (const auto& s : v) out += (out.empty() ? "" : "_") + s;
    return out;
}

void defaultReferentialActions(Table& t, const char* action) {
    for (auto& fk : t.foreignKeys) {
        if (!fk.onDelete || fk.onDelete->empty()) fk.onDelete = action;
        if (!fk.onUpdate || fk.onUpdate->empty()) fk.onUpdate = action;
    }
}

// What a probe made, against what the database has: where they are equal, the declared object is
// the database's one (the same thing in the server's spelling); elsewhere the declaration stands,
// so the statements that change it carry the schema's own text, as generate writes them.
template <class T>
void adoptWhereEqual(std::vector<T>& declared, const std::vector<T>& made, const std::vector<T>& found) {
    const auto named = [](const std::vector<T>& v, const std::string& name) -> const T* {
        for (const auto& x : v)
            if (x.name == name) return &x;
        return nullptr;
    };
    for (auto& d : declared) {
        const T* m = named(made, d.name);
        const T* f = named(found, d.name);
        if (m && f && *m == *f) d = *f;
    }
}

void adoptWhereEqual(Table& declared, const Table& made, const Table& found) {
    adoptWhereEqual(declared.columns, made.columns, found.columns);
    adoptWhereEqual(declared.checks, made.checks, found.checks);
    adoptWhereEqual(declared.indexes, made.indexes, found.indexes);
    adoptWhereEqual(declared.policies, made.policies, found.policies);
    adoptWhereEqual(declared.uniqueConstraints, made.uniqueConstraints, found.uniqueConstraints);
    adoptWhereEqual(declared.compositePrimaryKeys, made.compositePrimaryKeys, found.compositePrimaryKeys);
    if (made.isRLSEnabled == found.isRLSEnabled) declared.isRLSEnabled = found.isRLSEnabled;
}

// The tables and views (indexes into `code`) the database has but holds otherwise: what a probe
// reads back. With `tablesForViews`, a differing view brings every table the database has along.
std::pair<std::vector<std::size_t>, std::vector<std::size_t>> differing(const Schema& code, const Schema& found,
                                                                        bool tablesForViews) {
    std::vector<std::size_t> tables, views;
    for (std::size_t i = 0; i < code.views.size(); ++i)
        if (const View* f = counterpart(found, code.views[i]); f && !(*f == code.views[i])) views.push_back(i);
    for (std::size_t i = 0; i < code.tables.size(); ++i)
        if (const Table* f = counterpart(found, code.tables[i]); f && ((tablesForViews && !views.empty()) || !(*f == code.tables[i])))
            tables.push_back(i);
    return {tables, views};
}

// ---------------------------------------------------------------------------- PostgreSQL

void pgFixedSpellings(Table& t) {
    if (!t.policies.empty()) t.isRLSEnabled = true;  // the DDL enables it for a table with policies
    for (auto& c : t.columns) {
        if (c.type == "char") c.type = "char(1)";
        if (c.type.starts_with("char[")) c.type = "char(1)" + c.type.substr(4);
        if (c.type.starts_with("timestamp(")) c.type.insert(9, " ");  // the catalog's "timestamp (6)"
        // An array's declared size is accepted and forgotten.
        for (auto open = c.type.find('['); open != std::string::npos; open = c.type.find('[', open + 1)) {
            const auto close = c.type.find(']', open);
            if (close != std::string::npos && close > open + 1) c.type.erase(open + 1, close - open - 1);
        }
        if (c.type.starts_with("numeric") && c.defaultValue && c.defaultValue->kind == model::DefaultValue::Kind::number)
            c.defaultValue = model::DefaultValue{model::DefaultValue::Kind::sql, "'" + c.defaultValue->text + "'"};
        if (c.identity && !c.identity->sequence.cycle) c.identity->sequence.cycle = false;
    }
    for (auto& fk : t.foreignKeys)
        if (fk.schemaTo == "public" || fk.schemaTo == "") fk.schemaTo.reset();
    defaultReferentialActions(t, "no action");
    for (auto& idx : t.indexes) {
        idx.concurrently = false;  // how it was built, not what it is
        for (auto& c : idx.columns)
            if (!c.nulls) c.nulls = c.asc ? "last" : "first";
    }
}

void pgFixedSpellings(View& v, const View* found) {
    if (v.materialized && !v.using_) v.using_ = "heap";
    if (v.tablespace == "pg_default") v.tablespace.reset();
    if (v.columns.empty() && found) v.columns = found->columns;  // from its query
}

class PgProbe {
public:
    PgProbe(driver::Connection& db, Schema& code, const Schema& found) : db_(db), code_(code), found_(found) {}

    void run() {
        const auto [tables, views] = differing(code_, found_, false);
        if (tables.empty() && views.empty()) return;
        // All at once; when that fails, one object at a time, so one that cannot be created
        // (a new enum, a view over a new table) costs only itself.
        if (tryProbe(tables, views)) return;
        for (std::size_t i : tables) tryProbe({i}, {});
        for (std::size_t i : views) tryProbe({}, {i});
    }

private:
    bool tryProbe(const std::vector<std::size_t>& tables, const std::vector<std::size_t>& views) {
        Schema scratch;
        scratch.dialect = Dialect::postgresql;
        scratch.schemas = {kScratch};
        for (std::size_t i : tables) scratch.tables.push_back(probeOf(code_.tables[i]));
        for (std::size_t i : views) {
            View v = code_.views[i];
            v.schema = kScratch;
            v.withNoData = true;  // a materialized view's rows are not needed to read it back
            scratch.views.push_back(std::move(v));
        }
        Introspection read;
        db_.savepoint("drizzle_push_form");
        try {
            for (const auto& sql : ddl::createStatements(scratch)) db_.execute(sql);
            IntrospectOptions options;
            options.schemaFilter = {kScratch};
            read = introspect(db_, options);
            db_.rollbackToSavepoint("drizzle_push_form");
            db_.releaseSavepoint("drizzle_push_form");
        } catch (const Error&) {
            db_.rollbackToSavepoint("drizzle_push_form");
            db_.releaseSavepoint("drizzle_push_form");
            return false;
        }
        for (std::size_t i : tables) adoptTable(code_.tables[i], read.schema);
        for (std::size_t i : views) adoptView(code_.views[i], read.schema);
        return true;
    }

    // What the scratch schema needs of a declared table: its columns (every expression's context)
    // and, of its indexes and constraints, those the database does not have as declared; the
    // others already compare equal and cost the server a relation each. Foreign keys point
    // elsewhere and are compared as declared.
    Table probeOf(const Table& declared) const {
        Table t = declared;
        t.schema = kScratch;
        t.foreignKeys.clear();
        const Table* found = counterpart(found_, declared);
        if (!found) return t;
        for (auto& c : t.columns) c.primaryKey = false;  // restored from the declaration afterwards
        keepDiffering(t.indexes, found->indexes);
        keepDiffering(t.checks, found->checks);
        keepDiffering(t.policies, found->policies);
        keepDiffering(t.uniqueConstraints, found->uniqueConstraints);
        keepDiffering(t.compositePrimaryKeys, found->compositePrimaryKeys);
        return t;
    }

    template <class T>
    static void keepDiffering(std::vector<T>& declared, const std::vector<T>& found) {
        std::erase_if(declared, [&](const T& d) {
            return std::any_of(found.begin(), found.end(), [&](const T& f) { return f == d; });
        });
    }

    // The scratch schema's table moved back where it belongs, then compared with the database's.
    void adoptTable(Table& t, const Schema& read) const {
        const Table* made = read.table(kScratch, t.name);
        const Table* found = counterpart(found_, t);
        if (!made || !found) return;
        Table relocated = *made;
        relocated.schema = t.schema;
        // The probe made no primary key: its columns are NOT NULL as the key makes them.
        std::vector<std::string> keyColumns;
        for (const auto& k : t.compositePrimaryKeys) keyColumns.insert(keyColumns.end(), k.columns.begin(), k.columns.end());
        for (auto& c : relocated.columns)
            if (const Column* declared = t.column(c.name)) {
                c.primaryKey = declared->primaryKey;
                if (declared->primaryKey || std::find(keyColumns.begin(), keyColumns.end(), c.name) != keyColumns.end())
                    c.notNull = true;
                if (c.identity && declared->identity) c.identity->sequence.schema = declared->identity->sequence.schema;
            }
        adoptWhereEqual(t, relocated, *found);
    }

    void adoptView(View& v, const Schema& read) const {
        const View* found = counterpart(found_, v);
        for (const auto& made : read.views)
            if (made.schema == kScratch && made.name == v.name && found) {
                View relocated = made;
                relocated.schema = v.schema;
                relocated.withNoData = found->withNoData;
                if (relocated == *found) v = *found;
            }
    }

    static constexpr const char* kScratch = "drizzle_push_form";
    driver::Connection& db_;
    Schema& code_;
    const Schema& found_;
};

// ---------------------------------------------------------------------------- MySQL

void mysqlFixedSpellings(Table& t) {
    static const std::regex now(R"(^\(?(current_timestamp|now)(\(\d*\))?\)?$)", std::regex::icase);
    for (auto& c : t.columns) {
        if (c.type.starts_with("real")) {  // MariaDB stores REAL as DOUBLE
            c.type = "double" + c.type.substr(4);
            c.type = std::regex_replace(c.type, std::regex(R"(,\s+)"), ",");
        }
        if (c.defaultValue && c.defaultValue->kind == model::DefaultValue::Kind::sql &&
            std::regex_match(c.defaultValue->text, now))
            c.defaultValue->text = "(now())";
        if (!c.autoincrement) c.autoincrement = false;
        if (c.onUpdate && !*c.onUpdate) c.onUpdate.reset();
        // A decimal default is stored as text at the column's scale (10.25 in decimal(12,4) is 10.2500).
        static const std::regex scale(R"(,\s*(\d+)\))");
        std::smatch m;
        if (c.type.starts_with("decimal") && c.defaultValue && c.defaultValue->kind == model::DefaultValue::Kind::number) {
            std::string number = c.defaultValue->text;
            if (std::regex_search(c.type, m, scale)) {
                const auto digits = static_cast<std::size_t>(std::stoi(m[1]));
                auto dot = number.find('.');
                if (dot == std::string::npos && digits > 0) number += ".", dot = number.size() - 1;
                if (dot != std::string::npos) number.append(digits - std::min(digits, number.size() - dot - 1), '0');
            }
            c.defaultValue = model::DefaultValue{model::DefaultValue::Kind::sql, "'" + number + "'"};
        }
    }
    // The server keeps a primary key as the key itself (named PRIMARY), which introspection reports
    // as a composite key named <table>_<columns>.
    for (auto& c : t.columns) {
        if (c.primaryKey && t.compositePrimaryKeys.empty()) t.compositePrimaryKeys.push_back({"", {c.name}});
        c.primaryKey = false;
    }
    for (auto& pk : t.compositePrimaryKeys) pk.name = t.name + "_" + joined(pk.columns);
    defaultReferentialActions(t, "restrict");
    // A unique index and a unique constraint are one object on the server.
    for (const auto& idx : t.indexes)
        if (idx.isUnique && !idx.where) {
            model::Unique u;
            u.name = idx.name;
            for (const auto& c : idx.columns) u.columns.push_back(c.expression);
            std::erase_if(t.uniqueConstraints, [&](const model::Unique& x) { return x.name == u.name; });
            t.uniqueConstraints.push_back(u);
        }
    std::erase_if(t.indexes, [](const model::Index& i) { return i.isUnique && !i.where; });
    for (auto& idx : t.indexes) {
        // USING is not observable on InnoDB; ALGORITHM and LOCK are how the statement runs. The
        // kit writes no ASC/DESC (as Drizzle Kit), so every key part is ascending.
        idx.using_.reset();
        idx.algorithm.reset();
        idx.lock.reset();
        for (auto& c : idx.columns) c.asc = true;
    }
}

// MariaDB rewrites checks, generation expressions and view queries, and commits DDL as it runs:
// the schema's version of what differs is created in a scratch database of its own (the same
// table names, no foreign keys), read back with the same introspection, and the database dropped.
// A view reads the scratch database's tables, so when a view differs every table is created there.
class MysqlProbe {
public:
    MysqlProbe(driver::Connection& db, Schema& code, const Schema& found) : db_(db), code_(code), found_(found) {}

    void run() {
        const auto [tables, views] = differing(code_, found_, true);
        if (tables.empty() && views.empty()) return;
        const std::string original = db_.query("SELECT DATABASE()").text(0, 0);
        const std::string scratch = "__drizzle_push_" + std::to_string(std::random_device{}());
        Schema made;
        try {
            db_.execute("CREATE DATABASE " + quoteIdentifier(Dialect::mysql, scratch));
        } catch (const Error&) {
            return;  // no right to create one: the declared text stands
        }
        try {
            db_.execute("USE " + quoteIdentifier(Dialect::mysql, scratch));
            Schema probe;
            probe.dialect = Dialect::mysql;
            probe.internal = code_.internal;
            for (std::size_t i : tables) {
                probe.tables.push_back(code_.tables[i]);
                probe.tables.back().foreignKeys.clear();
            }
            for (std::size_t i : views) probe.views.push_back(code_.views[i]);
            for (const auto& sql : ddl::createStatements(probe)) {
                try {
                    db_.execute(sql);
                } catch (const Error&) {
                    // One object the scratch database cannot hold costs only itself.
                }
            }
            made = introspect(db_, {}).schema;
        } catch (const Error&) {
        }
        try {
            db_.execute("USE " + quoteIdentifier(Dialect::mysql, original));
        } catch (const Error&) {
        }
        db_.execute("DROP DATABASE IF EXISTS " + quoteIdentifier(Dialect::mysql, scratch));
        for (std::size_t i : tables) {
            Table& t = code_.tables[i];
            const Table* m = made.table("", t.name);
            const Table* f = counterpart(found_, t);
            if (m && f) adoptWhereEqual(t, *m, *f);
        }
        for (std::size_t i : views) {
            const View* m = counterpart(made, code_.views[i]);
            const View* f = counterpart(found_, code_.views[i]);
            if (m && f && *m == *f) code_.views[i] = *f;
        }
    }

private:
    driver::Connection& db_;
    Schema& code_;
    const Schema& found_;
};

// ---------------------------------------------------------------------------- SQLite

void sqliteFixedSpellings(Table& t) {
    // No names are stored for these constraints: introspection gives Drizzle's default names.
    for (auto& fk : t.foreignKeys)
        fk.name = fk.tableFrom + "_" + joined(fk.columnsFrom) + "_" + fk.tableTo + "_" + joined(fk.columnsTo) + "_fk";
    for (auto& pk : t.compositePrimaryKeys) pk.name = t.name + "_" + joined(pk.columns) + "_pk";
    defaultReferentialActions(t, "no action");
    for (auto& c : t.columns) c.autoincrement = c.autoincrement.value_or(false) && c.primaryKey;
    // The kit writes no ASC/DESC in SQLite indexes (as Drizzle Kit): every index column is ascending.
    for (auto& i : t.indexes)
        for (auto& c : i.columns) c.asc = true;
}

}  // namespace

Schema inCatalogForm(driver::Connection& db, const Schema& code, const Schema& found) {
    Schema out = code;
    // A view declared as existing is not the schema's to create: the database's stands.
    std::vector<View> views;
    for (auto& v : out.views) {
        if (!v.isExisting) views.push_back(std::move(v));
        else if (const View* f = counterpart(found, v)) views.push_back(*f);
    }
    out.views = std::move(views);

    for (auto& t : out.tables) {
        const Table* f = counterpart(found, t);
        if (!f) continue;  // created by this push: as declared
        switch (out.dialect) {
            case Dialect::postgresql: pgFixedSpellings(t); break;
            case Dialect::mysql: mysqlFixedSpellings(t); break;
            case Dialect::sqlite: sqliteFixedSpellings(t); break;
        }
    }
    if (out.dialect == Dialect::postgresql) {
        for (auto& v : out.views)
            if (const View* f = counterpart(found, v)) pgFixedSpellings(v, f);
        PgProbe(db, out, found).run();
    }
    if (out.dialect == Dialect::mysql) MysqlProbe(db, out, found).run();
    return out;
}

}  // namespace drizzle::kit::push_detail

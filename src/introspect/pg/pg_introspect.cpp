// PostgreSQL introspection: pg_catalog into the schema model, normalised the way Drizzle Kit's
// pull normalises (type spellings, serials, identity options, defaults without casts).
//
// Every catalog is read with ONE query for all tables of the selected schemas (columns,
// constraints, indexes, policies, ...), then joined in memory by (schema, table): the number of
// round trips does not grow with the number of tables. Arrays come back as JSON.
//
// One function per catalog section, sharing a PgContext (pg_introspect_internal.hpp); columns
// (pg_columns.cpp), constraints and indexes (pg_constraints.cpp) and what lies outside the model
// (pg_unsupported.cpp) have files of their own.
#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <string>
#include <utility>

#include <nlohmann/json.hpp>

#include "drizzle/kit/introspect.hpp"
#include "drizzle/migrate.hpp"
#include "introspect/dialects.hpp"
#include "introspect/pg/pg_introspect_internal.hpp"

namespace drizzle::kit {
namespace pg_introspect {

using nlohmann::json;

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

std::string opt(const driver::Rows& r, std::size_t row, std::size_t col) {
    return r.isNull(row, col) ? std::string() : r.text(row, col);
}
bool flag(const driver::Rows& r, std::size_t row, std::size_t col) { return !r.isNull(row, col) && r.text(row, col) == "t"; }
json js(const driver::Rows& r, std::size_t row, std::size_t col) {
    if (r.isNull(row, col)) return json::array();
    return json::parse(r.text(row, col));
}

bool startsWith(const std::string& s, std::string_view p) { return s.rfind(p, 0) == 0; }

bool isNumber(const std::string& s) {
    if (s.empty()) return false;
    std::size_t i = s[0] == '-' ? 1 : 0;
    bool digit = false;
    for (; i < s.size(); ++i) {
        char c = s[i];
        if (std::isdigit(static_cast<unsigned char>(c))) digit = true;
        else if (c != '.' && c != 'e' && c != 'E' && c != '-' && c != '+') return false;
    }
    return digit;
}

std::pair<std::string, std::string> splitOption(const std::string& o, bool camel) {
    auto eq = o.find('=');
    std::string k = o.substr(0, eq), v = eq == std::string::npos ? "" : o.substr(eq + 1);
    if (camel) {
        std::string c;
        bool up = false;
        for (char ch : k) {
            if (ch == '_') {
                up = true;
                continue;
            }
            c += up ? static_cast<char>(std::toupper(static_cast<unsigned char>(ch))) : ch;
            up = false;
        }
        k = c;
    }
    std::string lv = lower(v);
    if (lv == "true" || (camel && lv == "on")) v = "true";
    else if (lv == "false" || (camel && lv == "off")) v = "false";
    else if (!isNumber(v)) v = json(v).dump();
    return {k, v};
}

namespace {

std::string modelSchema(const std::string& s) { return s == "public" ? std::string() : s; }

// A PostgreSQL array literal of the schema names, for `= ANY(?::text[])`.
std::string textArray(const std::vector<std::string>& values) {
    std::string out = "{";
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (i) out += ",";
        out += "\"";
        for (char c : values[i]) {
            if (c == '"' || c == '\\') out += '\\';
            out += c;
        }
        out += "\"";
    }
    return out + "}";
}

// Drizzle's tidy of a deparsed view body: whitespace collapsed, the final `;` dropped. String
// constants and quoted names are copied as they are (their line breaks are data).
std::string tidyDefinition(const std::string& def) {
    std::string out;
    bool space = false;
    for (std::size_t i = 0; i < def.size(); ++i) {
        const char c = def[i];
        if (std::isspace(static_cast<unsigned char>(c))) {
            space = true;
            continue;
        }
        if (space && !out.empty()) out += ' ';
        space = false;
        if (c != '\'' && c != '"') {
            out += c;
            continue;
        }
        // To the closing quote: a doubled quote stays inside, and so does an escaped one in E'...'.
        const bool escapes = c == '\'' && i > 0 && (def[i - 1] == 'E' || def[i - 1] == 'e');
        std::size_t end = i + 1;
        for (; end < def.size(); ++end) {
            if (escapes && def[end] == '\\') ++end;
            else if (def[end] == c && end + 1 < def.size() && def[end + 1] == c) ++end;
            else if (def[end] == c) break;
        }
        out.append(def, i, end + 1 - i);
        i = end;
    }
    if (!out.empty() && out.back() == ';') out.pop_back();
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

// JIT compiling the catalog queries costs more than it saves (a third of their time on a 5000
// table database), so it is off while they run; the session's own setting comes back after.
class JitOff {
public:
    explicit JitOff(driver::Connection& db) : db_(db) {
        auto r = db_.query("select current_setting('jit', true)");  // null before PostgreSQL 11
        if (r.size() == 0 || r.isNull(0, 0)) return;
        previous_ = r.text(0, 0);
        db_.execute("set jit = off");
    }
    ~JitOff() {
        if (previous_.empty()) return;
        try {
            db_.execute(previous_ == "on" ? "set jit = on" : "set jit = off");
        } catch (...) {  // the connection is gone: nothing to restore
        }
    }
    JitOff(const JitOff&) = delete;
    JitOff& operator=(const JitOff&) = delete;

private:
    driver::Connection& db_;
    std::string previous_;
};

// ---- schemas -------------------------------------------------------------------------------------
void readSchemas(PgContext& ctx, const std::vector<std::string>& schemas) {
    for (const auto& s : schemas)
        if (s != "public") ctx.out.schema.schemas.push_back(s);
    // Non-public schemas that do not exist are not reported.
    auto r = ctx.db.query("select nspname from pg_namespace where nspname = any(?::text[])", {ctx.schemas});
    std::set<std::string> existing;
    for (std::size_t i = 0; i < r.size(); ++i) existing.insert(r.text(i, 0));
    std::erase_if(ctx.out.schema.schemas, [&](const std::string& s) { return !existing.count(s); });
}

// ---- tables, views, materialized views ------------------------------------------------------------
bool skipTable(const PgContext& ctx, const std::string& s, const std::string& t) {
    // The tracking table and the migration lock's table beside it.
    if ((t == ctx.options.migrationsTable || t == lockTableName(ctx.options.migrationsTable)) &&
        (s == ctx.options.migrationsSchema || s == "public"))
        return true;
    return !tableMatchesFilter(t, ctx.options.tablesFilter);
}

// Row i of readRelations' query, an ordinary table.
void addTable(PgContext& ctx, const driver::Rows& r, std::size_t i, const std::string& s, const std::string& name) {
    // Table options the model has no place for (Drizzle's v7 snapshot neither).
    auto report = [&](const std::string& what) {
        ctx.out.unsupported.push_back("table " + s + "." + name + " (" + what + ")");
    };
    if (opt(r, i, 10) == "u") report("UNLOGGED");
    if (const json options = js(r, i, 5); !options.empty()) {
        std::string list;
        for (const auto& o : options) list += (list.empty() ? "" : ", ") + o.get<std::string>();
        report("WITH (" + list + ")");
    }
    if (!r.isNull(i, 6) && r.text(i, 6) != "heap") report("USING " + r.text(i, 6));
    if (!r.isNull(i, 7)) report("TABLESPACE " + r.text(i, 7));
    if (flag(r, i, 12)) report("FORCE ROW LEVEL SECURITY");
    if (const std::string identity = opt(r, i, 11); identity == "f" || identity == "n" || identity == "i")
        report(std::string("REPLICA IDENTITY ") + (identity == "f" ? "FULL" : identity == "n" ? "NOTHING" : "USING INDEX"));
    model::Table t;
    t.name = name;
    t.schema = modelSchema(s);
    t.isRLSEnabled = flag(r, i, 3);
    ctx.tableIndex[{s, name}] = ctx.out.schema.tables.size();
    ctx.out.schema.tables.push_back(std::move(t));
}

// Row i of readRelations' query, a view or materialized view.
void addView(PgContext& ctx, const driver::Rows& r, std::size_t i, const std::string& s, const std::string& name,
             const std::string& kind) {
    model::View v;
    v.name = name;
    v.schema = s;
    v.materialized = kind == "m";
    v.definition = tidyDefinition(opt(r, i, 9));
    for (const auto& o : js(r, i, 5)) v.with.push_back(splitOption(o.get<std::string>(), true));
    if (v.materialized) {
        if (!r.isNull(i, 6)) v.using_ = r.text(i, 6);
        if (!r.isNull(i, 7)) v.tablespace = r.text(i, 7);
        if (!flag(r, i, 8)) v.withNoData = true;
    }
    ctx.viewIndex[{s, name}] = ctx.out.schema.views.size();
    ctx.out.schema.views.push_back(std::move(v));
}

void readRelations(PgContext& ctx) {
    auto r = ctx.db.query(
        "select n.nspname, c.relname, c.relkind, c.relrowsecurity, c.relispartition, "
        "  array_to_json(c.reloptions), am.amname, ts.spcname, c.relispopulated, "
        "  case when c.relkind in ('v','m') then pg_get_viewdef(c.oid) end, c.relpersistence, c.relreplident, "
        "  c.relforcerowsecurity "
        "from pg_class c join pg_namespace n on n.oid = c.relnamespace "
        "left join pg_am am on am.oid = c.relam left join pg_tablespace ts on ts.oid = c.reltablespace "
        "where n.nspname = any(?::text[]) and c.relkind in ('r','p','v','m','f') "
        "  and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype = 'e') "
        "order by n.nspname, c.relname",
        {ctx.schemas});
    for (std::size_t i = 0; i < r.size(); ++i) {
        std::string s = r.text(i, 0), name = r.text(i, 1), kind = r.text(i, 2);
        if (skipTable(ctx, s, name)) continue;
        if (kind == "p") {
            ctx.out.unsupported.push_back("partitioned table " + s + "." + name);
            continue;
        }
        if (kind == "f") {
            ctx.out.unsupported.push_back("foreign table " + s + "." + name);
            continue;
        }
        if (kind == "r" && flag(r, i, 4)) {
            ctx.out.unsupported.push_back("partition " + s + "." + name);
            continue;
        }
        if (kind == "r") addTable(ctx, r, i, s, name);
        else addView(ctx, r, i, s, name, kind);
    }
}

// ---- policies ------------------------------------------------------------------------------------
void readPolicies(PgContext& ctx) {
    auto r = ctx.db.query(
        "select n.nspname, c.relname, p.polname, p.polpermissive, p.polcmd, "
        "  (select json_agg(case when x.r = 0 then 'public' else (select rolname from pg_roles where oid = x.r) end order by x.o) "
        "     from unnest(p.polroles) with ordinality x(r, o)), "
        "  pg_get_expr(p.polqual, p.polrelid), pg_get_expr(p.polwithcheck, p.polrelid) "
        "from pg_policy p join pg_class c on c.oid = p.polrelid join pg_namespace n on n.oid = c.relnamespace "
        "where n.nspname = any(?::text[]) order by n.nspname, c.relname, p.polname",
        {ctx.schemas});
    for (std::size_t i = 0; i < r.size(); ++i) {
        auto ti = ctx.tableIndex.find({r.text(i, 0), r.text(i, 1)});
        if (ti == ctx.tableIndex.end()) continue;
        model::Policy p;
        p.name = r.text(i, 2);
        p.as = flag(r, i, 3) ? "PERMISSIVE" : "RESTRICTIVE";
        std::string cmd = r.text(i, 4);
        p.for_ = cmd == "r" ? "SELECT" : cmd == "a" ? "INSERT" : cmd == "w" ? "UPDATE" : cmd == "d" ? "DELETE" : "ALL";
        for (const auto& role : js(r, i, 5)) p.to.push_back(role.get<std::string>());
        if (!r.isNull(i, 6)) p.using_ = r.text(i, 6);
        if (!r.isNull(i, 7)) p.withCheck = r.text(i, 7);
        ctx.out.schema.tables[ti->second].policies.push_back(std::move(p));
    }
}

// ---- enums ---------------------------------------------------------------------------------------
void readEnums(PgContext& ctx) {
    auto r = ctx.db.query(
        "select n.nspname, t.typname, json_agg(e.enumlabel order by e.enumsortorder) "
        "from pg_type t join pg_enum e on e.enumtypid = t.oid join pg_namespace n on n.oid = t.typnamespace "
        "where n.nspname = any(?::text[]) group by n.nspname, t.typname order by n.nspname, t.typname",
        {ctx.schemas});
    for (std::size_t i = 0; i < r.size(); ++i) {
        model::Enum e;
        e.schema = r.text(i, 0);
        e.name = r.text(i, 1);
        for (const auto& v : js(r, i, 2)) e.values.push_back(v.get<std::string>());
        ctx.out.schema.enums.push_back(std::move(e));
    }
}

// ---- roles, when asked: they belong to the cluster, not to the database -------------------------
void readRoles(PgContext& ctx) {
    // initdb's roles (the bootstrap superuser, the predefined pg_* roles) have oids below
    // FirstNormalObjectId (16384) and are in every cluster.
    auto r = ctx.db.query(
        "select rolname, rolcreatedb, rolcreaterole, rolinherit from pg_roles "
        "where oid >= 16384 and left(rolname, 3) <> 'pg_' order by rolname");
    for (std::size_t i = 0; i < r.size(); ++i)
        ctx.out.schema.roles.push_back({.name = r.text(i, 0),
                                        .createDb = flag(r, i, 1),
                                        .createRole = flag(r, i, 2),
                                        .inherit = flag(r, i, 3)});
}

// ---- sequences not owned by a serial or identity column ------------------------------------------
void readSequences(PgContext& ctx) {
    // Identity sequences are the column's; a sequence OWNED BY a column is the column's when
    // the column is read as serial (ownedSequences), and otherwise a sequence of its own.
    auto r = ctx.db.query(
        "select n.nspname, c.relname, ps.seqincrement, ps.seqmin, ps.seqmax, ps.seqstart, ps.seqcache, ps.seqcycle, "
        "  format_type(ps.seqtypid, null), "
        "  (select tn.nspname || '.' || t.relname || '.' || a.attname from pg_depend d "
        "     join pg_class t on t.oid = d.refobjid join pg_namespace tn on tn.oid = t.relnamespace "
        "     join pg_attribute a on a.attrelid = d.refobjid and a.attnum = d.refobjsubid "
        "     where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.refclassid = 'pg_class'::regclass "
        "       and d.deptype = 'a') "
        "from pg_sequence ps join pg_class c on c.oid = ps.seqrelid join pg_namespace n on n.oid = c.relnamespace "
        "where n.nspname = any(?::text[]) and not exists (select 1 from pg_depend d where d.objid = c.oid "
        "  and d.classid = 'pg_class'::regclass and d.refclassid = 'pg_class'::regclass and d.deptype = 'i') "
        "order by n.nspname, c.relname",
        {ctx.schemas});
    for (std::size_t i = 0; i < r.size(); ++i) {
        Key key{r.text(i, 0), r.text(i, 1)};
        if (ctx.ownedSequences.count(key)) continue;
        // Neither the model's sequences nor Drizzle's v7 snapshot have a data type or an owner.
        const std::string sequence = "sequence " + key.first + "." + key.second;
        if (opt(r, i, 8) != "bigint") ctx.out.unsupported.push_back(sequence + " (AS " + opt(r, i, 8) + ")");
        if (!r.isNull(i, 9)) ctx.out.unsupported.push_back(sequence + " (OWNED BY " + r.text(i, 9) + ")");
        model::Sequence s;
        s.schema = key.first;
        s.name = key.second;
        s.increment = r.text(i, 2);
        s.minValue = r.text(i, 3);
        s.maxValue = r.text(i, 4);
        s.startWith = r.text(i, 5);
        s.cache = r.text(i, 6);
        s.cycle = flag(r, i, 7);
        ctx.out.schema.sequences.push_back(std::move(s));
    }
}

// The migrations schema is reported only when it holds more than the migrations table.
void dropBareMigrationsSchema(PgContext& ctx) {
    model::Schema& schema = ctx.out.schema;
    auto holds = [&](const std::string& s) {
        for (const auto& t : schema.tables)
            if (t.schema == s) return true;
        for (const auto& v : schema.views)
            if (v.schema == s) return true;
        for (const auto& e : schema.enums)
            if (e.schema == s) return true;
        for (const auto& q : schema.sequences)
            if (q.schema == s) return true;
        return false;
    };
    if (ctx.options.migrationsSchema != "public" && !holds(ctx.options.migrationsSchema))
        std::erase(schema.schemas, ctx.options.migrationsSchema);
}

}  // namespace
}  // namespace pg_introspect

Introspection introspectPg(driver::Connection& db, const IntrospectOptions& options) {
    using namespace pg_introspect;
    const JitOff jitOff(db);
    Introspection out;
    out.schema.dialect = Dialect::postgresql;
    std::vector<std::string> schemas = options.schemaFilter.empty() ? std::vector<std::string>{"public"}
                                                                    : options.schemaFilter;
    PgContext ctx(db, options, out, textArray(schemas));
    readSchemas(ctx, schemas);
    readRelations(ctx);
    readColumns(ctx);      // after the tables and views, which it fills
    readConstraints(ctx);  // after the columns: a one-column primary key marks its column
    readIndexes(ctx);      // after the constraints, whose indexes it skips
    readPolicies(ctx);
    readEnums(ctx);
    if (options.roles) readRoles(ctx);
    readSequences(ctx);        // after the columns, which own the serials' sequences
    reportOutsideTheModel(ctx);  // after everything it may take back out of the model
    dropBareMigrationsSchema(ctx);
    return out;
}

}  // namespace drizzle::kit

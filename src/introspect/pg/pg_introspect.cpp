// PostgreSQL introspection: pg_catalog into the schema model, normalised the way Drizzle Kit's
// pull normalises (type spellings, serials, identity options, defaults without casts).
//
// Every catalog is read with ONE query for all tables of the selected schemas (columns,
// constraints, indexes, policies, ...), then joined in memory by (schema, table): the number of
// round trips does not grow with the number of tables. Arrays come back as JSON.
#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <string>
#include <utility>

#include <nlohmann/json.hpp>

#include "drizzle/kit/introspect.hpp"
#include "introspect/pg/pg_unsupported.hpp"

namespace drizzle::kit {
namespace {

using nlohmann::json;
using Key = std::pair<std::string, std::string>;  // (schema, name)

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

bool startsWith(const std::string& s, std::string_view p) { return s.rfind(p, 0) == 0; }

// format_type() of a non-array, non-enum type -> Drizzle's spelling.
std::string mapType(std::string t) {
    if (startsWith(t, "character varying")) return "varchar" + t.substr(17);
    if (startsWith(t, "character")) return "char" + t.substr(9);
    if (startsWith(t, "numeric(")) {
        auto comma = t.find(',');
        if (comma != std::string::npos) {
            std::string p = t.substr(8, comma - 8), s = t.substr(comma + 1, t.size() - comma - 2);
            return s == "0" ? "numeric(" + p + ")" : "numeric(" + p + ", " + s + ")";
        }
        return t;
    }
    if (startsWith(t, "timestamp")) {
        std::string precision;
        if (t.size() > 9 && t[9] == '(') precision = " " + t.substr(9, t.find(')') - 9 + 1);
        bool tz = t.find("with time zone") != std::string::npos && t.find("without") == std::string::npos;
        return "timestamp" + precision + (tz ? " with time zone" : "");
    }
    if (startsWith(t, "time")) {
        std::string precision;
        if (t.size() > 4 && t[4] == '(') precision = t.substr(4, t.find(')') - 4 + 1);
        bool tz = t.find("with time zone") != std::string::npos && t.find("without") == std::string::npos;
        return "time" + precision + (tz ? " with time zone" : "");
    }
    if (startsWith(t, "geometry(") || startsWith(t, "geography(")) return lower(t);
    if (t == "\"char\"") return "char";
    return t;
}

// True when the text is a plain number literal (-42, 1.5, 1e-3).
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

// Strips a trailing cast the way Drizzle does (`'x'::text` -> `'x'`, `'{a}'::text[]` -> `'{a}'`),
// only when the cast ends the text and applies to a literal or a parenthesised expression.
std::string stripCast(std::string d) {
    for (;;) {
        auto pos = d.rfind("::");
        if (pos == std::string::npos || pos == 0) return d;
        // The cast target must contain no quote after it except a quoted type name.
        std::string before = d.substr(0, pos);
        std::string target = d.substr(pos + 2);
        if (target.find('\'') != std::string::npos ||
            (target.find('(') != std::string::npos && target.find(')') != target.size() - 1))
            return d;
        bool literal = before.size() >= 2 && before.front() == '\'' && before.back() == '\'';
        bool paren = before.size() >= 2 && before.front() == '(' && before.back() == ')';
        bool num = isNumber(before);
        if (!literal && !paren && !num) return d;
        // A parenthesised expression keeps its cast unless it is a number: ('now'::text)::date
        // without its cast is text, which a date column does not take as a default.
        if (paren) {
            std::string inner = before.substr(1, before.size() - 2);
            if (!isNumber(inner)) return d;
            d = inner;
            continue;
        }
        d = before;
    }
}

std::optional<model::DefaultValue> mapDefault(const std::string& raw, const std::string& baseType, bool isArray,
                                              bool isEnum) {
    using V = model::DefaultValue;
    if (raw.empty()) return std::nullopt;
    std::string d = stripCast(raw);
    if (isArray || isEnum) return V{V::Kind::sql, d};
    static const std::set<std::string> numeric = {"integer", "smallint", "bigint", "double precision", "real"};
    if (numeric.count(baseType)) {
        if (isNumber(d)) return V{V::Kind::number, d};
        // Negative bigint literals come back quoted: '-42'::bigint.
        if (d.size() > 2 && d.front() == '\'' && d.back() == '\'' && isNumber(d.substr(1, d.size() - 2)))
            return V{V::Kind::number, d.substr(1, d.size() - 2)};
        return V{V::Kind::sql, d};
    }
    if (startsWith(baseType, "numeric")) {
        return V{V::Kind::sql, d.find('\'') != std::string::npos ? d : "'" + d + "'"};
    }
    if (baseType == "boolean" && (d == "true" || d == "false")) return V{V::Kind::boolean, d};
    // point and line literals as the JSON tuples snapshots keep: '(1,2)' -> [1,2], '{1,2,3}' -> [1,2,3].
    if ((baseType == "point" || baseType == "line") && d.size() > 4 && d.front() == '\'') {
        std::string body = d.substr(2, d.size() - 4);
        std::string tuple = "[";
        std::size_t start = 0;
        bool ok = (baseType == "point" && d[1] == '(') || (baseType == "line" && d[1] == '{');
        while (ok) {
            auto comma = body.find(',', start);
            std::string part = body.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
            if (!isNumber(part)) ok = false;
            tuple += (start ? "," : "") + part;
            if (comma == std::string::npos) break;
            start = comma + 1;
        }
        if (ok) return V{V::Kind::json, tuple + "]"};
    }
    if ((baseType == "json" || baseType == "jsonb") && d.size() >= 2 && d.front() == '\'') {
        std::string body = d.substr(1, d.size() - 2);
        std::string unescaped;
        for (std::size_t i = 0; i < body.size(); ++i) {
            unescaped += body[i];
            if (body[i] == '\'' && i + 1 < body.size() && body[i + 1] == '\'') ++i;
        }
        auto parsed = json::parse(unescaped, nullptr, false);
        if (!parsed.is_discarded()) {
            std::string compact = parsed.dump(), quoted = "'";
            for (char c : compact) {
                if (c == '\'') quoted += '\'';
                quoted += c;
            }
            return V{V::Kind::sql, quoted + "'::" + baseType};
        }
    }
    return V{V::Kind::sql, d};
}

std::string onAction(const std::string& code) {
    if (code == "a") return "no action";
    if (code == "r") return "restrict";
    if (code == "c") return "cascade";
    if (code == "n") return "set null";
    if (code == "d") return "set default";
    return "no action";
}

// storage parameter "fillfactor=70" -> ("fillfactor", "70") with a JSON literal value.
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

// pg_get_constraintdef of a check: "CHECK ((price >= 0))" -> "(price >= 0)". The clauses it
// appends, " NO INHERIT" then " NOT VALID", are reported on their own, not part of the body.
std::string checkBody(std::string def) {
    for (std::string_view suffix : {" NOT VALID", " NO INHERIT"})
        if (def.ends_with(suffix)) def.resize(def.size() - suffix.size());
    if (startsWith(def, "CHECK (") && def.back() == ')') def = def.substr(7, def.size() - 8);
    return def;
}

// An index's INCLUDE columns (pg_index as `ix`), a JSON array or null.
constexpr const char* kIncludedColumns =
    "case when ix.indnkeyatts < ix.indnatts then "
    "(select json_agg(a.attname order by k.o) from unnest(ix.indkey::int2[]) with ordinality k(n, o) "
    "   join pg_attribute a on a.attrelid = ix.indrelid and a.attnum = k.n where k.o > ix.indnkeyatts) end";

// The model has no INCLUDE columns: the index or constraint is kept without them, and reported
// ("index INCLUDE columns public.users.users_idx (email, name)") so that nothing is lost silently.
std::optional<std::string> includeReport(const std::string& kind, const std::string& name, const json& columns) {
    if (!columns.is_array() || columns.empty()) return std::nullopt;
    std::string list;
    for (const auto& c : columns) list += (list.empty() ? "" : ", ") + c.get<std::string>();
    return kind + " INCLUDE columns " + name + " (" + list + ")";
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

}  // namespace

Introspection introspectPg(driver::Connection& db, const IntrospectOptions& options) {
    const JitOff jitOff(db);
    Introspection out;
    model::Schema& schema = out.schema;
    schema.dialect = Dialect::postgresql;
    std::vector<std::string> schemas = options.schemaFilter.empty() ? std::vector<std::string>{"public"}
                                                                    : options.schemaFilter;
    const std::string ns = textArray(schemas);
    for (const auto& s : schemas)
        if (s != "public") schema.schemas.push_back(s);
    // Non-public schemas that do not exist are not reported.
    {
        auto r = db.query("select nspname from pg_namespace where nspname = any(?::text[])", {ns});
        std::set<std::string> existing;
        for (std::size_t i = 0; i < r.size(); ++i) existing.insert(r.text(i, 0));
        std::erase_if(schema.schemas, [&](const std::string& s) { return !existing.count(s); });
    }

    auto skipTable = [&](const std::string& s, const std::string& t) {
        if (t == options.migrationsTable && (s == options.migrationsSchema || s == "public")) return true;
        return !tableMatchesFilter(t, options.tablesFilter);
    };

    // ---- tables, views, materialized views --------------------------------------------------
    std::map<Key, std::size_t> tableIndex, viewIndex;
    {
        auto r = db.query(
            "select n.nspname, c.relname, c.relkind, c.relrowsecurity, c.relispartition, "
            "  array_to_json(c.reloptions), am.amname, ts.spcname, c.relispopulated, "
            "  case when c.relkind in ('v','m') then pg_get_viewdef(c.oid) end, c.relpersistence, c.relreplident, "
            "  c.relforcerowsecurity "
            "from pg_class c join pg_namespace n on n.oid = c.relnamespace "
            "left join pg_am am on am.oid = c.relam left join pg_tablespace ts on ts.oid = c.reltablespace "
            "where n.nspname = any(?::text[]) and c.relkind in ('r','p','v','m','f') "
            "  and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype = 'e') "
            "order by n.nspname, c.relname",
            {ns});
        for (std::size_t i = 0; i < r.size(); ++i) {
            std::string s = r.text(i, 0), name = r.text(i, 1), kind = r.text(i, 2);
            if (skipTable(s, name)) continue;
            if (kind == "p") {
                out.unsupported.push_back("partitioned table " + s + "." + name);
                continue;
            }
            if (kind == "f") {
                out.unsupported.push_back("foreign table " + s + "." + name);
                continue;
            }
            if (kind == "r" && flag(r, i, 4)) {
                out.unsupported.push_back("partition " + s + "." + name);
                continue;
            }
            if (kind == "r") {
                // Table options the model has no place for (Drizzle's v7 snapshot neither).
                auto report = [&](const std::string& what) {
                    out.unsupported.push_back("table " + s + "." + name + " (" + what + ")");
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
                tableIndex[{s, name}] = schema.tables.size();
                schema.tables.push_back(std::move(t));
            } else {
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
                viewIndex[{s, name}] = schema.views.size();
                schema.views.push_back(std::move(v));
            }
        }
    }

    // ---- columns (tables and views), with serial / identity sequences ------------------------
    std::set<Key> ownedSequences;
    {
        auto r = db.query(
            "select n.nspname, c.relname, a.attname, "
            // A domain is reported on its own (below); its columns take its base type.
            "  case when t.typtype = 'd' then format_type(t.typbasetype, t.typtypmod) "
            "    else format_type(a.atttypid, a.atttypmod) end, a.attndims, "
            "  a.attnotnull, a.attidentity, a.attgenerated, "
            // A default cannot name a column, so it is deparsed without its table: with the table,
            // PostgreSQL opens the relation for every call, half of this query's time.
            "  case when a.attgenerated = '' then pg_get_expr(ad.adbin, 0) else pg_get_expr(ad.adbin, ad.adrelid) end, "
            "  t.typtype, t.typcategory, et.typtype, et.typname, etn.nspname, tn.nspname, t.typname, "
            "  null, "
            "  sq.seqname, sq.seqschema, sq.deptype, sq.seqincrement, sq.seqmin, sq.seqmax, sq.seqstart, "
            "  sq.seqcache, sq.seqcycle, "
            "  case when a.attcollation <> t.typcollation and a.attcollation <> 0 then "
            "    (select cn.nspname || '.' || co.collname from pg_collation co "
            "       join pg_namespace cn on cn.oid = co.collnamespace where co.oid = a.attcollation) end, "
            "  nullif(a.attcompression, ''), case when a.attstorage <> t.typstorage then a.attstorage end, "
            "  case when coalesce(a.attstattarget, -1) >= 0 then a.attstattarget end "
            "from pg_attribute a join pg_class c on c.oid = a.attrelid "
            "join pg_namespace n on n.oid = c.relnamespace "
            "join pg_type t on t.oid = a.atttypid join pg_namespace tn on tn.oid = t.typnamespace "
            "left join pg_type et on et.oid = t.typelem and t.typcategory = 'A' "
            "left join pg_namespace etn on etn.oid = et.typnamespace "
            "left join pg_attrdef ad on ad.adrelid = a.attrelid and ad.adnum = a.attnum "
            // Every owned sequence read once and hash-joined: a lateral lookup per column costs
            // a third of this query on a large database.
            "left join (select distinct on (d.refobjid, d.refobjsubid) d.refobjid, d.refobjsubid, "
            "    s.relname as seqname, sn.nspname as seqschema, d.deptype, "
            "    ps.seqincrement, ps.seqmin, ps.seqmax, ps.seqstart, ps.seqcache, ps.seqcycle "
            "  from pg_depend d join pg_class s on s.oid = d.objid and s.relkind = 'S' "
            "  join pg_namespace sn on sn.oid = s.relnamespace join pg_sequence ps on ps.seqrelid = s.oid "
            "  where d.classid = 'pg_class'::regclass and d.refclassid = 'pg_class'::regclass "
            "    and d.deptype in ('a','i') order by d.refobjid, d.refobjsubid) sq "
            "  on sq.refobjid = a.attrelid and sq.refobjsubid = a.attnum "
            "where n.nspname = any(?::text[]) and c.relkind in ('r','v','m') and a.attnum > 0 "
            "  and not a.attisdropped "
            "order by n.nspname, c.relname, a.attnum",
            {ns});
        for (std::size_t i = 0; i < r.size(); ++i) {
            Key key{r.text(i, 0), r.text(i, 1)};
            auto ti = tableIndex.find(key);
            auto vi = viewIndex.find(key);
            if (ti == tableIndex.end() && vi == viewIndex.end()) {
                // A table left out (tablesFilter) keeps its sequences: they are not the schema's.
                if (!opt(r, i, 17).empty()) ownedSequences.insert({opt(r, i, 18), opt(r, i, 17)});
                continue;
            }
            model::Column col;
            col.name = r.text(i, 2);
            const bool isArray = opt(r, i, 10) == "A";
            int dims = static_cast<int>(r.integer(i, 4));
            if (isArray && dims < 1) dims = 1;
            const bool isEnum = isArray ? opt(r, i, 11) == "e" : opt(r, i, 9) == "e";
            std::string base;
            if (isEnum) {
                base = isArray ? opt(r, i, 12) : opt(r, i, 15);
                col.typeSchema = isArray ? opt(r, i, 13) : opt(r, i, 14);
            } else {
                std::string ft = r.text(i, 3);
                if (isArray && ft.size() > 2 && ft.ends_with("[]")) ft = ft.substr(0, ft.size() - 2);
                base = mapType(ft);
            }
            col.notNull = flag(r, i, 5);
            std::string identity = opt(r, i, 6), generated = opt(r, i, 7), def = opt(r, i, 8);
            std::string seqName = opt(r, i, 17), seqSchema = opt(r, i, 18), deptype = opt(r, i, 19);
            // serial: an integer whose default is nextval() of the sequence the column owns.
            if (!isArray && deptype == "a" && (base == "integer" || base == "bigint" || base == "smallint") &&
                startsWith(def, "nextval(")) {
                auto quoteIdent = [](const std::string& s) {
                    bool plain = !s.empty() && (std::islower(static_cast<unsigned char>(s[0])) || s[0] == '_');
                    for (char c : s)
                        if (!(std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) ||
                              c == '_'))
                            plain = false;
                    if (plain) return s;
                    std::string q = "\"";
                    for (char c : s) {
                        if (c == '"') q += '"';
                        q += c;
                    }
                    return q + "\"";
                };
                std::string expectBare = "nextval('" + quoteIdent(seqName) + "'::regclass)";
                std::string expectQualified =
                    "nextval('" + quoteIdent(seqSchema) + "." + quoteIdent(seqName) + "'::regclass)";
                if (def == expectBare || def == expectQualified) {
                    ownedSequences.insert({seqSchema, seqName});
                    col.type = base == "integer" ? "serial" : base == "bigint" ? "bigserial" : "smallserial";
                    col.notNull = true;
                    def.clear();
                }
            }
            if (col.type.empty()) {
                col.type = base;
                for (int d = 0; d < (isArray ? dims : 0); ++d) col.type += "[]";
            }
            if (!identity.empty()) {
                model::Identity id;
                id.type = identity == "a" ? "always" : "byDefault";
                id.sequence.name = seqName;
                id.sequence.schema = seqSchema;
                id.sequence.increment = opt(r, i, 20);
                id.sequence.minValue = opt(r, i, 21);
                id.sequence.maxValue = opt(r, i, 22);
                id.sequence.startWith = opt(r, i, 23);
                id.sequence.cache = opt(r, i, 24);
                id.sequence.cycle = flag(r, i, 25);
                col.identity = id;
            }
            if (generated == "s") {
                col.generated = model::Generated{def, "stored"};
            } else if (!def.empty()) {
                col.defaultValue = mapDefault(def, base, isArray, isEnum);
            }
            // The model has no column collations: the column takes its type's.
            if (!r.isNull(i, 26) && ti != tableIndex.end())
                out.unsupported.push_back("column collation " + key.first + "." + key.second + "." + col.name + " (" +
                                          r.text(i, 26) + ")");
            // Per-column storage settings, which no snapshot keeps.
            if (ti != tableIndex.end()) {
                auto report = [&](const std::string& what) {
                    out.unsupported.push_back("column " + key.first + "." + key.second + "." + col.name + " (" + what + ")");
                };
                if (!r.isNull(i, 27)) report(std::string("COMPRESSION ") + (r.text(i, 27) == "p" ? "pglz" : "lz4"));
                if (!r.isNull(i, 28)) {
                    const std::string st = r.text(i, 28);
                    report(std::string("STORAGE ") + (st == "p" ? "PLAIN" : st == "e" ? "EXTERNAL" : st == "m" ? "MAIN" : "EXTENDED"));
                }
                if (!r.isNull(i, 29)) report("STATISTICS " + r.text(i, 29));
            }
            if (ti != tableIndex.end()) schema.tables[ti->second].columns.push_back(std::move(col));
            else schema.views[vi->second].columns.push_back(std::move(col));
        }
    }

    // ---- constraints: primary keys, uniques, checks, foreign keys -----------------------------
    std::set<std::string> constraintIndexes;  // "schema.index" backing a constraint
    {
        auto r = db.query(
            "select n.nspname, c.relname, co.conname, co.contype, "
            "  (select json_agg(a.attname order by k.o) from unnest(co.conkey) with ordinality k(n, o) "
            "     join pg_attribute a on a.attrelid = co.conrelid and a.attnum = k.n), "
            "  fn.nspname, fc.relname, "
            "  case when co.contype = 'f' then (select json_agg(a.attname order by k.o) "
            "     from unnest(co.confkey) with ordinality k(n, o) "
            "     join pg_attribute a on a.attrelid = co.confrelid and a.attnum = k.n) end, "
            "  co.confupdtype, co.confdeltype, case when co.contype = 'c' then pg_get_constraintdef(co.oid) end, "
            "  coalesce(ix.indnullsnotdistinct, false), ic.relname, co.condeferrable, co.condeferred, " +
                std::string(kIncludedColumns) +
                ", co.convalidated, co.connoinherit, co.confmatchtype, "
                "  case when co.confdelsetcols is not null then (select json_agg(a.attname order by k.o) "
                "     from unnest(co.confdelsetcols) with ordinality k(n, o) "
                "     join pg_attribute a on a.attrelid = co.conrelid and a.attnum = k.n) end, ix.indisclustered" +
                " from pg_constraint co join pg_class c on c.oid = co.conrelid "
            "join pg_namespace n on n.oid = c.relnamespace "
            "left join pg_class fc on fc.oid = co.confrelid left join pg_namespace fn on fn.oid = fc.relnamespace "
            "left join pg_index ix on ix.indexrelid = co.conindid "
            "left join pg_class ic on ic.oid = co.conindid "
            "where n.nspname = any(?::text[]) and co.contype in ('p','u','c','f','x') "
            "order by n.nspname, c.relname, co.conname",
            {ns});
        for (std::size_t i = 0; i < r.size(); ++i) {
            Key key{r.text(i, 0), r.text(i, 1)};
            if (!r.isNull(i, 12)) constraintIndexes.insert(key.first + "." + r.text(i, 12));
            auto ti = tableIndex.find(key);
            if (ti == tableIndex.end()) continue;
            model::Table& t = schema.tables[ti->second];
            std::string name = r.text(i, 2), type = r.text(i, 3);
            // The model has no deferrable constraints: the constraint is kept, checked at once.
            if (flag(r, i, 13))
                out.unsupported.push_back("deferrable constraint " + key.first + "." + key.second + "." + name +
                                          (flag(r, i, 14) ? " (DEFERRABLE INITIALLY DEFERRED)" : " (DEFERRABLE)"));
            // Clauses of checks and foreign keys that the model has no place for.
            auto report = [&](const std::string& what) {
                const std::string kind = type == "c"   ? "check "
                                         : type == "f" ? "foreign key "
                                         : type == "p" ? "primary key "
                                                       : "unique constraint ";
                out.unsupported.push_back(kind + key.first + "." + key.second + "." + name + " (" + what + ")");
            };
            if ((type == "c" || type == "f") && !flag(r, i, 16)) report("NOT VALID");
            if (type == "c" && flag(r, i, 17)) report("NO INHERIT");
            if (type == "f" && opt(r, i, 18) == "f") report("MATCH FULL");
            if (type == "f" && !r.isNull(i, 19)) {
                std::string list;
                for (const auto& c : js(r, i, 19)) list += (list.empty() ? "" : ", ") + c.get<std::string>();
                report(std::string("ON DELETE SET ") + (opt(r, i, 9) == "d" ? "DEFAULT" : "NULL") + " (" + list + ")");
            }
            if ((type == "p" || type == "u") && flag(r, i, 20)) report("CLUSTER");
            if (type == "p" || type == "u")
                if (auto report = includeReport(type == "p" ? "primary key" : "unique constraint",
                                                 key.first + "." + key.second + "." + name, js(r, i, 15)))
                    out.unsupported.push_back(*report);
            std::vector<std::string> cols;
            for (const auto& c : js(r, i, 4)) cols.push_back(c.get<std::string>());
            if (type == "p") {
                // One column under the name PostgreSQL would choose is the column's own key; any
                // other name is kept as a named key.
                std::string defaultName = t.name.substr(0, std::min<std::size_t>(t.name.size(), 63 - 5)) + "_pkey";
                if (cols.size() == 1 && name == defaultName) {
                    for (auto& c : t.columns)
                        if (c.name == cols[0]) {
                            c.primaryKey = true;
                            c.notNull = true;
                        }
                } else {
                    t.compositePrimaryKeys.push_back({name, cols});
                }
            } else if (type == "u") {
                t.uniqueConstraints.push_back({name, cols, flag(r, i, 11)});
            } else if (type == "c") {
                t.checks.push_back({name, checkBody(r.text(i, 10))});
            } else if (type == "f") {
                model::ForeignKey fk;
                fk.name = name;
                fk.tableFrom = t.name;
                fk.columnsFrom = cols;
                fk.tableTo = opt(r, i, 6);
                std::string schemaTo = opt(r, i, 5);
                if (schemaTo != "public") fk.schemaTo = schemaTo;
                for (const auto& c : js(r, i, 7)) fk.columnsTo.push_back(c.get<std::string>());
                fk.onUpdate = onAction(opt(r, i, 8));
                fk.onDelete = onAction(opt(r, i, 9));
                t.foreignKeys.push_back(std::move(fk));
            } else {
                out.unsupported.push_back("exclusion constraint " + key.first + "." + key.second + "." + name);
            }
        }
    }

    // ---- indexes (those not backing a constraint) --------------------------------------------
    {
        auto r = db.query(
            "select n.nspname, c.relname, ic.relname, ix.indisunique, am.amname, "
            "  pg_get_expr(ix.indpred, ix.indrelid), array_to_json(ic.reloptions), "
            "  (select json_agg(json_build_array(a.attname, "
            "       case when k.n = 0 then pg_get_indexdef(ix.indexrelid, k.o::int, true) end, "
            "       ix.indoption[k.o - 1], oc.opcname, oc.opcdefault, "
            // A key column's COLLATE other than the column's own (an expression's is not read).
            "       (select cn.nspname || '.' || co.collname from pg_collation co "
            "          join pg_namespace cn on cn.oid = co.collnamespace "
            "          where co.oid = ix.indcollation[k.o - 1] and k.n <> 0 and co.oid <> a.attcollation)) order by k.o) "
            "     from unnest(ix.indkey::int2[]) with ordinality k(n, o) "
            "     left join pg_attribute a on a.attrelid = ix.indrelid and a.attnum = k.n and k.n <> 0 "
            "     left join pg_opclass oc on oc.oid = ix.indclass[k.o - 1] "
            "     where k.o <= ix.indnkeyatts), " +
                std::string(kIncludedColumns) + ", ix.indnullsnotdistinct, ix.indisclustered" +
                " from pg_index ix join pg_class ic on ic.oid = ix.indexrelid "
            "join pg_class c on c.oid = ix.indrelid join pg_namespace n on n.oid = c.relnamespace "
            "join pg_am am on am.oid = ic.relam "
            "where n.nspname = any(?::text[]) and c.relkind in ('r','m') "
            "  and not exists (select 1 from pg_constraint co where co.conindid = ix.indexrelid "
            "    and co.conrelid = ix.indrelid and co.contype in ('p','u','x')) "
            "order by n.nspname, c.relname, ic.relname",
            {ns});
        for (std::size_t i = 0; i < r.size(); ++i) {
            Key key{r.text(i, 0), r.text(i, 1)};
            auto ti = tableIndex.find(key);
            if (ti == tableIndex.end()) {
                // The model has no indexes on materialized views: reported, not dropped silently.
                if (viewIndex.count(key))
                    out.unsupported.push_back("materialized view index " + key.first + "." + key.second + "." +
                                              r.text(i, 2));
                continue;
            }
            if (constraintIndexes.count(key.first + "." + r.text(i, 2))) continue;
            model::Index idx;
            idx.name = r.text(i, 2);
            const std::string qualified = key.first + "." + key.second + "." + idx.name;
            if (auto report = includeReport("index", qualified, js(r, i, 8))) out.unsupported.push_back(*report);
            // Neither the model's indexes nor Drizzle's v7 snapshot have these.
            if (flag(r, i, 9)) out.unsupported.push_back("index " + qualified + " (NULLS NOT DISTINCT)");
            if (flag(r, i, 10)) out.unsupported.push_back("index " + qualified + " (CLUSTER)");
            idx.isUnique = flag(r, i, 3);
            idx.method = r.text(i, 4);
            if (!r.isNull(i, 5)) idx.where = r.text(i, 5);
            for (const auto& o : js(r, i, 6)) idx.with.push_back(splitOption(o.get<std::string>(), false));
            for (const auto& k : js(r, i, 7)) {
                model::IndexColumn ic;
                if (k[0].is_string()) {
                    ic.expression = k[0].get<std::string>();
                } else {
                    ic.expression = k[1].get<std::string>();
                    ic.isExpression = true;
                }
                int option = k[2].is_number() ? k[2].get<int>() : 0;
                ic.asc = (option & 1) == 0;
                bool nullsFirst = (option & 2) != 0;
                ic.nulls = nullsFirst ? "first" : "last";
                if (k[3].is_string() && !(k[4].is_boolean() && k[4].get<bool>())) ic.opclass = k[3].get<std::string>();
                if (k[5].is_string())
                    out.unsupported.push_back("index " + qualified + " (column " + ic.expression + " is COLLATE " +
                                              k[5].get<std::string>() + ")");
                idx.columns.push_back(std::move(ic));
            }
            schema.tables[ti->second].indexes.push_back(std::move(idx));
        }
    }

    // ---- policies ----------------------------------------------------------------------------
    {
        auto r = db.query(
            "select n.nspname, c.relname, p.polname, p.polpermissive, p.polcmd, "
            "  (select json_agg(case when x.r = 0 then 'public' else (select rolname from pg_roles where oid = x.r) end order by x.o) "
            "     from unnest(p.polroles) with ordinality x(r, o)), "
            "  pg_get_expr(p.polqual, p.polrelid), pg_get_expr(p.polwithcheck, p.polrelid) "
            "from pg_policy p join pg_class c on c.oid = p.polrelid join pg_namespace n on n.oid = c.relnamespace "
            "where n.nspname = any(?::text[]) order by n.nspname, c.relname, p.polname",
            {ns});
        for (std::size_t i = 0; i < r.size(); ++i) {
            auto ti = tableIndex.find({r.text(i, 0), r.text(i, 1)});
            if (ti == tableIndex.end()) continue;
            model::Policy p;
            p.name = r.text(i, 2);
            p.as = flag(r, i, 3) ? "PERMISSIVE" : "RESTRICTIVE";
            std::string cmd = r.text(i, 4);
            p.for_ = cmd == "r" ? "SELECT" : cmd == "a" ? "INSERT" : cmd == "w" ? "UPDATE" : cmd == "d" ? "DELETE" : "ALL";
            for (const auto& role : js(r, i, 5)) p.to.push_back(role.get<std::string>());
            if (!r.isNull(i, 6)) p.using_ = r.text(i, 6);
            if (!r.isNull(i, 7)) p.withCheck = r.text(i, 7);
            schema.tables[ti->second].policies.push_back(std::move(p));
        }
    }

    // ---- enums -------------------------------------------------------------------------------
    {
        auto r = db.query(
            "select n.nspname, t.typname, json_agg(e.enumlabel order by e.enumsortorder) "
            "from pg_type t join pg_enum e on e.enumtypid = t.oid join pg_namespace n on n.oid = t.typnamespace "
            "where n.nspname = any(?::text[]) group by n.nspname, t.typname order by n.nspname, t.typname",
            {ns});
        for (std::size_t i = 0; i < r.size(); ++i) {
            model::Enum e;
            e.schema = r.text(i, 0);
            e.name = r.text(i, 1);
            for (const auto& v : js(r, i, 2)) e.values.push_back(v.get<std::string>());
            schema.enums.push_back(std::move(e));
        }
    }

    // ---- roles, when asked: they belong to the cluster, not to the database -----------------
    if (options.roles) {
        // initdb's roles (the bootstrap superuser, the predefined pg_* roles) have oids below
        // FirstNormalObjectId (16384) and are in every cluster.
        auto r = db.query(
            "select rolname, rolcreatedb, rolcreaterole, rolinherit from pg_roles "
            "where oid >= 16384 and left(rolname, 3) <> 'pg_' order by rolname");
        for (std::size_t i = 0; i < r.size(); ++i)
            schema.roles.push_back({.name = r.text(i, 0),
                                    .createDb = flag(r, i, 1),
                                    .createRole = flag(r, i, 2),
                                    .inherit = flag(r, i, 3)});
    }

    // ---- sequences not owned by a serial or identity column ----------------------------------
    {
        // Identity sequences are the column's; a sequence OWNED BY a column is the column's when
        // the column is read as serial (ownedSequences), and otherwise a sequence of its own.
        auto r = db.query(
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
            {ns});
        for (std::size_t i = 0; i < r.size(); ++i) {
            Key key{r.text(i, 0), r.text(i, 1)};
            if (ownedSequences.count(key)) continue;
            // Neither the model's sequences nor Drizzle's v7 snapshot have a data type or an owner.
            const std::string sequence = "sequence " + key.first + "." + key.second;
            if (opt(r, i, 8) != "bigint") out.unsupported.push_back(sequence + " (AS " + opt(r, i, 8) + ")");
            if (!r.isNull(i, 9)) out.unsupported.push_back(sequence + " (OWNED BY " + r.text(i, 9) + ")");
            model::Sequence s;
            s.schema = key.first;
            s.name = key.second;
            s.increment = r.text(i, 2);
            s.minValue = r.text(i, 3);
            s.maxValue = r.text(i, 4);
            s.startWith = r.text(i, 5);
            s.cache = r.text(i, 6);
            s.cycle = flag(r, i, 7);
            schema.sequences.push_back(std::move(s));
        }
    }

    reportOutsideTheModel(db, ns, tableIndex, viewIndex, out);
    // The migrations schema is reported only when it holds more than the migrations table.
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
    if (options.migrationsSchema != "public" && !holds(options.migrationsSchema))
        std::erase(schema.schemas, options.migrationsSchema);
    return out;
}

}  // namespace drizzle::kit

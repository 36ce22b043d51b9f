// PostgreSQL columns of the tables and views, with their serial and identity sequences: types in
// Drizzle's spelling, defaults without the casts PostgreSQL adds.
#include <cctype>
#include <set>
#include <string>

#include "introspect/pg/pg_introspect_internal.hpp"
#include "schema/column_types.hpp"

namespace drizzle::kit::pg_introspect {
namespace {

using nlohmann::json;

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

// A name as PostgreSQL writes it inside nextval('...'): quoted unless plain lower case.
std::string quoteIdent(const std::string& s) {
    bool plain = !s.empty() && (std::islower(static_cast<unsigned char>(s[0])) || s[0] == '_');
    for (char c : s)
        if (!(std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) || c == '_'))
            plain = false;
    if (plain) return s;
    std::string q = "\"";
    for (char c : s) {
        if (c == '"') q += '"';
        q += c;
    }
    return q + "\"";
}

// True when the default is nextval() of exactly this sequence, named bare or schema-qualified.
bool isNextvalOf(const std::string& def, const std::string& seqSchema, const std::string& seqName) {
    std::string expectBare = "nextval('" + quoteIdent(seqName) + "'::regclass)";
    std::string expectQualified = "nextval('" + quoteIdent(seqSchema) + "." + quoteIdent(seqName) + "'::regclass)";
    return def == expectBare || def == expectQualified;
}

// The column's type without its array dimensions, in Drizzle's spelling; an enum's schema goes
// to the column.
std::string baseType(const driver::Rows& r, std::size_t i, bool isArray, bool isEnum, model::Column& col) {
    if (isEnum) {
        col.typeSchema = isArray ? opt(r, i, 13) : opt(r, i, 14);
        return isArray ? opt(r, i, 12) : opt(r, i, 15);
    }
    std::string ft = r.text(i, 3);
    if (isArray && ft.size() > 2 && ft.ends_with("[]")) ft = ft.substr(0, ft.size() - 2);
    return detail::normaliseCatalogType(Dialect::postgresql, ft);
}

model::Identity identityFrom(const driver::Rows& r, std::size_t i, const std::string& identity, const std::string& seqName,
                             const std::string& seqSchema) {
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
    return id;
}

// Row i of readColumns' query as a model column; a serial's sequence goes to ownedSequences.
model::Column columnFrom(PgContext& ctx, const driver::Rows& r, std::size_t i) {
    model::Column col;
    col.name = r.text(i, 2);
    const bool isArray = opt(r, i, 10) == "A";
    int dims = static_cast<int>(r.integer(i, 4));
    if (isArray && dims < 1) dims = 1;
    const bool isEnum = isArray ? opt(r, i, 11) == "e" : opt(r, i, 9) == "e";
    const std::string base = baseType(r, i, isArray, isEnum, col);
    col.notNull = flag(r, i, 5);
    std::string identity = opt(r, i, 6), generated = opt(r, i, 7), def = opt(r, i, 8);
    std::string seqName = opt(r, i, 17), seqSchema = opt(r, i, 18), deptype = opt(r, i, 19);
    // serial: an integer whose default is nextval() of the sequence the column owns.
    if (!isArray && deptype == "a" && (base == "integer" || base == "bigint" || base == "smallint") &&
        startsWith(def, "nextval(") && isNextvalOf(def, seqSchema, seqName)) {
        ctx.ownedSequences.insert({seqSchema, seqName});
        col.type = base == "integer" ? "serial" : base == "bigint" ? "bigserial" : "smallserial";
        col.notNull = true;
        def.clear();
    }
    if (col.type.empty()) {
        col.type = base;
        for (int d = 0; d < (isArray ? dims : 0); ++d) col.type += "[]";
    }
    if (!identity.empty()) col.identity = identityFrom(r, i, identity, seqName, seqSchema);
    if (generated == "s") {
        col.generated = model::Generated{def, "stored"};
    } else if (!def.empty()) {
        col.defaultValue = mapDefault(def, base, isArray, isEnum);
    }
    return col;
}

// What a table's column has that the model does not: its own collation, storage settings.
void reportColumnClauses(PgContext& ctx, const driver::Rows& r, std::size_t i, const Key& key, const std::string& column) {
    // The model has no column collations: the column takes its type's.
    if (!r.isNull(i, 26))
        ctx.out.unsupported.push_back("column collation " + key.first + "." + key.second + "." + column + " (" +
                                      r.text(i, 26) + ")");
    // Per-column storage settings, which no snapshot keeps.
    auto report = [&](const std::string& what) {
        ctx.out.unsupported.push_back("column " + key.first + "." + key.second + "." + column + " (" + what + ")");
    };
    if (!r.isNull(i, 27)) report(std::string("COMPRESSION ") + (r.text(i, 27) == "p" ? "pglz" : "lz4"));
    if (!r.isNull(i, 28)) {
        const std::string st = r.text(i, 28);
        report(std::string("STORAGE ") + (st == "p" ? "PLAIN" : st == "e" ? "EXTERNAL" : st == "m" ? "MAIN" : "EXTENDED"));
    }
    if (!r.isNull(i, 29)) report("STATISTICS " + r.text(i, 29));
}

}  // namespace

// ---- columns (tables and views), with serial / identity sequences ------------------------
void readColumns(PgContext& ctx) {
    auto r = ctx.db.query(
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
        {ctx.schemas});
    for (std::size_t i = 0; i < r.size(); ++i) {
        Key key{r.text(i, 0), r.text(i, 1)};
        auto ti = ctx.tableIndex.find(key);
        auto vi = ctx.viewIndex.find(key);
        if (ti == ctx.tableIndex.end() && vi == ctx.viewIndex.end()) {
            // A table left out (tablesFilter) keeps its sequences: they are not the schema's.
            if (!opt(r, i, 17).empty()) ctx.ownedSequences.insert({opt(r, i, 18), opt(r, i, 17)});
            continue;
        }
        model::Column col = columnFrom(ctx, r, i);
        if (ti != ctx.tableIndex.end()) {
            reportColumnClauses(ctx, r, i, key, col.name);
            ctx.out.schema.tables[ti->second].columns.push_back(std::move(col));
        } else {
            ctx.out.schema.views[vi->second].columns.push_back(std::move(col));
        }
    }
}

}  // namespace drizzle::kit::pg_introspect

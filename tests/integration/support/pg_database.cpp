// PostgreSQL: the scratch database, applying the export, and reading pg_catalog (see pg.hpp).
#include <signal.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <sstream>
#include <stdexcept>

#include "support/pg.hpp"

namespace drizzle::integration::pg {

namespace fs = std::filesystem;
using nlohmann::json;

std::string ident(std::string_view name) {
    std::string out = "\"";
    for (char c : name) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string qualifiedIdent(std::string_view schema, std::string_view name) {
    return ident(schemaOf(std::string(schema))) + "." + ident(name);
}

std::string literal(std::string_view text) {
    std::string out = "'";
    for (char c : text) {
        if (c == '\'') out += '\'';
        out += c;
    }
    return out + "'";
}

namespace {

constexpr const char* databasePrefix = "drizzle_it_pg_";

std::string key(std::initializer_list<std::string_view> parts) {
    std::string out;
    for (auto p : parts) {
        out += p;
        out += '\x1f';
    }
    return out;
}

// The server URL with its database replaced: postgres://u@h:p/postgres?x -> postgres://u@h:p/<db>?x
std::string withDatabase(const std::string& url, const std::string& database) {
    const auto scheme = url.find("://");
    const auto slash = url.find('/', scheme == std::string::npos ? 0 : scheme + 3);
    if (slash == std::string::npos) return url + "/" + database;
    const auto query = url.find('?', slash);
    return url.substr(0, slash + 1) + database + (query == std::string::npos ? "" : url.substr(query));
}

RunResult psqlAt(const std::string& url, const std::vector<std::string>& args, const fs::path& stdinFile = {}) {
    std::vector<std::string> argv{"psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", url};
    argv.insert(argv.end(), args.begin(), args.end());
    return run(argv, stdinFile);
}

// The statement that ends on 1-based `endLine`: it starts after the previous line ending in ';'.
int statementStart(const std::string& text, int endLine) {
    std::istringstream in(text);
    std::string l;
    int start = 1;
    for (int n = 1; n < endLine && std::getline(in, l); ++n)
        if (!trim(l).empty() && trim(l).back() == ';') start = n + 1;
    return start;
}

}  // namespace

std::string defaultKey(std::string_view s, std::string_view t, std::string_view c) { return key({"default", s, t, c}); }
std::string generatedKey(std::string_view s, std::string_view t, std::string_view c) { return key({"generated", s, t, c}); }
std::string checkKey(std::string_view s, std::string_view t, std::string_view n) { return key({"check", s, t, n}); }
std::string indexExpressionKey(std::string_view s, std::string_view i, std::size_t k) {
    return key({"indexExpression", s, i, std::to_string(k)});
}
std::string indexWhereKey(std::string_view s, std::string_view i) { return key({"indexWhere", s, i}); }
std::string policyUsingKey(std::string_view s, std::string_view t, std::string_view n) { return key({"using", s, t, n}); }
std::string policyCheckKey(std::string_view s, std::string_view t, std::string_view n) { return key({"withCheck", s, t, n}); }
std::string viewKey(std::string_view s, std::string_view n) { return key({"view", s, n}); }

Database::Database(std::string serverUrl, std::vector<std::string> rolesToDrop)
    : serverUrl_(std::move(serverUrl)), name_(uniqueName(databasePrefix)), rolesToDrop_(std::move(rolesToDrop)) {
    url_ = withDatabase(serverUrl_, name_);
    dropDatabasesOfDeadRuns();
    // Roles outlive databases: clear what an interrupted earlier run may have left behind.
    for (const auto& role : rolesToDrop_) {
        RunResult r = psqlAt(serverUrl_, {"-c", "DROP ROLE IF EXISTS " + ident(role)});
        if (r.exitCode != 0)
            throw std::runtime_error("role " + role + " is left from an earlier run and cannot be dropped: " + r.err +
                                     "Drop the databases that still use it, or start fresh servers with "
                                     "`bash scripts/test.sh`.");
    }
    RunResult r = psqlAt(serverUrl_, {"-c", "CREATE DATABASE " + ident(name_)});
    if (r.exitCode != 0)
        throw std::runtime_error("cannot create database " + name_ + " on " + serverUrl_ + ": " + r.err);
}

// A run that crashed left its database behind, and with it the roles its policies name. Its
// name carries the process id of that run; a database whose process is gone is dropped. (The
// test servers are private to this machine: see scripts/lib/servers.sh.)
void Database::dropDatabasesOfDeadRuns() const {
    RunResult r = psqlAt(serverUrl_, {"-A", "-t", "-c",
                                      "select datname from pg_database where starts_with(datname, " +
                                          literal(databasePrefix) + ")"});
    std::istringstream in(r.out);
    for (std::string name; std::getline(in, name);) {
        const int pid = std::atoi(name.c_str() + std::strlen(databasePrefix));
        if (pid > 0 && kill(pid, 0) != 0 && errno == ESRCH)
            psqlAt(serverUrl_, {"-c", "DROP DATABASE IF EXISTS " + ident(name) + " WITH (FORCE)"});
    }
}

Database::~Database() {
    psqlAt(serverUrl_, {"-c", "DROP DATABASE IF EXISTS " + ident(name_) + " WITH (FORCE)"});
    for (const auto& role : rolesToDrop_) psqlAt(serverUrl_, {"-c", "DROP ROLE IF EXISTS " + ident(role)});
}

RunResult Database::psql(const std::vector<std::string>& args, const fs::path& stdinFile) const {
    return psqlAt(url_, args, stdinFile);
}

json Database::queryJson(const std::string& sql) const {
    RunResult r = psql({"-A", "-t", "-c", sql});
    if (r.exitCode != 0) throw std::runtime_error("psql failed: " + r.err + "\nquery:\n" + sql);
    return json::parse(r.out);
}

std::string apply(const Database& db, const fs::path& sqlFile) {
    RunResult r = db.psql({"-f", sqlFile.string()});
    if (r.exitCode == 0) return "";
    const std::string text = readText(sqlFile);
    std::string message = "psql stopped at the first error:\n" + r.err;
    const int endLine = lineAfter(r.err, sqlFile.filename().string() + ":");
    if (endLine > 0) {
        // psql names the statement's last line; its "LINE n:" counts from the statement's first.
        const int start = statementStart(text, endLine);
        const int within = lineAfter(r.err, "LINE ");
        message += "\nthe statement, around the line the server rejected:\n" +
                   excerpt(text, within > 0 ? start + within - 1 : endLine, 3);
    }
    return message;
}

namespace {

// Everything the checks compare, in one round trip. Objects that belong to an extension
// (PostGIS's spatial_ref_sys, citext's functions, ...) are not part of the schema and are left out.
constexpr const char* catalogQuery = R"SQL(
with rels as (
  select c.oid, n.nspname as schema, c.relname as name, c.relkind as kind
  from pg_class c join pg_namespace n on n.oid = c.relnamespace
  where c.relkind in ('r', 'p', 'v', 'm', 'S')
    and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\_toast%'
    and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype = 'e')
)
select json_build_object(
  'currentUser', current_user,
  'defaultTablespace', (select t.spcname from pg_database d join pg_tablespace t on t.oid = d.dattablespace
                        where d.datname = current_database()),
  'schemas', (select coalesce(json_agg(n.nspname), '[]') from pg_namespace n
              where n.nspname not like 'pg\_%' and n.nspname <> 'information_schema'),
  'enums', (select coalesce(json_agg(json_build_object(
                'schema', n.nspname, 'name', t.typname,
                'values', (select json_agg(e.enumlabel order by e.enumsortorder) from pg_enum e where e.enumtypid = t.oid))), '[]')
            from pg_type t join pg_namespace n on n.oid = t.typnamespace
            where t.typtype = 'e'
              and not exists (select 1 from pg_depend d where d.classid = 'pg_type'::regclass and d.objid = t.oid and d.deptype = 'e')),
  'sequences', (select coalesce(json_agg(json_build_object(
                  'schema', r.schema, 'name', r.name, 'type', format_type(s.seqtypid, null),
                  'start', s.seqstart::text, 'min', s.seqmin::text, 'max', s.seqmax::text,
                  'increment', s.seqincrement::text, 'cache', s.seqcache::text, 'cycle', s.seqcycle,
                  'ownedBy', (select json_build_object('schema', on_.nspname, 'table', oc.relname, 'column', a.attname, 'how', d.deptype)
                              from pg_depend d join pg_class oc on oc.oid = d.refobjid
                              join pg_namespace on_ on on_.oid = oc.relnamespace
                              join pg_attribute a on a.attrelid = d.refobjid and a.attnum = d.refobjsubid
                              where d.classid = 'pg_class'::regclass and d.objid = r.oid
                                and d.refclassid = 'pg_class'::regclass and d.deptype in ('a', 'i') limit 1))), '[]')
                from rels r join pg_sequence s on s.seqrelid = r.oid where r.kind = 'S'),
  'roles', (select coalesce(json_agg(json_build_object('name', rolname, 'createDb', rolcreatedb,
                'createRole', rolcreaterole, 'inherit', rolinherit)), '[]') from pg_roles),
  'relations', (select coalesce(json_agg(json_build_object(
      'schema', r.schema, 'name', r.name, 'kind', r.kind, 'rls', c.relrowsecurity,
      'options', coalesce(to_json(c.reloptions), '[]'), 'am', am.amname, 'tablespace', ts.spcname,
      'populated', c.relispopulated,
      'definition', case when r.kind in ('v', 'm') then pg_get_viewdef(r.oid, true) end,
      'columns', (select coalesce(json_agg(json_build_object(
                    'name', a.attname, 'type', format_type(a.atttypid, a.atttypmod), 'dims', a.attndims,
                    'typeSchema', tn.nspname, 'typeName', coalesce(et.typname, t.typname),
                    'enum', coalesce(et.typtype, t.typtype) = 'e',
                    'notNull', a.attnotnull, 'expr', pg_get_expr(ad.adbin, ad.adrelid),
                    'generated', a.attgenerated, 'identity', a.attidentity) order by a.attnum), '[]')
                  from pg_attribute a
                  join pg_type t on t.oid = a.atttypid
                  left join pg_type et on et.oid = t.typelem and t.typcategory = 'A'
                  join pg_namespace tn on tn.oid = coalesce(et.typnamespace, t.typnamespace)
                  left join pg_attrdef ad on ad.adrelid = a.attrelid and ad.adnum = a.attnum
                  where a.attrelid = r.oid and a.attnum > 0 and not a.attisdropped))), '[]')
    from rels r join pg_class c on c.oid = r.oid
    left join pg_am am on am.oid = c.relam
    left join pg_tablespace ts on ts.oid = c.reltablespace
    where r.kind in ('r', 'p', 'v', 'm')),
  'constraints', (select coalesce(json_agg(json_build_object(
      'schema', n.nspname, 'table', c.relname, 'name', k.conname, 'type', k.contype,
      'columns', (select coalesce(json_agg(a.attname order by u.ord), '[]')
                  from unnest(k.conkey) with ordinality u(attnum, ord)
                  join pg_attribute a on a.attrelid = k.conrelid and a.attnum = u.attnum),
      'refSchema', rn.nspname, 'refTable', rc.relname,
      'refColumns', (select coalesce(json_agg(a.attname order by u.ord), '[]')
                     from unnest(k.confkey) with ordinality u(attnum, ord)
                     join pg_attribute a on a.attrelid = k.confrelid and a.attnum = u.attnum),
      'onDelete', k.confdeltype, 'onUpdate', k.confupdtype,
      'expr', case when k.contype = 'c' then pg_get_expr(k.conbin, k.conrelid) end,
      'validated', k.convalidated,
      'nullsNotDistinct', i.indnullsnotdistinct)), '[]')
    from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
    left join pg_class rc on rc.oid = k.confrelid left join pg_namespace rn on rn.oid = rc.relnamespace
    left join pg_index i on i.indexrelid = k.conindid and k.contype in ('p', 'u')
    where k.conrelid in (select oid from rels)),
  'indexes', (select coalesce(json_agg(json_build_object(
      'schema', n.nspname, 'table', t.relname, 'name', ic.relname, 'unique', i.indisunique,
      'valid', i.indisvalid and i.indisready and i.indislive,
      'constraint', exists (select 1 from pg_constraint k where k.conindid = i.indexrelid and k.conrelid = i.indrelid
                            and k.contype in ('p', 'u', 'x')),
      'method', am.amname, 'options', coalesce(to_json(ic.reloptions), '[]'),
      'where', pg_get_expr(i.indpred, i.indrelid), 'nullsNotDistinct', i.indnullsnotdistinct,
      'columns', (select json_agg(json_build_object(
                    'column', a.attname, 'definition', pg_get_indexdef(i.indexrelid, k.ord::int, true),
                    'desc', (i.indoption[k.ord - 1] & 1) = 1, 'nullsFirst', (i.indoption[k.ord - 1] & 2) = 2,
                    'opclass', oc.opcname, 'opclassDefault', oc.opcdefault) order by k.ord)
                  from unnest(i.indkey::int2[]) with ordinality k(attnum, ord)
                  join pg_opclass oc on oc.oid = i.indclass[k.ord - 1]
                  left join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum and k.attnum > 0
                  where k.ord <= i.indnkeyatts))), '[]')
    from pg_index i join pg_class ic on ic.oid = i.indexrelid join pg_class t on t.oid = i.indrelid
    join pg_namespace n on n.oid = t.relnamespace join pg_am am on am.oid = ic.relam
    where i.indrelid in (select oid from rels)),
  'policies', (select coalesce(json_agg(json_build_object(
      'schema', schemaname, 'table', tablename, 'name', policyname, 'permissive', permissive,
      'roles', to_json(roles), 'cmd', cmd, 'qual', qual, 'withCheck', with_check)), '[]') from pg_policies)
)
)SQL";

// What the probes left behind, collected by probe name.
constexpr const char* probeResultsQuery = R"SQL(
select json_build_object(
  'columns', (select coalesce(json_object_agg(a.attname, pg_get_expr(d.adbin, d.adrelid)), '{}')
              from pg_attribute a join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
              where a.attname like '\_\_probe\_%' and not a.attisdropped),
  'checks', (select coalesce(json_object_agg(conname, pg_get_expr(conbin, conrelid)), '{}')
             from pg_constraint where conname like '\_\_probe\_%'),
  'indexExpressions', (select coalesce(json_object_agg(c.relname, pg_get_indexdef(c.oid, 1, true)), '{}')
                       from pg_class c join pg_index i on i.indexrelid = c.oid
                       where c.relname like '\_\_probe\_%' and i.indpred is null),
  'indexWhere', (select coalesce(json_object_agg(c.relname, pg_get_expr(i.indpred, i.indrelid)), '{}')
                 from pg_class c join pg_index i on i.indexrelid = c.oid
                 where c.relname like '\_\_probe\_%' and i.indpred is not null),
  'policies', (select coalesce(json_object_agg(policyname, json_build_object('qual', qual, 'withCheck', with_check)), '{}')
               from pg_policies where policyname like '\_\_probe\_%'),
  'views', (select coalesce(json_object_agg(c.relname, pg_get_viewdef(c.oid, true)), '{}')
            from pg_class c where c.relkind = 'v' and c.relname like '\_\_probe\_%'));
)SQL";

const json* findRelation(const json& data, const std::string& schema, const std::string& name) {
    for (const auto& r : data["relations"])
        if (r["schema"] == schema && r["name"] == name) return &r;
    return nullptr;
}

const json* findColumn(const json& relation, const std::string& name) {
    for (const auto& c : relation["columns"])
        if (c["name"] == name) return &c;
    return nullptr;
}

class ProbeScript {
public:
    // A probe statement; `kind` says where its result is collected, `key` what it stands for.
    void add(const std::string& kind, const std::string& key, const std::string& statementWithName) {
        const std::string name = "__probe_" + std::to_string(probes_.size());
        std::string statement = statementWithName;
        for (std::size_t at; (at = statement.find("@PROBE@")) != std::string::npos;)
            statement.replace(at, 7, ident(name));
        sql_ += statement + ";\n";
        probes_.push_back({kind, key, name});
    }
    std::string text() const {
        return "\\set ON_ERROR_STOP off\n\\set ON_ERROR_ROLLBACK on\nBEGIN;\n" + sql_ + probeResultsQuery + "ROLLBACK;\n";
    }
    struct Probe {
        std::string kind, key, name;
    };
    const std::vector<Probe>& probes() const { return probes_; }

private:
    std::string sql_;
    std::vector<Probe> probes_;
};

std::string serialSequence(const std::string& type) {
    const std::string t = lower(type);
    return t == "serial" || t == "smallserial" || t == "bigserial" ? t : "";
}

void addTableProbes(ProbeScript& p, const model::Table& t, const json& relation) {
    const std::string s = schemaOf(t.schema);
    const std::string table = qualifiedIdent(s, t.name);
    const std::string firstColumn = relation["columns"].empty() ? "" : relation["columns"][0]["name"].get<std::string>();
    for (const auto& c : t.columns) {
        const json* col = findColumn(relation, c.name);
        if (!col) continue;
        const std::string type = (*col)["type"];
        std::string declared;
        if (c.defaultValue) declared = c.defaultValue->text;
        else if (!serialSequence(c.type).empty())
            declared = "nextval(" + literal(qualifiedIdent(s, t.name + "_" + c.name + "_seq")) + "::regclass)";
        if (!declared.empty())
            p.add("columns", defaultKey(s, t.name, c.name),
                  "ALTER TABLE " + table + " ADD COLUMN @PROBE@ " + type + " DEFAULT " + declared);
        if (c.generated)
            p.add("columns", generatedKey(s, t.name, c.name),
                  "ALTER TABLE " + table + " ADD COLUMN @PROBE@ " + type + " GENERATED ALWAYS AS (" + c.generated->as +
                      ") STORED");
    }
    for (const auto& k : t.checks)
        p.add("checks", checkKey(s, t.name, k.name),
              "ALTER TABLE " + table + " ADD CONSTRAINT @PROBE@ CHECK (" + k.value + ") NOT VALID");
    for (const auto& idx : t.indexes) {
        for (std::size_t i = 0; i < idx.columns.size(); ++i)
            if (idx.columns[i].isExpression)
                p.add("indexExpressions", indexExpressionKey(s, idx.name, i),
                      "CREATE INDEX @PROBE@ ON " + table + " USING " + idx.method + " ((" + idx.columns[i].expression + "))");
        if (idx.where && !idx.where->empty() && !firstColumn.empty())
            p.add("indexWhere", indexWhereKey(s, idx.name),
                  "CREATE INDEX @PROBE@ ON " + table + " (" + ident(firstColumn) + ") WHERE " + *idx.where);
    }
    for (const auto& pol : t.policies) {
        std::string clauses;
        if (pol.using_ && !pol.using_->empty()) clauses += " USING (" + *pol.using_ + ")";
        if (pol.withCheck && !pol.withCheck->empty()) clauses += " WITH CHECK (" + *pol.withCheck + ")";
        if (clauses.empty()) continue;
        p.add("policies", policyUsingKey(s, t.name, pol.name) + "\n" + policyCheckKey(s, t.name, pol.name),
              "CREATE POLICY @PROBE@ ON " + table + " AS PERMISSIVE FOR ALL TO public" + clauses);
    }
}

}  // namespace

Catalog readCatalog(const Database& db, const model::Schema& schema) {
    Catalog catalog;
    catalog.data = db.queryJson(catalogQuery);

    ProbeScript probes;
    for (const auto& t : schema.tables)
        if (const json* relation = findRelation(catalog.data, schemaOf(t.schema), t.name))
            addTableProbes(probes, t, *relation);
    for (const auto& v : schema.views)
        if (!v.isExisting && v.definition)
            probes.add("views", viewKey(schemaOf(v.schema), v.name),
                       "CREATE VIEW " + ident(schemaOf(v.schema)) + ".@PROBE@ AS " + *v.definition);

    TempDir dir;
    writeText(dir.path() / "probes.sql", probes.text());
    RunResult r = run({"psql", "-X", "-q", "-A", "-t", "-d", db.url(), "-f", (dir.path() / "probes.sql").string()});
    catalog.probeErrors = r.err;
    std::string lastLine = trim(r.out);
    if (auto nl = lastLine.rfind('\n'); nl != std::string::npos) lastLine = lastLine.substr(nl + 1);
    const json results = json::parse(lastLine, nullptr, false);
    if (results.is_discarded())
        throw std::runtime_error("the probe script printed no result:\n" + r.out + "\n" + r.err);
    for (const auto& probe : probes.probes()) {
        const json& found = results[probe.kind];
        if (!found.contains(probe.name)) continue;
        const json& value = found[probe.name];
        if (probe.kind == "policies") {
            const auto nl = probe.key.find('\n');
            if (!value["qual"].is_null()) catalog.normalised[probe.key.substr(0, nl)] = value["qual"];
            if (!value["withCheck"].is_null()) catalog.normalised[probe.key.substr(nl + 1)] = value["withCheck"];
        } else if (!value.is_null()) {
            catalog.normalised[probe.key] = value;
        }
    }
    return catalog;
}

}  // namespace drizzle::integration::pg

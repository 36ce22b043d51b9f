// PostgreSQL objects outside the schema model, and what leans on them (declared in
// pg_introspect_internal.hpp).
#include <algorithm>
#include <map>
#include <set>
#include <string>

#include "introspect/pg/pg_introspect_internal.hpp"

namespace drizzle::kit::pg_introspect {
namespace {

// The objects outside the model, with the name their own report gives them. Extension
// members are not: extensions are the database's environment, as roles are.
constexpr const char* kOutsideObjects =
    "with ext as (select objid, classid from pg_depend where deptype = 'e'), "
    "outside(cls, oid, label) as ("
    "  select 'pg_proc'::regclass, p.oid, case p.prokind when 'a' then 'aggregate ' when 'p' then 'procedure ' "
    "      else 'function ' end || n.nspname || '.' || p.proname "
    "    from pg_proc p join pg_namespace n on n.oid = p.pronamespace "
    "    where n.nspname not in ('pg_catalog', 'information_schema') "
    "      and (p.oid, 'pg_proc'::regclass) not in (select objid, classid from ext) "
    "  union all select 'pg_collation'::regclass, co.oid, 'collation ' || n.nspname || '.' || co.collname "
    "    from pg_collation co join pg_namespace n on n.oid = co.collnamespace "
    "    where n.nspname <> 'pg_catalog' and (co.oid, 'pg_collation'::regclass) not in (select objid, classid from ext) "
    "  union all select 'pg_type'::regclass, t.oid, case t.typtype when 'd' then 'domain ' else 'type ' end "
    "      || n.nspname || '.' || t.typname "
    "    from pg_type t join pg_namespace n on n.oid = t.typnamespace "
    "    where n.nspname not in ('pg_catalog', 'information_schema') and t.typtype in ('b','c','d','r','m') "
    "      and (t.typtype <> 'c' or exists (select 1 from pg_class c where c.oid = t.typrelid and c.relkind = 'c')) "
    "      and (t.oid, 'pg_type'::regclass) not in (select objid, classid from ext) "
    "  union all select 'pg_ts_config'::regclass, cfg.oid, 'text search configuration ' || n.nspname || '.' || cfg.cfgname "
    "    from pg_ts_config cfg join pg_namespace n on n.oid = cfg.cfgnamespace "
    "    where n.nspname <> 'pg_catalog' and (cfg.oid, 'pg_ts_config'::regclass) not in (select objid, classid from ext) "
    "  union all select 'pg_ts_dict'::regclass, dict.oid, 'text search dictionary ' || n.nspname || '.' || dict.dictname "
    "    from pg_ts_dict dict join pg_namespace n on n.oid = dict.dictnamespace "
    "    where n.nspname <> 'pg_catalog' and (dict.oid, 'pg_ts_dict'::regclass) not in (select objid, classid from ext) "
    "  union all select 'pg_operator'::regclass, o.oid, 'operator ' || n.nspname || '.' || o.oprname "
    "    from pg_operator o join pg_namespace n on n.oid = o.oprnamespace "
    "    where n.nspname <> 'pg_catalog' and (o.oid, 'pg_operator'::regclass) not in (select objid, classid from ext) "
    "  union all select 'pg_class'::regclass, c.oid, case when c.relkind = 'p' then 'partitioned table ' "
    "      when c.relkind = 'f' then 'foreign table ' else 'partition ' end || n.nspname || '.' || c.relname "
    "    from pg_class c join pg_namespace n on n.oid = c.relnamespace "
    "    where c.relkind in ('p','f') or (c.relkind = 'r' and c.relispartition)) ";

// (kind of dependent, schema, table or view, object) -> what it uses, first by name.
constexpr const char* kUsesOfOutsideObjects =
    "select 'constraint', n.nspname, c.relname, co.conname, min(o.label) from pg_depend d "
    "  join outside o on o.cls = d.refclassid and o.oid = d.refobjid "
    "  join pg_constraint co on d.classid = 'pg_constraint'::regclass and co.oid = d.objid "
    "  join pg_class c on c.oid = co.conrelid join pg_namespace n on n.oid = c.relnamespace "
    "  where d.deptype = 'n' and co.contype in ('c','f') and n.nspname = any(?::text[]) group by 1, 2, 3, 4 "
    "union all select 'index', n.nspname, c.relname, ic.relname, min(o.label) from pg_depend d "
    "  join outside o on o.cls = d.refclassid and o.oid = d.refobjid "
    "  join pg_index ix on d.classid = 'pg_class'::regclass and ix.indexrelid = d.objid "
    "  join pg_class ic on ic.oid = ix.indexrelid "
    "  join pg_class c on c.oid = ix.indrelid join pg_namespace n on n.oid = c.relnamespace "
    "  where d.deptype in ('n','a') and n.nspname = any(?::text[]) group by 1, 2, 3, 4 "
    "union all select case when a.attgenerated = 's' then 'generated' else 'default' end, n.nspname, "
    "    c.relname, a.attname, min(o.label) from pg_depend d "
    "  join outside o on o.cls = d.refclassid and o.oid = d.refobjid "
    "  join pg_attrdef ad on d.classid = 'pg_attrdef'::regclass and ad.oid = d.objid "
    "  join pg_attribute a on a.attrelid = ad.adrelid and a.attnum = ad.adnum "
    "  join pg_class c on c.oid = ad.adrelid join pg_namespace n on n.oid = c.relnamespace "
    "  where d.deptype = 'n' and n.nspname = any(?::text[]) group by 1, 2, 3, 4 "
    "union all select 'view', n.nspname, c.relname, '', min(o.label) from pg_depend d "
    "  join outside o on o.cls = d.refclassid and o.oid = d.refobjid "
    "  join pg_rewrite rw on d.classid = 'pg_rewrite'::regclass and rw.oid = d.objid "
    "  join pg_class c on c.oid = rw.ev_class join pg_namespace n on n.oid = c.relnamespace "
    "  where d.deptype = 'n' and c.oid <> d.refobjid and n.nspname = any(?::text[]) group by 1, 2, 3, 4 "
    "order by 1, 2, 3, 4";

// Takes out of table t the check, foreign key, index, default or generated expression (`kind`)
// named `object` that uses something outside the model, and reports it.
void leaveOut(Introspection& out, model::Table& t, const std::string& kind, const std::string& object,
              const std::string& name, const std::string& uses) {
    if (kind == "constraint") {
        bool dropped = std::erase_if(t.checks, [&](const model::Check& c) { return c.name == object; }) > 0;
        if (dropped) {
            out.unsupported.push_back("check " + name + " (uses " + uses + ")");
        } else if (std::erase_if(t.foreignKeys, [&](const model::ForeignKey& f) { return f.name == object; }) > 0) {
            out.unsupported.push_back("foreign key " + name + " (uses " + uses + ")");
        }
    } else if (kind == "index") {
        if (std::erase_if(t.indexes, [&](const model::Index& x) { return x.name == object; }) > 0)
            out.unsupported.push_back("index " + name + " (uses " + uses + ")");
    } else {
        for (auto& c : t.columns) {
            if (c.name != object) continue;
            if (kind == "generated") c.generated.reset();
            else c.defaultValue.reset();
            out.unsupported.push_back(kind + " " + name + " (uses " + uses + ")");
        }
    }
}

// A check, index, default or view that uses a function, collation, type or text search
// configuration the model cannot hold (or a partitioned, partition or foreign table) cannot
// be created from the model alone. Checks, indexes and defaults are left out here; the views
// that do are returned (view -> what it uses), to be kept as existing.
std::map<Key, std::string> leaveOutWhatUsesOutside(PgContext& ctx) {
    const std::string& schemas = ctx.schemas;
    auto r = ctx.db.query(std::string(kOutsideObjects) + kUsesOfOutsideObjects, {schemas, schemas, schemas, schemas});
    std::map<Key, std::string> existingViews;  // view -> what it uses
    for (std::size_t i = 0; i < r.size(); ++i) {
        const std::string kind = r.text(i, 0), object = r.text(i, 3), uses = r.text(i, 4);
        const Key key{r.text(i, 1), r.text(i, 2)};
        const std::string name = key.first + "." + key.second + (object.empty() ? "" : "." + object);
        if (kind == "view") {
            if (ctx.viewIndex.count(key)) existingViews[key] = uses;
            continue;
        }
        auto ti = ctx.tableIndex.find(key);
        if (ti == ctx.tableIndex.end()) continue;
        leaveOut(ctx.out, ctx.out.schema.tables[ti->second], kind, object, name, uses);
    }
    return existingViews;
}

// A view over a view that is not created is not created either.
void addViewsOverExisting(PgContext& ctx, std::map<Key, std::string>& existingViews) {
    // The schema's view rules first, materialized: joined straight to pg_depend the planner
    // misjudges the sizes and the query grows with the square of the catalog (2 s at 5000 tables).
    auto deps = ctx.db.query(
        "with rules as materialized (select rw.oid, rw.ev_class from pg_rewrite rw "
        "  join pg_class v on v.oid = rw.ev_class join pg_namespace vn on vn.oid = v.relnamespace "
        "  where v.relkind in ('v','m') and vn.nspname = any(?::text[])) "
        "select distinct vn.nspname, v.relname, un.nspname, u.relname from rules r "
        "join pg_depend d on d.classid = 'pg_rewrite'::regclass and d.objid = r.oid and d.deptype = 'n' "
        "  and d.refclassid = 'pg_class'::regclass "
        "join pg_class v on v.oid = r.ev_class join pg_namespace vn on vn.oid = v.relnamespace "
        "join pg_class u on u.oid = d.refobjid and u.oid <> v.oid and u.relkind in ('v','m') "
        "join pg_namespace un on un.oid = u.relnamespace",
        {ctx.schemas});
    for (bool grew = true; grew;) {
        grew = false;
        for (std::size_t i = 0; i < deps.size(); ++i) {
            Key view{deps.text(i, 0), deps.text(i, 1)}, used{deps.text(i, 2), deps.text(i, 3)};
            if (existingViews.count(used) && !existingViews.count(view) && ctx.viewIndex.count(view)) {
                existingViews[view] = "view " + used.first + "." + used.second;
                grew = true;
            }
        }
    }
}

// The views that cannot be created from the model are kept as existing: declared, never created.
void keepAsExisting(PgContext& ctx, const std::map<Key, std::string>& existingViews) {
    for (const auto& [key, uses] : existingViews) {
        model::View& v = ctx.out.schema.views[ctx.viewIndex.at(key)];
        v.isExisting = true;
        v.definition.reset();
        v.with.clear();
        v.withNoData.reset();
        v.using_.reset();
        v.tablespace.reset();
        ctx.out.unsupported.push_back(std::string(v.materialized ? "materialized view " : "view ") + key.first + "." +
                                      key.second + " (uses " + uses + ")");
    }
}

// ---- what the model cannot hold ----------------------------------------------------------
void reportUnmodelledObjects(PgContext& ctx) {
    const std::string& schemas = ctx.schemas;
    auto r = ctx.db.query(
        "select case p.prokind when 'a' then 'aggregate ' when 'p' then 'procedure ' else 'function ' end "
        "  || n.nspname || '.' || p.proname from pg_proc p "
        "  join pg_namespace n on n.oid = p.pronamespace "
        "  where n.nspname = any(?::text[]) and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e') "
        "union all select 'trigger ' || n.nspname || '.' || c.relname || '.' || tg.tgname from pg_trigger tg "
        "  join pg_class c on c.oid = tg.tgrelid join pg_namespace n on n.oid = c.relnamespace "
        "  where n.nspname = any(?::text[]) and not tg.tgisinternal "
        "  and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype = 'e') "
        "union all select 'domain ' || n.nspname || '.' || t.typname from pg_type t "
        "  join pg_namespace n on n.oid = t.typnamespace where n.nspname = any(?::text[]) and t.typtype = 'd' "
        "  and not exists (select 1 from pg_depend d where d.objid = t.oid and d.deptype = 'e') "
        "union all select 'type ' || n.nspname || '.' || t.typname from pg_type t "
        "  join pg_namespace n on n.oid = t.typnamespace where n.nspname = any(?::text[]) and t.typtype in ('c','r','m') "
        "  and (t.typtype <> 'c' or exists (select 1 from pg_class c where c.oid = t.typrelid and c.relkind = 'c')) "
        "  and not exists (select 1 from pg_depend d where d.objid = t.oid and d.deptype = 'e') "
        "union all select 'rule ' || n.nspname || '.' || c.relname || '.' || rw.rulename from pg_rewrite rw "
        "  join pg_class c on c.oid = rw.ev_class join pg_namespace n on n.oid = c.relnamespace "
        "  where n.nspname = any(?::text[]) and rw.rulename <> '_RETURN' "
        "  and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype = 'e') "
        "union all select 'collation ' || n.nspname || '.' || co.collname from pg_collation co "
        "  join pg_namespace n on n.oid = co.collnamespace where n.nspname = any(?::text[]) "
        "  and not exists (select 1 from pg_depend d where d.objid = co.oid and d.deptype = 'e') "
        "union all select 'text search configuration ' || n.nspname || '.' || cfg.cfgname from pg_ts_config cfg "
        "  join pg_namespace n on n.oid = cfg.cfgnamespace where n.nspname = any(?::text[]) "
        "  and not exists (select 1 from pg_depend d where d.objid = cfg.oid and d.deptype = 'e') "
        "union all select 'text search dictionary ' || n.nspname || '.' || dict.dictname from pg_ts_dict dict "
        "  join pg_namespace n on n.oid = dict.dictnamespace where n.nspname = any(?::text[]) "
        "  and not exists (select 1 from pg_depend d where d.objid = dict.oid and d.deptype = 'e') "
        // An inheritance child is read as a table of its own, with every column it inherited.
        "union all select 'inherited table ' || n.nspname || '.' || c.relname || ' (inherits ' || pn.nspname || '.' "
        "  || p.relname || ')' from pg_inherits i join pg_class c on c.oid = i.inhrelid "
        "  join pg_namespace n on n.oid = c.relnamespace join pg_class p on p.oid = i.inhparent "
        "  join pg_namespace pn on pn.oid = p.relnamespace where n.nspname = any(?::text[]) and not c.relispartition "
        "union all select 'comment on ' || case when ds.objsubid > 0 then 'column ' when c.relkind in ('v','m') "
        "  then 'view ' when c.relkind = 'i' then 'index ' when c.relkind = 'S' then 'sequence ' else 'table ' end "
        "  || n.nspname || '.' || c.relname || coalesce('.' || a.attname, '') from pg_description ds "
        "  join pg_class c on ds.classoid = 'pg_class'::regclass and c.oid = ds.objoid "
        "  join pg_namespace n on n.oid = c.relnamespace "
        "  left join pg_attribute a on a.attrelid = c.oid and a.attnum = ds.objsubid and ds.objsubid > 0 "
        "  where n.nspname = any(?::text[]) and c.relkind in ('r','p','v','m','i','S') "
        "union all select 'comment on constraint ' || n.nspname || '.' || c.relname || '.' || co.conname "
        "  from pg_description ds join pg_constraint co on ds.classoid = 'pg_constraint'::regclass and co.oid = ds.objoid "
        "  join pg_class c on c.oid = co.conrelid join pg_namespace n on n.oid = c.relnamespace "
        "  where n.nspname = any(?::text[]) "
        "union all select 'comment on type ' || n.nspname || '.' || t.typname from pg_description ds "
        "  join pg_type t on ds.classoid = 'pg_type'::regclass and t.oid = ds.objoid "
        "  join pg_namespace n on n.oid = t.typnamespace where n.nspname = any(?::text[]) and t.typtype = 'e' "
        "union all select 'statistics ' || n.nspname || '.' || st.stxname from pg_statistic_ext st "
        "  join pg_namespace n on n.oid = st.stxnamespace where n.nspname = any(?::text[]) "
        // initdb's own comment on public is not the schema's.
        "union all select 'comment on schema ' || n.nspname from pg_description ds "
        "  join pg_namespace n on ds.classoid = 'pg_namespace'::regclass and n.oid = ds.objoid "
        "  where n.nspname = any(?::text[]) and not (n.nspname = 'public' and ds.description = 'standard public schema') "
        "order by 1",
        {schemas, schemas, schemas, schemas, schemas, schemas, schemas, schemas, schemas, schemas, schemas, schemas, schemas,
         schemas});
    for (std::size_t i = 0; i < r.size(); ++i) ctx.out.unsupported.push_back(r.text(i, 0));
}

}  // namespace

void reportOutsideTheModel(PgContext& ctx) {
    // ---- what leans on objects outside the model ---------------------------------------------
    std::map<Key, std::string> existingViews = leaveOutWhatUsesOutside(ctx);
    addViewsOverExisting(ctx, existingViews);
    keepAsExisting(ctx, existingViews);
    reportUnmodelledObjects(ctx);
}

}  // namespace drizzle::kit::pg_introspect

// PostgreSQL constraints (primary keys, uniques, checks, foreign keys) and the indexes that back
// none of them, with the clauses the model has no place for reported.
#include <algorithm>
#include <string>
#include <vector>

#include "introspect/pg/pg_introspect_internal.hpp"

namespace drizzle::kit::pg_introspect {
namespace {

using nlohmann::json;

std::string onAction(const std::string& code) {
    if (code == "a") return "no action";
    if (code == "r") return "restrict";
    if (code == "c") return "cascade";
    if (code == "n") return "set null";
    if (code == "d") return "set default";
    return "no action";
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

// Row i of readConstraints' query: the clauses of the constraint that the model has no place for.
void reportConstraintClauses(PgContext& ctx, const driver::Rows& r, std::size_t i, const Key& key, const std::string& name,
                             const std::string& type) {
    // The model has no deferrable constraints: the constraint is kept, checked at once.
    if (flag(r, i, 13))
        ctx.out.unsupported.push_back("deferrable constraint " + key.first + "." + key.second + "." + name +
                                      (flag(r, i, 14) ? " (DEFERRABLE INITIALLY DEFERRED)" : " (DEFERRABLE)"));
    // Clauses of checks and foreign keys that the model has no place for.
    auto report = [&](const std::string& what) {
        const std::string kind = type == "c"   ? "check "
                                 : type == "f" ? "foreign key "
                                 : type == "p" ? "primary key "
                                               : "unique constraint ";
        ctx.out.unsupported.push_back(kind + key.first + "." + key.second + "." + name + " (" + what + ")");
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
            ctx.out.unsupported.push_back(*report);
}

// A primary key: one column under the name PostgreSQL would choose is the column's own key; any
// other name is kept as a named key.
void addPrimaryKey(model::Table& t, const std::string& name, const std::vector<std::string>& cols) {
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
}

model::ForeignKey foreignKeyFrom(const driver::Rows& r, std::size_t i, const model::Table& t, const std::string& name,
                                 const std::vector<std::string>& cols) {
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
    return fk;
}

// Row i of readConstraints' query, a constraint of table t.
void addConstraint(PgContext& ctx, const driver::Rows& r, std::size_t i, const Key& key, model::Table& t) {
    std::string name = r.text(i, 2), type = r.text(i, 3);
    reportConstraintClauses(ctx, r, i, key, name, type);
    std::vector<std::string> cols;
    for (const auto& c : js(r, i, 4)) cols.push_back(c.get<std::string>());
    if (type == "p") {
        addPrimaryKey(t, name, cols);
    } else if (type == "u") {
        t.uniqueConstraints.push_back({name, cols, flag(r, i, 11)});
    } else if (type == "c") {
        t.checks.push_back({name, checkBody(r.text(i, 10))});
    } else if (type == "f") {
        t.foreignKeys.push_back(foreignKeyFrom(r, i, t, name, cols));
    } else {
        ctx.out.unsupported.push_back("exclusion constraint " + key.first + "." + key.second + "." + name);
    }
}

// One key column of an index, from the JSON array readIndexes' query builds for it:
// [column name or null, expression, indoption, opclass, opclass is the default, collation].
model::IndexColumn indexColumnFrom(PgContext& ctx, const json& k, const std::string& qualified) {
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
        ctx.out.unsupported.push_back("index " + qualified + " (column " + ic.expression + " is COLLATE " +
                                      k[5].get<std::string>() + ")");
    return ic;
}

// Row i of readIndexes' query, an index of a table.
model::Index indexFrom(PgContext& ctx, const driver::Rows& r, std::size_t i, const Key& key) {
    model::Index idx;
    idx.name = r.text(i, 2);
    const std::string qualified = key.first + "." + key.second + "." + idx.name;
    if (auto report = includeReport("index", qualified, js(r, i, 8))) ctx.out.unsupported.push_back(*report);
    // Neither the model's indexes nor Drizzle's v7 snapshot have these.
    if (flag(r, i, 9)) ctx.out.unsupported.push_back("index " + qualified + " (NULLS NOT DISTINCT)");
    if (flag(r, i, 10)) ctx.out.unsupported.push_back("index " + qualified + " (CLUSTER)");
    idx.isUnique = flag(r, i, 3);
    idx.method = r.text(i, 4);
    if (!r.isNull(i, 5)) idx.where = r.text(i, 5);
    for (const auto& o : js(r, i, 6)) idx.with.push_back(splitOption(o.get<std::string>(), false));
    for (const auto& k : js(r, i, 7)) idx.columns.push_back(indexColumnFrom(ctx, k, qualified));
    return idx;
}

}  // namespace

// ---- constraints: primary keys, uniques, checks, foreign keys -----------------------------
void readConstraints(PgContext& ctx) {
    auto r = ctx.db.query(
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
        {ctx.schemas});
    for (std::size_t i = 0; i < r.size(); ++i) {
        Key key{r.text(i, 0), r.text(i, 1)};
        if (!r.isNull(i, 12)) ctx.constraintIndexes.insert(key.first + "." + r.text(i, 12));
        auto ti = ctx.tableIndex.find(key);
        if (ti == ctx.tableIndex.end()) continue;
        addConstraint(ctx, r, i, key, ctx.out.schema.tables[ti->second]);
    }
}

// ---- indexes (those not backing a constraint) --------------------------------------------
void readIndexes(PgContext& ctx) {
    auto r = ctx.db.query(
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
        {ctx.schemas});
    for (std::size_t i = 0; i < r.size(); ++i) {
        Key key{r.text(i, 0), r.text(i, 1)};
        auto ti = ctx.tableIndex.find(key);
        if (ti == ctx.tableIndex.end()) {
            // The model has no indexes on materialized views: reported, not dropped silently.
            if (ctx.viewIndex.count(key))
                ctx.out.unsupported.push_back("materialized view index " + key.first + "." + key.second + "." +
                                              r.text(i, 2));
            continue;
        }
        if (ctx.constraintIndexes.count(key.first + "." + r.text(i, 2))) continue;
        ctx.out.schema.tables[ti->second].indexes.push_back(indexFrom(ctx, r, i, key));
    }
}

}  // namespace drizzle::kit::pg_introspect

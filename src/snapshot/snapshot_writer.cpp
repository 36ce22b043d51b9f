// Model -> snapshot JSON, key for key in the order Drizzle Kit 0.31 writes them, so that a
// snapshot of ours and one of drizzle-kit's for the same schema are the same bytes.
#include <string>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "drizzle/kit/snapshot.hpp"
#include "snapshot/snapshot_json.hpp"

namespace drizzle::kit::snapshot {

namespace {

using model::Dialect;
using Json = nlohmann::ordered_json;

Json object() { return Json::object(); }

Json strings(const std::vector<std::string>& v) {
    Json a = Json::array();
    for (const auto& s : v) a.push_back(s);
    return a;
}

Json defaultJson(const model::DefaultValue& d) {
    switch (d.kind) {
        case model::DefaultValue::Kind::sql: return d.text;
        case model::DefaultValue::Kind::boolean: return d.text == "true";
        case model::DefaultValue::Kind::number: {
            // A number JSON would respell ("1.5e10" -> 15000000000.0, "1.50" -> 1.5) or cannot
            // hold (".5", "+1") is kept as its SQL text, so that the default survives byte for byte.
            Json n = Json::parse(d.text, nullptr, false);
            return !n.is_discarded() && n.is_number() && n.dump() == d.text ? n : Json(d.text);
        }
        case model::DefaultValue::Kind::json: return Json::parse(d.text);
    }
    return nullptr;
}

Json sequenceJson(const model::Sequence& s, bool withType, const std::string& type) {
    Json j = object();
    if (withType) j["type"] = type;
    j["name"] = s.name;
    j["schema"] = s.schema;
    if (s.increment) j["increment"] = *s.increment;
    if (s.startWith) j["startWith"] = *s.startWith;
    if (s.minValue) j["minValue"] = *s.minValue;
    if (s.maxValue) j["maxValue"] = *s.maxValue;
    if (s.cache) j["cache"] = *s.cache;
    if (s.cycle) j["cycle"] = *s.cycle;
    return j;
}

Json columnJson(const model::Column& c) {
    Json j = object();
    j["name"] = c.name;
    j["type"] = c.type;
    if (c.typeSchema) j["typeSchema"] = *c.typeSchema;
    j["primaryKey"] = c.primaryKey;
    j["notNull"] = c.notNull;
    if (c.autoincrement) j["autoincrement"] = *c.autoincrement;
    if (c.onUpdate) j["onUpdate"] = *c.onUpdate;
    if (c.generated) {
        Json g = object();
        g["as"] = c.generated->as;
        g["type"] = c.generated->type;
        j["generated"] = g;
    }
    if (c.identity) j["identity"] = sequenceJson(c.identity->sequence, true, c.identity->type);
    if (c.isUnique) j["isUnique"] = *c.isUnique;
    if (c.uniqueName) j["uniqueName"] = *c.uniqueName;
    if (c.nullsNotDistinct) j["nullsNotDistinct"] = *c.nullsNotDistinct;
    if (c.defaultValue) j["default"] = defaultJson(*c.defaultValue);
    return j;
}

Json columnsJson(const std::vector<model::Column>& cols) {
    Json j = object();
    for (const auto& c : cols) j[c.name] = columnJson(c);
    return j;
}

Json withJson(const std::vector<std::pair<std::string, std::string>>& with) {
    Json j = object();
    for (const auto& [k, v] : with) j[k] = Json::parse(v);
    return j;
}

Json indexJson(Dialect d, const model::Index& i) {
    Json j = object();
    j["name"] = i.name;
    Json cols = Json::array();
    for (const auto& c : i.columns) {
        if (d != Dialect::postgresql) {
            cols.push_back(c.expression);
            continue;
        }
        Json cj = object();
        cj["expression"] = c.expression;
        if (c.isExpression) {  // drizzle-kit builds expression columns with another key order
            cj["asc"] = c.asc;
            cj["isExpression"] = true;
        } else {
            cj["isExpression"] = false;
            cj["asc"] = c.asc;
        }
        if (c.nulls) cj["nulls"] = *c.nulls;
        if (c.opclass) cj["opclass"] = *c.opclass;
        cols.push_back(cj);
    }
    j["columns"] = cols;
    j["isUnique"] = i.isUnique;
    if (i.where) j["where"] = *i.where;
    if (d == Dialect::postgresql) {
        j["concurrently"] = i.concurrently;
        j["method"] = i.method;
        j["with"] = withJson(i.with);
    }
    if (d == Dialect::mysql) {
        if (i.using_) j["using"] = *i.using_;
        if (i.algorithm) j["algorithm"] = *i.algorithm;
        if (i.lock) j["lock"] = *i.lock;
    }
    return j;
}

Json foreignKeyJson(const model::ForeignKey& f) {
    Json j = object();
    j["name"] = f.name;
    j["tableFrom"] = f.tableFrom;
    j["tableTo"] = f.tableTo;
    if (f.schemaTo) j["schemaTo"] = *f.schemaTo;
    j["columnsFrom"] = strings(f.columnsFrom);
    j["columnsTo"] = strings(f.columnsTo);
    if (f.onDelete) j["onDelete"] = *f.onDelete;
    if (f.onUpdate) j["onUpdate"] = *f.onUpdate;
    return j;
}

Json policyJson(const model::Policy& p) {
    Json j = object();
    j["name"] = p.name;
    if (p.as) j["as"] = *p.as;
    if (p.for_) j["for"] = *p.for_;
    j["to"] = strings(p.to);
    if (p.using_) j["using"] = *p.using_;
    if (p.withCheck) j["withCheck"] = *p.withCheck;
    if (p.on) j["on"] = *p.on;
    if (p.schema) j["schema"] = *p.schema;
    return j;
}

Json tableJson(Dialect d, const model::Table& t) {
    Json j = object();
    j["name"] = t.name;
    if (traitsOf(d).schemas) j["schema"] = t.schema;
    j["columns"] = columnsJson(t.columns);
    Json idx = object();
    for (const auto& i : t.indexes) idx[i.name] = indexJson(d, i);
    j["indexes"] = idx;
    Json fks = object();
    for (const auto& f : t.foreignKeys) fks[f.name] = foreignKeyJson(f);
    j["foreignKeys"] = fks;
    Json pks = object();
    for (const auto& p : t.compositePrimaryKeys) {
        Json pj = object();
        if (d == Dialect::sqlite) {
            pj["columns"] = strings(p.columns);
            pj["name"] = p.name;
        } else {
            pj["name"] = p.name;
            pj["columns"] = strings(p.columns);
        }
        pks[p.name] = pj;
    }
    j["compositePrimaryKeys"] = pks;
    Json uqs = object();
    for (const auto& u : t.uniqueConstraints) {
        Json uj = object();
        uj["name"] = u.name;
        if (d == Dialect::postgresql) uj["nullsNotDistinct"] = u.nullsNotDistinct;
        uj["columns"] = strings(u.columns);
        uqs[u.name] = uj;
    }
    j["uniqueConstraints"] = uqs;
    if (d == Dialect::postgresql) {
        Json pol = object();
        for (const auto& p : t.policies) pol[p.name] = policyJson(p);
        j["policies"] = pol;
    }
    Json checks = object();
    for (const auto& c : t.checks) checks[c.name] = Json{{"name", c.name}, {"value", c.value}};
    j[d == Dialect::mysql ? "checkConstraint" : "checkConstraints"] = checks;
    if (d == Dialect::postgresql) j["isRLSEnabled"] = t.isRLSEnabled;
    return j;
}

Json viewJson(Dialect d, const model::View& v) {
    Json j = object();
    j["columns"] = columnsJson(v.columns);
    if (d == Dialect::postgresql) {
        if (v.definition) j["definition"] = *v.definition;
        j["name"] = v.name;
        j["schema"] = v.schema;
        j["isExisting"] = v.isExisting;
        if (!v.with.empty()) j["with"] = withJson(v.with);
        if (v.withNoData) j["withNoData"] = *v.withNoData;
        j["materialized"] = v.materialized;
        if (v.using_) j["using"] = *v.using_;
        if (v.tablespace) j["tablespace"] = *v.tablespace;
        return j;
    }
    j["name"] = v.name;
    j["isExisting"] = v.isExisting;
    if (v.definition) j["definition"] = *v.definition;
    if (d == Dialect::mysql) {
        if (v.withCheckOption) j["withCheckOption"] = *v.withCheckOption;
        j["algorithm"] = v.algorithm.value_or("undefined");
        j["sqlSecurity"] = v.sqlSecurity.value_or("definer");
    }
    return j;
}

Json renamesJson(const std::vector<std::pair<std::string, std::string>>& v) {
    Json j = object();
    for (const auto& [from, to] : v) j[from] = to;
    return j;
}

Json metaJson(Dialect d, const model::Renames& m) {
    Json j = object();
    if (d == Dialect::postgresql) {
        j["columns"] = renamesJson(m.columns);
        j["schemas"] = renamesJson(m.schemas);
        j["tables"] = renamesJson(m.tables);
    } else {
        j["schemas"] = renamesJson(m.schemas);
        j["tables"] = renamesJson(m.tables);
        j["columns"] = renamesJson(m.columns);
    }
    return j;
}

Json internalJson(Dialect d, const model::Internal& in) {
    Json j = object();
    Json tables = object();
    for (const auto& h : in.columns) {
        Json& col = tables[h.table]["columns"][h.column];
        if (col.is_null()) col = object();
        if (h.isArray) col["isArray"] = *h.isArray;
        if (h.dimensions) col["dimensions"] = *h.dimensions;
        if (h.rawType) col["rawType"] = *h.rawType;
        if (h.isDefaultAnExpression) col["isDefaultAnExpression"] = *h.isDefaultAnExpression;
    }
    if (d != Dialect::sqlite || !in.columns.empty()) j["tables"] = tables;
    if (d != Dialect::postgresql) {
        Json idx = object();
        for (const auto& h : in.indexes) idx[h.index]["columns"][h.column] = Json{{"isExpression", h.isExpression}};
        j["indexes"] = idx;
    }
    return j;
}

// An object keyed by name, filled in insertion order. ordered_json looks a key up linearly on
// every insert, which makes a schema of thousands of tables quadratic; this keeps its own index.
class KeyedObject {
public:
    void set(std::string k, Json value) {
        auto& entries = json_.get_ref<Json::object_t&>();
        if (auto it = at_.find(k); it != at_.end()) {
            entries.Container::operator[](it->second).second = std::move(value);
            return;
        }
        at_.emplace(k, entries.size());
        entries.Container::emplace_back(std::move(k), std::move(value));
    }
    Json take() { return std::move(json_); }

private:
    Json json_ = Json::object();
    std::unordered_map<std::string, std::size_t> at_;
};


}  // namespace

std::string_view versionFor(Dialect d) {
    switch (d) {
        case Dialect::postgresql: return "7";
        case Dialect::sqlite: return "6";
        case Dialect::mysql: return "5";
    }
    return "";
}

nlohmann::ordered_json toJson(const model::Schema& s) {
    const Dialect d = s.dialect;
    Json j = object();
    if (d == Dialect::postgresql) {
        j["id"] = s.id;
        j["prevId"] = s.prevId;
        j["version"] = versionFor(d);
        j["dialect"] = dialectName(d);
    } else {
        j["version"] = versionFor(d);
        j["dialect"] = dialectName(d);
        j["id"] = s.id;
        j["prevId"] = s.prevId;
    }
    KeyedObject tables;
    for (const auto& t : s.tables) tables.set(model::objectKey(d, t.schema, t.name), tableJson(d, t));
    j["tables"] = tables.take();
    KeyedObject viewsByName;
    for (const auto& v : s.views) viewsByName.set(model::objectKey(d, v.schema, v.name), viewJson(d, v));
    Json views = viewsByName.take();
    if (d == Dialect::postgresql) {
        Json enums = object();
        for (const auto& e : s.enums) enums[model::objectKey(d, e.schema, e.name)] = Json{{"name", e.name}, {"schema", e.schema}, {"values", strings(e.values)}};
        j["enums"] = enums;
        Json schemas = object();
        for (const auto& n : s.schemas) schemas[n] = n;
        j["schemas"] = schemas;
        Json seqs = object();
        for (const auto& q : s.sequences) seqs[model::objectKey(d, q.schema, q.name)] = sequenceJson(q, false, {});
        j["sequences"] = seqs;
        Json roles = object();
        for (const auto& r : s.roles) {
            Json rj = object();
            rj["name"] = r.name;
            if (r.createDb) rj["createDb"] = *r.createDb;
            if (r.createRole) rj["createRole"] = *r.createRole;
            if (r.inherit) rj["inherit"] = *r.inherit;
            roles[r.name] = rj;
        }
        j["roles"] = roles;
        Json policies = object();
        for (const auto& p : s.policies) policies[p.on ? *p.on + "." + p.name : p.name] = policyJson(p);
        j["policies"] = policies;
        j["views"] = views;
        j["_meta"] = metaJson(d, s.meta);
        if (s.internal.present) j["internal"] = internalJson(d, s.internal);
    } else {
        j["views"] = views;
        if (d == Dialect::sqlite) j["enums"] = object();
        j["_meta"] = metaJson(d, s.meta);
        if (s.internal.present) j["internal"] = internalJson(d, s.internal);
    }
    return j;
}

namespace {

// `text` (a value dumped at indent 0) as it reads nested `by` spaces deeper: JSON strings hold
// no raw newlines, so every newline starts a line of structure.
void appendIndented(std::string& out, const std::string& text, std::size_t by) {
    const std::string pad(by, ' ');
    for (char c : text) {
        out += c;
        if (c == '\n') out += pad;
    }
}

}  // namespace

// The same bytes as toJson(s).dump(2), but each table is built, dumped and freed on its own:
// one JSON tree for a schema of thousands of tables costs more in allocation than in writing.
std::string write(const model::Schema& s) {
    model::Schema shell = s;
    shell.tables.clear();
    std::string top = toJson(shell).dump(2, ' ', false);
    if (s.tables.empty()) return top;
    const std::string marker = "\n  \"tables\": {}";
    const std::size_t at = top.find(marker);
    std::string tables = "\n  \"tables\": {";
    bool first = true;
    for (const auto& t : s.tables) {
        tables += first ? "\n    " : ",\n    ";
        first = false;
        const std::string key = model::objectKey(s.dialect, t.schema, t.name);
        tables += Json(key).dump() + ": ";
        appendIndented(tables, tableJson(s.dialect, t).dump(2, ' ', false), 4);
    }
    tables += "\n  }";
    return top.replace(at, marker.size(), tables);
}

}  // namespace drizzle::kit::snapshot

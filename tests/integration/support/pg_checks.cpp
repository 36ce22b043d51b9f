// PostgreSQL: every object of the schema model, compared with what pg_catalog says (see pg.hpp).
#include <algorithm>
#include <set>

#include "support/pg.hpp"

namespace drizzle::integration::pg {

namespace {

using nlohmann::json;

std::string text(const json& j) {
    if (j.is_null()) return "(none)";
    if (j.is_string()) return j.get<std::string>();
    return j.dump();
}

std::string tableName(const std::string& schema, const std::string& name) { return schemaOf(schema) + "." + name; }

const json* findRelation(const Catalog& c, const std::string& schema, const std::string& name) {
    for (const auto& r : c.data["relations"])
        if (r["schema"] == schema && r["name"] == name) return &r;
    return nullptr;
}

const json* findColumn(const json& relation, const std::string& name) {
    for (const auto& c : relation["columns"])
        if (c["name"] == name) return &c;
    return nullptr;
}

std::vector<const json*> rowsOf(const Catalog& c, const char* family, const std::string& schema, const std::string& table) {
    std::vector<const json*> out;
    for (const auto& r : c.data[family])
        if (r["schema"] == schema && r["table"] == table) out.push_back(&r);
    return out;
}

std::vector<std::string> strings(const json& array) {
    std::vector<std::string> out;
    for (const auto& v : array) out.push_back(v.get<std::string>());
    return out;
}

// The server's text for a declared expression, or a finding that says why there is none.
std::optional<std::string> normalised(const Catalog& c, const std::string& key, const std::string& what,
                                      const std::string& declared, Findings& f) {
    auto it = c.normalised.find(key);
    if (it != c.normalised.end()) return it->second;
    f.add(what + ": the server rejected the declared expression `" + declared + "` on its own:\n" + c.probeErrors);
    return std::nullopt;
}

// ---- types ------------------------------------------------------------------------------------

// "varchar(10)[][]" -> "varchar(10)", 2.
std::pair<std::string, int> splitArray(std::string type) {
    int dims = 0;
    for (;;) {
        type = trim(type);
        if (type.empty() || type.back() != ']') break;
        const auto open = type.rfind('[');
        if (open == std::string::npos) break;
        type.resize(open);
        ++dims;
    }
    return {type, dims};
}

// "(10, 2)" at the start of `s` -> {"10", "2"}; the rest of `s` after it in `rest`.
std::vector<std::string> parenArgs(std::string_view s, std::string_view& rest) {
    std::vector<std::string> args;
    const auto first = s.find_first_not_of(' ');
    s = first == std::string_view::npos ? std::string_view{} : s.substr(first);
    if (s.empty() || s.front() != '(') {
        rest = s;
        return args;
    }
    const auto close = s.find(')');
    std::string inner(s.substr(1, close - 1));
    rest = s.substr(close + 1);
    std::size_t start = 0;
    for (std::size_t comma; (comma = inner.find(',', start)) != std::string::npos; start = comma + 1)
        args.push_back(trim(inner.substr(start, comma - start)));
    args.push_back(trim(inner.substr(start)));
    return args;
}

// True when `type` is the type name `base`, alone or followed by modifiers: "time(3)", not "timetz".
bool isType(std::string_view type, std::string_view base) {
    return type.starts_with(base) && (type.size() == base.size() || type[base.size()] == '(' || type[base.size()] == ' ');
}

// A type as Drizzle spells it, as format_type() prints it: varchar(256) -> character varying(256).
std::string catalogSpelling(const std::string& drizzleType) {
    const std::string l = lower(trim(drizzleType));
    std::string_view rest;
    if (l == "serial") return "integer";
    if (l == "smallserial") return "smallint";
    if (l == "bigserial") return "bigint";
    if (isType(l, "varchar")) return "character varying" + l.substr(7);
    if (l == "char") return "character(1)";
    if (isType(l, "char")) return "character" + l.substr(4);
    if (isType(l, "numeric") || isType(l, "decimal")) {
        auto args = parenArgs(std::string_view(l).substr(7), rest);
        if (args.empty()) return "numeric";
        return "numeric(" + args[0] + "," + (args.size() > 1 ? args[1] : "0") + ")";
    }
    for (std::string_view base : {"timestamp", "time"}) {
        if (!isType(l, base)) continue;
        auto args = parenArgs(std::string_view(l).substr(base.size()), rest);
        const bool tz = trim(rest) == "with time zone";
        return std::string(base) + (args.empty() ? "" : "(" + args[0] + ")") + (tz ? " with time zone" : " without time zone");
    }
    return trim(drizzleType);
}

void checkColumnType(const std::string& what, const model::Column& c, const json& col, Findings& f) {
    auto [base, dims] = splitArray(c.type);
    f.expectEqual(what + " array dimensions", std::to_string(dims), std::to_string(col["dims"].get<int>()));
    if (c.typeSchema) {
        f.expectTrue(col["enum"].get<bool>(), what + ": declared as enum " + *c.typeSchema + "." + base +
                                                   ", the database has type " + text(col["type"]));
        f.expectEqual(what + " enum", *c.typeSchema + "." + base, text(col["typeSchema"]) + "." + text(col["typeName"]));
        return;
    }
    std::string actual = col["type"];
    if (dims > 0 && actual.ends_with("[]")) actual.resize(actual.size() - 2);
    std::string expected = catalogSpelling(base);
    // PostGIS prints the geometry type capitalised: geometry(Point,4326).
    if (expected.starts_with("geometry") || expected.starts_with("geography")) actual = lower(actual);
    f.expectEqual(what + " type", expected + (dims ? "[]" : ""), actual + (dims ? "[]" : ""));
}

bool isSerial(const model::Column& c) {
    const std::string t = lower(c.type);
    return t == "serial" || t == "smallserial" || t == "bigserial";
}

const json* ownedSequence(const Catalog& c, const std::string& schema, const std::string& table, const std::string& column) {
    for (const auto& s : c.data["sequences"]) {
        const json& o = s["ownedBy"];
        if (!o.is_null() && o["schema"] == schema && o["table"] == table && o["column"] == column) return &s;
    }
    return nullptr;
}

void checkSequenceOptions(const std::string& what, const model::Sequence& m, const json& s, Findings& f) {
    auto expect = [&](const char* field, const std::optional<std::string>& declared) {
        if (declared) f.expectEqual(what + " " + field, *declared, text(s[field]));
    };
    expect("increment", m.increment);
    expect("min", m.minValue);
    expect("max", m.maxValue);
    expect("start", m.startWith);
    expect("cache", m.cache);
    f.expectEqual(what + " cycle", m.cycle.value_or(false) ? "true" : "false", text(s["cycle"]));
}

void checkColumn(const Catalog& cat, const model::Table& t, const model::Column& c, const json& col, Findings& f) {
    const std::string s = schemaOf(t.schema);
    const std::string what = "column " + tableName(t.schema, t.name) + "." + c.name;
    checkColumnType(what, c, col, f);
    const bool notNull = c.notNull || c.primaryKey || c.identity.has_value();
    f.expectEqual(what + " NOT NULL", notNull ? "true" : "false", text(col["notNull"]));

    const std::string identity = !c.identity ? "" : c.identity->type == "always" ? "a" : "d";
    f.expectEqual(what + " identity (a = always, d = by default)", identity.empty() ? "(none)" : identity,
                  col["identity"] == "" ? "(none)" : text(col["identity"]));
    if (c.identity) {
        const model::Sequence& m = c.identity->sequence;
        const json* seq = ownedSequence(cat, s, t.name, c.name);
        if (!seq) {
            f.add(what + ": the identity sequence " + m.name + " is missing");
        } else {
            f.expectEqual(what + " identity sequence", schemaOf(m.schema) + "." + m.name,
                          text((*seq)["schema"]) + "." + text((*seq)["name"]));
            f.expectEqual(what + " identity sequence type", catalogSpelling(splitArray(c.type).first),
                          text((*seq)["type"]));
            checkSequenceOptions(what + " identity sequence", m, *seq, f);
        }
    }

    const std::string generated = c.generated ? "s" : "";
    f.expectEqual(what + " generated (s = stored)", generated.empty() ? "(none)" : generated,
                  col["generated"] == "" ? "(none)" : text(col["generated"]));
    if (c.generated) {
        if (auto e = normalised(cat, generatedKey(s, t.name, c.name), what + " generated expression", c.generated->as, f))
            f.expectEqual(what + " generated expression", *e, text(col["expr"]));
        return;
    }
    if (c.defaultValue || isSerial(c)) {
        const std::string declared = c.defaultValue ? c.defaultValue->text : "nextval of its own sequence";
        if (auto e = normalised(cat, defaultKey(s, t.name, c.name), what + " default", declared, f))
            f.expectEqual(what + " default", *e, text(col["expr"]));
        if (isSerial(c)) {
            const json* seq = ownedSequence(cat, s, t.name, c.name);
            f.expectTrue(seq && (*seq)["ownedBy"]["how"] == "a", what + ": a serial column needs a sequence owned by it");
        }
    } else {
        f.expectEqual(what + " default", "(none)", text(col["expr"]));
    }
}

std::string actionCode(const std::optional<std::string>& action) {
    const std::string a = lower(action.value_or("no action"));
    if (a == "cascade") return "c";
    if (a == "restrict") return "r";
    if (a == "set null") return "n";
    if (a == "set default") return "d";
    return "a";
}

// A storage parameter as reloptions lists it: fillfactor=70; the model keeps JSON literals.
std::string relOption(const std::string& name, const std::string& jsonValue) {
    const json v = json::parse(jsonValue, nullptr, false);
    return name + "=" + (v.is_string() ? v.get<std::string>() : jsonValue);
}

std::string snakeCase(std::string_view camel) {
    std::string out;
    for (char c : camel) {
        if (std::isupper(static_cast<unsigned char>(c))) out += '_';
        out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return out;
}

std::vector<std::string> sorted(std::vector<std::string> v) {
    std::sort(v.begin(), v.end());
    return v;
}

bool declaredTable(const model::Schema& m, const std::string& schema, const std::string& name) {
    return std::any_of(m.tables.begin(), m.tables.end(),
                       [&](const model::Table& t) { return schemaOf(t.schema) == schema && t.name == name; });
}

}  // namespace

Findings checkTablesAndColumns(const model::Schema& m, const Catalog& cat) {
    Findings f;
    for (const auto& t : m.tables) {
        const std::string what = "table " + tableName(t.schema, t.name);
        const json* rel = findRelation(cat, schemaOf(t.schema), t.name);
        if (!rel || (*rel)["kind"] != "r") {
            f.add(what + " is missing");
            continue;
        }
        std::vector<std::string> declared, actual;
        for (const auto& c : t.columns) declared.push_back(c.name);
        for (const auto& c : (*rel)["columns"]) actual.push_back(c["name"]);
        f.expectEqual(what + " columns, in order", listText(declared), listText(actual));
        for (const auto& c : t.columns)
            if (const json* col = findColumn(*rel, c.name)) checkColumn(cat, t, c, *col, f);
    }
    for (const auto& r : cat.data["relations"])
        if ((r["kind"] == "r" || r["kind"] == "p") && !declaredTable(m, r["schema"], r["name"]))
            f.add("table " + text(r["schema"]) + "." + text(r["name"]) + " exists but is not declared");
    return f;
}

Findings checkConstraints(const model::Schema& m, const Catalog& cat) {
    Findings f;
    for (const auto& t : m.tables) {
        const std::string s = schemaOf(t.schema);
        if (!findRelation(cat, s, t.name)) continue;  // reported by checkTablesAndColumns
        struct Expected {
            std::string type, name;
            std::vector<std::string> columns;
            const model::ForeignKey* fk = nullptr;
            const model::Check* check = nullptr;
            bool nullsNotDistinct = false;
        };
        std::vector<Expected> expected;
        std::vector<std::string> pkColumns;
        for (const auto& c : t.columns)
            if (c.primaryKey) pkColumns.push_back(c.name);
        if (!pkColumns.empty()) expected.push_back({"p", t.name + "_pkey", pkColumns});
        else if (!t.compositePrimaryKeys.empty())
            expected.push_back({"p", t.compositePrimaryKeys.front().name, t.compositePrimaryKeys.front().columns});
        for (const auto& c : t.columns)
            if (c.isUnique.value_or(false))
                expected.push_back({"u", c.uniqueName.value_or(t.name + "_" + c.name + "_unique"), {c.name}, nullptr, nullptr,
                                    c.nullsNotDistinct.value_or(false)});
        for (const auto& u : t.uniqueConstraints)
            expected.push_back({"u", u.name, u.columns, nullptr, nullptr, u.nullsNotDistinct});
        for (const auto& fk : t.foreignKeys) expected.push_back({"f", fk.name, fk.columnsFrom, &fk});
        for (const auto& k : t.checks) expected.push_back({"c", k.name, {}, nullptr, &k});

        const auto actual = rowsOf(cat, "constraints", s, t.name);
        for (const auto& e : expected) {
            const std::string what = "table " + tableName(t.schema, t.name) + " constraint " + inQuotes(e.name);
            auto it = std::find_if(actual.begin(), actual.end(), [&](const json* a) { return (*a)["name"] == e.name; });
            if (it == actual.end()) {
                f.add(what + " is missing");
                continue;
            }
            const json& a = **it;
            f.expectEqual(what + " kind (p, u, f, c)", e.type, text(a["type"]));
            if (e.type != "c") f.expectEqual(what + " columns", listText(e.columns), listText(strings(a["columns"])));
            if (e.type == "u")
                f.expectEqual(what + " NULLS NOT DISTINCT", e.nullsNotDistinct ? "true" : "false", text(a["nullsNotDistinct"]));
            if (e.fk) {
                f.expectEqual(what + " references", schemaOf(e.fk->schemaTo.value_or("")) + "." + e.fk->tableTo,
                              text(a["refSchema"]) + "." + text(a["refTable"]));
                f.expectEqual(what + " referenced columns", listText(e.fk->columnsTo), listText(strings(a["refColumns"])));
                f.expectEqual(what + " ON DELETE (a = no action, r = restrict, c = cascade, n = set null, d = set default)",
                              actionCode(e.fk->onDelete), text(a["onDelete"]));
                f.expectEqual(what + " ON UPDATE (a = no action, r = restrict, c = cascade, n = set null, d = set default)",
                              actionCode(e.fk->onUpdate), text(a["onUpdate"]));
            }
            if (e.check) {
                if (auto n = normalised(cat, checkKey(s, t.name, e.name), what, e.check->value, f))
                    f.expectEqual(what + " expression", *n, text(a["expr"]));
            }
            f.expectEqual(what + " validated", "true", text(a["validated"]));
        }
        for (const json* a : actual) {
            const std::string name = (*a)["name"];
            if (std::none_of(expected.begin(), expected.end(), [&](const Expected& e) { return e.name == name; }))
                f.add("table " + tableName(t.schema, t.name) + " has constraint " + inQuotes(name) + " (" +
                      text((*a)["type"]) + ") that is not declared");
        }
    }
    return f;
}

Findings checkIndexes(const model::Schema& m, const Catalog& cat) {
    Findings f;
    for (const auto& t : m.tables) {
        const std::string s = schemaOf(t.schema);
        if (!findRelation(cat, s, t.name)) continue;
        std::vector<const json*> actual;
        for (const json* a : rowsOf(cat, "indexes", s, t.name))
            if (!(*a)["constraint"].get<bool>()) actual.push_back(a);
        for (const auto& idx : t.indexes) {
            const std::string what = "index " + s + "." + idx.name;
            auto it = std::find_if(actual.begin(), actual.end(), [&](const json* a) { return (*a)["name"] == idx.name; });
            if (it == actual.end()) {
                f.add(what + " on " + tableName(t.schema, t.name) + " is missing");
                continue;
            }
            const json& a = **it;
            f.expectEqual(what + " unique", idx.isUnique ? "true" : "false", text(a["unique"]));
            f.expectEqual(what + " method", idx.method.empty() ? "btree" : lower(idx.method), text(a["method"]));
            f.expectEqual(what + " is valid (built completely)", "true", text(a["valid"]));
            f.expectEqual(what + " NULLS NOT DISTINCT", "false", text(a["nullsNotDistinct"]));
            std::vector<std::string> options;
            for (const auto& [k, v] : idx.with) options.push_back(relOption(k, v));
            f.expectEqual(what + " storage parameters", listText(sorted(options)), listText(sorted(strings(a["options"]))));
            if (idx.where && !idx.where->empty()) {
                if (auto n = normalised(cat, indexWhereKey(s, idx.name), what + " WHERE", *idx.where, f))
                    f.expectEqual(what + " WHERE", *n, text(a["where"]));
            } else {
                f.expectEqual(what + " WHERE", "(none)", text(a["where"]));
            }
            const json& cols = a["columns"];
            f.expectEqual(what + " column count", std::to_string(idx.columns.size()), std::to_string(cols.size()));
            for (std::size_t i = 0; i < idx.columns.size() && i < cols.size(); ++i) {
                const auto& mc = idx.columns[i];
                const json& ac = cols[i];
                const std::string cw = what + " column " + std::to_string(i + 1);
                if (mc.isExpression) {
                    f.expectTrue(ac["column"].is_null(), cw + ": declared as the expression " + mc.expression +
                                                             ", the database has column " + text(ac["column"]));
                    if (auto n = normalised(cat, indexExpressionKey(s, idx.name, i), cw, mc.expression, f))
                        f.expectEqual(cw + " expression", *n, text(ac["definition"]));
                } else {
                    f.expectEqual(cw, mc.expression, text(ac["column"]));
                }
                f.expectEqual(cw + " DESC", mc.asc ? "false" : "true", text(ac["desc"]));
                const bool nullsFirst = mc.nulls ? *mc.nulls == "first" : !mc.asc;
                f.expectEqual(cw + " NULLS FIRST", nullsFirst ? "true" : "false", text(ac["nullsFirst"]));
                if (mc.opclass && !mc.opclass->empty())
                    f.expectEqual(cw + " operator class", *mc.opclass, text(ac["opclass"]));
                else
                    f.expectTrue(ac["opclassDefault"].get<bool>(), cw + ": declared with the default operator class, the "
                                                                        "database has " + text(ac["opclass"]));
            }
        }
        for (const json* a : actual) {
            const std::string name = (*a)["name"];
            if (std::none_of(t.indexes.begin(), t.indexes.end(), [&](const model::Index& i) { return i.name == name; }))
                f.add("table " + tableName(t.schema, t.name) + " has index " + inQuotes(name) + " that is not declared");
        }
    }
    return f;
}

Findings checkSchemasEnumsSequences(const model::Schema& m, const Catalog& cat) {
    Findings f;
    const auto schemas = strings(cat.data["schemas"]);
    for (const auto& s : m.schemas)
        f.expectTrue(std::find(schemas.begin(), schemas.end(), s) != schemas.end(), "schema " + s + " is missing");
    for (const auto& s : schemas)
        f.expectTrue(s == "public" || std::find(m.schemas.begin(), m.schemas.end(), s) != m.schemas.end(),
                     "schema " + s + " exists but is not declared");

    for (const auto& e : m.enums) {
        const std::string what = "enum " + schemaOf(e.schema) + "." + e.name;
        const json* found = nullptr;
        for (const auto& a : cat.data["enums"])
            if (a["schema"] == schemaOf(e.schema) && a["name"] == e.name) found = &a;
        if (!found) {
            f.add(what + " is missing");
            continue;
        }
        f.expectEqual(what + " values, in order", listText(e.values), listText(strings((*found)["values"])));
    }
    for (const auto& a : cat.data["enums"])
        f.expectTrue(std::any_of(m.enums.begin(), m.enums.end(),
                                 [&](const model::Enum& e) { return schemaOf(e.schema) == a["schema"] && e.name == a["name"]; }),
                     "enum " + text(a["schema"]) + "." + text(a["name"]) + " exists but is not declared");

    for (const auto& s : m.sequences) {
        const std::string what = "sequence " + schemaOf(s.schema) + "." + s.name;
        const json* found = nullptr;
        for (const auto& a : cat.data["sequences"])
            if (a["schema"] == schemaOf(s.schema) && a["name"] == s.name) found = &a;
        if (!found) {
            f.add(what + " is missing");
            continue;
        }
        f.expectTrue((*found)["ownedBy"].is_null(), what + " is owned by a column; a declared sequence stands alone");
        // A sequence declared with no AS clause is a bigint sequence.
        f.expectEqual(what + " type", "bigint", text((*found)["type"]));
        checkSequenceOptions(what, s, *found, f);
    }
    for (const auto& a : cat.data["sequences"]) {
        if (!a["ownedBy"].is_null()) continue;  // serial and identity sequences: checked with their columns
        f.expectTrue(std::any_of(m.sequences.begin(), m.sequences.end(),
                                 [&](const model::Sequence& s) { return schemaOf(s.schema) == a["schema"] && s.name == a["name"]; }),
                     "sequence " + text(a["schema"]) + "." + text(a["name"]) + " exists but is not declared");
    }
    return f;
}

Findings checkViews(const model::Schema& m, const Catalog& cat) {
    Findings f;
    for (const auto& v : m.views) {
        const std::string s = schemaOf(v.schema);
        const std::string what = std::string(v.materialized ? "materialized view " : "view ") + s + "." + v.name;
        const json* rel = findRelation(cat, s, v.name);
        if (v.isExisting) {
            f.expectTrue(rel == nullptr, what + " is declared .existing() but the export created it");
            continue;
        }
        if (!rel) {
            f.add(what + " is missing");
            continue;
        }
        const json& r = *rel;
        f.expectEqual(what + " kind (v = view, m = materialized)", v.materialized ? "m" : "v", text(r["kind"]));
        std::vector<std::string> options;
        for (const auto& [k, val] : v.with) options.push_back(relOption(snakeCase(k), val));
        f.expectEqual(what + " options", listText(sorted(options)), listText(sorted(strings(r["options"]))));
        if (v.materialized) {
            f.expectEqual(what + " populated", v.withNoData.value_or(false) ? "false" : "true", text(r["populated"]));
            f.expectEqual(what + " access method", v.using_.value_or("heap"), text(r["am"]));
            const std::string defaultSpace = cat.data["defaultTablespace"];
            f.expectEqual(what + " tablespace", v.tablespace.value_or(defaultSpace),
                          r["tablespace"].is_null() ? defaultSpace : text(r["tablespace"]));
        }
        if (v.definition) {
            if (auto n = normalised(cat, viewKey(s, v.name), what + " query", *v.definition, f))
                f.expectEqual(what + " query", *n, text(r["definition"]));
        }
        for (const auto& c : v.columns) {
            const json* col = findColumn(r, c.name);
            if (!col) {
                f.add(what + ": declared column " + inQuotes(c.name) + " is missing");
                continue;
            }
            checkColumnType(what + " column " + c.name, c, *col, f);
        }
    }
    for (const auto& r : cat.data["relations"]) {
        if (r["kind"] != "v" && r["kind"] != "m") continue;
        f.expectTrue(std::any_of(m.views.begin(), m.views.end(),
                                 [&](const model::View& v) { return schemaOf(v.schema) == r["schema"] && v.name == r["name"]; }),
                     "view " + text(r["schema"]) + "." + text(r["name"]) + " exists but is not declared");
    }
    return f;
}

Findings checkRolesPoliciesRls(const model::Schema& m, const Catalog& cat) {
    Findings f;
    for (const auto& role : m.roles) {
        const std::string what = "role " + role.name;
        const json* found = nullptr;
        for (const auto& a : cat.data["roles"])
            if (a["name"] == role.name) found = &a;
        if (!found) {
            f.add(what + " is missing");
            continue;
        }
        f.expectEqual(what + " CREATEDB", role.createDb.value_or(false) ? "true" : "false", text((*found)["createDb"]));
        f.expectEqual(what + " CREATEROLE", role.createRole.value_or(false) ? "true" : "false", text((*found)["createRole"]));
        f.expectEqual(what + " INHERIT", role.inherit.value_or(true) ? "true" : "false", text((*found)["inherit"]));
    }
    if (!m.policies.empty())
        f.add(std::to_string(m.policies.size()) + " policies are linked to tables from outside; this test does not check "
              "those yet");

    const std::string currentUser = cat.data["currentUser"];
    for (const auto& t : m.tables) {
        const std::string s = schemaOf(t.schema);
        const json* rel = findRelation(cat, s, t.name);
        if (!rel) continue;
        // Drizzle enables row level security on every table that has policies.
        const bool rls = t.isRLSEnabled || !t.policies.empty();
        f.expectEqual("table " + tableName(t.schema, t.name) + " row level security", rls ? "true" : "false",
                      text((*rel)["rls"]));
        const auto actual = rowsOf(cat, "policies", s, t.name);
        for (const auto& p : t.policies) {
            const std::string what = "policy " + inQuotes(p.name) + " on " + tableName(t.schema, t.name);
            auto it = std::find_if(actual.begin(), actual.end(), [&](const json* a) { return (*a)["name"] == p.name; });
            if (it == actual.end()) {
                f.add(what + " is missing");
                continue;
            }
            const json& a = **it;
            f.expectEqual(what + " AS", upper(p.as.value_or("permissive")), text(a["permissive"]));
            f.expectEqual(what + " FOR", upper(p.for_.value_or("all")), text(a["cmd"]));
            std::vector<std::string> roles;
            for (const auto& r : p.to)
                roles.push_back(r == "current_user" || r == "current_role" || r == "session_user" ? currentUser : r);
            if (roles.empty()) roles.push_back("public");
            f.expectEqual(what + " TO", listText(sorted(roles)), listText(sorted(strings(a["roles"]))));
            if (p.using_ && !p.using_->empty()) {
                if (auto n = normalised(cat, policyUsingKey(s, t.name, p.name), what + " USING", *p.using_, f))
                    f.expectEqual(what + " USING", *n, text(a["qual"]));
            } else {
                f.expectEqual(what + " USING", "(none)", text(a["qual"]));
            }
            if (p.withCheck && !p.withCheck->empty()) {
                if (auto n = normalised(cat, policyCheckKey(s, t.name, p.name), what + " WITH CHECK", *p.withCheck, f))
                    f.expectEqual(what + " WITH CHECK", *n, text(a["withCheck"]));
            } else {
                f.expectEqual(what + " WITH CHECK", "(none)", text(a["withCheck"]));
            }
        }
        for (const json* a : actual) {
            const std::string name = (*a)["name"];
            f.expectTrue(std::any_of(t.policies.begin(), t.policies.end(), [&](const model::Policy& p) { return p.name == name; }),
                         "table " + tableName(t.schema, t.name) + " has policy " + inQuotes(name) + " that is not declared");
        }
    }
    return f;
}

}  // namespace drizzle::integration::pg

// schema.hpp: row structs, then schemas, enums, sequences and roles, then tables and views,
// each declared with the dialect's DSL exactly as the model describes it. Names the DSL would
// give by default are left out, so the code reads like code a person wrote.
#include <algorithm>
#include <charconv>
#include <map>
#include <set>
#include <sstream>

#include "codegen/codegen_internal.hpp"
#include "codegen/column_code.hpp"
#include "codegen/naming.hpp"
#include "schema/sql_types.hpp"

namespace drizzle::codegen {

namespace {

std::string join(const std::vector<std::string>& v, std::string_view sep) {
    std::string s;
    for (std::size_t i = 0; i < v.size(); ++i) s += (i ? std::string(sep) : "") + v[i];
    return s;
}

std::string lowerCase(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

std::optional<std::int64_t> toInt64(const std::optional<std::string>& s) {
    if (!s) return std::nullopt;
    std::int64_t v = 0;
    auto [end, ec] = std::from_chars(s->data(), s->data() + s->size(), v);
    if (ec != std::errc() || end != s->data() + s->size()) return std::nullopt;
    return v;
}

// The JSON literal of a WITH option as the DSL's option text: "\"cascaded\"" -> cascaded.
std::string unquoteJson(const std::string& v) {
    return v.size() >= 2 && v.front() == '"' && v.back() == '"' ? v.substr(1, v.size() - 2) : v;
}

// A declaration longer than a line, as a person would break it: one chained call per line.
// `indent` is the column the declaration starts at.
// `depth` is the bracket depth `code` starts at, for a tail such as "}).with(...)".
constexpr std::size_t kWidth = 110;
std::string wrapped(const std::string& code, std::size_t indent, int depth = 0) {
    if (indent + code.size() <= kWidth) return code;
    std::string out;
    for (std::size_t i = 0; i < code.size(); ++i) {
        const char c = code[i];
        // Copy a string literal whole, in either form literal() writes: a raw string ends at
        // )delimiter", an ordinary one at a quote that no backslash escapes.
        if (c == '"') {
            std::size_t end;
            if (i > 0 && code[i - 1] == 'R') {
                const std::size_t open = code.find('(', i);
                const std::string delimiter = code.substr(i + 1, open - i - 1);
                end = code.find(")" + delimiter + "\"", open) + delimiter.size() + 1;
            } else {
                end = i + 1;
                while (end < code.size() && code[end] != '"') end += code[end] == '\\' ? 2 : 1;
            }
            out += code.substr(i, end - i + 1);
            i = end;
            continue;
        }
        if (c == '(' || c == '{') ++depth;
        if (c == ')' || c == '}') --depth;
        if (c == '.' && depth == 0 && i > 0 && code[i - 1] == ')') out += "\n" + std::string(indent + 4, ' ');
        out += c;
    }
    return out;
}

class SchemaWriter {
public:
    SchemaWriter(const model::Schema& s, const kit::CodegenOptions& o, const Names& n, std::vector<std::string>& notes)
        : s_(s), o_(o), n_(n), ns_(n.ns), notes_(notes) {
        for (const auto& t : s_.tables) tables_[keyOf(t)] = &t;
    }

    std::string run() {
        prepareColumns();
        header();
        out_ << "namespace " << o_.cppNamespace << " {\n";
        out_ << "namespace " << ns_ << " = drizzle::" << ns_ << ";\n";
        declarations();
        for (const auto& t : s_.tables) rowStruct(keyOf(t), t.columns);
        for (const auto& v : s_.views) rowStruct(viewKey(v), v.columns);
        for (const auto& t : s_.tables) table(t);
        for (const auto& v : s_.views) view(v);
        out_ << "\n}  // namespace " << o_.cppNamespace << "\n";
        return out_.str();
    }

private:
    static TableKey viewKey(const model::View& v) { return tableKey(v.schema, v.name); }

    std::string sql(const std::string& text) const { return ns_ + "::sql(" + literal(text) + ")"; }

    void note(const std::string& where, const std::string& what) { notes_.push_back(where + ": " + what); }

    void prepareColumns() {
        for (const auto& t : s_.tables)
            for (const auto& c : t.columns) columns_[keyOf(t)][c.name] = code(c);
        for (const auto& v : s_.views)
            for (const auto& c : v.columns) columns_[viewKey(v)][c.name] = code(c);
    }

    ColumnCode code(const model::Column& c) const {
        std::string enumVar, enumName;
        if (c.typeSchema) {
            std::string base = c.type;
            while (base.size() > 2 && base.substr(base.size() - 2) == "[]") base.resize(base.size() - 2);
            auto it = n_.enumVariable.find(tableKey(*c.typeSchema, base));
            if (it != n_.enumVariable.end()) {
                enumVar = it->second;
                enumName = base;
            }
        }
        return columnCode(s_.dialect, c, enumVar, enumName);
    }

    void header() {
        out_ << "// The " << traitsOf(s_.dialect).displayName
             << " schema, as `drizzle-kit pull` read it from the database.\n"
                "// From now on this file is the schema's source of truth: edit it, then run `drizzle-kit generate`.\n";
        if (!o_.unsupported.empty()) {
            out_ << "//\n// In the database but not declared here (objects and clauses the schema model cannot represent\n"
                    "// yet). Generated migrations do not create, change or drop them, but an object a migration\n"
                    "// re-creates (a SQLite table rebuild, say) is created without the clauses listed here:\n";
            for (const auto& u : o_.unsupported) out_ << "//   " << kit::printable(u) << "\n";
        }
        out_ << "#pragma once\n\n#include <drizzle/" << ns_ << ".hpp>\n\n";
    }

    // ---- schemas, enums, sequences, roles ---------------------------------------------------

    // Who declares an object of `schema`, and with which function: Drizzle's names at namespace
    // scope (`pg::pgTable`, `sqlite::sqliteView`), a pgSchema's members (`billing.table`).
    std::string declarer(const std::string& schema, const std::string& what) const {
        if (!(schema.empty() || schema == "public")) {
            auto it = n_.schemaVariable.find(schema);
            // `enum` is a keyword: a pgSchema declares enums with pgEnum, as the namespace does.
            if (it != n_.schemaVariable.end()) return it->second + "." + (what == "enum_" ? "pgEnum" : what);
        }
        const std::string name = what == "enum_" ? "enum" : what;
        return ns_ + "::" + ns_ + static_cast<char>(name[0] - 'a' + 'A') + name.substr(1);
    }

    // Only what differs from the defaults the DSL fills in (schema/sql_types.hpp).
    static std::string sequenceOptions(const model::Sequence& q, std::string_view sqlType) {
        detail::SequenceOptions given;
        given.increment = toInt64(q.increment);
        const model::Sequence byDefault = detail::sequence("", "", given, sqlType);
        given.minValue = toInt64(q.minValue);
        given.maxValue = toInt64(q.maxValue);
        const std::string defaultStart = *detail::sequence("", "", given, sqlType).startWith;
        std::vector<std::string> o;
        auto add = [&](const char* field, const std::optional<std::string>& v, const std::string& dflt) {
            if (v && *v != dflt && toInt64(v)) o.push_back(std::string(".") + field + " = " + *v);  // digits only
        };
        add("increment", q.increment, "1");
        add("minValue", q.minValue, *byDefault.minValue);
        add("maxValue", q.maxValue, *byDefault.maxValue);
        add("startWith", q.startWith, defaultStart);
        add("cache", q.cache, *byDefault.cache);
        if (q.cycle.value_or(false)) o.push_back(".cycle = true");
        return o.empty() ? "" : "{" + join(o, ", ") + "}";
    }

    void declarations() {
        std::ostringstream d;
        for (const auto& s : s_.schemas) d << "inline const auto " << n_.schemaVariable.at(s) << " = pg::pgSchema(" << literal(s) << ");\n";
        for (const auto& e : s_.enums) {
            std::vector<std::string> values;
            for (const auto& v : e.values) values.push_back(literal(v));
            d << "inline const auto " << n_.enumVariable.at(tableKey(e.schema, e.name)) << " = "
              << declarer(e.schema, "enum_") << "(" << literal(e.name) << ", {" << join(values, ", ") << "});\n";
        }
        for (const auto& q : s_.sequences) {
            const std::string opts = sequenceOptions(q, "bigint");
            d << "inline const auto " << n_.sequenceVariable.at(tableKey(q.schema, q.name)) << " = " << declarer(q.schema, "sequence") << "("
              << literal(q.name) << (opts.empty() ? "" : ", " + opts) << ");\n";
        }
        for (const auto& r : s_.roles) {
            std::vector<std::string> o;
            if (r.createDb.value_or(false)) o.push_back(".createDb = true");
            if (r.createRole.value_or(false)) o.push_back(".createRole = true");
            if (!r.inherit.value_or(true)) o.push_back(".inherit = false");
            d << "inline const auto " << n_.roleVariable.at(r.name) << " = pg::pgRole(" << literal(r.name)
              << (o.empty() ? "" : ", {" + join(o, ", ") + "}") << ");\n";
        }
        for (const auto& p : s_.policies)
            note("policy " + p.name, "a policy declared outside its table is not generated; declare it in its table");
        if (!d.str().empty()) out_ << "\n" << d.str();
    }

    // ---- rows -------------------------------------------------------------------------------

    bool nullable(const TableKey& key, const model::Column& c, const ColumnCode& code) const {
        return !(c.notNull || c.primaryKey || code.implicitNotNull || c.identity || columnPrimaryKey(key, c));
    }

    // MySQL keeps a single-column primary key as a named constraint; the column-level
    // .primaryKey() gives exactly that name.
    bool columnPrimaryKey(const TableKey& key, const model::Column& c) const {
        if (c.primaryKey) return true;
        if (s_.dialect != Dialect::mysql) return false;
        const model::Table* t = tableAt(key);
        if (!t) return false;
        for (const auto& pk : t->compositePrimaryKeys)
            if (pk.columns.size() == 1 && pk.columns[0] == c.name && pk.name == t->name + "_" + c.name) return true;
        return false;
    }

    void rowStruct(const TableKey& key, const std::vector<model::Column>& columns) {
        out_ << "\nstruct " << n_.rowStruct.at(key) << " {\n";
        for (const auto& c : columns) {
            const ColumnCode& code = columns_.at(key).at(c.name);
            const std::string type = nullable(key, c, code) ? "std::optional<" + code.valueType + ">" : code.valueType;
            out_ << "    " << type << " " << n_.member.at(key).at(c.name) << ";";
            if (!code.note.empty()) out_ << "  // " << kit::printable(code.note);
            out_ << "\n";
        }
        out_ << "};\n";
    }

    // ---- columns ----------------------------------------------------------------------------

    static std::string action(const std::optional<std::string>& a, const std::string& ns) {
        if (!a || *a == "no action") return "";
        if (*a == "cascade") return ns + "::cascade";
        if (*a == "restrict") return ns + "::restrict";
        if (*a == "set null") return ns + "::setNull";
        if (*a == "set default") return ns + "::setDefault";
        return "";
    }

    std::string identityCode(const model::Column& c, const model::Table& t) const {
        const model::Identity& id = *c.identity;
        std::string base = c.type;
        const std::string opts = sequenceOptions(id.sequence, base);
        const bool defaultName = id.sequence.name == t.name + "_" + c.name + "_seq";
        std::string args = opts;
        if (!defaultName) args = (opts.empty() ? "{}" : opts) + ", " + literal(id.sequence.name);
        return std::string(id.type == "always" ? ".generatedAlwaysAsIdentity(" : ".generatedByDefaultAsIdentity(") + args + ")";
    }

    std::string generatedCode(const model::Generated& g) const {
        std::string as = g.as;
        if (s_.dialect == Dialect::sqlite && as.size() >= 2 && as.front() == '(' && as.back() == ')') as = as.substr(1, as.size() - 2);
        const std::string dflt = s_.dialect == Dialect::postgresql ? "stored" : "virtual";
        return ".generatedAlwaysAs(" + sql(as) + (g.type == dflt ? "" : ", " + literal(g.type)) + ")";
    }

    // The column's declaration; `uniqueHere` / `referenceHere` are the single-column unique
    // constraint and foreign key written on the column rather than at table level.
    std::string columnLine(const TableKey& key, const model::Table* t, const model::Column& c, const model::Unique* uniqueHere,
                           const model::ForeignKey* referenceHere) const {
        const ColumnCode& code = columns_.at(key).at(c.name);
        // An enum column is declared by its enum object; every other column by its DSL function.
        const std::string member = "<" + n_.memberPointer(key, c.name) + ">";
        std::string line = code.function + (code.isEnum ? ".column" : "") + member + "(" + literal(c.name);
        if (code.custom) line += ", " + literal(code.customType);
        if (!code.options.empty()) line += ", " + code.options;
        line += ")";
        const bool pk = t && columnPrimaryKey(key, c);
        if (pk) line += ".primaryKey()";
        else if (c.notNull && !code.implicitNotNull && !c.identity) line += ".notNull()";
        if (c.autoincrement.value_or(false) && !code.implicitNotNull) line += ".autoincrement()";
        line += code.defaultModifier;
        if (c.onUpdate.value_or(false)) line += ".onUpdateNow()";
        if (c.generated) line += generatedCode(*c.generated);
        if (c.identity && t) line += identityCode(c, *t);
        if (uniqueHere) {
            const bool defaultName = uniqueHere->name == t->name + "_" + c.name + "_unique";
            if (uniqueHere->nullsNotDistinct)
                line += ".unique(" + literal(uniqueHere->name) + ", {.nullsNotDistinct = true})";
            else
                line += defaultName ? ".unique()" : ".unique(" + literal(uniqueHere->name) + ")";
        }
        if (referenceHere) {
            const TableKey to = targetOf(*referenceHere);
            std::vector<std::string> o;
            if (auto a = action(referenceHere->onDelete, ns_); !a.empty()) o.push_back(".onDelete = " + a);
            if (auto a = action(referenceHere->onUpdate, ns_); !a.empty()) o.push_back(".onUpdate = " + a);
            line += ".references<" + n_.memberPointer(to, referenceHere->columnsTo[0]) + ">(" +
                    (o.empty() ? "" : "{" + join(o, ", ") + "}") + ")";
        }
        return line;
    }

    // ---- tables -----------------------------------------------------------------------------

    static TableKey targetOf(const model::ForeignKey& fk) { return tableKey(fk.schemaTo.value_or(""), fk.tableTo); }

    std::string defaultFkName(const model::ForeignKey& fk) const {
        return fk.tableFrom + "_" + join(fk.columnsFrom, "_") + "_" + fk.tableTo + "_" + join(fk.columnsTo, "_") + "_fk";
    }

    // Whether the DSL can declare the key: both tables generated, matching member types.
    bool declarable(const TableKey& from, const model::ForeignKey& fk, std::string& why) const {
        const TableKey to = targetOf(fk);
        if (!n_.rowStruct.count(to) || !tableAt(to)) {
            why = "references " + fk.tableTo + ", which was not pulled (see tablesFilter / schemaFilter)";
            return false;
        }
        for (std::size_t i = 0; i < fk.columnsFrom.size() && i < fk.columnsTo.size(); ++i) {
            const ColumnCode* a = columnAt(from, fk.columnsFrom[i]);
            const ColumnCode* b = columnAt(to, fk.columnsTo[i]);
            if (!a || !b) {
                why = "names a column that does not exist";
                return false;
            }
            if (a->valueType != b->valueType) {
                why = "column " + fk.columnsFrom[i] + " (" + a->valueType + ") and " + fk.tableTo + "." + fk.columnsTo[i] +
                      " (" + b->valueType + ") hold different C++ types, which a declared foreign key must not";
                return false;
            }
        }
        return true;
    }

    // An index column with an order, nulls or operator class, or an expression, as `.on(...)`
    // takes it; a plain member is empty (it goes in `.on<...>()` when every column is one).
    std::string indexColumnOptions(const model::IndexColumn& ic) const {
        std::string mods;
        if (s_.dialect == Dialect::postgresql) {
            // The DSL's default is ascending, NULLS LAST (Drizzle's), descending included.
            if (!ic.asc) mods += ".desc()";
            if (ic.nulls == std::optional<std::string>("first")) mods += ".nullsFirst()";
            if (ic.opclass) mods += ".op(" + literal(*ic.opclass) + ")";
        }
        return mods;
    }

    std::string indexColumn(const TableKey& key, const model::IndexColumn& ic) const {
        const std::string mods = indexColumnOptions(ic);
        if (!ic.isExpression) return ns_ + "::col<" + n_.memberPointer(key, ic.expression) + ">()" + mods;
        std::string e = ic.expression;
        if (s_.dialect == Dialect::mysql && e.size() >= 2 && e.front() == '(' && e.back() == ')') e = e.substr(1, e.size() - 2);
        return mods.empty() ? sql(e) : ns_ + "::IndexColumn(" + sql(e) + ")" + mods;
    }

    std::string indexLine(const TableKey& key, const model::Index& idx) const {
        // Members, with their order, are template arguments (constant data); an expression or
        // an operator class makes the columns arguments.
        bool plain = true;
        std::vector<std::string> cols, plainMembers;
        for (const auto& ic : idx.columns) {
            cols.push_back(indexColumn(key, ic));
            plain = plain && !ic.isExpression && !ic.opclass;
            if (!ic.isExpression)
                plainMembers.push_back(indexColumnOptions(ic).empty() ? n_.memberPointer(key, ic.expression) : cols.back());
        }
        std::string line = ns_ + (idx.isUnique ? "::uniqueIndex(" : "::index(") + literal(idx.name) + ")";
        if (s_.dialect == Dialect::postgresql && idx.method != "btree") line += ".using_(" + literal(idx.method) + ")";
        if (s_.dialect == Dialect::mysql && idx.using_) line += ".using_(" + literal(*idx.using_) + ")";
        line += plain ? ".on<" + join(plainMembers, ", ") + ">()" : ".on(" + join(cols, ", ") + ")";
        if (idx.where) line += ".where(" + sql(*idx.where) + ")";
        if (!idx.with.empty()) {
            std::vector<std::string> w;
            for (const auto& [k, v] : idx.with) w.push_back(k + "=" + unquoteJson(v));
            line += ".with_(" + literal(join(w, ",")) + ")";
        }
        if (idx.concurrently) line += ".concurrently()";
        if (idx.algorithm) line += ".algorithm(" + literal(*idx.algorithm) + ")";
        if (idx.lock) line += ".lock(" + literal(*idx.lock) + ")";
        return line;
    }

    std::string policyLine(const model::Policy& p) const {
        std::vector<std::string> o;
        if (p.as && lowerCase(*p.as) != "permissive") o.push_back(".as = " + literal(lowerCase(*p.as)));
        if (p.for_ && lowerCase(*p.for_) != "all") o.push_back(".for_ = " + literal(lowerCase(*p.for_)));
        if (!(p.to.size() == 1 && p.to[0] == "public") && !p.to.empty()) o.push_back(".to = " + literal(join(p.to, ", ")));
        if (p.using_) o.push_back(".using_ = " + sql(*p.using_));
        if (p.withCheck) o.push_back(".withCheck = " + sql(*p.withCheck));
        const std::string oneLine = "pg::pgPolicy(" + literal(p.name) + (o.empty() ? "" : ", {" + join(o, ", ") + "}") + ")";
        if (4 + oneLine.size() <= kWidth) return oneLine;
        std::string lines = "pg::pgPolicy(" + literal(p.name) + ", {\n";
        for (const auto& option : o) lines += "        " + option + ",\n";
        return lines + "    })";
    }

    std::string members(const TableKey& key, const std::vector<std::string>& columns) const {
        std::vector<std::string> m;
        for (const auto& c : columns) m.push_back(n_.memberPointer(key, c));
        return join(m, ", ");
    }

    void table(const model::Table& t) {
        const TableKey key = keyOf(t);
        const std::string where = "table " + (key.first.empty() ? "" : key.first + ".") + t.name;
        std::vector<std::string> constraints, comments;

        // Single-column uniques and foreign keys go on their column when the DSL's column form
        // gives the same constraint.
        std::map<std::string, const model::Unique*> uniqueOn;
        auto uniques = t.uniqueConstraints;
        std::sort(uniques.begin(), uniques.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
        for (const auto& u : uniques) {
            if (s_.dialect == Dialect::sqlite) {  // only introspection finds these: constraints, not indexes
                const bool named = u.name != t.name + "_" + join(u.columns, "_") + "_unique";
                constraints.push_back("sqlite::uniqueConstraint(" + (named ? literal(u.name) : "") + ").on<" +
                                      members(key, u.columns) + ">()");
                continue;
            }
            if (u.columns.size() == 1 && !uniqueOn.count(u.columns[0])) {
                uniqueOn[u.columns[0]] = &u;
                continue;
            }
            const bool named = u.name != t.name + "_" + join(u.columns, "_") + "_unique";
            std::string line = ns_ + "::unique(" + (named ? literal(u.name) : "") + ").on<" + members(key, u.columns) + ">()";
            if (u.nullsNotDistinct) line += ".nullsNotDistinct()";
            constraints.push_back(line);
        }
        std::map<std::string, const model::ForeignKey*> referenceOn;
        auto fks = t.foreignKeys;
        std::sort(fks.begin(), fks.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
        for (const auto& fk : fks) {
            std::string why;
            if (!declarable(key, fk, why)) {
                comments.push_back("foreign key " + fk.name + " is not declared: it " + why);
                note(where, comments.back());
                continue;
            }
            if (fk.columnsFrom.size() == 1 && fk.name == defaultFkName(fk) && !referenceOn.count(fk.columnsFrom[0])) {
                referenceOn[fk.columnsFrom[0]] = &fk;
                continue;
            }
            const TableKey to = targetOf(fk);
            std::string line = ns_ + "::foreignKey(" + (fk.name != defaultFkName(fk) ? literal(fk.name) : "") +
                               ").columns<" + members(key, fk.columnsFrom) + ">().foreignColumns<" +
                               members(to, fk.columnsTo) + ">()";
            if (auto a = action(fk.onDelete, ns_); !a.empty()) line += ".onDelete(" + a + ")";
            if (auto a = action(fk.onUpdate, ns_); !a.empty()) line += ".onUpdate(" + a + ")";
            constraints.push_back(line);
        }
        for (const auto& pk : t.compositePrimaryKeys) {
            if (pk.columns.size() == 1 && s_.dialect == Dialect::mysql && pk.name == t.name + "_" + pk.columns[0]) continue;
            std::string line = ns_ + "::primaryKey<" + members(key, pk.columns) + ">()";
            if (pk.name != t.name + "_" + join(pk.columns, "_") + "_pk") line += ".name(" + literal(pk.name) + ")";
            constraints.push_back(line);
        }
        auto indexes = t.indexes;
        std::sort(indexes.begin(), indexes.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
        for (const auto& idx : indexes) constraints.push_back(indexLine(key, idx));
        auto checks = t.checks;
        std::sort(checks.begin(), checks.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
        for (const auto& c : checks) constraints.push_back(ns_ + "::check(" + literal(c.name) + ", " + sql(c.value) + ")");
        auto policies = t.policies;
        std::sort(policies.begin(), policies.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
        for (const auto& p : policies) constraints.push_back(policyLine(p));

        out_ << "\n";
        for (const auto& c : comments) out_ << "// " << kit::printable(c) << "\n";
        out_ << "inline const auto " << n_.tableVariable.at(key) << " = " << declarer(key.first, "table") << "<" << n_.rowStruct.at(key)
             << ">(" << literal(t.name) << ", {\n";
        for (const auto& c : t.columns) {
            auto u = uniqueOn.find(c.name);
            auto r = referenceOn.find(c.name);
            out_ << "    "
                 << wrapped(columnLine(key, &t, c, u == uniqueOn.end() ? nullptr : u->second,
                                       r == referenceOn.end() ? nullptr : r->second),
                            4)
                 << ",\n";
        }
        out_ << "}";
        if (!constraints.empty()) {
            out_ << ", {\n";
            for (const auto& c : constraints) out_ << "    " << wrapped(c, 4) << ",\n";
            out_ << "}";
        }
        out_ << ")" << (t.isRLSEnabled ? ".enableRLS()" : "") << ";\n";
    }

    // ---- views ------------------------------------------------------------------------------

    std::string viewOptions(const model::View& v, const std::string& where) {
        std::vector<std::string> o;
        static const std::set<std::string> kView = {"checkOption", "securityBarrier", "securityInvoker"};
        static const std::set<std::string> kMaterialized = {"fillfactor", "toastTupleTarget", "parallelWorkers",
                                                            "autovacuumEnabled", "userCatalogTable"};
        for (const auto& [k, val] : v.with) {
            if (!(v.materialized ? kMaterialized : kView).count(k)) {
                note(where, "view option " + k + " is not generated; add it to the view by hand");
                continue;
            }
            if (k == "checkOption") o.push_back("." + k + " = " + literal(unquoteJson(val)));
            else if (val == "true" || val == "false" || toInt64(val)) o.push_back("." + k + " = " + val);
            else note(where, "view option " + k + " = " + val + " is not generated; add it to the view by hand");
        }
        return o.empty() ? "" : ".with({" + join(o, ", ") + "})";
    }

    void view(const model::View& v) {
        const TableKey key = viewKey(v);
        const std::string where = "view " + v.name;
        std::string fn;
        std::string mods;
        if (s_.dialect == Dialect::postgresql) {
            fn = v.materialized ? "materializedView" : "view";
            mods += viewOptions(v, where);
            if (v.using_) mods += ".using_(" + literal(*v.using_) + ")";
            if (v.tablespace) mods += ".tablespace(" + literal(*v.tablespace) + ")";
            if (v.withNoData.value_or(false)) mods += ".withNoData()";
        } else {
            fn = "view";
            if (s_.dialect == Dialect::mysql) {
                std::vector<std::string> o;
                if (v.algorithm && *v.algorithm != "undefined") o.push_back(".algorithm = " + literal(*v.algorithm));
                if (v.sqlSecurity && *v.sqlSecurity != "definer") o.push_back(".sqlSecurity = " + literal(*v.sqlSecurity));
                if (v.withCheckOption) o.push_back(".withCheckOption = " + literal(*v.withCheckOption));
                if (!o.empty()) mods += ".with({" + join(o, ", ") + "})";
            }
        }
        if (v.isExisting) mods += ".existing()";
        else if (v.definition) mods += ".as(" + sql(*v.definition) + ")";
        out_ << "\ninline const auto " << n_.tableVariable.at(key) << " = " << declarer(key.first, fn) << "<" << n_.rowStruct.at(key)
             << ">(" << literal(v.name) << ", {\n";
        for (const auto& c : v.columns) out_ << "    " << wrapped(columnLine(key, nullptr, c, nullptr, nullptr), 4) << ",\n";
        out_ << wrapped("})" + mods, 0, 2) << ";\n";
    }

    const model::Schema& s_;
    const kit::CodegenOptions& o_;
    const Names& n_;
    const std::string ns_;
    std::vector<std::string>& notes_;
    const ColumnCode* columnAt(const TableKey& table, const std::string& column) const {
        auto t = columns_.find(table);
        if (t == columns_.end()) return nullptr;
        auto c = t->second.find(column);
        return c == t->second.end() ? nullptr : &c->second;
    }

    const model::Table* tableAt(const TableKey& key) const {
        auto it = tables_.find(key);
        return it == tables_.end() ? nullptr : it->second;
    }

    ByTable<const model::Table*> tables_;
    ByTable<std::unordered_map<std::string, ColumnCode>> columns_;
    std::ostringstream out_;
};

}  // namespace

std::string schemaCode(const model::Schema& schema, const kit::CodegenOptions& options, const Names& names,
                       std::vector<std::string>& notes) {
    return SchemaWriter(schema, options, names, notes).run();
}

}  // namespace drizzle::codegen

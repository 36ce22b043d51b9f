// Snapshot JSON -> model. Every field is checked for presence and type, and a problem is
// reported with the file and the field's path, so a hand-edited or truncated snapshot says
// exactly what is wrong instead of producing a wrong migration.

#include <nlohmann/json.hpp>

#include "drizzle/error.hpp"
#include "drizzle/kit/snapshot.hpp"
#include "util/atomic_file.hpp"

namespace drizzle::kit::snapshot {

namespace {

using Json = nlohmann::ordered_json;
using model::Dialect;

std::string childPath(const std::string& path, std::string_view key) {
    const bool plain = !key.empty() && key.find_first_of(".\" ") == std::string_view::npos;
    std::string k = plain ? std::string(key) : "\"" + std::string(key) + "\"";
    return path.empty() ? k : path + "." + k;
}

const char* typeName(const Json& v) {
    switch (v.type()) {
        case Json::value_t::null: return "null";
        case Json::value_t::object: return "an object";
        case Json::value_t::array: return "an array";
        case Json::value_t::string: return "a string";
        case Json::value_t::boolean: return "a boolean";
        case Json::value_t::number_integer:
        case Json::value_t::number_unsigned:
        case Json::value_t::number_float: return "a number";
        default: return "an unknown value";
    }
}

const char* const kRegenerateHint =
    "restore the file from version control, or regenerate it; snapshots are written by "
    "drizzle-kit and should not be edited by hand";

[[noreturn]] void failAt(std::string_view source, const std::string& path, const std::string& what) {
    throw Error(ErrorCategory::snapshot, std::string(source) + ": " + (path.empty() ? "" : path + ": ") + what,
                kRegenerateHint);
}

Dialect checkDialect(std::string_view source, const std::string& text) {
    if (auto dialect = parseDialect(text)) return *dialect;
    if (text == "pg") failAt(source, "dialect", "\"pg\" is a pre-0.21 drizzle-kit snapshot; run `drizzle-kit up` to upgrade it");
    failAt(source, "dialect", "unknown dialect \"" + text + "\" (expected postgresql, sqlite or mysql)");
}

void checkVersion(std::string_view source, Dialect d, const std::string& version) {
    const std::string expected(versionFor(d));
    if (version == expected) return;
    int v = 0;
    try {
        v = std::stoi(version);
    } catch (...) {
        failAt(source, "version", "\"" + version + "\" is not a snapshot version");
    }
    if (v > std::stoi(expected))
        failAt(source, "version", "snapshot version " + version + " is newer than this drizzle-kit reads (" + expected +
                                      " for " + std::string(dialectName(d)) + "); upgrade drizzle-cpp");
    failAt(source, "version", "snapshot version " + version + " is older than " + expected +
                                  "; run `drizzle-kit up` to upgrade the snapshots");
}

[[noreturn]] void notJson(std::string_view source, std::size_t byte) {
    throw Error(ErrorCategory::snapshot, std::string(source) + ": not valid JSON (byte " + std::to_string(byte) + ")",
                "restore the file from version control, or regenerate it");
}

class Reader {
public:
    explicit Reader(std::string_view source) : source_(source) {}

    [[noreturn]] void fail(const std::string& path, const std::string& what) const { failAt(source_, path, what); }

    const Json& need(const Json& obj, std::string_view key, const std::string& path) const {
        auto it = obj.find(key);
        if (it == obj.end()) fail(childPath(path, key), "missing");
        return *it;
    }
    const Json* maybe(const Json& obj, std::string_view key) const {
        auto it = obj.find(key);
        return it == obj.end() || it->is_null() ? nullptr : &*it;
    }
    const Json& object(const Json& v, const std::string& path) const {
        if (!v.is_object()) fail(path, std::string("expected an object, found ") + typeName(v));
        return v;
    }
    const Json& objectField(const Json& obj, std::string_view key, const std::string& path, bool optional = false) const {
        static const Json empty = Json::object();
        if (optional && !maybe(obj, key)) return empty;
        return object(need(obj, key, path), childPath(path, key));
    }
    std::string str(const Json& obj, std::string_view key, const std::string& path) const {
        const Json& v = need(obj, key, path);
        if (!v.is_string()) fail(childPath(path, key), std::string("expected a string, found ") + typeName(v));
        return v.get<std::string>();
    }
    std::optional<std::string> optStr(const Json& obj, std::string_view key, const std::string& path) const {
        if (!maybe(obj, key)) return std::nullopt;
        return str(obj, key, path);
    }
    bool boolean(const Json& obj, std::string_view key, const std::string& path) const {
        const Json& v = need(obj, key, path);
        if (!v.is_boolean()) fail(childPath(path, key), std::string("expected a boolean, found ") + typeName(v));
        return v.get<bool>();
    }
    std::optional<bool> optBool(const Json& obj, std::string_view key, const std::string& path) const {
        if (!maybe(obj, key)) return std::nullopt;
        return boolean(obj, key, path);
    }
    std::vector<std::string> strings(const Json& obj, std::string_view key, const std::string& path) const {
        const Json& v = need(obj, key, path);
        const std::string p = childPath(path, key);
        if (!v.is_array()) fail(p, std::string("expected an array of strings, found ") + typeName(v));
        std::vector<std::string> out;
        for (std::size_t i = 0; i < v.size(); ++i) {
            if (!v[i].is_string()) fail(p + "[" + std::to_string(i) + "]", std::string("expected a string, found ") + typeName(v[i]));
            out.push_back(v[i].get<std::string>());
        }
        return out;
    }
    // A JSON number kept as its text ("5", "1.5"), or a string holding a number (sequences).
    std::optional<std::string> numberText(const Json& obj, std::string_view key, const std::string& path) const {
        const Json* v = maybe(obj, key);
        if (!v) return std::nullopt;
        if (v->is_string()) return v->get<std::string>();
        if (v->is_number()) return v->dump();
        fail(childPath(path, key), std::string("expected a number, found ") + typeName(*v));
    }

    model::Schema read(const Json& root) {
        object(root, "");
        model::Schema s;
        s.dialect = d_ = checkDialect(source_, str(root, "dialect", ""));
        checkVersion(source_, d_, str(root, "version", ""));
        s.id = str(root, "id", "");
        s.prevId = str(root, "prevId", "");
        const Json& tables = objectField(root, "tables", "");
        for (auto it = tables.begin(); it != tables.end(); ++it)
            s.tables.push_back(table(object(it.value(), childPath("tables", it.key())), childPath("tables", it.key())));
        const Json& views = objectField(root, "views", "", true);
        for (auto it = views.begin(); it != views.end(); ++it)
            s.views.push_back(view(object(it.value(), childPath("views", it.key())), childPath("views", it.key())));
        if (d_ == Dialect::postgresql) readPgObjects(root, s);
        if (const Json* meta = maybe(root, "_meta")) s.meta = renames(object(*meta, "_meta"));
        if (const Json* internal = maybe(root, "internal")) s.internal = readInternal(object(*internal, "internal"));
        markExpressionColumns(s);
        return s;
    }

private:
    model::Column column(const Json& c, const std::string& p) const {
        model::Column m;
        m.name = str(c, "name", p);
        m.type = str(c, "type", p);
        m.typeSchema = optStr(c, "typeSchema", p);
        m.primaryKey = boolean(c, "primaryKey", p);
        m.notNull = boolean(c, "notNull", p);
        m.autoincrement = optBool(c, "autoincrement", p);
        m.onUpdate = optBool(c, "onUpdate", p);
        if (const Json* d = maybe(c, "default")) {
            using K = model::DefaultValue::Kind;
            if (d->is_string()) m.defaultValue = model::DefaultValue{K::sql, d->get<std::string>()};
            else if (d->is_boolean()) m.defaultValue = model::DefaultValue{K::boolean, d->get<bool>() ? "true" : "false"};
            else if (d->is_number()) m.defaultValue = model::DefaultValue{K::number, d->dump()};
            else m.defaultValue = model::DefaultValue{K::json, d->dump()};
        }
        if (const Json* g = maybe(c, "generated")) {
            const std::string gp = childPath(p, "generated");
            object(*g, gp);
            m.generated = model::Generated{str(*g, "as", gp), str(*g, "type", gp)};
        }
        if (const Json* i = maybe(c, "identity")) {
            const std::string ip = childPath(p, "identity");
            object(*i, ip);
            model::Identity id;
            id.type = str(*i, "type", ip);
            id.sequence = sequence(*i, ip);
            m.identity = id;
        }
        if (const Json* u = maybe(c, "isUnique")) m.isUnique = u->is_boolean() ? u->get<bool>() : false;
        m.uniqueName = optStr(c, "uniqueName", p);
        m.nullsNotDistinct = optBool(c, "nullsNotDistinct", p);
        return m;
    }

    std::vector<model::Column> columns(const Json& obj, const std::string& p) const {
        std::vector<model::Column> out;
        const Json& cols = objectField(obj, "columns", p);
        for (auto it = cols.begin(); it != cols.end(); ++it) {
            const std::string cp = childPath(childPath(p, "columns"), it.key());
            out.push_back(column(object(it.value(), cp), cp));
        }
        return out;
    }

    model::Sequence sequence(const Json& q, const std::string& p) const {
        model::Sequence s;
        s.name = str(q, "name", p);
        s.schema = str(q, "schema", p);
        s.increment = numberText(q, "increment", p);
        s.minValue = numberText(q, "minValue", p);
        s.maxValue = numberText(q, "maxValue", p);
        s.startWith = numberText(q, "startWith", p);
        s.cache = numberText(q, "cache", p);
        s.cycle = optBool(q, "cycle", p);
        return s;
    }

    std::vector<std::pair<std::string, std::string>> withOptions(const Json& obj, std::string_view key, const std::string& p) const {
        std::vector<std::pair<std::string, std::string>> out;
        const Json& w = objectField(obj, key, p, true);
        for (auto it = w.begin(); it != w.end(); ++it) out.emplace_back(it.key(), it.value().dump());
        return out;
    }

    model::Index index(const Json& i, const std::string& p) const {
        model::Index m;
        m.name = str(i, "name", p);
        const Json& cols = need(i, "columns", p);
        const std::string cp = childPath(p, "columns");
        if (!cols.is_array()) fail(cp, std::string("expected an array, found ") + typeName(cols));
        for (std::size_t k = 0; k < cols.size(); ++k) {
            const Json& c = cols[k];
            const std::string ep = cp + "[" + std::to_string(k) + "]";
            model::IndexColumn ic;
            if (c.is_string()) {
                ic.expression = c.get<std::string>();
            } else {
                object(c, ep);
                ic.expression = str(c, "expression", ep);
                ic.isExpression = boolean(c, "isExpression", ep);
                ic.asc = boolean(c, "asc", ep);
                ic.nulls = optStr(c, "nulls", ep);
                ic.opclass = optStr(c, "opclass", ep);
            }
            m.columns.push_back(std::move(ic));
        }
        m.isUnique = boolean(i, "isUnique", p);
        m.where = optStr(i, "where", p);
        if (d_ == Dialect::postgresql) {
            m.concurrently = optBool(i, "concurrently", p).value_or(false);
            m.method = optStr(i, "method", p).value_or("btree");
            m.with = withOptions(i, "with", p);
        }
        m.using_ = optStr(i, "using", p);
        m.algorithm = optStr(i, "algorithm", p);
        m.lock = optStr(i, "lock", p);
        return m;
    }

    model::ForeignKey foreignKey(const Json& f, const std::string& p) const {
        model::ForeignKey m;
        m.name = str(f, "name", p);
        m.tableFrom = str(f, "tableFrom", p);
        m.columnsFrom = strings(f, "columnsFrom", p);
        m.tableTo = str(f, "tableTo", p);
        m.schemaTo = optStr(f, "schemaTo", p);
        m.columnsTo = strings(f, "columnsTo", p);
        m.onDelete = optStr(f, "onDelete", p);
        m.onUpdate = optStr(f, "onUpdate", p);
        return m;
    }

    model::Policy policy(const Json& o, const std::string& p) const {
        model::Policy m;
        m.name = str(o, "name", p);
        m.as = optStr(o, "as", p);
        m.for_ = optStr(o, "for", p);
        if (maybe(o, "to")) m.to = strings(o, "to", p);
        m.using_ = optStr(o, "using", p);
        m.withCheck = optStr(o, "withCheck", p);
        m.on = optStr(o, "on", p);
        m.schema = optStr(o, "schema", p);
        return m;
    }

    template <class F>
    void each(const Json& obj, std::string_view key, const std::string& p, bool optional, F f) const {
        const Json& coll = objectField(obj, key, p, optional);
        const std::string base = childPath(p, key);
        for (auto it = coll.begin(); it != coll.end(); ++it) {
            const std::string ep = childPath(base, it.key());
            f(object(it.value(), ep), ep);
        }
    }

    model::Table table(const Json& t, const std::string& p) const {
        model::Table m;
        m.name = str(t, "name", p);
        if (traitsOf(d_).schemas) m.schema = str(t, "schema", p);
        m.columns = columns(t, p);
        each(t, "indexes", p, false, [&](const Json& v, const std::string& ep) { m.indexes.push_back(index(v, ep)); });
        each(t, "foreignKeys", p, false, [&](const Json& v, const std::string& ep) { m.foreignKeys.push_back(foreignKey(v, ep)); });
        each(t, "compositePrimaryKeys", p, true, [&](const Json& v, const std::string& ep) {
            m.compositePrimaryKeys.push_back({optStr(v, "name", ep).value_or(""), strings(v, "columns", ep)});
        });
        each(t, "uniqueConstraints", p, true, [&](const Json& v, const std::string& ep) {
            m.uniqueConstraints.push_back({str(v, "name", ep), strings(v, "columns", ep),
                                           optBool(v, "nullsNotDistinct", ep).value_or(false)});
        });
        each(t, "policies", p, true, [&](const Json& v, const std::string& ep) { m.policies.push_back(policy(v, ep)); });
        each(t, d_ == Dialect::mysql ? "checkConstraint" : "checkConstraints", p, true,
             [&](const Json& v, const std::string& ep) { m.checks.push_back({str(v, "name", ep), str(v, "value", ep)}); });
        m.isRLSEnabled = optBool(t, "isRLSEnabled", p).value_or(false);
        return m;
    }

    model::View view(const Json& v, const std::string& p) const {
        model::View m;
        m.name = str(v, "name", p);
        if (traitsOf(d_).schemas) m.schema = str(v, "schema", p);
        m.columns = columns(v, p);
        m.definition = optStr(v, "definition", p);
        m.materialized = optBool(v, "materialized", p).value_or(false);
        m.isExisting = boolean(v, "isExisting", p);
        m.with = withOptions(v, "with", p);
        m.withNoData = optBool(v, "withNoData", p);
        m.using_ = optStr(v, "using", p);
        m.tablespace = optStr(v, "tablespace", p);
        m.algorithm = optStr(v, "algorithm", p);
        m.sqlSecurity = optStr(v, "sqlSecurity", p);
        m.withCheckOption = optStr(v, "withCheckOption", p);
        return m;
    }

    void readPgObjects(const Json& root, model::Schema& s) const {
        each(root, "enums", "", false, [&](const Json& e, const std::string& p) {
            s.enums.push_back({str(e, "name", p), str(e, "schema", p), strings(e, "values", p)});
        });
        const Json& schemas = objectField(root, "schemas", "");
        for (auto it = schemas.begin(); it != schemas.end(); ++it) s.schemas.push_back(it.key());
        each(root, "sequences", "", true, [&](const Json& q, const std::string& p) { s.sequences.push_back(sequence(q, p)); });
        each(root, "roles", "", true, [&](const Json& r, const std::string& p) {
            s.roles.push_back({str(r, "name", p), optBool(r, "createDb", p), optBool(r, "createRole", p), optBool(r, "inherit", p)});
        });
        each(root, "policies", "", true, [&](const Json& o, const std::string& p) { s.policies.push_back(policy(o, p)); });
    }

    model::Renames renames(const Json& meta) const {
        model::Renames r;
        auto pairs = [&](std::string_view key, auto& out) {
            const Json& o = objectField(meta, key, "_meta", true);
            for (auto it = o.begin(); it != o.end(); ++it) {
                if (!it.value().is_string()) fail(childPath(childPath("_meta", key), it.key()), "expected a string");
                out.emplace_back(it.key(), it.value().template get<std::string>());
            }
        };
        pairs("schemas", r.schemas);
        pairs("tables", r.tables);
        pairs("columns", r.columns);
        return r;
    }

    // SQLite and MySQL snapshots list index columns as plain strings and flag the expressions in
    // `internal.indexes`; carry the flag into the model so it reads like one built from C++.
    static void markExpressionColumns(model::Schema& s) {
        for (const auto& hint : s.internal.indexes) {
            if (!hint.isExpression) continue;
            for (auto& t : s.tables)
                for (auto& i : t.indexes)
                    if (i.name == hint.index)
                        for (auto& c : i.columns)
                            if (c.expression == hint.column) c.isExpression = true;
        }
    }

    model::Internal readInternal(const Json& in) const {
        model::Internal r;
        r.present = true;
        const Json& tables = objectField(in, "tables", "internal", true);
        for (auto t = tables.begin(); t != tables.end(); ++t) {
            if (!t.value().is_object()) continue;
            const Json& cols = objectField(t.value(), "columns", childPath("internal.tables", t.key()), true);
            for (auto c = cols.begin(); c != cols.end(); ++c) {
                if (!c.value().is_object()) continue;
                const std::string p = "internal.tables." + t.key() + ".columns." + c.key();
                model::InternalColumnHint h;
                h.table = t.key();
                h.column = c.key();
                h.isArray = optBool(c.value(), "isArray", p);
                if (const Json* dim = maybe(c.value(), "dimensions")) h.dimensions = dim->is_number() ? dim->get<int>() : 0;
                h.rawType = optStr(c.value(), "rawType", p);
                h.isDefaultAnExpression = optBool(c.value(), "isDefaultAnExpression", p);
                r.columns.push_back(std::move(h));
            }
        }
        const Json& indexes = objectField(in, "indexes", "internal", true);
        for (auto i = indexes.begin(); i != indexes.end(); ++i) {
            if (!i.value().is_object()) continue;
            const Json& cols = objectField(i.value(), "columns", childPath("internal.indexes", i.key()), true);
            for (auto c = cols.begin(); c != cols.end(); ++c) {
                const bool expr = c.value().is_object() && c.value().value("isExpression", false);
                r.indexes.push_back({i.key(), c.key(), expr});
            }
        }
        return r;
    }

    std::string source_;
    Dialect d_ = Dialect::postgresql;
};

}  // namespace

model::Schema read(std::string_view json, std::string_view source) {
    Json root;
    try {
        root = Json::parse(json);
    } catch (const nlohmann::json::parse_error& e) {
        notJson(source, e.byte);
    }
    return Reader(source).read(root);
}

namespace {

// Just enough of a JSON reader to find an object's top-level string fields and step over the
// rest: strings (escapes included), and nested values by bracket depth.
class TopLevelScanner {
public:
    TopLevelScanner(std::string_view text, std::string_view source) : s_(text), source_(source) {}

    // Calls `field(key, value)` for each top-level field (`value` null when it is not a string),
    // until it returns true.
    template <class F>
    void scan(F field) {
        space();
        expect('{');
        space();
        if (peek() == '}') return;
        for (;;) {
            space();
            std::string key = string();
            space();
            expect(':');
            space();
            if (peek() == '"') {
                const std::string value = string();
                if (field(key, &value)) return;
            } else {
                skipValue();
                if (field(key, nullptr)) return;
            }
            space();
            if (peek() == '}') return;
            expect(',');
        }
    }

private:
    char peek() const {
        if (i_ >= s_.size()) notJson(source_, i_ + 1);  // 1-based, as nlohmann counts
        return s_[i_];
    }
    void expect(char c) {
        if (peek() != c) notJson(source_, i_ + 1);
        ++i_;
    }
    void space() {
        while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\n' || s_[i_] == '\r' || s_[i_] == '\t')) ++i_;
    }
    // A string's content; escapes other than the plain ones are kept as written (the fields read
    // here are ids and names, which never hold them, and a mismatch only fails a comparison).
    std::string string() {
        expect('"');
        std::string out;
        for (;;) {
            const char c = peek();
            ++i_;
            if (c == '"') return out;
            if (static_cast<unsigned char>(c) < 0x20) notJson(source_, i_);
            if (c != '\\') {
                out += c;
                continue;
            }
            const char e = peek();
            ++i_;
            switch (e) {
                case '"': case '\\': case '/': out += e; break;
                case 'n': out += '\n'; break;
                case 't': out += '\t'; break;
                case 'r': out += '\r'; break;
                case 'b': out += '\b'; break;
                case 'f': out += '\f'; break;
                case 'u': out += "\\u"; break;
                default: notJson(source_, i_);
            }
        }
    }
    void skipValue() {
        const char c = peek();
        if (c == '"') {
            string();
            return;
        }
        if (c != '{' && c != '[') {  // a number or a literal: up to the next delimiter
            const std::size_t start = i_;
            while (i_ < s_.size() && s_[i_] != ',' && s_[i_] != '}' && s_[i_] != ']' && s_[i_] != ' ' && s_[i_] != '\n' &&
                   s_[i_] != '\r' && s_[i_] != '\t')
                ++i_;
            if (i_ == start) notJson(source_, i_ + 1);
            return;
        }
        std::size_t depth = 0;
        do {
            const char d = peek();
            if (d == '"') {
                string();
                continue;
            }
            if (d == '{' || d == '[') ++depth;
            if (d == '}' || d == ']') --depth;
            ++i_;
        } while (depth > 0);
    }

    std::string_view s_;
    std::string_view source_;
    std::size_t i_ = 0;
};

}  // namespace

Header readHeader(std::string_view json, std::string_view source) {
    std::optional<std::string> dialect, version, id, prevId;
    TopLevelScanner(json, source).scan([&](const std::string& key, const std::string* value) {
        std::optional<std::string>* slot = key == "dialect" ? &dialect
                                           : key == "version" ? &version
                                           : key == "id"      ? &id
                                           : key == "prevId"  ? &prevId
                                                              : nullptr;
        if (slot && !value) failAt(source, key, "expected a string");
        if (slot) *slot = *value;
        return dialect && version && id && prevId;
    });
    // Checked in the order `read` checks them, with its messages.
    if (!dialect) failAt(source, "dialect", "missing");
    Header h;
    h.dialect = checkDialect(source, *dialect);
    if (!version) failAt(source, "version", "missing");
    checkVersion(source, h.dialect, *version);
    if (!id) failAt(source, "id", "missing");
    if (!prevId) failAt(source, "prevId", "missing");
    h.id = std::move(*id);
    h.prevId = std::move(*prevId);
    return h;
}

model::Schema readFile(const std::filesystem::path& path) {
    return read(util::readFileOrThrow(path), path.string());
}

}  // namespace drizzle::kit::snapshot

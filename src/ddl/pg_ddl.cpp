// PostgreSQL: the statements that create a schema, as Drizzle Kit 0.31 writes them.
#include <array>
#include <cctype>

#include <nlohmann/json.hpp>

#include "ddl/ddl_internal.hpp"

namespace drizzle::kit::ddl::detail {
namespace {

using namespace model;

std::string q(std::string_view name) { return quoteName(name, '"'); }

std::string qualified(std::string_view schema, std::string_view name) {
    return schema.empty() ? q(name) : q(schema) + "." + q(name);
}

std::string upper(std::string s) {
    for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// Drizzle Kit prints a type bare when it starts with one of these, and quotes any other type
// name as a user type ("inet", "point", "smallserial" — all still valid quoted).
constexpr std::array<std::string_view, 23> nativeTypePrefixes = {
    "uuid",     "smallint", "integer", "bigint", "boolean",          "text",    "varchar", "serial",
    "bigserial", "decimal", "numeric", "real",   "json",             "time",    "date",    "interval",
    "double precision", "char", "vector", "geometry", "halfvec", "sparsevec", "bit"};

bool isNativeType(std::string_view type) {
    for (auto prefix : nativeTypePrefixes)
        if (type.starts_with(prefix)) return true;
    return false;
}

// Splits "varchar(10)[3]" into "varchar(10)" and "[3]".
std::pair<std::string_view, std::string_view> splitArraySuffix(std::string_view type) {
    std::size_t end = type.size();
    while (end > 0 && type[end - 1] == ']') {
        std::size_t open = type.rfind('[', end - 1);
        if (open == std::string_view::npos) break;
        bool digits = true;
        for (std::size_t i = open + 1; i + 1 < end; ++i)
            if (!std::isdigit(static_cast<unsigned char>(type[i]))) digits = false;
        if (!digits) break;
        end = open;
    }
    return {type.substr(0, end), type.substr(end)};
}

std::string columnType(const Column& c) {
    auto [base, arrays] = splitArraySuffix(c.type);
    if (c.typeSchema) {
        // An enum: always quoted and schema-qualified. (Drizzle Kit prints an enum whose name
        // starts like a native type, "integer_level", bare and without its schema.)
        std::string prefix = *c.typeSchema != "public" ? q(*c.typeSchema) + "." : "";
        return prefix + q(base) + std::string(arrays);
    }
    if (isNativeType(c.type)) return c.type;
    // A user type's modifiers stay outside the quotes: "geography"(point, 4326), which is valid
    // where Drizzle Kit's "geography(point, 4326)" names no type.
    auto paren = base.find('(');
    if (paren == std::string_view::npos) return q(base) + std::string(arrays);
    return q(base.substr(0, paren)) + std::string(base.substr(paren)) + std::string(arrays);
}

std::string jsonScalar(const nlohmann::json& v) {
    return v.is_string() ? v.get<std::string>() : v.dump();
}

std::string joinParts(const std::vector<std::string>& parts, std::string_view separator) {
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i > 0) out += separator;
        out += parts[i];
    }
    return out;
}

// An array default as a PostgreSQL array literal body: {1,2,{3,4}}.
std::string arrayLiteralBody(const nlohmann::json& v) {
    if (!v.is_array()) return jsonScalar(v);
    std::vector<std::string> parts;
    for (const auto& e : v) parts.push_back(arrayLiteralBody(e));
    return "{" + joinParts(parts, ",") + "}";
}

// Drizzle Kit stores point, line, geometry and vector defaults as JSON ([1,2] or {"x":1,"y":2})
// and prints them unquoted ("DEFAULT 1,2"), which PostgreSQL rejects. These are the literals
// the column types accept.
std::string jsonDefault(const Column& c, std::string_view text) {
    auto v = nlohmann::json::parse(text, nullptr, false);
    if (v.is_discarded()) return stringLiteral(text);
    auto [base, arrays] = splitArraySuffix(c.type);
    std::string typeName = lower(std::string(base.substr(0, base.find('('))));

    auto pick = [&](std::initializer_list<const char*> keys) {
        std::vector<std::string> parts;
        if (v.is_array()) {
            for (const auto& e : v) parts.push_back(jsonScalar(e));
        } else if (v.is_object()) {
            for (const char* k : keys)
                if (v.contains(k)) parts.push_back(jsonScalar(v[k]));
        }
        return parts;
    };
    if (arrays.empty() && (v.is_array() || v.is_object())) {
        if (typeName == "point") return stringLiteral("(" + joinParts(pick({"x", "y"}), ",") + ")");
        if (typeName == "line") return stringLiteral("{" + joinParts(pick({"a", "b", "c"}), ",") + "}");
        if (typeName == "geometry") return stringLiteral("POINT(" + joinParts(pick({"x", "y"}), " ") + ")");
        if (typeName == "vector" || typeName == "halfvec")
            return stringLiteral("[" + joinParts(pick({}), ",") + "]");
    }
    if (!arrays.empty() && v.is_array()) return stringLiteral(arrayLiteralBody(v));
    return stringLiteral(text);
}

std::string defaultClause(const Column& c) {
    if (!c.defaultValue) return "";
    const auto& d = *c.defaultValue;
    return " DEFAULT " + (d.kind == DefaultValue::Kind::json ? jsonDefault(c, d.text) : d.text);
}

bool present(const std::optional<std::string>& v) { return v && !v->empty(); }

std::string sequenceOptions(const Sequence& s) {
    std::string out;
    if (present(s.increment)) out += " INCREMENT BY " + *s.increment;
    if (present(s.minValue)) out += " MINVALUE " + *s.minValue;
    if (present(s.maxValue)) out += " MAXVALUE " + *s.maxValue;
    if (present(s.startWith)) out += " START WITH " + *s.startWith;
    if (present(s.cache)) out += " CACHE " + *s.cache;
    if (s.cycle.value_or(false)) out += " CYCLE";
    return out;
}

std::string columnDefinition(const Table& t, const Column& c) {
    std::string out = "\t" + q(c.name) + " " + columnType(c);
    if (c.primaryKey) out += " PRIMARY KEY";
    out += defaultClause(c);
    if (c.generated) out += " GENERATED ALWAYS AS (" + c.generated->as + ") STORED";
    if (c.notNull && !c.identity) out += " NOT NULL";
    if (c.isUnique.value_or(false)) {
        out += " CONSTRAINT " + q(c.uniqueName.value_or(t.name + "_" + c.name + "_unique")) + " UNIQUE";
        if (c.nullsNotDistinct.value_or(false)) out += " NULLS NOT DISTINCT";
    }
    if (c.identity) {
        out += std::string(" GENERATED ") + (c.identity->type == "always" ? "ALWAYS" : "BY DEFAULT") +
               " AS IDENTITY (sequence name " + qualified(t.schema, c.identity->sequence.name) +
               sequenceOptions(c.identity->sequence) + ")";
    }
    return out;
}

std::string createTable(const Table& t) {
    std::string out = "CREATE TABLE " + qualified(t.schema, t.name) + " (\n";
    for (std::size_t i = 0; i < t.columns.size(); ++i) {
        if (i > 0) out += ",\n";
        out += columnDefinition(t, t.columns[i]);
    }
    // A table has one primary key; Drizzle Kit writes the first.
    if (!t.compositePrimaryKeys.empty()) {
        const auto& pk = t.compositePrimaryKeys.front();
        out += ",\n\tCONSTRAINT " + q(pk.name) + " PRIMARY KEY(" + quotedList(pk.columns, '"', ",") + ")";
    }
    for (const auto& u : t.uniqueConstraints) {
        out += ",\n\tCONSTRAINT " + q(u.name) + " UNIQUE" + (u.nullsNotDistinct ? " NULLS NOT DISTINCT" : "") +
               "(" + quotedList(u.columns, '"', ",") + ")";
    }
    for (const auto& c : t.checks) out += ",\n\tCONSTRAINT " + q(c.name) + " CHECK (" + c.value + ")";
    out += "\n);\n";
    return out;
}

std::string createForeignKey(const Table& t, const ForeignKey& fk) {
    std::string schemaTo = fk.schemaTo && !fk.schemaTo->empty() ? *fk.schemaTo : "public";
    std::string out = "ALTER TABLE " + qualified(t.schema, t.name) + " ADD CONSTRAINT " + q(fk.name) +
                      " FOREIGN KEY (" + quotedList(fk.columnsFrom, '"', ",") + ") REFERENCES " +
                      qualified(schemaTo, fk.tableTo) + "(" + quotedList(fk.columnsTo, '"', ",") + ")";
    if (present(fk.onDelete)) out += " ON DELETE " + *fk.onDelete;
    if (present(fk.onUpdate)) out += " ON UPDATE " + *fk.onUpdate;
    return out + ";";
}

std::string indexColumn(const IndexColumn& c) {
    std::string out = c.isExpression ? c.expression : q(c.expression);
    // Drizzle Kit drops DESC and NULLS when an operator class is given; they are kept here, after
    // the operator class where PostgreSQL expects them.
    if (present(c.opclass)) out += " " + *c.opclass;
    if (!c.asc) out += " DESC";
    if (present(c.nulls) && !(c.asc && *c.nulls == "last")) out += " NULLS " + upper(*c.nulls);
    return out;
}

std::string createIndex(const Table& t, const Index& idx) {
    std::string out = std::string("CREATE ") + (idx.isUnique ? "UNIQUE INDEX" : "INDEX");
    if (idx.concurrently) out += " CONCURRENTLY";
    out += " " + q(idx.name) + " ON " + qualified(t.schema, t.name);
    if (!idx.method.empty()) out += " USING " + idx.method;
    std::vector<std::string> columns;
    for (const auto& c : idx.columns) columns.push_back(indexColumn(c));
    out += " (" + joinParts(columns, ",") + ")";
    if (!idx.with.empty()) {
        std::vector<std::string> params;
        for (const auto& [key, value] : idx.with) params.push_back(key + "=" + withOptionValue(value));
        out += " WITH (" + joinParts(params, ",") + ")";
    }
    if (present(idx.where)) out += " WHERE " + *idx.where;
    return out + ";";
}

std::string snakeCase(std::string_view camel) {
    std::string out;
    for (char c : camel) {
        if (std::isupper(static_cast<unsigned char>(c))) {
            out += '_';
            out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        } else {
            out += c;
        }
    }
    return out;
}

std::string createView(const View& v) {
    std::string out = std::string(v.materialized ? "CREATE MATERIALIZED VIEW " : "CREATE VIEW ") +
                      qualified(v.schema, v.name);
    if (present(v.using_)) out += " USING " + q(*v.using_);
    if (!v.with.empty()) {
        std::vector<std::string> options;
        for (const auto& [key, value] : v.with) options.push_back(snakeCase(key) + " = " + withOptionValue(value));
        out += " WITH (" + joinParts(options, ", ") + ")";
    }
    // Drizzle Kit prints the tablespace bare; quoted, a name with capitals or spaces still works.
    if (present(v.tablespace)) out += " TABLESPACE " + q(*v.tablespace);
    out += " AS (" + viewDefinition(v, qualified(v.schema, v.name)) + ")";
    if (v.materialized && v.withNoData.value_or(false)) out += " WITH NO DATA";
    return out + ";";
}

std::string policyRoles(const std::vector<std::string>& to) {
    if (to.empty()) return "public";
    std::vector<std::string> roles;
    for (const auto& r : to) {
        bool keyword = r == "current_user" || r == "current_role" || r == "session_user" || r == "public";
        roles.push_back(keyword ? r : q(r));
    }
    return joinParts(roles, ", ");
}

std::string createPolicy(const Policy& p, const std::string& target) {
    std::string out = "CREATE POLICY " + q(p.name) + " ON " + target + " AS " + upper(p.as.value_or("PERMISSIVE")) +
                      " FOR " + upper(p.for_.value_or("ALL")) + " TO " + policyRoles(p.to);
    if (present(p.using_)) out += " USING (" + *p.using_ + ")";
    if (present(p.withCheck)) out += " WITH CHECK (" + *p.withCheck + ")";
    return out + ";";
}

// A standalone policy names its table as Drizzle writes it, `"schema"."table"`; the parts are
// read back and quoted again so that no text reaches the SQL unescaped.
std::string policyTarget(const Policy& p) {
    const std::string on = p.on.value_or("");
    std::vector<std::string> parts;
    std::size_t i = 0;
    while (i < on.size() && on[i] == '"') {
        std::string part;
        std::size_t j = i + 1;
        for (; j < on.size(); ++j) {
            if (on[j] != '"') {
                part += on[j];
            } else if (j + 1 < on.size() && on[j + 1] == '"') {
                part += '"';
                ++j;
            } else {
                break;
            }
        }
        if (j >= on.size()) break;
        parts.push_back(part);
        i = j + 1;
        if (i < on.size() && on[i] == '.') ++i;
    }
    if (i == on.size() && (parts.size() == 1 || parts.size() == 2))
        return parts.size() == 2 ? qualified(parts[0], parts[1]) : q(parts[0]);
    return qualified(p.schema.value_or(""), on);
}

std::string createRole(const Role& r) {
    bool createDb = r.createDb.value_or(false), createRole = r.createRole.value_or(false);
    bool inherit = r.inherit.value_or(true);
    std::string out = "CREATE ROLE " + q(r.name);
    if (createDb || createRole || !inherit) {
        out += " WITH";
        if (createDb) out += " CREATEDB";
        if (createRole) out += " CREATEROLE";
        if (!inherit) out += " NOINHERIT";
    }
    return out + ";";
}

std::string createEnum(const Enum& e) {
    std::vector<std::string> values;
    for (const auto& v : e.values) values.push_back(stringLiteral(v));
    return "CREATE TYPE " + qualified(e.schema, e.name) + " AS ENUM(" + joinParts(values, ", ") + ");";
}

}  // namespace

std::vector<std::string> pgCreateStatements(const Schema& schema) {
    std::vector<std::string> out;
    for (const auto& s : schema.schemas)
        if (s != "public") out.push_back("CREATE SCHEMA " + q(s) + ";\n");
    for (const auto& e : schema.enums) out.push_back(createEnum(e));
    for (const auto& s : schema.sequences)
        out.push_back("CREATE SEQUENCE " + qualified(s.schema, s.name) + sequenceOptions(s) + ";");
    for (const auto& r : schema.roles) out.push_back(createRole(r));
    for (const auto& t : schema.tables) {
        out.push_back(createTable(t));
        if (!t.policies.empty() || t.isRLSEnabled)
            out.push_back("ALTER TABLE " + qualified(t.schema, t.name) + " ENABLE ROW LEVEL SECURITY;");
    }
    for (const auto& t : schema.tables)
        for (const auto& fk : t.foreignKeys) out.push_back(createForeignKey(t, fk));
    for (const auto& t : schema.tables)
        for (const auto& idx : t.indexes) out.push_back(createIndex(t, idx));
    for (const auto& v : schema.views)
        if (!v.isExisting) out.push_back(createView(v));
    for (const auto& t : schema.tables)
        for (const auto& p : t.policies) out.push_back(createPolicy(p, qualified(t.schema, t.name)));
    for (const auto& p : schema.policies) out.push_back(createPolicy(p, policyTarget(p)));
    return out;
}

// Exported for the differ (ddl_internal.hpp).
std::string pgQualifiedName(std::string_view schema, std::string_view name) { return qualified(schema, name); }
std::string pgColumnDefinition(const Table& t, const Column& c) { return columnDefinition(t, c).substr(1); }
std::string pgColumnType(const Column& c) { return columnType(c); }
std::string pgDefaultValue(const Column& c) {
    auto clause = defaultClause(c);
    return clause.empty() ? clause : clause.substr(std::string_view(" DEFAULT ").size());
}
std::string pgSequenceOptions(const Sequence& s) { return sequenceOptions(s); }
std::string pgCreateTable(const Table& t) { return createTable(t); }
std::string pgCreateForeignKey(const Table& t, const ForeignKey& fk) { return createForeignKey(t, fk); }
std::string pgCreateIndex(const Table& t, const Index& idx) { return createIndex(t, idx); }
std::string pgCreateView(const View& v) { return createView(v); }
std::string pgCreatePolicy(const Policy& p, const std::string& target) { return createPolicy(p, target); }
std::string pgPolicyTarget(const Policy& p) { return policyTarget(p); }
std::string pgPolicyRoles(const std::vector<std::string>& to) { return policyRoles(to); }
std::string pgCreateRole(const Role& r) { return createRole(r); }
std::string pgCreateEnum(const Enum& e) { return createEnum(e); }

}  // namespace drizzle::kit::ddl::detail

// The code generator's entry point: names first (one global scope, so no two declarations of
// schema.hpp and relations.hpp collide), then the two files.
#include <algorithm>

#include "codegen/codegen_internal.hpp"
#include "codegen/naming.hpp"

namespace drizzle::codegen {

namespace {

std::string publicAsEmpty(const std::string& schema) { return schema == "public" ? "" : schema; }

// "audit" + "log" -> "audit_log": tables outside `public` carry their schema in their C++ names.
std::string qualified(const std::string& schema, const std::string& name) {
    return schema.empty() ? name : schema + "_" + name;
}

// "mood" -> "moodEnum", but "moodEnum" and "mood_enum" stay as they are.
std::string withSuffix(const std::string& name, const std::string& suffix) {
    auto lower = [](std::string v) {
        std::transform(v.begin(), v.end(), v.begin(), [](unsigned char c) { return std::tolower(c); });
        return v;
    };
    const std::string l = lower(name), ls = lower(suffix);
    return l.size() >= ls.size() && l.compare(l.size() - ls.size(), ls.size(), ls) == 0 ? name : name + suffix;
}

}  // namespace

TableKey tableKey(const std::string& schema, const std::string& name) { return {publicAsEmpty(schema), name}; }
TableKey keyOf(const model::Table& table) { return tableKey(table.schema, table.name); }

std::string Names::memberPointer(const TableKey& table, const std::string& column) const {
    auto s = rowStruct.find(table);
    auto m = member.find(table);
    if (s == rowStruct.end() || m == member.end()) return "";
    auto c = m->second.find(column);
    return c == m->second.end() ? "" : "&" + s->second + "::" + c->second;
}

Names chooseNames(const model::Schema& schema, const kit::CodegenOptions& options) {
    Names n;
    n.ns = traitsOf(schema.dialect).dslNamespace;
    Scope global;
    global.reserve(options.cppNamespace);

    for (const auto& s : schema.schemas) n.schemaVariable[s] = global.take(camelCase(s) + "Schema");
    for (const auto& e : schema.enums)
        n.enumVariable[tableKey(e.schema, e.name)] =
            global.take(withSuffix(camelCase(qualified(publicAsEmpty(e.schema), e.name)), "Enum"));
    for (const auto& q : schema.sequences)
        n.sequenceVariable[tableKey(q.schema, q.name)] =
            global.take(withSuffix(camelCase(qualified(publicAsEmpty(q.schema), q.name)), "Seq"));
    for (const auto& r : schema.roles) n.roleVariable[r.name] = global.take(withSuffix(camelCase(r.name), "Role"));

    auto nameRow = [&](const TableKey& key, const std::vector<model::Column>& columns) {
        const std::string q = qualified(key.first, key.second);
        std::string structName = pascalCase(singular(q));
        if (structName.empty()) structName = "Row";
        n.rowStruct[key] = global.take(structName);
        n.tableVariable[key] = global.take(camelCase(q));
        Scope members;
        auto& map = n.member[key];
        for (const auto& c : columns)
            map[c.name] = members.take(options.casing == "preserve" ? c.name : camelCase(c.name));
    };
    for (const auto& t : schema.tables) nameRow(keyOf(t), t.columns);
    for (const auto& v : schema.views) nameRow(tableKey(v.schema, v.name), v.columns);
    for (const auto& t : schema.tables) {
        const TableKey key = keyOf(t);
        n.relationsStruct[key] = global.take(n.rowStruct[key] + "Relations");
        n.relationsVariable[key] = global.take(n.tableVariable[key] + "Relations");
    }
    return n;
}

}  // namespace drizzle::codegen

namespace drizzle::kit {

GeneratedCode generateCode(const model::Schema& schema, const CodegenOptions& options) {
    // The database's catalog order must not show in the output: collections are sorted by name,
    // on a copy only when they are not already (introspection reads them in order).
    auto byName = [](const auto& a, const auto& b) { return std::tie(a.schema, a.name) < std::tie(b.schema, b.name); };
    auto byRoleName = [](const auto& a, const auto& b) { return a.name < b.name; };
    const bool sorted = std::is_sorted(schema.tables.begin(), schema.tables.end(), byName) &&
                        std::is_sorted(schema.views.begin(), schema.views.end(), byName) &&
                        std::is_sorted(schema.enums.begin(), schema.enums.end(), byName) &&
                        std::is_sorted(schema.sequences.begin(), schema.sequences.end(), byName) &&
                        std::is_sorted(schema.schemas.begin(), schema.schemas.end()) &&
                        std::is_sorted(schema.roles.begin(), schema.roles.end(), byRoleName);
    model::Schema copy;
    if (!sorted) {
        copy = schema;
        std::sort(copy.tables.begin(), copy.tables.end(), byName);
        std::sort(copy.views.begin(), copy.views.end(), byName);
        std::sort(copy.enums.begin(), copy.enums.end(), byName);
        std::sort(copy.sequences.begin(), copy.sequences.end(), byName);
        std::sort(copy.schemas.begin(), copy.schemas.end());
        std::sort(copy.roles.begin(), copy.roles.end(), byRoleName);
    }
    const model::Schema& in = sorted ? schema : copy;

    const codegen::Names names = codegen::chooseNames(in, options);
    GeneratedCode code;
    code.schema = codegen::schemaCode(in, options, names, code.notes);
    code.relations = codegen::relationsCode(in, options, names);
    return code;
}

}  // namespace drizzle::kit

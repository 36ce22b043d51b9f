// relations.hpp: for every foreign key, a One on the referencing table (named after the
// referenced table, singular) and a Many on the referenced one (named after the referencing
// table, plural), as Drizzle Kit names them. When two tables are linked more than once, both
// ends of each link carry the same relationName (Drizzle Kit decides that per table, which can
// leave one end unnamed; here it is decided per link, so the pairs always match), and clashing
// relation names get the column's name appended.
#include <algorithm>
#include <map>
#include <sstream>

#include "codegen/codegen_internal.hpp"
#include "codegen/column_code.hpp"
#include "codegen/naming.hpp"

namespace drizzle::codegen {

namespace {

struct Link {  // one foreign key both generated tables can declare
    TableKey from, to;
    std::vector<std::string> columnsFrom, columnsTo;
    std::string relationName;
};

struct Relation {
    bool one = true;
    std::string name;
    TableKey self, other;
    const Link* link = nullptr;
};

std::string join(const std::vector<std::string>& v, std::string_view sep) {
    std::string s;
    for (std::size_t i = 0; i < v.size(); ++i) s += (i ? std::string(sep) : "") + v[i];
    return s;
}

// "    Type name{args};", with the arguments on a line of their own when it would be long.
std::string declaration(const std::string& head, const std::string& args) {
    const std::string oneLine = "    " + head + "{" + args + "};\n";
    return oneLine.size() <= 111 ? oneLine : "    " + head + "{\n        " + args + "};\n";
}

std::string valueTypeOf(const model::Schema& s, const model::Column& c) {
    return columnCode(s.dialect, c, c.typeSchema ? "enum" : "", "").valueType;
}

}  // namespace

std::string relationsCode(const model::Schema& schema, const kit::CodegenOptions& options, const Names& names) {
    auto casing = [&](const std::string& column) { return options.casing == "preserve" ? column : camelCase(column); };

    ByTable<const model::Table*> tables;
    for (const auto& t : schema.tables) tables[keyOf(t)] = &t;
    std::vector<Link> links;
    for (const auto& t : schema.tables) {
        auto fks = t.foreignKeys;
        std::sort(fks.begin(), fks.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
        for (const auto& fk : fks) {
            const TableKey from = keyOf(t);
            const TableKey to = tableKey(fk.schemaTo.value_or(""), fk.tableTo);
            const auto found = tables.find(to);
            const model::Table* target = found == tables.end() ? nullptr : found->second;
            if (!target || fk.columnsFrom.size() != fk.columnsTo.size() || fk.columnsFrom.empty()) continue;
            bool sameTypes = true;
            for (std::size_t i = 0; i < fk.columnsFrom.size(); ++i) {
                const model::Column* a = t.column(fk.columnsFrom[i]);
                const model::Column* b = target->column(fk.columnsTo[i]);
                sameTypes = sameTypes && a && b && valueTypeOf(schema, *a) == valueTypeOf(schema, *b);
            }
            if (!sameTypes) continue;  // schema.hpp says why the key itself is not declared
            links.push_back({from, to, fk.columnsFrom, fk.columnsTo, ""});
        }
    }

    // A link needs a relationName when either of its tables has another link to the other one.
    std::map<std::pair<TableKey, TableKey>, int> between;
    for (const auto& l : links) {
        ++between[{l.from, l.to}];
        if (l.from != l.to) ++between[{l.to, l.from}];
    }
    Scope relationNames;  // two keys over the same columns still get two names
    for (auto& l : links) {
        const int count = between[{l.from, l.to}];
        if (count > 1 || l.from == l.to)
            l.relationName = relationNames.take(names.tableVariable.at(l.from) + "_" + casing(l.columnsFrom[0]) + "_" +
                                                names.tableVariable.at(l.to) + "_" + casing(l.columnsTo[0]));
    }

    std::map<TableKey, std::vector<Relation>> byTable;
    for (const auto& l : links) {
        byTable[l.from].push_back({true, singular(names.tableVariable.at(l.to)), l.from, l.to, &l});
        byTable[l.to].push_back({false, plural(names.tableVariable.at(l.from)), l.to, l.from, &l});
    }

    std::ostringstream out;
    out << "// Relations between the tables of " << options.schemaFileName
        << ", one set per table, derived from the foreign keys\n"
           "// by `drizzle-kit pull`, for relational queries (`with`). They change nothing in the database.\n"
           "#pragma once\n\n#include <drizzle/relations.hpp>\n\n#include \""
        << options.schemaFileName << "\"\n\nnamespace " << options.cppNamespace << " {\n";
    for (const auto& t : schema.tables) {
        const TableKey key = keyOf(t);
        auto it = byTable.find(key);
        if (it == byTable.end()) continue;
        std::vector<Relation>& rels = it->second;
        std::map<std::string, int> uses;  // counted before any is renamed, so the outcome is order-free
        for (const auto& r : rels) ++uses[r.name];
        for (auto& r : rels)
            if (uses[r.name] > 1) r.name += "_" + (r.one ? r.link->columnsFrom[0] : r.link->columnsTo[0]);
        Scope members;
        const std::string& self = names.rowStruct.at(key);
        out << "\nstruct " << names.relationsStruct.at(key) << " {\n";
        for (const auto& r : rels) {
            const std::string member = members.take(camelCase(r.name));
            const std::string& other = names.rowStruct.at(r.other);
            const std::string pair = r.link->relationName.empty() ? "" : ", " + literal(r.link->relationName);
            if (r.one) {
                std::vector<std::string> from, to;
                for (const auto& c : r.link->columnsFrom) from.push_back(names.memberPointer(r.link->from, c));
                for (const auto& c : r.link->columnsTo) to.push_back(names.memberPointer(r.link->to, c));
                const std::string fields = from.size() == 1 ? from[0] : "drizzle::cols(" + join(from, ", ") + ")";
                const std::string refs = to.size() == 1 ? to[0] : "drizzle::cols(" + join(to, ", ") + ")";
                out << declaration("drizzle::One<" + self + ", " + other + "> " + member,
                                   literal(member) + ", " + fields + ", " + refs + pair);
            } else {
                out << declaration("drizzle::Many<" + self + ", " + other + "> " + member, literal(member) + pair);
            }
        }
        out << "};\n";
        out << "inline const " << names.relationsStruct.at(key) << " " << names.relationsVariable.at(key) << "{};\n";
    }
    out << "\n}  // namespace " << options.cppNamespace << "\n";
    return out.str();
}

}  // namespace drizzle::codegen

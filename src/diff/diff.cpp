// The differ's dialect-independent half: matching old objects to new ones (by name, or by the
// caller's rename decisions), the rename questions left open, and the `_meta` record.
#include <algorithm>
#include <map>

#include "diff/diff_internal.hpp"
#include "drizzle/kit/ddl.hpp"
#include "drizzle/error.hpp"

namespace drizzle::kit::diff {
namespace detail {

using namespace model;

std::string tableKey(Dialect dialect, const Table& table) { return objectKey(dialect, table.schema, table.name); }

Matched matchKeys(const std::vector<std::string>& oldKeys, const std::vector<std::string>& newKeys,
                  const std::vector<std::pair<std::string, std::string>>& renames, const std::string& kind) {
    Matched m;
    std::vector<bool> oldUsed(oldKeys.size()), newUsed(newKeys.size());
    auto find = [](const std::vector<std::string>& keys, const std::string& key) {
        return static_cast<std::size_t>(std::find(keys.begin(), keys.end(), key) - keys.begin());
    };
    for (const auto& [before, after] : renames) {
        std::size_t o = find(oldKeys, before), n = find(newKeys, after);
        // A rename whose target already existed before is not a rename of this diff's objects.
        if (o == oldKeys.size() && n == newKeys.size()) continue;
        if (o == oldKeys.size() || n == newKeys.size() || find(oldKeys, after) != oldKeys.size())
            throw Error(ErrorCategory::usage,
                        "cannot rename " + kind + " " + before + " to " + after + ": " +
                            (o == oldKeys.size() ? before + " does not exist in the previous schema"
                             : n == newKeys.size() ? after + " does not exist in the new schema"
                                                   : after + " already exists in the previous schema"));
        if (oldUsed[o] || newUsed[n]) throw Error(ErrorCategory::usage, kind + " " + before + " is renamed twice");
        oldUsed[o] = newUsed[n] = true;
        m.pairs.emplace_back(o, n);
    }
    for (std::size_t n = 0; n < newKeys.size(); ++n) {
        if (newUsed[n]) continue;
        std::size_t o = find(oldKeys, newKeys[n]);
        if (o < oldKeys.size() && !oldUsed[o]) {
            oldUsed[o] = newUsed[n] = true;
            m.pairs.emplace_back(o, n);
        }
    }
    std::sort(m.pairs.begin(), m.pairs.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
    for (std::size_t n = 0; n < newKeys.size(); ++n)
        if (!newUsed[n]) m.created.push_back(n);
    for (std::size_t o = 0; o < oldKeys.size(); ++o)
        if (!oldUsed[o]) m.dropped.push_back(o);
    return m;
}

namespace {

template <class T, class KeyOf>
std::vector<std::string> keysOf(const std::vector<T>& items, KeyOf keyOf) {
    std::vector<std::string> out;
    for (const auto& item : items) out.push_back(keyOf(item));
    return out;
}

std::vector<std::string> columnNames(const Table& t) {
    return keysOf(t.columns, [](const Column& c) { return c.name; });
}

// Column renames for one table, keyed "table.column" -> "column"; the table may be named as in
// `from` or as in `to`.
std::vector<std::pair<std::string, std::string>> columnRenames(Dialect d, const Table& from, const Table& to,
                                                               const Renames& renames) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const std::string& prefix : {tableKey(d, to) + ".", tableKey(d, from) + "."})
        for (const auto& [before, after] : renames.columns)
            if (before.starts_with(prefix)) out.emplace_back(before.substr(prefix.size()), after);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

}  // namespace

SchemaMatch match(const Schema& from, const Schema& to, const Renames& renames) {
    Dialect d = to.dialect;
    SchemaMatch m;
    m.schemas = matchKeys(from.schemas, to.schemas, renames.schemas, "schema");
    auto enumKey = [&](const Enum& e) { return drizzle::model::objectKey(d, e.schema == "public" ? "" : e.schema, e.name); };
    m.enums = matchKeys(keysOf(from.enums, enumKey), keysOf(to.enums, enumKey), renames.enums, "enum");
    auto sequenceKey = [&](const Sequence& s) { return drizzle::model::objectKey(d, s.schema == "public" ? "" : s.schema, s.name); };
    m.sequences = matchKeys(keysOf(from.sequences, sequenceKey), keysOf(to.sequences, sequenceKey), renames.sequences,
                            "sequence");
    auto viewKey = [&](const View& v) { return drizzle::model::objectKey(d, v.schema == "public" ? "" : v.schema, v.name); };
    m.views = matchKeys(keysOf(from.views, viewKey), keysOf(to.views, viewKey), renames.views, "view");
    auto roleKey = [](const Role& r) { return r.name; };
    m.roles = matchKeys(keysOf(from.roles, roleKey), keysOf(to.roles, roleKey), {}, "role");

    // A table whose schema was renamed keeps its identity.
    std::map<std::string, std::string> schemaRenames(renames.schemas.begin(), renames.schemas.end());
    auto tableRenames = renames.tables;
    for (const auto& t : from.tables) {
        auto s = schemaRenames.find(t.schema.empty() ? "public" : t.schema);
        if (s != schemaRenames.end()) tableRenames.emplace_back(tableKey(d, t), drizzle::model::objectKey(d, s->second, t.name));
    }
    auto tableKeyOf = [&](const Table& t) { return tableKey(d, t); };
    auto tables = matchKeys(keysOf(from.tables, tableKeyOf), keysOf(to.tables, tableKeyOf), tableRenames, "table");
    for (auto n : tables.created) m.createdTables.push_back(&to.tables[n]);
    for (auto o : tables.dropped) m.droppedTables.push_back(&from.tables[o]);
    for (auto [o, n] : tables.pairs) {
        const Table& a = from.tables[o];
        const Table& b = to.tables[n];
        m.tables.push_back({&a, &b,
                            matchKeys(columnNames(a), columnNames(b), columnRenames(d, a, b, renames),
                                      "column of " + tableKey(d, b))});
    }
    return m;
}

}  // namespace detail

namespace {

using namespace model;
using detail::Matched;

void ask(std::vector<RenameQuestion>& out, const std::string& kind, const std::string& scope, const Matched& m,
         const std::vector<std::string>& oldKeys, const std::vector<std::string>& newKeys) {
    if (m.created.empty() || m.dropped.empty()) return;
    std::vector<std::string> dropped;
    for (auto o : m.dropped) dropped.push_back(oldKeys[o]);
    for (auto n : m.created) out.push_back({kind, scope, newKeys[n], dropped});
}

template <class T, class KeyOf>
std::vector<std::string> keysOf(const std::vector<T>& items, KeyOf keyOf) {
    std::vector<std::string> out;
    for (const auto& item : items) out.push_back(keyOf(item));
    return out;
}

std::string quoted(const std::string& name) { return "\"" + name + "\""; }

}  // namespace

std::vector<RenameQuestion> renameQuestions(const Schema& from, const Schema& to, const Renames& renames) {
    Dialect d = to.dialect;
    auto m = detail::match(from, to, renames);
    std::vector<RenameQuestion> out;
    ask(out, "schema", "", m.schemas, from.schemas, to.schemas);
    auto enumKey = [&](const Enum& e) { return drizzle::model::objectKey(d, e.schema == "public" ? "" : e.schema, e.name); };
    ask(out, "enum", "", m.enums, keysOf(from.enums, enumKey), keysOf(to.enums, enumKey));
    auto seqKey = [&](const Sequence& s) {
        return drizzle::model::objectKey(d, s.schema == "public" ? "" : s.schema, s.name);
    };
    ask(out, "sequence", "", m.sequences, keysOf(from.sequences, seqKey), keysOf(to.sequences, seqKey));
    if (!m.createdTables.empty() && !m.droppedTables.empty()) {
        std::vector<std::string> dropped;
        for (const auto* t : m.droppedTables) dropped.push_back(detail::tableKey(d, *t));
        for (const auto* t : m.createdTables) out.push_back({"table", "", detail::tableKey(d, *t), dropped});
    }
    for (const auto& t : m.tables) {
        auto names = [](const Table& table) { return keysOf(table.columns, [](const Column& c) { return c.name; }); };
        ask(out, "column", detail::tableKey(d, *t.to), t.columns, names(*t.from), names(*t.to));
        std::vector<std::string> oldPolicies = keysOf(t.from->policies, [](const Policy& p) { return p.name; });
        std::vector<std::string> newPolicies = keysOf(t.to->policies, [](const Policy& p) { return p.name; });
        std::vector<std::pair<std::string, std::string>> policyRenames;
        std::string prefix = detail::tableKey(d, *t.to) + ".";
        for (const auto& [before, after] : renames.policies)
            if (before.starts_with(prefix)) policyRenames.emplace_back(before.substr(prefix.size()), after);
        ask(out, "policy", detail::tableKey(d, *t.to),
            detail::matchKeys(oldPolicies, newPolicies, policyRenames, "policy"), oldPolicies, newPolicies);
    }
    auto viewKey = [&](const View& v) { return drizzle::model::objectKey(d, v.schema == "public" ? "" : v.schema, v.name); };
    ask(out, "view", "", m.views, keysOf(from.views, viewKey), keysOf(to.views, viewKey));
    return out;
}

Result diff(const Schema& from, const Schema& to, const Renames& renames) {
    if (from.dialect != to.dialect)
        throw Error(ErrorCategory::usage, "cannot diff a " + std::string(dialectName(from.dialect)) + " schema against a " +
                                              std::string(dialectName(to.dialect)) + " schema");
    auto m = detail::match(from, to, renames);
    Result out;
    // `_meta` in Drizzle's format: "schema"."table" (no schema for public and other dialects).
    auto tableMetaKey = [](const Table& t) { return (t.schema.empty() ? "" : quoted(t.schema) + ".") + quoted(t.name); };
    for (auto [o, n] : m.schemas.pairs)
        if (from.schemas[o] != to.schemas[n]) out.meta.schemas.emplace_back(from.schemas[o], to.schemas[n]);
    for (const auto& t : m.tables) {
        if (tableMetaKey(*t.from) != tableMetaKey(*t.to))
            out.meta.tables.emplace_back(tableMetaKey(*t.from), tableMetaKey(*t.to));
        for (auto [o, n] : t.columns.pairs) {
            const auto& a = t.from->columns[o].name;
            const auto& b = t.to->columns[n].name;
            if (a != b) out.meta.columns.emplace_back(tableMetaKey(*t.to) + "." + quoted(a), tableMetaKey(*t.to) + "." + quoted(b));
        }
    }
    switch (to.dialect) {
        case Dialect::postgresql: detail::pgDiff(from, to, m, renames, out); break;
        case Dialect::sqlite: detail::sqliteDiff(from, to, m, renames, out); break;
        case Dialect::mysql: detail::mysqlDiff(from, to, m, renames, out); break;
    }
    for (const Change& change : out.changes)
        for (auto& statement : ddl::changeStatements(change, to)) out.statements.push_back(std::move(statement));
    return out;
}

}  // namespace drizzle::kit::diff

// PostgreSQL: the changes that turn one schema into another, in Drizzle Kit's order (see the
// phase list in `Plan`); src/ddl/pg_alter.cpp writes their statements.
#include <algorithm>
#include <map>

#include "ddl/ddl_internal.hpp"
#include "diff/diff_internal.hpp"
#include "drizzle/kit/ddl.hpp"

namespace drizzle::kit::diff::detail {
namespace {

using namespace model;
using namespace ddl::detail;
using K = ChangeKind;

std::string q(std::string_view name) { return ddl::quoteIdentifier(Dialect::postgresql, name); }
std::string tableName(const Table& t) { return pgQualifiedName(t.schema, t.name); }
std::string enumName(const Enum& e) { return pgQualifiedName(e.schema.empty() ? "public" : e.schema, e.name); }

// Changes by phase, concatenated in this order: Drizzle Kit's, with constraint and index drops
// before the column changes they could block, and creations after.
struct Plan {
    std::vector<Change> createSchemas, renameSchemas, createEnums, renameEnums, addEnumValues, createSequences,
        renameSequences, alterSequences, dropRoles, createRoles, alterRoles, createTables, rls, dropViews, renameViews,
        dropTables, moveTables, renameTables, renameColumns, dropUniques, dropChecks, dropForeignKeys, recreateEnums,
        dropIndexes, dropPrimaryKeys, alterColumns, addColumns, createdForeignKeys, createdIndexes, addForeignKeys,
        addIndexes, dropColumns, addPrimaryKeys, addUniques, addChecks, createViews, renamePolicies, dropPolicies,
        createPolicies, alterPolicies, dropEnums, dropSequences, dropSchemas;

    void appendTo(std::vector<Change>& out) {
        for (auto* phase :
             {&createSchemas, &renameSchemas, &createEnums, &renameEnums, &addEnumValues, &createSequences,
              &renameSequences, &alterSequences, &dropRoles, &createRoles, &alterRoles, &createTables, &rls,
              &dropViews, &renameViews, &dropTables, &moveTables, &renameTables, &renameColumns, &dropUniques,
              &dropChecks, &dropForeignKeys, &recreateEnums, &dropIndexes, &dropPrimaryKeys, &alterColumns,
              &addColumns, &createdForeignKeys, &createdIndexes, &addForeignKeys, &addIndexes, &dropColumns,
              &addPrimaryKeys, &addUniques, &addChecks, &createViews, &renamePolicies, &dropPolicies,
              &createPolicies, &alterPolicies, &dropEnums, &dropSequences, &dropSchemas})
            for (auto& c : *phase) out.push_back(std::move(c));
    }
};

// A change to an object of table `t` (its schema carried along).
Change of(const Table& t, ChangeKind kind, std::string name = {}, ChangedObject before = {}, ChangedObject after = {}) {
    Change c = change(kind, t.name, std::move(name), std::move(before), std::move(after));
    c.schema = t.schema;
    return c;
}
Change renamed(Change c, std::string oldName) {
    c.oldName = std::move(oldName);
    return c;
}
// A change to a schema-level object (schema, enum, sequence, role, view) in `schema`.
Change object(ChangeKind kind, std::string schema, std::string name, ChangedObject before = {}, ChangedObject after = {}) {
    Change c = change(kind, "", std::move(name), std::move(before), std::move(after));
    c.schema = std::move(schema);
    return c;
}

std::string columnUniqueName(const Table& t, const Column& c) {
    return c.uniqueName.value_or(t.name + "_" + c.name + "_unique");
}

bool isEnumColumn(const Column& c) { return c.typeSchema.has_value(); }

void alterIdentity(Plan& p, const Table& t, const Column& a, const Column& b) {
    if (!a.identity && b.identity) p.alterColumns.push_back(of(t, K::addIdentity, b.name, a, b));
    else if (a.identity && !b.identity) p.alterColumns.push_back(of(t, K::dropIdentity, b.name, a, b));
    else if (a.identity && !(*a.identity == *b.identity)) p.alterColumns.push_back(of(t, K::alterIdentity, b.name, a, b));
}

// A new type; across an enum the default cannot follow the cast: it is set again afterwards.
void alterType(Plan& p, Result& out, const Table& t, const Column& a, const Column& b) {
    if ((isEnumColumn(a) || isEnumColumn(b)) && a.defaultValue)
        p.alterColumns.push_back(of(t, K::dropColumnDefault, b.name, a, b));
    p.alterColumns.push_back(of(t, K::setColumnType, b.name, a, b));
    if (b.defaultValue) p.alterColumns.push_back(of(t, K::setColumnDefault, b.name, a, b));
    out.dataLossWarnings.push_back("column " + tableName(t) + "." + q(b.name) + " changes type from " + pgColumnType(a) +
                                   " to " + pgColumnType(b) + "; values that do not convert fail the migration");
}

void alterColumnPair(Plan& p, Result& out, const Table& t, const Column& a, const Column& b) {
    if (a.generated != b.generated) {
        if (a.generated && !b.generated) {
            p.alterColumns.push_back(of(t, K::dropGeneratedExpression, b.name, a, b));
        } else {
            // A new or changed generation expression: PostgreSQL can only drop the column and add it again.
            p.alterColumns.push_back(of(t, K::dropColumn, b.name, a));
            p.alterColumns.push_back(of(t, K::addColumn, b.name, {}, b));
            out.dataLossWarnings.push_back("column " + tableName(t) + "." + q(b.name) +
                                           " is dropped and added again to change what it is generated as");
            return;
        }
    }
    const bool typeChanged = pgColumnType(a) != pgColumnType(b);
    if (typeChanged) alterType(p, out, t, a, b);
    if (a.primaryKey && !b.primaryKey)
        p.dropPrimaryKeys.push_back(of(t, K::dropPrimaryKey, t.name + "_pkey", PrimaryKey{t.name + "_pkey", {a.name}}));
    if (!typeChanged && a.defaultValue != b.defaultValue)
        p.alterColumns.push_back(of(t, b.defaultValue ? K::setColumnDefault : K::dropColumnDefault, b.name, a, b));
    const bool notNullA = a.notNull || a.identity, notNullB = b.notNull || b.identity;
    if (!notNullA && notNullB) p.alterColumns.push_back(of(t, K::setNotNull, b.name, a, b));
    alterIdentity(p, t, a, b);
    if (notNullA && !notNullB) p.alterColumns.push_back(of(t, K::dropNotNull, b.name, a, b));
    if (!a.primaryKey && b.primaryKey) p.alterColumns.push_back(of(t, K::addPrimaryKey, "", {}, PrimaryKey{"", {b.name}}));
    const bool uniqueA = a.isUnique.value_or(false), uniqueB = b.isUnique.value_or(false);
    const bool uniqueChanged = columnUniqueName(t, a) != columnUniqueName(t, b) || a.nullsNotDistinct != b.nullsNotDistinct;
    const Unique before{columnUniqueName(t, a), {a.name}, a.nullsNotDistinct.value_or(false)};
    const Unique after{columnUniqueName(t, b), {b.name}, b.nullsNotDistinct.value_or(false)};
    if (uniqueA && (!uniqueB || uniqueChanged)) p.dropUniques.push_back(of(t, K::dropUnique, before.name, before));
    if (uniqueB && (!uniqueA || uniqueChanged)) p.addUniques.push_back(of(t, K::addUnique, after.name, {}, after));
}

bool sameIgnoringTableName(ForeignKey a, ForeignKey b) {
    a.tableFrom = b.tableFrom;
    auto norm = [](std::optional<std::string>& s) { if (s && (s->empty() || *s == "public")) s.reset(); };
    norm(a.schemaTo);
    norm(b.schemaTo);
    auto action = [](std::optional<std::string>& s) { if (s && *s == "no action") s.reset(); };
    action(a.onDelete), action(b.onDelete), action(a.onUpdate), action(b.onUpdate);
    return a == b;
}

void diffConstraints(Plan& p, const TableMatch& m, const std::vector<const Table*>& dropped) {
    const Table& a = *m.from;
    const Table& b = *m.to;
    byNameDiff(a.uniqueConstraints, b.uniqueConstraints,
               [&](const Unique& u) { p.dropUniques.push_back(of(b, K::dropUnique, u.name, u)); },
               [&](const Unique& u) { p.addUniques.push_back(of(b, K::addUnique, u.name, {}, u)); });
    byNameDiff(a.checks, b.checks, [&](const Check& c) { p.dropChecks.push_back(of(b, K::dropCheck, c.name, c)); },
               [&](const Check& c) { p.addChecks.push_back(of(b, K::addCheck, c.name, {}, c)); });
    for (const auto& fk : a.foreignKeys) {
        const ForeignKey* now = byName(b.foreignKeys, fk.name);
        if (now && sameIgnoringTableName(fk, *now)) continue;
        // DROP TABLE ... CASCADE already removed a foreign key to a dropped table.
        bool toDropped = std::any_of(dropped.begin(), dropped.end(), [&](const Table* t) {
            return t->name == fk.tableTo && (t->schema.empty() ? "public" : t->schema) == fk.schemaTo.value_or("public");
        });
        if (!toDropped) p.dropForeignKeys.push_back(of(b, K::dropForeignKey, fk.name, fk));
    }
    for (const auto& fk : b.foreignKeys) {
        const ForeignKey* before = byName(a.foreignKeys, fk.name);
        if (!before || !sameIgnoringTableName(*before, fk)) p.addForeignKeys.push_back(of(b, K::addForeignKey, fk.name, {}, fk));
    }
    byNameDiff(a.indexes, b.indexes, [&](const Index& i) { p.dropIndexes.push_back(of(b, K::dropIndex, i.name, i)); },
               [&](const Index& i) { p.addIndexes.push_back(of(b, K::createIndex, i.name, {}, i)); });
    byNameDiff(a.compositePrimaryKeys, b.compositePrimaryKeys,
               [&](const PrimaryKey& k) { p.dropPrimaryKeys.push_back(of(b, K::dropPrimaryKey, k.name, k)); },
               [&](const PrimaryKey& k) { p.addPrimaryKeys.push_back(of(b, K::addPrimaryKey, k.name, {}, k)); });
}

// Policies: renamed by decision, altered in place when only roles and expressions changed.
void diffPolicies(Plan& p, const Table& a, const Table& b, const Renames& renames) {
    std::map<std::string, std::string> policyRenames;
    std::string prefix = tableKey(Dialect::postgresql, b) + ".";
    for (const auto& [x, y] : renames.policies)
        if (x.starts_with(prefix)) policyRenames[x.substr(prefix.size())] = y;
    for (const auto& old : a.policies) {
        auto r = policyRenames.find(old.name);
        std::string newName = r != policyRenames.end() ? r->second : old.name;
        const Policy* now = byName(b.policies, newName);
        if (!now) {
            p.dropPolicies.push_back(of(b, K::dropPolicy, old.name, old));
            continue;
        }
        if (newName != old.name) p.renamePolicies.push_back(renamed(of(b, K::renamePolicy, newName, old, *now), old.name));
        Policy moved = old;
        moved.name = newName;
        if (moved == *now) continue;
        if (moved.as != now->as || moved.for_ != now->for_) {
            p.dropPolicies.push_back(of(b, K::dropPolicy, newName, moved));
            p.createPolicies.push_back(of(b, K::createPolicy, newName, {}, *now));
        } else {
            p.alterPolicies.push_back(of(b, K::alterPolicy, newName, moved, *now));
        }
    }
    for (const auto& now : b.policies) {
        bool existed = byName(a.policies, now.name) != nullptr;
        for (const auto& [x, y] : policyRenames)
            if (y == now.name && byName(a.policies, x)) existed = true;
        if (!existed) p.createPolicies.push_back(of(b, K::createPolicy, now.name, {}, now));
    }
}

void diffTable(Plan& p, Result& out, const TableMatch& m, const std::vector<const Table*>& dropped,
               const Renames& renames) {
    const Table& a = *m.from;
    const Table& b = *m.to;
    if (a.schema != b.schema) {
        bool bySchemaRename = false;
        for (const auto& [x, y] : renames.schemas)
            if (x == (a.schema.empty() ? "public" : a.schema) && y == (b.schema.empty() ? "public" : b.schema))
                bySchemaRename = true;
        if (!bySchemaRename) {
            Change move = renamed(of(a, K::moveTable, a.name, a, b), a.schema);
            move.schema = b.schema;
            p.moveTables.push_back(std::move(move));
        }
    }
    if (a.name != b.name) p.renameTables.push_back(renamed(of(b, K::renameTable, b.name, a, b), a.name));
    for (auto [o, n] : m.columns.pairs)
        if (a.columns[o].name != b.columns[n].name)
            p.renameColumns.push_back(
                renamed(of(b, K::renameColumn, b.columns[n].name, a.columns[o], b.columns[n]), a.columns[o].name));
    diffConstraints(p, m, dropped);
    for (auto [o, n] : m.columns.pairs) alterColumnPair(p, out, b, a.columns[o], b.columns[n]);
    for (auto n : m.columns.created) p.addColumns.push_back(of(b, K::addColumn, b.columns[n].name, {}, b.columns[n]));
    for (auto o : m.columns.dropped) {
        p.dropColumns.push_back(of(b, K::dropColumn, a.columns[o].name, a.columns[o]));
        out.dataLossWarnings.push_back("column " + tableName(b) + "." + q(a.columns[o].name) +
                                       " is dropped with its data");
    }
    const bool rlsA = a.isRLSEnabled || !a.policies.empty(), rlsB = b.isRLSEnabled || !b.policies.empty();
    if (!rlsA && rlsB) p.rls.push_back(of(b, K::enableRowLevelSecurity, b.name));
    if (rlsA && !rlsB) p.rls.push_back(of(b, K::disableRowLevelSecurity, b.name));
    diffPolicies(p, a, b, renames);
}

// True when `before` is `after` with values only inserted: ALTER TYPE ... ADD VALUE suffices.
bool onlyAdded(const std::vector<std::string>& before, const std::vector<std::string>& after) {
    std::size_t i = 0;
    for (const auto& v : after)
        if (i < before.size() && before[i] == v) ++i;
    return i == before.size();
}

// Values removed or reordered: the columns go through text while the type is recreated.
// Every column of the current database that uses the type goes to text, even one this
// migration drops or moves to another type later (else DROP TYPE fails); those that keep
// the type come back to it. Tables and columns already carry their new names here.
void recreateEnum(Plan& p, Result& out, const SchemaMatch& m, const Enum& a, const Enum& b) {
    auto usesEnum = [](const Column& c, const Enum& e) {
        return c.typeSchema && *c.typeSchema == e.schema && (c.type == e.name || c.type.starts_with(e.name + "["));
    };
    auto asText = [](Column c) {
        c.type = "text";
        c.typeSchema.reset();
        c.defaultValue.reset();
        return c;
    };
    std::vector<std::pair<const Table*, const Column*>> kept;
    for (const auto& tm : m.tables) {
        for (auto [co, cn] : tm.columns.pairs) {
            if (!usesEnum(tm.from->columns[co], a)) continue;
            const Column& now = tm.to->columns[cn];
            Column current = tm.from->columns[co];
            current.name = now.name;
            if (current.defaultValue) p.recreateEnums.push_back(of(*tm.to, K::dropColumnDefault, now.name, current));
            p.recreateEnums.push_back(of(*tm.to, K::setColumnType, now.name, current, asText(current)));
            if (usesEnum(now, b) && now.type.substr(b.name.size()) == current.type.substr(a.name.size()))
                kept.emplace_back(tm.to, &now);
        }
        for (auto co : tm.columns.dropped) {
            const Column& gone = tm.from->columns[co];
            if (usesEnum(gone, a)) p.recreateEnums.push_back(of(*tm.to, K::setColumnType, gone.name, gone, asText(gone)));
        }
    }
    p.recreateEnums.push_back(object(K::dropEnum, b.schema, b.name, b));
    p.recreateEnums.push_back(object(K::createEnum, b.schema, b.name, {}, b));
    for (auto [t, c] : kept) {
        p.recreateEnums.push_back(of(*t, K::setColumnType, c->name, asText(*c), *c));
        if (c->defaultValue) p.recreateEnums.push_back(of(*t, K::setColumnDefault, c->name, {}, *c));
    }
    for (const auto& v : a.values)
        if (std::find(b.values.begin(), b.values.end(), v) == b.values.end())
            out.dataLossWarnings.push_back("enum " + enumName(b) + " loses value " + stringLiteral(v) +
                                           "; rows holding it fail the migration");
}

// Schemas: created (but public), renamed, dropped.
void diffSchemas(Plan& p, const Schema& from, const Schema& to, const SchemaMatch& m) {
    for (auto n : m.schemas.created)
        if (to.schemas[n] != "public") p.createSchemas.push_back(object(K::createSchema, to.schemas[n], to.schemas[n]));
    for (auto [o, n] : m.schemas.pairs)
        if (from.schemas[o] != to.schemas[n])
            p.renameSchemas.push_back(renamed(object(K::renameSchema, to.schemas[n], to.schemas[n]), from.schemas[o]));
    for (auto o : m.schemas.dropped) p.dropSchemas.push_back(object(K::dropSchema, from.schemas[o], from.schemas[o]));
}

// Enums: created, dropped, moved, renamed, values added in place or the type recreated.
void diffEnums(Plan& p, Result& out, const Schema& from, const Schema& to, const SchemaMatch& m) {
    for (auto n : m.enums.created) p.createEnums.push_back(object(K::createEnum, to.enums[n].schema, to.enums[n].name, {}, to.enums[n]));
    for (auto o : m.enums.dropped) p.dropEnums.push_back(object(K::dropEnum, from.enums[o].schema, from.enums[o].name, from.enums[o]));
    for (auto [o, n] : m.enums.pairs) {
        const Enum& a = from.enums[o];
        const Enum& b = to.enums[n];
        Enum moved = a;
        if (a.schema != b.schema) {
            p.renameEnums.push_back(renamed(object(K::moveEnum, b.schema, a.name, a, b), a.schema));
            moved.schema = b.schema;
        }
        if (a.name != b.name) p.renameEnums.push_back(renamed(object(K::renameEnum, b.schema, b.name, moved, b), a.name));
        if (a.values == b.values) continue;
        if (onlyAdded(a.values, b.values)) {
            for (const auto& value : b.values)
                if (std::find(a.values.begin(), a.values.end(), value) == a.values.end())
                    p.addEnumValues.push_back(object(K::addEnumValue, b.schema, value, a, b));
            continue;
        }
        recreateEnum(p, out, m, a, b);
    }
}

// Sequences.
void diffSequences(Plan& p, const Schema& from, const Schema& to, const SchemaMatch& m) {
    for (auto n : m.sequences.created)
        p.createSequences.push_back(object(K::createSequence, to.sequences[n].schema, to.sequences[n].name, {}, to.sequences[n]));
    for (auto o : m.sequences.dropped)
        p.dropSequences.push_back(object(K::dropSequence, from.sequences[o].schema, from.sequences[o].name, from.sequences[o]));
    for (auto [o, n] : m.sequences.pairs) {
        Sequence a = from.sequences[o];
        const Sequence& b = to.sequences[n];
        if (a.schema != b.schema) {
            p.renameSequences.push_back(renamed(object(K::moveSequence, b.schema, a.name, a, b), a.schema));
            a.schema = b.schema;
        }
        if (a.name != b.name) {
            p.renameSequences.push_back(renamed(object(K::renameSequence, b.schema, b.name, a, b), a.name));
            a.name = b.name;
        }
        if (!(a == b)) p.alterSequences.push_back(object(K::alterSequence, b.schema, b.name, a, b));
    }
}

// Roles.
void diffRoles(Plan& p, const Schema& from, const Schema& to, const SchemaMatch& m) {
    for (auto o : m.roles.dropped) p.dropRoles.push_back(object(K::dropRole, "", from.roles[o].name, from.roles[o]));
    for (auto n : m.roles.created) p.createRoles.push_back(object(K::createRole, "", to.roles[n].name, {}, to.roles[n]));
    for (auto [o, n] : m.roles.pairs) {
        const Role& a = from.roles[o];
        const Role& b = to.roles[n];
        if (a.createDb.value_or(false) == b.createDb.value_or(false) &&
            a.createRole.value_or(false) == b.createRole.value_or(false) &&
            a.inherit.value_or(true) == b.inherit.value_or(true))
            continue;
        p.alterRoles.push_back(object(K::alterRole, "", b.name, a, b));
    }
}

// Tables: created with their keys, indexes and policies, dropped, and changed.
void diffTables(Plan& p, Result& out, const SchemaMatch& m, const Renames& renames) {
    for (const Table* t : m.createdTables) {
        p.createTables.push_back(of(*t, K::createTable, t->name, {}, *t));
        if (!t->policies.empty() || t->isRLSEnabled) p.createTables.push_back(of(*t, K::enableRowLevelSecurity, t->name));
        for (const auto& fk : t->foreignKeys) p.createdForeignKeys.push_back(of(*t, K::addForeignKey, fk.name, {}, fk));
        for (const auto& idx : t->indexes) p.createdIndexes.push_back(of(*t, K::createIndex, idx.name, {}, idx));
        for (const auto& pol : t->policies) p.createPolicies.push_back(of(*t, K::createPolicy, pol.name, {}, pol));
    }
    for (const Table* t : m.droppedTables) {
        for (const auto& pol : t->policies) p.dropTables.push_back(of(*t, K::dropPolicy, pol.name, pol));
        p.dropTables.push_back(of(*t, K::dropTable, t->name, *t));
        out.dataLossWarnings.push_back("table " + tableName(*t) + " is dropped with its data");
    }
    for (const auto& t : m.tables) diffTable(p, out, t, m.droppedTables, renames);
}

// Views: a changed view is dropped and created again.
void diffViews(Plan& p, const Schema& from, const Schema& to, const SchemaMatch& m) {
    for (auto o : m.views.dropped)
        if (!from.views[o].isExisting)
            p.dropViews.push_back(object(K::dropView, from.views[o].schema, from.views[o].name, from.views[o]));
    for (auto n : m.views.created)
        if (!to.views[n].isExisting) p.createViews.push_back(object(K::createView, to.views[n].schema, to.views[n].name, {}, to.views[n]));
    for (auto [o, n] : m.views.pairs) {
        View a = from.views[o];
        const View& b = to.views[n];
        if (a.isExisting || b.isExisting) continue;
        if (a.schema != b.schema) {
            p.renameViews.push_back(renamed(object(K::moveView, b.schema, a.name, a, b), a.schema));
            a.schema = b.schema;
        }
        if (a.name != b.name) {
            p.renameViews.push_back(renamed(object(K::renameView, b.schema, b.name, a, b), a.name));
            a.name = b.name;
        }
        if (a.columns = b.columns; a == b) continue;
        p.dropViews.push_back(object(K::dropView, b.schema, b.name, a));
        p.createViews.push_back(object(K::createView, b.schema, b.name, {}, b));
    }
}

// Standalone policies (linked to a table from outside the table's declaration): no table of
// their own in the change, their target is the policy's `on`.
void diffStandalonePolicies(Plan& p, const Schema& from, const Schema& to) {
    auto policyKey = [](const Policy& pol) { return pol.on.value_or("") + "." + pol.name; };
    for (const auto& pol : from.policies) {
        auto now = std::find_if(to.policies.begin(), to.policies.end(),
                                [&](const Policy& x) { return policyKey(x) == policyKey(pol); });
        if (now == to.policies.end() || !(*now == pol)) p.dropPolicies.push_back(object(K::dropPolicy, "", pol.name, pol));
    }
    for (const auto& pol : to.policies) {
        auto before = std::find_if(from.policies.begin(), from.policies.end(),
                                   [&](const Policy& x) { return policyKey(x) == policyKey(pol); });
        if (before == from.policies.end() || !(*before == pol))
            p.createPolicies.push_back(object(K::createPolicy, "", pol.name, {}, pol));
    }
}

}  // namespace

void pgDiff(const Schema& from, const Schema& to, const SchemaMatch& m, const Renames& renames, Result& out) {
    Plan p;
    diffSchemas(p, from, to, m);
    diffEnums(p, out, from, to, m);
    diffSequences(p, from, to, m);
    diffRoles(p, from, to, m);
    diffTables(p, out, m, renames);
    diffViews(p, from, to, m);
    diffStandalonePolicies(p, from, to);
    p.appendTo(out.changes);
}

}  // namespace drizzle::kit::diff::detail

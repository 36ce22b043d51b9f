// PostgreSQL: the statements that turn one schema into another, in Drizzle Kit's order (see the
// phase list in `Plan`) and spelling.
#include <algorithm>
#include <map>

#include "ddl/ddl_internal.hpp"
#include "diff/diff_internal.hpp"
#include "drizzle/kit/ddl.hpp"

namespace drizzle::kit::diff::detail {
namespace {

using namespace model;
using namespace ddl::detail;

std::string q(std::string_view name) { return ddl::quoteIdentifier(Dialect::postgresql, name); }
std::string qualified(const std::string& schema, const std::string& name) {
    return schema.empty() ? q(name) : q(schema) + "." + q(name);
}
std::string tableName(const Table& t) { return qualified(t.schema, t.name); }
std::string enumName(const Enum& e) { return qualified(e.schema.empty() ? "public" : e.schema, e.name); }
std::string sequenceName(const Sequence& s) { return qualified(s.schema.empty() ? "public" : s.schema, s.name); }
std::string viewName(const View& v) { return qualified(v.schema.empty() ? "public" : v.schema, v.name); }

// Statements by phase, concatenated in this order: Drizzle Kit's, with constraint and index
// drops before the column changes they could block, and creations after.
struct Plan {
    std::vector<std::string> createSchemas, renameSchemas, createEnums, renameEnums, addEnumValues, createSequences,
        renameSequences, alterSequences, dropRoles, createRoles, alterRoles, createTables, rls, dropViews, renameViews,
        dropTables, moveTables, renameTables, renameColumns, dropUniques, dropChecks, dropForeignKeys, recreateEnums,
        dropIndexes, dropPrimaryKeys, alterColumns, addColumns, createdForeignKeys, createdIndexes, addForeignKeys,
        addIndexes, dropColumns, addPrimaryKeys, addUniques, addChecks, createViews, renamePolicies, dropPolicies,
        createPolicies, alterPolicies, dropEnums, dropSequences, dropSchemas;

    std::vector<std::string> statements() const {
        std::vector<std::string> out;
        for (const auto* phase :
             {&createSchemas, &renameSchemas, &createEnums, &renameEnums, &addEnumValues, &createSequences,
              &renameSequences, &alterSequences, &dropRoles, &createRoles, &alterRoles, &createTables, &rls,
              &dropViews, &renameViews, &dropTables, &moveTables, &renameTables, &renameColumns, &dropUniques,
              &dropChecks, &dropForeignKeys, &recreateEnums, &dropIndexes, &dropPrimaryKeys, &alterColumns,
              &addColumns, &createdForeignKeys, &createdIndexes, &addForeignKeys, &addIndexes, &dropColumns,
              &addPrimaryKeys, &addUniques, &addChecks, &createViews, &renamePolicies, &dropPolicies,
              &createPolicies, &alterPolicies, &dropEnums, &dropSequences, &dropSchemas})
            out.insert(out.end(), phase->begin(), phase->end());
        return out;
    }
};


std::string alterColumn(const Table& t, const Column& c) {
    return "ALTER TABLE " + tableName(t) + " ALTER COLUMN " + q(c.name) + " ";
}

std::string identityClause(const Table& t, const Identity& id) {
    return std::string("GENERATED ") + (id.type == "always" ? "ALWAYS" : "BY DEFAULT") +
           " AS IDENTITY (sequence name " + qualified(t.schema, id.sequence.name) + pgSequenceOptions(id.sequence) + ")";
}

std::string uniqueConstraint(const Table& t, const Unique& u) {
    return "ALTER TABLE " + tableName(t) + " ADD CONSTRAINT " + q(u.name) + " UNIQUE" +
           (u.nullsNotDistinct ? " NULLS NOT DISTINCT" : "") + "(" + quotedList(u.columns, '"', ",") + ");";
}

std::string dropConstraint(const Table& t, const std::string& name) {
    return "ALTER TABLE " + tableName(t) + " DROP CONSTRAINT " + q(name) + ";";
}

std::string columnUniqueName(const Table& t, const Column& c) {
    return c.uniqueName.value_or(t.name + "_" + c.name + "_unique");
}

bool isEnumColumn(const Column& c) { return c.typeSchema.has_value(); }

void alterIdentity(Plan& p, const Table& t, const Column& a, const Column& b) {
    if (!a.identity && b.identity) {
        p.alterColumns.push_back(alterColumn(t, b) + "ADD " + identityClause(t, *b.identity) + ";");
        return;
    }
    if (a.identity && !b.identity) {
        p.alterColumns.push_back(alterColumn(t, b) + "DROP IDENTITY;");
        return;
    }
    if (!a.identity || *a.identity == *b.identity) return;
    const auto &x = a.identity->sequence, &y = b.identity->sequence;
    if (a.identity->type != b.identity->type)
        p.alterColumns.push_back(alterColumn(t, b) + "SET GENERATED " +
                                 (b.identity->type == "always" ? "ALWAYS" : "BY DEFAULT") + ";");
    auto option = [&](const std::optional<std::string>& before, const std::optional<std::string>& after,
                      const char* set, const char* reset) {
        if (before == after) return;
        if (after && !after->empty()) p.alterColumns.push_back(alterColumn(t, b) + set + " " + *after + ";");
        else p.alterColumns.push_back(alterColumn(t, b) + reset + ";");
    };
    option(x.minValue, y.minValue, "SET MINVALUE", "SET NO MINVALUE");
    option(x.maxValue, y.maxValue, "SET MAXVALUE", "SET NO MAXVALUE");
    option(x.increment, y.increment, "SET INCREMENT BY", "SET INCREMENT BY 1");
    option(x.startWith, y.startWith, "SET START WITH", "SET START WITH 1");
    option(x.cache, y.cache, "SET CACHE", "SET CACHE 1");
    if (x.cycle.value_or(false) != y.cycle.value_or(false))
        p.alterColumns.push_back(alterColumn(t, b) + (y.cycle.value_or(false) ? "SET CYCLE;" : "SET NO CYCLE;"));
}

void alterColumnPair(Plan& p, Result& out, const Table& t, const Column& a, const Column& b) {
    std::string where = tableName(t) + "." + q(b.name);
    if (a.generated != b.generated) {
        if (a.generated && !b.generated) {
            p.alterColumns.push_back(alterColumn(t, b) + "DROP EXPRESSION;");
        } else {
            // A new or changed generation expression: PostgreSQL can only drop the column and add it again.
            p.alterColumns.push_back("ALTER TABLE " + tableName(t) + " DROP COLUMN " + q(b.name) + ";");
            p.alterColumns.push_back("ALTER TABLE " + tableName(t) + " ADD COLUMN " + pgColumnDefinition(t, b) + ";");
            out.dataLossWarnings.push_back("column " + where + " is dropped and added again to change what it is generated as");
            return;
        }
    }
    bool typeChanged = pgColumnType(a) != pgColumnType(b);
    bool defaultDone = false;
    if (typeChanged) {
        std::string type = pgColumnType(b);
        if (!isEnumColumn(a) && !isEnumColumn(b)) {
            p.alterColumns.push_back(alterColumn(t, b) + "SET DATA TYPE " + type + ";");
            if (b.defaultValue) p.alterColumns.push_back(alterColumn(t, b) + "SET DEFAULT " + pgDefaultValue(b) + ";");
        } else {
            // A default cannot follow a cast to or from an enum: it is set again afterwards.
            if (a.defaultValue) p.alterColumns.push_back(alterColumn(t, b) + "DROP DEFAULT;");
            std::string cast = isEnumColumn(b) ? " USING " + q(b.name) + (isEnumColumn(a) ? "::text::" : "::") + type : "";
            p.alterColumns.push_back(alterColumn(t, b) + "SET DATA TYPE " + type + cast + ";");
            if (b.defaultValue) p.alterColumns.push_back(alterColumn(t, b) + "SET DEFAULT " + pgDefaultValue(b) + ";");
        }
        defaultDone = true;
        out.dataLossWarnings.push_back("column " + where + " changes type from " + pgColumnType(a) + " to " + type +
                                       "; values that do not convert fail the migration");
    }
    if (a.primaryKey && !b.primaryKey) p.dropPrimaryKeys.push_back(dropConstraint(t, t.name + "_pkey"));
    if (!defaultDone && a.defaultValue != b.defaultValue) {
        if (b.defaultValue) p.alterColumns.push_back(alterColumn(t, b) + "SET DEFAULT " + pgDefaultValue(b) + ";");
        else p.alterColumns.push_back(alterColumn(t, b) + "DROP DEFAULT;");
    }
    bool notNullA = a.notNull || a.identity, notNullB = b.notNull || b.identity;
    if (!notNullA && notNullB) p.alterColumns.push_back(alterColumn(t, b) + "SET NOT NULL;");
    alterIdentity(p, t, a, b);
    if (notNullA && !notNullB) p.alterColumns.push_back(alterColumn(t, b) + "DROP NOT NULL;");
    if (!a.primaryKey && b.primaryKey)
        p.alterColumns.push_back("ALTER TABLE " + tableName(t) + " ADD PRIMARY KEY (" + q(b.name) + ");");
    bool uniqueA = a.isUnique.value_or(false), uniqueB = b.isUnique.value_or(false);
    if (uniqueA && (!uniqueB || columnUniqueName(t, a) != columnUniqueName(t, b) ||
                    a.nullsNotDistinct != b.nullsNotDistinct))
        p.dropUniques.push_back(dropConstraint(t, columnUniqueName(t, a)));
    if (uniqueB && (!uniqueA || columnUniqueName(t, a) != columnUniqueName(t, b) ||
                    a.nullsNotDistinct != b.nullsNotDistinct))
        p.addUniques.push_back(uniqueConstraint(t, {columnUniqueName(t, b), {b.name}, b.nullsNotDistinct.value_or(false)}));
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

void diffTable(Plan& p, Result& out, const TableMatch& m, const std::vector<const Table*>& dropped,
               const Renames& renames) {
    const Table& a = *m.from;
    const Table& b = *m.to;
    if (a.schema != b.schema) {
        bool bySchemaRename = false;
        for (const auto& [x, y] : renames.schemas)
            if (x == (a.schema.empty() ? "public" : a.schema) && y == (b.schema.empty() ? "public" : b.schema))
                bySchemaRename = true;
        if (!bySchemaRename)
            p.moveTables.push_back("ALTER TABLE " + tableName(a) + " SET SCHEMA " +
                                   (b.schema.empty() ? std::string("public") : q(b.schema)) + ";\n");
    }
    if (a.name != b.name)
        p.renameTables.push_back("ALTER TABLE " + qualified(b.schema, a.name) + " RENAME TO " + q(b.name) + ";");
    for (auto [o, n] : m.columns.pairs)
        if (a.columns[o].name != b.columns[n].name)
            p.renameColumns.push_back("ALTER TABLE " + tableName(b) + " RENAME COLUMN " + q(a.columns[o].name) +
                                      " TO " + q(b.columns[n].name) + ";");

    byNameDiff(a.uniqueConstraints, b.uniqueConstraints,
               [&](const Unique& u) { p.dropUniques.push_back(dropConstraint(b, u.name)); },
               [&](const Unique& u) { p.addUniques.push_back(uniqueConstraint(b, u)); });
    byNameDiff(a.checks, b.checks, [&](const Check& c) { p.dropChecks.push_back(dropConstraint(b, c.name)); },
               [&](const Check& c) {
                   p.addChecks.push_back("ALTER TABLE " + tableName(b) + " ADD CONSTRAINT " + q(c.name) + " CHECK (" +
                                         c.value + ");");
               });
    for (const auto& fk : a.foreignKeys) {
        const ForeignKey* now = byName(b.foreignKeys, fk.name);
        if (now && sameIgnoringTableName(fk, *now)) continue;
        // DROP TABLE ... CASCADE already removed a foreign key to a dropped table.
        bool toDropped = std::any_of(dropped.begin(), dropped.end(), [&](const Table* t) {
            return t->name == fk.tableTo && (t->schema.empty() ? "public" : t->schema) == fk.schemaTo.value_or("public");
        });
        if (!toDropped) p.dropForeignKeys.push_back(dropConstraint(b, fk.name) + "\n");
    }
    for (const auto& fk : b.foreignKeys) {
        const ForeignKey* before = byName(a.foreignKeys, fk.name);
        if (!before || !sameIgnoringTableName(*before, fk)) p.addForeignKeys.push_back(pgCreateForeignKey(b, fk));
    }
    byNameDiff(a.indexes, b.indexes,
               [&](const Index& i) { p.dropIndexes.push_back("DROP INDEX " + qualified(b.schema, i.name) + ";"); },
               [&](const Index& i) { p.addIndexes.push_back(pgCreateIndex(b, i)); });
    byNameDiff(a.compositePrimaryKeys, b.compositePrimaryKeys,
               [&](const PrimaryKey& k) { p.dropPrimaryKeys.push_back(dropConstraint(b, k.name)); },
               [&](const PrimaryKey& k) {
                   p.addPrimaryKeys.push_back("ALTER TABLE " + tableName(b) + " ADD CONSTRAINT " + q(k.name) +
                                              " PRIMARY KEY(" + quotedList(k.columns, '"', ",") + ");");
               });

    for (auto [o, n] : m.columns.pairs) alterColumnPair(p, out, b, a.columns[o], b.columns[n]);
    for (auto n : m.columns.created)
        p.addColumns.push_back("ALTER TABLE " + tableName(b) + " ADD COLUMN " + pgColumnDefinition(b, b.columns[n]) + ";");
    for (auto o : m.columns.dropped) {
        p.dropColumns.push_back("ALTER TABLE " + tableName(b) + " DROP COLUMN " + q(a.columns[o].name) + ";");
        out.dataLossWarnings.push_back("column " + tableName(b) + "." + q(a.columns[o].name) +
                                       " is dropped with its data");
    }

    bool rlsA = a.isRLSEnabled || !a.policies.empty(), rlsB = b.isRLSEnabled || !b.policies.empty();
    if (!rlsA && rlsB) p.rls.push_back("ALTER TABLE " + tableName(b) + " ENABLE ROW LEVEL SECURITY;");
    if (rlsA && !rlsB) p.rls.push_back("ALTER TABLE " + tableName(b) + " DISABLE ROW LEVEL SECURITY;");

    // Policies: renamed by decision, altered in place when only roles and expressions changed.
    std::map<std::string, std::string> policyRenames;
    std::string prefix = tableKey(Dialect::postgresql, b) + ".";
    for (const auto& [x, y] : renames.policies)
        if (x.starts_with(prefix)) policyRenames[x.substr(prefix.size())] = y;
    for (const auto& old : a.policies) {
        auto r = policyRenames.find(old.name);
        std::string newName = r != policyRenames.end() ? r->second : old.name;
        const Policy* now = byName(b.policies, newName);
        if (!now) {
            p.dropPolicies.push_back("DROP POLICY " + q(old.name) + " ON " + tableName(b) + " CASCADE;");
            continue;
        }
        if (newName != old.name)
            p.renamePolicies.push_back("ALTER POLICY " + q(old.name) + " ON " + tableName(b) + " RENAME TO " +
                                       q(newName) + ";");
        Policy renamed = old;
        renamed.name = newName;
        if (renamed == *now) continue;
        if (renamed.as != now->as || renamed.for_ != now->for_) {
            p.dropPolicies.push_back("DROP POLICY " + q(newName) + " ON " + tableName(b) + " CASCADE;");
            p.createPolicies.push_back(pgCreatePolicy(*now, tableName(b)));
        } else {
            std::string sql = "ALTER POLICY " + q(newName) + " ON " + tableName(b) + " TO " + pgPolicyRoles(now->to);
            if (now->using_ && !now->using_->empty()) sql += " USING (" + *now->using_ + ")";
            if (now->withCheck && !now->withCheck->empty()) sql += " WITH CHECK (" + *now->withCheck + ")";
            p.alterPolicies.push_back(sql + ";");
        }
    }
    for (const auto& now : b.policies) {
        bool existed = byName(a.policies, now.name) != nullptr;
        for (const auto& [x, y] : policyRenames)
            if (y == now.name && byName(a.policies, x)) existed = true;
        if (!existed) p.createPolicies.push_back(pgCreatePolicy(now, tableName(b)));
    }
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
    std::vector<std::pair<const Table*, const Column*>> kept;
    for (const auto& tm : m.tables) {
        for (auto [co, cn] : tm.columns.pairs) {
            if (!usesEnum(tm.from->columns[co], a)) continue;
            const Column& now = tm.to->columns[cn];
            Column current = tm.from->columns[co];
            current.name = now.name;
            if (current.defaultValue)
                p.recreateEnums.push_back(alterColumn(*tm.to, current) + "DROP DEFAULT;");
            p.recreateEnums.push_back(alterColumn(*tm.to, current) + "SET DATA TYPE text;");
            if (usesEnum(now, b) && now.type.substr(b.name.size()) == current.type.substr(a.name.size()))
                kept.emplace_back(tm.to, &now);
        }
        for (auto co : tm.columns.dropped)
            if (usesEnum(tm.from->columns[co], a))
                p.recreateEnums.push_back(alterColumn(*tm.to, tm.from->columns[co]) + "SET DATA TYPE text;");
    }
    p.recreateEnums.push_back("DROP TYPE " + enumName(b) + ";");
    p.recreateEnums.push_back(pgCreateEnum(b));
    for (auto [t, c] : kept) {
        std::string type = pgColumnType(*c);
        p.recreateEnums.push_back(alterColumn(*t, *c) + "SET DATA TYPE " + type + " USING " + q(c->name) +
                                  "::" + type + ";");
        if (c->defaultValue) p.recreateEnums.push_back(alterColumn(*t, *c) + "SET DEFAULT " + pgDefaultValue(*c) + ";");
    }
    for (const auto& v : a.values)
        if (std::find(b.values.begin(), b.values.end(), v) == b.values.end())
            out.dataLossWarnings.push_back("enum " + enumName(b) + " loses value " + stringLiteral(v) +
                                           "; rows holding it fail the migration");
}

// Schemas: created (but public), renamed, dropped.
void diffSchemas(Plan& p, const Schema& from, const Schema& to, const SchemaMatch& m) {
    for (auto n : m.schemas.created)
        if (to.schemas[n] != "public") p.createSchemas.push_back("CREATE SCHEMA " + q(to.schemas[n]) + ";\n");
    for (auto [o, n] : m.schemas.pairs)
        if (from.schemas[o] != to.schemas[n])
            p.renameSchemas.push_back("ALTER SCHEMA " + q(from.schemas[o]) + " RENAME TO " + q(to.schemas[n]) + ";\n");
    for (auto o : m.schemas.dropped) p.dropSchemas.push_back("DROP SCHEMA " + q(from.schemas[o]) + ";\n");
}

// Enums: created, dropped, moved, renamed, values added in place or the type recreated.
void diffEnums(Plan& p, Result& out, const Schema& from, const Schema& to, const SchemaMatch& m) {
    for (auto n : m.enums.created) p.createEnums.push_back(pgCreateEnum(to.enums[n]));
    for (auto o : m.enums.dropped) p.dropEnums.push_back("DROP TYPE " + enumName(from.enums[o]) + ";");
    for (auto [o, n] : m.enums.pairs) {
        const Enum& a = from.enums[o];
        const Enum& b = to.enums[n];
        Enum moved = a;
        if (a.schema != b.schema) {
            p.renameEnums.push_back("ALTER TYPE " + enumName(a) + " SET SCHEMA " + q(b.schema) + ";");
            moved.schema = b.schema;
        }
        if (a.name != b.name) p.renameEnums.push_back("ALTER TYPE " + enumName(moved) + " RENAME TO " + q(b.name) + ";");
        if (a.values == b.values) continue;
        if (onlyAdded(a.values, b.values)) {
            for (std::size_t i = 0; i < b.values.size(); ++i) {
                if (std::find(a.values.begin(), a.values.end(), b.values[i]) != a.values.end()) continue;
                std::string before;
                for (std::size_t j = i + 1; j < b.values.size() && before.empty(); ++j)
                    if (std::find(a.values.begin(), a.values.end(), b.values[j]) != a.values.end()) before = b.values[j];
                p.addEnumValues.push_back("ALTER TYPE " + enumName(b) + " ADD VALUE " + stringLiteral(b.values[i]) +
                                          (before.empty() ? "" : " BEFORE " + stringLiteral(before)) + ";");
            }
            continue;
        }
        recreateEnum(p, out, m, a, b);
    }
}

// Sequences.
void diffSequences(Plan& p, const Schema& from, const Schema& to, const SchemaMatch& m) {
    for (auto n : m.sequences.created)
        p.createSequences.push_back("CREATE SEQUENCE " + sequenceName(to.sequences[n]) +
                                    pgSequenceOptions(to.sequences[n]) + ";");
    for (auto o : m.sequences.dropped) p.dropSequences.push_back("DROP SEQUENCE " + sequenceName(from.sequences[o]) + ";");
    for (auto [o, n] : m.sequences.pairs) {
        Sequence a = from.sequences[o];
        const Sequence& b = to.sequences[n];
        if (a.schema != b.schema) {
            p.renameSequences.push_back("ALTER SEQUENCE " + sequenceName(a) + " SET SCHEMA " + q(b.schema) + ";");
            a.schema = b.schema;
        }
        if (a.name != b.name) {
            p.renameSequences.push_back("ALTER SEQUENCE " + sequenceName(a) + " RENAME TO " + q(b.name) + ";");
            a.name = b.name;
        }
        if (!(a == b)) {
            std::string sql = "ALTER SEQUENCE " + sequenceName(b) + pgSequenceOptions(b);
            if (a.cycle.value_or(false) && !b.cycle.value_or(false)) sql += " NO CYCLE";
            p.alterSequences.push_back(sql + ";");
        }
    }
}

// Roles.
void diffRoles(Plan& p, const Schema& from, const Schema& to, const SchemaMatch& m) {
    for (auto o : m.roles.dropped) p.dropRoles.push_back("DROP ROLE " + q(from.roles[o].name) + ";");
    for (auto n : m.roles.created) p.createRoles.push_back(pgCreateRole(to.roles[n]));
    for (auto [o, n] : m.roles.pairs) {
        const Role& a = from.roles[o];
        const Role& b = to.roles[n];
        if (a.createDb.value_or(false) == b.createDb.value_or(false) &&
            a.createRole.value_or(false) == b.createRole.value_or(false) &&
            a.inherit.value_or(true) == b.inherit.value_or(true))
            continue;
        p.alterRoles.push_back("ALTER ROLE " + q(b.name) + " WITH" + (b.createDb.value_or(false) ? " CREATEDB" : " NOCREATEDB") +
                               (b.createRole.value_or(false) ? " CREATEROLE" : " NOCREATEROLE") +
                               (b.inherit.value_or(true) ? " INHERIT" : " NOINHERIT") + ";");
    }
}

// Tables: created with their keys, indexes and policies, dropped, and changed.
void diffTables(Plan& p, Result& out, const SchemaMatch& m, const Renames& renames) {
    for (const Table* t : m.createdTables) {
        p.createTables.push_back(pgCreateTable(*t));
        if (!t->policies.empty() || t->isRLSEnabled)
            p.createTables.push_back("ALTER TABLE " + tableName(*t) + " ENABLE ROW LEVEL SECURITY;");
        for (const auto& fk : t->foreignKeys) p.createdForeignKeys.push_back(pgCreateForeignKey(*t, fk));
        for (const auto& idx : t->indexes) p.createdIndexes.push_back(pgCreateIndex(*t, idx));
        for (const auto& pol : t->policies) p.createPolicies.push_back(pgCreatePolicy(pol, tableName(*t)));
    }
    for (const Table* t : m.droppedTables) {
        for (const auto& pol : t->policies)
            p.dropTables.push_back("DROP POLICY " + q(pol.name) + " ON " + tableName(*t) + " CASCADE;");
        p.dropTables.push_back("DROP TABLE " + tableName(*t) + " CASCADE;");
        out.dataLossWarnings.push_back("table " + tableName(*t) + " is dropped with its data");
    }
    for (const auto& t : m.tables) diffTable(p, out, t, m.droppedTables, renames);
}

// Views: a changed view is dropped and created again.
void diffViews(Plan& p, const Schema& from, const Schema& to, const SchemaMatch& m) {
    for (auto o : m.views.dropped)
        if (!from.views[o].isExisting)
            p.dropViews.push_back(std::string("DROP ") + (from.views[o].materialized ? "MATERIALIZED " : "") + "VIEW " +
                                  viewName(from.views[o]) + ";");
    for (auto n : m.views.created)
        if (!to.views[n].isExisting) p.createViews.push_back(pgCreateView(to.views[n]));
    for (auto [o, n] : m.views.pairs) {
        View a = from.views[o];
        const View& b = to.views[n];
        if (a.isExisting || b.isExisting) continue;
        std::string kind = a.materialized ? "MATERIALIZED VIEW " : "VIEW ";
        if (a.schema != b.schema) {
            p.renameViews.push_back("ALTER " + kind + viewName(a) + " SET SCHEMA " + q(b.schema) + ";");
            a.schema = b.schema;
        }
        if (a.name != b.name) {
            p.renameViews.push_back("ALTER " + kind + viewName(a) + " RENAME TO " + q(b.name) + ";");
            a.name = b.name;
        }
        if (a.columns = b.columns; a == b) continue;
        p.dropViews.push_back("DROP " + kind + viewName(a) + ";");
        p.createViews.push_back(pgCreateView(b));
    }
}

// Standalone policies (linked to a table from outside the table's declaration).
void diffStandalonePolicies(Plan& p, const Schema& from, const Schema& to) {
    auto policyKey = [](const Policy& pol) { return pol.on.value_or("") + "." + pol.name; };
    for (const auto& pol : from.policies) {
        auto now = std::find_if(to.policies.begin(), to.policies.end(),
                                [&](const Policy& x) { return policyKey(x) == policyKey(pol); });
        if (now == to.policies.end() || !(*now == pol))
            p.dropPolicies.push_back("DROP POLICY " + q(pol.name) + " ON " + pgPolicyTarget(pol) + " CASCADE;");
    }
    for (const auto& pol : to.policies) {
        auto before = std::find_if(from.policies.begin(), from.policies.end(),
                                   [&](const Policy& x) { return policyKey(x) == policyKey(pol); });
        if (before == from.policies.end() || !(*before == pol))
            p.createPolicies.push_back(pgCreatePolicy(pol, pgPolicyTarget(pol)));
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
    out.statements = p.statements();
}

}  // namespace drizzle::kit::diff::detail

// PostgreSQL: the statements of each change the differ found (src/diff/pg_diff.cpp decides),
// in Drizzle Kit's spelling.
#include <algorithm>
#include <optional>
#include <stdexcept>

#include "ddl/ddl_internal.hpp"
#include "schema/column_types.hpp"
#include "drizzle/kit/ddl.hpp"

namespace drizzle::kit::ddl::detail {
namespace {

using namespace model;

std::string q(std::string_view name) { return ddl::quoteIdentifier(Dialect::postgresql, name); }
std::string orPublic(const std::string& schema) { return schema.empty() ? "public" : schema; }
std::string enumName(const Enum& e) { return pgQualifiedName(orPublic(e.schema), e.name); }
std::string sequenceName(const Sequence& s) { return pgQualifiedName(orPublic(s.schema), s.name); }
std::string viewName(const View& v) { return pgQualifiedName(orPublic(v.schema), v.name); }
std::string viewKind(const View& v) { return v.materialized ? "MATERIALIZED VIEW " : "VIEW "; }

bool isEnumColumn(const Column& c) { return c.typeSchema.has_value(); }

// The family of a column's type in the type table ("" for a type of no entry).
std::string_view familyOf(const Column& c) {
    auto type = drizzle::detail::readType(Dialect::postgresql, c.type);
    return type ? type->type->family : std::string_view{};
}

// A change of family (text -> integer) has no assignment cast: the values are converted
// explicitly, and a value that does not convert fails the statement. Into a string type every
// type has one (and an explicit cast to varchar(n) would truncate silently), so none is written.
bool needsConversion(const Column& a, const Column& b) {
    const auto from = familyOf(a), to = familyOf(b);
    return !from.empty() && !to.empty() && from != to && to != "string";
}

std::string identityClause(const std::string& schema, const Identity& id) {
    return std::string("GENERATED ") + (id.type == "always" ? "ALWAYS" : "BY DEFAULT") + " AS IDENTITY (sequence name " +
           pgQualifiedName(schema, id.sequence.name) + pgSequenceOptions(id.sequence) + ")";
}

// An identity's sequence options, each that changed its own statement.
std::vector<std::string> alterIdentity(const std::string& alter, const Identity& a, const Identity& b) {
    std::vector<std::string> out;
    const auto &x = a.sequence, &y = b.sequence;
    if (a.type != b.type) out.push_back(alter + "SET GENERATED " + (b.type == "always" ? "ALWAYS" : "BY DEFAULT") + ";");
    auto option = [&](const std::optional<std::string>& before, const std::optional<std::string>& after,
                      const char* set, const char* reset) {
        if (before == after) return;
        if (after && !after->empty()) out.push_back(alter + set + " " + *after + ";");
        else out.push_back(alter + reset + ";");
    };
    option(x.minValue, y.minValue, "SET MINVALUE", "SET NO MINVALUE");
    option(x.maxValue, y.maxValue, "SET MAXVALUE", "SET NO MAXVALUE");
    option(x.increment, y.increment, "SET INCREMENT BY", "SET INCREMENT BY 1");
    option(x.startWith, y.startWith, "SET START WITH", "SET START WITH 1");
    option(x.cache, y.cache, "SET CACHE", "SET CACHE 1");
    if (x.cycle.value_or(false) != y.cycle.value_or(false))
        out.push_back(alter + (y.cycle.value_or(false) ? "SET CYCLE;" : "SET NO CYCLE;"));
    return out;
}

// A new enum value goes before the first value after it that the enum already had.
std::string addEnumValue(const Enum& a, const Enum& b, const std::string& value) {
    auto had = [&](const std::string& v) { return std::find(a.values.begin(), a.values.end(), v) != a.values.end(); };
    auto at = std::find(b.values.begin(), b.values.end(), value);
    std::string before;
    for (auto next = at == b.values.end() ? at : at + 1; next != b.values.end() && before.empty(); ++next)
        if (had(*next)) before = *next;
    return "ALTER TYPE " + enumName(b) + " ADD VALUE " + stringLiteral(value) +
           (before.empty() ? "" : " BEFORE " + stringLiteral(before)) + ";";
}

std::string alterPolicy(const Policy& now, const std::string& target) {
    std::string sql = "ALTER POLICY " + q(now.name) + " ON " + target + " TO " + pgPolicyRoles(now.to);
    if (now.using_ && !now.using_->empty()) sql += " USING (" + *now.using_ + ")";
    if (now.withCheck && !now.withCheck->empty()) sql += " WITH CHECK (" + *now.withCheck + ")";
    return sql + ";";
}

std::string alterRole(const Role& b) {
    return "ALTER ROLE " + q(b.name) + " WITH" + (b.createDb.value_or(false) ? " CREATEDB" : " NOCREATEDB") +
           (b.createRole.value_or(false) ? " CREATEROLE" : " NOCREATEROLE") +
           (b.inherit.value_or(true) ? " INHERIT" : " NOINHERIT") + ";";
}

std::string alterSequence(const Sequence& a, const Sequence& b) {
    std::string sql = "ALTER SEQUENCE " + sequenceName(b) + pgSequenceOptions(b);
    if (a.cycle.value_or(false) && !b.cycle.value_or(false)) sql += " NO CYCLE";
    return sql + ";";
}

// Schemas, enums, sequences and roles; nullopt for a change of another kind.
std::optional<std::vector<std::string>> schemaObjectStatements(const Change& c) {
    using K = ChangeKind;
    switch (c.kind) {
        case K::createSchema: return {{"CREATE SCHEMA " + q(c.name) + ";\n"}};
        case K::renameSchema: return {{"ALTER SCHEMA " + q(c.oldName) + " RENAME TO " + q(c.name) + ";\n"}};
        case K::dropSchema: return {{"DROP SCHEMA " + q(c.name) + ";\n"}};
        case K::createEnum: return {{pgCreateEnum(the<Enum>(c.after))}};
        case K::dropEnum: return {{"DROP TYPE " + enumName(the<Enum>(c.before)) + ";"}};
        case K::moveEnum: return {{"ALTER TYPE " + enumName(the<Enum>(c.before)) + " SET SCHEMA " + q(c.schema) + ";"}};
        case K::renameEnum: return {{"ALTER TYPE " + enumName(the<Enum>(c.before)) + " RENAME TO " + q(c.name) + ";"}};
        case K::addEnumValue: return {{addEnumValue(the<Enum>(c.before), the<Enum>(c.after), c.name)}};
        case K::createSequence: {
            const Sequence& s = the<Sequence>(c.after);
            return {{"CREATE SEQUENCE " + sequenceName(s) + pgSequenceOptions(s) + ";"}};
        }
        case K::dropSequence: return {{"DROP SEQUENCE " + sequenceName(the<Sequence>(c.before)) + ";"}};
        case K::moveSequence:
            return {{"ALTER SEQUENCE " + sequenceName(the<Sequence>(c.before)) + " SET SCHEMA " + q(c.schema) + ";"}};
        case K::renameSequence:
            return {{"ALTER SEQUENCE " + sequenceName(the<Sequence>(c.before)) + " RENAME TO " + q(c.name) + ";"}};
        case K::alterSequence: return {{alterSequence(the<Sequence>(c.before), the<Sequence>(c.after))}};
        case K::createRole: return {{pgCreateRole(the<Role>(c.after))}};
        case K::dropRole: return {{"DROP ROLE " + q(c.name) + ";"}};
        case K::alterRole: return {{alterRole(the<Role>(c.after))}};
        default: return std::nullopt;
    }
}

// One ALTER COLUMN clause; nullopt for a change of another kind.
std::optional<std::vector<std::string>> columnStatements(const Change& c, const std::string& table) {
    using K = ChangeKind;
    const std::string alter = "ALTER TABLE " + table + " ALTER COLUMN " + q(c.name) + " ";
    switch (c.kind) {
        case K::setColumnType: {
            const Column& a = the<Column>(c.before);
            const Column& b = the<Column>(c.after);
            const std::string type = pgColumnType(b);
            // Into an enum the value goes through text (from another enum) or is cast directly.
            std::string cast;
            if (isEnumColumn(b)) cast = " USING " + q(b.name) + (isEnumColumn(a) ? "::text::" : "::") + type;
            else if (needsConversion(a, b)) cast = " USING " + q(b.name) + "::" + type;
            return {{alter + "SET DATA TYPE " + type + cast + ";"}};
        }
        case K::setColumnDefault: return {{alter + "SET DEFAULT " + pgDefaultValue(the<Column>(c.after)) + ";"}};
        case K::dropColumnDefault: return {{alter + "DROP DEFAULT;"}};
        case K::setNotNull: return {{alter + "SET NOT NULL;"}};
        case K::dropNotNull: return {{alter + "DROP NOT NULL;"}};
        case K::addIdentity: return {{alter + "ADD " + identityClause(c.schema, *the<Column>(c.after).identity) + ";"}};
        case K::dropIdentity: return {{alter + "DROP IDENTITY;"}};
        case K::alterIdentity:
            return alterIdentity(alter, *the<Column>(c.before).identity, *the<Column>(c.after).identity);
        case K::dropGeneratedExpression: return {{alter + "DROP EXPRESSION;"}};
        default: return std::nullopt;
    }
}

}  // namespace

std::vector<std::string> pgChangeStatements(const Change& c, const Schema& to) {
    using K = ChangeKind;
    if (auto out = schemaObjectStatements(c)) return *out;
    const std::string table = pgQualifiedName(c.schema, c.table);
    if (auto out = columnStatements(c, table)) return *out;
    const std::string alter = "ALTER TABLE " + table + " ";
    // A policy linked from outside its table's declaration names its own target.
    auto policyTarget = [&](const Policy& p) { return c.table.empty() ? pgPolicyTarget(p) : table; };
    switch (c.kind) {
        case K::createTable: return {pgCreateTable(the<Table>(c.after))};
        case K::dropTable: return {"DROP TABLE " + table + " CASCADE;"};
        case K::moveTable:
            return {"ALTER TABLE " + pgQualifiedName(c.oldName, c.table) + " SET SCHEMA " +
                    (c.schema.empty() ? std::string("public") : q(c.schema)) + ";\n"};
        case K::renameTable: return {"ALTER TABLE " + pgQualifiedName(c.schema, c.oldName) + " RENAME TO " + q(c.table) + ";"};
        case K::enableRowLevelSecurity: return {alter + "ENABLE ROW LEVEL SECURITY;"};
        case K::disableRowLevelSecurity: return {alter + "DISABLE ROW LEVEL SECURITY;"};
        case K::addColumn: return {alter + "ADD COLUMN " + pgColumnDefinition(changedTable(to, c), the<Column>(c.after)) + ";"};
        case K::dropColumn: return {alter + "DROP COLUMN " + q(c.name) + ";"};
        case K::renameColumn: return {alter + "RENAME COLUMN " + q(c.oldName) + " TO " + q(c.name) + ";"};
        case K::createIndex: return {pgCreateIndex(changedTable(to, c), the<Index>(c.after))};
        case K::dropIndex: return {"DROP INDEX " + pgQualifiedName(c.schema, c.name) + ";"};
        case K::addForeignKey: return {pgCreateForeignKey(changedTable(to, c), the<ForeignKey>(c.after))};
        // (Drizzle Kit ends this one statement with a newline.)
        case K::dropForeignKey: return {alter + "DROP CONSTRAINT " + q(c.name) + ";\n"};
        case K::addPrimaryKey: {
            const PrimaryKey& k = the<PrimaryKey>(c.after);
            if (k.name.empty()) return {alter + "ADD PRIMARY KEY (" + q(k.columns.at(0)) + ");"};  // a column's key
            return {alter + "ADD CONSTRAINT " + q(k.name) + " PRIMARY KEY(" + quotedList(k.columns, '"', ",") + ");"};
        }
        case K::addUnique: {
            const Unique& u = the<Unique>(c.after);
            return {alter + "ADD CONSTRAINT " + q(u.name) + " UNIQUE" + (u.nullsNotDistinct ? " NULLS NOT DISTINCT" : "") +
                    "(" + quotedList(u.columns, '"', ",") + ");"};
        }
        case K::addCheck: return {alter + "ADD CONSTRAINT " + q(c.name) + " CHECK (" + the<Check>(c.after).value + ");"};
        case K::dropPrimaryKey:
        case K::dropUnique:
        case K::dropCheck: return {alter + "DROP CONSTRAINT " + q(c.name) + ";"};
        case K::createView: return {pgCreateView(the<View>(c.after))};
        case K::dropView: {
            const View& v = the<View>(c.before);
            return {"DROP " + viewKind(v) + viewName(v) + ";"};
        }
        case K::moveView: {
            const View& v = the<View>(c.before);
            return {"ALTER " + viewKind(v) + viewName(v) + " SET SCHEMA " + q(c.schema) + ";"};
        }
        case K::renameView: {
            const View& v = the<View>(c.before);
            return {"ALTER " + viewKind(v) + viewName(v) + " RENAME TO " + q(c.name) + ";"};
        }
        case K::createPolicy: {
            const Policy& p = the<Policy>(c.after);
            return {pgCreatePolicy(p, policyTarget(p))};
        }
        case K::dropPolicy: return {"DROP POLICY " + q(c.name) + " ON " + policyTarget(the<Policy>(c.before)) + " CASCADE;"};
        case K::renamePolicy: return {"ALTER POLICY " + q(c.oldName) + " ON " + table + " RENAME TO " + q(c.name) + ";"};
        case K::alterPolicy: return {alterPolicy(the<Policy>(c.after), table)};
        default: break;
    }
    throw std::logic_error("PostgreSQL has no statement for a " + std::string(changeKindName(c.kind)) + " change");
}

}  // namespace drizzle::kit::ddl::detail

// Turns the registry's declarations into the schema model, with Drizzle Kit's naming and
// defaults (constraint names, identity ranges, policy defaults), so that our model of a schema
// equals the one drizzle-kit builds from the equivalent TypeScript.
#include <algorithm>
#include <map>
#include <string>

#include "drizzle/error.hpp"
#include "drizzle/model/model.hpp"
#include "schema/name_checks.hpp"
#include "schema/registry_internal.hpp"
#include "schema/sql_types.hpp"

namespace drizzle {

namespace {

using detail::ColumnSpec;
using detail::ConstraintSpec;
using detail::DeclaredName;
using detail::MemberRef;
using detail::TableDef;

[[noreturn]] void fail(const std::string& message, const std::string& hint = {}) {
    throw Error(ErrorCategory::schema, message, hint);
}

std::string join(const std::vector<std::string>& v, std::string_view sep) {
    std::string s;
    for (std::size_t i = 0; i < v.size(); ++i) s += (i ? std::string(sep) : "") + v[i];
    return s;
}

std::string orNoAction(std::string_view action) { return action.empty() ? "no action" : std::string(action); }

std::string upper(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::toupper(c); });
    return out;
}

std::string siteText(detail::Site s) { return s.file ? std::string(s.file) + ":" + std::to_string(s.line) : ""; }

struct ColumnHome {
    const TableDef* table;
    std::string column;
};

class Builder {
public:
    explicit Builder(const detail::Registry& r) : r_(r) {}

    model::Schema build() {
        model::Schema s;
        s.dialect = pickDialect();
        dialect_ = s.dialect;
        indexMembers();
        for (const auto& sd : r_.schemas)
            if (std::find(s.schemas.begin(), s.schemas.end(), sd.name) == s.schemas.end()) {
                s.schemas.emplace_back(sd.name);
                declare(DeclaredName::Kind::schema, sd.name, "", "", false, {});
            }
        for (const auto& e : r_.enums) {
            s.enums.push_back({std::string(e.name), std::string(e.schema), toStrings(e.values)});
            declare(DeclaredName::Kind::enum_, e.name, e.schema, "", false, e.site);
            for (auto value : e.values) declare(DeclaredName::Kind::enumValue, value, e.schema, e.name, false, e.site);
        }
        for (const auto& q : r_.sequences) {
            s.sequences.push_back(detail::sequence(q.schema, q.name, q.options, "bigint"));
            declare(DeclaredName::Kind::sequence, q.name, q.schema, "", false, q.site);
        }
        for (const auto& role : r_.roles) {
            if (role.options.existing) continue;
            s.roles.push_back({std::string(role.name), role.options.createDb.value_or(false),
                               role.options.createRole.value_or(false), role.options.inherit.value_or(true)});
            declare(DeclaredName::Kind::role, role.name, "", "", false, {});
        }
        for (const auto& t : r_.tables) s.tables.push_back(table(t, s.internal));
        for (const auto& v : r_.views) s.views.push_back(view(v));
        if (dialect_ != Dialect::postgresql) s.internal.present = true;
        detail::checkDeclaredNames(dialect_, names_);
        return s;
    }

private:
    Dialect pickDialect() const {
        std::optional<Dialect> d;
        std::string first;
        auto see = [&](Dialect x, std::string_view what) {
            if (!d) {
                d = x;
                first = std::string(what);
            } else if (*d != x) {
                fail("the schema mixes dialects: " + first + " is " + std::string(dialectName(*d)) + " but " +
                         std::string(what) + " is " + std::string(dialectName(x)),
                     "declare every table of one schema with the same dialect's functions (pg::, sqlite:: or mysql::)");
            }
        };
        for (const auto& t : r_.tables) see(t.dialect, "table \"" + std::string(t.name) + "\"");
        for (const auto& v : r_.views) see(v.dialect, "view \"" + std::string(v.name) + "\"");
        for (const auto& e : r_.enums) see(e.dialect, "enum \"" + std::string(e.name) + "\"");
        for (const auto& sd : r_.schemas) see(sd.dialect, "schema \"" + std::string(sd.name) + "\"");
        return d.value_or(Dialect::postgresql);
    }

    // Records a name for checkDeclaredNames; objects of a table are declared where the table is.
    void declare(DeclaredName::Kind kind, std::string_view name, std::string_view schema, std::string_view parent,
                 bool derived, detail::Site site) const {
        names_.push_back({kind, std::string(name), std::string(schema), std::string(parent), derived, siteText(site)});
    }
    void declareInTable(DeclaredName::Kind kind, std::string_view name, bool derived) const {
        declare(kind, name, current_->schema, current_->name, derived, current_->site);
    }

    static std::vector<std::string> toStrings(const std::vector<std::string_view>& v) {
        return {v.begin(), v.end()};
    }

    void indexMembers() {
        for (const auto& t : r_.tables) {
            for (const auto& c : t.columns) {
                if (c.member.owner != t.owner)
                    fail("table \"" + std::string(t.name) + "\": column \"" + std::string(c.name) +
                             "\" is bound to a member of another struct",
                         "bind each column to a member of the table's own row struct");
                auto [it, inserted] = members_.try_emplace(key(c.member), ColumnHome{&t, std::string(c.name)});
                if (!inserted)
                    fail("table \"" + std::string(t.name) + "\": columns \"" + it->second.column + "\" and \"" +
                             std::string(c.name) + "\" are bound to the same member",
                         "give each column its own member");
            }
        }
    }

    static std::pair<const void*, std::ptrdiff_t> key(MemberRef m) { return {m.owner, m.offset}; }

    const ColumnHome& home(MemberRef m, const TableDef& from, std::string_view what) const {
        auto it = members_.find(key(m));
        if (it == members_.end())
            fail("table \"" + std::string(from.name) + "\": " + std::string(what) +
                     " refers to a member that no declared column is bound to",
                 "declare a column for that member in its table, or refer to a member that has one");
        return it->second;
    }

    std::string columnOf(const TableDef& t, MemberRef m, std::string_view what) const {
        const ColumnHome& h = home(m, t, what);
        if (h.table != &t)
            fail("table \"" + std::string(t.name) + "\": " + std::string(what) + " names column \"" + h.column +
                     "\" of table \"" + std::string(h.table->name) + "\"",
                 "use members of the table's own row struct");
        return h.column;
    }

    const detail::EnumDef* enumOf(const ColumnSpec& c) const {
        return static_cast<const detail::EnumDef*>(c.enumDef);
    }

    model::Column column(const ColumnSpec& c, std::string_view tableName, std::string_view tableSchema) const {
        model::Column m;
        m.name = c.name;
        const detail::EnumDef* e = enumOf(c);
        m.type = detail::sqlType(dialect_, c, e ? e->name : std::string_view{});
        if (e) m.typeSchema = std::string(e->schema);
        m.primaryKey = c.primaryKey;
        m.notNull = c.notNull || c.primaryKey;
        if (dialect_ != Dialect::postgresql) m.autoincrement = c.autoincrement;
        m.defaultValue = detail::defaultValue(dialect_, c);
        if (dialect_ == Dialect::mysql && c.onUpdateNow) m.onUpdate = true;
        if (!c.generatedAs.empty()) {
            model::Generated g;
            g.type = c.generatedType.empty() ? (dialect_ == Dialect::postgresql ? "stored" : "virtual")
                                             : std::string(c.generatedType);
            g.as = dialect_ == Dialect::sqlite ? "(" + std::string(c.generatedAs) + ")" : std::string(c.generatedAs);
            m.generated = g;
        }
        if (c.identity.kind != detail::IdentitySpec::Kind::none) {
            model::Identity id;
            id.type = c.identity.kind == detail::IdentitySpec::Kind::always ? "always" : "byDefault";
            const std::string seqName = c.identity.name.empty()
                                            ? std::string(tableName) + "_" + std::string(c.name) + "_seq"
                                            : std::string(c.identity.name);
            id.sequence = detail::sequence(tableSchema, seqName, c.identity.options, c.kind);
            m.identity = id;
        }
        return m;
    }

    std::vector<model::IndexColumn> indexColumns(const TableDef& t, const ConstraintSpec& k) const {
        std::vector<model::IndexColumn> out;
        for (std::size_t i = 0; i < k.columnCount; ++i) {
            const auto& ic = k.columns[i];
            model::IndexColumn c;
            if (dialect_ != Dialect::postgresql && (ic.desc || !ic.nulls.empty() || !ic.opclass.empty()))
                fail("table \"" + std::string(t.name) + "\": index \"" + std::string(k.name) +
                         "\" gives a column an order, nulls placement or operator class, which " +
                         std::string(dialectName(dialect_)) + " index declarations do not record",
                     "drop .desc()/.nullsFirst()/.nullsLast()/.op() there, or write the column as an expression: "
                     "drizzle::sql(\"name DESC\")");
            if (!ic.expression.empty()) {
                c.expression = dialect_ == Dialect::mysql ? "(" + std::string(ic.expression) + ")" : std::string(ic.expression);
                c.isExpression = true;
            } else {
                c.expression = columnOf(t, ic.member, "index \"" + std::string(k.name) + "\"");
            }
            if (dialect_ == Dialect::postgresql) {
                c.asc = !ic.desc;
                // drizzle-orm defaults every index column to NULLS LAST, descending ones included.
                c.nulls = !ic.nulls.empty() ? std::string(ic.nulls) : "last";
                if (!ic.opclass.empty()) c.opclass = std::string(ic.opclass);
            }
            out.push_back(std::move(c));
        }
        return out;
    }

    static std::vector<std::pair<std::string, std::string>> parseWith(std::string_view with) {
        std::vector<std::pair<std::string, std::string>> out;
        while (!with.empty()) {
            auto comma = with.find(',');
            std::string_view item = with.substr(0, comma);
            with = comma == std::string_view::npos ? std::string_view{} : with.substr(comma + 1);
            auto eq = item.find('=');
            auto trim = [](std::string_view s) {
                while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
                while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
                return s;
            };
            std::string name(trim(item.substr(0, eq)));
            std::string value(eq == std::string_view::npos ? "true" : trim(item.substr(eq + 1)));
            const bool literal = value == "true" || value == "false" ||
                                 (!value.empty() && value.find_first_not_of("0123456789.-") == std::string::npos);
            out.emplace_back(name, literal ? value : "\"" + value + "\"");
        }
        return out;
    }

    model::Table table(const TableDef& t, model::Internal& internal) const {
        model::Table m;
        m.name = t.name;
        const bool pg = dialect_ == Dialect::postgresql;
        m.schema = pg && t.schema != "public" ? std::string(t.schema) : "";
        m.isRLSEnabled = t.rls;
        current_ = &t;
        declare(DeclaredName::Kind::table, t.name, t.schema, "", false, t.site);
        for (const auto& c : t.columns) {
            declareInTable(DeclaredName::Kind::column, c.name, false);
            m.columns.push_back(column(c, t.name, t.schema));
            model::Column& col = m.columns.back();
            if (col.identity)
                declareInTable(DeclaredName::Kind::identitySequence, col.identity->sequence.name, c.identity.name.empty());
            if (dialect_ == Dialect::mysql && col.primaryKey) {
                // Drizzle Kit keeps MySQL primary keys as named constraints: <table>_<column>.
                col.primaryKey = false;
                m.compositePrimaryKeys.push_back({std::string(t.name) + "_" + col.name, {col.name}});
                declareInTable(DeclaredName::Kind::primaryKey, m.compositePrimaryKeys.back().name, true);
            }
            if (c.unique) addUnique(m, c.uniqueName, {std::string(c.name)}, c.nullsNotDistinct);
            if (c.reference.target.valid()) {
                const ColumnHome& to = home(c.reference.target, t, "column \"" + std::string(c.name) + "\" references");
                addForeignKey(m, {}, {std::string(c.name)}, *to.table, {to.column}, c.reference.onDelete,
                              c.reference.onUpdate);
            }
        }
        for (const auto& k : t.constraints) constraint(t, k, m, internal);
        checkPrimaryKeys(m);
        return m;
    }

    // A table has one primary key: several .primaryKey() columns, or one beside a table-level
    // primaryKey(...), would be rejected by the database.
    void checkPrimaryKeys(const model::Table& m) const {
        std::vector<std::string> pkColumns;
        for (const auto& c : m.columns)
            if (c.primaryKey) pkColumns.push_back(c.name);
        const std::size_t keys = (pkColumns.empty() ? 0 : 1) + m.compositePrimaryKeys.size();
        if (pkColumns.size() > 1 || keys > 1 ||
            (dialect_ == Dialect::mysql && m.compositePrimaryKeys.size() > 1))
            fail("table \"" + m.name + "\" declares more than one primary key" +
                     (pkColumns.size() > 1 ? " (.primaryKey() on " + join(pkColumns, ", ") + ")" : ""),
                 "declare one composite key instead: drizzle::primaryKey<&Row::a, &Row::b>()");
    }

    void addUnique(model::Table& m, std::string_view name, std::vector<std::string> cols, bool nnd) const {
        std::string n = name.empty() ? m.name + "_" + join(cols, "_") + "_unique" : std::string(name);
        declareInTable(dialect_ == Dialect::sqlite ? DeclaredName::Kind::index : DeclaredName::Kind::unique, n, name.empty());
        if (dialect_ == Dialect::sqlite) {
            model::Index idx;
            idx.name = n;
            idx.isUnique = true;
            for (auto& c : cols) {
                model::IndexColumn ic;
                ic.expression = c;
                idx.columns.push_back(std::move(ic));
            }
            m.indexes.push_back(std::move(idx));
            return;
        }
        m.uniqueConstraints.push_back({n, std::move(cols), dialect_ == Dialect::postgresql && nnd});
    }

    void addForeignKey(model::Table& m, std::string_view name, std::vector<std::string> from, const TableDef& to,
                       std::vector<std::string> toCols, std::string_view onDelete, std::string_view onUpdate) const {
        model::ForeignKey fk;
        fk.name = name.empty() ? m.name + "_" + join(from, "_") + "_" + std::string(to.name) + "_" + join(toCols, "_") + "_fk"
                               : std::string(name);
        fk.tableFrom = m.name;
        fk.columnsFrom = std::move(from);
        fk.tableTo = to.name;
        if (dialect_ == Dialect::postgresql && to.schema != "public") fk.schemaTo = std::string(to.schema);
        fk.columnsTo = std::move(toCols);
        fk.onDelete = orNoAction(onDelete);
        fk.onUpdate = orNoAction(onUpdate);
        declareInTable(DeclaredName::Kind::foreignKey, fk.name, name.empty());
        m.foreignKeys.push_back(std::move(fk));
    }

    void constraint(const TableDef& t, const ConstraintSpec& k, model::Table& m, model::Internal& internal) const {
        using Kind = ConstraintSpec::Kind;
        const std::string what = "constraint \"" + std::string(k.name) + "\"";
        std::vector<std::string> cols;
        if (k.kind == Kind::primaryKey || k.kind == Kind::unique || k.kind == Kind::foreignKey)
            for (std::size_t i = 0; i < k.columnCount; ++i) cols.push_back(columnOf(t, k.columns[i].member, what));
        switch (k.kind) {
            case Kind::index:
            case Kind::uniqueIndex: {
                model::Index idx;
                idx.columns = indexColumns(t, k);
                std::vector<std::string> names;
                for (auto& c : idx.columns) names.push_back(c.expression);
                if (k.name.empty()) {
                    for (auto& c : idx.columns)
                        if (c.isExpression)
                            fail("table \"" + m.name + "\": an index on an expression needs a name",
                                 "name it: drizzle::index(\"" + m.name + "_..._idx\")");
                    idx.name = m.name + "_" + join(names, "_") + "_index";
                } else {
                    idx.name = k.name;
                }
                idx.isUnique = k.kind == Kind::uniqueIndex;
                // MySQL creates a unique index as a unique constraint.
                declareInTable(dialect_ == Dialect::mysql && idx.isUnique ? DeclaredName::Kind::unique : DeclaredName::Kind::index,
                               idx.name, k.name.empty());
                if (!k.where.empty()) idx.where = std::string(k.where);
                if (dialect_ == Dialect::postgresql) {
                    idx.concurrently = k.concurrently;
                    idx.method = k.method.empty() ? "btree" : std::string(k.method);
                    idx.with = parseWith(k.with);
                } else if (dialect_ == Dialect::mysql) {
                    if (!k.method.empty()) idx.using_ = std::string(k.method);
                    if (!k.algorithm.empty()) idx.algorithm = std::string(k.algorithm);
                    if (!k.lock.empty()) idx.lock = std::string(k.lock);
                }
                if (dialect_ != Dialect::postgresql)
                    for (auto& c : idx.columns)
                        if (c.isExpression) internal.indexes.push_back({idx.name, c.expression, true});
                m.indexes.push_back(std::move(idx));
                break;
            }
            case Kind::primaryKey:
                m.compositePrimaryKeys.push_back(
                    {k.name.empty() ? m.name + "_" + join(cols, "_") + "_pk" : std::string(k.name), cols});
                declareInTable(DeclaredName::Kind::primaryKey, m.compositePrimaryKeys.back().name, k.name.empty());
                break;
            case Kind::unique:
                if (dialect_ == Dialect::sqlite && k.tableConstraint) {
                    m.uniqueConstraints.push_back(
                        {k.name.empty() ? m.name + "_" + join(cols, "_") + "_unique" : std::string(k.name), cols, false});
                    declareInTable(DeclaredName::Kind::unique, m.uniqueConstraints.back().name, k.name.empty());
                } else
                    addUnique(m, k.name, cols, k.nullsNotDistinct);
                break;
            case Kind::foreignKey: {
                std::vector<std::string> to;
                const TableDef* target = nullptr;
                for (std::size_t i = 0; i < k.targetCount; ++i) {
                    const ColumnHome& h = home(k.targets[i], t, "foreign key " + what);
                    if (target && h.table != target)
                        fail("table \"" + m.name + "\": foreign key " + what + " references columns of two tables");
                    target = h.table;
                    to.push_back(h.column);
                }
                addForeignKey(m, k.name, cols, *target, to, k.onDelete, k.onUpdate);
                break;
            }
            case Kind::check:
                m.checks.push_back({std::string(k.name), std::string(k.where)});
                declareInTable(DeclaredName::Kind::check, k.name, false);
                break;
            case Kind::policy: {
                model::Policy p;
                p.name = k.name;
                declareInTable(DeclaredName::Kind::policy, k.name, false);
                p.as = upper(k.as.empty() ? "permissive" : k.as);
                p.for_ = upper(k.for_.empty() ? "all" : k.for_);
                std::string_view to = k.to.empty() ? "public" : k.to;
                while (!to.empty()) {
                    auto comma = to.find(',');
                    std::string_view r = to.substr(0, comma);
                    while (!r.empty() && r.front() == ' ') r.remove_prefix(1);
                    while (!r.empty() && r.back() == ' ') r.remove_suffix(1);
                    p.to.emplace_back(r);
                    to = comma == std::string_view::npos ? std::string_view{} : to.substr(comma + 1);
                }
                if (!k.using_.empty()) p.using_ = std::string(k.using_);
                if (!k.withCheck.empty()) p.withCheck = std::string(k.withCheck);
                m.policies.push_back(std::move(p));
                break;
            }
        }
    }

    model::View view(const detail::ViewDef& v) const {
        model::View m;
        m.name = v.name;
        m.schema = dialect_ == Dialect::postgresql ? std::string(v.schema.empty() ? "public" : v.schema) : "";
        for (const auto& c : v.columns) m.columns.push_back(column(c, v.name, v.schema));
        if (!v.definition.empty()) m.definition = std::string(v.definition);
        m.materialized = v.materialized;
        declare(v.materialized ? DeclaredName::Kind::materializedView : DeclaredName::Kind::view, v.name, v.schema, "", false,
                v.site);
        m.isExisting = v.existing;
        for (auto& [k, val] : v.with) m.with.emplace_back(k, val);
        if (v.withNoData) m.withNoData = true;
        if (!v.using_.empty()) m.using_ = std::string(v.using_);
        if (!v.tablespace.empty()) m.tablespace = std::string(v.tablespace);
        if (dialect_ == Dialect::mysql) {
            m.algorithm = v.algorithm.empty() ? "undefined" : std::string(v.algorithm);
            m.sqlSecurity = v.sqlSecurity.empty() ? "definer" : std::string(v.sqlSecurity);
            if (!v.withCheckOption.empty()) m.withCheckOption = std::string(v.withCheckOption);
        }
        if (!m.isExisting && !m.definition)
            fail("view \"" + m.name + "\" has no definition", "give it one with .as(drizzle::sql(\"select ...\")), or mark it .existing()");
        return m;
    }

    const detail::Registry& r_;
    Dialect dialect_ = Dialect::postgresql;
    std::map<std::pair<const void*, std::ptrdiff_t>, ColumnHome> members_;
    mutable const TableDef* current_ = nullptr;  // the table being built
    mutable std::vector<DeclaredName> names_;
};

}  // namespace

model::Schema registeredSchema() { return Builder(detail::registry()).build(); }

}  // namespace drizzle

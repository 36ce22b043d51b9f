// Registration: declarations copy their specs here at static-initialisation time.
#include "schema/registry_internal.hpp"

#include "drizzle/query/codec.hpp"
#include "model/quote_name.hpp"
#include "schema/json_default.hpp"

#include <algorithm>
#include <cstring>
#include <span>
#include <stdexcept>

namespace drizzle::detail {

Registry& registry() {
    static Registry r;
    return r;
}


std::string_view Registry::intern(std::string_view s) {
    if (s.empty()) return {};
    return strings.emplace_back(s);
}

namespace {

// Text enum values, kept as one NUL-separated string and an array of pointers into it.
const char* const* internValues(Registry& r, const char* const* values, std::size_t count) {
    if (count == 0) return nullptr;
    std::string joined;
    for (std::size_t i = 0; i < count; ++i) joined.append(values[i]).push_back('\0');
    const std::string& stored = r.strings.emplace_back(std::move(joined));
    auto& pointers = r.strings.emplace_back(sizeof(const char*) * count, '\0');
    auto* out = reinterpret_cast<const char**>(pointers.data());
    const char* p = stored.data();
    for (std::size_t i = 0; i < count; ++i) {
        out[i] = p;
        p += std::char_traits<char>::length(p) + 1;
    }
    return out;
}

// A declared member: the offset from the member pointer the declaration points at (Itanium C++
// ABI, as memberRef: a data member pointer is the member's byte offset).
MemberRef resolveMember(const void* owner, const void* constant) {
    MemberRef m{owner};
    if (constant != nullptr) std::memcpy(&m.offset, constant, sizeof m.offset);
    return m;
}
void (*resolveFunction(const void* constant))() {
    void (*fn)() = nullptr;
    if (constant != nullptr) std::memcpy(&fn, constant, sizeof fn);  // a `V (*)()`, kept as `void (*)()`
    return fn;
}

// SQL naming columns (spec.hpp: Sql), as Drizzle Kit prints it in each place: a bare column in
// an index expression (and a SQLite generated column), else qualified by its table, and by its
// schema for a table in a pgSchema. Names are quoted for the dialect, inner quotes doubled.
enum class SqlPlace { indexExpression, generated, qualified };

std::string quoted(Dialect d, std::string_view name) { return quoteIdentifier(d, name); }

std::string renderSql(const Registry& r, const Sql& sql, SqlPlace place, const TableDef& self) {
    if (sql.columnCount == 0) return std::string(sql.text);
    std::string out;
    std::size_t next = 0;
    for (char c : sql.text) {
        if (c != '?' || next >= sql.columnCount) {
            out += c;
            continue;
        }
        const MemberRef m = resolveMember(sql.columns[next].owner, sql.columns[next].member);
        ++next;
        const TableDef* table = m.owner == self.owner ? &self : nullptr;
        for (auto it = r.tables.rbegin(); table == nullptr && it != r.tables.rend(); ++it)
            if (it->owner == m.owner && &*it != &self) table = &*it;
        const ColumnSpec* column = nullptr;
        if (table)
            for (const auto& col : table->columns)
                if (col.member.owner == m.owner && col.member.offset == m.offset) column = &col;
        if (!column)
            throw std::logic_error("sql<...>(\"" + std::string(sql.text) + "\") in table \"" + std::string(self.name) +
                                   "\" names a member that is not a column of a table declared before it");
        const bool bare = place == SqlPlace::indexExpression ||
                          (place == SqlPlace::generated && self.dialect == Dialect::sqlite);
        if (!bare) {
            if (traitsOf(table->dialect).schemas && !table->schema.empty() && table->schema != "public")
                out += quoted(table->dialect, table->schema) + ".";
            out += quoted(table->dialect, table->name) + ".";
        }
        out += quoted(self.dialect, column->name);
    }
    return out;
}

// A C++ enum member's SQL values must be the column's declared ones (a pgEnum's, a MySQL
// enum's, a text column's enumValues): a value only one side has would fail a read or a write.
void checkEnumMember(const ColumnSpec& c, std::span<const std::string_view> cpp) {
    std::vector<std::string_view> declared;
    if (c.enumDef != nullptr) declared = static_cast<const EnumDef*>(c.enumDef)->values;
    for (std::size_t i = 0; i < c.args.valueCount; ++i) declared.emplace_back(c.args.values[i]);
    if (declared.empty()) return;  // a plain text column: any value the enum has
    auto list = [](const auto& values) {
        std::string out;
        for (const auto& v : values) out += (out.empty() ? "" : ", ") + std::string(v);
        return out;
    };
    std::vector<std::string_view> a(cpp.begin(), cpp.end()), b = declared;
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    if (a == b) return;
    throw std::logic_error("column \"" + std::string(c.name) + "\": its C++ enum's values (" + list(cpp) +
                           ") are not the column's declared values (" + list(declared) + ")");
}

// The registered form of a column declaration (spec.hpp: ColumnDecl), its strings copied.
ColumnSpec internColumn(Registry& r, const ColumnDecl& d) {
    r.progress.column = d.name;
    ColumnSpec c;
    c.name = r.intern(d.name);
    c.kind = r.intern(d.kind);
    c.customSqlType = r.intern(d.customSqlType);
    if (d.enumHandle != nullptr) c.enumDef = d.enumHandle->def;
    c.args = TypeArgs{.length = d.length,
                      .precision = d.precision,
                      .scale = d.scale,
                      .srid = d.srid,
                      .withTimezone = d.has(ColumnDecl::withTimezone),
                      .isUnsigned = d.has(ColumnDecl::isUnsigned),
                      .dimensions = d.dimensions,
                      .mode = r.intern(d.mode),
                      .subtype = r.intern(d.subtype),
                      .values = internValues(r, d.values, d.valueCount),
                      .valueCount = d.valueCount};
    c.member = resolveMember(d.owner, d.member);
    c.notNull = d.has(ColumnDecl::notNull);
    c.primaryKey = d.has(ColumnDecl::primaryKey);
    c.unique = d.has(ColumnDecl::unique);
    c.nullsNotDistinct = d.has(ColumnDecl::nullsNotDistinct);
    c.autoincrement = d.has(ColumnDecl::autoincrement);
    c.onUpdateNow = d.has(ColumnDecl::onUpdateNow);
    c.uniqueName = r.intern(d.uniqueName);
    c.defaultValue.kind = d.defaultKind;
    switch (d.defaultKind) {
        case DefaultSpec::Kind::integer: c.defaultValue.integer = d.defaultValue.integer; break;
        case DefaultSpec::Kind::floating: c.defaultValue.floating = d.defaultValue.floating; break;
        case DefaultSpec::Kind::boolean: c.defaultValue.boolean = d.defaultValue.boolean; break;
        case DefaultSpec::Kind::sql:
        case DefaultSpec::Kind::string: c.defaultValue.text = r.intern(d.defaultValue.text); break;
        case DefaultSpec::Kind::json: c.defaultValue.text = r.intern(stringifiedJson(d.defaultValue.text)); break;
        case DefaultSpec::Kind::none:
        case DefaultSpec::Kind::now:
        case DefaultSpec::Kind::random: break;
    }
    if (d.rareKind == ColumnDecl::Rare::generated) {
        c.generatedAs = r.intern(d.rare.generated.as.text);  // columns named in it: registerTable
        c.generatedType = r.intern(d.rare.generated.type);
    } else if (d.rareKind == ColumnDecl::Rare::identity) {
        c.identity = IdentitySpec{d.rare.identity.kind, r.intern(d.rare.identity.name), d.rare.identity.options};
    }
    if (d.reference != nullptr)
        c.reference = ReferenceSpec{resolveMember(d.referenceOwner, d.reference), d.onDelete.text(),
                                    d.onUpdate.text()};
    c.defaultFn = resolveFunction(d.defaultFn);
    c.onUpdateFn = resolveFunction(d.onUpdateFn);
    c.codec = d.codec;
    if (c.codec != nullptr && c.codec->enumNames != nullptr) checkEnumMember(c, c.codec->enumNames());
    return c;
}

// The registered form of a table-level constraint (spec.hpp: ConstraintDecl), strings copied.
ConstraintSpec internConstraint(Registry& r, const ConstraintDecl& d, const TableDef& t) {
    const auto render = [&](const Sql& sql, SqlPlace place) { return r.intern(renderSql(r, sql, place, t)); };
    ConstraintSpec c;
    c.kind = d.kind;
    c.name = r.intern(d.name);
    c.columnCount = d.columnCount;
    for (std::size_t i = 0; i < d.columnCount; ++i) {
        const IndexColumnDecl& from = d.columns[i];
        IndexColumnSpec& to = c.columns[i];
        if (from.key.member != nullptr) to.member = resolveMember(from.key.owner, from.key.member);
        to.expression = render(from.expression, SqlPlace::indexExpression);
        to.desc = from.desc;
        to.nulls = r.intern(from.nulls);
        to.opclass = r.intern(from.opclass);
    }
    c.targetCount = d.targetCount;
    for (std::size_t i = 0; i < d.targetCount; ++i) c.targets[i] = resolveMember(d.targets[i].owner, d.targets[i].member);
    if (d.columnCount > maxConstraintColumns || d.targetCount > maxConstraintColumns)
        throw std::logic_error("a table-level constraint has more than 16 columns");
    c.nullsNotDistinct = d.nullsNotDistinct;
    c.tableConstraint = d.tableConstraint;
    c.concurrently = d.concurrently;
    c.onDelete = d.onDelete.text();  // the names are constants
    c.onUpdate = d.onUpdate.text();
    c.method = r.intern(d.method);
    c.where = render(d.where, SqlPlace::qualified);
    c.with = r.intern(d.with);
    c.algorithm = r.intern(d.algorithm);
    c.lock = r.intern(d.lock);
    c.as = r.intern(d.as);
    c.for_ = r.intern(d.for_);
    c.to = r.intern(d.to);
    c.using_ = render(d.using_, SqlPlace::qualified);
    c.withCheck = render(d.withCheck, SqlPlace::qualified);
    return c;
}

}  // namespace

const IndexColumnDecl* keepIndexColumns(const IndexColumnDecl* columns, std::size_t count) {
    return registry().indexColumns.emplace_back(columns, columns + count).data();
}

TableDef* registerTable(const TableDecl& d) {
    Registry& r = registry();
    TableDef& t = r.tables.emplace_back();
    t.dialect = d.dialect;
    t.owner = d.owner;
    t.schema = r.intern(d.schema);
    t.name = r.intern(d.name);
    t.site = d.site;
    r.progress = {"table", t.name, d.site};
    for (std::size_t i = 0; i < d.columnCount; ++i) t.columns.push_back(internColumn(r, d.columns[i]));
    // A generated column may name any column of its table, declared before or after it.
    for (std::size_t i = 0; i < d.columnCount; ++i)
        if (const ColumnDecl& c = d.columns[i]; c.rareKind == ColumnDecl::Rare::generated && c.rare.generated.as.columnCount)
            t.columns[i].generatedAs = r.intern(renderSql(r, c.rare.generated.as, SqlPlace::generated, t));
    r.progress.column = nullptr;  // what runs next follows the table, not one of its columns
    for (std::size_t i = 0; i < d.constraintCount; ++i)
        t.constraints.push_back(internConstraint(r, d.constraints[i], t));
    if (std::all_of(t.columns.begin(), t.columns.end(), [](const ColumnSpec& c) { return c.codec != nullptr; }))
        for (const ColumnSpec& c : t.columns) t.readers.push_back({c.codec->read, c.member.offset});
    return &t;
}

TableDef* registerTable(Dialect dialect, const void* owner, std::string_view schema, const char* name,
                        std::initializer_list<ColumnDecl> columns, std::initializer_list<ConstraintDecl> constraints,
                        Site site) {
    return registerTable(TableDecl{dialect, owner, schema, name, columns.begin(), columns.size(), constraints.begin(),
                                   constraints.size(), site});
}

void enableRowLevelSecurity(TableDef* table) { table->rls = true; }

void unknownReferentialAction(std::string_view text) {
    throw std::invalid_argument("\"" + std::string(text) +
                                "\" is not a referential action: use cascade, restrict, no action, set null or set default");
}

void unknownGeneratedStorage(std::string_view text) {
    throw std::invalid_argument("\"" + std::string(text) + "\" is not how a generated column is kept: use \"stored\" or \"virtual\"");
}

void unknownIntervalFields(std::string_view text) {
    throw std::invalid_argument("\"" + std::string(text) + "\" is not an interval's fields: use year, month, day, hour, "
                                "minute, second, or one of them \"to\" a smaller one, as PostgreSQL spells them");
}

void unknownColumnMode(std::string_view text) {
    throw std::invalid_argument("\"" + std::string(text) + "\" is not a mode of this column (Drizzle's modes only)");
}

void columnInDefault() { throw std::logic_error("a column DEFAULT cannot name a column: write it without sql<&T::m>"); }

void placeholdersDifferFromColumns() {
    throw std::logic_error("sql<members...>(text): the text must hold one ? per member");
}

void identityAndGeneratedExcludeEachOther() {
    throw std::logic_error("a column cannot be both an identity and GENERATED ALWAYS AS (an expression)");
}

const void* registerEnum(Dialect dialect, std::string_view schema, std::string_view name, const char* const* values,
                         std::size_t count, Site site) {
    Registry& r = registry();
    EnumDef& e = r.enums.emplace_back();
    e.dialect = dialect;
    e.schema = r.intern(schema);
    e.name = r.intern(name);
    for (std::size_t i = 0; i < count; ++i) e.values.push_back(r.intern(values[i]));
    e.site = site;
    r.progress = {"enum", e.name, site};
    return &e;
}

void registerSchema(Dialect dialect, std::string_view name) {
    Registry& r = registry();
    r.schemas.push_back({dialect, r.intern(name)});
}

void registerSequence(std::string_view schema, std::string_view name, const SequenceOptions& options, Site site) {
    Registry& r = registry();
    const SequenceDef& s = r.sequences.emplace_back(SequenceDef{r.intern(schema), r.intern(name), options, site});
    r.progress = {"sequence", s.name, site};
}

void registerRole(std::string_view name, const RoleOptions& options) {
    Registry& r = registry();
    r.roles.push_back({r.intern(name), options});
}

ViewDef* registerView(const ViewDecl& d) {
    Registry& r = registry();
    ViewDef& v = r.views.emplace_back();
    v.dialect = d.dialect;
    v.owner = d.owner;
    v.schema = r.intern(d.schema);
    v.name = r.intern(d.name);
    v.materialized = d.materialized;
    v.site = d.site;
    r.progress = {"view", v.name, d.site};
    for (std::size_t i = 0; i < d.columnCount; ++i) v.columns.push_back(internColumn(r, d.columns[i]));
    r.progress.column = nullptr;
    return &v;
}

void setViewField(ViewDef* v, ViewField field, std::string_view value) {
    Registry& r = registry();
    switch (field) {
        case ViewField::definition: v->definition = r.intern(value); break;
        case ViewField::existing: v->existing = true; break;
        case ViewField::withNoData: v->withNoData = true; break;
        case ViewField::using_: v->using_ = r.intern(value); break;
        case ViewField::tablespace: v->tablespace = r.intern(value); break;
        case ViewField::algorithm: v->algorithm = r.intern(value); break;
        case ViewField::sqlSecurity: v->sqlSecurity = r.intern(value); break;
        case ViewField::withCheckOption: v->withCheckOption = r.intern(value); break;
    }
}

void setViewOption(ViewDef* v, std::string_view name, std::string_view jsonValue) {
    Registry& r = registry();
    v->with.emplace_back(r.intern(name), r.intern(jsonValue));
}

}  // namespace drizzle::detail

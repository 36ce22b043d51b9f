// Registration: declarations copy their specs here at static-initialisation time.
#include "schema/registry_internal.hpp"

#include <cstring>

namespace drizzle::detail {

Registry& registry() {
    static Registry r;
    return r;
}

ConstraintSpec* newConstraint() { return &registry().constraintSpecs.emplace_back(); }

std::string_view Registry::intern(std::string_view s) {
    if (s.empty()) return {};
    return strings.emplace_back(s);
}

namespace {

void internTypeArgs(Registry& r, TypeArgs& a) {
    a.mode = r.intern(a.mode);
    a.subtype = r.intern(a.subtype);
    if (a.valueCount == 0) {
        a.values = nullptr;
        return;
    }
    // Keep the values as one NUL-separated string and an array of pointers into it.
    std::string joined;
    for (std::size_t i = 0; i < a.valueCount; ++i) joined.append(a.values[i]).push_back('\0');
    const std::string& stored = r.strings.emplace_back(std::move(joined));
    auto& pointers = r.strings.emplace_back(sizeof(const char*) * a.valueCount, '\0');
    auto* out = reinterpret_cast<const char**>(pointers.data());
    const char* p = stored.data();
    for (std::size_t i = 0; i < a.valueCount; ++i) {
        out[i] = p;
        p += std::char_traits<char>::length(p) + 1;
    }
    a.values = out;
}

// A declaration's member: the offset from the member pointer it points at (Itanium C++ ABI, as
// memberRef: a data member pointer is the member's byte offset).
void resolve(MemberRef& m) {
    if (m.constant == nullptr) return;
    std::memcpy(&m.offset, m.constant, sizeof m.offset);
    m.constant = nullptr;
}
void resolveFunction(void (*&fn)(), const void*& constant) {
    if (constant == nullptr) return;
    std::memcpy(&fn, constant, sizeof fn);  // a `V (*)()`, kept as `void (*)()` (spec.hpp)
    constant = nullptr;
}

ColumnSpec internColumn(Registry& r, ColumnSpec c) {
    r.progress.column = c.name.data();
    resolve(c.member);
    resolve(c.reference.target);
    resolveFunction(c.defaultFn, c.defaultFnConstant);
    resolveFunction(c.onUpdateFn, c.onUpdateFnConstant);
    if (c.enumHandle != nullptr) c.enumDef = c.enumHandle->def;
    c.name = r.intern(c.name);
    c.kind = r.intern(c.kind);
    c.customSqlType = r.intern(c.customSqlType);
    internTypeArgs(r, c.args);
    c.uniqueName = r.intern(c.uniqueName);
    c.defaultValue.text = r.intern(c.defaultValue.text);
    c.generatedAs = r.intern(c.generatedAs);
    c.generatedType = r.intern(c.generatedType);
    c.identity.name = r.intern(c.identity.name);
    c.reference.onDelete = r.intern(c.reference.onDelete);
    c.reference.onUpdate = r.intern(c.reference.onUpdate);
    return c;
}

ConstraintSpec internConstraint(Registry& r, ConstraintSpec c) {
    c.name = r.intern(c.name);
    for (std::size_t i = 0; i < c.columnCount; ++i) {
        c.columns[i].expression = r.intern(c.columns[i].expression);
        c.columns[i].nulls = r.intern(c.columns[i].nulls);
        c.columns[i].opclass = r.intern(c.columns[i].opclass);
    }
    for (auto* s : {&c.onDelete, &c.onUpdate, &c.method, &c.where, &c.with, &c.algorithm, &c.lock, &c.as,
                    &c.for_, &c.to, &c.using_, &c.withCheck})
        *s = r.intern(*s);
    return c;
}

}  // namespace

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
    r.progress.column = nullptr;  // what runs next follows the table, not one of its columns
    for (std::size_t i = 0; i < d.constraintCount; ++i)
        t.constraints.push_back(internConstraint(r, *d.constraints[i].spec));
    return &t;
}

void enableRowLevelSecurity(TableDef* table) { table->rls = true; }

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

// The process-wide schema registry that declarations add themselves to (library-internal API
// used by the dialect headers; applications do not call it). registeredSchema(), the model of
// everything declared, is public: drizzle/schema/registry.hpp.
#pragma once

#include <cstddef>
#include <string_view>

#include "drizzle/schema/table.hpp"

namespace drizzle {
namespace model {
struct Schema;
}
// What declaring a sequence, role or schema returns, so it can be named by an inline variable.
struct Declared {
    std::string_view name;
};

namespace detail {

const void* registerEnum(Dialect dialect, std::string_view schema, std::string_view name,
                         const char* const* values, std::size_t count, Site site);
void registerSchema(Dialect dialect, std::string_view name);
void registerSequence(std::string_view schema, std::string_view name, const SequenceOptions& options, Site site);

struct RoleOptions {
    std::optional<bool> createDb{}, createRole{}, inherit{};
    bool existing = false;  // declared elsewhere: referenced by policies, never created
};
void registerRole(std::string_view name, const RoleOptions& options);

struct ViewDecl {
    Dialect dialect;
    const void* owner;
    std::string_view schema;
    std::string_view name;
    const ColumnDecl* columns;
    std::size_t columnCount;
    bool materialized;
    Site site;
};
ViewDef* registerView(const ViewDecl& decl);
enum class ViewField { definition, existing, withNoData, using_, tablespace, algorithm, sqlSecurity, withCheckOption };
void setViewField(ViewDef* view, ViewField field, std::string_view value);
// A WITH (...) option, by Drizzle's camelCase name, with its value as a JSON literal.
void setViewOption(ViewDef* view, std::string_view name, std::string_view jsonValue);

}  // namespace detail

}  // namespace drizzle

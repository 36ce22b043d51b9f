// Views, shared by the dialects: a row struct, optional column declarations, and an SQL body.
//
//   inline const auto activeUsers = pg::pgView<ActiveUser>("active_users", {
//       pg::integer<&ActiveUser::id>("id").notNull(),
//   }).as(drizzle::sql("select id from users where active"));
#pragma once

#include <string>

#include "drizzle/detail/registry.hpp"

namespace drizzle {

template <class Row>
class View {
public:
    using RowType = Row;
    explicit View(detail::ViewDef* def) : def_(def) {}

    // The view's defining query.
    View as(Sql query) const { return set(detail::ViewField::definition, query.text); }
    // A view created outside this schema: referenced, never created or dropped.
    View existing() const { return set(detail::ViewField::existing, "true"); }

    detail::ViewDef* definition() const { return def_; }

protected:
    View set(detail::ViewField field, std::string_view value) const {
        detail::setViewField(def_, field, value);
        return *this;
    }
    View option(std::string_view name, std::string_view jsonValue) const {
        detail::setViewOption(def_, name, jsonValue);
        return *this;
    }
    detail::ViewDef* def_;
};

namespace detail {
template <class Row>
DRIZZLE_ALWAYS_INLINE ViewDef* declareView(Dialect dialect, std::string_view schema, std::string_view name,
                     std::initializer_list<ColumnDecl> columns, bool materialized, Site site) {
    return registerView(ViewDecl{dialect, &typeTag<Row>, schema, name, columns.begin(), columns.size(),
                                 materialized, site});
}
}  // namespace detail

}  // namespace drizzle

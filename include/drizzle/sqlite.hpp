// SQLite schema declarations: the C++ counterpart of drizzle-orm's `sqlite-core`.
//
// The member type picks the value mode Drizzle spells as an option: a `bool` member is
// integer's "boolean" mode, an integer member its "number" mode (pass {.mode = "timestamp"} or
// "timestamp_ms" for epoch times held in std::int64_t).
//
//   struct Todo { std::int64_t id; std::string title; bool done; };
//   inline const auto todos = drizzle::sqlite::table<Todo>("todos", {
//       sqlite::integer("id", &Todo::id).primaryKey().autoincrement(),
//       sqlite::text("title", &Todo::title).notNull(),
//       sqlite::integer("done", &Todo::done).notNull().default_(false),
//   });
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>

#include "drizzle/schema/view.hpp"

namespace drizzle::sqlite {

using namespace drizzle::dsl;  // sql, index, check, cascade, ... (schema/spec.hpp)
template <class M, bool NotNull>
using ColumnBuilder = drizzle::detail::ColumnBuilder<M, NotNull>;

namespace accepts {
template <class V> struct Integer : std::bool_constant<std::is_integral_v<V>> {};  // bool: boolean mode
template <class V> struct Real : std::bool_constant<std::is_floating_point_v<V>> {};
template <class V> struct Blob : std::bool_constant<drizzle::detail::IsBytes<V>::value || drizzle::detail::IntegerOf<8>::test<V>::value> {};
template <class V> struct Numeric : std::bool_constant<std::is_same_v<V, std::string> || std::is_arithmetic_v<V>> {};
}  // namespace accepts

struct IntegerOptions {
    std::string_view mode{};  // "number" (default), "boolean" (bool members), "timestamp", "timestamp_ms"
};
template <class T, class M>
DRIZZLE_INLINE ColumnBuilder<M, false> integer(const char* name, M T::*member, IntegerOptions options = {}) {
    static_assert(accepts::Integer<drizzle::detail::ValueOf<M>>::value,
                  "sqlite::integer needs an integer or bool member");
    auto b = drizzle::detail::makeColumn<M, false>(name, "integer", member);
    b.spec->args.mode = !options.mode.empty() ? options.mode
                       : std::is_same_v<drizzle::detail::ValueOf<M>, bool> ? "boolean" : "number";
    return b;
}
template <class T, class M>
DRIZZLE_INLINE ColumnBuilder<M, false> real(const char* name, M T::*member) {
    static_assert(accepts::Real<drizzle::detail::ValueOf<M>>::value, "sqlite::real needs a double or float member");
    return drizzle::detail::makeColumn<M, false>(name, "real", member);
}
struct TextOptions {
    int length = -1;
    std::initializer_list<const char*> enumValues = {};
    std::string_view mode{};  // "text" (default) or "json"
};
template <class T, class M>
DRIZZLE_INLINE ColumnBuilder<M, false> text(const char* name, M T::*member, TextOptions options = {}) {
    static_assert(drizzle::detail::IsString<drizzle::detail::ValueOf<M>>::value, "sqlite::text needs a std::string member");
    auto b = drizzle::detail::makeColumn<M, false>(name, "text", member);
    b.spec->args.length = options.length;
    b.spec->args.mode = options.mode;
    b.spec->args.values = options.enumValues.begin();
    b.spec->args.valueCount = options.enumValues.size();
    return b;
}
struct BlobOptions {
    std::string_view mode{};  // "buffer" (default), "json", "bigint"
};
template <class T, class M>
DRIZZLE_INLINE ColumnBuilder<M, false> blob(const char* name, M T::*member, BlobOptions options = {}) {
    static_assert(accepts::Blob<drizzle::detail::ValueOf<M>>::value,
                  "sqlite::blob needs a byte container (std::vector<unsigned char>, std::vector<std::byte>, "
                  "std::string) or, in bigint mode, a std::int64_t member");
    auto b = drizzle::detail::makeColumn<M, false>(name, "blob", member);
    b.spec->args.mode = options.mode;
    return b;
}
template <class T, class M>
DRIZZLE_INLINE ColumnBuilder<M, false> numeric(const char* name, M T::*member) {
    static_assert(accepts::Numeric<drizzle::detail::ValueOf<M>>::value,
                  "sqlite::numeric needs a std::string or arithmetic member");
    return drizzle::detail::makeColumn<M, false>(name, "numeric", member);
}
// A type by its SQL name; any member type is accepted.
template <class T, class M>
DRIZZLE_INLINE ColumnBuilder<M, false> customType(const char* name, M T::*member, std::string_view sqlType) {
    auto b = drizzle::detail::makeColumn<M, false>(name, "custom", member);
    b.spec->customSqlType = sqlType;
    return b;
}

// A UNIQUE constraint inside CREATE TABLE. Drizzle's unique() is a unique index on SQLite; this
// is the constraint `drizzle-kit pull` finds in a table's definition, declared as such.
template <class... Ts, class... Ms>
DRIZZLE_INLINE drizzle::UniqueBuilder uniqueConstraint(Ms Ts::*... members) {
    drizzle::UniqueBuilder b = drizzle::unique(members...);
    b.spec->tableConstraint = true;
    return b;
}
template <class Row>
DRIZZLE_INLINE drizzle::Table<Row> table(const char* name, std::initializer_list<drizzle::detail::ColumnRef> columns,
                          std::initializer_list<drizzle::detail::ConstraintRef> constraints = {}) {
    return drizzle::Table<Row>(drizzle::detail::registerTable(
        {Dialect::sqlite, &drizzle::detail::typeTag<Row>, "", name, columns.begin(), columns.size(),
         constraints.begin(), constraints.size()}));
}

template <class Row>
drizzle::View<Row> view(std::string_view name, std::initializer_list<drizzle::detail::ColumnRef> columns = {}) {
    return drizzle::View<Row>(drizzle::detail::declareView<Row>(Dialect::sqlite, "", name, columns, false));
}

}  // namespace drizzle::sqlite

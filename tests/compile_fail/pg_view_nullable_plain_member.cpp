// EXPECT: the column is nullable but its member is not std::optional
// View columns are checked like table columns.
#include <drizzle/pg.hpp>

namespace pg = drizzle::pg;

struct ActiveUser {
    std::int32_t id;
};

inline const auto activeUsers = pg::pgView<ActiveUser>("active_users", {
    pg::integer<&ActiveUser::id>("id"),
}).as(pg::sql("select id from users where active"));

// EXPECT: .default_(value): the value's type does not match the column's member
// A numeric default on a text column.
#include <drizzle/pg.hpp>

namespace pg = drizzle::pg;

struct Setting {
    std::string name;
    std::string value;
};

inline const auto settings = pg::table<Setting>("settings", {
    pg::text("name", &Setting::name).primaryKey(),
    pg::text("value", &Setting::value).notNull().default_(42),
});

// EXPECT: .default_(value): the value's type does not match the column's member
// A numeric default on a text column.
#include <drizzle/pg.hpp>

namespace pg = drizzle::pg;

struct Setting {
    std::string name;
    std::string value;
};

inline const auto settings = pg::pgTable<Setting>("settings", {
    pg::text<&Setting::name>("name").primaryKey(),
    pg::text<&Setting::value>("value").notNull().default_(42),
});

// EXPECT: .primaryKey(): a primary key column is NOT NULL
// A primary key implies NOT NULL, so its member cannot be std::optional.
#include <drizzle/pg.hpp>

namespace pg = drizzle::pg;

struct Country {
    std::optional<std::string> code;
};

inline const auto countries = pg::pgTable<Country>("countries", {
    pg::char_<&Country::code>("code", {.length = 2}).primaryKey(),
});

// EXPECT: foreignKey: a referencing column's member has a different value type
// A composite foreign key whose second column is text but references an integer column.
#include <drizzle/pg.hpp>

namespace pg = drizzle::pg;

struct Region {
    std::string country;
    std::int32_t number;
};
struct Office {
    std::int32_t id;
    std::string country;
    std::string regionNumber;
};

inline const auto regions = pg::pgTable<Region>("regions", {
    pg::text<&Region::country>("country").notNull(),
    pg::integer<&Region::number>("number").notNull(),
}, {
    pg::primaryKey<&Region::country, &Region::number>(),
});
inline const auto offices = pg::pgTable<Office>("offices", {
    pg::serial<&Office::id>("id").primaryKey(),
    pg::text<&Office::country>("country").notNull(),
    pg::text<&Office::regionNumber>("region_number").notNull(),
}, {
    pg::foreignKey().columns<&Office::country, &Office::regionNumber>().foreignColumns<&Region::country, &Region::number>(),
});

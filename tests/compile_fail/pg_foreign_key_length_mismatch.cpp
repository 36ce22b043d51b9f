// EXPECT: foreignKey: the referencing and referenced column lists differ in length
#include <drizzle/pg.hpp>

namespace pg = drizzle::pg;

struct Region {
    std::string country;
    std::int32_t number;
};
struct Office {
    std::int32_t id;
    std::string country;
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
}, {
    pg::foreignKey().columns<&Office::country>().foreignColumns<&Region::country, &Region::number>(),
});

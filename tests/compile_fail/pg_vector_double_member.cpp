// EXPECT: pg::vector needs a std::vector<float> member
// pgvector stores single-precision floats.
#include <drizzle/pg.hpp>

namespace pg = drizzle::pg;

struct Item {
    std::int32_t id;
    std::vector<double> embedding;
};

inline const auto items = pg::pgTable<Item>("items", {
    pg::serial<&Item::id>("id").primaryKey(),
    pg::vector<&Item::embedding>("embedding", {.dimensions = 3}).notNull(),
});

// EXPECT: pg::bytea needs a std::vector<unsigned char>, std::vector<std::byte> or std::string member
// std::vector<int> is not a byte container (and not an array of one either).
#include <drizzle/pg.hpp>

namespace pg = drizzle::pg;

struct Upload {
    std::int32_t id;
    std::vector<int> payload;
};

inline const auto uploads = pg::pgTable<Upload>("uploads", {
    pg::serial<&Upload::id>("id").primaryKey(),
    pg::bytea<&Upload::payload>("payload").notNull(),
});

// EXPECT: .references<target>(): the referenced column's member has a different value type
// A bigint column referencing an integer primary key.
#include <drizzle/pg.hpp>

namespace pg = drizzle::pg;

struct Author {
    std::int32_t id;
};
struct Book {
    std::int32_t id;
    std::int64_t authorId;
};

inline const auto authors = pg::pgTable<Author>("authors", {
    pg::serial<&Author::id>("id").primaryKey(),
});
inline const auto books = pg::pgTable<Book>("books", {
    pg::serial<&Book::id>("id").primaryKey(),
    pg::bigint<&Book::authorId>("author_id").notNull().references<&Author::id>(),
});

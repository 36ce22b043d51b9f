#pragma once

#include <drizzle/sqlite.hpp>

struct Note {
    std::int64_t id;
    std::string body;
};

inline const auto notes = drizzle::sqlite::sqliteTable<Note>("notes", {
    drizzle::sqlite::integer<&Note::id>("id").primaryKey(),
    drizzle::sqlite::text<&Note::body>("body").notNull(),
});

// The scale-out tests' table, one per dialect: rows that threads write and read at once.
#pragma once

#include <cstdint>
#include <string>

#include "drizzle/mysql.hpp"
#include "drizzle/pg.hpp"
#include "drizzle/sqlite.hpp"

namespace scale {
struct Item {
    std::int32_t id = 0;
    std::int32_t worker = 0;
    std::string note;
};
}  // namespace scale

namespace scale_pg {
using scale::Item;
inline const auto items = drizzle::pg::pgTable<Item>("items", {
    drizzle::pg::serial<&Item::id>("id").primaryKey(),
    drizzle::pg::integer<&Item::worker>("worker").notNull(),
    drizzle::pg::text<&Item::note>("note").notNull(),
});
inline constexpr const char* ddl = "create table items (id serial primary key, worker integer not null, note text not null)";
}  // namespace scale_pg

namespace scale_mysql {
using scale::Item;
inline const auto items = drizzle::mysql::mysqlTable<Item>("items", {
    drizzle::mysql::int_<&Item::id>("id").primaryKey().autoincrement(),
    drizzle::mysql::int_<&Item::worker>("worker").notNull(),
    drizzle::mysql::varchar<&Item::note>("note", {.length = 200}).notNull(),
});
inline constexpr const char* ddl =
    "create table items (id int primary key auto_increment, worker int not null, note varchar(200) not null)";
}  // namespace scale_mysql

namespace scale_sqlite {
using scale::Item;
inline const auto items = drizzle::sqlite::sqliteTable<Item>("items", {
    drizzle::sqlite::integer<&Item::id>("id").primaryKey(),
    drizzle::sqlite::integer<&Item::worker>("worker").notNull(),
    drizzle::sqlite::text<&Item::note>("note").notNull(),
});
inline constexpr const char* ddl = "create table items (id integer primary key, worker integer not null, note text not null)";
}  // namespace scale_sqlite

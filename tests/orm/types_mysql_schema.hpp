// The type-mapping tests' MySQL/MariaDB schema: every column type the DSL declares, each with a
// plain member on a NOT NULL column and, where it adds something, a std::optional one beside it.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "drizzle/mysql.hpp"

namespace types_mysql {
using namespace drizzle;
using Micros = std::chrono::sys_time<std::chrono::microseconds>;

struct MyNumber {
    std::int32_t id = 0;
    std::int8_t tiny = 0;
    std::uint8_t tinyU = 0;
    std::int16_t small = 0;
    std::uint16_t smallU = 0;
    std::int32_t medium = 0;
    std::int32_t regular = 0;
    std::uint32_t regularU = 0;
    std::int64_t big = 0;
    std::uint64_t bigU = 0;
    float single = 0;
    double dbl = 0;
    double realD = 0;
    std::string exact;
    double approx = 0;
    bool flag = false;
    std::int16_t yearOf = 0;
    std::optional<std::int64_t> bigN;
    std::optional<std::uint64_t> bigUN;
    std::optional<float> singleN;
    std::optional<std::string> exactN;
    std::optional<bool> flagN;
};
inline const auto numbers = mysql::table<MyNumber>("numbers", {
    mysql::int_("id", &MyNumber::id).primaryKey().autoincrement(),
    mysql::tinyint("tiny", &MyNumber::tiny).notNull(),
    mysql::tinyint("tiny_u", &MyNumber::tinyU).notNull(),
    mysql::smallint("small", &MyNumber::small).notNull(),
    mysql::smallint("small_u", &MyNumber::smallU).notNull(),
    mysql::mediumint("medium", &MyNumber::medium).notNull(),
    mysql::int_("regular", &MyNumber::regular).notNull(),
    mysql::int_("regular_u", &MyNumber::regularU).notNull(),
    mysql::bigint("big", &MyNumber::big).notNull(),
    mysql::bigint("big_u", &MyNumber::bigU).notNull(),
    mysql::float_("single", &MyNumber::single).notNull(),
    mysql::double_("dbl", &MyNumber::dbl).notNull(),
    mysql::real("real_d", &MyNumber::realD).notNull(),
    mysql::decimal("exact", &MyNumber::exact, {.precision = 50, .scale = 10}).notNull(),
    mysql::decimal("approx", &MyNumber::approx, {.precision = 20, .scale = 6}).notNull(),
    mysql::boolean("flag", &MyNumber::flag).notNull(),
    mysql::year("year_of", &MyNumber::yearOf).notNull(),
    mysql::bigint("big_n", &MyNumber::bigN),
    mysql::bigint("big_u_n", &MyNumber::bigUN),
    mysql::float_("single_n", &MyNumber::singleN),
    mysql::decimal("exact_n", &MyNumber::exactN, {.precision = 65, .scale = 25}),
    mysql::boolean("flag_n", &MyNumber::flagN),
});

struct MyText {
    std::int32_t id = 0;
    std::string ch;
    std::string vc;
    std::string txt;
    std::string tiny;
    std::string medium;
    std::string longer;
    nlohmann::json doc;
    std::string docText;
    std::string mood;
    std::optional<std::string> txtN;
    std::optional<nlohmann::json> docN;
    std::optional<std::string> moodN;
};
inline const auto texts = mysql::table<MyText>("texts", {
    mysql::int_("id", &MyText::id).primaryKey().autoincrement(),
    mysql::char_("ch", &MyText::ch, {.length = 5}).notNull(),
    mysql::varchar("vc", &MyText::vc, {.length = 20}).notNull(),
    mysql::text("txt", &MyText::txt).notNull(),
    mysql::tinytext("tiny", &MyText::tiny).notNull(),
    mysql::mediumtext("medium", &MyText::medium).notNull(),
    mysql::longtext("longer", &MyText::longer).notNull(),
    mysql::json("doc", &MyText::doc).notNull(),
    mysql::json("doc_text", &MyText::docText).notNull(),
    mysql::mysqlEnum("mood", &MyText::mood, {"sad", "ok", "happy"}).notNull(),
    mysql::text("txt_n", &MyText::txtN),
    mysql::json("doc_n", &MyText::docN),
    mysql::mysqlEnum("mood_n", &MyText::moodN, {"sad", "ok", "happy"}),
});

struct MyTime {
    std::int32_t id = 0;
    std::chrono::sys_days day;
    Micros at;
    std::chrono::sys_seconds atSeconds;
    Micros stamp;
    std::chrono::microseconds clock{};
    std::chrono::seconds span{};
    std::string dayText;
    std::string atText;
    std::string clockText;
    std::optional<std::chrono::sys_days> dayN;
    std::optional<Micros> atN;
    std::optional<Micros> stampN;
    std::optional<std::chrono::seconds> spanN;
};
inline const auto times = mysql::table<MyTime>("times", {
    mysql::int_("id", &MyTime::id).primaryKey().autoincrement(),
    mysql::date("day", &MyTime::day).notNull(),
    mysql::datetime("at", &MyTime::at, {.fsp = 6}).notNull(),
    mysql::datetime("at_seconds", &MyTime::atSeconds).notNull(),
    mysql::timestamp("stamp", &MyTime::stamp, {.fsp = 6}).notNull(),
    mysql::time("clock", &MyTime::clock, {.fsp = 6}).notNull(),
    mysql::time("span", &MyTime::span).notNull(),
    mysql::date("day_text", &MyTime::dayText).notNull(),
    mysql::datetime("at_text", &MyTime::atText).notNull(),
    mysql::time("clock_text", &MyTime::clockText).notNull(),
    mysql::date("day_n", &MyTime::dayN),
    mysql::datetime("at_n", &MyTime::atN, {.fsp = 3}),
    mysql::timestamp("stamp_n", &MyTime::stampN, {.fsp = 6}),
    mysql::time("span_n", &MyTime::spanN),
});

struct MyBinary {
    std::int32_t id = 0;
    std::vector<unsigned char> bin;
    std::string binString;
    std::vector<std::byte> vb;
    std::string vbString;
    std::optional<std::vector<unsigned char>> binN;
    std::optional<std::string> vbStringN;
};
inline const auto binaries = mysql::table<MyBinary>("binaries", {
    mysql::int_("id", &MyBinary::id).primaryKey().autoincrement(),
    mysql::binary("bin", &MyBinary::bin, {.length = 4}).notNull(),
    mysql::binary("bin_string", &MyBinary::binString, {.length = 3}).notNull(),
    mysql::varbinary("vb", &MyBinary::vb, {.length = 300}).notNull(),
    mysql::varbinary("vb_string", &MyBinary::vbString, {.length = 16}).notNull(),
    mysql::binary("bin_n", &MyBinary::binN, {.length = 4}),
    mysql::varbinary("vb_string_n", &MyBinary::vbStringN, {.length = 16}),
});

// Declared narrower than the table the test creates, so a value can arrive that the member cannot hold.
struct MyNarrow {
    std::int32_t id = 0;
    std::uint8_t small = 0;
};
inline const auto narrow = mysql::table<MyNarrow>("narrow", {
    mysql::int_("id", &MyNarrow::id).primaryKey().autoincrement(),
    mysql::tinyint("small", &MyNarrow::small).notNull(),
});

inline constexpr const char* ddl = R"(
create table numbers (id int primary key auto_increment, tiny tinyint not null, tiny_u tinyint unsigned not null,
    small smallint not null, small_u smallint unsigned not null, medium mediumint not null, regular int not null,
    regular_u int unsigned not null, big bigint not null, big_u bigint unsigned not null, single float not null,
    dbl double not null, real_d real not null, exact decimal(50, 10) not null, approx decimal(20, 6) not null,
    flag boolean not null, year_of year not null, big_n bigint, big_u_n bigint unsigned, single_n float,
    exact_n decimal(65, 25), flag_n boolean);
create table texts (id int primary key auto_increment, ch char(5) not null, vc varchar(20) not null,
    txt text not null, tiny tinytext not null, medium mediumtext not null, longer longtext not null,
    doc json not null, doc_text json not null, mood enum('sad', 'ok', 'happy') not null, txt_n text, doc_n json,
    mood_n enum('sad', 'ok', 'happy'));
create table times (id int primary key auto_increment, day date not null, at datetime(6) not null,
    at_seconds datetime not null, stamp timestamp(6) not null, clock time(6) not null, span time not null,
    day_text date not null, at_text datetime not null, clock_text time not null, day_n date, at_n datetime(3),
    stamp_n timestamp(6) null default null, span_n time);
create table binaries (id int primary key auto_increment, bin binary(4) not null, bin_string binary(3) not null,
    vb varbinary(300) not null, vb_string varbinary(16) not null, bin_n binary(4), vb_string_n varbinary(16));
create table narrow (id int primary key auto_increment, small int not null);
)";

}  // namespace types_mysql

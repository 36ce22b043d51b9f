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
#include "test_enums.hpp"

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
inline const auto numbers = mysql::mysqlTable<MyNumber>("numbers", {
    mysql::int_<&MyNumber::id>("id").primaryKey().autoincrement(),
    mysql::tinyint<&MyNumber::tiny>("tiny").notNull(),
    mysql::tinyint<&MyNumber::tinyU>("tiny_u").notNull(),
    mysql::smallint<&MyNumber::small>("small").notNull(),
    mysql::smallint<&MyNumber::smallU>("small_u").notNull(),
    mysql::mediumint<&MyNumber::medium>("medium").notNull(),
    mysql::int_<&MyNumber::regular>("regular").notNull(),
    mysql::int_<&MyNumber::regularU>("regular_u").notNull(),
    mysql::bigint<&MyNumber::big>("big").notNull(),
    mysql::bigint<&MyNumber::bigU>("big_u").notNull(),
    mysql::float_<&MyNumber::single>("single").notNull(),
    mysql::double_<&MyNumber::dbl>("dbl").notNull(),
    mysql::real<&MyNumber::realD>("real_d").notNull(),
    mysql::decimal<&MyNumber::exact>("exact", {.precision = 50, .scale = 10}).notNull(),
    mysql::decimal<&MyNumber::approx>("approx", {.precision = 20, .scale = 6}).notNull(),
    mysql::boolean<&MyNumber::flag>("flag").notNull(),
    mysql::year<&MyNumber::yearOf>("year_of").notNull(),
    mysql::bigint<&MyNumber::bigN>("big_n"),
    mysql::bigint<&MyNumber::bigUN>("big_u_n"),
    mysql::float_<&MyNumber::singleN>("single_n"),
    mysql::decimal<&MyNumber::exactN>("exact_n", {.precision = 65, .scale = 25}),
    mysql::boolean<&MyNumber::flagN>("flag_n"),
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
inline const auto texts = mysql::mysqlTable<MyText>("texts", {
    mysql::int_<&MyText::id>("id").primaryKey().autoincrement(),
    mysql::char_<&MyText::ch>("ch", {.length = 5}).notNull(),
    mysql::varchar<&MyText::vc>("vc", {.length = 20}).notNull(),
    mysql::text<&MyText::txt>("txt").notNull(),
    mysql::tinytext<&MyText::tiny>("tiny").notNull(),
    mysql::mediumtext<&MyText::medium>("medium").notNull(),
    mysql::longtext<&MyText::longer>("longer").notNull(),
    mysql::json<&MyText::doc>("doc").notNull(),
    mysql::json<&MyText::docText>("doc_text").notNull(),
    mysql::mysqlEnum<&MyText::mood>("mood", {"sad", "ok", "happy"}).notNull(),
    mysql::text<&MyText::txtN>("txt_n"),
    mysql::json<&MyText::docN>("doc_n"),
    mysql::mysqlEnum<&MyText::moodN>("mood_n", {"sad", "ok", "happy"}),
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
inline const auto times = mysql::mysqlTable<MyTime>("times", {
    mysql::int_<&MyTime::id>("id").primaryKey().autoincrement(),
    mysql::date<&MyTime::day>("day").notNull(),
    mysql::datetime<&MyTime::at>("at", {.fsp = 6}).notNull(),
    mysql::datetime<&MyTime::atSeconds>("at_seconds").notNull(),
    mysql::timestamp<&MyTime::stamp>("stamp", {.fsp = 6}).notNull(),
    mysql::time<&MyTime::clock>("clock", {.fsp = 6}).notNull(),
    mysql::time<&MyTime::span>("span").notNull(),
    mysql::date<&MyTime::dayText>("day_text").notNull(),
    mysql::datetime<&MyTime::atText>("at_text").notNull(),
    mysql::time<&MyTime::clockText>("clock_text").notNull(),
    mysql::date<&MyTime::dayN>("day_n"),
    mysql::datetime<&MyTime::atN>("at_n", {.fsp = 3}),
    mysql::timestamp<&MyTime::stampN>("stamp_n", {.fsp = 6}),
    mysql::time<&MyTime::spanN>("span_n"),
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
inline const auto binaries = mysql::mysqlTable<MyBinary>("binaries", {
    mysql::int_<&MyBinary::id>("id").primaryKey().autoincrement(),
    mysql::binary<&MyBinary::bin>("bin", {.length = 4}).notNull(),
    mysql::binary<&MyBinary::binString>("bin_string", {.length = 3}).notNull(),
    mysql::varbinary<&MyBinary::vb>("vb", {.length = 300}).notNull(),
    mysql::varbinary<&MyBinary::vbString>("vb_string", {.length = 16}).notNull(),
    mysql::binary<&MyBinary::binN>("bin_n", {.length = 4}),
    mysql::varbinary<&MyBinary::vbStringN>("vb_string_n", {.length = 16}),
});

// Declared narrower than the table the test creates, so a value can arrive that the member cannot hold.
struct MyNarrow {
    std::int32_t id = 0;
    std::uint8_t small = 0;
};
inline const auto narrow = mysql::mysqlTable<MyNarrow>("narrow", {
    mysql::int_<&MyNarrow::id>("id").primaryKey().autoincrement(),
    mysql::tinyint<&MyNarrow::small>("small").notNull(),
});

// C++ enums for enum and text columns (test_enums.hpp).
using test_enums::Mood;
using test_enums::Status;
struct MyFeeling {
    std::int32_t id = 0;
    Mood mood = Mood::ok;
    std::optional<Mood> moodN;
    Status status = Status::todo;
    std::optional<Status> free;
};
inline const auto feelings = mysql::mysqlTable<MyFeeling>("feelings", {
    mysql::int_<&MyFeeling::id>("id").primaryKey().autoincrement(),
    mysql::mysqlEnum<&MyFeeling::mood>("mood", {"sad", "ok", "happy"}).notNull(),
    mysql::mysqlEnum<&MyFeeling::moodN>("mood_n", {"sad", "ok", "happy"}),
    mysql::varchar<&MyFeeling::status>("status", {.length = 20}).enumValues({"todo", "in-progress", "done"}).notNull(),
    mysql::varchar<&MyFeeling::free>("free", {.length = 20}),
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
create table feelings (id int primary key auto_increment, mood enum('sad', 'ok', 'happy') not null,
    mood_n enum('sad', 'ok', 'happy'), status varchar(20) not null, free varchar(20));
)";

}  // namespace types_mysql

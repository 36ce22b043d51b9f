// The type-mapping tests' PostgreSQL schema: every column type the DSL declares, each with a
// plain member on a NOT NULL column and, where it adds something, a std::optional one beside it.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "drizzle/pg.hpp"
#include "test_enums.hpp"
#include "drizzle/uuid.hpp"

namespace types_pg {
using namespace drizzle;
using Micros = std::chrono::sys_time<std::chrono::microseconds>;

inline const auto moodEnum = pg::pgEnum("mood", {"sad", "ok", "happy"});

struct PgNumber {
    std::int32_t id = 0;
    std::int16_t small = 0;
    std::int32_t regular = 0;
    std::int64_t big = 0;
    float single = 0;
    double dbl = 0;
    bool flag = false;
    std::string exact;
    double approx = 0;
    std::optional<std::int16_t> smallN;
    std::optional<std::int32_t> regularN;
    std::optional<std::int64_t> bigN;
    std::optional<float> singleN;
    std::optional<double> dblN;
    std::optional<bool> flagN;
    std::optional<std::string> exactN;
};
inline const auto numbers = pg::pgTable<PgNumber>("numbers", {
    pg::serial<&PgNumber::id>("id").primaryKey(),
    pg::smallint<&PgNumber::small>("small").notNull(),
    pg::integer<&PgNumber::regular>("regular").notNull(),
    pg::bigint<&PgNumber::big>("big").notNull(),
    pg::real<&PgNumber::single>("single").notNull(),
    pg::doublePrecision<&PgNumber::dbl>("dbl").notNull(),
    pg::boolean<&PgNumber::flag>("flag").notNull(),
    pg::numeric<&PgNumber::exact>("exact").notNull(),
    pg::numeric<&PgNumber::approx>("approx", {.precision = 20, .scale = 6}).notNull(),
    pg::smallint<&PgNumber::smallN>("small_n"),
    pg::integer<&PgNumber::regularN>("regular_n"),
    pg::bigint<&PgNumber::bigN>("big_n"),
    pg::real<&PgNumber::singleN>("single_n"),
    pg::doublePrecision<&PgNumber::dblN>("dbl_n"),
    pg::boolean<&PgNumber::flagN>("flag_n"),
    pg::numeric<&PgNumber::exactN>("exact_n", {.precision = 60, .scale = 10}),
});

struct PgText {
    std::int32_t id = 0;
    std::string txt;
    std::string vc;
    std::string ch;
    nlohmann::json doc;
    nlohmann::json docB;
    std::string docText;
    Uuid key;
    std::string keyText;
    std::string mood;
    std::string span;
    std::string ip;
    std::string net;
    std::string mac;
    std::string mac8;
    std::optional<std::string> txtN;
    std::optional<nlohmann::json> docN;
    std::optional<Uuid> keyN;
    std::optional<std::string> moodN;
    std::optional<std::string> spanN;
};
inline const auto texts = pg::pgTable<PgText>("texts", {
    pg::serial<&PgText::id>("id").primaryKey(),
    pg::text<&PgText::txt>("txt").notNull(),
    pg::varchar<&PgText::vc>("vc", {.length = 20}).notNull(),
    pg::char_<&PgText::ch>("ch", {.length = 5}).notNull(),
    pg::json<&PgText::doc>("doc").notNull(),
    pg::jsonb<&PgText::docB>("doc_b").notNull(),
    pg::jsonb<&PgText::docText>("doc_text").notNull(),
    pg::uuid<&PgText::key>("key").notNull(),
    pg::uuid<&PgText::keyText>("key_text").notNull(),
    moodEnum.column<&PgText::mood>("mood").notNull(),
    pg::interval<&PgText::span>("span").notNull(),
    pg::inet<&PgText::ip>("ip").notNull(),
    pg::cidr<&PgText::net>("net").notNull(),
    pg::macaddr<&PgText::mac>("mac").notNull(),
    pg::macaddr8<&PgText::mac8>("mac8").notNull(),
    pg::text<&PgText::txtN>("txt_n"),
    pg::jsonb<&PgText::docN>("doc_n"),
    pg::uuid<&PgText::keyN>("key_n"),
    moodEnum.column<&PgText::moodN>("mood_n"),
    pg::interval<&PgText::spanN>("span_n"),
});

struct PgTime {
    std::int32_t id = 0;
    std::chrono::sys_days day;
    Micros at;
    std::chrono::sys_seconds atSeconds;
    std::chrono::system_clock::time_point atClock;
    Micros atZone;
    std::chrono::microseconds clock{};
    std::string dayText;
    std::string atText;
    std::string atZoneText;
    std::string clockText;
    std::optional<std::chrono::sys_days> dayN;
    std::optional<Micros> atN;
    std::optional<Micros> atZoneN;
    std::optional<std::chrono::seconds> clockN;
};
inline const auto times = pg::pgTable<PgTime>("times", {
    pg::serial<&PgTime::id>("id").primaryKey(),
    pg::date<&PgTime::day>("day").notNull(),
    pg::timestamp<&PgTime::at>("at").notNull(),
    pg::timestamp<&PgTime::atSeconds>("at_seconds", {.precision = 0}).notNull(),
    pg::timestamp<&PgTime::atClock>("at_clock").notNull(),
    pg::timestamp<&PgTime::atZone>("at_zone", {.withTimezone = true}).notNull(),
    pg::time<&PgTime::clock>("clock").notNull(),
    pg::date<&PgTime::dayText>("day_text").notNull(),
    pg::timestamp<&PgTime::atText>("at_text").notNull(),
    pg::timestamp<&PgTime::atZoneText>("at_zone_text", {.withTimezone = true}).notNull(),
    pg::time<&PgTime::clockText>("clock_text").notNull(),
    pg::date<&PgTime::dayN>("day_n"),
    pg::timestamp<&PgTime::atN>("at_n"),
    pg::timestamp<&PgTime::atZoneN>("at_zone_n", {.withTimezone = true}),
    pg::time<&PgTime::clockN>("clock_n"),
});

struct PgBinary {
    std::int32_t id = 0;
    std::vector<unsigned char> raw;
    std::vector<std::byte> rawBytes;
    std::string rawString;
    pg::Point where;
    std::string whereText;
    pg::Line line;
    std::optional<std::vector<unsigned char>> rawN;
    std::optional<std::string> rawStringN;
    std::optional<pg::Point> whereN;
    std::optional<pg::Line> lineN;
};
inline const auto binaries = pg::pgTable<PgBinary>("binaries", {
    pg::serial<&PgBinary::id>("id").primaryKey(),
    pg::bytea<&PgBinary::raw>("raw").notNull(),
    pg::bytea<&PgBinary::rawBytes>("raw_bytes").notNull(),
    pg::bytea<&PgBinary::rawString>("raw_string").notNull(),
    pg::point<&PgBinary::where>("where_").notNull(),
    pg::point<&PgBinary::whereText>("where_text").notNull(),
    pg::line<&PgBinary::line>("line").notNull(),
    pg::bytea<&PgBinary::rawN>("raw_n"),
    pg::bytea<&PgBinary::rawStringN>("raw_string_n"),
    pg::point<&PgBinary::whereN>("where_n"),
    pg::line<&PgBinary::lineN>("line_n"),
});

struct PgArray {
    std::int32_t id = 0;
    std::vector<std::int32_t> ints;
    std::vector<std::vector<std::int32_t>> matrix;
    std::vector<std::string> words;
    std::vector<bool> flags;
    std::vector<double> reals;
    std::vector<Uuid> keys;
    std::vector<std::string> moods;
    std::vector<std::string> amounts;
    std::vector<std::vector<unsigned char>> blobs;
    std::optional<std::vector<std::int64_t>> bigsN;
    std::vector<std::optional<std::string>> maybeWords;  // elements may be NULL
};
inline const auto arrays = pg::pgTable<PgArray>("arrays", {
    pg::serial<&PgArray::id>("id").primaryKey(),
    pg::integer<&PgArray::ints>("ints").notNull(),
    pg::integer<&PgArray::matrix>("matrix").notNull(),
    pg::text<&PgArray::words>("words").notNull(),
    pg::boolean<&PgArray::flags>("flags").notNull(),
    pg::doublePrecision<&PgArray::reals>("reals").notNull(),
    pg::uuid<&PgArray::keys>("keys").notNull(),
    moodEnum.column<&PgArray::moods>("moods").notNull(),
    pg::numeric<&PgArray::amounts>("amounts").notNull(),
    pg::bytea<&PgArray::blobs>("blobs").notNull(),
    pg::bigint<&PgArray::bigsN>("bigs_n"),
    pg::text<&PgArray::maybeWords>("maybe_words").notNull(),
});

// PostGIS points (the test creates the table once it has created the extension).
struct PgPlace {
    std::int32_t id = 0;
    pg::Point location;
    std::string locationText;
    std::optional<pg::Point> locationN;
};
inline const auto places = pg::pgTable<PgPlace>("places", {
    pg::serial<&PgPlace::id>("id").primaryKey(),
    pg::geometry<&PgPlace::location>("location", {.type = "point"}).notNull(),
    pg::geometry<&PgPlace::locationText>("location_text").notNull(),
    pg::geometry<&PgPlace::locationN>("location_n"),
});

// pgvector's vectors. The test server has no pgvector, so the table holds their text form in text
// columns: what the codec writes is what pgvector reads ("[1,2.5,3]") and prints.
struct PgVector {
    std::int32_t id = 0;
    std::vector<float> embedding;
    std::optional<std::vector<float>> embeddingN;
};
inline const auto vectors = pg::pgTable<PgVector>("vectors", {
    pg::serial<&PgVector::id>("id").primaryKey(),
    pg::vector<&PgVector::embedding>("embedding", {.dimensions = 3}).notNull(),
    pg::vector<&PgVector::embeddingN>("embedding_n", {.dimensions = 3}),
});

// Declared narrower than the table the test creates, so a value can arrive that the member cannot hold.
struct PgNarrow {
    std::int32_t id = 0;
    std::int16_t small = 0;
};
inline const auto narrow = pg::pgTable<PgNarrow>("narrow", {
    pg::serial<&PgNarrow::id>("id").primaryKey(),
    pg::smallint<&PgNarrow::small>("small").notNull(),
});

// C++ enums for enum and text columns (test_enums.hpp).
using test_enums::Mood;
using test_enums::Status;
struct PgFeeling {
    std::int32_t id = 0;
    Mood mood = Mood::ok;
    std::optional<Mood> moodN;
    std::vector<Mood> moods;
    Status status = Status::todo;
    std::optional<Status> free;
};
inline const auto feelings = pg::pgTable<PgFeeling>("feelings", {
    pg::serial<&PgFeeling::id>("id").primaryKey(),
    moodEnum.column<&PgFeeling::mood>("mood").notNull(),
    moodEnum.column<&PgFeeling::moodN>("mood_n"),
    moodEnum.column<&PgFeeling::moods>("moods").notNull(),
    pg::text<&PgFeeling::status>("status").enumValues({"todo", "in-progress", "done"}).notNull(),
    pg::text<&PgFeeling::free>("free"),
});

inline constexpr const char* ddl = R"(
create type mood as enum ('sad', 'ok', 'happy');
create table numbers (id serial primary key, small smallint not null, regular integer not null, big bigint not null,
    single real not null, dbl double precision not null, flag boolean not null, exact numeric not null,
    approx numeric(20, 6) not null, small_n smallint, regular_n integer, big_n bigint, single_n real,
    dbl_n double precision, flag_n boolean, exact_n numeric(60, 10));
create table texts (id serial primary key, txt text not null, vc varchar(20) not null, ch char(5) not null,
    doc json not null, doc_b jsonb not null, doc_text jsonb not null, key uuid not null, key_text uuid not null,
    mood mood not null, span interval not null, ip inet not null, net cidr not null, mac macaddr not null,
    mac8 macaddr8 not null, txt_n text, doc_n jsonb, key_n uuid, mood_n mood, span_n interval);
create table times (id serial primary key, day date not null, at timestamp not null, at_seconds timestamp(0) not null,
    at_clock timestamp not null, at_zone timestamptz not null, clock time not null, day_text date not null,
    at_text timestamp not null, at_zone_text timestamptz not null, clock_text time not null, day_n date,
    at_n timestamp, at_zone_n timestamptz, clock_n time);
create table binaries (id serial primary key, raw bytea not null, raw_bytes bytea not null, raw_string bytea not null,
    where_ point not null, where_text point not null, line line not null, raw_n bytea, raw_string_n bytea,
    where_n point, line_n line);
create table arrays (id serial primary key, ints integer[] not null, matrix integer[][] not null, words text[] not null,
    flags boolean[] not null, reals double precision[] not null, keys uuid[] not null,
    moods mood[] not null, amounts numeric[] not null, blobs bytea[] not null, bigs_n bigint[],
    maybe_words text[] not null default '{}');
create table vectors (id serial primary key, embedding text not null, embedding_n text);
create table narrow (id serial primary key, small integer not null);
create table feelings (id serial primary key, mood mood not null, mood_n mood, moods mood[] not null, status text not null, free text);
)";

}  // namespace types_pg

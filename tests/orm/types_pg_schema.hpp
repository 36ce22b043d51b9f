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
inline const auto numbers = pg::table<PgNumber>("numbers", {
    pg::serial("id", &PgNumber::id).primaryKey(),
    pg::smallint("small", &PgNumber::small).notNull(),
    pg::integer("regular", &PgNumber::regular).notNull(),
    pg::bigint("big", &PgNumber::big).notNull(),
    pg::real("single", &PgNumber::single).notNull(),
    pg::doublePrecision("dbl", &PgNumber::dbl).notNull(),
    pg::boolean("flag", &PgNumber::flag).notNull(),
    pg::numeric("exact", &PgNumber::exact).notNull(),
    pg::numeric("approx", &PgNumber::approx, {.precision = 20, .scale = 6}).notNull(),
    pg::smallint("small_n", &PgNumber::smallN),
    pg::integer("regular_n", &PgNumber::regularN),
    pg::bigint("big_n", &PgNumber::bigN),
    pg::real("single_n", &PgNumber::singleN),
    pg::doublePrecision("dbl_n", &PgNumber::dblN),
    pg::boolean("flag_n", &PgNumber::flagN),
    pg::numeric("exact_n", &PgNumber::exactN, {.precision = 60, .scale = 10}),
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
inline const auto texts = pg::table<PgText>("texts", {
    pg::serial("id", &PgText::id).primaryKey(),
    pg::text("txt", &PgText::txt).notNull(),
    pg::varchar("vc", &PgText::vc, {.length = 20}).notNull(),
    pg::char_("ch", &PgText::ch, {.length = 5}).notNull(),
    pg::json("doc", &PgText::doc).notNull(),
    pg::jsonb("doc_b", &PgText::docB).notNull(),
    pg::jsonb("doc_text", &PgText::docText).notNull(),
    pg::uuid("key", &PgText::key).notNull(),
    pg::uuid("key_text", &PgText::keyText).notNull(),
    moodEnum("mood", &PgText::mood).notNull(),
    pg::interval("span", &PgText::span).notNull(),
    pg::inet("ip", &PgText::ip).notNull(),
    pg::cidr("net", &PgText::net).notNull(),
    pg::macaddr("mac", &PgText::mac).notNull(),
    pg::macaddr8("mac8", &PgText::mac8).notNull(),
    pg::text("txt_n", &PgText::txtN),
    pg::jsonb("doc_n", &PgText::docN),
    pg::uuid("key_n", &PgText::keyN),
    moodEnum("mood_n", &PgText::moodN),
    pg::interval("span_n", &PgText::spanN),
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
inline const auto times = pg::table<PgTime>("times", {
    pg::serial("id", &PgTime::id).primaryKey(),
    pg::date("day", &PgTime::day).notNull(),
    pg::timestamp("at", &PgTime::at).notNull(),
    pg::timestamp("at_seconds", &PgTime::atSeconds, {.precision = 0}).notNull(),
    pg::timestamp("at_clock", &PgTime::atClock).notNull(),
    pg::timestamp("at_zone", &PgTime::atZone, {.withTimezone = true}).notNull(),
    pg::time("clock", &PgTime::clock).notNull(),
    pg::date("day_text", &PgTime::dayText).notNull(),
    pg::timestamp("at_text", &PgTime::atText).notNull(),
    pg::timestamp("at_zone_text", &PgTime::atZoneText, {.withTimezone = true}).notNull(),
    pg::time("clock_text", &PgTime::clockText).notNull(),
    pg::date("day_n", &PgTime::dayN),
    pg::timestamp("at_n", &PgTime::atN),
    pg::timestamp("at_zone_n", &PgTime::atZoneN, {.withTimezone = true}),
    pg::time("clock_n", &PgTime::clockN),
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
inline const auto binaries = pg::table<PgBinary>("binaries", {
    pg::serial("id", &PgBinary::id).primaryKey(),
    pg::bytea("raw", &PgBinary::raw).notNull(),
    pg::bytea("raw_bytes", &PgBinary::rawBytes).notNull(),
    pg::bytea("raw_string", &PgBinary::rawString).notNull(),
    pg::point("where_", &PgBinary::where).notNull(),
    pg::point("where_text", &PgBinary::whereText).notNull(),
    pg::line("line", &PgBinary::line).notNull(),
    pg::bytea("raw_n", &PgBinary::rawN),
    pg::bytea("raw_string_n", &PgBinary::rawStringN),
    pg::point("where_n", &PgBinary::whereN),
    pg::line("line_n", &PgBinary::lineN),
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
inline const auto arrays = pg::table<PgArray>("arrays", {
    pg::serial("id", &PgArray::id).primaryKey(),
    pg::integer("ints", &PgArray::ints).notNull(),
    pg::integer("matrix", &PgArray::matrix).notNull(),
    pg::text("words", &PgArray::words).notNull(),
    pg::boolean("flags", &PgArray::flags).notNull(),
    pg::doublePrecision("reals", &PgArray::reals).notNull(),
    pg::uuid("keys", &PgArray::keys).notNull(),
    moodEnum("moods", &PgArray::moods).notNull(),
    pg::numeric("amounts", &PgArray::amounts).notNull(),
    pg::bytea("blobs", &PgArray::blobs).notNull(),
    pg::bigint("bigs_n", &PgArray::bigsN),
    pg::text("maybe_words", &PgArray::maybeWords).notNull(),
});

// PostGIS points (the test creates the table once it has created the extension).
struct PgPlace {
    std::int32_t id = 0;
    pg::Point location;
    std::string locationText;
    std::optional<pg::Point> locationN;
};
inline const auto places = pg::table<PgPlace>("places", {
    pg::serial("id", &PgPlace::id).primaryKey(),
    pg::geometry("location", &PgPlace::location, {.type = "point"}).notNull(),
    pg::geometry("location_text", &PgPlace::locationText).notNull(),
    pg::geometry("location_n", &PgPlace::locationN),
});

// pgvector's vectors. The test server has no pgvector, so the table holds their text form in text
// columns: what the codec writes is what pgvector reads ("[1,2.5,3]") and prints.
struct PgVector {
    std::int32_t id = 0;
    std::vector<float> embedding;
    std::optional<std::vector<float>> embeddingN;
};
inline const auto vectors = pg::table<PgVector>("vectors", {
    pg::serial("id", &PgVector::id).primaryKey(),
    pg::vector("embedding", &PgVector::embedding, {.dimensions = 3}).notNull(),
    pg::vector("embedding_n", &PgVector::embeddingN, {.dimensions = 3}),
});

// Declared narrower than the table the test creates, so a value can arrive that the member cannot hold.
struct PgNarrow {
    std::int32_t id = 0;
    std::int16_t small = 0;
};
inline const auto narrow = pg::table<PgNarrow>("narrow", {
    pg::serial("id", &PgNarrow::id).primaryKey(),
    pg::smallint("small", &PgNarrow::small).notNull(),
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
)";

}  // namespace types_pg

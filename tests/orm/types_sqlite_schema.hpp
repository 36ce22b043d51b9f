// The type-mapping tests' SQLite schema: every column type and mode the DSL declares, each with
// a plain member on a NOT NULL column and a std::optional one beside it.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "drizzle/sqlite.hpp"

namespace types_sqlite {
using namespace drizzle;
using Millis = std::chrono::sys_time<std::chrono::milliseconds>;
using Micros = std::chrono::sys_time<std::chrono::microseconds>;

struct SqNumber {
    std::int64_t id = 0;
    std::int64_t big = 0;
    std::int32_t regular = 0;
    std::uint8_t tiny = 0;
    bool flag = false;
    double dbl = 0;
    float single = 0;
    double numberD = 0;
    std::string numberS;
    std::optional<std::int64_t> bigN;
    std::optional<bool> flagN;
    std::optional<double> dblN;
    std::optional<std::string> numberN;
};
inline const auto numbers = sqlite::table<SqNumber>("numbers", {
    sqlite::integer("id", &SqNumber::id).primaryKey(),
    sqlite::integer("big", &SqNumber::big).notNull(),
    sqlite::integer("regular", &SqNumber::regular).notNull(),
    sqlite::integer("tiny", &SqNumber::tiny).notNull(),
    sqlite::integer("flag", &SqNumber::flag).notNull(),
    sqlite::real("dbl", &SqNumber::dbl).notNull(),
    sqlite::real("single", &SqNumber::single).notNull(),
    sqlite::numeric("number_d", &SqNumber::numberD).notNull(),
    sqlite::numeric("number_s", &SqNumber::numberS).notNull(),
    sqlite::integer("big_n", &SqNumber::bigN),
    sqlite::integer("flag_n", &SqNumber::flagN),
    sqlite::real("dbl_n", &SqNumber::dblN),
    sqlite::numeric("number_n", &SqNumber::numberN),
});

struct SqText {
    std::int64_t id = 0;
    std::string txt;
    nlohmann::json doc;
    std::string docText;
    std::chrono::sys_days day;
    Millis at;
    Micros atMicros;
    std::optional<std::string> txtN;
    std::optional<nlohmann::json> docN;
    std::optional<std::chrono::sys_days> dayN;
    std::optional<Micros> atN;
};
inline const auto texts = sqlite::table<SqText>("texts", {
    sqlite::integer("id", &SqText::id).primaryKey(),
    sqlite::text("txt", &SqText::txt).notNull(),
    sqlite::text("doc", &SqText::doc).notNull(),
    sqlite::text("doc_text", &SqText::docText, {.mode = "json"}).notNull(),
    sqlite::text("day", &SqText::day).notNull(),
    sqlite::text("at", &SqText::at).notNull(),
    sqlite::text("at_micros", &SqText::atMicros).notNull(),
    sqlite::text("txt_n", &SqText::txtN),
    sqlite::text("doc_n", &SqText::docN),
    sqlite::text("day_n", &SqText::dayN),
    sqlite::text("at_n", &SqText::atN),
});

// Drizzle's integer({mode: "timestamp" | "timestamp_ms"}): epoch seconds or milliseconds.
struct SqEpoch {
    std::int64_t id = 0;
    std::chrono::sys_seconds seconds;
    Millis millis;
    std::chrono::system_clock::time_point clockSeconds;
    std::optional<std::chrono::sys_seconds> secondsN;
    std::optional<Millis> millisN;
};
inline const auto epochs = sqlite::table<SqEpoch>("epochs", {
    sqlite::integer("id", &SqEpoch::id).primaryKey(),
    sqlite::integer("seconds", &SqEpoch::seconds).notNull(),
    sqlite::integer("millis", &SqEpoch::millis).notNull(),
    sqlite::integer("clock_seconds", &SqEpoch::clockSeconds, {.mode = "timestamp"}).notNull(),
    sqlite::integer("seconds_n", &SqEpoch::secondsN),
    sqlite::integer("millis_n", &SqEpoch::millisN, {.mode = "timestamp_ms"}),
});

struct SqBlob {
    std::int64_t id = 0;
    std::vector<unsigned char> raw;
    std::vector<std::byte> rawBytes;
    std::string rawString;
    nlohmann::json doc;
    std::string docString;
    std::int64_t big = 0;
    std::optional<std::vector<unsigned char>> rawN;
    std::optional<std::string> rawStringN;
    std::optional<nlohmann::json> docN;
    std::optional<std::int64_t> bigN;
};
inline const auto blobs = sqlite::table<SqBlob>("blobs", {
    sqlite::integer("id", &SqBlob::id).primaryKey(),
    sqlite::blob("raw", &SqBlob::raw).notNull(),
    sqlite::blob("raw_bytes", &SqBlob::rawBytes).notNull(),
    sqlite::blob("raw_string", &SqBlob::rawString).notNull(),
    sqlite::blob("doc", &SqBlob::doc).notNull(),
    sqlite::blob("doc_string", &SqBlob::docString, {.mode = "json"}).notNull(),
    sqlite::blob("big", &SqBlob::big).notNull(),
    sqlite::blob("raw_n", &SqBlob::rawN),
    sqlite::blob("raw_string_n", &SqBlob::rawStringN),
    sqlite::blob("doc_n", &SqBlob::docN),
    sqlite::blob("big_n", &SqBlob::bigN, {.mode = "bigint"}),
});

// Declared narrower than the table the test creates, so a value can arrive that the member cannot hold.
struct SqNarrow {
    std::int64_t id = 0;
    std::int16_t small = 0;
};
inline const auto narrow = sqlite::table<SqNarrow>("narrow", {
    sqlite::integer("id", &SqNarrow::id).primaryKey(),
    sqlite::integer("small", &SqNarrow::small).notNull(),
});

inline constexpr const char* ddl = R"(
create table numbers (id integer primary key, big integer not null, regular integer not null, tiny integer not null,
    flag integer not null, dbl real not null, single real not null, number_d numeric not null,
    number_s numeric not null, big_n integer, flag_n integer, dbl_n real, number_n numeric);
create table texts (id integer primary key, txt text not null, doc text not null, doc_text text not null,
    day text not null, at text not null, at_micros text not null, txt_n text, doc_n text, day_n text, at_n text);
create table epochs (id integer primary key, seconds integer not null, millis integer not null,
    clock_seconds integer not null, seconds_n integer, millis_n integer);
create table blobs (id integer primary key, raw blob not null, raw_bytes blob not null, raw_string blob not null,
    doc blob not null, doc_string blob not null, big blob not null, raw_n blob, raw_string_n blob, doc_n blob,
    big_n blob);
create table narrow (id integer primary key, small integer not null);
)";

}  // namespace types_sqlite

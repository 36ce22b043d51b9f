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
#include "test_enums.hpp"

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
inline const auto numbers = sqlite::sqliteTable<SqNumber>("numbers", {
    sqlite::integer<&SqNumber::id>("id").primaryKey(),
    sqlite::integer<&SqNumber::big>("big").notNull(),
    sqlite::integer<&SqNumber::regular>("regular").notNull(),
    sqlite::integer<&SqNumber::tiny>("tiny").notNull(),
    sqlite::integer<&SqNumber::flag>("flag").notNull(),
    sqlite::real<&SqNumber::dbl>("dbl").notNull(),
    sqlite::real<&SqNumber::single>("single").notNull(),
    sqlite::numeric<&SqNumber::numberD>("number_d").notNull(),
    sqlite::numeric<&SqNumber::numberS>("number_s").notNull(),
    sqlite::integer<&SqNumber::bigN>("big_n"),
    sqlite::integer<&SqNumber::flagN>("flag_n"),
    sqlite::real<&SqNumber::dblN>("dbl_n"),
    sqlite::numeric<&SqNumber::numberN>("number_n"),
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
inline const auto texts = sqlite::sqliteTable<SqText>("texts", {
    sqlite::integer<&SqText::id>("id").primaryKey(),
    sqlite::text<&SqText::txt>("txt").notNull(),
    sqlite::text<&SqText::doc>("doc").notNull(),
    sqlite::text<&SqText::docText>("doc_text", {.mode = "json"}).notNull(),
    sqlite::text<&SqText::day>("day").notNull(),
    sqlite::text<&SqText::at>("at").notNull(),
    sqlite::text<&SqText::atMicros>("at_micros").notNull(),
    sqlite::text<&SqText::txtN>("txt_n"),
    sqlite::text<&SqText::docN>("doc_n"),
    sqlite::text<&SqText::dayN>("day_n"),
    sqlite::text<&SqText::atN>("at_n"),
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
inline const auto epochs = sqlite::sqliteTable<SqEpoch>("epochs", {
    sqlite::integer<&SqEpoch::id>("id").primaryKey(),
    sqlite::integer<&SqEpoch::seconds>("seconds").notNull(),
    sqlite::integer<&SqEpoch::millis>("millis").notNull(),
    sqlite::integer<&SqEpoch::clockSeconds>("clock_seconds", {.mode = "timestamp"}).notNull(),
    sqlite::integer<&SqEpoch::secondsN>("seconds_n"),
    sqlite::integer<&SqEpoch::millisN>("millis_n", {.mode = "timestamp_ms"}),
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
inline const auto blobs = sqlite::sqliteTable<SqBlob>("blobs", {
    sqlite::integer<&SqBlob::id>("id").primaryKey(),
    sqlite::blob<&SqBlob::raw>("raw").notNull(),
    sqlite::blob<&SqBlob::rawBytes>("raw_bytes").notNull(),
    sqlite::blob<&SqBlob::rawString>("raw_string").notNull(),
    sqlite::blob<&SqBlob::doc>("doc").notNull(),
    sqlite::blob<&SqBlob::docString>("doc_string", {.mode = "json"}).notNull(),
    sqlite::blob<&SqBlob::big>("big").notNull(),
    sqlite::blob<&SqBlob::rawN>("raw_n"),
    sqlite::blob<&SqBlob::rawStringN>("raw_string_n"),
    sqlite::blob<&SqBlob::docN>("doc_n"),
    sqlite::blob<&SqBlob::bigN>("big_n", {.mode = "bigint"}),
});

// Declared narrower than the table the test creates, so a value can arrive that the member cannot hold.
struct SqNarrow {
    std::int64_t id = 0;
    std::int16_t small = 0;
};
inline const auto narrow = sqlite::sqliteTable<SqNarrow>("narrow", {
    sqlite::integer<&SqNarrow::id>("id").primaryKey(),
    sqlite::integer<&SqNarrow::small>("small").notNull(),
});

// C++ enums for enum and text columns (test_enums.hpp).
using test_enums::Mood;
using test_enums::Status;
struct SqFeeling {
    std::int64_t id = 0;
    Mood mood = Mood::ok;
    std::optional<Mood> moodN;
    Status status = Status::todo;
    std::optional<Status> free;
};
inline const auto feelings = sqlite::sqliteTable<SqFeeling>("feelings", {
    sqlite::integer<&SqFeeling::id>("id").primaryKey(),
    sqlite::text<&SqFeeling::mood>("mood").enumValues({"sad", "ok", "happy"}).notNull(),
    sqlite::text<&SqFeeling::moodN>("mood_n").enumValues({"sad", "ok", "happy"}),
    sqlite::text<&SqFeeling::status>("status").enumValues({"todo", "in-progress", "done"}).notNull(),
    sqlite::text<&SqFeeling::free>("free"),
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
create table feelings (id integer primary key, mood text not null, mood_n text, status text not null, free text);
)";

}  // namespace types_sqlite

// Type mapping against a real PostgreSQL server: every column type the DSL declares, written
// through the ORM and read back, NULL as std::nullopt, values written by raw SQL read through the
// ORM (so that a bug symmetric in reading and writing cannot hide), and typed values in WHERE.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "drizzle/orm.hpp"
#include "support.hpp"
#include "types_pg_schema.hpp"

using namespace drizzle;
using namespace types_pg;
using namespace std::chrono;

namespace {

Micros at(int y, unsigned mo, unsigned d, int h, int mi, int s, int us = 0) {
    return sys_days{year{y} / month{mo} / day{d}} + hours{h} + minutes{mi} + seconds{s} + microseconds{us};
}
std::vector<unsigned char> allBytes() {
    std::vector<unsigned char> out;
    for (int i = 0; i < 256; ++i) out.push_back(static_cast<unsigned char>(i));
    return out;
}

class PgTypes : public ::testing::Test {
protected:
    driver::test::ScratchDatabase scratch{Dialect::postgresql};
    Database db = drizzle::pg::connect(scratch.url());
    void SetUp() override { db.execute(ddl); }
    // One value as the server prints it, for checking what was stored.
    std::string serverText(const std::string& query) {
        return db.connection().query(query).text(0, 0);
    }
};

TEST_F(PgTypes, NumbersRoundTripWithTheirExtremes) {
    PgNumber high{0, std::numeric_limits<std::int16_t>::max(), std::numeric_limits<std::int32_t>::max(),
                  std::numeric_limits<std::int64_t>::max(), 3.4028235e38f, 1.7976931348623157e308, true,
                  "1234567890123456789012345678901234567890.0123456789", 12345678901234.5,
                  std::numeric_limits<std::int16_t>::min(), std::numeric_limits<std::int32_t>::min(),
                  std::numeric_limits<std::int64_t>::min(), 0.1f, 0.1, false, "-0.0000000001"};
    PgNumber nulls{0, -1, -2, -3, -0.5f, std::numeric_limits<double>::infinity(), false, "0", -0.25,
                   std::nullopt, std::nullopt, std::nullopt, std::nullopt, std::nullopt, std::nullopt, std::nullopt};
    db.insert(numbers).values(std::vector<PgNumber>{high, nulls}).execute();

    auto rows = db.select().from(numbers).orderBy(asc(&PgNumber::id)).all();
    ASSERT_EQ(rows.size(), 2u);
    const PgNumber& a = rows[0];
    EXPECT_EQ(a.small, high.small);
    EXPECT_EQ(a.regular, high.regular);
    EXPECT_EQ(a.big, high.big);
    EXPECT_EQ(a.single, high.single);
    EXPECT_EQ(a.dbl, high.dbl);
    EXPECT_TRUE(a.flag);
    EXPECT_EQ(a.exact, high.exact);
    EXPECT_EQ(a.approx, 12345678901234.5);
    EXPECT_EQ(a.smallN, high.smallN);
    EXPECT_EQ(a.regularN, high.regularN);
    EXPECT_EQ(a.bigN, high.bigN);
    EXPECT_EQ(a.singleN, 0.1f);
    EXPECT_EQ(a.dblN, 0.1);
    EXPECT_EQ(a.flagN, false);
    EXPECT_EQ(a.exactN, "-0.0000000001");
    const PgNumber& b = rows[1];
    EXPECT_EQ(b.single, -0.5f);
    EXPECT_EQ(b.dbl, std::numeric_limits<double>::infinity());
    EXPECT_EQ(b.approx, -0.25);
    EXPECT_FALSE(b.smallN || b.regularN || b.bigN || b.singleN || b.dblN || b.flagN || b.exactN);

    EXPECT_EQ(serverText("select big::text || ' ' || big_n::text from numbers where id = 1"),
              "9223372036854775807 -9223372036854775808");
}

TEST_F(PgTypes, NumericKeepsEveryDigitBothWays) {
    const std::string forty = "9876543210987654321098765432109876543210";
    db.execute("insert into numbers (small, regular, big, single, dbl, flag, exact, approx, exact_n) values "
               "(1, 2, 3, 4.5, 6.25, true, '" + forty + ".5', 7.125, '" + forty.substr(0, 30) + ".0123456789')");
    auto row = db.select().from(numbers).get();
    ASSERT_TRUE(row);
    EXPECT_EQ(row->exact, forty + ".5");
    EXPECT_EQ(row->exactN, forty.substr(0, 30) + ".0123456789");
    EXPECT_EQ(row->approx, 7.125);
    EXPECT_EQ(row->single, 4.5f);

    EXPECT_EQ(db.count(numbers, eq(&PgNumber::exact, forty + ".5")), 1);
    EXPECT_EQ(db.count(numbers, eq(&PgNumber::exact, forty + ".4")), 0);
    db.update(numbers).set(&PgNumber::exact, "-" + forty).where(eq(&PgNumber::id, row->id)).execute();
    EXPECT_EQ(serverText("select exact::text from numbers"), "-" + forty);
}

TEST_F(PgTypes, AValueTheMemberCannotHoldIsAnError) {
    db.execute("insert into narrow (small) values (40000)");
    Error e = driver::test::errorOf([&] { db.select().from(narrow).all(); });
    EXPECT_NE(std::string(e.what()).find("40000"), std::string::npos) << e.what();
    EXPECT_EQ(e.category(), ErrorCategory::mapping);  // the row struct cannot hold it: not a usage error
    EXPECT_NE(std::string(e.what()).find("small"), std::string::npos) << e.what();
}

TEST_F(PgTypes, TextJsonUuidEnumAndNetworkTypesRoundTrip) {
    const Uuid key = Uuid::parse("A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11");
    const nlohmann::json doc = {{"name", "Zoë \"quoted\""}, {"tags", {"a", "b"}}, {"n", 1.5}, {"none", nullptr}};
    PgText full{0, "multi\nline 'text' \\ ünïcode", "varchar", "ab", doc, doc, R"({"b": 1, "a": [true]})", key,
                "00000000-0000-0000-0000-000000000001", "happy", "1 day 02:03:04", "192.168.0.1/24", "10.0.0.0/8",
                "08:00:2b:01:02:03", "08:00:2b:01:02:03:04:05", "", nlohmann::json(nullptr), key, "sad", "00:00:01"};
    PgText empty{0, "", "", "", nlohmann::json::object(), nlohmann::json::array(), "{}", Uuid{}, Uuid{}.toString(),
                 "ok", "00:00:00", "::1", "::/0", "00:00:00:00:00:00", "00:00:00:00:00:00:00:00",
                 std::nullopt, std::nullopt, std::nullopt, std::nullopt, std::nullopt};
    db.insert(texts).values(std::vector<PgText>{full, empty}).execute();

    auto rows = db.select().from(texts).orderBy(asc(&PgText::id)).all();
    ASSERT_EQ(rows.size(), 2u);
    const PgText& a = rows[0];
    EXPECT_EQ(a.txt, full.txt);
    EXPECT_EQ(a.vc, "varchar");
    EXPECT_EQ(a.ch, "ab   ");  // char(5) pads
    EXPECT_EQ(a.doc, doc);
    EXPECT_EQ(a.docB, doc);
    EXPECT_EQ(a.docText, R"({"a": [true], "b": 1})");  // jsonb's own text
    EXPECT_EQ(a.key, key);
    EXPECT_EQ(a.key.toString(), "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
    EXPECT_EQ(a.keyText, "00000000-0000-0000-0000-000000000001");
    EXPECT_EQ(a.mood, "happy");
    EXPECT_EQ(a.span, "1 day 02:03:04");
    EXPECT_EQ(a.ip, "192.168.0.1/24");
    EXPECT_EQ(a.net, "10.0.0.0/8");
    EXPECT_EQ(a.mac, "08:00:2b:01:02:03");
    EXPECT_EQ(a.mac8, "08:00:2b:01:02:03:04:05");
    EXPECT_EQ(a.txtN, "");                        // the empty string is not NULL
    EXPECT_EQ(a.docN, nlohmann::json(nullptr));   // JSON null is not SQL NULL
    EXPECT_EQ(a.keyN, key);
    EXPECT_EQ(a.moodN, "sad");
    EXPECT_EQ(a.spanN, "00:00:01");
    const PgText& b = rows[1];
    EXPECT_EQ(b.doc, nlohmann::json::object());
    EXPECT_EQ(b.docB, nlohmann::json::array());
    EXPECT_EQ(b.key, Uuid{});
    EXPECT_FALSE(b.txtN || b.docN || b.keyN || b.moodN || b.spanN);
    EXPECT_EQ(serverText("select count(*) from texts where doc_n is null and txt_n is null"), "1");

    EXPECT_EQ(db.count(texts, eq(&PgText::key, key)), 1);
    EXPECT_EQ(db.count(texts, eq(&PgText::keyN, key)), 1);
    EXPECT_EQ(db.count(texts, eq(&PgText::docB, doc)), 1);
    EXPECT_EQ(db.count(texts, eq(&PgText::mood, "ok")), 1);
    db.update(texts).set(&PgText::docN, nlohmann::json{{"k", 2}}).where(eq(&PgText::key, Uuid{})).execute();
    EXPECT_EQ(serverText("select doc_n::text from texts where id = 2"), R"({"k": 2})");
}

TEST_F(PgTypes, TextTypesWrittenBySqlReadBack) {
    db.execute(R"(insert into texts (txt, vc, ch, doc, doc_b, doc_text, key, key_text, mood, span, ip, net, mac, mac8)
                  values ('t', 'v', 'abcde', '{"x": [1, 2.5, "s"]}', '{"y": {"z": null}}', '[1]',
                          '{a0eebc99-9c0b4ef8-bb6d6bb9-bd380a11}', 'A0EEBC999C0B4EF8BB6D6BB9BD380A11', 'sad',
                          '3 hours', '::ffff:1.2.3.4', '192.168/16', '0800.2b01.0203', '0800.2b01.0203.0405'))");
    auto row = db.select().from(texts).get();
    ASSERT_TRUE(row);
    EXPECT_EQ(row->doc, (nlohmann::json{{"x", {1, 2.5, "s"}}}));
    EXPECT_EQ(row->docB, (nlohmann::json{{"y", {{"z", nullptr}}}}));
    EXPECT_EQ(row->key, Uuid::parse("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"));
    EXPECT_EQ(row->keyText, "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
    EXPECT_EQ(row->span, "03:00:00");
    EXPECT_EQ(row->net, "192.168.0.0/16");
    EXPECT_EQ(row->mac, "08:00:2b:01:02:03");
    EXPECT_FALSE(row->docN.has_value());
}

TEST_F(PgTypes, DatesTimestampsAndTimesRoundTrip) {
    const auto noon = at(2024, 2, 29, 12, 30, 45, 123456);
    PgTime t{0,
             sys_days{year{2024} / 2 / 29},
             noon,
             floor<seconds>(noon),
             noon + nanoseconds{789},  // PostgreSQL keeps microseconds
             noon,
             hours{23} + minutes{59} + seconds{59} + microseconds{999999},
             "2024-02-29",
             "2024-02-29 12:30:45.5",
             "2024-02-29 12:30:45+00",
             "08:00:00",
             sys_days{year{1969} / 12 / 31},
             at(1969, 12, 31, 23, 59, 59, 1),
             at(1900, 1, 1, 0, 0, 0),
             seconds{0}};
    PgTime nulls = t;
    nulls.dayN.reset();
    nulls.atN.reset();
    nulls.atZoneN.reset();
    nulls.clockN.reset();
    db.insert(times).values(std::vector<PgTime>{t, nulls}).execute();

    auto rows = db.select().from(times).orderBy(asc(&PgTime::id)).all();
    ASSERT_EQ(rows.size(), 2u);
    const PgTime& a = rows[0];
    EXPECT_EQ(a.day, t.day);
    EXPECT_EQ(a.at, noon);
    EXPECT_EQ(a.atSeconds, floor<seconds>(noon));
    EXPECT_EQ(a.atClock, noon);
    EXPECT_EQ(a.atZone, noon);
    EXPECT_EQ(a.clock, t.clock);
    EXPECT_EQ(a.dayText, "2024-02-29");
    EXPECT_EQ(a.atText, "2024-02-29 12:30:45.5");
    EXPECT_EQ(a.atZoneText, "2024-02-29 12:30:45+00");
    EXPECT_EQ(a.clockText, "08:00:00");
    EXPECT_EQ(a.dayN, t.dayN);
    EXPECT_EQ(a.atN, t.atN);
    EXPECT_EQ(a.atZoneN, t.atZoneN);
    EXPECT_EQ(a.clockN, seconds{0});
    EXPECT_FALSE(rows[1].dayN || rows[1].atN || rows[1].atZoneN || rows[1].clockN);

    EXPECT_EQ(serverText("select at::text || ' | ' || at_zone::text || ' | ' || clock::text || ' | ' || day::text "
                         "from times where id = 1"),
              "2024-02-29 12:30:45.123456 | 2024-02-29 12:30:45.123456+00 | 23:59:59.999999 | 2024-02-29");
    EXPECT_EQ(db.count(times, eq(&PgTime::at, noon)), 2);
    EXPECT_EQ(db.count(times, eq(&PgTime::day, t.day)), 2);
    EXPECT_EQ(db.count(times, gt(&PgTime::atN, at(1969, 12, 31, 23, 59, 59))), 1);
    EXPECT_EQ(db.count(times, eq(&PgTime::clock, t.clock)), 2);
}

TEST_F(PgTypes, TimesWrittenBySqlReadBackIncludingEras) {
    db.execute("insert into times (day, at, at_seconds, at_clock, at_zone, clock, day_text, at_text, at_zone_text, "
               "clock_text, day_n, at_n) values ('0044-03-15 BC', '2024-01-05 10:20:30.5', '1960-06-01 00:00:01', "
               "'2024-01-05 10:20:30.123456789', '2024-01-05 12:20:30.25+02', '24:00:00', '2024-01-05', "
               "'2024-01-05 10:20:30', '2024-01-05 10:20:30-03:30', '10:20', '10000-01-01', '0001-01-01 00:00:00 BC')");
    auto row = db.select().from(times).get();
    ASSERT_TRUE(row);
    EXPECT_EQ(row->day, sys_days{year{-43} / 3 / 15});  // 44 BC is year -43
    EXPECT_EQ(row->at, at(2024, 1, 5, 10, 20, 30, 500000));
    EXPECT_EQ(row->atSeconds, floor<seconds>(at(1960, 6, 1, 0, 0, 1)));
    EXPECT_EQ(row->atClock, at(2024, 1, 5, 10, 20, 30, 123457));  // the server rounds to microseconds
    EXPECT_EQ(row->atZone, at(2024, 1, 5, 10, 20, 30, 250000));
    EXPECT_EQ(row->clock, hours{24});
    EXPECT_EQ(row->atZoneText, "2024-01-05 13:50:30+00");
    EXPECT_EQ(row->dayN, sys_days{year{10000} / 1 / 1});
    EXPECT_EQ(row->atN, at(0, 1, 1, 0, 0, 0));

    // ... and the same values written back by the ORM are the ones the server printed.
    db.delete_(times).execute();
    db.insert(times).values(*row).execute();
    EXPECT_EQ(serverText("select day::text || ' | ' || day_n::text || ' | ' || at_n::text from times"),
              "0044-03-15 BC | 10000-01-01 | 0001-01-01 00:00:00 BC");
}

TEST_F(PgTypes, TimestamptzIsUtcWhateverTheSessionTimeZone) {
    db.execute("set time zone 'Asia/Kolkata'");
    const auto old = at(1900, 1, 5, 10, 20, 30);  // Kolkata then: +05:21:10
    PgTime t{0, sys_days{year{2024} / 1 / 5}, at(2024, 1, 5, 10, 0, 0), {}, {}, at(2024, 7, 1, 23, 45, 0, 5), {},
             "2024-01-05", "2024-01-05 00:00:00", "2024-01-05 00:00:00+00", "00:00:00", std::nullopt, std::nullopt,
             old, std::nullopt};
    db.insert(times).values(t).execute();
    EXPECT_EQ(serverText("select at_zone::text || ' | ' || at_zone_n::text from times"),
              "2024-07-02 05:15:00.000005+05:30 | 1900-01-05 15:41:40+05:21:10");
    EXPECT_EQ(serverText("select (at_zone at time zone 'UTC')::text from times"), "2024-07-01 23:45:00.000005");

    auto row = db.select().from(times).get();
    ASSERT_TRUE(row);
    EXPECT_EQ(row->atZone, t.atZone);
    EXPECT_EQ(row->atZoneN, old);
    EXPECT_EQ(row->at, t.at);  // timestamp without time zone: no conversion either way

    db.execute("set time zone 'America/St_Johns'");
    EXPECT_EQ(db.select().from(times).get()->atZone, t.atZone);
}

TEST_F(PgTypes, BinaryAndGeometricTypesRoundTrip) {
    const auto bytes = allBytes();
    std::vector<std::byte> asBytes;
    for (unsigned char c : bytes) asBytes.push_back(static_cast<std::byte>(c));
    const std::string withNul("a\0b\\x00'\"", 9);
    PgBinary full{0, bytes, asBytes, withNul, {1.5, -2.25}, "(0,1e+100)", {1, -1, 0.5},
                  std::vector<unsigned char>{}, std::string(), pg::Point{-0.0001, 1e-300}, pg::Line{0, 1, -3}};
    PgBinary empty{0, {}, {}, "", {}, "(0,0)", {1, 0, 0}, std::nullopt, std::nullopt, std::nullopt, std::nullopt};
    db.insert(binaries).values(std::vector<PgBinary>{full, empty}).execute();

    auto rows = db.select().from(binaries).orderBy(asc(&PgBinary::id)).all();
    ASSERT_EQ(rows.size(), 2u);
    const PgBinary& a = rows[0];
    EXPECT_EQ(a.raw, bytes);
    EXPECT_EQ(a.rawBytes, asBytes);
    EXPECT_EQ(a.rawString, withNul);
    EXPECT_EQ(a.where, (pg::Point{1.5, -2.25}));
    EXPECT_EQ(a.whereText, "(0,1e+100)");
    EXPECT_EQ(a.line, (pg::Line{1, -1, 0.5}));
    EXPECT_EQ(a.rawN, std::vector<unsigned char>{});  // empty, not NULL
    EXPECT_EQ(a.rawStringN, "");
    EXPECT_EQ(a.whereN, (pg::Point{-0.0001, 1e-300}));
    EXPECT_EQ(a.lineN, (pg::Line{0, 1, -3}));
    const PgBinary& b = rows[1];
    EXPECT_TRUE(b.raw.empty());
    EXPECT_TRUE(b.rawString.empty());
    EXPECT_FALSE(b.rawN || b.rawStringN || b.whereN || b.lineN);

    EXPECT_EQ(serverText("select encode(raw_string, 'hex') || ' ' || where_::text || ' ' || line::text "
                         "from binaries where id = 1"),
              "6100625c7830302722 (1.5,-2.25) {1,-1,0.5}");
    EXPECT_EQ(db.count(binaries, eq(&PgBinary::raw, bytes)), 1);
}

TEST_F(PgTypes, BinaryAndGeometricTypesWrittenBySqlReadBack) {
    db.execute(R"(insert into binaries (raw, raw_bytes, raw_string, where_, where_text, line, raw_n)
                  values ('\x00ff10'::bytea, 'abc'::bytea, E'\\001\\000x'::bytea, point(3, 4), ' ( 1 , 2 ) ',
                          '[(0,0),(1,1)]', ''::bytea))");
    auto row = db.select().from(binaries).get();
    ASSERT_TRUE(row);
    EXPECT_EQ(row->raw, (std::vector<unsigned char>{0x00, 0xff, 0x10}));
    EXPECT_EQ(row->rawBytes, (std::vector<std::byte>{std::byte{'a'}, std::byte{'b'}, std::byte{'c'}}));
    EXPECT_EQ(row->rawString, std::string("\x01\0x", 3));
    EXPECT_EQ(row->where, (pg::Point{3, 4}));
    EXPECT_EQ(row->whereText, "(1,2)");
    EXPECT_EQ(row->line, (pg::Line{1, -1, 0}));
    EXPECT_EQ(row->rawN, std::vector<unsigned char>{});
}

TEST_F(PgTypes, PostgisPointsRoundTrip) {
    db.execute("create extension postgis; create table places (id serial primary key, "
               "location geometry(point) not null, location_text geometry not null, location_n geometry)");
    db.insert(places).values(std::vector<PgPlace>{{0, {1.5, -2.25}, "SRID=4326;POINT(3 4)", pg::Point{0, 1e-10}},
                                                  {0, {}, "POINT(0 0)", std::nullopt}}).execute();
    auto rows = db.select().from(places).orderBy(asc(&PgPlace::id)).all();
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0].location, (pg::Point{1.5, -2.25}));
    EXPECT_EQ(rows[0].locationText, "0101000020E610000000000000000008400000000000001040");  // the server's EWKB
    EXPECT_EQ(rows[0].locationN, (pg::Point{0, 1e-10}));
    EXPECT_EQ(rows[1].location, pg::Point{});
    EXPECT_FALSE(rows[1].locationN.has_value());
    EXPECT_EQ(serverText("select st_astext(location) from places where id = 1"), "POINT(1.5 -2.25)");

    db.execute("insert into places (location, location_text, location_n) values "
               "(st_makepoint(-7, 8), 'POINT(1 1)', st_setsrid(st_makepoint(5, 6), 4326))");
    auto row = db.select().from(places).where(eq(&PgPlace::id, 3)).get();
    ASSERT_TRUE(row);
    EXPECT_EQ(row->location, (pg::Point{-7, 8}));
    EXPECT_EQ(row->locationN, (pg::Point{5, 6}));  // EWKB with an SRID
}

TEST_F(PgTypes, VectorsTravelInPgvectorsTextForm) {
    db.insert(vectors)
        .values(std::vector<PgVector>{{0, {0.1f, -2.5f, 3e38f}, std::vector<float>{}}, {0, {1, 2, 3}, std::nullopt}})
        .execute();
    EXPECT_EQ(serverText("select embedding || ' ' || embedding_n from vectors where id = 1"), "[0.1,-2.5,3e+38] []");
    db.execute("insert into vectors (embedding, embedding_n) values ('[1.5,2,-3]', '[0]')");
    auto rows = db.select().from(vectors).orderBy(asc(&PgVector::id)).all();
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows[0].embedding, (std::vector<float>{0.1f, -2.5f, 3e38f}));
    EXPECT_EQ(rows[0].embeddingN, std::vector<float>{});
    EXPECT_FALSE(rows[1].embeddingN.has_value());
    EXPECT_EQ(rows[2].embedding, (std::vector<float>{1.5f, 2, -3}));
    EXPECT_EQ(rows[2].embeddingN, std::vector<float>{0});
}

TEST_F(PgTypes, ArraysRoundTripWithAwkwardElements) {
    const std::vector<std::string> words{"plain", "with space", "a,b", "quote\"d", "back\\slash",
                                         "NULL", "", "{braces}",
                                         " padded ", "ünï"};
    const Uuid k1 = Uuid::parse("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"), k2{};
    PgArray full{0,
                 {1, -2, std::numeric_limits<std::int32_t>::max()},
                 {{1, 2, 3}, {4, 5, 6}},
                 words,
                 {true, false, true},
                 {0.1, -1e300, 2.5},
                 {k1, k2},
                 {"sad", "happy"},
                 {"1234567890123456789012345678901234567890.5", "-0.001"},
                 {{0, 1, 255}, {}},
                 std::vector<std::int64_t>{std::numeric_limits<std::int64_t>::min()},
                 {"x", std::nullopt, "NULL"}};
    PgArray empty{};
    db.insert(arrays).values(std::vector<PgArray>{full, empty}).execute();

    auto rows = db.select().from(arrays).orderBy(asc(&PgArray::id)).all();
    ASSERT_EQ(rows.size(), 2u);
    const PgArray& a = rows[0];
    EXPECT_EQ(a.ints, full.ints);
    EXPECT_EQ(a.matrix, full.matrix);
    EXPECT_EQ(a.words, words);
    EXPECT_EQ(a.flags, full.flags);
    EXPECT_EQ(a.reals, full.reals);
    EXPECT_EQ(a.keys, full.keys);
    EXPECT_EQ(a.moods, full.moods);
    EXPECT_EQ(a.amounts, full.amounts);
    EXPECT_EQ(a.blobs, full.blobs);
    EXPECT_EQ(a.bigsN, full.bigsN);
    EXPECT_EQ(a.maybeWords, full.maybeWords);
    EXPECT_EQ(serverText("select (maybe_words[2] is null)::text || ' ' || maybe_words[3] from arrays where id = 1"), "true NULL");
    const PgArray& b = rows[1];
    EXPECT_TRUE(b.ints.empty() && b.matrix.empty() && b.words.empty() && b.keys.empty() && b.blobs.empty());
    EXPECT_FALSE(b.bigsN.has_value());

    EXPECT_EQ(serverText("select array_length(words, 1)::text || ' ' || (words[6] is null)::text || ' ' || "
                         "matrix[2][3]::text from arrays where id = 1"),
              "10 false 6");
    EXPECT_EQ(db.count(arrays, arrayContains(&PgArray::keys, std::vector<Uuid>{k1})), 1);
    EXPECT_EQ(db.count(arrays, arrayContains(&PgArray::words, std::vector<std::string>{"a,b", "NULL"})), 1);
    EXPECT_EQ(db.count(arrays, eq(&PgArray::matrix, full.matrix)), 1);
}

TEST_F(PgTypes, ArraysWrittenBySqlReadBack) {
    db.execute(R"(insert into arrays (ints, matrix, words, flags, reals, keys, moods, amounts, blobs, bigs_n)
                  values (array[3, 2, 1], '{{1},{2}}', array['a b', 'c"d', 'e\f', 'NULL', ''],
                          '{t,f}', '{NaN,Infinity,-0.5}', array['a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid],
                          '{ok}', '{1.50,2}', array['\x01ff'::bytea], '{}'))");
    auto row = db.select().from(arrays).get();
    ASSERT_TRUE(row);
    EXPECT_EQ(row->ints, (std::vector<std::int32_t>{3, 2, 1}));
    EXPECT_EQ(row->matrix, (std::vector<std::vector<std::int32_t>>{{1}, {2}}));
    EXPECT_EQ(row->words, (std::vector<std::string>{"a b", "c\"d", "e\\f", "NULL", ""}));
    EXPECT_EQ(row->flags, (std::vector<bool>{true, false}));
    ASSERT_EQ(row->reals.size(), 3u);
    EXPECT_TRUE(std::isnan(row->reals[0]));
    EXPECT_EQ(row->reals[1], std::numeric_limits<double>::infinity());
    EXPECT_EQ(row->keys, std::vector<Uuid>{Uuid::parse("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11")});
    EXPECT_EQ(row->moods, std::vector<std::string>{"ok"});
    EXPECT_EQ(row->amounts, (std::vector<std::string>{"1.50", "2"}));
    EXPECT_EQ(row->blobs, (std::vector<std::vector<unsigned char>>{{0x01, 0xff}}));
    EXPECT_EQ(row->bigsN, std::vector<std::int64_t>{});
}

TEST_F(PgTypes, TypedValuesInWhereAndSetUseTheColumnsEncoding) {
    db.execute("set time zone 'Asia/Kolkata'");
    PgTime t{0, sys_days{year{2024} / 1 / 5}, at(2024, 1, 5, 10, 0, 0), {}, {}, at(2024, 7, 1, 23, 45, 0, 5), {},
             "2024-01-05", "2024-01-05 00:00:00", "2024-01-05 00:00:00+00", "00:00:00", std::nullopt, std::nullopt,
             std::nullopt, std::nullopt};
    db.insert(times).values(t).execute();
    EXPECT_EQ(db.count(times, eq(&PgTime::atZone, t.atZone)), 1);
    EXPECT_EQ(db.count(times, inArray(&PgTime::atZone, {t.atZone})), 1);
    db.update(times).set(&PgTime::atZoneN, at(2000, 1, 1, 0, 0, 0)).execute();
    EXPECT_EQ(serverText("select (at_zone_n at time zone 'UTC')::text from times"), "2000-01-01 00:00:00");

    const std::string withNul("a\0b\\", 4);
    db.insert(binaries).values(PgBinary{0, {}, {}, withNul, {}, "(0,0)", {1, 0, 0}, std::nullopt, std::nullopt,
                                     std::nullopt, std::nullopt}).execute();
    EXPECT_EQ(db.count(binaries, eq(&PgBinary::rawString, withNul)), 1);
}

TEST_F(PgTypes, PartialSelectsReturningAndPlaceholdersUseTheColumnsCodec) {
    db.execute("set time zone 'Asia/Kolkata'");
    const std::string withNul("a\0b\\", 4);
    auto back = db.insert(binaries)
                    .values(PgBinary{0, {}, {}, withNul, {}, "(0,0)", {1, 0, 0}, std::nullopt, withNul, std::nullopt,
                                     std::nullopt})
                    .returning(&PgBinary::rawString, &PgBinary::rawStringN)
                    .one();
    EXPECT_EQ(back, std::make_tuple(withNul, std::optional<std::string>(withNul)));
    auto row = db.select(&PgBinary::rawString, &PgBinary::rawStringN).from(binaries).get();
    ASSERT_TRUE(row);
    EXPECT_EQ(*row, std::make_tuple(withNul, std::optional<std::string>(withNul)));
    auto b = alias<"b">(binaries);
    EXPECT_EQ(db.select(b(&PgBinary::id)).from(b).where(eq(b(&PgBinary::rawString), withNul)).all().size(), 1u);
    auto byBytes = db.select(&PgBinary::id).from(binaries).where(eq(&PgBinary::rawString, placeholder("raw"))).prepare();
    EXPECT_EQ(byBytes.all({{"raw", withNul}}).size(), 1u);

    // A timestamptz is bound as UTC, literal or placeholder, whatever the session's zone.
    PgTime t{0, sys_days{year{2024} / 1 / 5}, at(2024, 1, 5, 10, 0, 0), {}, {}, at(2024, 7, 1, 23, 45, 0, 5), {},
             "2024-01-05", "2024-01-05 00:00:00", "2024-01-05 00:00:00+00", "00:00:00", std::nullopt, std::nullopt,
             std::nullopt, std::nullopt};
    db.insert(times).values(t).execute();
    auto byZone = db.select(&PgTime::id).from(times).where(eq(&PgTime::atZone, placeholder("at"))).prepare();
    EXPECT_EQ(byZone.all({{"at", t.atZone}}).size(), 1u);
    EXPECT_EQ(byZone.all({{"at", t.atZone + microseconds{1}}}).size(), 0u);
    auto z = alias<"z">(times);
    EXPECT_EQ(db.select(z(&PgTime::id)).from(z).where(eq(z(&PgTime::atZone), t.atZone)).all().size(), 1u);
    EXPECT_EQ(db.select(count()).from(times).having(eq(max(&PgTime::atZone), t.atZone)).all().size(), 1u);
    auto latest = db.select(max(&PgTime::atZone), min(&PgTime::atZoneN)).from(times).get();
    ASSERT_TRUE(latest);
    EXPECT_EQ(*latest, std::make_tuple(std::optional<Micros>(t.atZone), std::optional<Micros>()));
}

TEST_F(PgTypes, EnumClassMembersReadAndBindTheirDeclaredValues) {
    db.insert(feelings)
        .values(std::vector<PgFeeling>{{0, Mood::happy, Mood::sad, {Mood::ok, Mood::happy}, Status::inProgress, Status::done},
                                       {0, Mood::sad, std::nullopt, {}, Status::todo, std::nullopt}})
        .execute();
    EXPECT_EQ(serverText("select mood::text || ' ' || mood_n::text || ' ' || moods::text || ' ' || status || ' ' || free "
                         "from feelings where id = 1"),
              "happy sad {ok,happy} in-progress done");
    auto rows = db.select().from(feelings).orderBy(asc(&PgFeeling::id)).all();
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0].mood, Mood::happy);
    EXPECT_EQ(rows[0].moodN, Mood::sad);
    EXPECT_EQ(rows[0].moods, (std::vector<Mood>{Mood::ok, Mood::happy}));
    EXPECT_EQ(rows[0].status, Status::inProgress);
    EXPECT_EQ(rows[1].moodN, std::nullopt);
    EXPECT_EQ(db.count(feelings, eq(&PgFeeling::mood, Mood::sad)), 1);
    EXPECT_EQ(db.count(feelings, inArray(&PgFeeling::status, {Status::todo, Status::inProgress})), 2);
    db.update(feelings).set(&PgFeeling::status, Status::done).where(eq(&PgFeeling::mood, Mood::sad)).execute();
    auto statuses = db.select(&PgFeeling::status).from(feelings).orderBy(asc(&PgFeeling::id)).all();
    EXPECT_EQ(std::get<0>(statuses[1]), Status::done);
    auto byMood = db.select(&PgFeeling::id).from(feelings).where(eq(&PgFeeling::mood, placeholder("m"))).prepare();
    EXPECT_EQ(byMood.all({{"m", Mood::happy}}).size(), 1u);

    // A value the C++ enum lacks is an error naming it, never a wrong enumerator.
    db.execute("insert into feelings (mood, moods, status, free) values ('ok', '{}', 'todo', 'archived')");
    try {
        db.select(&PgFeeling::free).from(feelings).all();
        ADD_FAILURE() << "\"archived\" was read into Status";
    } catch (const drizzle::Error& e) {
        EXPECT_NE(std::string(e.what()).find("\"archived\" is not a value"), std::string::npos) << e.what();
        EXPECT_EQ(e.category(), ErrorCategory::mapping);
    }
}

TEST(PgEnumDeclarations, AnEnumWhoseValuesDifferFromTheColumnsDoesNotRegister) {
    struct Odd {
        std::int32_t id = 0;
        Status status = Status::todo;
    };
    // Registration refuses it (in a child process, so this one's registry stays as it was).
    EXPECT_DEATH(
        {
            try {
                static const auto odd = pg::pgTable<Odd>("odd_statuses", {
                    pg::serial<&Odd::id>("id").primaryKey(),
                    pg::text<&Odd::status>("status").enumValues({"todo", "doing", "done"}).notNull(),
                });
            } catch (const std::logic_error& e) {
                std::fprintf(stderr, "%s\n", e.what());
                std::abort();
            }
        },
        "its C\\+\\+ enum's values \\(todo, in-progress, done\\) are not the column's declared values \\(todo, doing, done\\)");
}

}  // namespace

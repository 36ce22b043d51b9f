// Type mapping against a real SQLite database (in memory): every column type and mode the DSL
// declares, written through the ORM and read back, NULL as std::nullopt, values written by raw
// SQL read through the ORM, what is stored checked with SQL (Drizzle's formats: epoch seconds
// and milliseconds, blobs), and typed values in WHERE.
#include <gtest/gtest.h>

#include <limits>

#include "drizzle/orm.hpp"
#include "support.hpp"
#include "types_sqlite_schema.hpp"

using namespace drizzle;
using namespace types_sqlite;
using namespace std::chrono;

namespace {

Micros at(int y, unsigned mo, unsigned d, int h, int mi, int s, int us = 0) {
    return sys_days{year{y} / month{mo} / day{d}} + hours{h} + minutes{mi} + seconds{s} + microseconds{us};
}

class SqliteTypes : public ::testing::Test {
protected:
    Database db = drizzle::sqlite::open(":memory:");
    void SetUp() override { db.execute(ddl); }
    std::string stored(const std::string& query) { return db.connection().query(query).text(0, 0); }
};

TEST_F(SqliteTypes, NumbersRoundTripWithTheirExtremes) {
    SqNumber high{0, std::numeric_limits<std::int64_t>::max(), std::numeric_limits<std::int32_t>::min(), 255, true,
                  1.7976931348623157e308, 0.1f, 0.1, "0.1", std::numeric_limits<std::int64_t>::min(), false, -0.0,
                  "1234567890123456789"};
    SqNumber nulls{0, -1, 0, 0, false, -2.5, 3.5f, 12, "12.50", std::nullopt, std::nullopt, std::nullopt, std::nullopt};
    db.insert(numbers).values(std::vector<SqNumber>{high, nulls}).execute();

    auto rows = db.select().from(numbers).orderBy(asc(&SqNumber::id)).all();
    ASSERT_EQ(rows.size(), 2u);
    const SqNumber& a = rows[0];
    EXPECT_EQ(a.big, high.big);
    EXPECT_EQ(a.regular, high.regular);
    EXPECT_EQ(a.tiny, 255);
    EXPECT_TRUE(a.flag);
    EXPECT_EQ(a.dbl, high.dbl);
    EXPECT_EQ(a.single, 0.1f);
    EXPECT_EQ(a.numberD, 0.1);
    EXPECT_EQ(a.numberS, "0.1");
    EXPECT_EQ(a.bigN, high.bigN);
    EXPECT_EQ(a.flagN, false);
    EXPECT_EQ(a.dblN, 0.0);
    EXPECT_EQ(a.numberN, "1234567890123456789");  // an integer SQLite's NUMERIC keeps exactly
    const SqNumber& b = rows[1];
    EXPECT_EQ(b.numberD, 12.0);
    EXPECT_EQ(b.numberS, "12.5");  // NUMERIC affinity made it a REAL: SQLite keeps 15 digits, not text
    EXPECT_FALSE(b.bigN || b.flagN || b.dblN || b.numberN);

    EXPECT_EQ(stored("select typeof(flag) || ' ' || flag || ' ' || typeof(number_s) from numbers where id = 1"),
              "integer 1 real");
    EXPECT_EQ(db.count(numbers, eq(&SqNumber::big, high.big)), 1);
    EXPECT_EQ(db.count(numbers, eq(&SqNumber::flag, false)), 1);
    EXPECT_EQ(db.count(numbers, lt(&SqNumber::dbl, 0.0)), 1);
}

TEST_F(SqliteTypes, AValueTheMemberCannotHoldIsAnError) {
    db.execute("insert into narrow (small) values (-40000)");
    Error e = driver::test::errorOf([&] { db.select().from(narrow).all(); });
    EXPECT_NE(std::string(e.what()).find("-40000"), std::string::npos) << e.what();
    EXPECT_EQ(e.category(), ErrorCategory::mapping);  // the row struct cannot hold it: not a usage error
    // A NULL read into a member that is not std::optional: the same kind of error.
    const Error null = driver::test::errorOf([&] { db.select(sql<std::int64_t>("NULL")).from(narrow).all(); });
    EXPECT_EQ(null.category(), ErrorCategory::mapping) << null.what();
}

TEST_F(SqliteTypes, TextJsonAndTextDatesRoundTrip) {
    const nlohmann::json doc = {{"name", "Zoë"}, {"list", {1, 2.5, nullptr}}, {"nested", {{"ok", true}}}};
    const auto moment = at(2024, 2, 29, 12, 30, 45, 123456);
    SqText full{0, "it's \"text\"\n", doc, R"({"raw": [1,2]})", sys_days{year{2024} / 2 / 29},
                time_point_cast<milliseconds>(moment), moment, "", nlohmann::json(nullptr),
                sys_days{year{1900} / 1 / 1}, at(1960, 1, 1, 0, 0, 0, 1)};
    SqText nulls{0, "", nlohmann::json::array(), "[]", sys_days{}, Millis{}, Micros{},
                 std::nullopt, std::nullopt, std::nullopt, std::nullopt};
    db.insert(texts).values(std::vector<SqText>{full, nulls}).execute();

    auto rows = db.select().from(texts).orderBy(asc(&SqText::id)).all();
    ASSERT_EQ(rows.size(), 2u);
    const SqText& a = rows[0];
    EXPECT_EQ(a.txt, full.txt);
    EXPECT_EQ(a.doc, doc);
    EXPECT_EQ(a.docText, R"({"raw": [1,2]})");
    EXPECT_EQ(a.day, full.day);
    EXPECT_EQ(a.at, full.at);
    EXPECT_EQ(a.atMicros, moment);
    EXPECT_EQ(a.txtN, "");
    EXPECT_EQ(a.docN, nlohmann::json(nullptr));
    EXPECT_EQ(a.dayN, full.dayN);
    EXPECT_EQ(a.atN, full.atN);
    EXPECT_EQ(rows[1].doc, nlohmann::json::array());
    EXPECT_FALSE(rows[1].txtN || rows[1].docN || rows[1].dayN || rows[1].atN);

    // Stored as text SQLite's date functions read, in UTC.
    EXPECT_EQ(stored("select day || ' | ' || at || ' | ' || at_micros || ' | ' || doc_n from texts where id = 1"),
              "2024-02-29 | 2024-02-29 12:30:45.123 | 2024-02-29 12:30:45.123456 | null");
    EXPECT_EQ(stored("select unixepoch(at) from texts where id = 1"), "1709209845");
    EXPECT_EQ(stored("select json_extract(doc, '$.nested.ok') from texts where id = 1"), "1");

    EXPECT_EQ(db.count(texts, eq(&SqText::at, full.at)), 1);
    EXPECT_EQ(db.count(texts, eq(&SqText::day, full.day)), 1);
    EXPECT_EQ(db.count(texts, gt(&SqText::atMicros, at(2000, 1, 1, 0, 0, 0))), 1);
    EXPECT_EQ(db.count(texts, eq(&SqText::doc, doc)), 1);
}

TEST_F(SqliteTypes, TextValuesWrittenBySqlReadBack) {
    db.execute(R"(insert into texts (txt, doc, doc_text, day, at, at_micros, day_n, at_n)
                  values ('t', json_object('a', json_array(1, 'x')), '{}', date('2024-01-05'),
                          datetime('2024-01-05 10:20:30'), '2024-01-05T10:20:30.5Z', '2024-01-05 00:00:00',
                          strftime('%Y-%m-%d %H:%M:%f', '2024-01-05 10:20:30.25')))");
    auto row = db.select().from(texts).get();
    ASSERT_TRUE(row);
    EXPECT_EQ(row->doc, (nlohmann::json{{"a", {1, "x"}}}));
    EXPECT_EQ(row->day, sys_days{year{2024} / 1 / 5});
    EXPECT_EQ(row->at, time_point_cast<milliseconds>(at(2024, 1, 5, 10, 20, 30)));
    EXPECT_EQ(row->atMicros, at(2024, 1, 5, 10, 20, 30, 500000));
    EXPECT_EQ(row->dayN, sys_days{year{2024} / 1 / 5});
    EXPECT_EQ(row->atN, at(2024, 1, 5, 10, 20, 30, 250000));
}

TEST_F(SqliteTypes, EpochTimestampsAreDrizzlesSecondsAndMilliseconds) {
    const auto moment = at(2024, 2, 29, 12, 30, 45, 987654);
    const auto before1970 = at(1969, 12, 31, 23, 59, 59, 500000);
    SqEpoch t{0, floor<seconds>(moment), floor<milliseconds>(moment), moment, floor<seconds>(before1970),
              floor<milliseconds>(before1970)};
    SqEpoch nulls{0, sys_seconds{}, Millis{}, system_clock::time_point{}, std::nullopt, std::nullopt};
    db.insert(epochs).values(std::vector<SqEpoch>{t, nulls}).execute();

    EXPECT_EQ(stored("select seconds || ' ' || millis || ' ' || clock_seconds || ' ' || seconds_n || ' ' || "
                     "millis_n || ' ' || typeof(seconds) from epochs where id = 1"),
              "1709209845 1709209845987 1709209845 -1 -500 integer");
    auto rows = db.select().from(epochs).orderBy(asc(&SqEpoch::id)).all();
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0].seconds, floor<seconds>(moment));
    EXPECT_EQ(rows[0].millis, floor<milliseconds>(moment));
    EXPECT_EQ(rows[0].clockSeconds, floor<seconds>(moment));  // the mode keeps whole seconds
    EXPECT_EQ(rows[0].secondsN, floor<seconds>(before1970));
    EXPECT_EQ(rows[0].millisN, floor<milliseconds>(before1970));
    EXPECT_FALSE(rows[1].secondsN || rows[1].millisN);

    db.execute("insert into epochs (seconds, millis, clock_seconds, seconds_n, millis_n) values "
               "(unixepoch('2000-01-01'), 946684800123, 0, -86400, null)");
    auto row = db.select().from(epochs).where(isNull(&SqEpoch::millisN)).orderBy(desc(&SqEpoch::id)).get();
    ASSERT_TRUE(row);
    EXPECT_EQ(row->seconds, sys_days{year{2000} / 1 / 1});
    EXPECT_EQ(row->millis, sys_days{year{2000} / 1 / 1} + milliseconds{123});
    EXPECT_EQ(row->clockSeconds, system_clock::time_point{});
    EXPECT_EQ(row->secondsN, sys_days{year{1969} / 12 / 31});
}

TEST_F(SqliteTypes, BlobsInEveryModeRoundTripAsBlobs) {
    std::vector<unsigned char> bytes;
    for (int i = 0; i < 256; ++i) bytes.push_back(static_cast<unsigned char>(i));
    const std::string withNul("a\0b", 3);
    const nlohmann::json doc = {{"k", {1, 2}}};
    SqBlob full{0, bytes, {std::byte{0}, std::byte{0xff}}, withNul, doc, R"({"s":1})",
                std::numeric_limits<std::int64_t>::min(), std::vector<unsigned char>{}, std::string(), doc,
                std::numeric_limits<std::int64_t>::max()};
    SqBlob nulls{0, {}, {}, "", nlohmann::json::object(), "{}", 0,
                 std::nullopt, std::nullopt, std::nullopt, std::nullopt};
    db.insert(blobs).values(std::vector<SqBlob>{full, nulls}).execute();

    auto rows = db.select().from(blobs).orderBy(asc(&SqBlob::id)).all();
    ASSERT_EQ(rows.size(), 2u);
    const SqBlob& a = rows[0];
    EXPECT_EQ(a.raw, bytes);
    EXPECT_EQ(a.rawBytes, (std::vector<std::byte>{std::byte{0}, std::byte{0xff}}));
    EXPECT_EQ(a.rawString, withNul);
    EXPECT_EQ(a.doc, doc);
    EXPECT_EQ(a.docString, R"({"s":1})");
    EXPECT_EQ(a.big, std::numeric_limits<std::int64_t>::min());
    EXPECT_EQ(a.rawN, std::vector<unsigned char>{});
    EXPECT_EQ(a.rawStringN, "");
    EXPECT_EQ(a.docN, doc);
    EXPECT_EQ(a.bigN, std::numeric_limits<std::int64_t>::max());
    EXPECT_FALSE(rows[1].rawN || rows[1].rawStringN || rows[1].docN || rows[1].bigN);

    EXPECT_EQ(stored("select typeof(raw) || typeof(raw_string) || typeof(doc) || typeof(doc_string) || typeof(big) || "
                     "' ' || hex(raw_string) || ' ' || cast(doc as text) || ' ' || cast(big_n as text) "
                     "from blobs where id = 1"),
              "blobblobblobblobblob 610062 {\"k\":[1,2]} 9223372036854775807");
    EXPECT_EQ(db.count(blobs, eq(&SqBlob::raw, bytes)), 1);
}

TEST_F(SqliteTypes, BlobsWrittenBySqlReadBack) {
    db.execute(R"(insert into blobs (raw, raw_bytes, raw_string, doc, doc_string, big, raw_n, doc_n, big_n)
                  values (x'00ff10', x'', x'780079', cast('{"a":[true]}' as blob), '{"text":1}', cast('-42' as blob),
                          x'', '"just text"', 7))");
    auto row = db.select().from(blobs).get();
    ASSERT_TRUE(row);
    EXPECT_EQ(row->raw, (std::vector<unsigned char>{0x00, 0xff, 0x10}));
    EXPECT_TRUE(row->rawBytes.empty());
    EXPECT_EQ(row->rawString, std::string("x\0y", 3));
    EXPECT_EQ(row->doc, (nlohmann::json{{"a", {true}}}));
    EXPECT_EQ(row->docString, R"({"text":1})");
    EXPECT_EQ(row->big, -42);
    EXPECT_EQ(row->rawN, std::vector<unsigned char>{});
    EXPECT_EQ(row->docN, nlohmann::json("just text"));
    EXPECT_EQ(row->bigN, 7);  // a plain integer reads too
}

TEST_F(SqliteTypes, TypedValuesInWhereAndSetUseTheColumnsEncoding) {
    const auto moment = at(2024, 2, 29, 12, 30, 45, 987654);
    db.insert(epochs)
        .values(SqEpoch{0, floor<seconds>(moment), floor<milliseconds>(moment), moment, std::nullopt, std::nullopt})
        .execute();
    EXPECT_EQ(db.count(epochs, eq(&SqEpoch::seconds, floor<seconds>(moment))), 1);
    EXPECT_EQ(db.count(epochs, eq(&SqEpoch::millis, floor<milliseconds>(moment))), 1);
    EXPECT_EQ(db.count(epochs, gt(&SqEpoch::clockSeconds, moment - hours{1})), 1);
    EXPECT_EQ(db.count(epochs, between(&SqEpoch::seconds, sys_seconds{}, floor<seconds>(moment))), 1);
    EXPECT_EQ(db.count(epochs, inArray(&SqEpoch::millis, std::vector<Millis>{floor<milliseconds>(moment)})), 1);
    db.update(epochs).set(&SqEpoch::secondsN, sys_seconds{seconds{-1}}).execute();
    EXPECT_EQ(stored("select seconds_n || ' ' || typeof(seconds_n) from epochs"), "-1 integer");

    const std::string withNul("a\0b", 3);
    db.insert(blobs).values(SqBlob{0, {}, {}, withNul, nlohmann::json{{"k", 1}}, "{}", 42, std::nullopt, std::nullopt,
                                  std::nullopt, std::nullopt}).execute();
    EXPECT_EQ(db.count(blobs, eq(&SqBlob::rawString, withNul)), 1);
    EXPECT_EQ(db.count(blobs, eq(&SqBlob::doc, nlohmann::json{{"k", 1}})), 1);
    EXPECT_EQ(db.count(blobs, eq(&SqBlob::big, 42)), 1);
}

TEST_F(SqliteTypes, PartialSelectsReturningAndMinMaxDecodeByTheColumn) {
    const auto moment = at(2024, 2, 29, 12, 30, 45, 987654);
    const auto s = floor<seconds>(moment);
    const auto ms = floor<milliseconds>(moment);
    auto back = db.insert(epochs)
                    .values(SqEpoch{0, s, ms, moment, s, std::nullopt})
                    .returning(&SqEpoch::seconds, &SqEpoch::millis, &SqEpoch::secondsN, &SqEpoch::millisN)
                    .one();
    EXPECT_EQ(back, std::make_tuple(s, ms, std::optional<sys_seconds>(s), std::optional<Millis>()));

    auto row = db.select(&SqEpoch::seconds, &SqEpoch::clockSeconds, &SqEpoch::secondsN, &SqEpoch::millisN).from(epochs).get();
    ASSERT_TRUE(row);
    EXPECT_EQ(*row, std::make_tuple(s, system_clock::time_point(s), std::optional<sys_seconds>(s), std::optional<Millis>()));

    db.insert(epochs).values(SqEpoch{0, s + hours{1}, ms - hours{1}, moment, std::nullopt, ms}).execute();
    auto extremes = db.select(min(&SqEpoch::seconds), max(&SqEpoch::millis), max(&SqEpoch::millisN), min(&SqEpoch::secondsN))
                        .from(epochs)
                        .get();
    ASSERT_TRUE(extremes);
    EXPECT_EQ(*extremes, std::make_tuple(std::optional<sys_seconds>(s), std::optional<Millis>(ms), std::optional<Millis>(ms),
                                         std::optional<sys_seconds>(s)));
    auto named = db.select(as(column(&SqEpoch::seconds), "s")).from(epochs).orderBy(asc(&SqEpoch::id)).all();
    ASSERT_EQ(named.size(), 2u);
    EXPECT_EQ(std::get<0>(named[1]), s + hours{1});

    // An outer join's missing row is NULL; its found row decodes by the column too.
    auto parent = alias<"parent">(epochs);
    auto joined = db.select(&SqEpoch::id, parent(&SqEpoch::seconds))
                      .from(epochs)
                      .leftJoin(parent, eq(parent(&SqEpoch::id), sql<std::int64_t>("? - 1", &SqEpoch::id)))
                      .orderBy(asc(&SqEpoch::id))
                      .all();
    ASSERT_EQ(joined.size(), 2u);
    EXPECT_FALSE(std::get<1>(joined[0]).has_value());
    EXPECT_EQ(std::get<1>(joined[1]), s);

    const std::string withNul("a\0b", 3);
    db.insert(blobs).values(SqBlob{0, {}, {}, withNul, nlohmann::json{{"k", 1}}, "{}", -7, std::nullopt, withNul,
                                  std::nullopt, std::nullopt}).execute();
    auto blob = db.select(&SqBlob::rawString, &SqBlob::doc, &SqBlob::big, &SqBlob::rawStringN).from(blobs).get();
    ASSERT_TRUE(blob);
    EXPECT_EQ(*blob, std::make_tuple(withNul, nlohmann::json{{"k", 1}}, std::int64_t{-7}, std::optional<std::string>(withNul)));
}

TEST_F(SqliteTypes, ValuesMeetingAColumnThroughAnAliasOrAPlaceholderUseItsEncoding) {
    const auto moment = at(2024, 2, 29, 12, 30, 45, 987654);
    const auto s = floor<seconds>(moment);
    const auto ms = floor<milliseconds>(moment);
    db.insert(epochs).values(SqEpoch{0, s, ms, moment, std::nullopt, ms}).execute();

    auto e = alias<"e">(epochs);
    EXPECT_EQ(db.select(e(&SqEpoch::id)).from(e).where(eq(e(&SqEpoch::seconds), s)).all().size(), 1u);
    EXPECT_EQ(db.select(e(&SqEpoch::id)).from(e).where(inArray(e(&SqEpoch::millis), {ms})).all().size(), 1u);
    EXPECT_EQ(db.select(e(&SqEpoch::id)).from(e).where(between(e(&SqEpoch::millisN), ms, ms)).all().size(), 1u);
    EXPECT_EQ(db.select(count()).from(epochs).having(eq(max(&SqEpoch::seconds), s)).all().size(), 1u);
    EXPECT_EQ(db.select(count()).from(epochs).having(gt(max(&SqEpoch::seconds), s)).all().size(), 0u);

    auto bySeconds = db.select(&SqEpoch::id).from(epochs).where(eq(&SqEpoch::seconds, placeholder("at"))).prepare();
    EXPECT_EQ(bySeconds.all({{"at", s}}).size(), 1u);
    EXPECT_EQ(bySeconds.all({{"at", s + seconds{1}}}).size(), 0u);
    EXPECT_EQ(bySeconds.all({{"at", std::int64_t{1709209845}}}).size(), 1u);  // the stored form passes as it is
    auto byMillis = db.select(e(&SqEpoch::id)).from(e).where(eq(e(&SqEpoch::millisN), placeholder("at"))).prepare();
    EXPECT_EQ(byMillis.all({{"at", std::optional<Millis>(ms)}}).size(), 1u);

    const std::string withNul("a\0b", 3);
    db.insert(blobs).values(SqBlob{0, {}, {}, withNul, nlohmann::json{{"k", 1}}, "{}", 42, std::nullopt, std::nullopt,
                                  std::nullopt, std::nullopt}).execute();
    auto byBytes = db.select(&SqBlob::id).from(blobs).where(eq(&SqBlob::rawString, placeholder("raw"))).prepare();
    EXPECT_EQ(byBytes.all({{"raw", withNul}}).size(), 1u);
    EXPECT_EQ(byBytes.all({{"raw", "a"}}).size(), 0u);
}

TEST_F(SqliteTypes, EnumClassMembersReadAndBindTheirDeclaredValues) {
    db.insert(feelings)
        .values(std::vector<SqFeeling>{{0, Mood::happy, Mood::sad, Status::inProgress, Status::done},
                                       {0, Mood::sad, std::nullopt, Status::todo, std::nullopt}})
        .execute();
    EXPECT_EQ(stored("select mood || ' ' || mood_n || ' ' || status || ' ' || free from feelings where id = 1"),
              "happy sad in-progress done");
    auto rows = db.select().from(feelings).orderBy(asc(&SqFeeling::id)).all();
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0].mood, Mood::happy);
    EXPECT_EQ(rows[0].status, Status::inProgress);
    EXPECT_EQ(rows[1].moodN, std::nullopt);
    EXPECT_EQ(db.count(feelings, ne(&SqFeeling::mood, Mood::happy)), 1);
    db.execute("insert into feelings (mood, status) values ('angry', 'todo')");
    EXPECT_THROW(db.select(&SqFeeling::mood).from(feelings).all(), drizzle::Error);
}

}  // namespace

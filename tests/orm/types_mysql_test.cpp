// Type mapping against a real MariaDB server: every column type the DSL declares, written through
// the ORM and read back, NULL as std::nullopt, values written by raw SQL read through the ORM (so
// that a bug symmetric in reading and writing cannot hide), and typed values in WHERE.
#include <gtest/gtest.h>

#include <limits>

#include "drizzle/orm.hpp"
#include "support.hpp"
#include "types_mysql_schema.hpp"

using namespace drizzle;
using namespace types_mysql;
using namespace std::chrono;

namespace {

Micros at(int y, unsigned mo, unsigned d, int h, int mi, int s, int us = 0) {
    return sys_days{year{y} / month{mo} / day{d}} + hours{h} + minutes{mi} + seconds{s} + microseconds{us};
}

class MysqlTypes : public ::testing::Test {
protected:
    driver::test::ScratchDatabase scratch{Dialect::mysql};
    Database db = drizzle::mysql::connect(scratch.url());
    void SetUp() override { db.execute(ddl); }
    std::string stored(const std::string& query) { return db.connection().query(query).text(0, 0); }
};

TEST_F(MysqlTypes, NumbersRoundTripWithTheirExtremes) {
    const std::string forty = "1234567890123456789012345678901234567890.0123456789";
    const std::string sixtyFive = "-1234567890123456789012345678901234567890.0123456789012345678901234";
    MyNumber low{0, -128, 255, -32768, 65535, -8388608, std::numeric_limits<std::int32_t>::min(),
                 std::numeric_limits<std::uint32_t>::max(), std::numeric_limits<std::int64_t>::min(),
                 std::numeric_limits<std::uint64_t>::max(), 1.5e38f, 1.7976931348623157e308, -0.5, forty,
                 12345678901234.5, true, 2155, std::numeric_limits<std::int64_t>::max(),
                 std::numeric_limits<std::uint64_t>::max() - 1, 0.1f, sixtyFive, false};
    MyNumber nulls{0, 127, 0, 32767, 0, 8388607, 0, 0, 0, 9223372036854775808ULL, -0.25f, 0.1, 0, "0", -0.5, false,
                   1901, std::nullopt, std::nullopt, std::nullopt, std::nullopt, std::nullopt};
    db.insert(numbers).values(std::vector<MyNumber>{low, nulls}).execute();

    auto rows = db.select().from(numbers).orderBy(asc(&MyNumber::id)).all();
    ASSERT_EQ(rows.size(), 2u);
    const MyNumber& a = rows[0];
    EXPECT_EQ(a.tiny, -128);
    EXPECT_EQ(a.tinyU, 255);
    EXPECT_EQ(a.small, -32768);
    EXPECT_EQ(a.smallU, 65535);
    EXPECT_EQ(a.medium, -8388608);
    EXPECT_EQ(a.regular, low.regular);
    EXPECT_EQ(a.regularU, low.regularU);
    EXPECT_EQ(a.big, low.big);
    EXPECT_EQ(a.bigU, low.bigU);
    EXPECT_EQ(a.single, 1.5e38f);
    EXPECT_EQ(a.dbl, low.dbl);
    EXPECT_EQ(a.realD, -0.5);
    EXPECT_EQ(a.exact, forty);
    EXPECT_EQ(a.approx, 12345678901234.5);
    EXPECT_TRUE(a.flag);
    EXPECT_EQ(a.yearOf, 2155);
    EXPECT_EQ(a.bigN, low.bigN);
    EXPECT_EQ(a.bigUN, low.bigUN);
    EXPECT_EQ(a.singleN, 0.1f);
    EXPECT_EQ(a.exactN, sixtyFive);
    EXPECT_EQ(a.flagN, false);
    const MyNumber& b = rows[1];
    EXPECT_EQ(b.bigU, 9223372036854775808ULL);
    EXPECT_EQ(b.single, -0.25f);
    EXPECT_EQ(b.exact, "0.0000000000");
    EXPECT_FALSE(b.bigN || b.bigUN || b.singleN || b.exactN || b.flagN);

    EXPECT_EQ(stored("select concat(big_u, ' ', big_u_n, ' ', exact, ' ', flag) from numbers where id = 1"),
              "18446744073709551615 18446744073709551614 " + forty + " 1");
    EXPECT_EQ(db.count(numbers, eq(&MyNumber::big, low.big)), 1);
    EXPECT_EQ(db.count(numbers, eq(&MyNumber::regularU, low.regularU)), 1);
    EXPECT_EQ(db.count(numbers, eq(&MyNumber::exact, forty)), 1);
    db.update(numbers).set(&MyNumber::exactN, "-" + forty).where(eq(&MyNumber::id, b.id)).execute();
    EXPECT_EQ(stored("select exact_n from numbers where id = 2"), "-" + forty + "000000000000000");
}

TEST_F(MysqlTypes, NumbersWrittenBySqlReadBack) {
    db.execute("insert into numbers (tiny, tiny_u, small, small_u, medium, regular, regular_u, big, big_u, single, "
               "dbl, "
               "real_d, exact, approx, flag, year_of) values (-1, 200, -2, 60000, -3, -4, 4000000000, -5, "
               "18446744073709551615, 0.1, 0.1, 1e-300, 9876543210987654321098765432109876543210.9876543210, "
               "1.5, true, 2024)");
    auto row = db.select().from(numbers).get();
    ASSERT_TRUE(row);
    EXPECT_EQ(row->tinyU, 200);
    EXPECT_EQ(row->smallU, 60000);
    EXPECT_EQ(row->regularU, 4000000000u);
    EXPECT_EQ(row->bigU, std::numeric_limits<std::uint64_t>::max());
    EXPECT_EQ(row->single, 0.1f);
    EXPECT_EQ(row->dbl, 0.1);
    EXPECT_EQ(row->realD, 1e-300);
    EXPECT_EQ(row->exact, "9876543210987654321098765432109876543210.9876543210");
    EXPECT_EQ(row->approx, 1.5);
    EXPECT_EQ(row->yearOf, 2024);
}

TEST_F(MysqlTypes, AValueTheMemberCannotHoldIsAnError) {
    db.execute("insert into narrow (small) values (300)");
    Error e = driver::test::errorOf([&] { db.select().from(narrow).all(); });
    EXPECT_NE(std::string(e.what()).find("300"), std::string::npos) << e.what();
    EXPECT_EQ(e.category(), ErrorCategory::mapping);  // the row struct cannot hold it: not a usage error
    db.execute("update narrow set small = -1");
    driver::test::errorOf([&] { db.select().from(narrow).all(); });
}

TEST_F(MysqlTypes, TextJsonAndEnumRoundTrip) {
    const nlohmann::json doc = {{"name", "Zoë \"q\""}, {"list", {1, 2.5, nullptr, false}}, {"big", 9007199254740993}};
    MyText full{0, "ab", "varchar", "multi\nline 'text' \\", "tiny", std::string(70000, 'm'), std::string(300000, 'l'),
                doc, R"({"b": 1})", "happy", "", nlohmann::json(nullptr), "sad"};
    MyText nulls{0, "", "", "", "", "", "", nlohmann::json::array(), "[]", "ok",
                 std::nullopt, std::nullopt, std::nullopt};
    db.insert(texts).values(std::vector<MyText>{full, nulls}).execute();

    auto rows = db.select().from(texts).orderBy(asc(&MyText::id)).all();
    ASSERT_EQ(rows.size(), 2u);
    const MyText& a = rows[0];
    EXPECT_EQ(a.ch, "ab");  // MySQL strips CHAR's padding
    EXPECT_EQ(a.vc, "varchar");
    EXPECT_EQ(a.txt, full.txt);
    EXPECT_EQ(a.medium, full.medium);
    EXPECT_EQ(a.longer, full.longer);
    EXPECT_EQ(a.doc, doc);
    EXPECT_EQ(a.docText, R"({"b": 1})");
    EXPECT_EQ(a.mood, "happy");
    EXPECT_EQ(a.txtN, "");
    EXPECT_EQ(a.docN, nlohmann::json(nullptr));  // JSON null is not SQL NULL
    EXPECT_EQ(a.moodN, "sad");
    EXPECT_EQ(rows[1].doc, nlohmann::json::array());
    EXPECT_FALSE(rows[1].txtN || rows[1].docN || rows[1].moodN);

    EXPECT_EQ(stored("select concat(json_value(doc, '$.name'), ' ', json_value(doc, '$.big'), ' ', doc_n) "
                     "from texts where id = 1"),
              "Zoë \"q\" 9007199254740993 null");
    EXPECT_EQ(db.count(texts, eq(&MyText::mood, "ok")), 1);
    EXPECT_EQ(db.count(texts, eq(&MyText::doc, doc)), 1);
}

TEST_F(MysqlTypes, JsonWrittenBySqlReadsBack) {
    db.execute(R"(insert into texts (ch, vc, txt, tiny, medium, longer, doc, doc_text, mood, doc_n)
                  values ('c', 'v', 't', 't', 'm', 'l', json_object('a', json_array(1, 'x', null)), '{"k" : [ ]}',
                          'sad', 'true'))");
    auto row = db.select().from(texts).get();
    ASSERT_TRUE(row);
    EXPECT_EQ(row->doc, (nlohmann::json{{"a", {1, "x", nullptr}}}));
    EXPECT_EQ(row->docText, R"({"k" : [ ]})");
    EXPECT_EQ(row->docN, nlohmann::json(true));
}

TEST_F(MysqlTypes, DatesDatetimesTimestampsAndTimesRoundTrip) {
    const auto moment = at(2024, 2, 29, 12, 30, 45, 123456);
    const seconds longest = hours{838} + minutes{59} + seconds{59};
    MyTime t{0, sys_days{year{2024} / 2 / 29}, moment, floor<seconds>(moment), moment,
             hours{23} + minutes{59} + seconds{59} + microseconds{999999}, -longest, "2024-02-29",
             "2024-02-29 12:30:45", "-01:00:00", sys_days{year{1000} / 1 / 1}, at(9999, 12, 31, 23, 59, 59, 999000),
             at(1970, 1, 1, 0, 0, 1), longest};
    MyTime nulls{0, sys_days{}, Micros{}, sys_seconds{}, at(2038, 1, 19, 3, 14, 7, 999999), microseconds{0},
                 seconds{0}, "1970-01-01", "1970-01-01 00:00:00", "00:00:00",
                 std::nullopt, std::nullopt, std::nullopt, std::nullopt};
    db.insert(times).values(std::vector<MyTime>{t, nulls}).execute();

    auto rows = db.select().from(times).orderBy(asc(&MyTime::id)).all();
    ASSERT_EQ(rows.size(), 2u);
    const MyTime& a = rows[0];
    EXPECT_EQ(a.day, t.day);
    EXPECT_EQ(a.at, moment);
    EXPECT_EQ(a.atSeconds, floor<seconds>(moment));
    EXPECT_EQ(a.stamp, moment);
    EXPECT_EQ(a.clock, t.clock);
    EXPECT_EQ(a.span, -longest);
    EXPECT_EQ(a.dayText, "2024-02-29");
    EXPECT_EQ(a.atText, "2024-02-29 12:30:45");
    EXPECT_EQ(a.clockText, "-01:00:00");
    EXPECT_EQ(a.dayN, t.dayN);
    EXPECT_EQ(a.atN, t.atN);
    EXPECT_EQ(a.stampN, t.stampN);
    EXPECT_EQ(a.spanN, longest);
    EXPECT_EQ(rows[1].stamp, nulls.stamp);
    EXPECT_FALSE(rows[1].dayN || rows[1].atN || rows[1].stampN || rows[1].spanN);

    // The server's UTC (the test server's time_zone is UTC; see unix_timestamp()).
    EXPECT_EQ(stored("select concat(at, ' | ', unix_timestamp(stamp), ' | ', clock, ' | ', span, ' | ', at_n) "
                     "from times where id = 1"),
              "2024-02-29 12:30:45.123456 | 1709209845.123456 | 23:59:59.999999 | -838:59:59 | "
              "9999-12-31 23:59:59.999");
    EXPECT_EQ(db.count(times, eq(&MyTime::at, moment)), 1);
    EXPECT_EQ(db.count(times, eq(&MyTime::day, t.day)), 1);
    EXPECT_EQ(db.count(times, gt(&MyTime::stamp, moment)), 1);
    EXPECT_EQ(db.count(times, eq(&MyTime::span, -longest)), 1);
}

TEST_F(MysqlTypes, TimesWrittenBySqlReadBack) {
    db.execute("insert into times (day, at, at_seconds, stamp, clock, span, day_text, at_text, clock_text, at_n, "
               "span_n) "
               "values ('2024-01-05', '2024-01-05 10:20:30.5', '2024-01-05 10:20:30', from_unixtime(1704450030.25), "
               "'-12:00:00.25', '100:00:00', '2024-01-05', '2024-01-05 10:20:30', '10:20', '2024-01-05 10:20:30.125', "
               "'-00:00:01')");
    auto row = db.select().from(times).get();
    ASSERT_TRUE(row);
    EXPECT_EQ(row->day, sys_days{year{2024} / 1 / 5});
    EXPECT_EQ(row->at, at(2024, 1, 5, 10, 20, 30, 500000));
    EXPECT_EQ(row->atSeconds, floor<seconds>(at(2024, 1, 5, 10, 20, 30)));
    EXPECT_EQ(row->stamp, at(2024, 1, 5, 10, 20, 30, 250000));
    EXPECT_EQ(row->clock, -(hours{12} + microseconds{250000}));
    EXPECT_EQ(row->span, hours{100});
    EXPECT_EQ(row->clockText, "10:20:00");
    EXPECT_EQ(row->atN, at(2024, 1, 5, 10, 20, 30, 125000));
    EXPECT_EQ(row->spanN, seconds{-1});
    EXPECT_FALSE(row->dayN.has_value());
}

TEST_F(MysqlTypes, BinaryAndVarbinaryRoundTripAsBytes) {
    std::vector<std::byte> all;
    for (int i = 0; i < 256; ++i) all.push_back(static_cast<std::byte>(i));
    const std::string raw("\xff\xfe\0x", 4);
    MyBinary full{0, {0, 1, 2, 255}, std::string("a\0b", 3), all, raw, std::vector<unsigned char>{1, 2}, std::string()};
    MyBinary nulls{0, {9, 9, 9, 9}, "xyz", {}, "", std::nullopt, std::nullopt};
    db.insert(binaries).values(std::vector<MyBinary>{full, nulls}).execute();

    auto rows = db.select().from(binaries).orderBy(asc(&MyBinary::id)).all();
    ASSERT_EQ(rows.size(), 2u);
    const MyBinary& a = rows[0];
    EXPECT_EQ(a.bin, (std::vector<unsigned char>{0, 1, 2, 255}));
    EXPECT_EQ(a.binString, std::string("a\0b", 3));
    EXPECT_EQ(a.vb, all);
    EXPECT_EQ(a.vbString, raw);
    EXPECT_EQ(a.binN, (std::vector<unsigned char>{1, 2, 0, 0}));  // BINARY(4) pads with zero bytes
    EXPECT_EQ(a.vbStringN, "");
    EXPECT_TRUE(rows[1].vb.empty());
    EXPECT_FALSE(rows[1].binN || rows[1].vbStringN);

    EXPECT_EQ(stored("select concat(hex(bin), ' ', hex(bin_string), ' ', hex(vb_string), ' ', length(vb)) "
                     "from binaries where id = 1"),
              "000102FF 610062 FFFE0078 256");
    EXPECT_EQ(db.count(binaries, eq(&MyBinary::bin, std::vector<unsigned char>{9, 9, 9, 9})), 1);
}

TEST_F(MysqlTypes, BinaryWrittenBySqlReadsBack) {
    db.execute("insert into binaries (bin, bin_string, vb, vb_string, bin_n) "
               "values (x'DEADBEEF', x'000000', x'', x'C328', x'01')");
    auto row = db.select().from(binaries).get();
    ASSERT_TRUE(row);
    EXPECT_EQ(row->bin, (std::vector<unsigned char>{0xde, 0xad, 0xbe, 0xef}));
    EXPECT_EQ(row->binString, std::string(3, '\0'));
    EXPECT_TRUE(row->vb.empty());
    EXPECT_EQ(row->vbString, "\xc3\x28");  // not UTF-8: bytes are bytes
    EXPECT_EQ(row->binN, (std::vector<unsigned char>{1, 0, 0, 0}));
}

TEST_F(MysqlTypes, TypedValuesInWhereUseTheColumnsEncoding) {
    const std::string raw("\xff\xfe\0x", 4);
    db.insert(binaries).values(MyBinary{0, {1, 2, 3, 4}, "abc", {}, raw, std::nullopt, std::nullopt}).execute();
    EXPECT_EQ(db.count(binaries, eq(&MyBinary::vbString, raw)), 1);
    EXPECT_EQ(db.count(binaries, eq(&MyBinary::binString, std::string("abc"))), 1);
}

TEST_F(MysqlTypes, PartialSelectsAndPlaceholdersUseTheColumnsCodec) {
    const std::string raw("\xff\xfe\0x", 4);
    db.insert(binaries).values(MyBinary{0, {1, 2, 3, 4}, "abc", {}, raw, std::nullopt, raw}).execute();
    auto row = db.select(&MyBinary::vbString, &MyBinary::vbStringN, max(&MyBinary::vbString)).from(binaries).groupBy(&MyBinary::id).get();
    ASSERT_TRUE(row);
    EXPECT_EQ(*row, std::make_tuple(raw, std::optional<std::string>(raw), std::optional<std::string>(raw)));
    auto byBytes = db.select(&MyBinary::id).from(binaries).where(eq(&MyBinary::vbString, placeholder("raw"))).prepare();
    EXPECT_EQ(byBytes.all({{"raw", raw}}).size(), 1u);
    auto b = alias<"b">(binaries);
    EXPECT_EQ(db.select(b(&MyBinary::id)).from(b).where(eq(b(&MyBinary::vbStringN), raw)).all().size(), 1u);
}

TEST_F(MysqlTypes, EnumClassMembersReadAndBindTheirDeclaredValues) {
    db.insert(feelings)
        .values(std::vector<MyFeeling>{{0, Mood::happy, Mood::sad, Status::inProgress, Status::done},
                                       {0, Mood::sad, std::nullopt, Status::todo, std::nullopt}})
        .execute();
    auto rows = db.select().from(feelings).orderBy(asc(&MyFeeling::id)).all();
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0].mood, Mood::happy);
    EXPECT_EQ(rows[0].moodN, Mood::sad);
    EXPECT_EQ(rows[0].status, Status::inProgress);
    EXPECT_EQ(rows[0].free, Status::done);
    EXPECT_EQ(rows[1].moodN, std::nullopt);
    EXPECT_EQ(db.connection().query("select concat(mood, ' ', status) from feelings where id = 1").text(0, 0), "happy in-progress");
    EXPECT_EQ(db.count(feelings, eq(&MyFeeling::mood, Mood::sad)), 1);
    auto byStatus = db.select(&MyFeeling::id).from(feelings).where(eq(&MyFeeling::status, placeholder("s"))).prepare();
    EXPECT_EQ(byStatus.all({{"s", Status::inProgress}}).size(), 1u);
    db.execute("insert into feelings (mood, status, free) values ('ok', 'todo', 'archived')");
    EXPECT_THROW(db.select(&MyFeeling::free).from(feelings).all(), drizzle::Error);
}

}  // namespace

// The dialects' column-type tables (src/schema/column_types.hpp), without a server: every entry,
// with each kind of argument it takes, is spelled as the DSL declares it, read back into the same
// type and the same DSL call by pull's code generation, and is its own catalog normal form; the
// catalogs' other spellings become Drizzle's.
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "codegen/column_code.hpp"
#include "drizzle/schema/spec.hpp"
#include "schema/sql_types.hpp"
#include "type_samples.hpp"

namespace drizzle::detail {
namespace {

std::string describe(Dialect d, const TypeValue& v) { return std::string(dialectName(d)) + " " + spellType(d, v); }

void expectSameType(const TypeValue& a, const TypeValue& b, const std::string& where) {
    EXPECT_EQ(a.type, b.type) << where;
    EXPECT_EQ(a.length, b.length) << where;
    EXPECT_EQ(a.precision, b.precision) << where;
    EXPECT_EQ(a.scale, b.scale) << where;
    EXPECT_EQ(a.srid, b.srid) << where;
    EXPECT_EQ(a.withTimezone, b.withTimezone) << where;
    EXPECT_EQ(a.isUnsigned, b.isUnsigned) << where;
    EXPECT_EQ(a.dimensions, b.dimensions) << where;
    EXPECT_EQ(a.subtype, b.subtype) << where;
    EXPECT_EQ(a.values, b.values) << where;
}

class EveryColumnType : public ::testing::TestWithParam<Dialect> {
protected:
    Dialect dialect() const { return GetParam(); }
};

TEST_P(EveryColumnType, EveryEntryHasSamples) {
    const auto samples = test::typeSamples(dialect());
    for (const ColumnType& t : columnTypes(dialect())) {
        bool found = false;
        for (const auto& v : samples) found = found || v.type == &t;
        EXPECT_TRUE(found) << t.name;
    }
}

TEST_P(EveryColumnType, DrizzlesSpellingReadsBackToTheSameType) {
    for (const auto& v : test::typeSamples(dialect())) {
        const std::string text = spellType(dialect(), v);
        auto back = readType(dialect(), text);
        ASSERT_TRUE(back.has_value()) << describe(dialect(), v);
        expectSameType(*back, v, describe(dialect(), v));
    }
}

TEST_P(EveryColumnType, TheDslDeclaresWhatTheTableSpells) {
    for (const auto& v : test::typeSamples(dialect())) {
        if (v.type->function.empty()) continue;
        std::vector<const char*> values;
        for (const auto& s : v.values) values.push_back(s.c_str());
        ColumnSpec c;
        c.name = "c";
        c.kind = v.type->name;
        c.args.length = v.length;
        c.args.precision = v.precision;
        c.args.scale = v.scale;
        c.args.srid = v.srid;
        c.args.withTimezone = v.withTimezone;
        c.args.isUnsigned = v.isUnsigned;
        c.args.dimensions = static_cast<std::uint8_t>(v.dimensions);
        c.args.subtype = v.subtype;
        c.args.values = values.data();
        c.args.valueCount = values.size();
        EXPECT_EQ(sqlType(dialect(), c, ""), spellType(dialect(), v)) << describe(dialect(), v);
    }
}

TEST_P(EveryColumnType, PullDeclaresEachTypeWithItsDslFunction) {
    const std::string ns = dialect() == Dialect::postgresql ? "pg::" : std::string(dialectName(dialect())) + "::";
    for (const auto& v : test::typeSamples(dialect())) {
        model::Column column;
        column.name = "c";
        column.type = spellType(dialect(), v);
        const codegen::ColumnCode code = codegen::columnCode(dialect(), column, "", "");
        const std::string where = describe(dialect(), v);
        if (v.type->function.empty()) {
            EXPECT_TRUE(code.custom) << where;
            EXPECT_EQ(code.customType, column.type) << where;
            continue;
        }
        EXPECT_FALSE(code.custom) << where;
        EXPECT_EQ(code.function, ns + std::string(v.type->function)) << where;
        EXPECT_EQ(code.implicitNotNull, v.type->implicitNotNull) << where;
        std::string member(v.isUnsigned && !v.type->unsignedMember.empty() ? v.type->unsignedMember : v.type->member);
        for (int i = 0; i < v.dimensions; ++i) member = "std::vector<" + member + ">";
        EXPECT_EQ(code.valueType, member) << where;
        const bool hasArguments = v.length >= 0 || v.precision >= 0 || v.srid >= 0 || v.withTimezone ||
                                  !v.subtype.empty() || !v.values.empty() || (v.isUnsigned && v.type->unsignedOption);
        EXPECT_EQ(!code.options.empty(), hasArguments) << where << ": " << code.options;
    }
}

TEST_P(EveryColumnType, DrizzlesSpellingIsItsOwnCatalogNormalForm) {
    for (const auto& v : test::typeSamples(dialect())) {
        if (v.dimensions) continue;  // catalogs give a type's dimensions apart from it
        const std::string text = spellType(dialect(), v);
        EXPECT_EQ(normaliseCatalogType(dialect(), text), text) << describe(dialect(), v);
    }
}

INSTANTIATE_TEST_SUITE_P(Dialects, EveryColumnType,
                         ::testing::Values(Dialect::postgresql, Dialect::sqlite, Dialect::mysql),
                         [](const auto& info) { return std::string(dialectName(info.param)); });

void expectCatalog(Dialect d, const std::vector<std::pair<std::string, std::string>>& cases) {
    for (const auto& [catalog, drizzle] : cases) EXPECT_EQ(normaliseCatalogType(d, catalog), drizzle) << catalog;
}

TEST(CatalogSpelling, PostgresqlFormatTypeBecomesDrizzles) {
    expectCatalog(Dialect::postgresql, {
        {"character varying(20)", "varchar(20)"},
        {"character varying", "varchar"},
        {"character(1)", "char(1)"},
        {"\"char\"", "char"},
        {"numeric(12,3)", "numeric(12, 3)"},
        {"numeric(12,0)", "numeric(12)"},
        {"timestamp without time zone", "timestamp"},
        {"timestamp(3) with time zone", "timestamp (3) with time zone"},
        {"time(6) without time zone", "time(6)"},
        {"time with time zone", "time with time zone"},
        {"interval day to second(3)", "interval day to second(3)"},
        {"geometry(Point,4326)", "geometry(point,4326)"},
        {"geography(PointZ)", "geography(pointz)"},
        {"double precision", "double precision"},
    });
}

TEST(CatalogSpelling, MysqlColumnTypeBecomesDrizzles) {
    expectCatalog(Dialect::mysql, {
        {"tinyint(1)", "boolean"},
        {"tinyint(1) unsigned", "tinyint unsigned"},
        {"int(11)", "int"},
        {"INT(10) UNSIGNED", "int unsigned"},
        {"bigint(20) unsigned zerofill", "bigint unsigned zerofill"},
        {"year(4)", "year"},
        {"decimal(10,0)", "decimal"},
        {"decimal(12,0) unsigned", "decimal(12) unsigned"},
        {"decimal(10,2)", "decimal(10,2)"},
        {"char(1)", "char"},
        {"binary(1)", "binary"},
        {"char(2)", "char(2)"},
        {"double(12,3)", "double(12,3)"},
        {"datetime(6)", "datetime(6)"},
        {"ENUM('Aa','b''c')", "enum('Aa','b''c')"},
    });
}

TEST(CatalogSpelling, SqliteKeepsADeclaredTypeButSpellsItsOwnNamesInLowerCase) {
    expectCatalog(Dialect::sqlite, {
        {"INTEGER", "integer"},
        {"Real", "real"},
        {"TEXT(10)", "TEXT(10)"},
        {"VARCHAR(20)", "VARCHAR(20)"},
        {"unsigned big int", "unsigned big int"},
    });
}

TEST(CatalogSpelling, TypesOfNoEntryComeBackAsTheyAre) {
    // Named like a type of the table, but not it: a prefix is not a type.
    expectCatalog(Dialect::postgresql, {{"time_slot", "time_slot"}, {"character_data", "character_data"},
                                        {"bit varying(5)", "bit varying(5)"}, {"public.\"Money\"", "public.\"Money\""}});
    expectCatalog(Dialect::mysql, {{"set('a','b')", "set('a','b')"}, {"bit(1)", "bit(1)"}, {"point", "point"}});
}

TEST(ColumnTypeSpelling, OnlyDrizzlesOwnSpellingReadsAsTheDslType) {
    for (const char* other : {"numeric(10,2)", "timestamp(3)", "integer unsigned", "vector", "serial[]",
                              "varchar with time zone", "character varying(3)", "varchar(x)", "varchar(1, 2)",
                              "geometry()", "interval(3) day"})
        EXPECT_FALSE(readType(Dialect::postgresql, other).has_value()) << other;
    for (const char* other : {"int(11)", "varbinary", "decimal(10, 2)", "text unsigned", "enum('a',", "tinyint(1)",
                              "varchar(20)[]"})
        EXPECT_FALSE(readType(Dialect::mysql, other).has_value()) << other;
    for (const char* other : {"INTEGER", "text(a)", "blob(3)"})
        EXPECT_FALSE(readType(Dialect::sqlite, other).has_value()) << other;
}

TEST(ColumnTypeSpelling, ATypeDeclaredWithoutTheLengthItNeedsSaysWhichOption) {
    for (auto [dialect, kind, option] : {std::tuple{Dialect::mysql, "varchar", ".length"},
                                         std::tuple{Dialect::mysql, "varbinary", ".length"},
                                         std::tuple{Dialect::postgresql, "vector", ".dimensions"}}) {
        ColumnSpec c;
        c.name = "name";
        c.kind = kind;
        try {
            sqlType(dialect, c, "");
            ADD_FAILURE() << kind << " without a length was spelled";
        } catch (const std::invalid_argument& e) {
            EXPECT_EQ(std::string(e.what()), "column \"name\": " + std::string(kind) + " needs a length: {" + option + " = n}");
        }
    }
}

}  // namespace
}  // namespace drizzle::detail

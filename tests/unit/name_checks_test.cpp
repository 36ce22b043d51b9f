// Names a database would refuse are schema errors naming both declarations. The namespaces
// follow what PostgreSQL 15 and MariaDB 10.11 refuse (MySQL 8's documented per-database check
// names too), and what SQLite and the snapshot format can hold.
#include <gtest/gtest.h>

#include "drizzle/error.hpp"
#include "schema/name_checks.hpp"

using drizzle::Dialect;
using drizzle::detail::checkDeclaredNames;
using drizzle::detail::DeclaredName;
using Kind = DeclaredName::Kind;

namespace {

DeclaredName top(Kind kind, std::string name, std::string schema, std::string site) {
    return {kind, std::move(name), std::move(schema), "", false, std::move(site)};
}
DeclaredName in(Kind kind, std::string name, std::string table, std::string schema = "", bool derived = false) {
    std::string site = "schema.hpp:" + table;
    return {kind, std::move(name), std::move(schema), std::move(table), derived, std::move(site)};
}

// The error's message, or "" when the names are accepted.
std::string refusal(Dialect d, const std::vector<DeclaredName>& names) {
    try {
        checkDeclaredNames(d, names);
        return "";
    } catch (const drizzle::Error& e) {
        EXPECT_EQ(e.category(), drizzle::ErrorCategory::schema);
        return e.what();
    }
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

const std::string longName(std::size_t n, char c = 'a') { return std::string(n, c); }

}  // namespace

// ---- two objects with one qualified name ----------------------------------------------------

TEST(NameChecks, Pg_TwoTablesOfOneSchemaAreRefusedNamingBothDeclarations) {
    auto m = refusal(Dialect::postgresql, {top(Kind::table, "users", "public", "src/a.hpp:3"),
                                           top(Kind::table, "users", "public", "src/b.hpp:9")});
    EXPECT_TRUE(has(m, "table \"public\".\"users\" (declared at src/a.hpp:3) and table \"public\".\"users\" "
                       "(declared at src/b.hpp:9) have the same name"))
        << m;
}

TEST(NameChecks, Pg_TablesOfOneNameInTwoSchemasAreAccepted) {
    EXPECT_EQ(refusal(Dialect::postgresql, {top(Kind::table, "users", "public", "a:1"), top(Kind::table, "users", "auth", "a:2")}),
              "");
}

TEST(NameChecks, Pg_TableViewSequenceAndIndexShareOneNamespace) {
    EXPECT_TRUE(has(refusal(Dialect::postgresql, {top(Kind::table, "t", "public", "a:1"), top(Kind::view, "t", "public", "a:2")}),
                    "table \"public\".\"t\" (declared at a:1) and view \"public\".\"t\""));
    EXPECT_TRUE(has(refusal(Dialect::postgresql,
                            {top(Kind::sequence, "s", "public", "a:1"), in(Kind::index, "s", "users", "public")}),
                    "sequence \"public\".\"s\" (declared at a:1) and index \"s\" of table \"users\""));
    EXPECT_NE(refusal(Dialect::postgresql,
                      {top(Kind::materializedView, "m", "public", "a:1"), top(Kind::sequence, "m", "public", "a:2")}),
              "");
}

TEST(NameChecks, Pg_EnumNamedLikeATableOrViewIsRefusedButNotLikeASequence) {
    // CREATE TYPE foo fails when table foo exists (its row type); sequences have no row type.
    EXPECT_TRUE(has(refusal(Dialect::postgresql, {top(Kind::table, "mood", "public", "a:1"), top(Kind::enum_, "mood", "public", "a:2")}),
                    "enums and the row types of tables and views"));
    EXPECT_EQ(refusal(Dialect::postgresql, {top(Kind::sequence, "mood", "public", "a:1"), top(Kind::enum_, "mood", "public", "a:2")}),
              "");
}

TEST(NameChecks, Pg_TwoEnumsOrTwoSequencesOfOneNameAreRefused) {
    EXPECT_NE(refusal(Dialect::postgresql, {top(Kind::enum_, "e", "public", "a:1"), top(Kind::enum_, "e", "public", "a:2")}), "");
    EXPECT_NE(refusal(Dialect::postgresql, {top(Kind::sequence, "s", "x", "a:1"), top(Kind::sequence, "s", "x", "a:2")}), "");
}

TEST(NameChecks, Sqlite_TableViewAndIndexShareOneNamespaceIgnoringCase) {
    EXPECT_TRUE(has(refusal(Dialect::sqlite, {top(Kind::table, "users", "", "a:1"), top(Kind::view, "users", "", "a:2")}),
                    "SQLite keeps the names of tables, views and indexes in one namespace"));
    EXPECT_TRUE(has(refusal(Dialect::sqlite, {top(Kind::table, "Users", "", "a:1"), top(Kind::table, "users", "", "a:2")}),
                    "differ only in case"));
    EXPECT_NE(refusal(Dialect::sqlite, {top(Kind::table, "t", "", "a:1"), in(Kind::index, "T", "u")}), "");
}

TEST(NameChecks, Mysql_TableAndViewOfOneNameAreRefusedButCaseDiffersOnLinux) {
    EXPECT_TRUE(has(refusal(Dialect::mysql, {top(Kind::table, "t", "", "a:1"), top(Kind::view, "t", "", "a:2")}),
                    "MySQL keeps the names of tables and views in one namespace per database"));
    EXPECT_EQ(refusal(Dialect::mysql, {top(Kind::table, "T", "", "a:1"), top(Kind::table, "t", "", "a:2")}), "");
}

TEST(NameChecks, ColumnsOfOneTableAreUniqueAsEachDatabaseComparesThem) {
    EXPECT_NE(refusal(Dialect::postgresql, {in(Kind::column, "a", "t", "public"), in(Kind::column, "a", "t", "public")}), "");
    EXPECT_EQ(refusal(Dialect::postgresql, {in(Kind::column, "a", "t", "public"), in(Kind::column, "A", "t", "public")}), "");
    EXPECT_NE(refusal(Dialect::sqlite, {in(Kind::column, "a", "t"), in(Kind::column, "A", "t")}), "");
    EXPECT_NE(refusal(Dialect::mysql, {in(Kind::column, "a", "t"), in(Kind::column, "A", "t")}), "");
    EXPECT_EQ(refusal(Dialect::mysql, {in(Kind::column, "a", "t"), in(Kind::column, "a", "u")}), "");
}

// ---- index names ---------------------------------------------------------------------------

TEST(NameChecks, Pg_OneIndexNameOnTwoTablesOfOneSchemaIsRefused) {
    auto m = refusal(Dialect::postgresql, {in(Kind::index, "by_name", "users", "public"), in(Kind::index, "by_name", "posts", "public")});
    EXPECT_TRUE(has(m, "index \"by_name\" of table \"users\" (declared at schema.hpp:users) and index \"by_name\" of table \"posts\""))
        << m;
    EXPECT_EQ(refusal(Dialect::postgresql, {in(Kind::index, "by_name", "users", "public"), in(Kind::index, "by_name", "users", "auth")}),
              "");
}

TEST(NameChecks, Pg_UniqueAndPrimaryKeyNamesAreIndexNames) {
    EXPECT_NE(refusal(Dialect::postgresql, {in(Kind::index, "k", "users", "public"), in(Kind::unique, "k", "posts", "public")}), "");
    EXPECT_NE(refusal(Dialect::postgresql, {top(Kind::table, "k", "public", "a:1"), in(Kind::primaryKey, "k", "posts", "public")}), "");
}

TEST(NameChecks, Sqlite_OneIndexNameOnTwoTablesIsRefused) {
    EXPECT_NE(refusal(Dialect::sqlite, {in(Kind::index, "by_name", "users"), in(Kind::index, "by_name", "posts")}), "");
}

TEST(NameChecks, Mysql_IndexNamesArePerTableIgnoringCaseAndPrimaryIsReserved) {
    EXPECT_EQ(refusal(Dialect::mysql, {in(Kind::index, "by_name", "users"), in(Kind::index, "by_name", "posts")}), "");
    EXPECT_TRUE(has(refusal(Dialect::mysql, {in(Kind::index, "ix", "users"), in(Kind::unique, "IX", "users")}),
                    "MySQL index and unique constraint names are unique per table"));
    EXPECT_TRUE(has(refusal(Dialect::mysql, {in(Kind::index, "Primary", "users")}), "reserves for the primary key"));
}

// ---- constraint names ----------------------------------------------------------------------

TEST(NameChecks, Pg_ConstraintNamesAreUniquePerTable) {
    EXPECT_TRUE(has(refusal(Dialect::postgresql, {in(Kind::check, "x", "t", "public"), in(Kind::foreignKey, "x", "t", "public")}),
                    "PostgreSQL constraint names are unique per table"));
    EXPECT_EQ(refusal(Dialect::postgresql, {in(Kind::check, "x", "t", "public"), in(Kind::check, "x", "u", "public")}), "");
    // A check may share a plain index's name: indexes are relations, checks are not.
    EXPECT_EQ(refusal(Dialect::postgresql, {in(Kind::check, "x", "t", "public"), in(Kind::index, "x", "t", "public")}), "");
    EXPECT_NE(refusal(Dialect::postgresql, {in(Kind::policy, "p", "t", "public"), in(Kind::policy, "p", "t", "public")}), "");
}

TEST(NameChecks, Mysql_ForeignKeyAndCheckNamesAreUniquePerDatabase) {
    EXPECT_TRUE(has(refusal(Dialect::mysql, {in(Kind::foreignKey, "fk", "a"), in(Kind::foreignKey, "FK", "b")}),
                    "MySQL foreign key names are unique per database"));
    EXPECT_TRUE(has(refusal(Dialect::mysql, {in(Kind::check, "positive", "a"), in(Kind::check, "positive", "b")}),
                    "MySQL check constraint names are unique per database"));
}

TEST(NameChecks, Mysql_CheckNamedLikeAUniqueOrForeignKeyOfItsTableIsRefused) {
    EXPECT_NE(refusal(Dialect::mysql, {in(Kind::unique, "c", "t"), in(Kind::check, "c", "t")}), "");
    EXPECT_NE(refusal(Dialect::mysql, {in(Kind::check, "c", "t"), in(Kind::foreignKey, "c", "t")}), "");
    // MariaDB accepts a foreign key named like a unique constraint of its table.
    EXPECT_EQ(refusal(Dialect::mysql, {in(Kind::unique, "c", "t"), in(Kind::foreignKey, "c", "t")}), "");
}

TEST(NameChecks, Sqlite_ConstraintsTheSnapshotKeysByNameAreUniquePerTable) {
    EXPECT_NE(refusal(Dialect::sqlite, {in(Kind::check, "c", "t"), in(Kind::check, "c", "t")}), "");
    EXPECT_NE(refusal(Dialect::sqlite, {in(Kind::foreignKey, "f", "t"), in(Kind::foreignKey, "f", "t")}), "");
    EXPECT_EQ(refusal(Dialect::sqlite, {in(Kind::check, "c", "t"), in(Kind::check, "c", "u")}), "");
}

// ---- reserved names ------------------------------------------------------------------------

TEST(NameChecks, ReservedPrefixesAreRefused) {
    EXPECT_TRUE(has(refusal(Dialect::sqlite, {in(Kind::index, "SQLite_by_name", "t")}), "SQLite reserves"));
    EXPECT_NE(refusal(Dialect::sqlite, {top(Kind::table, "sqlite_stat", "", "a:1")}), "");
    EXPECT_EQ(refusal(Dialect::sqlite, {in(Kind::check, "sqlite_ok", "t")}), "") << "constraint names are not objects";
    EXPECT_TRUE(has(refusal(Dialect::postgresql, {top(Kind::schema, "pg_app", "", "")}), "PostgreSQL reserves for system schemas"));
    EXPECT_EQ(refusal(Dialect::postgresql, {top(Kind::table, "pg_app", "public", "a:1")}), "");
}

// ---- identifier length ---------------------------------------------------------------------

TEST(NameChecks, Pg_ANameTheUserWroteLongerThan63BytesIsRefused) {
    EXPECT_EQ(refusal(Dialect::postgresql, {top(Kind::table, longName(63), "public", "a:1")}), "");
    auto m = refusal(Dialect::postgresql, {top(Kind::table, longName(64), "public", "a:1")});
    EXPECT_TRUE(has(m, "is 64 bytes long; PostgreSQL truncates names longer than 63 bytes")) << m;
    // Bytes, not characters: 32 two-byte characters are 64 bytes.
    std::string e;
    for (int i = 0; i < 32; ++i) e += "\xC3\xA9";
    EXPECT_NE(refusal(Dialect::postgresql, {in(Kind::column, e, "t", "public")}), "");
    EXPECT_NE(refusal(Dialect::postgresql, {in(Kind::foreignKey, longName(70), "t", "public")}), "");
}

TEST(NameChecks, Pg_ALongDerivedNameIsKeptAsDrizzleKitKeepsIt) {
    EXPECT_EQ(refusal(Dialect::postgresql, {in(Kind::foreignKey, longName(80), "t", "public", true)}), "");
}

TEST(NameChecks, Pg_TwoDerivedNamesThatTruncateToOneAreRefused) {
    const std::string prefix = longName(63, 'x');
    auto m = refusal(Dialect::postgresql, {in(Kind::foreignKey, prefix + "_a_fk", "t", "public", true),
                                           in(Kind::foreignKey, prefix + "_b_fk", "t", "public", true)});
    EXPECT_TRUE(has(m, "are one name to PostgreSQL, which keeps the first 63 bytes of a name (\"" + prefix + "\")")) << m;
    EXPECT_TRUE(has(m, "PostgreSQL constraint names are unique per table")) << m;
}

TEST(NameChecks, Pg_EnumValuesLongerThan63BytesOrRepeatedAreRefused) {
    DeclaredName v{Kind::enumValue, longName(64), "public", "mood", false, "a:1"};
    EXPECT_TRUE(has(refusal(Dialect::postgresql, {v}), "PostgreSQL refuses enum values longer than 63 bytes"));
    v.derived = true;  // not a name PostgreSQL truncates
    EXPECT_NE(refusal(Dialect::postgresql, {v}), "");
    DeclaredName a{Kind::enumValue, "sad", "public", "mood", false, "a:1"};
    EXPECT_TRUE(has(refusal(Dialect::postgresql, {a, a}), "value \"sad\" of enum \"mood\""));
}

TEST(NameChecks, Mysql_NamesLongerThan64CharactersAreRefusedDerivedOnesWithTheirFix) {
    std::string e64;
    for (int i = 0; i < 64; ++i) e64 += "\xC3\xA9";
    EXPECT_EQ(refusal(Dialect::mysql, {top(Kind::table, e64, "", "a:1")}), "") << "64 characters of two bytes each";
    EXPECT_TRUE(has(refusal(Dialect::mysql, {top(Kind::table, longName(65), "", "a:1")}),
                    "is 65 characters long; MySQL refuses names longer than 64 characters"));
    try {
        checkDeclaredNames(Dialect::mysql, {in(Kind::foreignKey, longName(70), "t", "", true)});
        ADD_FAILURE() << "a derived foreign key name of 70 characters was accepted";
    } catch (const drizzle::Error& err) {
        EXPECT_TRUE(has(err.hint(), "drizzle::foreignKey(\"...\").columns<&Row::a>().foreignColumns<&Other::id>()")) << err.hint();
    }
}

TEST(NameChecks, Sqlite_LongNamesAreAccepted) {
    EXPECT_EQ(refusal(Dialect::sqlite, {top(Kind::table, longName(200), "", "a:1")}), "");
}

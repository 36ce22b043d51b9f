// DDL from a schema model: the first migration Drizzle Kit 0.31 writes for the fixtures
// (tests/fixtures/drizzle-kit), statement for statement, except where its SQL is invalid; and
// hand-built models for quoting, schemas and options the fixtures do not reach.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "drizzle/kit/ddl.hpp"
#include "drizzle/error.hpp"
#include "drizzle/kit/snapshot.hpp"
#include "common/slurp.hpp"

namespace {

using namespace drizzle;
using namespace drizzle::model;

const std::string kBreakpoint = "--> statement-breakpoint\n";

std::string caseDir(const std::string& dialect, const std::string& name) {
    return std::string(DRIZZLE_FIXTURES_DIR) + "/drizzle-kit/" + dialect + "/" + name + "/out";
}

std::vector<std::string> splitStatements(const std::string& sql) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (std::size_t at; (at = sql.find(kBreakpoint, start)) != std::string::npos; start = at + kBreakpoint.size())
        out.push_back(sql.substr(start, at - start));
    out.push_back(sql.substr(start));
    return out;
}

struct Fixture {
    Schema model;
    std::string sql;
    std::vector<std::string> statements;
};

Fixture loadFixture(const std::string& dialect, const std::string& name) {
    const std::string dir = caseDir(dialect, name);
    Fixture f{kit::snapshot::readFile(dir + "/meta/0000_snapshot.json"), slurp(dir + "/0000_init.sql"), {}};
    f.statements = splitStatements(f.sql);
    return f;
}

// Where Drizzle Kit's SQL is invalid we write the valid form: each of the `times` places that
// hold `drizzle` in the fixture is expected to hold `ours` instead.
void expectOurFormInstead(std::vector<std::string>& expected, const std::string& drizzle, const std::string& ours,
                          int times = 1) {
    int hits = 0;
    for (auto& s : expected) {
        for (std::size_t at; (at = s.find(drizzle)) != std::string::npos; ++hits) s.replace(at, drizzle.size(), ours);
    }
    ASSERT_EQ(hits, times) << "fixture text: " << drizzle;
}

void expectStatements(const std::vector<std::string>& actual, const std::vector<std::string>& expected) {
    ASSERT_EQ(actual.size(), expected.size()) << kit::ddl::joinStatements(actual, true);
    for (std::size_t i = 0; i < expected.size(); ++i) EXPECT_EQ(actual[i], expected[i]) << "statement " << i;
}

// ---- the drizzle-kit fixtures ----

TEST(DdlFixtures, PgDdl_MatchesDrizzleKitForBasicFixture) {
    auto f = loadFixture("pg", "basic");
    expectStatements(kit::ddl::createStatements(f.model), f.statements);
}

TEST(DdlFixtures, PgDdl_MatchesDrizzleKitForFullFixture) {
    auto f = loadFixture("pg", "full");
    auto expected = f.statements;
    // Drizzle Kit prints tuple defaults unquoted ("DEFAULT 1,2"), a syntax error.
    expectOurFormInstead(expected, "\"default_point\" \"point\" DEFAULT 1,2,", "\"default_point\" \"point\" DEFAULT '(1,2)',");
    expectOurFormInstead(expected, "\"default_line\" \"line\" DEFAULT 1,2,3,", "\"default_line\" \"line\" DEFAULT '{1,2,3}',");
    expectOurFormInstead(expected, "\"default_vector\" vector(3) DEFAULT 1,2,3,",
                         "\"default_vector\" vector(3) DEFAULT '[1,2,3]',");
    expectStatements(kit::ddl::createStatements(f.model), expected);
}

TEST(DdlFixtures, SqliteDdl_MatchesDrizzleKitForBasicFixture) {
    auto f = loadFixture("sqlite", "basic");
    expectStatements(kit::ddl::createStatements(f.model), f.statements);
}

TEST(DdlFixtures, SqliteDdl_MatchesDrizzleKitForFullFixture) {
    auto f = loadFixture("sqlite", "full");
    expectStatements(kit::ddl::createStatements(f.model), f.statements);
}

TEST(DdlFixtures, MysqlDdl_MatchesDrizzleKitForBasicFixture) {
    auto f = loadFixture("mysql", "basic");
    auto expected = f.statements;
    // SERIAL already is AUTO_INCREMENT; MariaDB rejects "serial AUTO_INCREMENT" as a syntax error.
    expectOurFormInstead(expected, "`id` serial AUTO_INCREMENT NOT NULL", "`id` serial NOT NULL", 2);
    expectStatements(kit::ddl::createStatements(f.model), expected);
}

TEST(DdlFixtures, MysqlDdl_MatchesDrizzleKitForFullFixture) {
    auto f = loadFixture("mysql", "full");
    auto expected = f.statements;
    expectOurFormInstead(expected, "`serial` serial AUTO_INCREMENT NOT NULL", "`serial` serial NOT NULL");
    // MySQL requires the column's precision on ON UPDATE (error 1294 otherwise).
    expectOurFormInstead(expected, "`timestamp_fsp` timestamp(3) DEFAULT (now()) ON UPDATE CURRENT_TIMESTAMP,",
                         "`timestamp_fsp` timestamp(3) DEFAULT (now()) ON UPDATE CURRENT_TIMESTAMP(3),");
    // Drizzle Kit drops an index's declared USING / ALGORITHM / LOCK; we keep them.
    expectOurFormInstead(expected, "CREATE INDEX `organizations_using_idx` ON `organizations` (`name`);",
                         "CREATE INDEX `organizations_using_idx` USING BTREE ON `organizations` (`name`);");
    expectOurFormInstead(expected, "CREATE INDEX `organizations_hash_idx` ON `organizations` (`parent_id`);",
                         "CREATE INDEX `organizations_hash_idx` USING HASH ON `organizations` (`parent_id`) ALGORITHM=INPLACE LOCK=NONE;");
    expectOurFormInstead(expected, "CREATE INDEX `organizations_copy_idx` ON `organizations` (`modifier_id`);",
                         "CREATE INDEX `organizations_copy_idx` ON `organizations` (`modifier_id`) ALGORITHM=COPY LOCK=SHARED;");
    expectOurFormInstead(expected, "CREATE INDEX `organizations_default_idx` ON `organizations` (`name`,`modifier_id`);",
                         "CREATE INDEX `organizations_default_idx` ON `organizations` (`name`,`modifier_id`) ALGORITHM=DEFAULT LOCK=EXCLUSIVE;");
    expectStatements(kit::ddl::createStatements(f.model), expected);
}

TEST(DdlFixtures, JoinedStatementsReproduceTheMigrationFileByteForByte) {
    for (auto [dialect, name] : {std::pair{"pg", "basic"}, std::pair{"sqlite", "basic"}, std::pair{"sqlite", "full"}}) {
        SCOPED_TRACE(std::string(dialect) + "/" + name);
        auto f = loadFixture(dialect, name);
        EXPECT_EQ(kit::ddl::joinStatements(kit::ddl::createStatements(f.model), true), f.sql);
    }
}

// ---- joining and quoting ----

TEST(Ddl, JoinStatements_SeparatesWithBreakpointsOrNewlines) {
    const std::vector<std::string> statements = {"CREATE TABLE \"a\" (\n\t\"id\" integer\n);\n", "CREATE INDEX \"i\" ON \"a\" (\"id\");",
                                                 "CREATE INDEX \"j\" ON \"a\" (\"id\");"};
    EXPECT_EQ(kit::ddl::joinStatements(statements, true),
              "CREATE TABLE \"a\" (\n\t\"id\" integer\n);\n--> statement-breakpoint\n"
              "CREATE INDEX \"i\" ON \"a\" (\"id\");--> statement-breakpoint\nCREATE INDEX \"j\" ON \"a\" (\"id\");");
    EXPECT_EQ(kit::ddl::joinStatements(statements, false),
              "CREATE TABLE \"a\" (\n\t\"id\" integer\n);\n\nCREATE INDEX \"i\" ON \"a\" (\"id\");\nCREATE INDEX \"j\" ON \"a\" (\"id\");");
    EXPECT_EQ(kit::ddl::joinStatements({}, true), "");
}

TEST(Ddl, QuoteIdentifier_DoublesEmbeddedQuoteCharacters) {
    EXPECT_EQ(kit::ddl::quoteIdentifier(Dialect::postgresql, "users"), "\"users\"");
    EXPECT_EQ(kit::ddl::quoteIdentifier(Dialect::postgresql, "we\"ird`"), "\"we\"\"ird`\"");
    EXPECT_EQ(kit::ddl::quoteIdentifier(Dialect::mysql, "we`ird\""), "`we``ird\"`");
    EXPECT_EQ(kit::ddl::quoteIdentifier(Dialect::sqlite, "we`ird"), "`we``ird`");
}

TEST(Ddl, PgDdl_QuotesEveryNameWithEmbeddedQuotes) {
    Schema s{.dialect = Dialect::postgresql};
    s.tables.push_back({.name = "we\"ird",
                        .columns = {{.name = "i\"d", .type = "integer", .primaryKey = true, .notNull = true},
                                    {.name = "ref", .type = "integer"}},
                        .indexes = {{.name = "ix\"1", .columns = {{.expression = "ref"}}}},
                        .foreignKeys = {{.name = "fk\"1", .tableFrom = "we\"ird", .columnsFrom = {"ref"},
                                         .tableTo = "we\"ird", .columnsTo = {"i\"d"}, .onDelete = "cascade"}},
                        .uniqueConstraints = {{.name = "u\"1", .columns = {"ref"}}}});
    s.enums.push_back({.name = "mo\"od", .values = {"it's", "ok"}});
    expectStatements(kit::ddl::createStatements(s),
                     {"CREATE TYPE \"public\".\"mo\"\"od\" AS ENUM('it''s', 'ok');",
                      "CREATE TABLE \"we\"\"ird\" (\n\t\"i\"\"d\" integer PRIMARY KEY NOT NULL,\n\t\"ref\" integer,\n"
                      "\tCONSTRAINT \"u\"\"1\" UNIQUE(\"ref\")\n);\n",
                      "ALTER TABLE \"we\"\"ird\" ADD CONSTRAINT \"fk\"\"1\" FOREIGN KEY (\"ref\") REFERENCES "
                      "\"public\".\"we\"\"ird\"(\"i\"\"d\") ON DELETE cascade;",
                      "CREATE INDEX \"ix\"\"1\" ON \"we\"\"ird\" USING btree (\"ref\");"});
}

TEST(Ddl, MysqlAndSqliteDdl_QuoteNamesWithEmbeddedBackticks) {
    Table t{.name = "we`ird", .columns = {{.name = "c`ol", .type = "int"}},
            .indexes = {{.name = "i`x", .columns = {{.expression = "c`ol"}}}}};
    Schema my{.dialect = Dialect::mysql, .tables = {t}};
    expectStatements(kit::ddl::createStatements(my),
                     {"CREATE TABLE `we``ird` (\n\t`c``ol` int\n);\n", "CREATE INDEX `i``x` ON `we``ird` (`c``ol`);"});
    Schema lite{.dialect = Dialect::sqlite, .tables = {t}};
    lite.tables[0].checks.push_back({.name = "ch\"k", .value = "1 = 1"});
    expectStatements(kit::ddl::createStatements(lite),
                     {"CREATE TABLE `we``ird` (\n\t`c``ol` int,\n\tCONSTRAINT \"ch\"\"k\" CHECK(1 = 1)\n);\n",
                      "CREATE INDEX `i``x` ON `we``ird` (`c``ol`);"});
}

// ---- PostgreSQL beyond the fixtures ----

TEST(Ddl, PgDdl_QualifiesEverythingInANonPublicSchema) {
    Schema s{.dialect = Dialect::postgresql, .schemas = {"app"}};
    Column id{.name = "id", .type = "integer", .primaryKey = true, .notNull = true};
    id.identity = Identity{.type = "byDefault", .sequence = {.name = "jobs_id_seq", .schema = "app", .increment = "1",
                                                             .startWith = "1"}};
    s.tables.push_back({.name = "jobs",
                        .schema = "app",
                        .columns = {id, {.name = "state", .type = "state", .typeSchema = "app"}},
                        .indexes = {{.name = "jobs_state_idx", .columns = {{.expression = "state"}}}},
                        .foreignKeys = {{.name = "jobs_parent_fk", .tableFrom = "jobs", .columnsFrom = {"id"},
                                         .tableTo = "jobs", .schemaTo = "app", .columnsTo = {"id"}}},
                        .policies = {{.name = "own", .to = {"worker"}, .using_ = "true"}}});
    s.enums.push_back({.name = "state", .schema = "app", .values = {"new", "done"}});
    s.sequences.push_back({.name = "tickets", .schema = "app"});
    expectStatements(
        kit::ddl::createStatements(s),
        {"CREATE SCHEMA \"app\";\n", "CREATE TYPE \"app\".\"state\" AS ENUM('new', 'done');",
         "CREATE SEQUENCE \"app\".\"tickets\";",
         "CREATE TABLE \"app\".\"jobs\" (\n\t\"id\" integer PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY (sequence name "
         "\"app\".\"jobs_id_seq\" INCREMENT BY 1 START WITH 1),\n\t\"state\" \"app\".\"state\"\n);\n",
         "ALTER TABLE \"app\".\"jobs\" ENABLE ROW LEVEL SECURITY;",
         "ALTER TABLE \"app\".\"jobs\" ADD CONSTRAINT \"jobs_parent_fk\" FOREIGN KEY (\"id\") REFERENCES "
         "\"app\".\"jobs\"(\"id\");",
         "CREATE INDEX \"jobs_state_idx\" ON \"app\".\"jobs\" USING btree (\"state\");",
         "CREATE POLICY \"own\" ON \"app\".\"jobs\" AS PERMISSIVE FOR ALL TO \"worker\" USING (true);"});
}

TEST(Ddl, PgDdl_IndexWithEveryOption) {
    Schema s{.dialect = Dialect::postgresql};
    s.tables.push_back({.name = "docs", .columns = {{.name = "rank", .type = "integer"}, {.name = "body", .type = "text"}}});
    s.tables[0].indexes.push_back({.name = "docs_all_idx",
                                   .columns = {{.expression = "rank", .asc = false, .nulls = "first"},
                                               {.expression = "lower(\"body\")", .isExpression = true, .nulls = "last"},
                                               {.expression = "body", .nulls = "first", .opclass = "text_pattern_ops"},
                                               {.expression = "body", .asc = false, .nulls = "last",
                                                .opclass = "text_pattern_ops"}},
                                   .isUnique = true,
                                   .where = "\"docs\".\"rank\" > 0",
                                   .concurrently = true,
                                   .method = "btree",
                                   .with = {{"fillfactor", "90"}, {"deduplicate_items", "false"}}});
    // Drizzle Kit drops DESC and NULLS after an operator class; they are kept, in PostgreSQL's order.
    EXPECT_EQ(kit::ddl::createStatements(s).back(),
              "CREATE UNIQUE INDEX CONCURRENTLY \"docs_all_idx\" ON \"docs\" USING btree (\"rank\" DESC NULLS "
              "FIRST,lower(\"body\"),\"body\" text_pattern_ops NULLS FIRST,\"body\" text_pattern_ops DESC NULLS LAST) "
              "WITH (fillfactor=90,deduplicate_items=false) WHERE \"docs\".\"rank\" > 0;");
}

TEST(Ddl, PgDdl_EnumTypesAreQuotedAndQualifiedEvenWhenNamedLikeNativeTypes) {
    Schema s{.dialect = Dialect::postgresql};
    s.tables.push_back({.name = "t",
                        .columns = {{.name = "a", .type = "integer_level", .typeSchema = "audit"},
                                    {.name = "b", .type = "textKind[]", .typeSchema = "public"}}});
    EXPECT_EQ(kit::ddl::createStatements(s).front(),
              "CREATE TABLE \"t\" (\n\t\"a\" \"audit\".\"integer_level\",\n\t\"b\" \"textKind\"[]\n);\n");
}

TEST(Ddl, PgDdl_UserTypeModifiersStayOutsideTheQuotes) {
    Schema s{.dialect = Dialect::postgresql};
    s.tables.push_back({.name = "t",
                        .columns = {{.name = "g", .type = "geography(point, 4326)"},
                                    {.name = "c", .type = "citext[]"},
                                    {.name = "s", .type = "smallserial"}}});
    EXPECT_EQ(kit::ddl::createStatements(s).front(),
              "CREATE TABLE \"t\" (\n\t\"g\" \"geography\"(point, 4326),\n\t\"c\" \"citext\"[],\n\t\"s\" \"smallserial\"\n);\n");
}

TEST(Ddl, PgDdl_JsonDefaultsBecomeLiteralsOfTheColumnType) {
    auto json = [](std::string text) { return DefaultValue{.kind = DefaultValue::Kind::json, .text = std::move(text)}; };
    Schema s{.dialect = Dialect::postgresql};
    s.tables.push_back({.name = "t",
                        .columns = {{.name = "p", .type = "point", .defaultValue = json("{\"x\":1.5,\"y\":-2}")},
                                    {.name = "l", .type = "line", .defaultValue = json("{\"a\":1,\"b\":2,\"c\":3}")},
                                    {.name = "g", .type = "geometry(point)", .defaultValue = json("[1,2]")},
                                    {.name = "h", .type = "halfvec(2)", .defaultValue = json("[0.5,1]")},
                                    {.name = "m", .type = "integer[][]", .defaultValue = json("[[1,2],[3,4]]")}}});
    EXPECT_EQ(kit::ddl::createStatements(s).front(),
              "CREATE TABLE \"t\" (\n\t\"p\" \"point\" DEFAULT '(1.5,-2)',\n\t\"l\" \"line\" DEFAULT '{1,2,3}',\n"
              "\t\"g\" geometry(point) DEFAULT 'POINT(1 2)',\n\t\"h\" halfvec(2) DEFAULT '[0.5,1]',\n"
              "\t\"m\" integer[][] DEFAULT '{{1,2},{3,4}}'\n);\n");
}

TEST(Ddl, PgDdl_StandalonePolicyTargetIsQuotedAgain) {
    Schema s{.dialect = Dialect::postgresql};
    s.roles.push_back({.name = "auditor", .createDb = false, .createRole = true, .inherit = true});
    s.policies.push_back({.name = "p", .as = "restrictive", .for_ = "insert", .to = {"auditor", "session_user"},
                          .withCheck = "false", .on = "\"audit\".\"lo\"\"g\"", .schema = "audit"});
    expectStatements(kit::ddl::createStatements(s),
                     {"CREATE ROLE \"auditor\" WITH CREATEROLE;",
                      "CREATE POLICY \"p\" ON \"audit\".\"lo\"\"g\" AS RESTRICTIVE FOR INSERT TO \"auditor\", "
                      "session_user WITH CHECK (false);"});
}

TEST(Ddl, PgDdl_ViewsSkipExistingAndRejectUndefined) {
    Schema s{.dialect = Dialect::postgresql};
    s.views.push_back({.name = "legacy", .schema = "public", .isExisting = true});
    s.views.push_back({.name = "stats", .schema = "public", .definition = "select 1", .materialized = true,
                       .with = {{"fillfactor", "50"}, {"userCatalogTable", "true"}}, .withNoData = true,
                       .tablespace = "fast"});
    expectStatements(kit::ddl::createStatements(s),
                     {"CREATE MATERIALIZED VIEW \"public\".\"stats\" WITH (fillfactor = 50, user_catalog_table = true) "
                      "TABLESPACE \"fast\" AS (select 1) WITH NO DATA;"});
    s.views.push_back({.name = "broken", .schema = "public"});
    EXPECT_THROW(kit::ddl::createStatements(s), Error);
}

TEST(Ddl, Ddl_DropsAStatementIdenticalToAnEarlierOne) {
    Schema s{.dialect = Dialect::mysql};
    ForeignKey fk{.name = "fk", .tableFrom = "a", .columnsFrom = {"b"}, .tableTo = "a", .columnsTo = {"b"}};
    s.tables.push_back({.name = "a", .columns = {{.name = "b", .type = "int"}}, .foreignKeys = {fk, fk}});
    EXPECT_EQ(kit::ddl::createStatements(s).size(), 2u);
}

// ---- MySQL and SQLite beyond the fixtures ----

TEST(Ddl, MysqlDdl_LiteralDefaultsOnTextLikeTypesAreExpressions) {
    Schema s{.dialect = Dialect::mysql};
    s.tables.push_back({.name = "t",
                        .columns = {{.name = "a", .type = "longtext", .defaultValue = DefaultValue{.text = "'x'"}},
                                    {.name = "b", .type = "text", .defaultValue = DefaultValue{.text = "('y')"}},
                                    {.name = "c", .type = "varchar(5)", .defaultValue = DefaultValue{.text = "'z'"}}}});
    EXPECT_EQ(kit::ddl::createStatements(s).front(),
              "CREATE TABLE `t` (\n\t`a` longtext DEFAULT ('x'),\n\t`b` text DEFAULT ('y'),\n\t`c` varchar(5) DEFAULT 'z'\n);\n");
}

TEST(Ddl, SqliteDdl_ExpressionIndexColumnsComeFromInternalHints) {
    Schema s{.dialect = Dialect::sqlite};
    s.tables.push_back({.name = "t",
                        .columns = {{.name = "name", .type = "text"}},
                        .indexes = {{.name = "t_lower", .columns = {{.expression = "lower(\"name\")"}}}}});
    s.internal = {.present = true, .indexes = {{.index = "t_lower", .column = "lower(\"name\")"}}};
    EXPECT_EQ(kit::ddl::createStatements(s).back(), "CREATE INDEX `t_lower` ON `t` (lower(\"name\"));");
}

}  // namespace

// Every entry of each dialect's column-type table on a real server: a table with one column per
// sample is created by the kit's DDL and read back by introspection, which must give the type as
// the DSL spells it, except where a server stores another type (listed below with the reason).
#include <gtest/gtest.h>

#include <map>
#include <optional>
#include <string>

#include "drizzle/kit/ddl.hpp"
#include "drizzle/kit/introspect.hpp"
#include "support.hpp"
#include "type_samples.hpp"

namespace drizzle::detail {
namespace {

// What the server stores instead of the declared type.
std::optional<std::string> storedAs(Dialect d, const std::string& declared) {
    static const std::map<std::string, std::string> mysql = {
        // MariaDB keeps REAL as DOUBLE.
        {"real", "double"}, {"real unsigned", "double unsigned"},
        {"real(12, 3)", "double(12,3)"}, {"real(12, 3) unsigned", "double(12,3) unsigned"}};
    static const std::map<std::string, std::string> pg = {
        // PostgreSQL's char is char(1); Drizzle Kit writes it without the length.
        {"char", "char(1)"}, {"char[]", "char(1)[]"}, {"char[][]", "char(1)[][]"},
        // PostGIS gives a geography without an SRID its default, 4326.
        {"geography(point)", "geography(point,4326)"}};
    const auto& table = d == Dialect::mysql ? mysql : pg;
    if (d == Dialect::sqlite) return std::nullopt;
    auto it = table.find(declared);
    return it == table.end() ? std::nullopt : std::optional(it->second);
}

class ColumnTypesOnAServer : public ::testing::TestWithParam<Dialect> {};

TEST_P(ColumnTypesOnAServer, EveryTypeIsCreatedAndReadBackAsDeclared) {
    const Dialect dialect = GetParam();
    std::optional<driver::test::ScratchDatabase> scratch;
    auto db = driver::test::emptyDatabase(dialect, scratch);
    if (dialect == Dialect::postgresql) db->execute("create extension postgis");

    model::Schema schema;
    schema.dialect = dialect;
    std::map<std::string, std::string> expected;  // "table.column" -> type
    int n = 0;
    for (const auto& v : test::typeSamples(dialect)) {
        // pgvector is not packaged by Debian 12: vector's spelling is checked without a server.
        if (v.type->name == "vector") continue;
        model::Table t;
        t.name = "t" + std::to_string(n++);
        model::Column c;
        c.name = "c";
        c.type = spellType(dialect, v);
        c.notNull = v.type->implicitNotNull;
        t.columns.push_back(c);
        schema.tables.push_back(t);
        expected[t.name] = storedAs(dialect, c.type).value_or(c.type);
    }
    for (const auto& statement : kit::ddl::createStatements(schema)) db->execute(statement);

    const auto found = kit::introspect(*db, {}).schema;
    std::map<std::string, std::string> read;
    for (const auto& t : found.tables)
        if (expected.count(t.name)) read[t.name] = t.columns.at(0).type;
    for (const auto& [table, type] : expected) EXPECT_EQ(read[table], type) << table;
}

INSTANTIATE_TEST_SUITE_P(Dialects, ColumnTypesOnAServer,
                         ::testing::Values(Dialect::postgresql, Dialect::sqlite, Dialect::mysql),
                         [](const auto& info) { return std::string(dialectName(info.param)); });

}  // namespace
}  // namespace drizzle::detail

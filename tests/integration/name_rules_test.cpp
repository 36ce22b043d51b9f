// The name rules against the databases themselves: for each case, the declarations are created
// on a real PostgreSQL, MariaDB and SQLite, and checkDeclaredNames must refuse exactly what the
// database refuses. Cases where drizzle-kit is deliberately stricter are listed apart, with why.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "drizzle/driver/connection.hpp"
#include "schema/name_checks.hpp"
#include "support.hpp"

using drizzle::Dialect;
using drizzle::detail::DeclaredName;
using Kind = DeclaredName::Kind;
namespace test = drizzle::driver::test;

namespace {

struct Case {
    std::string what;
    std::vector<DeclaredName> names;
};

DeclaredName top(Kind k, std::string name, std::string schema = "") { return {k, std::move(name), std::move(schema), "", false, ""}; }
DeclaredName in(Kind k, std::string name, std::string table, std::string schema = "", bool derived = false) {
    return {k, std::move(name), std::move(schema), std::move(table), derived, ""};
}

std::string quoted(Dialect d, const std::string& s) {
    const char q = d == Dialect::mysql ? '`' : '"';
    std::string out(1, q);
    for (char c : s) out += c == q ? std::string(2, q) : std::string(1, c);
    return out + q;
}

// The statements that create the declared objects: schemas, then tables (those the others
// belong to included), then the rest, each on its own.
std::vector<std::string> ddl(Dialect d, const std::vector<DeclaredName>& names, const std::string& prefix) {
    auto schemaOf = [&](const DeclaredName& n) { return prefix + "_" + (n.schema.empty() ? "public" : n.schema); };
    auto name = [&](const DeclaredName& n, const std::string& object) {
        return d == Dialect::postgresql ? quoted(d, schemaOf(n)) + "." + quoted(d, object) : quoted(d, object);
    };
    std::vector<std::string> first, tables, rest;
    std::set<std::string> schemas, declaredTables;
    for (const auto& n : names)
        if (n.kind == Kind::table) declaredTables.insert(schemaOf(n) + "." + n.name);
    std::map<std::string, std::vector<std::string>> enumValues;
    for (const auto& n : names) {
        if (d == Dialect::postgresql && n.kind != Kind::schema && schemas.insert(schemaOf(n)).second)
            first.push_back("CREATE SCHEMA " + quoted(d, schemaOf(n)));
        if (!n.parent.empty() && n.kind != Kind::enumValue && declaredTables.insert(schemaOf(n) + "." + n.parent).second)
            tables.push_back("CREATE TABLE " + name(n, n.parent) + " (id int primary key, c int)");
        const std::string table = n.parent.empty() ? "" : name(n, n.parent);
        switch (n.kind) {
            case Kind::schema: first.push_back("CREATE SCHEMA " + quoted(d, n.name)); break;
            case Kind::table: tables.push_back("CREATE TABLE " + name(n, n.name) + " (id int primary key, c int)"); break;
            case Kind::view: rest.push_back("CREATE VIEW " + name(n, n.name) + " AS SELECT 1 AS one"); break;
            case Kind::materializedView: rest.push_back("CREATE MATERIALIZED VIEW " + name(n, n.name) + " AS SELECT 1 AS one"); break;
            case Kind::enum_: rest.push_back("CREATE TYPE " + name(n, n.name) + " AS ENUM ('a')"); break;
            case Kind::enumValue: enumValues[name(n, n.parent)].push_back("'" + n.name + "'"); break;
            case Kind::sequence: rest.push_back("CREATE SEQUENCE " + name(n, n.name)); break;
            case Kind::column: rest.push_back("ALTER TABLE " + table + " ADD COLUMN " + quoted(d, n.name) + " int"); break;
            case Kind::index: rest.push_back("CREATE INDEX " + quoted(d, n.name) + " ON " + table + " (c)"); break;
            case Kind::unique: rest.push_back("ALTER TABLE " + table + " ADD CONSTRAINT " + quoted(d, n.name) + " UNIQUE (c)"); break;
            case Kind::foreignKey:
                rest.push_back("ALTER TABLE " + table + " ADD CONSTRAINT " + quoted(d, n.name) + " FOREIGN KEY (c) REFERENCES " +
                               table + " (id)");
                break;
            case Kind::check: rest.push_back("ALTER TABLE " + table + " ADD CONSTRAINT " + quoted(d, n.name) + " CHECK (c > 0)"); break;
            default: ADD_FAILURE() << "no DDL for this kind in the test"; break;
        }
    }
    for (const auto& [type, values] : enumValues) {
        std::string list;
        for (const auto& v : values) list += (list.empty() ? "" : ", ") + v;
        rest.push_back("CREATE TYPE " + type + " AS ENUM (" + list + ")");
    }
    first.insert(first.end(), tables.begin(), tables.end());
    first.insert(first.end(), rest.begin(), rest.end());
    return first;
}

bool checkerRefuses(Dialect d, const Case& c) {
    try {
        drizzle::detail::checkDeclaredNames(d, c.names);
        return false;
    } catch (const drizzle::Error&) {
        return true;
    }
}

// Runs the case's DDL; returns the database's error, or "" when it took every statement.
std::string databaseRefusal(drizzle::driver::Connection& db, Dialect d, const Case& c, const std::string& prefix) {
    for (const auto& sql : ddl(d, c.names, prefix)) {
        try {
            db.execute(sql);
        } catch (const drizzle::Error& e) {
            return e.what();
        }
    }
    return "";
}

std::string longName(std::size_t n, char ch = 'a') { return std::string(n, ch); }
std::string e(int n) {
    std::string s;
    for (int i = 0; i < n; ++i) s += "\xC3\xA9";
    return s;
}

const std::vector<Case> kPgCases = {
    {"two tables of one name", {top(Kind::table, "users", "public"), top(Kind::table, "users", "public")}},
    {"tables of one name in two schemas", {top(Kind::table, "users", "public"), top(Kind::table, "users", "auth")}},
    {"a table and a view", {top(Kind::table, "t", "public"), top(Kind::view, "t", "public")}},
    {"a table and a materialized view", {top(Kind::table, "t", "public"), top(Kind::materializedView, "t", "public")}},
    {"a sequence and an index", {top(Kind::sequence, "s", "public"), in(Kind::index, "s", "users", "public")}},
    {"an enum and a table", {top(Kind::table, "mood", "public"), top(Kind::enum_, "mood", "public")}},
    {"an enum and a sequence", {top(Kind::sequence, "mood", "public"), top(Kind::enum_, "mood", "public")}},
    {"one index name on two tables", {in(Kind::index, "by_c", "a", "public"), in(Kind::index, "by_c", "b", "public")}},
    {"an index and a unique constraint", {in(Kind::index, "k", "a", "public"), in(Kind::unique, "k", "b", "public")}},
    {"a check and a foreign key of one table", {in(Kind::check, "x", "t", "public"), in(Kind::foreignKey, "x", "t", "public")}},
    {"one check name on two tables", {in(Kind::check, "x", "t", "public"), in(Kind::check, "x", "u", "public")}},
    {"a check named like an index of its table", {in(Kind::check, "x", "t", "public"), in(Kind::index, "x", "t", "public")}},
    {"columns that differ in case", {in(Kind::column, "a", "t", "public"), in(Kind::column, "A", "t", "public")}},
    {"a long derived foreign key name", {in(Kind::foreignKey, longName(80), "t", "public", true)}},
    {"derived names equal in their first 63 bytes",
     {in(Kind::index, longName(63, 'x') + "_a_index", "t", "public", true),
      in(Kind::index, longName(63, 'x') + "_b_index", "t", "public", true)}},
    {"an enum value of 64 bytes", {in(Kind::enumValue, e(32), "mood", "public")}},
    {"an enum value of 63 bytes", {in(Kind::enumValue, longName(63), "mood", "public")}},
    {"one enum value twice", {in(Kind::enumValue, "sad", "mood", "public"), in(Kind::enumValue, "sad", "mood", "public")}},
    {"a schema named pg_", {top(Kind::schema, "pg_app")}},
};

const std::vector<Case> kMysqlCases = {
    {"a table and a view", {top(Kind::table, "t"), top(Kind::view, "t")}},
    {"tables that differ in case", {top(Kind::table, "T"), top(Kind::table, "t")}},
    {"one index name on two tables", {in(Kind::index, "by_c", "a"), in(Kind::index, "by_c", "b")}},
    {"an index and a unique of one table, differing in case", {in(Kind::index, "ix", "t"), in(Kind::unique, "IX", "t")}},
    {"an index named PRIMARY", {in(Kind::index, "Primary", "t")}},
    {"one foreign key name on two tables", {in(Kind::foreignKey, "fk", "a"), in(Kind::foreignKey, "FK", "b")}},
    {"a unique and a check of one table", {in(Kind::unique, "c", "t"), in(Kind::check, "c", "t")}},
    {"a check and a foreign key of one table", {in(Kind::check, "c", "t"), in(Kind::foreignKey, "c", "t")}},
    {"a unique and a foreign key of one table", {in(Kind::unique, "c", "t"), in(Kind::foreignKey, "c", "t")}},
    {"columns that differ in case", {in(Kind::column, "a", "t"), in(Kind::column, "A", "t")}},
    {"a table name of 65 characters", {top(Kind::table, longName(65))}},
    {"a table name of 64 two-byte characters", {top(Kind::table, e(64))}},
    {"a derived foreign key name of 70 characters", {in(Kind::foreignKey, longName(70), "t", "", true)}},
};

const std::vector<Case> kSqliteCases = {
    {"a table and a view", {top(Kind::table, "users"), top(Kind::view, "users")}},
    {"tables that differ in case", {top(Kind::table, "Users"), top(Kind::table, "users")}},
    {"a table and an index", {top(Kind::table, "t"), in(Kind::index, "T", "u")}},
    {"one index name on two tables", {in(Kind::index, "by_c", "a"), in(Kind::index, "by_c", "b")}},
    {"columns that differ in case", {in(Kind::column, "a", "t"), in(Kind::column, "A", "t")}},
    {"an index named sqlite_", {in(Kind::index, "sqlite_by_c", "t")}},
    {"a table name of 200 characters", {top(Kind::table, longName(200))}},
};

void expectAgreement(Dialect d, const Case& c, const std::string& refusal) {
    EXPECT_EQ(checkerRefuses(d, c), !refusal.empty())
        << c.what << ": the database " << (refusal.empty() ? "accepts it" : "refuses it: " + refusal);
}

}  // namespace

TEST(NameRules, Pg_RefuseWhatPostgresqlRefuses) {
    test::ScratchDatabase scratch(Dialect::postgresql);
    auto db = scratch.connect();
    for (std::size_t i = 0; i < kPgCases.size(); ++i)
        expectAgreement(Dialect::postgresql, kPgCases[i], databaseRefusal(*db, Dialect::postgresql, kPgCases[i], "c" + std::to_string(i)));
}

TEST(NameRules, Mysql_RefuseWhatMariadbRefuses) {
    for (const auto& c : kMysqlCases) {
        test::ScratchDatabase scratch(Dialect::mysql);
        auto db = scratch.connect();
        expectAgreement(Dialect::mysql, c, databaseRefusal(*db, Dialect::mysql, c, ""));
    }
}

TEST(NameRules, Sqlite_RefuseWhatSqliteRefuses) {
    for (const auto& c : kSqliteCases) {
        auto db = drizzle::driver::connect(Dialect::sqlite, test::urlCredentials(":memory:"));
        expectAgreement(Dialect::sqlite, c, databaseRefusal(*db, Dialect::sqlite, c, ""));
    }
}

// Where drizzle-kit refuses what the database would take, on purpose.
TEST(NameRules, StricterThanTheDatabaseWhereItWouldSilentlyDiffer) {
    // PostgreSQL truncates a long name the user wrote: the database would then hold another
    // name than the schema and every snapshot.
    {
        test::ScratchDatabase scratch(Dialect::postgresql);
        auto db = scratch.connect();
        const Case c{"a table name of 64 bytes", {top(Kind::table, longName(64), "public")}};
        EXPECT_EQ(databaseRefusal(*db, Dialect::postgresql, c, "c"), "");
        EXPECT_TRUE(checkerRefuses(Dialect::postgresql, c));
    }
    // MariaDB keeps check names per table, MySQL 8 per database: the schema must work on both.
    {
        test::ScratchDatabase scratch(Dialect::mysql);
        auto db = scratch.connect();
        const Case c{"one check name on two tables", {in(Kind::check, "positive", "a"), in(Kind::check, "positive", "b")}};
        EXPECT_EQ(databaseRefusal(*db, Dialect::mysql, c, ""), "");
        EXPECT_TRUE(checkerRefuses(Dialect::mysql, c));
    }
}

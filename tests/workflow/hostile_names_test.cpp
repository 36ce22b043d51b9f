// `drizzle-kit pull` on databases whose names and texts were chosen by an attacker: newlines,
// "*/", quotes, backslashes (a comment ending in one continues on the next line), "??/",
// raw-string terminators, control bytes, terminal escapes, non-UTF-8 bytes where the database
// takes them, and objects the model cannot hold (functions, domains, triggers, procedures,
// events) named like C++ that would run when the header is compiled. After the pull:
//   * `generate` compiles the header and finds no changes: it declares exactly the database,
//     every text byte for byte;
//   * the code in those names never ran (no marker file), and they are in the header escaped;
//   * the warnings on the terminal carry no control bytes.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "codegen/naming.hpp"
#include "drizzle/kit/codegen.hpp"
#include "scratch_project.hpp"

namespace fs = std::filesystem;
using drizzle::Dialect;
using drizzle::codegen::literal;
using drizzle::kit::printable;
using namespace drizzle::workflow;

namespace {

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

// Control bytes other than the line feeds that end lines.
bool hasControlBytes(const std::string& text) {
    for (unsigned char c : text)
        if ((c < 0x20 && c != '\n') || c == 0x7f) return true;
    return false;
}

class HostileNames : public ScratchProject {
protected:
    HostileNames() : ScratchProject("drizzle_hostile_", "drizzle/schema.hpp") {}

    void SetUp() override {
        static int counter = 0;
        marker_ = "/tmp/dz" + std::to_string(getpid() % 100000) + std::to_string(counter++);
        fs::remove(marker_);
    }
    void TearDown() override {
        fs::remove(marker_);
        ScratchProject::TearDown();
    }

    // A name that is C++ creating the marker file, should it ever leave its comment: short
    // enough for PostgreSQL's 63-byte and MySQL's 64-character names.
    std::string payload(const std::string& variable) const {
        return "\n#include<cstdlib>\nint " + variable + "=system(\"touch " + marker_ + "\");//";
    }

    void sql(const std::vector<std::string>& statements) const {
        auto conn = db();
        for (const auto& s : statements) conn->execute(s);
    }

    // Pull, then generate: nothing to do, nothing ran; `names` are in schema.hpp as literals,
    // `hidden` (objects the model cannot hold) as escaped comments and escaped warnings.
    void pullThenGenerateFindsNothing(const std::vector<std::string>& names, const std::vector<std::string>& hidden) {
        const auto pulled = kit({"pull"});
        ASSERT_EQ(pulled.exitCode, 0) << pulled.out << pulled.err;
        const std::string schema = read("drizzle/schema.hpp");
        std::cout << "---- warnings\n" << pulled.err << "---- schema.hpp\n" << schema << "----\n";
        EXPECT_FALSE(hasControlBytes(pulled.out + pulled.err)) << "the terminal got raw control bytes";
        const auto generated = kit({"generate"});
        EXPECT_EQ(generated.exitCode, 0) << generated.out << generated.err;
        EXPECT_TRUE(contains(generated.out, "No schema changes")) << generated.out << generated.err << "\n" << lastMigration();
        EXPECT_FALSE(fs::exists(marker_)) << "code from a database name ran";
        for (const auto& name : names)
            EXPECT_TRUE(contains(schema, literal(name))) << "not declared as " << literal(name);
        for (const auto& name : hidden) {
            EXPECT_TRUE(contains(schema, printable(name))) << "not listed as " << printable(name);
            EXPECT_TRUE(contains(pulled.err, printable(name))) << "no warning for " << printable(name);
        }
        EXPECT_FALSE(contains(schema, "\n#include<cstdlib>")) << "a name left its comment";
    }

    std::string lastMigration() const {
        const auto files = migrationFiles();
        return files.empty() ? "" : read("drizzle/" + files.back());
    }

    std::string marker_;
};

// ---------------------------------------------------------------- PostgreSQL

// Quoted as a PostgreSQL identifier.
std::string pgName(const std::string& name) {
    std::string out = "\"";
    for (char c : name) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

TEST_F(HostileNames, Pg_PulledHeaderDeclaresExactlyTheDatabaseAndRunsNothing) {
    ASSERT_NO_FATAL_FAILURE(start(Dialect::postgresql));
    const std::string table = "t\n*/\"x\\", mood = "m\n*/?\?/", view = "v\")\"\n", check = "chk\n)drizzle\"";
    const std::string index = "ix\r\n?\?/", domain = payload("p2"), function = payload("p1"), trigger = payload("p3");
    const std::string escape = "f\x1b]0;title\x07\x1b[2J", backslash = "ends in a backslash\\";
    sql({
        "CREATE TYPE " + pgName(mood) + " AS ENUM ('a\"b', E'c\\\\\\nd', ')sql\"', E'\\x01', 'caf\xc3\xa9 \xe2\x82\xac')",
        "CREATE DOMAIN " + pgName(domain) + " AS integer",
        "CREATE TABLE " + pgName(table) + " (" + pgName("id\r\n") + " serial PRIMARY KEY, " +
            pgName("a)\"b") + " text DEFAULT E'a\\\\nb\\r\\n)sql\"', " +
            pgName("c?\?/") + " text DEFAULT 'it''s */ \\', " +
            pgName("d\\") + " text DEFAULT E'\\x01\\x1b[31m\\x7f', " +
            "n numeric DEFAULT 1.5e10, f double precision DEFAULT 1.5e10, " +
            pgName("m") + " " + pgName(mood) + " DEFAULT 'a\"b', " +
            pgName("u\xc3\xa9") + " text DEFAULT 'caf\xc3\xa9 \xe2\x80\xae \xf0\x9f\x98\x80', " +
            "dom " + pgName(domain) + ", " +
            "g text GENERATED ALWAYS AS (" + pgName("c?\?/") + " || E'\\r\\n)\"') STORED, " +
            "CONSTRAINT " + pgName(check) + " CHECK (" + pgName("a)\"b") + " <> E')\"\\n)sql\"\\n)sql_\"\\n)drizzle\"\\r\\n'))",
        "CREATE INDEX " + pgName(index) + " ON " + pgName(table) + " ((" + pgName("c?\?/") + " || E'\\\\')) WHERE " +
            pgName("a)\"b") + " <> E')\"\\r\\n'",
        "CREATE SEQUENCE " + pgName("seq\n*/\\") + " INCREMENT 3",
        "CREATE VIEW " + pgName(view) + " AS SELECT E'a\\r\\nb' AS " + pgName("x)\"y") + ", 'it''s'::text AS s",
        "CREATE FUNCTION " + pgName(function) + "() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$",
        "CREATE FUNCTION " + pgName(escape) + "() RETURNS integer LANGUAGE sql AS 'SELECT 1'",
        "CREATE FUNCTION " + pgName(backslash) + "() RETURNS integer LANGUAGE sql AS 'SELECT 2'",
        "CREATE TRIGGER " + pgName(trigger) + " BEFORE INSERT ON " + pgName(table) + " FOR EACH ROW EXECUTE FUNCTION " +
            pgName(function) + "()",
        "COMMENT ON TABLE " + pgName(table) + " IS E'*/\\n#error comment\\\\'",
    });
    pullThenGenerateFindsNothing({table, mood, view, check, index, "a)\"b", "id\r\n", "u\xc3\xa9"},
                                 {"domain public." + domain, "function public." + function, "function public." + escape,
                                  "function public." + backslash, "trigger public." + table + "." + trigger});
}

// SQL_ASCII stores names as given, UTF-8 or not. The server will not send a UTF-8 client (the
// kit's connections are UTF-8) bytes that are not UTF-8: pull stops there, says so as a schema
// error (as for SQLite's non-UTF-8 names) and writes nothing.
TEST_F(HostileNames, Pg_NonUtf8NamesInASqlAsciiDatabaseNeverReachTheHeader) {
    ASSERT_NO_FATAL_FAILURE(start(Dialect::postgresql));
    connectTo(Dialect::postgresql, serverUrl_)->execute("DROP DATABASE \"" + name_ + "\"");
    connectTo(Dialect::postgresql, serverUrl_)
        ->execute("CREATE DATABASE \"" + name_ + "\" ENCODING 'SQL_ASCII' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0");
    sql({
        "SET client_encoding TO 'SQL_ASCII'",  // these bytes as they are, unchecked
        "CREATE TABLE plain (id integer PRIMARY KEY)",
        "CREATE FUNCTION " + pgName("f\xff\xfe\xc3" + payload("q1")) + "() RETURNS integer LANGUAGE sql AS 'SELECT 1'",
    });
    const auto pulled = kit({"pull"});
    EXPECT_EQ(pulled.exitCode, 4) << pulled.out << pulled.err;
    EXPECT_TRUE(contains(pulled.err, "not valid UTF-8")) << pulled.err;
    EXPECT_TRUE(contains(pulled.err, "invalid byte sequence for encoding \"UTF8\"")) << pulled.err;
    EXPECT_FALSE(fs::exists(dir_ / "drizzle" / "schema.hpp"));
    EXPECT_FALSE(fs::exists(marker_));
}

// The baseline's SQL is commented out line by line, and PostgreSQL also ends a -- comment at a
// carriage return: a name holding one must not turn the rest of its line into SQL when the
// baseline is run as it is (by psql, or Drizzle's own migrator, which send comments along).
TEST_F(HostileNames, Pg_BaselineRunAsItIsRunsNoSqlFromNames) {
    ASSERT_NO_FATAL_FAILURE(start(Dialect::postgresql));
    sql({"CREATE TABLE victim (id integer)", "CREATE TABLE " + pgName("x\rDROP TABLE victim; --") + " (id integer)"});
    const auto pulled = kit({"pull"});
    ASSERT_EQ(pulled.exitCode, 0) << pulled.out << pulled.err;
    const auto files = migrationFiles();
    ASSERT_EQ(files.size(), 1u);
    const std::string baseline = read("drizzle/" + files[0]);
    auto conn = db();
    for (const auto& statement : statements(baseline)) conn->execute(statement + "\nSELECT 1");
    EXPECT_EQ(conn->query("SELECT count(*) FROM pg_tables WHERE tablename = 'victim'").integer(0, 0), 1)
        << "the baseline dropped a table:\n" << baseline;
}

// ---------------------------------------------------------------- SQLite

TEST_F(HostileNames, Sqlite_PulledHeaderDeclaresExactlyTheDatabaseAndRunsNothing) {
    ASSERT_NO_FATAL_FAILURE(start(Dialect::sqlite));
    const std::string table = "t\n*/\"x\\", view = "v\")\"\n", check = "chk\n)drizzle\"", index = "ix\r\n?\?/";
    const std::string trigger = payload("p1"), escape = "trg\x1b]0;title\x07\xff\xfe\\";
    sql({
        "CREATE TABLE " + pgName(table) + " (" + pgName("id\r\n") + " integer PRIMARY KEY, " +
            pgName("a)\"b") + " text DEFAULT 'a\\nb\r\n)sql\"', " +
            pgName("c?\?/") + " text DEFAULT 'it''s */ \\', " +
            pgName("d\\") + " text DEFAULT '\x01\x1b[31m\x7f', " +
            "n numeric DEFAULT 1.5e10, f real DEFAULT 1.5e10, " +
            pgName("u\xc3\xa9") + " text DEFAULT 'caf\xc3\xa9 \xe2\x80\xae \xf0\x9f\x98\x80', " +
            "CONSTRAINT " + pgName(check) + " CHECK (" + pgName("a)\"b") + " <> ')\"\n)sql\"\n)sql_\"\n)drizzle\"\r\n'))",
        "CREATE INDEX " + pgName(index) + " ON " + pgName(table) + " ((" + pgName("c?\?/") + " || '\\'))",
        "CREATE VIEW " + pgName(view) + " AS SELECT 'a\r\nb' AS " + pgName("x)\"y") + ", 'it''s' AS s",
        "CREATE TRIGGER " + pgName(trigger) + " AFTER INSERT ON " + pgName(table) + " BEGIN SELECT 1; END",
        "CREATE TRIGGER " + pgName(escape) + " AFTER UPDATE ON " + pgName(table) + " BEGIN SELECT 2; END",
    });
    pullThenGenerateFindsNothing({table, view, check, index, "a)\"b", "id\r\n", "u\xc3\xa9"},
                                 {"trigger " + trigger, "trigger " + escape});
}

// SQLite takes names of any bytes, but a snapshot is JSON, which holds UTF-8 only: pull refuses
// before writing anything, naming the table (escaped).
TEST_F(HostileNames, Sqlite_NonUtf8TableNameIsRefusedByName) {
    ASSERT_NO_FATAL_FAILURE(start(Dialect::sqlite));
    sql({"CREATE TABLE " + pgName("t\xff\x1b[2J") + " (id integer)"});
    const auto pulled = kit({"pull"});
    EXPECT_EQ(pulled.exitCode, 4) << pulled.out << pulled.err;
    EXPECT_TRUE(contains(pulled.err, "table t\\xff\\x1b[2J is not valid UTF-8")) << pulled.err;
    EXPECT_FALSE(hasControlBytes(pulled.err)) << "the terminal got raw control bytes";
    EXPECT_FALSE(fs::exists(dir_ / "drizzle" / "schema.hpp"));
}

// ---------------------------------------------------------------- MySQL / MariaDB

std::string myName(const std::string& name) {
    std::string out = "`";
    for (char c : name) out += c == '`' ? std::string("``") : std::string(1, c);
    return out + "`";
}

TEST_F(HostileNames, Mysql_PulledHeaderDeclaresExactlyTheDatabaseAndRunsNothing) {
    ASSERT_NO_FATAL_FAILURE(start(Dialect::mysql));
    const std::string table = "t\n*/\"x\\", view = "v\")\"\nw", check = "chk\n)drizzle\"", index = "ix\r\n?\?/";
    const std::string procedure = payload("p1"), trigger = payload("p2"), event = payload("p3");
    const std::string escape = "f\x1b]0;title\x07\x1b[2J\\";
    sql({
        "CREATE TABLE " + myName(table) + " (id int AUTO_INCREMENT PRIMARY KEY, " +
            myName("a)\"b") + " varchar(60) DEFAULT 'a\\\\nb\\r\\n)sql\"', " +
            myName("c?\?/") + " varchar(60) DEFAULT 'it''s */ \\\\', " +
            myName("d\\") + " varchar(60) DEFAULT '\x01\x1b[31m\x7f', " +
            "n decimal(20,2) DEFAULT 1.5e10, f double DEFAULT 1.5e10, " +
            myName("u\xc3\xa9") + " varchar(60) DEFAULT 'caf\xc3\xa9 \xe2\x80\xae \xf0\x9f\x98\x80', " +
            "e enum('a\"b', 'c\\\\d', ')sql\"', 'it''s') DEFAULT ')sql\"', " +
            "g varchar(90) AS (concat(" + myName("c?\?/") + ", ')\"\\r\\n\\\\')) VIRTUAL, " +
            "CONSTRAINT " + myName(check) + " CHECK (" + myName("a)\"b") + " <> ')\"\\n)sql\"\\n)sql_\"\\n)drizzle\"\\r\\n'))",
        "CREATE INDEX " + myName(index) + " ON " + myName(table) + " (" + myName("c?\?/") + ")",
        "CREATE VIEW " + myName(view) + " AS SELECT 'a\\r\\nb' AS " + myName("x)\"y") + ", 'it''s' AS s",
        "CREATE PROCEDURE " + myName(procedure) + "() BEGIN END",
        "CREATE FUNCTION " + myName(escape) + "() RETURNS int DETERMINISTIC RETURN 1",
        "CREATE TRIGGER " + myName(trigger) + " BEFORE INSERT ON " + myName(table) + " FOR EACH ROW SET NEW.f = NEW.f",
        "CREATE EVENT " + myName(event) + " ON SCHEDULE EVERY 1 DAY DO SELECT 1",
    });
    pullThenGenerateFindsNothing({table, view, check, index, "a)\"b", "u\xc3\xa9"},
                                 {"procedure " + procedure, "function " + escape, "trigger " + trigger, "event " + event});
}

}  // namespace

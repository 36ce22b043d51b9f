// Generated schema code declares exactly the model it was made from: model -> schema.hpp +
// relations.hpp -> compiled by the kit's exporter -> model, compared with model::equivalent.
// Inputs: drizzle-kit's own snapshots (every feature its fixtures use) and seeded random schemas.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>

#include "diff_property/generator.hpp"
#include "drizzle/kit/ddl.hpp"
#include "drizzle/driver/connection.hpp"
#include "drizzle/error.hpp"
#include "drizzle/kit/introspect.hpp"
#include "introspect/dialects.hpp"
#include "drizzle/kit/codegen.hpp"
#include "drizzle/kit/schema_loader.hpp"
#include "drizzle/kit/snapshot.hpp"

namespace fs = std::filesystem;
using drizzle::model::Schema;

namespace {

fs::path freshDir(const std::string& name) {
    const fs::path dir = fs::temp_directory_path() / ("drizzle-codegen-" + name + "-" + std::to_string(std::random_device{}()));
    fs::create_directories(dir);
    return dir;
}

void writeFile(const fs::path& p, const std::string& text) {
    std::ofstream(p, std::ios::binary) << text;
}

// Generates, compiles, reads back; returns the model the generated code declares.
Schema roundTrip(const Schema& model, const std::string& name, drizzle::kit::GeneratedCode* codeOut = nullptr,
                 const drizzle::kit::CodegenOptions& options = {}) {
    const fs::path dir = freshDir(name);
    drizzle::kit::GeneratedCode code = drizzle::kit::generateCode(model, options);
    writeFile(dir / "schema.hpp", code.schema);
    writeFile(dir / "relations.hpp", code.relations);
    drizzle::kit::Config config;
    config.root = dir;
    config.dialect = model.dialect;
    config.schema = {"schema.hpp", "relations.hpp"};
    Schema back;
    try {
        back = drizzle::kit::loadSchema(config);
    } catch (const drizzle::Error& e) {
        ADD_FAILURE() << name << ": the generated code does not compile: " << e.what() << "\n(kept in " << dir << ")";
        return back;
    }
    if (codeOut) *codeOut = code;
    if (drizzle::model::equivalent(model, back)) fs::remove_all(dir);
    return back;
}

// Names the table and part where two models differ in a field snapshots do not record.
std::string hiddenDifference(const Schema& a, const Schema& b) {
    for (const auto& ta : a.tables) {
        const auto* tb = b.table(ta.schema, ta.name);
        if (!tb || *tb == ta) continue;
        for (std::size_t i = 0; i < ta.columns.size() && i < tb->columns.size(); ++i)
            if (!(ta.columns[i] == tb->columns[i])) return ta.name + "." + ta.columns[i].name;
        for (const auto& ia : ta.indexes)
            for (const auto& ib : tb->indexes)
                if (ia.name == ib.name && !(ia == ib)) return ta.name + " index " + ia.name;
        return ta.name;
    }
    return "";
}

void expectRoundTrip(const Schema& model, const std::string& name) {
    const Schema back = roundTrip(model, name);
    EXPECT_TRUE(drizzle::model::equivalent(model, back))
        << name << ": " << drizzle::kit::snapshot::firstDifference(model, back) << " " << hiddenDifference(model, back);
}

// Spellings that mean the same schema but that a declaration always writes one way: the model
// as the DSL (and introspection) would hold it. Snapshot and generator inputs may omit these.
Schema dslNormal(Schema s) {
    for (auto& t : s.tables) {
        for (auto& c : t.columns) {
            if (s.dialect != drizzle::Dialect::postgresql && !c.autoincrement) c.autoincrement = false;
            if (s.dialect == drizzle::Dialect::mysql && c.primaryKey) {
                c.primaryKey = false;
                t.compositePrimaryKeys.push_back({t.name + "_" + c.name, {c.name}});
            }
        }
        for (auto& fk : t.foreignKeys) {
            if (fk.schemaTo == std::optional<std::string>("public")) fk.schemaTo.reset();
            if (!fk.onDelete) fk.onDelete = "no action";
            if (!fk.onUpdate) fk.onUpdate = "no action";
        }
        if (s.dialect != drizzle::Dialect::postgresql)  // not recorded outside PostgreSQL
            for (auto& idx : t.indexes) {
                idx.method = "btree";
                for (auto& ic : idx.columns) ic = {ic.expression, ic.isExpression, true, std::nullopt, std::nullopt};
            }
        if (s.dialect == drizzle::Dialect::postgresql)
            for (auto& idx : t.indexes)
                for (auto& ic : idx.columns)
                    if (!ic.nulls) ic.nulls = "last";  // drizzle-orm's default for every index column
    }
    return s;
}

Schema fixtureSnapshot(const std::string& dialect, const std::string& which) {
    const fs::path meta = fs::path(DRIZZLE_FIXTURES_DIR) / "drizzle-kit" / dialect / which / "out" / "meta";
    Schema s = drizzle::kit::snapshot::readFile(meta / "0000_snapshot.json");
    // PostgreSQL point/line/vector defaults as JSON arrays: the DSL has no way to declare them
    // (tests/schema_twins lists this), and introspection never reports them that way.
    for (auto& t : s.tables)
        for (auto& c : t.columns)
            if (c.defaultValue && c.defaultValue->kind == drizzle::model::DefaultValue::Kind::json) c.defaultValue.reset();
    return dslNormal(s);
}

}  // namespace

TEST(Codegen, PgDrizzleKitFixturesRoundTrip) {
    expectRoundTrip(fixtureSnapshot("pg", "basic"), "pg-basic");
    expectRoundTrip(fixtureSnapshot("pg", "full"), "pg-full");
}

TEST(Codegen, SqliteDrizzleKitFixturesRoundTrip) {
    expectRoundTrip(fixtureSnapshot("sqlite", "basic"), "sqlite-basic");
    expectRoundTrip(fixtureSnapshot("sqlite", "full"), "sqlite-full");
}

TEST(Codegen, MysqlDrizzleKitFixturesRoundTrip) {
    expectRoundTrip(fixtureSnapshot("mysql", "basic"), "mysql-basic");
    expectRoundTrip(fixtureSnapshot("mysql", "full"), "mysql-full");
}

TEST(Codegen, RandomSchemasRoundTrip) {
    for (drizzle::Dialect d : {drizzle::Dialect::postgresql, drizzle::Dialect::sqlite, drizzle::Dialect::mysql}) {
        for (int seed = 1; seed <= 4; ++seed) {
            drizzle::diff_property::Rng rng(static_cast<std::uint64_t>(seed) * 7919);
            const Schema a = dslNormal(drizzle::diff_property::randomSchema(d, rng));
            expectRoundTrip(a, std::string(drizzle::dialectName(d)) + "-random-" + std::to_string(seed));
        }
    }
}

// What pull really feeds the generator: a database's catalog read back. Seeded random SQLite
// schemas are built in a file database, introspected, generated, compiled and compared.
TEST(Codegen, IntrospectedSqliteSchemasRoundTrip) {
    for (int seed = 1; seed <= 6; ++seed) {
        drizzle::diff_property::Rng rng(static_cast<std::uint64_t>(seed) * 104729);
        const Schema a = drizzle::diff_property::randomSchema(drizzle::Dialect::sqlite, rng);
        const fs::path dir = freshDir("sqlite-db");
        drizzle::Credentials file;
        file.url = (dir / "x.db").string();
        auto db = drizzle::driver::connect(drizzle::Dialect::sqlite, file);
        for (const auto& statement : drizzle::kit::ddl::createStatements(a)) db->execute(statement);
        const Schema found = drizzle::kit::introspectSqlite(*db, {}).schema;
        expectRoundTrip(found, "sqlite-introspected-" + std::to_string(seed));
        fs::remove_all(dir);
    }
}

// Every text a database controls, made hostile: names and SQL texts holding newlines, "*/",
// quotes, backslashes, "??/", all four raw-string terminators, control bytes, and unsupported
// objects whose names are C++ or not UTF-8 (which snapshots, being JSON, cannot hold). The code compiles, declares the same model, and
// no comment or literal ends early (a name's code would be a compile error or a symbol).
TEST(Codegen, HostileNamesAndTextsRoundTrip) {
    const std::string name = "\n*/\"\\?\?/";  // short: names have length limits
    const std::string text = " /* \n*/ \"q\" \\ ?\?/ )\" )sql\" )sql_\" )drizzle\" \r\n \x01\x1b[2J\x7f \xe2\x80\xae caf\xc3\xa9 \\";
    for (const char* dialect : {"pg", "sqlite", "mysql"}) {
        Schema s = fixtureSnapshot(dialect, "full");
        for (auto& t : s.tables) {
            for (auto& c : t.checks) {
                c.name += name;
                c.value += " OR '" + text + "' = ''";
            }
            for (auto& i : t.indexes) {
                i.name += name;
                if (i.where) *i.where += " AND '" + text + "' = ''";
                for (auto& ic : i.columns)
                    if (ic.isExpression)  // MySQL's are parenthesised
                        ic.expression = std::string(dialect) == "mysql" ? "(" + ic.expression + " || '" + text + "')"
                                                                       : ic.expression + " || '" + text + "'";
            }
            for (auto& c : t.columns)
                if (c.defaultValue && c.defaultValue->kind == drizzle::model::DefaultValue::Kind::sql)
                    c.defaultValue->text += " || '" + text + "'";
        }
        for (auto& v : s.views)
            if (v.definition) *v.definition += " -- " + text;
        for (auto& e : s.enums)
            for (auto& value : e.values) value += name + ")\" )sql\" )sql_\" )drizzle\" \r\x01";  // within 63 bytes
        drizzle::kit::CodegenOptions options;
        options.unsupported = {"function public.\n#include <cstdlib>\nint pwned = std::system(\"false\");//",
                               "trigger ends in a backslash\\", "trigger ends in a trigraph ?\?/", "type " + text + "\xff\xc3"};
        drizzle::kit::GeneratedCode code;
        const Schema back = roundTrip(s, std::string(dialect) + "-hostile", &code, options);
        EXPECT_TRUE(drizzle::model::equivalent(s, back))
            << dialect << ": " << drizzle::kit::snapshot::firstDifference(s, back) << " " << hiddenDifference(s, back);
        EXPECT_EQ(code.schema.find("\nint pwned"), std::string::npos) << code.schema;
    }
}

// Schema twins: each drizzle-kit fixture schema (tests/fixtures/drizzle-kit/<dialect>/<case>/
// schema.ts) has a C++ twin (tests/fixtures/cpp/<dialect>/<case>.hpp) declaring the same schema
// with the DSL. Loaded the way the CLI loads a project's schema (a compiled exporter), a twin must
//   (a) give a model equivalent to the one drizzle-kit wrote for the TypeScript, and
//   (b) give a snapshot that the real drizzle-kit accepts as that schema: `generate` against the
//       case's schema.ts reports no changes (tests/compat/accepts_snapshot.sh).
//
// A few things the TypeScript says cannot or should not be said in C++; each is listed below as
// a Tolerance, with the reason. The test adopts drizzle-kit's value for exactly that field of
// exactly that column, and fails when the twin already matches (so a stale entry is noticed).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "drizzle/kit/config.hpp"
#include "drizzle/error.hpp"
#include "drizzle/kit/schema_loader.hpp"
#include "drizzle/kit/snapshot.hpp"
#include "util/process.hpp"

namespace {

namespace fs = std::filesystem;
using drizzle::model::Column;
using drizzle::model::Schema;

struct Tolerance {
    enum class Field { type, defaultValue };
    std::string table;  // in the default schema
    std::string column;
    Field field;
    std::string reason;
};

struct TwinCase {
    std::string dialect;  // fixture folder and accepts_snapshot.sh argument: pg | sqlite | mysql
    std::string name;     // basic | full
    drizzle::Dialect configDialect;
    std::vector<Tolerance> tolerances;
};

using Field = Tolerance::Field;

const std::string kGeometrySrid =
    "drizzle-kit drops a geometry column's SRID from its type (\"geometry(point)\"); the twin declares "
    "srid 4326 and the DSL keeps it (\"geometry(point,4326)\")";
const std::string kTupleDefault =
    "drizzle-kit stores point/line/vector tuple defaults as JSON arrays and emits them unquoted "
    "(DEFAULT 1,2, not valid SQL); the DSL has no literal default for pg::Point, pg::Line or "
    "std::vector<float>, so the twin declares the column without one";

const TwinCase kPgBasic{"pg", "basic", drizzle::Dialect::postgresql, {}};
const TwinCase kPgFull{
    "pg",
    "full",
    drizzle::Dialect::postgresql,
    {
        {"all_types", "timestamp_string", Field::type,
         "drizzle-orm spells a string-mode timestamp's precision without the space its date mode writes "
         "(\"timestamp(6)\" vs \"timestamp (6)\"), the same SQL type; C++ members are strings either way and "
         "the DSL uses the date-mode spelling"},
        {"all_types", "geometry", Field::type, kGeometrySrid},
        {"all_types", "geometry_xy", Field::type, kGeometrySrid},
        {"all_types", "varchar_array_sized", Field::type,
         "Drizzle's .array(3) records a size (\"varchar(10)[3]\") that PostgreSQL ignores; the DSL takes "
         "array dimensions from the member type (std::vector) and has no size"},
        {"modifiers", "default_point", Field::defaultValue, kTupleDefault},
        {"modifiers", "default_line", Field::defaultValue, kTupleDefault},
        {"modifiers", "default_vector", Field::defaultValue, kTupleDefault},
    },
};
const TwinCase kSqliteBasic{"sqlite", "basic", drizzle::Dialect::sqlite, {}};
const TwinCase kSqliteFull{
    "sqlite",
    "full",
    drizzle::Dialect::sqlite,
    {
        {"modifiers", "default_blob", Field::defaultValue,
         "drizzle-kit stores a JS Buffer default as its JSON serialisation "
         "('{\"type\":\"Buffer\",\"data\":[104,105]}', which SQLite would store as text, not bytes); the DSL "
         "has no byte-string default, so the twin declares the column without one"},
    },
};
const TwinCase kMysqlBasic{"mysql", "basic", drizzle::Dialect::mysql, {}};
const TwinCase kMysqlFull{"mysql", "full", drizzle::Dialect::mysql, {}};

// A scratch folder for this process (the exporter cache, written snapshots), removed at exit.
const fs::path& scratch() {
    struct Dir {
        fs::path path;
        Dir() {
            std::string pattern = (fs::temp_directory_path() / "drizzle_schema_twins.XXXXXX").string();
            if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed for " + pattern);
            path = pattern;
        }
        ~Dir() {
            std::error_code ec;
            fs::remove_all(path, ec);
        }
    };
    static const Dir dir;
    return dir.path;
}

std::string caseId(const TwinCase& c) { return c.dialect + "_" + c.name; }

fs::path twinHeader(const TwinCase& c) {
    return fs::path(DRIZZLE_FIXTURES_DIR) / "cpp" / c.dialect / (c.name + ".hpp");
}

fs::path fixtureSnapshot(const TwinCase& c) {
    return fs::path(DRIZZLE_FIXTURES_DIR) / "drizzle-kit" / c.dialect / c.name / "out" / "meta" / "0000_snapshot.json";
}

// The twin's model, loaded as `drizzle-kit` loads a project's schema; once per case and process.
const Schema& loadTwin(const TwinCase& c) {
    static std::map<std::string, Schema> loaded;
    auto it = loaded.find(caseId(c));
    if (it != loaded.end()) return it->second;
    drizzle::kit::Config config;
    config.root = scratch() / caseId(c);
    fs::create_directories(config.root);
    config.dialect = c.configDialect;
    config.schema = {fs::absolute(twinHeader(c)).string()};
    try {
        return loaded.emplace(caseId(c), drizzle::kit::loadSchema(config)).first->second;
    } catch (const drizzle::Error& e) {
        throw std::runtime_error("loading " + twinHeader(c).string() + ": " + e.what() + "\nhint: " + e.hint());
    }
}

Column* findColumn(Schema& s, const std::string& table, const std::string& column) {
    for (auto& t : s.tables)
        if (t.schema.empty() && t.name == table)
            for (auto& col : t.columns)
                if (col.name == column) return &col;
    return nullptr;
}

// The twin's model with the case's tolerated differences replaced by drizzle-kit's values.
Schema twinWithTolerances(const TwinCase& c, const Schema& fixture) {
    Schema ours = loadTwin(c);
    Schema theirs = fixture;
    for (const Tolerance& t : c.tolerances) {
        const std::string where = t.table + "." + t.column;
        Column* mine = findColumn(ours, t.table, t.column);
        const Column* expected = findColumn(theirs, t.table, t.column);
        if (mine == nullptr || expected == nullptr) {
            ADD_FAILURE() << "tolerance for " << where << ": the column is missing from "
                          << (mine == nullptr ? "the twin" : "the fixture");
            continue;
        }
        switch (t.field) {
            case Field::type:
                EXPECT_NE(mine->type, expected->type)
                    << where << ": the twin now matches drizzle-kit's type; drop the tolerance (" << t.reason << ")";
                mine->type = expected->type;
                break;
            case Field::defaultValue:
                EXPECT_NE(mine->defaultValue, expected->defaultValue)
                    << where << ": the twin now matches drizzle-kit's default; drop the tolerance (" << t.reason << ")";
                mine->defaultValue = expected->defaultValue;
                break;
        }
    }
    return ours;
}

void expectMatchesDrizzleKitModel(const TwinCase& c) {
    const Schema fixture = drizzle::kit::snapshot::readFile(fixtureSnapshot(c));
    const Schema ours = twinWithTolerances(c, fixture);
    EXPECT_TRUE(drizzle::model::equivalent(ours, fixture))
        << twinHeader(c) << " vs " << fixtureSnapshot(c) << " (first: the C++ twin, second: drizzle-kit):\n"
        << drizzle::kit::snapshot::firstDifference(ours, fixture);
}

void expectAcceptedByDrizzleKit(const TwinCase& c) {
    const fs::path kit = fs::path(DRIZZLE_FIXTURES_DIR) / "drizzle-kit" / "node_modules" / ".bin" / "drizzle-kit";
    ASSERT_TRUE(fs::exists(kit)) << kit << " is not installed: run the tests with `bash scripts/test.sh`, which runs "
                                 << "`npm ci` in " << kit.parent_path().parent_path().parent_path();

    const Schema fixture = drizzle::kit::snapshot::readFile(fixtureSnapshot(c));
    const fs::path written = scratch() / (caseId(c) + "_snapshot.json");
    {
        std::ofstream out(written, std::ios::binary | std::ios::trunc);
        out << drizzle::kit::snapshot::write(twinWithTolerances(c, fixture));
        ASSERT_TRUE(out.good()) << "cannot write " << written;
    }
    const fs::path checker = fs::path(DRIZZLE_SOURCE_DIR) / "tests" / "compat" / "accepts_snapshot.sh";
    const auto r = drizzle::util::runProcess({"bash", checker.string(), c.dialect, c.name, written.string()});
    EXPECT_EQ(r.exitCode, 0) << checker << " " << c.dialect << " " << c.name << " " << written << "\n"
                             << r.out << r.err;
}

}  // namespace

TEST(SchemaTwin, PgBasic_MatchesDrizzleKitModel) { expectMatchesDrizzleKitModel(kPgBasic); }
TEST(SchemaTwin, PgBasic_AcceptedByDrizzleKit) { expectAcceptedByDrizzleKit(kPgBasic); }
TEST(SchemaTwin, PgFull_MatchesDrizzleKitModel) { expectMatchesDrizzleKitModel(kPgFull); }
TEST(SchemaTwin, PgFull_AcceptedByDrizzleKit) { expectAcceptedByDrizzleKit(kPgFull); }
TEST(SchemaTwin, SqliteBasic_MatchesDrizzleKitModel) { expectMatchesDrizzleKitModel(kSqliteBasic); }
TEST(SchemaTwin, SqliteBasic_AcceptedByDrizzleKit) { expectAcceptedByDrizzleKit(kSqliteBasic); }
TEST(SchemaTwin, SqliteFull_MatchesDrizzleKitModel) { expectMatchesDrizzleKitModel(kSqliteFull); }
TEST(SchemaTwin, SqliteFull_AcceptedByDrizzleKit) { expectAcceptedByDrizzleKit(kSqliteFull); }
TEST(SchemaTwin, MysqlBasic_MatchesDrizzleKitModel) { expectMatchesDrizzleKitModel(kMysqlBasic); }
TEST(SchemaTwin, MysqlBasic_AcceptedByDrizzleKit) { expectAcceptedByDrizzleKit(kMysqlBasic); }
TEST(SchemaTwin, MysqlFull_MatchesDrizzleKitModel) { expectMatchesDrizzleKitModel(kMysqlFull); }
TEST(SchemaTwin, MysqlFull_AcceptedByDrizzleKit) { expectAcceptedByDrizzleKit(kMysqlFull); }

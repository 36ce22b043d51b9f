// `drizzle-kit export` of a schema that uses every column type and modifier of a dialect
// (tests/integration/<dialect>/all_types.hpp) prints SQL that applies cleanly to a fresh real
// database, and the database then has every declared object exactly as declared.
//
// Each suite runs the real CLI once, applies its output with the database's own client
// (stopping at the first error), reads the catalog, and compares it with the model that
// drizzle::kit::loadSchema reads from the same header. The comparison walks the model, so a
// declaration added to a header is checked without touching this file.
#include <gtest/gtest.h>

#include <memory>

#include "support/harness.hpp"
#include "support/mysql.hpp"
#include "support/pg.hpp"
#include "support/sqlite.hpp"

namespace {

namespace fs = std::filesystem;
using drizzle::Dialect;
using namespace drizzle::integration;

fs::path header(const char* dialect) { return fs::path(DRIZZLE_SOURCE_DIR) / "tests/integration" / dialect / "all_types.hpp"; }

// What a suite's tests share: the export, and whether it reached a database.
struct SuiteRun {
    std::unique_ptr<TempDir> dir = std::make_unique<TempDir>();
    Export exported;
    std::string setupError;  // no server, no client, ...
    std::string applyError;

    // Why there is no catalog to compare with.
    std::string whyNoCatalog() const {
        if (!setupError.empty()) return setupError;
        if (!exported.ok()) return exported.describeFailure();
        if (!applyError.empty()) return "the export did not apply (see AppliesToFreshDatabase):\n" + applyError;
        return "the catalog was not read";
    }
};

void expectExportWorked(const SuiteRun& run) {
    ASSERT_TRUE(run.exported.ok()) << run.exported.describeFailure() << run.setupError;
    EXPECT_FALSE(run.exported.cli.out.empty()) << "drizzle-kit export printed nothing";
    EXPECT_TRUE(run.exported.cli.err.empty()) << "drizzle-kit export wrote to stderr:\n" << run.exported.cli.err;
}

void expectApplied(const SuiteRun& run) {
    ASSERT_TRUE(run.setupError.empty()) << run.setupError;
    ASSERT_TRUE(run.exported.ok()) << run.exported.describeFailure();
    EXPECT_TRUE(run.applyError.empty()) << run.applyError;
}

#define EXPECT_NO_FINDINGS(findings)                 \
    do {                                             \
        const Findings f_ = (findings);              \
        EXPECT_TRUE(f_.empty()) << f_.report();      \
    } while (0)

// ---- PostgreSQL -------------------------------------------------------------------------------

struct PgRun : SuiteRun {
    std::unique_ptr<pg::Database> db;  // declared after `dir`, so dropped before it is removed
    std::unique_ptr<pg::Catalog> catalog;
};

class PgExport : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        run_ = std::make_unique<PgRun>();
        PgRun& r = *run_;
        try {
            r.exported = exportSchema(Dialect::postgresql, header("pg"), r.dir->path());
            if (!r.exported.ok()) return;
            const std::string server = requireEnv("DRIZZLE_TEST_PG_URL");
            std::vector<std::string> roles;
            for (const auto& role : r.exported.model.roles) roles.push_back(role.name);
            r.db = std::make_unique<pg::Database>(server, roles);
            // Extensions are the database's set-up, outside the schema: the header's citext and
            // geometry columns need them, as they would in any database the schema is applied to.
            RunResult ext = r.db->psql({"-c", "CREATE EXTENSION citext", "-c", "CREATE EXTENSION postgis"});
            if (ext.exitCode != 0) {
                r.setupError = "cannot create the citext and postgis extensions: " + ext.err;
                return;
            }
            r.applyError = pg::apply(*r.db, r.exported.sqlFile);
            if (r.applyError.empty()) r.catalog = std::make_unique<pg::Catalog>(pg::readCatalog(*r.db, r.exported.model));
        } catch (const std::exception& e) {
            r.setupError = e.what();
        }
    }
    static void TearDownTestSuite() { run_.reset(); }
    static const drizzle::model::Schema& model() { return run_->exported.model; }
    static const pg::Catalog& catalog() { return *run_->catalog; }

    static inline std::unique_ptr<PgRun> run_;
};

#define REQUIRE_CATALOG() ASSERT_NE(run_->catalog, nullptr) << run_->whyNoCatalog()

TEST_F(PgExport, PrintsTheDdlOfTheHeader) { expectExportWorked(*run_); }

TEST_F(PgExport, AppliesToFreshDatabase) { expectApplied(*run_); }

TEST_F(PgExport, CatalogHasEveryTableAndColumnAsDeclared) {
    REQUIRE_CATALOG();
    EXPECT_NO_FINDINGS(pg::checkTablesAndColumns(model(), catalog()));
}

TEST_F(PgExport, CatalogHasEveryKeyAndConstraintAsDeclared) {
    REQUIRE_CATALOG();
    EXPECT_NO_FINDINGS(pg::checkConstraints(model(), catalog()));
}

TEST_F(PgExport, CatalogHasEveryIndexAsDeclared) {
    REQUIRE_CATALOG();
    EXPECT_NO_FINDINGS(pg::checkIndexes(model(), catalog()));
}

TEST_F(PgExport, CatalogHasEverySchemaEnumAndSequenceAsDeclared) {
    REQUIRE_CATALOG();
    EXPECT_NO_FINDINGS(pg::checkSchemasEnumsSequences(model(), catalog()));
}

TEST_F(PgExport, CatalogHasEveryViewAsDeclared) {
    REQUIRE_CATALOG();
    EXPECT_NO_FINDINGS(pg::checkViews(model(), catalog()));
}

TEST_F(PgExport, CatalogHasEveryRolePolicyAndRlsFlagAsDeclared) {
    REQUIRE_CATALOG();
    EXPECT_NO_FINDINGS(pg::checkRolesPoliciesRls(model(), catalog()));
}

// ---- SQLite -----------------------------------------------------------------------------------

struct SqliteRun : SuiteRun {
    std::unique_ptr<sqlite::Catalog> catalog;
};

class SqliteExport : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        run_ = std::make_unique<SqliteRun>();
        SqliteRun& r = *run_;
        try {
            r.exported = exportSchema(Dialect::sqlite, header("sqlite"), r.dir->path());
            if (!r.exported.ok()) return;
            const fs::path dbFile = r.dir->path() / "fresh.db";
            r.applyError = sqlite::apply(dbFile, r.exported.sqlFile);
            if (r.applyError.empty()) r.catalog = std::make_unique<sqlite::Catalog>(sqlite::readCatalog(dbFile, r.exported.model));
        } catch (const std::exception& e) {
            r.setupError = e.what();
        }
    }
    static void TearDownTestSuite() { run_.reset(); }
    static const drizzle::model::Schema& model() { return run_->exported.model; }
    static const sqlite::Catalog& catalog() { return *run_->catalog; }

    static inline std::unique_ptr<SqliteRun> run_;
};

TEST_F(SqliteExport, PrintsTheDdlOfTheHeader) { expectExportWorked(*run_); }

TEST_F(SqliteExport, AppliesToFreshDatabase) { expectApplied(*run_); }

TEST_F(SqliteExport, CatalogHasEveryTableAndColumnAsDeclared) {
    REQUIRE_CATALOG();
    EXPECT_NO_FINDINGS(sqlite::checkTablesAndColumns(model(), catalog()));
}

TEST_F(SqliteExport, CatalogHasEveryKeyAndConstraintAsDeclared) {
    REQUIRE_CATALOG();
    EXPECT_NO_FINDINGS(sqlite::checkConstraints(model(), catalog()));
}

TEST_F(SqliteExport, CatalogHasEveryIndexAsDeclared) {
    REQUIRE_CATALOG();
    EXPECT_NO_FINDINGS(sqlite::checkIndexes(model(), catalog()));
}

TEST_F(SqliteExport, CatalogHasEveryViewAsDeclared) {
    REQUIRE_CATALOG();
    EXPECT_NO_FINDINGS(sqlite::checkViews(model(), catalog()));
}

// ---- MySQL (MariaDB) --------------------------------------------------------------------------

struct MysqlRun : SuiteRun {
    std::unique_ptr<mysql::Database> db;
    std::unique_ptr<mysql::Catalog> catalog;
};

class MysqlExport : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        run_ = std::make_unique<MysqlRun>();
        MysqlRun& r = *run_;
        try {
            r.exported = exportSchema(Dialect::mysql, header("mysql"), r.dir->path());
            if (!r.exported.ok()) return;
            r.db = std::make_unique<mysql::Database>(requireEnv("DRIZZLE_TEST_MYSQL_URL"));
            r.applyError = mysql::apply(*r.db, r.exported.sqlFile);
            if (r.applyError.empty()) r.catalog = std::make_unique<mysql::Catalog>(mysql::readCatalog(*r.db, r.exported.model));
        } catch (const std::exception& e) {
            r.setupError = e.what();
        }
    }
    static void TearDownTestSuite() { run_.reset(); }
    static const drizzle::model::Schema& model() { return run_->exported.model; }
    static const mysql::Catalog& catalog() { return *run_->catalog; }

    static inline std::unique_ptr<MysqlRun> run_;
};

TEST_F(MysqlExport, PrintsTheDdlOfTheHeader) { expectExportWorked(*run_); }

TEST_F(MysqlExport, AppliesToFreshDatabase) { expectApplied(*run_); }

TEST_F(MysqlExport, CatalogHasEveryTableAndColumnAsDeclared) {
    REQUIRE_CATALOG();
    EXPECT_NO_FINDINGS(mysql::checkTablesAndColumns(model(), catalog()));
}

TEST_F(MysqlExport, CatalogHasEveryKeyAndConstraintAsDeclared) {
    REQUIRE_CATALOG();
    EXPECT_NO_FINDINGS(mysql::checkConstraints(model(), catalog()));
}

TEST_F(MysqlExport, CatalogHasEveryIndexAsDeclared) {
    REQUIRE_CATALOG();
    EXPECT_NO_FINDINGS(mysql::checkIndexes(model(), catalog()));
}

TEST_F(MysqlExport, CatalogHasEveryViewAsDeclared) {
    REQUIRE_CATALOG();
    EXPECT_NO_FINDINGS(mysql::checkViews(model(), catalog()));
}

}  // namespace

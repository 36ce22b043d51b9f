// The differ's correctness as a property (DESIGN §5): for seeded random schema pairs (A, B),
// a database built from A and migrated with diff(A, B) has the same schema, by the database's
// own dump, as a fresh database built from B. diff(A, A) and diff(B, B) are empty.
//
// Environment: DRIZZLE_PROPERTY_PAIRS=N runs N pairs per dialect (the nightly-size run),
// DRIZZLE_PROPERTY_FIRST_SEED=S starts at seed S (a failure prints the line that reruns it).
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <set>
#include <sstream>

#include "database.hpp"
#include "drizzle/kit/ddl.hpp"
#include "drizzle/kit/diff.hpp"
#include "drizzle/kit/push.hpp"
#include "drizzle/kit/snapshot.hpp"
#include "generator.hpp"

namespace drizzle::diff_property {
namespace {

std::uint64_t envNumber(const char* name, std::uint64_t fallback) {
    const char* value = std::getenv(name);
    return value && *value ? std::strtoull(value, nullptr, 10) : fallback;
}

// Lines of one dump missing from the other, at most `limit` each way.
std::string dumpDifference(const std::vector<std::string>& migrated, const std::vector<std::string>& fresh) {
    std::multiset<std::string> a(migrated.begin(), migrated.end()), b(fresh.begin(), fresh.end());
    std::ostringstream out;
    int shown = 0;
    for (const auto& line : a)
        if (!b.contains(line) && shown++ < 8) out << "  migrated only: " << line << "\n";
    shown = 0;
    for (const auto& line : b)
        if (!a.contains(line) && shown++ < 8) out << "  fresh only:    " << line << "\n";
    return out.str();
}

// "" when the pair holds, else everything needed to reproduce it.
std::string checkPair(Dialect dialect, std::uint64_t seed, Database& migrated, Database& fresh) {
    Rng rng(seed);
    auto a = randomSchema(dialect, rng);
    auto b = mutate(a, rng);
    std::string problem;
    std::string sql;
    try {
        if (!kit::diff::renameQuestions(a, b, {}).empty()) {
            problem = "the generator made a pair that asks rename questions";
        } else if (!kit::diff::diff(a, a, {}).statements.empty()) {
            problem = "diff(A, A) is not empty:\n" + kit::ddl::joinStatements(kit::diff::diff(a, a, {}).statements, false);
        } else if (!kit::diff::diff(b, b, {}).statements.empty()) {
            problem = "diff(B, B) is not empty:\n" + kit::ddl::joinStatements(kit::diff::diff(b, b, {}).statements, false);
        } else {
            auto statements = kit::diff::diff(a, b, {}).statements;
            sql = kit::ddl::joinStatements(statements, false);
            migrated.reset();
            migrated.apply(kit::ddl::createStatements(a));
            migrated.apply(statements);
            fresh.reset();
            fresh.apply(kit::ddl::createStatements(b));
            auto left = migrated.dump(), right = fresh.dump();
            if (left != right) problem = "the migrated database differs from a fresh one built from B:\n" + dumpDifference(left, right);
        }
    } catch (const std::exception& e) {
        problem = std::string("error: ") + e.what();
    }
    if (problem.empty()) return "";
    std::ostringstream out;
    out << dialectName(dialect) << " seed " << seed << ": " << problem << "\n"
        << "rerun: DRIZZLE_PROPERTY_FIRST_SEED=" << seed << " DRIZZLE_PROPERTY_PAIRS=1 "
        << "bash scripts/test.sh -R diff_property." << (dialect == Dialect::postgresql ? "pg" : dialectName(dialect)) << "\n"
        << "--- migration A -> B\n" << sql << "\n--- A\n" << kit::snapshot::write(a) << "\n--- B\n" << kit::snapshot::write(b) << "\n";
    return out.str();
}

using Check = std::string (*)(Dialect, std::uint64_t, Database&, Database&);

void runPairs(Dialect dialect, std::uint64_t defaultPairs, Check check = checkPair) {
    std::uint64_t pairs = envNumber("DRIZZLE_PROPERTY_PAIRS", defaultPairs);
    std::uint64_t first = envNumber("DRIZZLE_PROPERTY_FIRST_SEED", 1);
    auto migrated = openDatabase(dialect, "migrated");
    auto fresh = openDatabase(dialect, "fresh");
    auto start = std::chrono::steady_clock::now();
    int failures = 0;
    std::uint64_t seed = first;
    for (; seed < first + pairs && failures < 3; ++seed) {
        std::string report = check(dialect, seed, *migrated, *fresh);
        if (!report.empty()) {
            ++failures;
            ADD_FAILURE() << report;
        }
    }
    auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::cout << seed - first << " " << dialectName(dialect) << " pairs from seed " << first << " in " << seconds << " s\n";
}

// push as a property: a database at A pushed to B has B's schema by the database's own dump,
// and pushing B again finds nothing to do (the catalog form of B is exactly what B created).
std::string checkPush(Dialect dialect, std::uint64_t seed, Database& pushed, Database& fresh) {
    Rng rng(seed);
    auto a = randomSchema(dialect, rng);
    auto b = mutate(a, rng);
    kit::Config config;
    config.dialect = dialect;
    kit::PushOptions options;
    options.force = true;  // the tables are empty: nothing is lost, but a drop is still a drop
    std::string problem, sql;
    try {
        pushed.reset();
        pushed.apply(kit::ddl::createStatements(a));
        const auto first = kit::pushSchema(pushed.connection(), b, config, options);
        sql = kit::ddl::joinStatements(first.plan.statements, false);
        if (first.outcome == kit::PushOutcome::refused) {
            problem = "the push was refused: " + first.refusal;
        } else {
            fresh.reset();
            fresh.apply(kit::ddl::createStatements(b));
            auto left = pushed.dump(), right = fresh.dump();
            if (left != right) {
                problem = "the pushed database differs from a fresh one built from B:\n" + dumpDifference(left, right);
            } else {
                const auto again = kit::pushSchema(pushed.connection(), b, config, options);
                if (again.outcome != kit::PushOutcome::nothingToDo)
                    problem = "pushing B again is not empty:\n" + kit::ddl::joinStatements(again.plan.statements, false);
            }
        }
    } catch (const std::exception& e) {
        problem = std::string("error: ") + e.what();
    }
    if (problem.empty()) return "";
    std::ostringstream out;
    out << dialectName(dialect) << " push seed " << seed << ": " << problem << "\n"
        << "rerun: DRIZZLE_PROPERTY_FIRST_SEED=" << seed << " DRIZZLE_PROPERTY_PAIRS=1 "
        << "bash scripts/test.sh -R push_property." << (dialect == Dialect::postgresql ? "pg" : dialectName(dialect)) << "\n"
        << "--- push A -> B\n" << sql << "\n--- A\n" << kit::snapshot::write(a) << "\n--- B\n" << kit::snapshot::write(b) << "\n";
    return out.str();
}

TEST(DiffProperty, SqliteMigrationMatchesFreshSchema) { runPairs(Dialect::sqlite, 2000); }
TEST(DiffProperty, PostgresMigrationMatchesFreshSchema) { runPairs(Dialect::postgresql, 300); }
TEST(DiffProperty, MysqlMigrationMatchesFreshSchema) { runPairs(Dialect::mysql, 250); }
TEST(PushProperty, SqlitePushMatchesFreshSchemaAndRepeatsAsNothing) { runPairs(Dialect::sqlite, 400, checkPush); }
TEST(PushProperty, PostgresPushMatchesFreshSchemaAndRepeatsAsNothing) { runPairs(Dialect::postgresql, 100, checkPush); }
TEST(PushProperty, MysqlPushMatchesFreshSchemaAndRepeatsAsNothing) { runPairs(Dialect::mysql, 60, checkPush); }

}  // namespace
}  // namespace drizzle::diff_property

// The migrate behaviours every dialect must show, written once; each dialect's test file runs
// them as its own named tests (and adds what only that dialect does). `fixtureDir` is the
// dialect's folder under tests/fixtures/drizzle-kit ("pg", "sqlite", "mysql").
#pragma once

#include <functional>
#include <string>

#include "drizzle/dialect.hpp"

namespace drizzle::migrate_test {

void appliesDrizzleKitFixture(Dialect dialect, const std::string& fixtureDir, const std::string& fixtureName);
void secondRunAppliesNothing(Dialect dialect, const std::string& fixtureDir);
void refusesEditedAppliedMigration(Dialect dialect, const std::string& fixtureDir);
void refusesOutOfOrderMigrationUnlessAllowed(Dialect dialect, const std::string& fixtureDir);
// PostgreSQL, SQLite: the failed batch is rolled back whole.
void failingStatementLeavesDatabaseUnchanged(Dialect dialect, const std::string& fixtureDir);
// PostgreSQL, SQLite: `slowStatement` runs long enough to be killed in; `inSlowStatement` tells
// from outside that the migrating process has reached it.
void killedMidBatchLeavesDatabaseUnchanged(Dialect dialect, const std::string& fixtureDir, const std::string& slowStatement,
                                           const std::function<bool(const std::string& url)>& inSlowStatement);
// `extraMigration` is appended after the fixture and a plain migration.
void concurrentProcessesApplyEachMigrationOnce(Dialect dialect, const std::string& fixtureDir,
                                               const std::string& extraMigration = {});
void drizzleOrmAppliesNothingAfterOurs(Dialect dialect, const std::string& fixtureDir);
void oursAppliesNothingAfterDrizzleOrm(Dialect dialect, const std::string& fixtureDir);
void programmaticMigrateUsesConfiguredTable(Dialect dialect, const std::string& fixtureDir);
// drizzle::recordedMigrations: nothing (and no table created) before migrate, each row after.
void recordedMigrationsReadTheTrackingTableOnly(Dialect dialect, const std::string& fixtureDir);
// A missing folder, a duplicate idx, an unknown journal version or a missing .sql file is exit 5
// naming the file, found before the database is opened: nothing in it changes, and a SQLite file
// is not even created.
void refusesBrokenFolderBeforeOpeningTheDatabase(Dialect dialect, const std::string& fixtureDir);
// A journal written by drizzle-kit before 0.21 (version "5") is applied like today's.
void appliesJournalOfOlderDrizzleKit(Dialect dialect, const std::string& fixtureDir);

}  // namespace drizzle::migrate_test

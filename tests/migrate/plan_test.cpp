// Which migrations are pending, from the journal and the tracking table's rows: applied means
// recorded (not "older than the newest row"), an edited applied file and an out-of-order entry
// are refused with messages that explain themselves.
#include <gtest/gtest.h>

#include "drizzle/error.hpp"
#include "migrate/plan.hpp"

namespace {

using namespace drizzle;
using migrate_internal::planMigrations;
using migrate_internal::TrackedRow;

kit::Migration migration(std::string tag, std::int64_t when, std::string hash) {
    kit::Migration m;
    m.entry = {0, "7", when, tag, true};
    m.file = "drizzle/" + tag + ".sql";
    m.hash = std::move(hash);
    return m;
}

std::vector<std::string> tags(const migrate_internal::Plan& plan) {
    std::vector<std::string> out;
    for (const kit::Migration* m : plan.pending) out.push_back(m->entry.tag);
    return out;
}

const std::vector<kit::Migration> journal = {migration("0000_a", 1000, "ha"), migration("0001_b", 2000, "hb"),
                                             migration("0002_c", 3000, "hc")};

TEST(MigratePlan, EverythingIsPendingOnAnEmptyTable) {
    const auto plan = planMigrations(journal, {}, false, "t");
    EXPECT_EQ(tags(plan), (std::vector<std::string>{"0000_a", "0001_b", "0002_c"}));
    EXPECT_EQ(plan.alreadyApplied, 0u);
}

TEST(MigratePlan, RecordedMigrationsAreApplied) {
    const auto plan = planMigrations(journal, {{"ha", 1000}, {"hb", 2000}}, false, "t");
    EXPECT_EQ(tags(plan), (std::vector<std::string>{"0002_c"}));
    EXPECT_EQ(plan.alreadyApplied, 2u);
}

TEST(MigratePlan, RefusesEditedAppliedMigrationNamingTheFile) {
    try {
        planMigrations(journal, {{"ha", 1000}, {"old-hash", 2000}}, false, "drizzle.__drizzle_migrations");
        FAIL() << "no error";
    } catch (const Error& e) {
        EXPECT_EQ(e.category(), ErrorCategory::migration);
        const std::string message = e.what();
        EXPECT_NE(message.find("drizzle/0001_b.sql was changed after it was applied"), std::string::npos) << message;
        EXPECT_NE(message.find("old-hash"), std::string::npos) << message;
        EXPECT_NE(message.find("hb"), std::string::npos) << message;
        EXPECT_NE(e.hint().find("new migration"), std::string::npos) << e.hint();
    }
}

TEST(MigratePlan, AcceptsDuplicateRowsWhenOneMatches) {
    // Drizzle ORM's migrator has no lock: two of its instances can record a migration twice.
    const auto plan = planMigrations(journal, {{"ha", 1000}, {"ha", 1000}, {"hb", 2000}}, false, "t");
    EXPECT_EQ(tags(plan), (std::vector<std::string>{"0002_c"}));
}

TEST(MigratePlan, RefusesPendingMigrationOlderThanNewestApplied) {
    try {
        planMigrations(journal, {{"ha", 1000}, {"hc", 3000}}, false, "t");
        FAIL() << "no error";
    } catch (const Error& e) {
        EXPECT_EQ(e.category(), ErrorCategory::migration);
        const std::string message = e.what();
        EXPECT_NE(message.find("1 pending migration is older than the newest one this database has applied, 0002_c"),
                  std::string::npos)
            << message;
        EXPECT_NE(message.find("0001_b (when 2000"), std::string::npos) << message;
        EXPECT_NE(message.find("nothing was applied"), std::string::npos) << message;
        EXPECT_NE(e.hint().find("--allow-out-of-order"), std::string::npos) << e.hint();
    }
}

TEST(MigratePlan, AppliesOutOfOrderMigrationWhenAllowed) {
    const auto plan = planMigrations(journal, {{"ha", 1000}, {"hc", 3000}}, true, "t");
    EXPECT_EQ(tags(plan), (std::vector<std::string>{"0001_b"}));
    EXPECT_EQ(plan.alreadyApplied, 2u);
}

TEST(MigratePlan, RowsOfUnknownMigrationsCountForOrder) {
    EXPECT_THROW(planMigrations(journal, {{"ha", 1000}, {"elsewhere", 2500}}, false, "t"), Error);
    EXPECT_EQ(tags(planMigrations(journal, {{"ha", 1000}, {"elsewhere", 1500}}, false, "t")),
              (std::vector<std::string>{"0001_b", "0002_c"}));
}

TEST(MigratePlan, ReadsCreatedAtAsDatabasesReturnIt) {
    EXPECT_EQ(migrate_internal::parseCreatedAt("1795309138861"), 1795309138861);
    EXPECT_EQ(migrate_internal::parseCreatedAt("1.795309138861e+12"), 1795309138861);
    EXPECT_EQ(migrate_internal::parseCreatedAt("1795309138861.0"), 1795309138861);
    EXPECT_EQ(migrate_internal::parseCreatedAt("abc"), std::nullopt);
    EXPECT_EQ(migrate_internal::parseCreatedAt(""), std::nullopt);
}

}  // namespace

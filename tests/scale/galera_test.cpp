// The ORM on a real three-node Galera cluster (DRIZZLE_TEST_GALERA_URLS, started by
// scripts/test.sh): two nodes writing the same row at once lose to each other's certification,
// which reaches the application as a conflict, and db.transaction's retries make every write land.
// (The migrate topology test kills the third node; this one uses the first two.)
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <sstream>
#include <thread>

#include "drizzle/orm.hpp"
#include "common/topology.hpp"
#include "scale_schema.hpp"
#include "support.hpp"

using namespace drizzle;
using namespace std::chrono_literals;
using scale::Item;
using scale_mysql::items;

TEST(GaleraOrm, CertificationConflictsAreRetriedUntilEveryWriteLands) {
    const std::string all = topologyUrl("DRIZZLE_TEST_GALERA_URLS", "galera");
    if (all.empty()) GTEST_SKIP() << skippedTopology("galera");
    std::istringstream urls(all);
    std::string first, second;
    ASSERT_TRUE(urls >> first >> second) << "DRIZZLE_TEST_GALERA_URLS names fewer than two nodes: " << all;
    const std::string name = driver::test::uniqueName("drz_galera");
    auto admin = driver::connect(Dialect::mysql, driver::test::urlCredentials(first));
    admin->execute("CREATE DATABASE `" + name + "`");
    struct Drop {
        driver::Connection& admin;
        std::string name;
        ~Drop() {
            try {
                admin.execute("DROP DATABASE IF EXISTS `" + name + "`");
            } catch (...) {
            }
        }
    } drop{*admin, name};
    auto setup = driver::connect(Dialect::mysql, driver::test::urlCredentials(driver::test::withDatabase(first, name)));
    setup->execute(scale_mysql::ddl);
    setup->execute("INSERT INTO items (id, worker, note) VALUES (1, 0, '')");

    constexpr int each = 25;
    std::atomic<int> attempts{0}, conflicts{0};
    auto writer = [&](const std::string& node, int worker) {
        auto db = mysql::connect(driver::test::withDatabase(node, name));
        for (int i = 0; i < each; ++i) {
            db.transaction(
                [&] {
                    ++attempts;
                    try {
                        db.update(items).set(&Item::worker, sql<std::int32_t>("? + 1", &Item::worker)).where(eq(&Item::id, 1)).execute();
                        db.update(items).set(&Item::note, "last written by " + std::to_string(worker)).where(eq(&Item::id, 1)).execute();
                    } catch (const Error& e) {
                        if (e.category() == ErrorCategory::conflict) ++conflicts;
                        throw;
                    }
                },
                {.retries = 100, .backoff = 1ms});
        }
    };
    std::thread a(writer, first, 1), b(writer, second, 2);
    a.join();
    b.join();

    // Every increment landed once, on both nodes (the second applies asynchronously: wait for it).
    for (const std::string& node : {first, second}) {
        auto db = mysql::connect(driver::test::withDatabase(node, name));
        std::int32_t seen = -1;
        for (int i = 0; i < 100 && seen != 2 * each; ++i) {
            seen = db.select().from(items).where(eq(&Item::id, 1)).get()->worker;
            if (seen != 2 * each) std::this_thread::sleep_for(50ms);
        }
        EXPECT_EQ(seen, 2 * each) << node;
    }
    std::cout << attempts << " attempts for " << 2 * each << " transactions (" << conflicts
              << " conflicts inside them; the rest at COMMIT, where certification happens)\n";
    EXPECT_GE(attempts, 2 * each);
}

// PostgreSQL: a session advisory lock keyed by the tracking table, and a tracking table in its
// own schema ("drizzle"."__drizzle_migrations"); DDL is transactional.
#include <algorithm>
#include <chrono>
#include <thread>

#include "drizzle/dialect.hpp"
#include "migrate/backend.hpp"
#include "util/sha256.hpp"

namespace drizzle::migrate_internal {

namespace {

class PgBackend final : public MigrationBackend {
public:
    PgBackend(driver::Connection& db, const MigrationConfig& config)
        : MigrationBackend(db,
                           quoteIdentifier(Dialect::postgresql, config.migrationsSchema) + "." +
                               quoteIdentifier(Dialect::postgresql, config.migrationsTable),
                           config.migrationsSchema + "." + config.migrationsTable),
          schema_(config.migrationsSchema) {}

    void lock() override {
        // Polled, not pg_advisory_lock: a session blocked in that statement holds a snapshot,
        // which CREATE INDEX CONCURRENTLY in the lock holder waits for; PostgreSQL breaks that
        // deadlock by failing one of them.
        const std::string sql = "SELECT CASE WHEN pg_try_advisory_lock(" + std::to_string(lockKey()) +
                                ") THEN 1 ELSE 0 END";
        auto pause = std::chrono::milliseconds(20);
        while (db_.query(sql).integer(0, 0) != 1) {
            std::this_thread::sleep_for(pause);
            pause = std::min(pause * 2, std::chrono::milliseconds(500));
        }
    }

    void unlock() override { db_.query("SELECT pg_advisory_unlock(" + std::to_string(lockKey()) + ")"); }

    bool hasTrackingTable() override {
        return db_.query("SELECT CASE WHEN to_regclass(?) IS NULL THEN 0 ELSE 1 END", {table()}).integer(0, 0) == 1;
    }

    void createTrackingTable() override {
        db_.execute("CREATE SCHEMA IF NOT EXISTS " + quoteIdentifier(Dialect::postgresql, schema_));
        db_.execute("CREATE TABLE IF NOT EXISTS " + table() +
                    " (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at bigint)");
    }

private:
    std::int64_t lockKey() const {
        const std::string digest = util::sha256Hex("drizzle migrate " + tableName());
        return static_cast<std::int64_t>(std::stoull(digest.substr(0, 16), nullptr, 16));
    }

    std::string schema_;
};

}  // namespace

std::unique_ptr<MigrationBackend> makePgBackend(driver::Connection& db, const MigrationConfig& config) {
    return std::make_unique<PgBackend>(db, config);
}

}  // namespace drizzle::migrate_internal

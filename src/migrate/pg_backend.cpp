// PostgreSQL: the lock row (lock_row.hpp) and a tracking table in their own schema
// ("drizzle"."__drizzle_migrations" and "..._lock"); DDL is transactional.
#include <algorithm>
#include <chrono>
#include <thread>

#include "drizzle/dialect.hpp"
#include "drizzle/error.hpp"
#include "migrate/backend.hpp"
#include "migrate/lock_row.hpp"
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
          config_(config),
          schema_(config.migrationsSchema) {}

    void lock() override {
        refuseStandby();
        if (pushLock_) return;  // push: the transaction's advisory lock (beginTransaction) is all
        // Not a session advisory lock: behind PgBouncer's transaction pooling its lock and unlock
        // land on different server connections. The schema and table are made in a transaction
        // of their own (so that they stay), one session at a time: CREATE ... IF NOT EXISTS of
        // the same object in two sessions at once fails in one of them.
        const std::string lockTable = quoteIdentifier(Dialect::postgresql, schema_) + "." +
                                      quoteIdentifier(Dialect::postgresql, lockTableName(config_.migrationsTable));
        LockStatements sql = pgLockStatements(lockTable, config_.lockTtl.count());
        db_.begin();
        try {
            waitForAdvisoryLock(lockKey() ^ 1);
            db_.execute("CREATE SCHEMA IF NOT EXISTS " + quoteIdentifier(Dialect::postgresql, schema_));
            db_.execute(sql.create);
            db_.commit();
        } catch (...) {
            try {
                db_.rollback();
            } catch (...) {
            }
            throw;
        }
        lock_ = std::make_unique<LockRow>(db_, config_, std::move(sql), db_.describe() + " (" + schema_ + "." + lockTableName(config_.migrationsTable) + ")");
        lock_->acquire();
    }

    void unlock() override {
        if (lock_) lock_->release();  // (push: its transaction ended, and its lock with it)
        lock_.reset();
    }
    void checkLock() const override {
        if (lock_) lock_->checkHeld();
    }

    bool hasTrackingTable() override {
        return db_.query("SELECT CASE WHEN to_regclass(?) IS NULL THEN 0 ELSE 1 END", {table()}).integer(0, 0) == 1;
    }

    void createTrackingTable() override {
        db_.execute("CREATE SCHEMA IF NOT EXISTS " + quoteIdentifier(Dialect::postgresql, schema_));
        db_.execute("CREATE TABLE IF NOT EXISTS " + table() +
                    " (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at bigint)");
    }

protected:
    // Every transaction of migrate and push takes a transaction-scoped advisory lock first: it
    // keeps push and migrate apart, and ends with the transaction, so a transaction pooler
    // cannot strand it.
    void beginTransaction() override {
        db_.begin();
        waitForAdvisoryLock(lockKey());
    }

    // Takes a transaction-scoped advisory lock, up to config.lockWait. Polled, not waited for in
    // pg_advisory_xact_lock: a session blocked there holds a snapshot, which CREATE INDEX
    // CONCURRENTLY in the holder would wait for.
    void waitForAdvisoryLock(std::int64_t key) {
        const std::string sql = "SELECT CASE WHEN pg_try_advisory_xact_lock(" + std::to_string(key) + ") THEN 1 ELSE 0 END";
        const auto deadline = std::chrono::steady_clock::now() + config_.lockWait;
        auto pause = std::chrono::milliseconds(20);
        while (db_.query(sql).integer(0, 0) != 1) {
            if (std::chrono::steady_clock::now() >= deadline) {
                const std::string holder = advisoryHolder(key);
                throw Error(ErrorCategory::timeout,
                            "waited " + std::to_string(config_.lockWait.count()) + " s for the migration lock of " +
                                db_.describe() + (holder.empty() ? "" : ", held by " + holder) + "; nothing was applied",
                            "let the other migrate or push finish, then run again");
            }
            std::this_thread::sleep_for(pause);
            pause = std::min(pause * 2, std::chrono::milliseconds(500));
        }
    }

private:
    // A hot standby takes no writes at all: say so before anything runs (pull reads one fine).
    void refuseStandby() {
        if (db_.query("SELECT CASE WHEN pg_is_in_recovery() THEN 1 ELSE 0 END").integer(0, 0) == 0) return;
        const std::string command = pushLock_ ? "push" : "migrate";
        throw Error(ErrorCategory::readOnly,
                    db_.describe() + " is a hot standby (pg_is_in_recovery()): a read-only server, where " + command +
                        " cannot write; nothing was applied",
                    "run " + command + " against the primary; the standby follows it", "25006");
    }

    std::int64_t lockKey() const {
        const std::string digest = util::sha256Hex("drizzle migrate " + tableName());
        return static_cast<std::int64_t>(std::stoull(digest.substr(0, 16), nullptr, 16));
    }

    // The session holding the advisory lock, as pg_stat_activity shows it.
    std::string advisoryHolder(std::int64_t signedKey) {
        const std::uint64_t key = static_cast<std::uint64_t>(signedKey);
        const driver::Rows rows = db_.query(
            "SELECT a.pid, coalesce(a.application_name, ''), coalesce(a.client_addr::text, 'local'), "
            "coalesce(to_char(a.xact_start AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS'), '') "
            "FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory' AND l.granted "
            "AND l.classid = ? AND l.objid = ? AND l.objsubid = 1 LIMIT 1",
            {std::to_string(key >> 32), std::to_string(key & 0xffffffffu)});
        if (rows.size() == 0) return {};
        return "server process " + rows.text(0, 0) + " (" + (rows.text(0, 1).empty() ? "" : rows.text(0, 1) + ", ") + "from " +
               rows.text(0, 2) + ", in a transaction since " + rows.text(0, 3) + " UTC)";
    }

    const MigrationConfig config_;  // a copy: callers pass temporaries
    std::string schema_;
    std::unique_ptr<LockRow> lock_;
};

}  // namespace

std::unique_ptr<MigrationBackend> makePgBackend(driver::Connection& db, const MigrationConfig& config) {
    return std::make_unique<PgBackend>(db, config);
}

}  // namespace drizzle::migrate_internal

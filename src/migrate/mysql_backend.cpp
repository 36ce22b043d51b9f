// MySQL/MariaDB: the lock row (lock_row.hpp) in `<tracking table>_lock`, not GET_LOCK, which is
// per server: on a Galera cluster two nodes would both grant it. DDL commits as it runs, so the
// driver loop applies each statement on its own.
#include "drizzle/dialect.hpp"
#include "drizzle/error.hpp"
#include "migrate/backend.hpp"
#include "migrate/lock_row.hpp"
#include "util/sha256.hpp"

#include <utility>

namespace drizzle::migrate_internal {

namespace {

class MysqlBackend final : public MigrationBackend {
public:
    MysqlBackend(driver::Connection& db, const MigrationConfig& config)
        : MigrationBackend(db, quoteIdentifier(Dialect::mysql, config.migrationsTable), config.migrationsTable),
          config_(config) {}

    void lock() override {
        requireDatabase();
        if (pushLock_) return pushLock();
        const std::string lockTable = quoteIdentifier(Dialect::mysql, lockTableName(config_.migrationsTable));
        LockStatements sql = mysqlLockStatements(lockTable, config_.lockTtl.count());
        db_.execute(sql.create);
        lock_ = std::make_unique<LockRow>(db_, config_, std::move(sql), db_.describe() + " (" + lockTableName(config_.migrationsTable) + ")");
        lock_->acquire();
    }

    void unlock() override {
        if (!pushLockName_.empty()) db_.query("SELECT RELEASE_LOCK(?)", {std::exchange(pushLockName_, {})});
        if (lock_) lock_->release();
        lock_.reset();
    }
    void checkLock() const override {
        if (lock_) lock_->checkHeld();
    }

    bool hasTrackingTable() override {
        return db_.query("SELECT 1 FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = ?",
                         {tableName()})
                   .size() > 0;
    }

    void createTrackingTable() override {
        db_.execute("CREATE TABLE IF NOT EXISTS " + table() +
                    " (id serial primary key, hash text not null, created_at bigint)");
    }

private:
    // GET_LOCK, named after the database and the tracking table (at most 64 characters): a push
    // leaves no table behind. Per server: on a Galera cluster, push through one node at a time.
    void pushLock() {
        const std::string database = db_.query("SELECT DATABASE()").text(0, 0);
        const std::string name = "drizzle_migrate:" + util::sha256Hex(database + "." + tableName()).substr(0, 40);
        const driver::Rows rows = db_.query("SELECT GET_LOCK(?, ?)", {name, std::int64_t{config_.lockWait.count()}});
        if (rows.isNull(0, 0) || rows.integer(0, 0) != 1)
            throw Error(ErrorCategory::timeout,
                        "waited " + std::to_string(config_.lockWait.count()) + " s for the push lock of " + db_.describe() +
                            "; nothing was applied",
                        "let the other push finish (SELECT IS_USED_LOCK('" + name + "') names its connection), then run again");
        pushLockName_ = name;
    }

    void requireDatabase() {
        const driver::Rows rows = db_.query("SELECT DATABASE()");
        if (rows.size() == 0 || rows.isNull(0, 0))
            throw Error(ErrorCategory::migration, "the MySQL connection " + db_.describe() + " has no database selected",
                        "name the database in the URL (mysql://user:password@host:3306/DATABASE) or in "
                        "dbCredentials.database");
    }

    const MigrationConfig config_;  // a copy: callers pass temporaries
    std::unique_ptr<LockRow> lock_;
    std::string pushLockName_;
};

}  // namespace

std::unique_ptr<MigrationBackend> makeMysqlBackend(driver::Connection& db, const MigrationConfig& config) {
    return std::make_unique<MysqlBackend>(db, config);
}

}  // namespace drizzle::migrate_internal

// What drizzle::migrate does differently per dialect: the lock, the transaction around a batch,
// the tracking table's DDL and location, and checks a batch must pass before it commits. One
// backend per dialect (pg_backend.cpp, sqlite_backend.cpp, mysql_backend.cpp), chosen once from
// the connection; the driver loop in migrator.cpp (plan, statements, messages) is the same for all.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "drizzle/kit/journal.hpp"
#include "drizzle/migrate.hpp"
#include "migrate/plan.hpp"

namespace drizzle::migrate_internal {


class MigrationBackend {
public:
    virtual ~MigrationBackend() = default;
    MigrationBackend(const MigrationBackend&) = delete;
    MigrationBackend& operator=(const MigrationBackend&) = delete;

    // Holds the migration lock of the database until unlock(); throws drizzle::Error when it
    // cannot be had. SQLite's lock is its write transaction, so there it leaves one open.
    virtual void lock() = 0;
    virtual void unlock() = 0;
    void unlockQuietly();
    // Throws when the lock was lost meanwhile (the migrator asks before each statement).
    virtual void checkLock() const {}
    // push's lock instead of migrate's: one that leaves nothing in the database (push syncs a
    // development database, whose dump must match the schema): PostgreSQL's transaction-scoped
    // advisory lock, MySQL's GET_LOCK.
    void usePushLock() { pushLock_ = true; }

    void begin();
    void commit();
    void rollbackQuietly();  // ignores a failure: a killed connection has rolled back already
    bool inTransaction() const { return inTransaction_; }

    virtual void createTrackingTable() = 0;
    virtual bool hasTrackingTable() = 0;
    std::vector<TrackedRow> trackedRows();
    bool isRecorded(std::int64_t createdAt);
    void record(const std::string& hash, std::int64_t createdAt);
    // Records a -- drizzle:no-transaction migration once its statements have run.
    virtual void recordAfterOwnRun(const std::string& hash, std::int64_t createdAt) { record(hash, createdAt); }

    // Around the pending batches in one transaction: called once before the first pending
    // migration, and before each commit of a non-empty batch (which may roll back and throw).
    virtual void beforePending() {}
    virtual void checkBatch(const std::vector<const kit::Migration*>& /*batch*/, const std::string& /*committedNote*/) {}

    const std::string& table() const { return table_; }          // quoted, for SQL
    const std::string& tableName() const { return tableName_; }  // for messages and the lock key

protected:
    MigrationBackend(driver::Connection& db, std::string table, std::string tableName)
        : db_(db), table_(std::move(table)), tableName_(std::move(tableName)) {}

    virtual void beginTransaction() { db_.begin(); }
    virtual void commitTransaction() { db_.commit(); }
    virtual void rollbackTransaction() { db_.rollback(); }

    driver::Connection& db_;

    bool pushLock_ = false;

private:
    std::string table_;
    std::string tableName_;
    bool inTransaction_ = false;
};

std::unique_ptr<MigrationBackend> makeBackend(driver::Connection& db, const MigrationConfig& config);
std::unique_ptr<MigrationBackend> makePgBackend(driver::Connection& db, const MigrationConfig& config);
std::unique_ptr<MigrationBackend> makeSqliteBackend(driver::Connection& db, const MigrationConfig& config);
std::unique_ptr<MigrationBackend> makeMysqlBackend(driver::Connection& db, const MigrationConfig& config);

// Message helpers shared by the driver loop and the backends.
std::string tagList(const std::vector<const kit::Migration*>& migrations);
std::string plural(std::size_t n, const char* word);

}  // namespace drizzle::migrate_internal

// The migration lock of PostgreSQL and MySQL/MariaDB: one row in a lock table beside the
// tracking table, inserted by the migrate that holds it and renewed by a heartbeat on a second
// connection until it is deleted. Being data, it holds where session locks do not: behind a
// transaction pooler (PgBouncer hands each transaction any server connection, so a session
// advisory lock and its unlock land on different ones) and across a Galera cluster (GET_LOCK is
// per node; the row is replicated, and two nodes inserting it at once conflict). A holder that
// dies stops renewing; its row expires `lockTtl` after the last renewal and the next migrate
// takes over.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "drizzle/driver/connection.hpp"
#include "drizzle/migrate.hpp"

namespace drizzle::migrate_internal {

// The dialect's SQL for the lock table named `table`, rows valid for `ttlSeconds` past their
// last renewal. Statements with a `?` take the owner.
struct LockStatements {
    std::string create;        // the table, if missing
    std::string clearExpired;  // deletes the row when its holder stopped renewing it
    std::string take;          // (owner) inserts the row unless there is one: 1 row affected = taken
    std::string renew;         // (owner) pushes the expiry back: 1 row affected = still ours
    std::string release;       // (owner) deletes the row if ours
    std::string holder;        // the row's owner, since when (text) and seconds left
};
LockStatements pgLockStatements(const std::string& table, std::int64_t ttlSeconds);
LockStatements mysqlLockStatements(const std::string& table, std::int64_t ttlSeconds);

class LockRow {
public:
    // `where` names the database and lock table in messages.
    LockRow(driver::Connection& db, const MigrationConfig& config, LockStatements sql, std::string where);
    ~LockRow();
    LockRow(const LockRow&) = delete;
    LockRow& operator=(const LockRow&) = delete;

    // Waits up to config.lockWait for the row, telling config.onLockWait who holds it; throws
    // Error(timeout) naming the holder when the wait runs out.
    void acquire();
    // Stops the heartbeat and deletes the row (a lost connection leaves it to expire).
    void release() noexcept;
    // Throws Error(migration) when the heartbeat could not keep the row (another migrate may
    // hold it now): called before each statement, so nothing more runs without it.
    void checkHeld() const;

private:
    std::int64_t run(driver::Connection& c, const std::string& sql, bool withOwner);
    std::string describeHolder();
    void heartbeat();

    driver::Connection& db_;
    const MigrationConfig& config_;
    LockStatements sql_;
    std::string where_;
    std::string owner_;
    bool held_ = false;

    std::unique_ptr<driver::Connection> beat_;  // the heartbeat's connection
    std::thread beating_;
    std::mutex mutex_;
    std::condition_variable stop_;
    bool stopping_ = false;
    std::atomic<bool> lost_{false};
    std::string lostReason_;  // set before lost_
};

}  // namespace drizzle::migrate_internal

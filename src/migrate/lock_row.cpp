// The migration lock row: take it, keep it alive, give it back. See lock_row.hpp for why a row.
#include "migrate/lock_row.hpp"

#include <unistd.h>

#include <algorithm>
#include <random>

#include "drizzle/error.hpp"

namespace drizzle::migrate_internal {

namespace {

using Clock = std::chrono::steady_clock;

// Who holds the lock, as the waiting side shows it: host, process and a token that tells two
// runs of one process apart.
std::string ownerName() {
    char host[256] = {};
    if (gethostname(host, sizeof host - 1) != 0) host[0] = '\0';
    std::random_device random;
    char token[9];
    std::snprintf(token, sizeof token, "%08x", random());
    return "drizzle-kit migrate on " + std::string(*host ? host : "an unknown host") + ", pid " +
           std::to_string(getpid()) + " (" + token + ")";
}

}  // namespace

LockStatements pgLockStatements(const std::string& table, std::int64_t ttlSeconds) {
    const std::string expiry = "clock_timestamp() + interval '" + std::to_string(ttlSeconds) + " seconds'";
    return {
        "CREATE TABLE IF NOT EXISTS " + table +
            " (id integer PRIMARY KEY, owner text NOT NULL, acquired_at timestamptz NOT NULL, expires_at timestamptz NOT NULL)",
        "DELETE FROM " + table + " WHERE id = 1 AND expires_at < clock_timestamp()",
        "INSERT INTO " + table + " (id, owner, acquired_at, expires_at) VALUES (1, ?, clock_timestamp(), " + expiry +
            ") ON CONFLICT (id) DO NOTHING",
        "UPDATE " + table + " SET expires_at = " + expiry + " WHERE id = 1 AND owner = ?",
        "DELETE FROM " + table + " WHERE id = 1 AND owner = ?",
        "SELECT owner, to_char(acquired_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') || ' UTC', "
        "CAST(ceil(extract(epoch FROM expires_at - clock_timestamp())) AS bigint) FROM " + table + " WHERE id = 1",
    };
}

LockStatements mysqlLockStatements(const std::string& table, std::int64_t ttlSeconds) {
    const std::string expiry = "UTC_TIMESTAMP(6) + INTERVAL " + std::to_string(ttlSeconds) + " SECOND";
    return {
        "CREATE TABLE IF NOT EXISTS " + table +
            " (id int PRIMARY KEY, owner varchar(255) NOT NULL, acquired_at datetime(6) NOT NULL, expires_at datetime(6) NOT NULL)",
        "DELETE FROM " + table + " WHERE id = 1 AND expires_at < UTC_TIMESTAMP(6)",
        // IGNORE: a row already there is the answer "not taken", not an error.
        "INSERT IGNORE INTO " + table + " (id, owner, acquired_at, expires_at) VALUES (1, ?, UTC_TIMESTAMP(6), " + expiry + ")",
        "UPDATE " + table + " SET expires_at = " + expiry + " WHERE id = 1 AND owner = ?",
        "DELETE FROM " + table + " WHERE id = 1 AND owner = ?",
        "SELECT owner, CONCAT(DATE_FORMAT(acquired_at, '%Y-%m-%d %H:%i:%s'), ' UTC'), "
        "TIMESTAMPDIFF(SECOND, UTC_TIMESTAMP(6), expires_at) + 1 FROM " + table + " WHERE id = 1",
    };
}

LockRow::LockRow(driver::Connection& db, const MigrationConfig& config, LockStatements sql, std::string where)
    : db_(db), config_(config), sql_(std::move(sql)), where_(std::move(where)), owner_(ownerName()) {}

LockRow::~LockRow() { release(); }

std::int64_t LockRow::run(driver::Connection& c, const std::string& sql, bool withOwner) {
    const driver::Param owner[] = {owner_};
    auto cursor = c.stream(sql, withOwner ? std::span<const driver::Param>(owner) : std::span<const driver::Param>());
    while (cursor->next()) {
    }
    return cursor->affectedRows();
}

std::string LockRow::describeHolder() {
    const driver::Rows rows = db_.query(sql_.holder);
    if (rows.size() == 0) return {};
    const std::int64_t left = rows.isNull(0, 2) ? 0 : rows.integer(0, 2);
    return rows.text(0, 0) + ", since " + rows.text(0, 1) + " (its lock expires in " + std::to_string(std::max<std::int64_t>(left, 0)) +
           " s unless it renews it)";
}

void LockRow::acquire() {
    const auto started = Clock::now();
    const auto deadline = started + config_.lockWait;
    auto nextNotice = started + std::chrono::seconds(1);
    auto pause = std::chrono::milliseconds(50);
    std::string holder;
    for (;;) {
        try {
            run(db_, sql_.clearExpired, false);
            if (run(db_, sql_.take, true) == 1) break;
        } catch (const Error& e) {
            // Two Galera nodes inserting the row at once: one commits, the other's write set
            // fails certification (a conflict). Either way the row is someone's now.
            if (e.category() != ErrorCategory::conflict && e.category() != ErrorCategory::constraint) throw;
        }
        holder = describeHolder();
        const auto now = Clock::now();
        if (now >= deadline)
            throw Error(ErrorCategory::timeout,
                        "waited " + std::to_string(config_.lockWait.count()) + " s for the migration lock of " + where_ +
                            (holder.empty() ? std::string() : ", held by " + holder) + "; nothing was applied",
                        "let the other migrate finish and run again; a migrate that died leaves the lock until it "
                        "expires, " + std::to_string(config_.lockTtl.count()) + " s after its last renewal");
        if (!holder.empty() && now >= nextNotice && config_.onLockWait) {
            config_.onLockWait("waiting for the migration lock of " + where_ + ", held by " + holder);
            nextNotice = now + std::chrono::seconds(10);
        }
        std::this_thread::sleep_for(std::min<Clock::duration>(pause, deadline - now));
        pause = std::min(pause * 2, std::chrono::milliseconds(1000));
    }
    held_ = true;
    beat_ = db_.reopen();
    if (beat_) beating_ = std::thread([this] { heartbeat(); });
}

void LockRow::heartbeat() {
    const auto every = std::max<std::chrono::milliseconds>(config_.lockTtl / 3, std::chrono::milliseconds(100));
    auto renewed = Clock::now();
    std::unique_lock lock(mutex_);
    while (!stop_.wait_for(lock, every, [&] { return stopping_; })) {
        lock.unlock();
        std::string problem;
        try {
            if (run(*beat_, sql_.renew, true) == 1) renewed = Clock::now();
            else problem = "another migrate took it after it expired";
        } catch (const std::exception& e) {
            problem = e.what();
            try {
                beat_ = db_.reopen();  // try again on a new connection next time
            } catch (...) {
            }
        }
        lock.lock();
        if (!problem.empty() && (problem.starts_with("another") || Clock::now() - renewed >= config_.lockTtl)) {
            lostReason_ = problem;
            lost_ = true;
            return;
        }
    }
}

void LockRow::checkHeld() const {
    if (!lost_) return;
    throw Error(ErrorCategory::migration,
                "lost the migration lock of " + where_ + " (" + lostReason_ +
                    "); stopped before the next statement, since another migrate may be running",
                "check that the database is reachable and run migrate again");
}

void LockRow::release() noexcept {
    if (beating_.joinable()) {
        {
            std::lock_guard lock(mutex_);
            stopping_ = true;
        }
        stop_.notify_all();
        beating_.join();
    }
    if (!held_) return;
    held_ = false;
    try {
        run(db_, sql_.release, true);
    } catch (...) {  // the connection is gone: the row expires
    }
}

}  // namespace drizzle::migrate_internal

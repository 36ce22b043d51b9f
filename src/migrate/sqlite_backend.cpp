// SQLite: the lock is the write transaction itself (BEGIN IMMEDIATE), so a migration run
// outside a transaction runs without it. Foreign keys are off while migrate runs and checked
// once before each commit.
#include <algorithm>
#include <map>

#include "drizzle/dialect.hpp"
#include "drizzle/error.hpp"
#include "migrate/backend.hpp"

namespace drizzle::migrate_internal {

namespace {

class SqliteBackend final : public MigrationBackend {
public:
    SqliteBackend(driver::Connection& db, const MigrationConfig& config)
        : MigrationBackend(db, quoteIdentifier(Dialect::sqlite, config.migrationsTable), config.migrationsTable),
          config_(config) {}

    void lock() override {
        // Enforced foreign keys would turn the DROP TABLE of drizzle-kit's table rebuilds into
        // cascading deletes (its PRAGMA foreign_keys=OFF is a no-op inside a transaction); they
        // are checked once at each commit instead.
        foreignKeysWereOn_ = db_.query("PRAGMA foreign_keys").integer(0, 0) == 1;
        if (foreignKeysWereOn_) db_.execute("PRAGMA foreign_keys = OFF");
        try {
            begin();
        } catch (...) {
            unlockQuietly();
            throw;
        }
    }

    void unlock() override {
        if (foreignKeysWereOn_) db_.execute("PRAGMA foreign_keys = ON");
    }

    bool hasTrackingTable() override {
        return db_.query("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?", {tableName()}).size() > 0;
    }

    void createTrackingTable() override {
        // Drizzle writes `id SERIAL PRIMARY KEY`, which SQLite leaves NULL; INTEGER PRIMARY KEY is
        // the rowid. created_at numeric as Drizzle, so both read each other's rows.
        db_.execute("CREATE TABLE IF NOT EXISTS " + table() +
                    " (id INTEGER PRIMARY KEY, hash text NOT NULL, created_at numeric)");
    }

    // The migration ran without the lock: another process may have recorded it meanwhile.
    void recordAfterOwnRun(const std::string& hash, std::int64_t createdAt) override {
        begin();
        if (!isRecorded(createdAt)) record(hash, createdAt);
        commit();
    }

    void beforePending() override { violationsBefore_ = foreignKeyViolations().total; }

    // The batch ran with foreign keys off; it must not leave more broken references than it found.
    void checkBatch(const std::vector<const kit::Migration*>& batch, const std::string& committedNote) override {
        const Violations after = foreignKeyViolations();
        if (after.total <= violationsBefore_) return;
        rollbackQuietly();
        throw Error(ErrorCategory::migration,
                    "the migrations " + tagList(batch) + " leave rows whose foreign key points at no row: " +
                        after.summary + " (PRAGMA foreign_key_check). Nothing of this batch was applied: the "
                        "transaction was rolled back, so the database is as it was before." + committedNote,
                    "foreign keys are checked when the batch ends (migrate turns them off while it runs, so that "
                    "table rebuilds do not cascade): make the migrations delete or fix the referencing rows, then run "
                    "migrate again");
    }

protected:
    // Waits for the write lock up to config.lockWait, as the servers wait for their lock row.
    void beginTransaction() override {
        const std::int64_t previous = db_.query("PRAGMA busy_timeout").integer(0, 0);
        db_.execute("PRAGMA busy_timeout = " + std::to_string(std::max<std::int64_t>(previous, config_.lockWait.count() * 1000)));
        try {
            db_.execute("BEGIN IMMEDIATE");
        } catch (const Error& e) {
            db_.execute("PRAGMA busy_timeout = " + std::to_string(previous));
            throw Error(ErrorCategory::migration,
                        "cannot take the write lock of " + db_.describe() + " (waited up to " +
                            std::to_string(config_.lockWait.count()) + " s): " + e.what() + "; nothing was applied",
                        "another process holds a write transaction on the database: let it finish, then run migrate "
                        "again",
                        e.nativeCode());
        }
        db_.execute("PRAGMA busy_timeout = " + std::to_string(previous));
    }

    void commitTransaction() override { db_.execute("COMMIT"); }
    void rollbackTransaction() override { db_.execute("ROLLBACK"); }

private:
    struct Violations {
        std::size_t total = 0;
        std::string summary;  // "2 rows of posts referencing users, ..."
    };

    Violations foreignKeyViolations() {
        const driver::Rows rows = db_.query("PRAGMA foreign_key_check");
        std::map<std::string, std::size_t> byTable;
        for (std::size_t r = 0; r < rows.size(); ++r) ++byTable[rows.text(r, 0) + " referencing " + rows.text(r, 2)];
        Violations v;
        for (const auto& [tables, n] : byTable) {
            v.total += n;
            v.summary += (v.summary.empty() ? "" : ", ") + plural(n, "row") + " of " + tables;
        }
        return v;
    }

    bool foreignKeysWereOn_ = false;
    std::size_t violationsBefore_ = 0;  // PRAGMA foreign_key_check rows before the batch
    const MigrationConfig config_;  // a copy: callers pass temporaries
};

}  // namespace

std::unique_ptr<MigrationBackend> makeSqliteBackend(driver::Connection& db, const MigrationConfig& config) {
    return std::make_unique<SqliteBackend>(db, config);
}

}  // namespace drizzle::migrate_internal

// drizzle::migrate: lock, read the tracking table, plan, apply, record, unlock.
//
// PostgreSQL and SQLite create the tracking table, read it and apply the whole pending batch in
// one transaction, so a failure or a kill leaves the database exactly as it was (the tracking
// table included). MySQL commits DDL as it runs, so there every statement stands on its own
// and a failure reports what had already run.
#include "drizzle/migrate.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <map>
#include <thread>

#include "drizzle/error.hpp"
#include "drizzle/kit/journal.hpp"
#include "migrate/plan.hpp"
#include "util/sha256.hpp"

namespace drizzle {

namespace {

using driver::Connection;
using kit::Migration;
using migrate_internal::TrackedRow;

constexpr int lockWaitSeconds = 600;  // MySQL GET_LOCK and SQLite busy_timeout

// True when the statement holds nothing but `--` comments and whitespace (a commented-out
// baseline from `pull`): servers reject an empty query, so it is not sent.
bool onlyComments(std::string_view sql) {
    std::size_t i = 0;
    while (i < sql.size()) {
        if (std::isspace(static_cast<unsigned char>(sql[i]))) {
            ++i;
        } else if (sql.substr(i, 2) == "--") {
            const auto eol = sql.find('\n', i);
            if (eol == std::string_view::npos) return true;
            i = eol + 1;
        } else {
            return false;
        }
    }
    return true;
}

// A statement as messages quote it: leading comment lines dropped, whitespace collapsed, short.
std::string excerpt(std::string_view sql) {
    for (;;) {
        const std::size_t start = sql.find_first_not_of(" \t\r\n");
        if (start == std::string_view::npos || sql.substr(start, 2) != "--") break;
        const std::size_t end = sql.find('\n', start);
        if (end == std::string_view::npos) break;
        sql.remove_prefix(end + 1);
    }
    std::string out;
    bool space = false;
    for (char c : sql) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    if (out.size() > 160) out = out.substr(0, 157) + "...";
    return out;
}

std::string tagList(const std::vector<const Migration*>& migrations) {
    std::string out;
    for (const Migration* m : migrations) out += (out.empty() ? "" : ", ") + m->entry.tag;
    return out;
}

std::string plural(std::size_t n, const char* word) {
    return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

// Where a statement is: "statement 2 of 3 of 0001_add_importance (drizzle/0001_add_importance.sql, line 7)".
std::string where(const Migration& m, std::size_t i) {
    return "statement " + std::to_string(i + 1) + " of " + std::to_string(m.statements.size()) + " of " + m.entry.tag +
           " (" + m.file.string() + ", line " + std::to_string(m.statements[i].line) + ")";
}

// Runs the dialect-specific parts; one per migrate() call.
class Migrator {
public:
    Migrator(Connection& db, const MigrationConfig& config) : db_(db), config_(config), dialect_(db.dialect()) {
        table_ = quoteIdentifier(dialect_, config.migrationsTable);
        if (dialect_ == Dialect::postgresql) table_ = quoteIdentifier(dialect_, config.migrationsSchema) + "." + table_;
        tableName_ = dialect_ == Dialect::postgresql ? config.migrationsSchema + "." + config.migrationsTable
                                                     : config.migrationsTable;
    }

    MigrateReport run(const std::vector<Migration>& migrations) {
        lock();
        try {
            if (dialect_ == Dialect::mysql)
                runAutocommit(migrations);
            else
                runTransactional(migrations);
        } catch (...) {
            if (inTransaction_) rollbackQuietly();
            unlockQuietly();
            throw;
        }
        unlock();
        return report_;
    }

private:
    // ---------------------------------------------------------------- locking

    std::int64_t pgLockKey() const {
        const std::string digest = util::sha256Hex("drizzle migrate " + tableName_);
        return static_cast<std::int64_t>(std::stoull(digest.substr(0, 16), nullptr, 16));
    }

    std::string mysqlLockName() {
        const driver::Rows rows = db_.query("SELECT DATABASE()");
        if (rows.size() == 0 || rows.isNull(0, 0))
            throw Error(ErrorCategory::migration, "the MySQL connection " + db_.describe() + " has no database selected",
                        "name the database in the URL (mysql://user:password@host:3306/DATABASE) or in "
                        "dbCredentials.database");
        // GET_LOCK names are server-wide and at most 64 characters.
        return "drizzle_migrate:" + util::sha256Hex(rows.text(0, 0) + "." + tableName_).substr(0, 40);
    }

    void lock() {
        switch (dialect_) {
            case Dialect::postgresql: {
                // Polled, not pg_advisory_lock: a session blocked in that statement holds a
                // snapshot, which CREATE INDEX CONCURRENTLY in the lock holder waits for; PostgreSQL
                // breaks that deadlock by failing one of them.
                const std::string sql = "SELECT CASE WHEN pg_try_advisory_lock(" + std::to_string(pgLockKey()) +
                                        ") THEN 1 ELSE 0 END";
                auto pause = std::chrono::milliseconds(20);
                while (db_.query(sql).integer(0, 0) != 1) {
                    std::this_thread::sleep_for(pause);
                    pause = std::min(pause * 2, std::chrono::milliseconds(500));
                }
                break;
            }
            case Dialect::mysql: {
                lockName_ = mysqlLockName();
                const driver::Rows rows =
                    db_.query("SELECT GET_LOCK(?, ?)", {lockName_, std::int64_t{lockWaitSeconds}});
                if (rows.isNull(0, 0) || rows.integer(0, 0) != 1)
                    throw Error(ErrorCategory::migration,
                                "another migrate held the migration lock of " + db_.describe() + " for " +
                                    std::to_string(lockWaitSeconds / 60) + " minutes; nothing was applied",
                                "wait for the other migrate to finish (SELECT IS_USED_LOCK('" + lockName_ +
                                    "') names its connection), then run migrate again");
                break;
            }
            case Dialect::sqlite:
                // Enforced foreign keys would turn the DROP TABLE of drizzle-kit's table rebuilds into
                // cascading deletes (its PRAGMA foreign_keys=OFF is a no-op inside a transaction);
                // they are checked once at each commit instead.
                foreignKeysWereOn_ = db_.query("PRAGMA foreign_keys").integer(0, 0) == 1;
                if (foreignKeysWereOn_) db_.execute("PRAGMA foreign_keys = OFF");
                try {
                    beginImmediate();
                } catch (...) {
                    unlockQuietly();
                    throw;
                }
                break;
        }
    }

    void unlock() {
        if (dialect_ == Dialect::postgresql)
            db_.query("SELECT pg_advisory_unlock(" + std::to_string(pgLockKey()) + ")");
        else if (dialect_ == Dialect::mysql)
            db_.query("SELECT RELEASE_LOCK(?)", {lockName_});
        else if (foreignKeysWereOn_)
            db_.execute("PRAGMA foreign_keys = ON");
    }

    void unlockQuietly() {
        try {
            unlock();
        } catch (...) {  // the connection may be gone, and the lock with it
        }
    }

    // SQLite's lock is the write transaction itself; wait for it as long as MySQL waits for its lock.
    void beginImmediate() {
        const std::int64_t previous = db_.query("PRAGMA busy_timeout").integer(0, 0);
        db_.execute("PRAGMA busy_timeout = " + std::to_string(std::max<std::int64_t>(previous, lockWaitSeconds * 1000)));
        try {
            db_.execute("BEGIN IMMEDIATE");
        } catch (const Error& e) {
            db_.execute("PRAGMA busy_timeout = " + std::to_string(previous));
            throw Error(ErrorCategory::migration,
                        "cannot take the write lock of " + db_.describe() + " (waited up to " +
                            std::to_string(lockWaitSeconds / 60) + " minutes): " + e.what() + "; nothing was applied",
                        "another process holds a write transaction on the database: let it finish, then run migrate "
                        "again",
                        e.nativeCode());
        }
        db_.execute("PRAGMA busy_timeout = " + std::to_string(previous));
        inTransaction_ = true;
    }

    // ---------------------------------------------------------------- transactions

    void begin() {
        if (dialect_ == Dialect::sqlite) return beginImmediate();
        db_.begin();
        inTransaction_ = true;
    }

    void commit() {
        if (dialect_ == Dialect::sqlite)
            db_.execute("COMMIT");
        else
            db_.commit();
        inTransaction_ = false;
    }

    void rollbackQuietly() {
        inTransaction_ = false;
        try {
            if (dialect_ == Dialect::sqlite)
                db_.execute("ROLLBACK");
            else
                db_.rollback();
        } catch (...) {  // a killed connection has rolled back already
        }
    }

    // ---------------------------------------------------------------- the tracking table

    void createTrackingTable() {
        switch (dialect_) {
            case Dialect::postgresql:
                db_.execute("CREATE SCHEMA IF NOT EXISTS " + quoteIdentifier(Dialect::postgresql, config_.migrationsSchema));
                db_.execute("CREATE TABLE IF NOT EXISTS " + table_ +
                            " (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at bigint)");
                break;
            case Dialect::mysql:
                db_.execute("CREATE TABLE IF NOT EXISTS " + table_ +
                            " (id serial primary key, hash text not null, created_at bigint)");
                break;
            case Dialect::sqlite:
                // Drizzle writes `id SERIAL PRIMARY KEY`, which SQLite leaves NULL; INTEGER PRIMARY
                // KEY is the rowid. created_at numeric as Drizzle, so both read each other's rows.
                db_.execute("CREATE TABLE IF NOT EXISTS " + table_ +
                            " (id INTEGER PRIMARY KEY, hash text NOT NULL, created_at numeric)");
                break;
        }
    }

    std::vector<TrackedRow> trackedRows() {
        const driver::Rows rows = db_.query("SELECT hash, created_at FROM " + table_);
        std::vector<TrackedRow> out;
        for (std::size_t r = 0; r < rows.size(); ++r) {
            if (rows.isNull(r, 1)) continue;
            if (auto createdAt = migrate_internal::parseCreatedAt(rows.text(r, 1)))
                out.push_back({rows.isNull(r, 0) ? std::string() : rows.text(r, 0), *createdAt});
        }
        return out;
    }

    bool isRecorded(const Migration& m) {
        return db_.query("SELECT 1 FROM " + table_ + " WHERE created_at = ?", {m.entry.when}).size() > 0;
    }

    void record(const Migration& m) {
        db_.query("INSERT INTO " + table_ + " (" + (dialect_ == Dialect::mysql ? "`hash`, `created_at`" : "\"hash\", \"created_at\"") +
                      ") VALUES (?, ?)",
                  {m.hash, m.entry.when});
    }

    migrate_internal::Plan plan(const std::vector<Migration>& migrations) {
        migrate_internal::Plan plan =
            migrate_internal::planMigrations(migrations, trackedRows(), config_.allowOutOfOrder, tableName_);
        report_.alreadyApplied = plan.alreadyApplied;
        return plan;
    }

    void noteApplied(const Migration& m) {
        report_.applied.push_back({m.entry.tag, m.statements.size(), m.entry.when, m.noTransaction && dialect_ != Dialect::mysql});
    }

    // ---------------------------------------------------------------- applying

    // PostgreSQL, SQLite: the lock is held (and for SQLite the transaction is open).
    void runTransactional(const std::vector<Migration>& migrations) {
        if (dialect_ == Dialect::postgresql) begin();
        createTrackingTable();
        const migrate_internal::Plan plan = this->plan(migrations);

        if (dialect_ == Dialect::sqlite && !plan.pending.empty()) violationsBefore_ = foreignKeyViolations().total;
        std::vector<const Migration*> batch;  // applied in the open transaction
        const auto commitBatch = [&] {
            if (dialect_ == Dialect::sqlite && !batch.empty()) checkForeignKeys(batch);
            commit();
            for (const Migration* done : batch) noteApplied(*done);
            committed_.insert(committed_.end(), batch.begin(), batch.end());
            batch.clear();
        };
        for (const Migration* m : plan.pending) {
            if (m->noTransaction) {
                commitBatch();
                runOnItsOwn(*m);
                begin();
                continue;
            }
            for (std::size_t i = 0; i < m->statements.size(); ++i) {
                if (onlyComments(m->statements[i].sql)) continue;
                try {
                    db_.execute(m->statements[i].sql);
                } catch (const Error& e) {
                    batch.push_back(m);
                    rollbackQuietly();
                    throw batchFailure(*m, i, e, batch);
                }
            }
            record(*m);
            batch.push_back(m);
        }
        commitBatch();
    }

    // A `-- drizzle:no-transaction` migration: statement by statement in autocommit mode.
    void runOnItsOwn(const Migration& m) {
        runStatementsAutocommit(m);
        if (dialect_ == Dialect::sqlite) {
            begin();  // SQLite ran it without the lock: another process may have recorded it meanwhile
            if (!isRecorded(m)) record(m);
            commit();
        } else {
            record(m);
        }
        committed_.push_back(&m);
        noteApplied(m);
    }

    void runAutocommit(const std::vector<Migration>& migrations) {
        createTrackingTable();
        const migrate_internal::Plan plan = this->plan(migrations);
        for (const Migration* m : plan.pending) {
            runStatementsAutocommit(*m);
            record(*m);
            committed_.push_back(m);
            noteApplied(*m);
        }
    }

    void runStatementsAutocommit(const Migration& m) {
        for (std::size_t i = 0; i < m.statements.size(); ++i) {
            if (onlyComments(m.statements[i].sql)) continue;
            try {
                db_.execute(m.statements[i].sql);
            } catch (const Error& e) {
                throw autocommitFailure(m, i, e);
            }
        }
    }

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

    // SQLite: the batch ran with foreign keys off; it must not leave more broken references than it found.
    void checkForeignKeys(const std::vector<const Migration*>& batch) {
        const Violations after = foreignKeyViolations();
        if (after.total <= violationsBefore_) return;
        rollbackQuietly();
        throw Error(ErrorCategory::migration,
                    "the migrations " + tagList(batch) + " leave rows whose foreign key points at no row: " +
                        after.summary + " (PRAGMA foreign_key_check). Nothing of this batch was applied: the "
                        "transaction was rolled back, so the database is as it was before." + committedNote(),
                    "foreign keys are checked when the batch ends (migrate turns them off while it runs, so that "
                    "table rebuilds do not cascade): make the migrations delete or fix the referencing rows, then run "
                    "migrate again");
    }

    // ---------------------------------------------------------------- failures

    std::string committedNote() const {
        if (committed_.empty()) return "";
        return " Committed earlier in this run, and recorded as applied: " + tagList(committed_) + ".";
    }

    Error batchFailure(const Migration& m, std::size_t i, const Error& e, const std::vector<const Migration*>& batch) {
        return Error(ErrorCategory::migration,
                     where(m, i) + " failed: " + excerpt(m.statements[i].sql) + "\nthe database said: " + e.what() +
                         "\nNothing of this batch was applied: the transaction holding " +
                         plural(batch.size(), "migration") + " (" + tagList(batch) +
                         ") was rolled back, so the database is as it was before." + committedNote(),
                     "fix statement " + std::to_string(i + 1) + " in " + m.file.string() + " (line " +
                         std::to_string(m.statements[i].line) + "), then run migrate again",
                     e.nativeCode());
    }

    Error autocommitFailure(const Migration& m, std::size_t i, const Error& e) {
        std::string ran;
        for (std::size_t k = 0; k < i; ++k)
            ran += "\n  statement " + std::to_string(k + 1) + " (line " + std::to_string(m.statements[k].line) +
                   "): " + excerpt(m.statements[k].sql);
        const std::string why = dialect_ == Dialect::mysql
                                    ? "MySQL commits each DDL statement as it runs, so "
                                    : "This migration runs outside a transaction (-- drizzle:no-transaction), so ";
        const std::string state =
            i == 0 ? "No statement of " + m.entry.tag + " had run before it."
                   : why + (i == 1 ? "statement 1" : "statements 1-" + std::to_string(i)) + " of " + m.entry.tag +
                         " had already run and stay applied:" + ran;
        const std::string hint =
            i == 0 ? "fix statement 1 in " + m.file.string() + " (line " + std::to_string(m.statements[0].line) +
                         "), then run migrate again"
                   : "either undo what statements 1-" + std::to_string(i) + " did by hand, fix statement " +
                         std::to_string(i + 1) + " and run migrate again, or keep their effect: take them out of " +
                         m.file.string() + ", fix statement " + std::to_string(i + 1) +
                         ", run migrate, then put the file back as it was before it is recorded elsewhere";
        return Error(ErrorCategory::migration,
                     where(m, i) + " failed: " + excerpt(m.statements[i].sql) + "\nthe database said: " + e.what() +
                         "\n" + state + "\n" + m.entry.tag + " is not recorded as applied." + committedNote(),
                     hint, e.nativeCode());
    }

    Connection& db_;
    const MigrationConfig& config_;
    const Dialect dialect_;
    std::string table_;      // quoted, for SQL
    std::string tableName_;  // for messages and the lock key
    std::string lockName_;   // MySQL
    bool inTransaction_ = false;
    bool foreignKeysWereOn_ = false;  // SQLite
    std::size_t violationsBefore_ = 0;  // SQLite: PRAGMA foreign_key_check rows before the batch
    std::vector<const Migration*> committed_;
    MigrateReport report_;
};

void checkDialect(const kit::Journal& journal, const std::filesystem::path& folder, Dialect dialect) {
    std::optional<Dialect> journalDialect = parseDialect(journal.dialect);
    if (!journalDialect && journal.dialect == "turso") journalDialect = Dialect::sqlite;
    if (journalDialect && *journalDialect != dialect)
        throw Error(ErrorCategory::migration,
                    kit::journalPath(folder).string() + " holds " + journal.dialect + " migrations, but the database is " +
                        std::string(dialectName(dialect)),
                    "point migrate at the migrations folder generated for this database (--out, or \"out\" in "
                    "drizzle.config.json)");
}

}  // namespace

MigrateReport migrate(driver::Connection& db, const MigrationConfig& config) {
    const kit::Journal journal = kit::readJournal(config.migrationsFolder);
    checkDialect(journal, config.migrationsFolder, db.dialect());
    const std::vector<Migration> migrations = kit::readMigrations(config.migrationsFolder, journal);
    return Migrator(db, config).run(migrations);
}

}  // namespace drizzle

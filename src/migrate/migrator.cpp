// drizzle::migrate: lock, read the tracking table, plan, apply, record, unlock.
//
// PostgreSQL and SQLite create the tracking table, read it and apply the whole pending batch in
// one transaction, so a failure or a kill leaves the database exactly as it was (the tracking
// table included). MySQL commits DDL as it runs, so there every statement stands on its own
// and a failure reports what had already run.
#include "drizzle/migrate.hpp"

#include <cctype>
#include <memory>

#include "drizzle/dialect.hpp"
#include "drizzle/error.hpp"
#include "drizzle/kit/journal.hpp"
#include "migrate/backend.hpp"
#include "migrate/plan.hpp"
#include "util/text.hpp"

namespace drizzle {

namespace {

using driver::Connection;
using kit::Migration;
using migrate_internal::plural;
using migrate_internal::tagList;

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
    std::string out = util::oneLine(sql);
    if (out.size() > 160) out = out.substr(0, 157) + "...";
    return out;
}

// Where a statement is: "statement 2 of 3 of 0001_add_importance (drizzle/0001_add_importance.sql, line 7)".
std::string where(const Migration& m, std::size_t i) {
    return "statement " + std::to_string(i + 1) + " of " + std::to_string(m.statements.size()) + " of " + m.entry.tag +
           " (" + m.file.string() + ", line " + std::to_string(m.statements[i].line) + ")";
}

// Applies the pending migrations over the dialect's backend; one per migrate() call.
class Migrator {
public:
    Migrator(Connection& db, const MigrationConfig& config)
        : config_(config), traits_(traitsOf(db.dialect())), backend_(migrate_internal::makeBackend(db, config)), db_(db) {}

    MigrateReport run(const std::vector<Migration>& migrations) {
        backend_->lock();
        try {
            if (traits_.transactionalDdl)
                runTransactional(migrations);
            else
                runAutocommit(migrations);
        } catch (...) {
            if (backend_->inTransaction()) backend_->rollbackQuietly();
            backend_->unlockQuietly();
            throw;
        }
        backend_->unlock();
        return report_;
    }

private:
    migrate_internal::Plan plan(const std::vector<Migration>& migrations) {
        migrate_internal::Plan plan = migrate_internal::planMigrations(migrations, backend_->trackedRows(),
                                                                       config_.allowOutOfOrder, backend_->tableName());
        report_.alreadyApplied = plan.alreadyApplied;
        return plan;
    }

    void noteApplied(const Migration& m) {
        report_.applied.push_back({m.entry.tag, m.statements.size(), m.entry.when, m.noTransaction && traits_.transactionalDdl});
    }

    // ---------------------------------------------------------------- applying

    // Transactional DDL: the lock is held (and where the lock is a transaction, it is open).
    void runTransactional(const std::vector<Migration>& migrations) {
        if (!backend_->inTransaction()) backend_->begin();
        backend_->createTrackingTable();
        const migrate_internal::Plan plan = this->plan(migrations);

        if (!plan.pending.empty()) backend_->beforePending();
        std::vector<const Migration*> batch;  // applied in the open transaction
        const auto commitBatch = [&] {
            if (!batch.empty()) backend_->checkBatch(batch, committedNote());
            backend_->checkLock();  // a batch committed without the lock could be a second copy
            backend_->commit();
            for (const Migration* done : batch) noteApplied(*done);
            committed_.insert(committed_.end(), batch.begin(), batch.end());
            batch.clear();
        };
        for (const Migration* m : plan.pending) {
            if (m->noTransaction) {
                commitBatch();
                runOnItsOwn(*m);
                backend_->begin();
                continue;
            }
            for (std::size_t i = 0; i < m->statements.size(); ++i) {
                if (onlyComments(m->statements[i].sql)) continue;
                backend_->checkLock();
                try {
                    db_.execute(m->statements[i].sql);
                } catch (const Error& e) {
                    batch.push_back(m);
                    backend_->rollbackQuietly();
                    throw batchFailure(*m, i, e, batch);
                }
            }
            backend_->record(m->hash, m->entry.when);
            batch.push_back(m);
        }
        commitBatch();
    }

    // A `-- drizzle:no-transaction` migration: statement by statement in autocommit mode.
    void runOnItsOwn(const Migration& m) {
        runStatementsAutocommit(m);
        backend_->recordAfterOwnRun(m.hash, m.entry.when);
        committed_.push_back(&m);
        noteApplied(m);
    }

    void runAutocommit(const std::vector<Migration>& migrations) {
        backend_->createTrackingTable();
        const migrate_internal::Plan plan = this->plan(migrations);
        for (const Migration* m : plan.pending) {
            runStatementsAutocommit(*m);
            backend_->record(m->hash, m->entry.when);
            committed_.push_back(m);
            noteApplied(*m);
        }
    }

    void runStatementsAutocommit(const Migration& m) {
        for (std::size_t i = 0; i < m.statements.size(); ++i) {
            if (onlyComments(m.statements[i].sql)) continue;
            backend_->checkLock();
            try {
                db_.execute(m.statements[i].sql);
            } catch (const Error& e) {
                throw autocommitFailure(m, i, e);
            }
        }
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
        // Without transactional DDL (MySQL) every migration runs this way.
        const std::string why = traits_.transactionalDdl
                                    ? "This migration runs outside a transaction (-- drizzle:no-transaction), so "
                                    : "MySQL commits each DDL statement as it runs, so ";
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

    const MigrationConfig& config_;
    const DialectTraits& traits_;
    const std::unique_ptr<migrate_internal::MigrationBackend> backend_;
    Connection& db_;
    std::vector<const Migration*> committed_;
    MigrateReport report_;
};

}  // namespace

std::vector<RecordedMigration> recordedMigrations(driver::Connection& db, const MigrationConfig& config) {
    auto backend = migrate_internal::makeBackend(db, config);
    std::vector<RecordedMigration> out;
    if (!backend->hasTrackingTable()) return out;
    for (const auto& row : backend->trackedRows()) out.push_back({row.hash, row.createdAt});
    return out;
}

MigrateReport migrate(driver::Connection& db, const MigrationConfig& config) {
    const kit::Journal journal = kit::readJournal(config.migrationsFolder);
    migrate_internal::checkJournalDialect(journal, config.migrationsFolder, db.dialect());
    const std::vector<Migration> migrations = kit::readMigrations(config.migrationsFolder, journal);
    return Migrator(db, config).run(migrations);
}

}  // namespace drizzle

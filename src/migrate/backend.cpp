// What every dialect's migration backend shares: transaction bookkeeping and the tracking
// table's queries (the same SQL everywhere, quoted per dialect); and the choice of backend.
#include "migrate/backend.hpp"

#include "drizzle/dialect.hpp"

namespace drizzle::migrate_internal {

void MigrationBackend::unlockQuietly() {
    try {
        unlock();
    } catch (...) {  // the connection may be gone, and the lock with it
    }
}

void MigrationBackend::begin() {
    beginTransaction();
    inTransaction_ = true;
}

void MigrationBackend::commit() {
    commitTransaction();
    inTransaction_ = false;
}

void MigrationBackend::rollbackQuietly() {
    inTransaction_ = false;
    try {
        rollbackTransaction();
    } catch (...) {  // a killed connection has rolled back already
    }
}

std::vector<TrackedRow> MigrationBackend::trackedRows() {
    const driver::Rows rows = db_.query("SELECT hash, created_at FROM " + table_);
    std::vector<TrackedRow> out;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        if (rows.isNull(r, 1)) continue;
        if (auto createdAt = parseCreatedAt(rows.text(r, 1)))
            out.push_back({rows.isNull(r, 0) ? std::string() : rows.text(r, 0), *createdAt});
    }
    return out;
}

bool MigrationBackend::isRecorded(std::int64_t createdAt) {
    return db_.query("SELECT 1 FROM " + table_ + " WHERE created_at = ?", {createdAt}).size() > 0;
}

void MigrationBackend::record(const std::string& hash, std::int64_t createdAt) {
    const Dialect d = db_.dialect();
    db_.query("INSERT INTO " + table_ + " (" + quoteIdentifier(d, "hash") + ", " + quoteIdentifier(d, "created_at") +
                  ") VALUES (?, ?)",
              {hash, createdAt});
}

std::unique_ptr<MigrationBackend> makeBackend(driver::Connection& db, const MigrationConfig& config) {
    switch (db.dialect()) {
        case Dialect::postgresql: return makePgBackend(db, config);
        case Dialect::sqlite: return makeSqliteBackend(db, config);
        case Dialect::mysql: break;
    }
    return makeMysqlBackend(db, config);
}

std::string tagList(const std::vector<const kit::Migration*>& migrations) {
    std::string out;
    for (const kit::Migration* m : migrations) out += (out.empty() ? "" : ", ") + m->entry.tag;
    return out;
}

std::string plural(std::size_t n, const char* word) {
    return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

}  // namespace drizzle::migrate_internal

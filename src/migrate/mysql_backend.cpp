// MySQL/MariaDB: a server-wide GET_LOCK named after the database and the tracking table. DDL
// commits as it runs, so the driver loop applies each statement on its own.
#include "drizzle/dialect.hpp"
#include "drizzle/error.hpp"
#include "migrate/backend.hpp"
#include "util/sha256.hpp"

namespace drizzle::migrate_internal {

namespace {

class MysqlBackend final : public MigrationBackend {
public:
    MysqlBackend(driver::Connection& db, const MigrationConfig& config)
        : MigrationBackend(db, quoteIdentifier(Dialect::mysql, config.migrationsTable), config.migrationsTable) {}

    void lock() override {
        lockName_ = lockName();
        const driver::Rows rows = db_.query("SELECT GET_LOCK(?, ?)", {lockName_, std::int64_t{lockWaitSeconds}});
        if (rows.isNull(0, 0) || rows.integer(0, 0) != 1)
            throw Error(ErrorCategory::migration,
                        "another migrate held the migration lock of " + db_.describe() + " for " +
                            std::to_string(lockWaitSeconds / 60) + " minutes; nothing was applied",
                        "wait for the other migrate to finish (SELECT IS_USED_LOCK('" + lockName_ +
                            "') names its connection), then run migrate again");
    }

    void unlock() override { db_.query("SELECT RELEASE_LOCK(?)", {lockName_}); }

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
    std::string lockName() {
        const driver::Rows rows = db_.query("SELECT DATABASE()");
        if (rows.size() == 0 || rows.isNull(0, 0))
            throw Error(ErrorCategory::migration, "the MySQL connection " + db_.describe() + " has no database selected",
                        "name the database in the URL (mysql://user:password@host:3306/DATABASE) or in "
                        "dbCredentials.database");
        // GET_LOCK names are server-wide and at most 64 characters.
        return "drizzle_migrate:" + util::sha256Hex(rows.text(0, 0) + "." + tableName()).substr(0, 40);
    }

    std::string lockName_;
};

}  // namespace

std::unique_ptr<MigrationBackend> makeMysqlBackend(driver::Connection& db, const MigrationConfig& config) {
    return std::make_unique<MysqlBackend>(db, config);
}

}  // namespace drizzle::migrate_internal

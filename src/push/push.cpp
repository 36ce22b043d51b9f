// push = lock -> introspect -> catalog form -> renames -> diff -> data-loss analysis -> decide ->
// apply -> unlock. On PostgreSQL and SQLite everything from the introspection on happens in one
// transaction, so what was measured is what is changed, and a failure rolls all of it back.
#include "drizzle/kit/push.hpp"

#include <algorithm>

#include "drizzle/dialect.hpp"
#include "drizzle/error.hpp"
#include "drizzle/kit/ddl.hpp"
#include "drizzle/kit/introspect.hpp"
#include "generate/rename_answers.hpp"
#include "migrate/backend.hpp"
#include "push/push_internal.hpp"

namespace drizzle::kit {

bool PushPlan::losesData() const {
    return std::any_of(findings.begin(), findings.end(), [](const DataLossFinding& f) { return !f.blocking; });
}
bool PushPlan::blocked() const {
    return std::any_of(findings.begin(), findings.end(), [](const DataLossFinding& f) { return f.blocking; });
}

std::string describeFindings(const PushPlan& plan) {
    std::string out;
    for (const auto& f : plan.findings) {
        out += (out.empty() ? "" : "\n") + std::string(f.blocking ? "  blocked: " : "  data loss: ") + f.message;
        if (!f.hint.empty()) out += "\n    fix: " + f.hint;
    }
    return out;
}

namespace {

std::string plural(std::size_t n, const char* word) { return std::to_string(n) + " " + word + (n == 1 ? "" : "s"); }

IntrospectOptions introspectOptions(const Config& config, const model::Schema& code) {
    IntrospectOptions io;
    io.schemaFilter = config.schemaFilter;
    // Without a filter, the schemas the code declares are the ones it manages (pull reads public).
    if (io.schemaFilter.empty() && code.dialect == Dialect::postgresql) {
        io.schemaFilter.push_back("public");
        for (const auto& s : code.schemas) io.schemaFilter.push_back(s);
        for (const auto& t : code.tables)
            if (!t.schema.empty() && std::find(io.schemaFilter.begin(), io.schemaFilter.end(), t.schema) == io.schemaFilter.end())
                io.schemaFilter.push_back(t.schema);
    }
    io.tablesFilter = config.tablesFilter;
    io.migrationsTable = config.migrations.table;
    io.migrationsSchema = config.migrations.schema;
    io.roles = config.entitiesRoles;
    return io;
}

// The code's side of the comparison, reduced to what the introspection reads.
model::Schema comparable(model::Schema code, const Config& config, const IntrospectOptions& io) {
    std::erase_if(code.tables, [&](const model::Table& t) { return !tableMatchesFilter(t.name, io.tablesFilter); });
    if (!config.entitiesRoles) code.roles.clear();
    // Push builds indexes inside its one transaction, where PostgreSQL refuses CONCURRENTLY (a
    // way to build an index on a busy table, which is what migrations are for).
    for (auto& t : code.tables)
        for (auto& i : t.indexes) i.concurrently = false;
    code.id = code.prevId = "";
    return code;
}

class Push {
public:
    Push(driver::Connection& db, const model::Schema& schema, const Config& config, const PushOptions& options)
        : db_(db), schema_(schema), config_(config), options_(options), transactional_(traitsOf(db.dialect()).transactionalDdl) {
        MigrationConfig mc;
        mc.migrationsTable = config.migrations.table;
        mc.migrationsSchema = config.migrations.schema;
        backend_ = migrate_internal::makeBackend(db, mc);
        backend_->usePushLock();
    }

    PushResult run() {
        if (schema_.dialect != db_.dialect())
            throw Error(ErrorCategory::config,
                        "the schema is " + std::string(dialectName(schema_.dialect)) + " but the database is " +
                            std::string(dialectName(db_.dialect())),
                        "set \"dialect\" in drizzle.config.json to the database's");
        backend_->lock();
        try {
            if (transactional_ && !backend_->inTransaction()) backend_->begin();
            plan();
            decideAndApply();
            if (backend_->inTransaction()) {
                if (result_.outcome == PushOutcome::applied) backend_->commit();
                else backend_->rollbackQuietly();  // the probes left nothing; nothing else ran
            }
        } catch (...) {
            if (backend_->inTransaction()) backend_->rollbackQuietly();
            backend_->unlockQuietly();
            throw;
        }
        backend_->unlock();
        return std::move(result_);
    }

private:
    void plan() {
        const IntrospectOptions io = introspectOptions(config_, schema_);
        const Introspection found = introspect(db_, io);
        const std::size_t applied = backend_->hasTrackingTable() ? backend_->trackedRows().size() : 0;
        if (applied > 0)
            result_.plan.warnings.push_back(
                "the database records " + plural(applied, "applied migration") + " in " +
                backend_->tableName() +
                ": it is managed by migrations, and a push changes it behind their back (the next migrate may then "
                "fail with \"already exists\"); push to a development database, or generate and migrate");
        const model::Schema code = push_detail::inCatalogForm(db_, comparable(schema_, config_, io), found.schema);
        const diff::Renames renames =
            resolveRenames(found.schema, code, options_.renames, options_.creates, options_.ask, "push");
        diff::Result d = diff::diff(found.schema, code, renames);
        PushPlan& p = result_.plan;
        p.changes = std::move(d.changes);
        p.statements = std::move(d.statements);
        if (db_.dialect() == Dialect::mysql && dropIndexesLeftByForeignKeys(p.changes, code)) {
            p.statements.clear();  // written again with the added drops in their places
            for (const Change& c : p.changes)
                for (auto& sql : ddl::changeStatements(c, code)) p.statements.push_back(std::move(sql));
        }
        p.lockWarnings = diff::lockWarnings(db_.dialect(), p.changes);
        if (!p.statements.empty()) p.findings = push_detail::findDataLoss(db_, found.schema, code, p.changes);
    }

    // MySQL keeps the index it made for a foreign key when the key is dropped, and introspection
    // then reports it: a dropped key's own index goes with it, unless the schema declares it, so
    // that the next push finds nothing. True when it added any.
    bool dropIndexesLeftByForeignKeys(std::vector<Change>& changes, const model::Schema& code) {
        bool added = false;
        for (std::size_t i = 0; i < changes.size(); ++i) {
            const Change& c = changes[i];
            if (c.kind != ChangeKind::dropForeignKey) continue;
            const model::Table* t = code.table("", c.table);
            if (!t) continue;  // the table goes too
            const bool declared =
                std::any_of(t->indexes.begin(), t->indexes.end(), [&](const auto& x) { return x.name == c.name; }) ||
                std::any_of(t->uniqueConstraints.begin(), t->uniqueConstraints.end(), [&](const auto& x) { return x.name == c.name; }) ||
                std::any_of(t->foreignKeys.begin(), t->foreignKeys.end(), [&](const auto& x) { return x.name == c.name; });
            if (declared) continue;
            const auto rows = db_.query(
                "SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND "
                "INDEX_NAME = ? LIMIT 1",
                {c.table, c.name});
            if (rows.size() == 0) continue;
            Change drop;
            drop.kind = ChangeKind::dropIndex;
            drop.table = c.table;
            drop.name = c.name;
            model::Index index;
            index.name = c.name;
            drop.before = index;
            changes.insert(changes.begin() + static_cast<std::ptrdiff_t>(++i), drop);
            added = true;
        }
        return added;
    }

    void decideAndApply() {
        PushPlan& p = result_.plan;
        if (p.statements.empty()) {
            result_.outcome = PushOutcome::nothingToDo;
            return;
        }
        if (options_.explain) {
            result_.outcome = PushOutcome::explained;
            return;
        }
        if (p.blocked()) return refuse("the data in the database cannot survive these changes:\n" + describeFindings(p));
        const bool ask = p.losesData() || options_.strict;
        if (ask && !options_.force) {
            if (!options_.confirm)
                return refuse(p.losesData() ? "these changes lose data, and --force was not given:\n" + describeFindings(p)
                                            : std::string("--strict asks before every push, and there is no terminal to ask on"));
            if (!options_.confirm(p)) return refuse("not confirmed: nothing was changed");
        }
        apply();
    }

    void refuse(std::string why) {
        result_.outcome = PushOutcome::refused;
        result_.refusal = std::move(why);
    }

    void apply() {
        const auto& statements = result_.plan.statements;
        const bool sqlite = db_.dialect() == Dialect::sqlite;
        const std::size_t brokenBefore = sqlite ? brokenReferences() : 0;
        for (std::size_t i = 0; i < statements.size(); ++i) {
            if (options_.beforeStatement) options_.beforeStatement(statements[i]);
            try {
                db_.execute(statements[i]);
            } catch (const Error& e) {
                throw failure(i, e);
            }
            ++result_.statementsRun;
        }
        // SQLite runs with foreign keys off (as migrate: a table rebuild must not cascade); the
        // push must not leave more rows pointing at nothing than it found.
        if (sqlite && brokenReferences() > brokenBefore)
            throw Error(ErrorCategory::migration,
                        "the push would leave " + plural(brokenReferences() - brokenBefore, "row") +
                            " whose foreign key points at no row (PRAGMA foreign_key_check); it was rolled back, so the "
                            "database is as it was before",
                        "delete or fix the referencing rows first, then push again");
        result_.outcome = PushOutcome::applied;
    }

    std::size_t brokenReferences() { return db_.query("PRAGMA foreign_key_check").size(); }

    Error failure(std::size_t i, const Error& e) {
        const auto& statements = result_.plan.statements;
        std::string message = "statement " + std::to_string(i + 1) + " of " + std::to_string(statements.size()) +
                              " failed: " + statements[i] + "\nthe database said: " + e.what();
        if (transactional_) {
            message += "\nNothing was changed: the transaction was rolled back, so the database is as it was before.";
        } else {
            message += "\nMySQL commits each DDL statement as it runs: these " + plural(i, "statement") + " ran and stay applied:";
            for (std::size_t k = 0; k < i; ++k) message += "\n  " + statements[k];
        }
        return Error(ErrorCategory::migration, message,
                     transactional_ ? "fix the schema (or the data the statement trips on), then push again"
                                    : "fix the cause, then push again: it continues from the database as it now is",
                     e.nativeCode());
    }

    driver::Connection& db_;
    const model::Schema& schema_;
    const Config& config_;
    const PushOptions& options_;
    bool transactional_;
    std::unique_ptr<migrate_internal::MigrationBackend> backend_;
    PushResult result_;
};

}  // namespace

PushResult pushSchema(driver::Connection& db, const model::Schema& schema, const Config& config, const PushOptions& options) {
    return Push(db, schema, config, options).run();
}

PushResult push(const Config& config, const Credentials& credentials, const PushOptions& options) {
    LoadReport load;
    const model::Schema schema = loadSchema(config, &load);
    const auto db = driver::connect(config.dialect, credentials);
    PushResult result = pushSchema(*db, schema, config, options);
    result.schemaLoad = load;
    return result;
}

}  // namespace drizzle::kit

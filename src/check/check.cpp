// drizzle-kit check (drizzle/kit/check.hpp): every entry, file and link of the folder looked at,
// each problem one finding; the folder is never written.
#include "drizzle/kit/check.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "drizzle/error.hpp"
#include "drizzle/kit/journal.hpp"
#include "drizzle/kit/push.hpp"
#include "drizzle/kit/snapshot.hpp"
#include "generate/migration_folder.hpp"
#include "util/atomic_file.hpp"
#include "util/sha256.hpp"
#include "util/text.hpp"

namespace drizzle::kit {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view noParent = "00000000-0000-0000-0000-000000000000";

struct Checker {
    const Config& config;
    fs::path out;
    CheckReport report;

    void find(std::string kind, const fs::path& file, std::string message) {
        report.findings.push_back({std::move(kind), file.string(), std::move(message)});
    }

    bool exists(const fs::path& p) {
        std::error_code ec;
        return fs::exists(p, ec);
    }

    // The entries' files, their order, and the snapshots' chain.
    void entries(const Journal& journal) {
        std::map<std::string, fs::path> ids, parents;  // id / prevId -> the snapshot holding it
        std::string previousId(noParent);
        for (std::size_t i = 0; i < journal.entries.size(); ++i) {
            const JournalEntry& e = journal.entries[i];
            if (i > 0 && e.idx <= journal.entries[i - 1].idx)
                find("order", journalPath(out),
                     e.tag + ": idx " + std::to_string(e.idx) + " does not follow " + journal.entries[i - 1].tag +
                         "'s " + std::to_string(journal.entries[i - 1].idx));
            if (!exists(out / (e.tag + ".sql"))) find("missing", out / (e.tag + ".sql"), "the migration file of " + e.tag + " is missing");
            const fs::path snap = snapshotPathFor(out, e.tag);
            if (!exists(snap)) {
                find("missing", snap, "the snapshot of " + e.tag + " is missing");
                previousId.clear();
                continue;
            }
            std::optional<snapshot::Header> header;
            try {
                const std::string json = util::readFileOrThrow(snap);
                header = snapshot::readHeader(json, snap.string());
                snapshot::read(json, snap.string());  // every field, as generate reads the newest
            } catch (const Error& error) {
                find("snapshot", snap, error.what());
            }
            if (!header) {
                previousId.clear();
                continue;
            }
            if (auto [it, fresh] = ids.emplace(header->id, snap); !fresh)
                find("collision", snap, "id " + header->id + " is also the id of " + it->second.string());
            if (auto [it, fresh] = parents.emplace(header->prevId, snap); !fresh && header->prevId != noParent)
                find("collision", snap,
                     "prevId " + header->prevId + " is also the prevId of " + it->second.string() +
                         ": two migrations were generated on the same one (two branches merged); regenerate the later "
                         "one after the other");
            if (!previousId.empty() && header->prevId != previousId)
                find("chain", snap,
                     "prevId " + header->prevId + " is not " + (i == 0 ? "the start of a history (" + std::string(noParent) + ")"
                                                                       : "the id of " + journal.entries[i - 1].tag + "'s snapshot (" + previousId + ")"));
            previousId = header->id;
        }
    }

    // Snapshots and migration files no journal entry owns.
    void strays(const Journal& journal) {
        std::set<fs::path> owned;
        for (const auto& e : journal.entries) {
            owned.insert(out / (e.tag + ".sql"));
            owned.insert(snapshotPathFor(out, e.tag));
        }
        for (const fs::path& dir : {out, out / "meta"}) {
            std::error_code ec;
            for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
                const fs::path f = it->path();
                const std::string name = f.filename().string();
                const bool sql = dir == out && f.extension() == ".sql";
                const bool snap = dir != out && f.extension() == ".json" && name != "_journal.json";
                if ((sql || snap) && !util::isTemporary(f) && !owned.count(f))
                    find("orphan", f, std::string(sql ? "a migration file" : "a snapshot") + " no journal entry names");
            }
        }
    }

    // The database's tracking table against the folder.
    void database(const Journal& journal) {
        const auto record = recordedInDatabase(config);
        if (!record) return;
        report.databaseChecked = true;
        const std::string& where = record->database;
        std::map<std::int64_t, const JournalEntry*> byWhen;
        for (const auto& e : journal.entries) byWhen[e.when] = &e;
        std::int64_t newestApplied = 0;
        std::set<std::int64_t> applied;
        for (const auto& r : record->migrations) {
            applied.insert(r.createdAt);
            newestApplied = std::max(newestApplied, r.createdAt);
            auto it = byWhen.find(r.createdAt);
            if (it == byWhen.end()) {
                find("unknown", journalPath(out),
                     where + " records a migration of " + std::to_string(r.createdAt) +
                         " (created_at) that the folder does not have");
                continue;
            }
            const fs::path file = out / (it->second->tag + ".sql");
            if (!exists(file)) continue;  // reported above
            if (util::sha256Hex(util::readFileOrThrow(file)) != r.hash)
                find("changed", file, "changed since " + where + " applied it");
        }
        bool allApplied = !journal.entries.empty();
        for (const auto& e : journal.entries) {
            allApplied = allApplied && applied.count(e.when);
            if (!applied.count(e.when) && e.when < newestApplied)
                find("pending", out / (e.tag + ".sql"),
                     "not applied to " + where + ", though a later migration is (migrate refuses it unless "
                     "--allow-out-of-order)");
        }
        // With every migration applied, the live schema must be the newest snapshot's.
        if (allApplied) drift(journal, where);
    }

    // The statements push would run to make the database the newest snapshot (push --explain:
    // the same exact comparison, under migrate's lock, nothing changed), one finding each.
    void drift(const Journal& journal, const std::string& where) {
        const fs::path file = snapshotPathFor(out, journal.entries.back().tag);
        model::Schema newest;
        try {
            newest = snapshot::readFile(file);
        } catch (const Error&) {
            return;  // reported with the folder's findings
        }
        PushOptions explain;
        explain.explain = true;
        explain.ask = [](const diff::RenameQuestion&) -> std::optional<std::string> { return std::nullopt; };
        const auto db = driver::connect(config.dialect, config.dbCredentials);
        const PushResult plan = pushSchema(*db, newest, config, explain);
        for (const auto& statement : plan.plan.statements)
            find("drift", file, where + " differs from this snapshot; to reconcile: " + util::oneLine(statement));
    }
};

}  // namespace

CheckReport checkMigrations(const Config& config) {
    Checker c{config, config.root / config.out, {}};
    if (!c.exists(journalPath(c.out))) {
        c.strays(Journal{});
        return c.report;
    }
    Journal journal;
    try {
        journal = readJournal(c.out);
    } catch (const Error& error) {
        c.find("journal", journalPath(c.out), error.what());
        return c.report;
    }
    c.report.migrations = journal.entries.size();
    if (!isJournalOf(journal, config.dialect))
        c.find("journal", journalPath(c.out),
               "belongs to a " + journal.dialect + " project, but the config's dialect is " +
                   std::string(dialectName(config.dialect)));
    c.entries(journal);
    c.strays(journal);
    c.database(journal);
    return c.report;
}

}  // namespace drizzle::kit

#include "generate/migration_folder.hpp"

#include <algorithm>
#include <chrono>
#include <map>
#include <optional>

#include "drizzle/error.hpp"
#include "drizzle/kit/snapshot.hpp"
#include "generate/migration_names.hpp"
#include "util/atomic_file.hpp"

namespace drizzle::kit {

namespace fs = std::filesystem;

namespace {

[[noreturn]] void refuse(const fs::path& file, const std::string& what, const std::string& hint) {
    throw Error(ErrorCategory::snapshot, file.string() + ": " + what, hint);
}

const char* const neverDiffHint =
    "generate diffs the schema against the newest snapshot, so it will not guess around a gap: restore the "
    "missing file from version control";

bool existsOrThrow(const fs::path& p, const char* operation) {
    std::error_code ec;
    const bool found = fs::exists(p, ec);
    if (ec) throw util::ioError(p, operation, ec);
    return found;
}

// What drizzle-kit reads as a snapshot: a .json file in meta/ not starting with '_', and the
// prefix-less snapshots of `--prefix none`.
bool looksLikeSnapshot(const fs::path& file) {
    const std::string name = file.filename().string();
    if (util::isTemporary(file) || name == "_journal.json" || file.extension() != ".json") return false;
    return name.front() != '_' || (name.size() > 14 && name.compare(name.size() - 14, 14, "_snapshot.json") == 0);
}

std::vector<fs::path> listFolder(const fs::path& dir) {
    std::vector<fs::path> files;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        std::error_code entry;  // a dangling link is not a file, not a failure
        if (it->is_regular_file(entry)) files.push_back(it->path());
    }
    if (ec) throw util::ioError(dir, "listing the folder", ec);
    std::sort(files.begin(), files.end());
    return files;
}

}  // namespace

fs::path snapshotPathFor(const fs::path& out, const std::string& tag) {
    const std::string prefix = tag.substr(0, tag.find('_'));
    return out / "meta" / ((prefix.empty() ? tag : prefix) + "_snapshot.json");
}

MigrationHistory readHistory(const fs::path& out, Dialect dialect) {
    MigrationHistory h;
    const std::string dialectText(dialectName(dialect));
    h.journal.dialect = dialectText;
    h.dialect = dialect;
    std::string newestId;
    const fs::path meta = out / "meta";
    const bool hasJournal = existsOrThrow(journalPath(out), "checking for the journal");
    if (hasJournal) h.journal = readJournal(out);
    if (!isJournalOf(h.journal, dialect))
        throw Error(ErrorCategory::config,
                    journalPath(out).string() + " belongs to a " + h.journal.dialect +
                        " project, but the config's dialect is " + dialectText,
                    "point \"out\" at this dialect's migrations folder");

    std::map<fs::path, std::size_t> owner;  // snapshot file -> journal entry
    for (std::size_t i = 0; i < h.journal.entries.size(); ++i) {
        const JournalEntry& e = h.journal.entries[i];
        const std::string entry = "entries[" + std::to_string(i) + "] (tag \"" + e.tag + "\")";
        const fs::path sql = out / (e.tag + ".sql");
        if (!existsOrThrow(sql, "checking for the migration file"))
            refuse(journalPath(out), entry + " names " + sql.string() + ", which does not exist",
                   "restore the file from version control; if the migration was abandoned and no database applied "
                   "it, remove its entry from the journal (and its snapshot)");
        const fs::path snap = snapshotPathFor(out, e.tag);
        if (auto [it, fresh] = owner.emplace(snap, i); !fresh)
            refuse(journalPath(out),
                   entry + " and entries[" + std::to_string(it->second) + "] both have the snapshot " + snap.string(),
                   "each migration needs its own snapshot: two migrations generated in the same second with a "
                   "timestamp or unix prefix collide; regenerate the later one");
        if (!existsOrThrow(snap, "checking for the snapshot")) {
            std::string hint = neverDiffHint;
            if (existsOrThrow(meta / "_snapshot.json", "checking for the snapshot"))
                hint += "; meta/_snapshot.json is what drizzle-kit 0.31 writes for `--prefix none`, and it keeps only "
                        "the newest snapshot there";
            refuse(snap, "missing: it is the snapshot of " + entry + " in " + journalPath(out).string(), hint);
        }
        std::string json = util::readFileOrThrow(snap);
        const snapshot::Header current = snapshot::readHeader(json, snap.string());
        if (i > 0 && current.prevId != newestId)
            refuse(snap,
                   "prevId " + current.prevId + " is not the id of the snapshot before it (" +
                       snapshotPathFor(out, h.journal.entries[i - 1].tag).string() + ", id " + newestId + ")",
                   "the snapshots no longer form one history (a merge of two branches, or a file replaced): restore "
                   "them from version control, or regenerate the later migrations after the earlier ones");
        newestId = current.id;
        h.dialect = current.dialect;
        h.newestJson = std::move(json);
        h.newestFile = snap;
    }

    if (existsOrThrow(meta, "checking for the meta folder"))
        for (const fs::path& f : listFolder(meta))
            if (looksLikeSnapshot(f) && !owner.count(f))
                refuse(f,
                       hasJournal ? "no entry of " + journalPath(out).string() + " belongs to this snapshot"
                                  : "a snapshot, but " + journalPath(out).string() + " does not exist",
                       "a snapshot without its journal entry is a migration half removed or half restored: restore "
                       "the journal (and the .sql file) from version control, or delete the snapshot if its "
                       "migration was abandoned");

    if (h.dialect != dialect)
        throw Error(ErrorCategory::snapshot,
                    "the newest snapshot in " + meta.string() + " is " + std::string(dialectName(h.dialect)) +
                        ", not " + dialectText,
                    "point \"out\" at this dialect's migrations folder");
    return h;
}

model::Schema newestSchema(const MigrationHistory& history) {
    if (history.newestFile.empty()) {
        model::Schema empty;
        empty.dialect = history.dialect;
        return empty;
    }
    return snapshot::read(history.newestJson, history.newestFile.string());
}

std::optional<DatabaseRecord> recordedInDatabase(const Config& config) {
    const Credentials& c = config.dbCredentials;
    std::error_code ec;
    const bool some = config.dialect != Dialect::sqlite
                          ? !c.url.empty() || !c.host.empty()
                          : !c.url.empty() && c.url != ":memory:" && (c.url.rfind("file:", 0) == 0 || fs::exists(c.url, ec));
    if (!some) return std::nullopt;
    auto db = driver::connect(config.dialect, config.dbCredentials);
    MigrationConfig tracking;
    tracking.migrationsTable = config.migrations.table;
    tracking.migrationsSchema = config.migrations.schema;
    return DatabaseRecord{db->describe(), recordedMigrations(*db, tracking)};
}

WrittenMigration appendMigration(const Config& config, const fs::path& out, const Journal& read,
                                 const std::string& snapshotJson, const std::string& sql, const std::string& name) {
    Journal journal = read;
    const std::int64_t idx = journal.entries.empty() ? 0 : journal.entries.back().idx + 1;
    std::int64_t now =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
    if (!journal.entries.empty()) now = std::max(now, journal.entries.back().when + 1);  // strictly increasing
    const std::string prefix = migrationPrefix(config.migrations.prefix, idx, now);

    WrittenMigration w;
    w.tag = prefix + "_" + name;
    w.snapshotFile = snapshotPathFor(out, w.tag);
    w.sqlFile = out / (w.tag + ".sql");
    const bool bySecond = config.migrations.prefix != "index" && config.migrations.prefix != "none";
    for (const fs::path& f : {w.sqlFile, w.snapshotFile})
        if (existsOrThrow(f, "checking for an existing file"))
            throw Error(ErrorCategory::io, f.string() + " already exists",
                        bySecond ? "the " + config.migrations.prefix +
                                       " prefix counts seconds, and a migration of this second exists: run generate "
                                       "again a second later"
                                 : "pick another --name or --prefix");

    // Undo on failure: what this call wrote, and the folders it created.
    std::vector<fs::path> created;
    for (const fs::path& dir : {out, out / "meta"})
        if (!existsOrThrow(dir, "checking for the folder")) created.push_back(dir);
    std::vector<fs::path> written;
    // The journal as it is, to put back should its replacement land and a later step (syncing
    // the folder) still fail.
    const fs::path journalFile = journalPath(out);
    const std::optional<std::string> oldJournal =
        existsOrThrow(journalFile, "checking for the journal") ? std::optional(util::readFileOrThrow(journalFile)) : std::nullopt;
    try {
        std::error_code ec;
        fs::create_directories(out / "meta", ec);
        if (ec) throw util::ioError(out / "meta", "creating the folder", ec);
        util::removeStaleTemporaries(out);
        util::removeStaleTemporaries(out / "meta");
        // The journal last: until it lands, the migration does not exist. A file is listed before
        // it is written: a failure after its rename (syncing the folder) must remove it too.
        written.push_back(w.sqlFile);
        util::writeFileAtomically(w.sqlFile, sql);
        written.push_back(w.snapshotFile);
        util::writeFileAtomically(w.snapshotFile, snapshotJson);
        journal.entries.push_back({idx, std::string(snapshot::versionFor(config.dialect)), now, w.tag, config.breakpoints});
        writeJournal(out, journal);
    } catch (...) {
        std::error_code ignored;
        try {
            if (!oldJournal) fs::remove(journalFile, ignored);
            else if (util::readFileOrThrow(journalFile) != *oldJournal) util::writeFileAtomically(journalFile, *oldJournal);
        } catch (const Error&) {  // the first failure is the one to report
        }
        for (const fs::path& f : written) fs::remove(f, ignored);
        for (auto it = created.rbegin(); it != created.rend(); ++it) fs::remove(*it, ignored);  // only when empty
        throw;
    }
    return w;
}

}  // namespace drizzle::kit

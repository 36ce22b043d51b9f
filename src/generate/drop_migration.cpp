// drizzle-kit drop (drizzle/kit/drop.hpp). The folder is checked whole first (readHistory); the
// dropped files are moved aside to temporaries, the journal is written last, and only then are
// the temporaries removed: until the journal lands a failure moves everything back.
#include "drizzle/kit/drop.hpp"

#include <algorithm>
#include <optional>

#include "drizzle/error.hpp"
#include "drizzle/kit/journal.hpp"
#include "drizzle/kit/snapshot.hpp"
#include "generate/migration_folder.hpp"
#include "util/atomic_file.hpp"

namespace drizzle::kit {

namespace fs = std::filesystem;

namespace {

std::string tagList(const std::vector<JournalEntry>& entries, std::size_t from) {
    std::string out;
    for (std::size_t i = from; i < entries.size(); ++i) out += (out.empty() ? "" : ", ") + entries[i].tag;
    return out;
}

std::size_t chosenEntry(const Journal& journal, const fs::path& out, const std::string& tag) {
    if (journal.entries.empty())
        throw Error(ErrorCategory::usage, "nothing to drop: " + journalPath(out).string() + " lists no migration");
    if (tag.empty()) return journal.entries.size() - 1;
    for (std::size_t i = 0; i < journal.entries.size(); ++i)
        if (journal.entries[i].tag == tag) return i;
    throw Error(ErrorCategory::usage, "no migration \"" + tag + "\" in " + journalPath(out).string(),
                "the migrations are: " + tagList(journal.entries, 0));
}

void refuseApplied(const Config& config, const JournalEntry& entry, DropResult& result) {
    const auto record = recordedInDatabase(config);
    if (!record) return;
    result.databaseChecked = true;
    const auto& recorded = record->migrations;
    if (std::any_of(recorded.begin(), recorded.end(), [&](const RecordedMigration& r) { return r.createdAt == entry.when; }))
        throw Error(ErrorCategory::migration,
                    entry.tag + " is applied to " + record->database +
                        ": dropping it would leave the database with a change no migration describes",
                    "change the schema back and run generate: a new migration undoes it everywhere it was applied");
}

// The next snapshot's prevId, from the dropped one's id to the dropped one's prevId.
std::string relinked(const std::string& json, const std::string& droppedId, const std::string& droppedPrevId,
                     const fs::path& file) {
    const auto key = json.find("\"prevId\"");
    const auto at = key == std::string::npos ? key : json.find("\"" + droppedId + "\"", key);
    if (at == std::string::npos)
        throw Error(ErrorCategory::snapshot, file.string() + ": no prevId " + droppedId + " to relink");
    std::string out = json;
    out.replace(at, droppedId.size() + 2, "\"" + droppedPrevId + "\"");
    return out;
}

}  // namespace

DropResult dropMigration(const Config& config, const DropOptions& options) {
    const fs::path out = config.root / config.out;
    const MigrationHistory history = readHistory(out, config.dialect);
    const Journal& journal = history.journal;
    const std::size_t i = chosenEntry(journal, out, options.tag);
    const JournalEntry& entry = journal.entries[i];
    DropResult result;
    result.tag = entry.tag;
    const bool newest = i + 1 == journal.entries.size();
    if (!newest && !options.force)
        throw Error(ErrorCategory::usage,
                    entry.tag + " is not the newest migration: " + tagList(journal.entries, i + 1) +
                        " were generated after it and build on it",
                    "drop the newest first (drizzle-kit drop, once for each), or pass --force to drop it anyway and "
                    "review the later migrations' SQL, which assumed it");
    refuseApplied(config, entry, result);
    for (std::size_t j = i + 1; j < journal.entries.size(); ++j) result.later.push_back(journal.entries[j].tag);

    const fs::path sql = out / (entry.tag + ".sql");
    const fs::path snap = snapshotPathFor(out, entry.tag);
    std::optional<std::pair<fs::path, std::string>> next;  // the later snapshot to relink, as it was
    std::string nextRelinked;
    if (!newest) {
        const std::string dropped = util::readFileOrThrow(snap);
        const snapshot::Header header = snapshot::readHeader(dropped, snap.string());
        const fs::path nextFile = snapshotPathFor(out, journal.entries[i + 1].tag);
        next.emplace(nextFile, util::readFileOrThrow(nextFile));
        nextRelinked = relinked(next->second, header.id, header.prevId, nextFile);
    }
    Journal rest = journal;
    rest.entries.erase(rest.entries.begin() + static_cast<std::ptrdiff_t>(i));

    std::vector<std::pair<fs::path, fs::path>> moved;  // file -> its temporary
    try {
        for (const fs::path& f : {sql, snap}) {
            const fs::path tmp = util::temporaryPathFor(f);
            std::error_code ec;
            fs::rename(f, tmp, ec);
            if (ec) throw util::ioError(f, "moving the file aside", ec);
            moved.emplace_back(f, tmp);
        }
        if (next) util::writeFileAtomically(next->first, nextRelinked);
        writeJournal(out, rest);  // the journal last: until it lands, the migration is there
    } catch (...) {
        try {
            if (next && util::readFileOrThrow(next->first) != next->second)
                util::writeFileAtomically(next->first, next->second);
        } catch (const Error&) {  // the first failure is the one to report
        }
        std::error_code ignored;
        for (const auto& [file, tmp] : moved) fs::rename(tmp, file, ignored);
        throw;
    }
    std::error_code ignored;
    for (const auto& [file, tmp] : moved) fs::remove(tmp, ignored);
    return result;
}

}  // namespace drizzle::kit

// Applied means recorded: a migration is applied when the tracking table has a row with its
// `when` as created_at. Drizzle ORM's own migrator instead applies whatever is newer than the
// newest row, which silently skips a branch's older migration; here that is a refusal that
// explains itself.
#include "migrate/plan.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <ctime>
#include <map>

#include "drizzle/error.hpp"

namespace drizzle::migrate_internal {

namespace {

std::string utcDate(std::int64_t millis) {
    const std::time_t seconds = static_cast<std::time_t>(millis / 1000);
    std::tm tm{};
    if (gmtime_r(&seconds, &tm) == nullptr) return "?";
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%d %H:%M:%S UTC", &tm);
    return text;
}

std::string when(std::int64_t millis) { return std::to_string(millis) + " (" + utcDate(millis) + ")"; }

}  // namespace

std::optional<std::int64_t> parseCreatedAt(const std::string& text) {
    std::int64_t value = 0;
    const char* end = text.data() + text.size();
    if (auto [ptr, ec] = std::from_chars(text.data(), end, value); ec == std::errc() && ptr == end) return value;
    char* parsedEnd = nullptr;
    const double real = std::strtod(text.c_str(), &parsedEnd);
    if (text.empty() || parsedEnd != text.c_str() + text.size() || !std::isfinite(real)) return std::nullopt;
    return static_cast<std::int64_t>(std::llround(real));
}

Plan planMigrations(const std::vector<kit::Migration>& migrations, const std::vector<TrackedRow>& rows,
                    bool allowOutOfOrder, const std::string& trackingTable) {
    std::multimap<std::int64_t, const TrackedRow*> byCreatedAt;
    for (const TrackedRow& row : rows) byCreatedAt.emplace(row.createdAt, &row);

    Plan plan;
    for (const kit::Migration& m : migrations) {
        auto [first, last] = byCreatedAt.equal_range(m.entry.when);
        if (first == last) {
            plan.pending.push_back(&m);
            continue;
        }
        const bool sameFile = std::any_of(first, last, [&](const auto& r) { return r.second->hash == m.hash; });
        if (!sameFile)
            throw Error(ErrorCategory::migration,
                        m.file.string() + " was changed after it was applied: " + trackingTable +
                            " recorded it (created_at " + std::to_string(m.entry.when) + ") with SHA-256 " +
                            first->second->hash + ", but the file now hashes to " + m.hash,
                        "an applied migration is history and is never run again, so an edit would not reach this "
                        "database: restore the file as it was applied (git log -p -- " + m.file.string() +
                            ") and put the change in a new migration (drizzle-kit generate)");
        ++plan.alreadyApplied;
    }

    if (allowOutOfOrder || plan.pending.empty() || rows.empty()) return plan;
    const TrackedRow& newest =
        *std::max_element(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.createdAt < b.createdAt; });
    std::vector<const kit::Migration*> older;
    for (const kit::Migration* m : plan.pending)
        if (m->entry.when < newest.createdAt) older.push_back(m);
    if (older.empty()) return plan;

    std::string newestName = "a migration not in this journal";
    for (const kit::Migration& m : migrations)
        if (m.entry.when == newest.createdAt) newestName = m.entry.tag;
    std::string list;
    for (const kit::Migration* m : older)
        list += (list.empty() ? "" : ", ") + m->entry.tag + " (when " + when(m->entry.when) + ")";
    throw Error(ErrorCategory::migration,
                std::to_string(older.size()) + (older.size() == 1 ? " pending migration is" : " pending migrations are") +
                    " older than the newest one this database has applied, " + newestName + " (created_at " +
                    when(newest.createdAt) + "): " + list +
                    ". This usually means a branch with its own migration was merged after later migrations "
                    "were applied here; nothing was applied",
                "if the migration does not depend on the ones applied after it, run migrate again with "
                "--allow-out-of-order (MigrationConfig::allowOutOfOrder) to apply it now; otherwise move it after "
                "the others: give its journal entry a later \"when\" and move it to the end of meta/_journal.json "
                "(or delete it and run drizzle-kit generate again)");
}

void checkJournalDialect(const kit::Journal& journal, const std::filesystem::path& folder, Dialect dialect) {
    std::optional<Dialect> journalDialect = parseDialect(journal.dialect);
    if (!journalDialect && journal.dialect == "turso") journalDialect = Dialect::sqlite;
    if (journalDialect && *journalDialect != dialect)
        throw Error(ErrorCategory::migration,
                    kit::journalPath(folder).string() + " holds " + journal.dialect + " migrations, but the database is " +
                        std::string(dialectName(dialect)),
                    "point migrate at the migrations folder generated for this database (--out, or \"out\" in "
                    "drizzle.config.json)");
}

}  // namespace drizzle::migrate_internal

#include "generate/migration_folder.hpp"

#include <algorithm>
#include <chrono>
#include <fstream>

#include "drizzle/error.hpp"
#include "drizzle/kit/journal.hpp"
#include "drizzle/snapshot.hpp"
#include "generate/migration_names.hpp"

namespace drizzle::kit {

namespace fs = std::filesystem;

std::vector<fs::path> snapshotFiles(const fs::path& out) {
    std::vector<fs::path> files;
    const fs::path meta = out / "meta";
    if (!fs::is_directory(meta)) return files;
    for (const auto& e : fs::directory_iterator(meta)) {
        const std::string name = e.path().filename().string();
        if (e.is_regular_file() && name.front() != '_' && e.path().extension() == ".json") files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    return files;
}

void writeAtomically(const fs::path& path, const std::string& text) {
    const fs::path tmp = path.string() + ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out) throw Error(ErrorCategory::io, tmp.string() + ": cannot be written", "check the folder's permissions");
        out << text;
        if (!out.flush()) throw Error(ErrorCategory::io, tmp.string() + ": write failed", "check the free disk space");
    }
    fs::rename(tmp, path);
}

WrittenMigration appendMigration(const Config& config, const fs::path& out, const std::string& snapshotJson,
                                 const std::string& sql, const std::string& name) {
    Journal journal;
    journal.dialect = std::string(dialectName(config.dialect));
    if (fs::exists(journalPath(out))) journal = readJournal(out);

    const std::int64_t idx = journal.entries.empty() ? 0 : journal.entries.back().idx + 1;
    std::int64_t now =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
    if (!journal.entries.empty()) now = std::max(now, journal.entries.back().when + 1);  // strictly increasing
    const std::string prefix = migrationPrefix(config.migrations.prefix, idx, now);

    WrittenMigration w;
    w.tag = prefix + "_" + name;
    fs::create_directories(out / "meta");
    w.snapshotFile = out / "meta" / (prefix + "_snapshot.json");
    w.sqlFile = out / (w.tag + ".sql");
    if (fs::exists(w.sqlFile) || fs::exists(w.snapshotFile))
        throw Error(ErrorCategory::io, w.sqlFile.string() + " already exists", "pick another --name or --prefix");
    writeAtomically(w.snapshotFile, snapshotJson);
    writeAtomically(w.sqlFile, sql);
    journal.entries.push_back({idx, std::string(snapshot::versionFor(config.dialect)), now, w.tag, config.breakpoints});
    writeJournal(out, journal);  // last: until it lands, the migration does not exist
    return w;
}

}  // namespace drizzle::kit

// generate: schema (C++) + newest snapshot -> diff -> `<tag>.sql`, snapshot, journal entry.
#include "drizzle/kit/generate.hpp"

#include <algorithm>

#include "drizzle/kit/ddl.hpp"
#include "drizzle/error.hpp"
#include "drizzle/kit/journal.hpp"
#include "drizzle/kit/schema_loader.hpp"
#include "drizzle/kit/snapshot.hpp"
#include "generate/migration_folder.hpp"
#include "generate/migration_names.hpp"
#include "generate/rename_answers.hpp"
#include "util/atomic_file.hpp"

namespace drizzle::kit {

namespace fs = std::filesystem;

namespace {

const char* kCustomSql = "-- Custom SQL migration file, put your code below! --";

}  // namespace

namespace {

// Whether the exporter's output is, byte for byte, the newest snapshot but for the two ids (a
// snapshot generate wrote from this schema): then the diff is empty without reading either. Any
// other difference, a snapshot drizzle-kit wrote, or renames recorded in `_meta`, takes the full
// road. Small schemas take it too: they cost little, and an empty schema is refused there.
bool isNewestSnapshot(std::string_view exported, const MigrationHistory& history) {
    constexpr std::size_t kWorthIt = 64 * 1024;
    std::string_view newest = history.newestJson;
    if (history.newestFile.empty() || newest.size() < kWorthIt) return false;
    if (exported.size() == newest.size() + 1 && exported.back() == '\n') exported.remove_suffix(1);
    if (exported.size() != newest.size()) return false;
    // The top-level ids, where snapshot::write puts them: indented by two, a 36-character UUID.
    constexpr std::size_t kUuid = 36;
    std::size_t from = 0;
    for (std::string_view key : {"\n  \"id\": \"", "\n  \"prevId\": \""}) {
        const std::size_t at = newest.find(key, from);
        if (at == std::string_view::npos) return false;
        const std::size_t value = at + key.size();
        if (exported.substr(from, value - from) != newest.substr(from, value - from)) return false;
        for (std::string_view text : {exported, newest})
            if (text.size() < value + kUuid + 1 || text[value + kUuid] != '"' ||
                text.substr(value, kUuid).find_first_not_of("0123456789abcdef-") != std::string_view::npos)
                return false;
        from = value + kUuid;
    }
    return exported.substr(from) == newest.substr(from);
}

}  // namespace

GenerateResult generate(const Config& config, const GenerateOptions& options) {
    const fs::path out = config.out.is_absolute() ? config.out : config.root / config.out;
    if (!isPrefixMode(config.migrations.prefix))
        throw Error(ErrorCategory::usage, "--prefix " + config.migrations.prefix + ": not a migration prefix mode",
                    std::string("use one of ") + prefixModes);
    // The whole folder is checked first: a gap in it would make the diff start from an older schema.
    const MigrationHistory history = readHistory(out, config.dialect);

    GenerateResult result;
    std::string exported;
    if (!options.custom) {
        exported = exportSchemaJson(config, &result.schemaLoad);
        if (isNewestSnapshot(exported, history)) {
            result.nothingToDo = true;
            return result;
        }
    }
    const model::Schema prev = newestSchema(history);
    model::Schema cur;
    diff::Result changes;
    if (options.custom) {
        cur = prev;
    } else {
        cur = readExportedSchema(config, exported);
        const diff::Renames renames = resolveRenames(prev, cur, options.renames, options.creates, options.ask, "generate");
        changes = diff::diff(prev, cur, renames);
        if (changes.statements.empty()) {
            result.nothingToDo = true;
            return result;
        }
    }

    cur.prevId = prev.id;
    cur.id = randomUuid();
    cur.meta = changes.meta;
    result.statements = changes.statements;
    result.dataLossWarnings = changes.dataLossWarnings;
    for (auto& w : diff::dataRiskWarnings(config.dialect, changes.changes)) result.dataLossWarnings.push_back(std::move(w));
    result.lockWarnings = diff::lockWarnings(config.dialect, changes.changes);
    const WrittenMigration written =
        appendMigration(config, out, history.journal, snapshot::write(cur),
                        options.custom ? std::string(kCustomSql) : ddl::joinStatements(changes.statements, config.breakpoints),
                        options.name.value_or(randomMigrationName()));
    result.tag = written.tag;
    result.sqlFile = written.sqlFile;
    result.snapshotFile = written.snapshotFile;
    return result;
}

}  // namespace drizzle::kit

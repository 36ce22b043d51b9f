// generate: schema (C++) + newest snapshot -> diff -> `<tag>.sql`, snapshot, journal entry.
#include "drizzle/kit/generate.hpp"

#include <algorithm>
#include <set>

#include <nlohmann/json.hpp>

#include "drizzle/kit/ddl.hpp"
#include "drizzle/error.hpp"
#include "drizzle/kit/journal.hpp"
#include "drizzle/kit/schema_loader.hpp"
#include "drizzle/kit/snapshot.hpp"
#include "generate/migration_folder.hpp"
#include "generate/migration_names.hpp"
#include "util/atomic_file.hpp"

namespace drizzle::kit {

namespace fs = std::filesystem;

namespace {

const char* kCustomSql = "-- Custom SQL migration file, put your code below! --";

std::vector<std::pair<std::string, std::string>>* renameList(diff::Renames& r, const std::string& kind) {
    if (kind == "schema") return &r.schemas;
    if (kind == "table") return &r.tables;
    if (kind == "column") return &r.columns;
    if (kind == "enum") return &r.enums;
    if (kind == "sequence") return &r.sequences;
    if (kind == "view") return &r.views;
    if (kind == "policy") return &r.policies;
    return nullptr;
}

// The name a flag uses for the created side of a question: columns and policies carry their table.
std::string qualifiedCreated(const diff::RenameQuestion& q) {
    return q.scope.empty() ? q.created : q.scope + "." + q.created;
}

bool isAnsweredCreate(const diff::RenameQuestion& q, const std::vector<std::pair<std::string, std::string>>& creates) {
    for (const auto& [kind, name] : creates)
        if (kind == q.kind && name == qualifiedCreated(q)) return true;
    return false;
}

std::string unansweredMessage(const std::vector<diff::RenameQuestion>& questions) {
    std::string out = "generate needs to know whether these were renamed or created:";
    for (const auto& q : questions) {
        out += "\n  " + q.kind + " " + qualifiedCreated(q) + " is new, and " + std::to_string(q.dropped.size()) + " " + q.kind +
               (q.dropped.size() == 1 ? "" : "s") + " disappeared";
        out += "\n    created: --create " + q.kind + ":" + qualifiedCreated(q);
        for (const auto& d : q.dropped) out += "\n    renamed: " + renameFlag(q, d);
    }
    return out;
}

}  // namespace

std::string renameFlag(const diff::RenameQuestion& q, const std::string& dropped) {
    return "--rename " + q.kind + ":" + (q.scope.empty() ? "" : q.scope + ".") + dropped + "=" + q.created;
}

void addRenameFlag(diff::Renames& renames, const std::string& flag) {
    const auto colon = flag.find(':');
    const auto eq = flag.find('=', colon == std::string::npos ? 0 : colon);
    auto* list = colon == std::string::npos ? nullptr : renameList(renames, flag.substr(0, colon));
    if (!list || eq == std::string::npos || eq == colon + 1 || eq + 1 == flag.size())
        throw Error(ErrorCategory::usage, "--rename " + flag + ": expected kind:from=to",
                    "e.g. --rename table:users=customers or --rename column:users.fullname=full_name; kinds: schema, "
                    "table, column, enum, sequence, view, policy");
    list->emplace_back(flag.substr(colon + 1, eq - colon - 1), flag.substr(eq + 1));
}

void addCreateFlag(std::vector<std::pair<std::string, std::string>>& creates, const std::string& flag) {
    const auto colon = flag.find(':');
    diff::Renames probe;
    if (colon == std::string::npos || colon + 1 == flag.size() || !renameList(probe, flag.substr(0, colon)))
        throw Error(ErrorCategory::usage, "--create " + flag + ": expected kind:name",
                    "e.g. --create table:customers or --create column:users.full_name");
    creates.emplace_back(flag.substr(0, colon), flag.substr(colon + 1));
}

void addRenamesFile(diff::Renames& renames, const fs::path& file) {
    const std::string text = util::readFileOrThrow(file);
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
        throw Error(ErrorCategory::usage, file.string() + ": not valid JSON (byte " + std::to_string(e.byte) + ")",
                    "write {\"tables\": {\"old\": \"new\"}, \"columns\": {\"table.old\": \"new\"}}");
    }
    if (!j.is_object()) throw Error(ErrorCategory::usage, file.string() + ": must hold a JSON object", "");
    for (auto it = j.begin(); it != j.end(); ++it) {
        std::string kind = it.key();
        if (!kind.empty() && kind.back() == 's') kind.pop_back();
        if (kind == "policie") kind = "policy";
        auto* list = renameList(renames, kind);
        if (!list || !it.value().is_object())
            throw Error(ErrorCategory::usage, file.string() + ": \"" + it.key() + "\" is not a kind of rename",
                        "use schemas, tables, columns, enums, sequences, views or policies, each an object old -> new");
        for (auto r = it.value().begin(); r != it.value().end(); ++r) {
            if (!r.value().is_string())
                throw Error(ErrorCategory::usage, file.string() + ": " + it.key() + "." + r.key() + " must be a string", "");
            list->emplace_back(r.key(), r.value().get<std::string>());
        }
    }
}

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
        diff::Renames renames = options.renames;
        std::set<std::string> asked;
        for (;;) {
            std::vector<diff::RenameQuestion> open;
            for (auto& q : diff::renameQuestions(prev, cur, renames))
                if (!isAnsweredCreate(q, options.creates) && !asked.count(q.kind + ":" + qualifiedCreated(q))) open.push_back(q);
            if (open.empty()) break;
            if (!options.ask) throw Error(ErrorCategory::usage, unansweredMessage(open), "pass those flags, or run generate on a terminal to be asked");
            // One at a time: an answer can change the next question (a table rename moves its columns).
            const diff::RenameQuestion& q = open.front();
            asked.insert(q.kind + ":" + qualifiedCreated(q));
            if (auto from = options.ask(q)) {
                const std::string qualifiedFrom = q.scope.empty() ? *from : q.scope + "." + *from;
                renameList(renames, q.kind)->emplace_back(qualifiedFrom, q.created);
            }
        }
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

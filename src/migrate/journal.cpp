// meta/_journal.json and the migration files it lists. Reading is strict: migrate trusts the
// journal's order and `when` values for what it records in the database, so anything it
// cannot trust is an error that says which entry and field, never a guess.
#include "drizzle/kit/journal.hpp"

#include <map>

#include <nlohmann/json.hpp>

#include "drizzle/error.hpp"
#include "util/atomic_file.hpp"
#include "util/sha256.hpp"

namespace drizzle::kit {

namespace fs = std::filesystem;

namespace {

using Json = nlohmann::json;

constexpr std::string_view breakpoint = "--> statement-breakpoint";

const char* const restoreHint =
    "restore meta/_journal.json from version control, or regenerate it with drizzle-kit generate; "
    "each entry needs idx, version, when, tag and breakpoints, as drizzle-kit writes them";

[[noreturn]] void fail(const fs::path& source, const std::string& what, const std::string& hint = restoreHint) {
    throw Error(ErrorCategory::snapshot, source.string() + ": " + what, hint);
}

std::string describeEntry(std::size_t index, const Json& entry) {
    std::string text = "entries[" + std::to_string(index) + "]";
    if (entry.is_object()) {
        auto tag = entry.find("tag");
        if (tag != entry.end() && tag->is_string()) text += " (tag \"" + tag->get<std::string>() + "\")";
    }
    return text;
}

std::string jsonTypeName(const Json& value) {
    if (value.is_number_float()) return "a fractional number";
    if (value.is_number()) return "a number";
    if (value.is_string()) return "a string";
    if (value.is_boolean()) return "a boolean";
    if (value.is_null()) return "null";
    if (value.is_array()) return "an array";
    return "an object";
}

// The field `key` of `object`, required to have the kind `expected` describes.
const Json& field(const Json& object, const char* key, bool (Json::*isKind)() const noexcept, const char* expected,
                  const fs::path& source, const std::string& where) {
    auto it = object.find(key);
    if (it == object.end()) fail(source, where + " has no \"" + key + "\" field (" + expected + ")");
    if (!((*it).*isKind)())
        fail(source, where + ": \"" + key + "\" must be " + expected + ", not " + jsonTypeName(*it) + " " + it->dump());
    return *it;
}

// Journal versions with today's layout: "5" (drizzle-kit before 0.21), "6", "7" (0.22 onwards).
bool knownJournalVersion(const std::string& version) { return version == "5" || version == "6" || version == "7"; }

int lineOf(const std::string& text, std::size_t offset) {
    int line = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i)
        if (text[i] == '\n') ++line;
    return line;
}

bool firstLineIsMarker(const std::string& sql) {
    std::string_view first(sql);
    first = first.substr(0, first.find('\n'));
    while (!first.empty() && (first.back() == '\r' || first.back() == ' ' || first.back() == '\t'))
        first.remove_suffix(1);
    return first == noTransactionMarker;
}

}  // namespace

fs::path journalPath(const fs::path& outFolder) { return outFolder / "meta" / "_journal.json"; }

Journal parseJournal(const std::string& text, const fs::path& source) {
    Json json;
    try {
        json = Json::parse(text);
    } catch (const Json::parse_error& e) {
        fail(source, std::string("not valid JSON: ") + e.what());
    }
    if (!json.is_object()) fail(source, "must be a JSON object with \"version\", \"dialect\" and \"entries\"");

    Journal journal;
    journal.version = field(json, "version", &Json::is_string, "a string such as \"7\"", source, "the journal").get<std::string>();
    journal.dialect = field(json, "dialect", &Json::is_string, "a string such as \"postgresql\"", source, "the journal").get<std::string>();
    if (!knownJournalVersion(journal.version))
        fail(source, "journal version \"" + journal.version + "\" is not one this drizzle-kit reads (5, 6 or 7)",
             "a newer drizzle-kit wrote this folder (its format may differ): use that drizzle-kit, or restore a "
             "journal written by drizzle-kit 0.31 (version \"7\")");
    const Json& entries = field(json, "entries", &Json::is_array, "an array", source, "the journal");

    std::map<std::string, std::size_t> tags;
    std::map<std::int64_t, std::size_t> indexes;
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const Json& e = entries[i];
        const std::string where = describeEntry(i, e);
        if (!e.is_object()) fail(source, where + " must be an object, not " + jsonTypeName(e));
        JournalEntry entry;
        entry.idx = field(e, "idx", &Json::is_number_integer, "an integer", source, where).get<std::int64_t>();
        entry.version = field(e, "version", &Json::is_string, "a string such as \"7\"", source, where).get<std::string>();
        entry.when = field(e, "when", &Json::is_number_integer, "an integer (milliseconds since 1970)", source, where)
                         .get<std::int64_t>();
        entry.tag = field(e, "tag", &Json::is_string, "a string naming <tag>.sql", source, where).get<std::string>();
        entry.breakpoints = field(e, "breakpoints", &Json::is_boolean, "true or false", source, where).get<bool>();

        if (entry.tag.empty() || entry.tag.find('/') != std::string::npos || entry.tag.find('\\') != std::string::npos)
            fail(source, where + ": \"tag\" must name a file in the migrations folder, not \"" + entry.tag + "\"");
        if (auto [it, fresh] = tags.emplace(entry.tag, i); !fresh)
            fail(source, where + " repeats the tag of entries[" + std::to_string(it->second) + "]",
                 "each migration appears once in the journal: remove the duplicate entry");
        if (auto [it, fresh] = indexes.emplace(entry.idx, i); !fresh)
            fail(source, where + " repeats the idx " + std::to_string(entry.idx) + " of entries[" + std::to_string(it->second) + "]",
                 "each entry has its own idx (0, 1, 2... in journal order; two branches that each added a migration "
                 "give a duplicate): renumber the later entry and its snapshot file. Databases record `when` and the "
                 "file's hash, not idx, so renumbering changes nothing for them");
        if (!journal.entries.empty() && entry.when <= journal.entries.back().when) {
            const JournalEntry& before = journal.entries.back();
            fail(source,
                 where + ": \"when\" " + std::to_string(entry.when) + " is not later than " +
                     describeEntry(i - 1, entries[i - 1]) + "'s " + std::to_string(before.when),
                 "\"when\" (milliseconds since 1970) must increase from entry to entry: migrate records it as the "
                 "migration's created_at and applies in journal order. Give this entry a later \"when\" (a branch "
                 "merged after the others: move its entry to the end with the current time), but never change "
                 "the \"when\" of a migration a database has already applied");
        }
        journal.entries.push_back(std::move(entry));
    }
    return journal;
}

Journal readJournal(const fs::path& outFolder) {
    const fs::path path = journalPath(outFolder);
    std::error_code ec;
    if (!fs::is_directory(outFolder, ec)) {
        if (ec && ec != std::errc::no_such_file_or_directory) throw util::ioError(outFolder, "opening the folder", ec);
        fail(outFolder, "no such migrations folder",
             "run drizzle-kit generate first, or point --out (or \"out\" in drizzle.config.json) at the folder it wrote "
             "the migrations to");
    }
    if (!fs::is_regular_file(path, ec))
        fail(path, "not found",
             "point --out (or \"out\" in drizzle.config.json) at the folder drizzle-kit generate wrote the migrations to; "
             "it holds meta/_journal.json");
    return parseJournal(util::readFileOrThrow(path), path);
}

std::string journalJson(const Journal& journal) {
    nlohmann::ordered_json entries = nlohmann::ordered_json::array();
    for (const JournalEntry& e : journal.entries) {
        nlohmann::ordered_json entry;
        entry["idx"] = e.idx;
        entry["version"] = e.version;
        entry["when"] = e.when;
        entry["tag"] = e.tag;
        entry["breakpoints"] = e.breakpoints;
        entries.push_back(std::move(entry));
    }
    nlohmann::ordered_json json;
    json["version"] = journal.version;
    json["dialect"] = journal.dialect;
    json["entries"] = std::move(entries);
    return json.dump(2, ' ', false);
}

void writeJournal(const fs::path& outFolder, const Journal& journal) {
    const fs::path path = journalPath(outFolder);
    std::error_code ec;
    fs::create_directories(path.parent_path(), ec);
    if (ec) throw util::ioError(path.parent_path(), "creating the folder", ec);
    util::writeFileAtomically(path, journalJson(journal));
}

std::vector<MigrationStatement> splitStatements(const std::string& sql) {
    std::vector<MigrationStatement> statements;
    std::size_t start = 0;
    while (true) {
        const std::size_t end = sql.find(breakpoint, start);
        const std::string piece = sql.substr(start, end == std::string::npos ? std::string::npos : end - start);
        const std::size_t firstVisible = piece.find_first_not_of(" \t\r\n");
        if (firstVisible != std::string::npos) statements.push_back({piece, lineOf(sql, start + firstVisible)});
        if (end == std::string::npos) break;
        start = end + breakpoint.size();
    }
    return statements;
}

std::vector<Migration> readMigrations(const fs::path& outFolder, const Journal& journal) {
    std::vector<Migration> migrations;
    for (std::size_t i = 0; i < journal.entries.size(); ++i) {
        const JournalEntry& entry = journal.entries[i];
        Migration m;
        m.entry = entry;
        m.file = outFolder / (entry.tag + ".sql");
        std::error_code ec;
        const bool isFile = fs::is_regular_file(m.file, ec);
        if (!isFile && (!ec || ec == std::errc::no_such_file_or_directory))  // else reading says why
            fail(journalPath(outFolder),
                 "entries[" + std::to_string(i) + "] (tag \"" + entry.tag + "\") names " + m.file.string() +
                     ", which does not exist",
                 "restore the file from version control; if the migration was abandoned and no database applied it, "
                 "remove its entry from the journal");
        m.sql = util::readFileOrThrow(m.file);
        m.hash = util::sha256Hex(m.sql);
        m.statements = splitStatements(m.sql);
        m.noTransaction = firstLineIsMarker(m.sql);
        migrations.push_back(std::move(m));
    }
    return migrations;
}

std::vector<Migration> readMigrations(const fs::path& outFolder) {
    return readMigrations(outFolder, readJournal(outFolder));
}

bool isJournalOf(const Journal& journal, Dialect dialect) {
    return journal.dialect == dialectName(dialect) || (dialect == Dialect::postgresql && journal.dialect == "pg");
}

}  // namespace drizzle::kit

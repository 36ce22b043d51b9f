// The rename flags and the rename question loop (rename_answers.hpp).
#include "generate/rename_answers.hpp"

#include <set>

#include <nlohmann/json.hpp>

#include "drizzle/error.hpp"
#include "drizzle/kit/generate.hpp"
#include "util/atomic_file.hpp"

namespace drizzle::kit {

namespace fs = std::filesystem;

namespace {

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

std::string unansweredMessage(const std::vector<diff::RenameQuestion>& questions, std::string_view command) {
    std::string out = std::string(command) + " needs to know whether these were renamed or created:";
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


diff::Renames resolveRenames(const model::Schema& from, const model::Schema& to, const diff::Renames& given,
                             const std::vector<std::pair<std::string, std::string>>& creates, const AskRename& ask,
                             std::string_view command) {
    diff::Renames renames = given;
    std::set<std::string> asked;
    for (;;) {
        std::vector<diff::RenameQuestion> open;
        for (auto& q : diff::renameQuestions(from, to, renames))
            if (!isAnsweredCreate(q, creates) && !asked.count(q.kind + ":" + qualifiedCreated(q))) open.push_back(q);
        if (open.empty()) return renames;
        if (!ask)
            throw Error(ErrorCategory::usage, unansweredMessage(open, command),
                        "pass those flags, or run " + std::string(command) + " on a terminal to be asked");
        const diff::RenameQuestion& q = open.front();
        asked.insert(q.kind + ":" + qualifiedCreated(q));
        if (auto dropped = ask(q)) {
            const std::string qualifiedFrom = q.scope.empty() ? *dropped : q.scope + "." + *dropped;
            renameList(renames, q.kind)->emplace_back(qualifiedFrom, q.created);
        }
    }
}

}  // namespace drizzle::kit

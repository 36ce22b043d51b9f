// mariadb-dump --no-data --compact --routines --events --triggers cut into objects.
//
// What is the tool's and not the schema's is removed: version-conditional comment wrappers
// (/*!50001 ... */), the sandbox-mode line, SET statements, DELIMITER lines, the placeholder
// `CREATE VIEW v AS SELECT NULL AS ...` a view gets before the real one, DEFINER clauses (the
// connecting user), a table's AUTO_INCREMENT=N counter, and the parentheses around a view's
// query that Drizzle Kit's DDL writes (AS (select ...)) and MariaDB keeps. A table's keys and constraints are
// sorted (SHOW CREATE TABLE lists keys in creation order); its columns keep their order.
#include <algorithm>
#include <map>
#include <optional>
#include <regex>
#include <sstream>

#include "fidelity.hpp"

namespace fidelity {
namespace {

std::string stripConditionalComments(std::string s) {
    static const std::regex sandbox(R"(/\*M!\d+\\- enable the sandbox mode \*/)");
    s = std::regex_replace(s, sandbox, "");
    for (auto open = s.find("/*!"); open != std::string::npos; open = s.find("/*!", open)) {
        std::size_t body = open + 3;
        while (body < s.size() && std::isdigit(static_cast<unsigned char>(s[body]))) ++body;
        if (body < s.size() && s[body] == ' ') ++body;
        auto close = s.find("*/", body);
        if (close == std::string::npos) break;
        std::size_t closeEnd = close + 2;
        while (close > body && s[close - 1] == ' ') --close;
        s = s.substr(0, open) + s.substr(body, close - body) + s.substr(closeEnd);
    }
    return s;
}

std::string trim(const std::string& s) {
    auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return {};
    auto e = s.find_last_not_of(" \t\r\n");
    return s.substr(b, e - b + 1);
}

std::vector<std::string> splitLines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
}

// `... AS (select ...)` -> `... AS select ...`. Drizzle Kit's DDL writes a view's query in
// parentheses and MariaDB keeps them; they change nothing.
std::string withoutWrappingParentheses(const std::string& view, const std::string& head) {
    auto at = view.find(head);
    if (at == std::string::npos) return view;
    const std::size_t open = at + head.size();
    if (open >= view.size() || view[open] != '(' || view.back() != ')') return view;
    int depth = 0;
    char quote = 0;
    for (std::size_t i = open; i < view.size(); ++i) {
        char c = view[i];
        if (quote) {
            if (c == quote) quote = 0;
            continue;
        }
        if (c == '\'' || c == '`' || c == '"') quote = c;
        else if (c == '(') ++depth;
        else if (c == ')' && --depth == 0 && i + 1 != view.size()) return view;  // closes earlier
    }
    return view.substr(0, open) + view.substr(open + 1, view.size() - open - 2);
}

}  // namespace

Dump parseMysqlDump(const std::string& text) {
    // Statements, with DELIMITER honoured.
    std::vector<std::string> statements;
    {
        std::string delimiter = ";", current;
        for (const auto& raw : splitLines(text)) {
            std::string line = raw;
            if (line.starts_with("DELIMITER ")) {
                delimiter = trim(line.substr(10));
                continue;
            }
            current += line + "\n";
            std::string t = trim(line);
            if (t.size() >= delimiter.size() && t.compare(t.size() - delimiter.size(), delimiter.size(), delimiter) == 0) {
                std::string s = trim(current);
                s = trim(s.substr(0, s.size() - delimiter.size()));
                statements.push_back(s);
                current.clear();
            }
        }
    }
    static const std::regex definer(R"( ?DEFINER=`[^`]*`@`[^`]*`)");
    static const std::regex autoIncrement(R"( AUTO_INCREMENT=\d+)");
    static const std::regex name(R"(^CREATE\b[\s\S]*?\b(TABLE|VIEW|TRIGGER|FUNCTION|PROCEDURE|EVENT|SEQUENCE) `((?:[^`]|``)+)`)");
    // MariaDB dumps a sequence's state as a statement of its own after the sequence.
    static const std::regex sequenceValue(R"(^DO SETVAL\(`((?:[^`]|``)+)`)");
    std::map<std::string, DumpObject> byKey;
    std::vector<std::string> order;
    for (auto s : statements) {
        s = trim(stripConditionalComments(s));
        s = std::regex_replace(s, definer, "");
        if (s.empty() || s.starts_with("SET ") || s.starts_with("DROP ")) continue;
        std::smatch m;
        const std::string firstLine = s.substr(0, s.find('\n'));
        if (std::regex_search(s, m, sequenceValue)) {
            DumpObject o{"SEQUENCE VALUE", "SEQUENCE VALUE " + m[1].str(), m[1].str(), {s}};
            byKey[o.key] = o;
            order.push_back(o.key);
            continue;
        }
        if (!std::regex_search(s, m, name)) {
            DumpObject o{"STATEMENT", "STATEMENT " + firstLine, firstLine, {s}};
            byKey[o.key] = o;
            order.push_back(o.key);
            continue;
        }
        DumpObject o;
        std::optional<DumpObject> tableOptions;
        const std::string kind = m[1], object = m[2];
        o.kind = kind;
        o.key = kind + " " + object;
        o.identity = object;
        if (kind == "TABLE") {
            std::vector<std::string> columns, keys;
            std::string options;
            auto lines = splitLines(s);
            for (std::size_t i = 1; i < lines.size(); ++i) {
                std::string l = lines[i];
                if (!l.empty() && l.back() == ',') l.pop_back();
                if (l.starts_with(")")) options = std::regex_replace(l, autoIncrement, "");
                else if (trim(l).starts_with("`")) columns.push_back(trim(l));
                else keys.push_back(trim(l));
            }
            std::sort(keys.begin(), keys.end());
            o.lines.push_back(lines[0]);
            o.lines.insert(o.lines.end(), columns.begin(), columns.end());
            o.lines.insert(o.lines.end(), keys.begin(), keys.end());
            // The options (engine, character set, collation) are an object of their own.
            tableOptions = DumpObject{"TABLE OPTIONS", "TABLE OPTIONS " + object, object, {options}};
        } else if (kind == "VIEW") {  // the wrappers split it over lines
            std::string joined;
            for (const auto& l : splitLines(s)) joined += (joined.empty() ? "" : " ") + trim(l);
            o.lines.push_back(withoutWrappingParentheses(joined, "VIEW `" + object + "` AS "));
        } else {
            for (const auto& l : splitLines(s))
                if (!trim(l).empty()) o.lines.push_back(l);
        }
        for (auto* one : {&o, tableOptions ? &*tableOptions : nullptr}) {
            if (!one) continue;
            if (!byKey.count(one->key)) order.push_back(one->key);
            byKey[one->key] = std::move(*one);  // a view's real statement replaces its placeholder
        }
    }
    Dump out;
    for (const auto& k : order) out.push_back(byKey[k]);
    return out;
}

}  // namespace fidelity

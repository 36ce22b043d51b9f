// sqlite3's .schema cut into statements and brought to one spelling.
//
// SQLite keeps each CREATE statement as it was written, so two databases with the same schema
// print different text when their authors quoted, spaced or ordered things differently. The
// canonical form removes exactly what SQLite itself ignores:
//  * letter case outside string literals, identifier quotes ([x], "x", `x`), whitespace;
//  * the order of a column's constraints and of the table's constraints (columns keep theirs);
//  * where a constraint is written: `x INTEGER PRIMARY KEY` and `PRIMARY KEY (x)`, and
//    `x REFERENCES t(y)` and `FOREIGN KEY (x) REFERENCES t(y)`, are the same constraint;
//  * names of PRIMARY KEY and FOREIGN KEY constraints, which SQLite stores nowhere but in the
//    text and never reports (no pragma, no error message names them);
//  * `NULL` (a column's default nullability) and `ON DELETE/UPDATE NO ACTION` (the default action).
// A table prints as its header line, one line per column, then its constraints sorted.
#include <algorithm>
#include <cctype>

#include "fidelity.hpp"

namespace fidelity {
namespace {

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

bool wordChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$' || (c & 0x80); }

// Canonical tokens; a parenthesised group is one token holding its canonical text.
struct Tok {
    std::string text;
    bool word = false;  // a keyword or an unquoted/unquoted-able identifier
};

std::size_t skipQuoted(const std::string& s, std::size_t i) {
    const char close = s[i] == '[' ? ']' : s[i];
    for (std::size_t j = i + 1; j < s.size(); ++j)
        if (s[j] == close) {
            if (close != ']' && j + 1 < s.size() && s[j + 1] == close) {
                ++j;
                continue;
            }
            return j + 1;
        }
    return s.size();
}

std::string joinTokens(const std::vector<Tok>& toks);

// Tokens of s[b, e), groups folded.
std::vector<Tok> tokenize(const std::string& s, std::size_t b, std::size_t e) {
    std::vector<Tok> out;
    std::size_t i = b;
    while (i < e) {
        char c = s[i];
        if (std::isspace(static_cast<unsigned char>(c))) {
            ++i;
        } else if (c == '-' && i + 1 < e && s[i + 1] == '-') {
            while (i < e && s[i] != '\n') ++i;
        } else if (c == '/' && i + 1 < e && s[i + 1] == '*') {
            auto end = s.find("*/", i + 2);
            i = end == std::string::npos ? e : end + 2;
        } else if (c == '\'') {
            std::size_t j = skipQuoted(s, i);
            out.push_back({s.substr(i, j - i), false});
            i = j;
        } else if (c == '"' || c == '`' || c == '[') {
            std::size_t j = skipQuoted(s, i);
            std::string inner = lower(s.substr(i + 1, j - i - 2));
            bool plain = !inner.empty() && std::all_of(inner.begin(), inner.end(), wordChar);
            out.push_back({plain ? inner : "\"" + inner + "\"", plain});
            i = j;
        } else if (c == '(') {
            int depth = 0;
            std::size_t j = i;
            for (; j < e; ++j) {
                if (s[j] == '\'' || s[j] == '"' || s[j] == '`' || s[j] == '[') {
                    j = skipQuoted(s, j) - 1;
                    continue;
                }
                if (s[j] == '(') ++depth;
                if (s[j] == ')' && --depth == 0) break;
            }
            out.push_back({"(" + joinTokens(tokenize(s, i + 1, j)) + ")", false});
            i = j + 1;
        } else if (std::isdigit(static_cast<unsigned char>(c)) ||
                   (c == '.' && i + 1 < e && std::isdigit(static_cast<unsigned char>(s[i + 1])))) {
            std::size_t j = i;  // a number: 4.99, .5, 1e-3
            while (j < e && (std::isalnum(static_cast<unsigned char>(s[j])) || s[j] == '.' ||
                             ((s[j] == '-' || s[j] == '+') && (s[j - 1] == 'e' || s[j - 1] == 'E'))))
                ++j;
            out.push_back({lower(s.substr(i, j - i)), false});
            i = j;
        } else if (wordChar(c)) {
            std::size_t j = i;
            while (j < e && wordChar(s[j])) ++j;
            // x'..' blob literals stay one token
            if (j == i + 1 && (c == 'x' || c == 'X') && j < e && s[j] == '\'') {
                std::size_t k = skipQuoted(s, j);
                out.push_back({"x" + s.substr(j, k - j), false});
                i = k;
                continue;
            }
            out.push_back({lower(s.substr(i, j - i)), true});
            i = j;
        } else {
            static const std::vector<std::string> ops = {"<=", ">=", "<>", "!=", "==", "||", "<<", ">>"};
            std::string op(1, c);
            for (const auto& o : ops)
                if (s.compare(i, 2, o) == 0) op = o;
            out.push_back({op, false});
            i += op.size();
        }
    }
    return out;
}

std::string joinTokens(const std::vector<Tok>& toks) {
    std::string out;
    for (std::size_t i = 0; i < toks.size(); ++i) {
        const std::string& t = toks[i].text;
        bool tight = out.empty() || t == "," || t == "." || t.front() == '(' || out.back() == '.';
        if (!tight) out += ' ';
        out += t;
    }
    return out;
}

std::vector<std::vector<Tok>> splitCommas(const std::vector<Tok>& toks) {
    std::vector<std::vector<Tok>> out(1);
    for (const auto& t : toks) {
        if (t.text == ",") out.emplace_back();
        else out.back().push_back(t);
    }
    if (out.back().empty()) out.pop_back();
    return out;
}

// "on delete cascade on update no action" -> the non-default actions, sorted.
std::string referenceClause(std::vector<Tok> toks) {
    std::vector<std::string> actions;
    std::vector<Tok> head;
    std::size_t i = 0;
    for (; i < toks.size() && toks[i].text != "on"; ++i) head.push_back(toks[i]);
    while (i < toks.size()) {
        std::vector<Tok> one{toks[i++]};
        while (i < toks.size() && toks[i].text != "on") one.push_back(toks[i++]);
        std::string text = joinTokens(one);
        if (!text.ends_with("no action")) actions.push_back(text);
    }
    std::sort(actions.begin(), actions.end());
    std::string out = joinTokens(head);
    for (const auto& a : actions) out += " " + a;
    return out;
}

bool startsClause(const std::vector<Tok>& t, std::size_t i) {
    static const std::vector<std::string> starts = {"constraint", "primary", "not",     "null",      "unique",
                                                    "check",      "default", "collate", "references", "generated", "as"};
    return t[i].word && std::find(starts.begin(), starts.end(), t[i].text) != starts.end();
}

struct Column {
    std::string name, type;
    std::vector<std::string> clauses;
};
struct Table {
    std::vector<Column> columns;  // in order
    std::vector<std::string> constraints;
};

void addColumn(Table& table, const std::vector<Tok>& t) {
    Column column{t[0].text, "", {}};
    std::size_t i = 1;
    std::vector<Tok> type;
    while (i < t.size() && !startsClause(t, i)) type.push_back(t[i++]);
    column.type = joinTokens(type);
    while (i < t.size()) {
        std::vector<Tok> clause{t[i++]};
        if (clause[0].text == "constraint") {  // a name for the clause that follows
            Tok name = i < t.size() ? t[i++] : Tok{};
            if (i >= t.size()) break;
            clause = {t[i++]};
            if (clause[0].text == "check" || clause[0].text == "unique")
                clause.insert(clause.begin(), {Tok{"constraint", true}, name});
        }
        if (clause.back().text == "default") {
            if (i < t.size() && (t[i].text == "-" || t[i].text == "+")) clause.push_back(t[i++]);
            if (i < t.size()) clause.push_back(t[i++]);
        } else {
            if (clause.back().text == "not" && i < t.size() && t[i].text == "null") clause.push_back(t[i++]);
            while (i < t.size() && !startsClause(t, i)) clause.push_back(t[i++]);
        }
        std::string text = joinTokens(clause);
        if (text == "null") continue;
        if (text.starts_with("references")) {
            table.constraints.push_back("foreign key(" + column.name + ") " + referenceClause(clause));
            continue;
        }
        column.clauses.push_back(text);
    }
    table.columns.push_back(std::move(column));
}

void addConstraint(Table& table, std::vector<Tok> t) {
    if (t.size() > 2 && t[0].text == "constraint" && (t[2].text == "primary" || t[2].text == "foreign"))
        t.erase(t.begin(), t.begin() + 2);
    if (t.size() == 3 && t[0].text == "primary" && t[1].text == "key" && t[2].text.find(',') == std::string::npos) {
        // PRIMARY KEY (x): the column's own primary key.
        const std::string name = t[2].text.substr(1, t[2].text.size() - 2);
        for (auto& column : table.columns)
            if (column.name == name) {
                column.clauses.push_back("primary key");
                return;
            }
    }
    if (!t.empty() && t[0].text == "foreign") table.constraints.push_back(referenceClause(t));
    else table.constraints.push_back(joinTokens(t));
}

bool isConstraint(const std::vector<Tok>& item) {
    static const std::vector<std::string> words = {"constraint", "primary", "foreign", "unique", "check"};
    return item[0].word && std::find(words.begin(), words.end(), item[0].text) != words.end();
}

DumpObject tableObject(const std::string& name, const std::vector<Tok>& body, const std::vector<Tok>& options) {
    Table table;
    const auto items = splitCommas(body);
    for (const auto& item : items)
        if (!item.empty() && !isConstraint(item)) addColumn(table, item);
    for (const auto& item : items)
        if (!item.empty() && isConstraint(item)) addConstraint(table, item);
    DumpObject o;
    o.kind = "table";
    o.key = "table " + name;
    o.identity = name;
    o.lines.push_back("create table " + name);
    for (auto& column : table.columns) {
        std::sort(column.clauses.begin(), column.clauses.end());
        std::string line = column.name + (column.type.empty() ? "" : " " + column.type);
        for (const auto& c : column.clauses) line += " " + c;
        o.lines.push_back(line);
    }
    std::sort(table.constraints.begin(), table.constraints.end());
    for (const auto& c : table.constraints) o.lines.push_back(c);
    if (!options.empty()) o.lines.push_back(joinTokens(options));
    return o;
}

// Statements of .schema output: split at top-level ';', a trigger's body (BEGIN ... END) kept whole.
std::vector<std::string> statements(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    int depth = 0;
    for (std::size_t i = 0; i < text.size();) {
        char c = text[i];
        if (c == '\'' || c == '"' || c == '`' || c == '[') {
            i = skipQuoted(text, i);
            continue;
        }
        if (c == '-' && i + 1 < text.size() && text[i + 1] == '-') {
            while (i < text.size() && text[i] != '\n') ++i;
            continue;
        }
        if (wordChar(c)) {
            std::size_t j = i;
            while (j < text.size() && wordChar(text[j])) ++j;
            std::string w = lower(text.substr(i, j - i));
            if (w == "begin" || w == "case") ++depth;
            if (w == "end" && depth > 0) --depth;
            i = j;
            continue;
        }
        if (c == ';' && depth == 0) {
            out.push_back(text.substr(start, i - start));
            start = i + 1;
        }
        ++i;
    }
    return out;
}

}  // namespace

Dump parseSqliteDump(const std::string& text) {
    Dump out;
    for (const auto& statement : statements(text)) {
        auto toks = tokenize(statement, 0, statement.size());
        if (toks.empty()) continue;
        std::size_t i = 1;  // after CREATE
        while (i < toks.size() && (toks[i].text == "unique" || toks[i].text == "temp" || toks[i].text == "temporary" ||
                                   toks[i].text == "virtual"))
            ++i;
        if (i >= toks.size()) continue;
        std::string kind = toks[i++].text;
        if (i + 2 < toks.size() && toks[i].text == "if" && toks[i + 1].text == "not") i += 3;
        if (i >= toks.size()) continue;
        std::string name = toks[i++].text;
        if (kind == "table" && i < toks.size() && toks[i].text.front() == '(') {
            const std::string& group = toks[i].text;
            auto body = tokenize(group, 1, group.size() - 1);
            out.push_back(tableObject(name, body, std::vector<Tok>(toks.begin() + static_cast<long>(i) + 1, toks.end())));
            continue;
        }
        DumpObject o;
        o.kind = kind;
        o.key = kind + " " + name;
        o.identity = name;
        o.lines.push_back(joinTokens(toks));
        out.push_back(std::move(o));
    }
    return out;
}

}  // namespace fidelity

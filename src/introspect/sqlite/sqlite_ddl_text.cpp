#include "introspect/sqlite/sqlite_ddl_text.hpp"

#include <algorithm>
#include <cctype>

namespace drizzle::kit::sqlite_text {
namespace {

bool isWordChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$'; }

std::size_t skipComment(std::string_view s, std::size_t i) {
    if (s.substr(i, 2) == "--") {
        auto e = s.find('\n', i);
        return e == std::string_view::npos ? s.size() : e + 1;
    }
    if (s.substr(i, 2) == "/*") {
        auto e = s.find("*/", i + 2);
        return e == std::string_view::npos ? s.size() : e + 2;
    }
    return i;
}

// The index of the ')' matching the '(' at `open`, or npos.
std::size_t matchParen(std::string_view s, std::size_t open) {
    int depth = 0;
    for (std::size_t i = open; i < s.size();) {
        char c = s[i];
        if (c == '\'' || c == '"' || c == '`' || c == '[') {
            i = skipQuoted(s, i);
            continue;
        }
        if (auto j = skipComment(s, i); j != i) {
            i = j;
            continue;
        }
        if (c == '(') ++depth;
        if (c == ')' && --depth == 0) return i;
        ++i;
    }
    return std::string_view::npos;
}

std::string tokenText(std::string_view s, const Token& t) { return std::string(s.substr(t.begin, t.end - t.begin)); }

std::string wordUpper(std::string_view s, const Token& t) {
    return t.kind == Token::word ? upper(tokenText(s, t)) : std::string();
}

// Splits at top-level commas.
std::vector<std::string> splitTopLevel(std::string_view s) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (std::size_t i = 0; i < s.size();) {
        char c = s[i];
        if (c == '\'' || c == '"' || c == '`' || c == '[') {
            i = skipQuoted(s, i);
        } else if (auto j = skipComment(s, i); j != i) {
            i = j;
        } else if (c == '(') {
            auto e = matchParen(s, i);
            i = e == std::string_view::npos ? s.size() : e + 1;
        } else if (c == ',') {
            out.push_back(trim(s.substr(start, i - start)));
            start = ++i;
        } else {
            ++i;
        }
    }
    if (auto last = trim(s.substr(start)); !last.empty()) out.push_back(last);
    return out;
}

// The inside of a paren token.
std::string inner(std::string_view s, const Token& t) {
    return std::string(s.substr(t.begin + 1, t.end - t.begin - (s[t.end - 1] == ')' ? 2 : 1)));
}

std::vector<std::string> identifierList(std::string_view list) {
    std::vector<std::string> out;
    for (const auto& item : splitTopLevel(list)) {
        auto toks = tokenize(item);
        if (!toks.empty()) out.push_back(identifier(item, toks.front()));
    }
    return out;
}

// The text of an ON CONFLICT clause starting at toks[i] ("ON"), or "".
std::string onConflictAt(std::string_view s, const std::vector<Token>& toks, std::size_t i) {
    if (i + 2 < toks.size() && wordUpper(s, toks[i]) == "ON" && wordUpper(s, toks[i + 1]) == "CONFLICT")
        return "ON CONFLICT " + wordUpper(s, toks[i + 2]);
    return "";
}

// The DEFERRABLE clause in toks[from..], or "" when there is none or it is NOT DEFERRABLE (the
// default, which the model already means).
std::string deferrableFrom(std::string_view s, const std::vector<Token>& toks, std::size_t from) {
    for (std::size_t i = from; i < toks.size(); ++i) {
        if (wordUpper(s, toks[i]) != "DEFERRABLE") continue;
        if (i > 0 && wordUpper(s, toks[i - 1]) == "NOT") return "";
        std::string clause = "DEFERRABLE";
        if (i + 2 < toks.size() && wordUpper(s, toks[i + 1]) == "INITIALLY") clause += " INITIALLY " + wordUpper(s, toks[i + 2]);
        return clause;
    }
    return "";
}

}  // namespace

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

std::string upper(std::string s) {
    for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

std::string trim(std::string_view s) {
    std::size_t b = 0, e = s.size();
    while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
    while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
    return std::string(s.substr(b, e - b));
}

std::string join(const std::vector<std::string>& v, std::string_view sep) {
    std::string out;
    for (std::size_t i = 0; i < v.size(); ++i) out += (i ? std::string(sep) : "") + v[i];
    return out;
}

std::size_t skipQuoted(std::string_view s, std::size_t i) {
    const char open = s[i];
    const char close = open == '[' ? ']' : open;
    for (std::size_t j = i + 1; j < s.size(); ++j) {
        if (s[j] == close) {
            if (close != ']' && j + 1 < s.size() && s[j + 1] == close) {
                ++j;
                continue;
            }
            return j + 1;
        }
    }
    return s.size();
}

std::vector<Token> tokenize(std::string_view s) {
    std::vector<Token> out;
    for (std::size_t i = 0; i < s.size();) {
        char c = s[i];
        if (std::isspace(static_cast<unsigned char>(c))) {
            ++i;
        } else if (auto j = skipComment(s, i); j != i) {
            i = j;
        } else if (c == '\'' || c == '"' || c == '`' || c == '[') {
            std::size_t e = skipQuoted(s, i);
            out.push_back({Token::quoted, i, e});
            i = e;
        } else if (c == '(') {
            std::size_t e = matchParen(s, i);
            e = e == std::string_view::npos ? s.size() : e + 1;
            out.push_back({Token::paren, i, e});
            i = e;
        } else if (isWordChar(c)) {
            std::size_t e = i;
            while (e < s.size() && isWordChar(s[e])) ++e;
            out.push_back({Token::word, i, e});
            i = e;
        } else {
            out.push_back({Token::other, i, i + 1});
            ++i;
        }
    }
    return out;
}

std::string identifier(std::string_view s, const Token& t) {
    std::string text = tokenText(s, t);
    if (t.kind != Token::quoted || text.size() < 2) return text;
    const char open = text.front();
    const char close = open == '[' ? ']' : open;
    std::string out;
    for (std::size_t i = 1; i + 1 < text.size(); ++i) {
        out += text[i];
        if (text[i] == close && close != ']' && text[i + 1] == close) ++i;
    }
    return out;
}

ParsedTable parseCreateTable(std::string_view sql, const std::string& table) {
    ParsedTable out;
    auto open = sql.find('(');
    if (open == std::string_view::npos) return out;
    auto close = matchParen(sql, open);
    if (close == std::string_view::npos) return out;
    out.any = true;
    // Table options follow the column list: WITHOUT ROWID, STRICT.
    const std::string_view options = sql.substr(close + 1);
    for (const auto& t : tokenize(options)) {
        const std::string w = wordUpper(options, t);
        if (w == "ROWID") out.withoutRowid = true;
        if (w == "STRICT") out.strict = true;
    }
    // Unnamed checks get Drizzle Kit's names, <table>_check_<n> (numbered after parsing).
    static const std::vector<std::string> constraintWords = {"PRIMARY", "NOT", "NULL", "DEFAULT", "GENERATED", "AS",
                                                             "UNIQUE", "CHECK", "REFERENCES", "CONSTRAINT"};
    for (const auto& item : splitTopLevel(sql.substr(open + 1, close - open - 1))) {
        auto toks = tokenize(item);
        if (toks.empty()) continue;
        const std::string first = wordUpper(item, toks[0]);
        std::string name;
        std::size_t k = 0;
        if (first == "CONSTRAINT" && toks.size() > 1) {
            name = identifier(item, toks[1]);
            k = 2;
        }
        const std::string kw = k < toks.size() ? wordUpper(item, toks[k]) : "";
        if (first == "CONSTRAINT" || first == "PRIMARY" || first == "FOREIGN" || first == "UNIQUE" || first == "CHECK") {
            // The column list: after UNIQUE, after PRIMARY KEY, after FOREIGN KEY.
            std::size_t list = k + 1;
            if (list < toks.size() && toks[list].kind != Token::paren) ++list;
            std::vector<std::string> columns;
            if (list < toks.size() && toks[list].kind == Token::paren) columns = identifierList(inner(item, toks[list]));
            if (kw == "CHECK" && k + 1 < toks.size() && toks[k + 1].kind == Token::paren) {
                out.checks.push_back({name, trim(inner(item, toks[k + 1]))});
            } else if (kw == "UNIQUE" && k + 1 < toks.size() && toks[k + 1].kind == Token::paren) {
                out.uniques.push_back({.name = name, .columns = columns});
            } else if (kw == "FOREIGN") {
                if (auto clause = deferrableFrom(item, toks, list); !clause.empty()) out.deferrable.push_back({columns, clause});
            }
            if (kw == "UNIQUE" || kw == "PRIMARY")
                for (std::size_t i = list; i < toks.size(); ++i)
                    if (auto conflict = onConflictAt(item, toks, i); !conflict.empty())
                        out.unmodelled.push_back(
                            (kw == "UNIQUE" ? "unique constraint " + table + "." +
                                                  (name.empty() ? table + "_" + join(columns, "_") + "_unique" : name)
                                            : "primary key " + table) +
                            " (" + conflict + ")");
            continue;
        }
        ParsedColumn col;
        std::size_t typeEnd = toks[0].end, i = 1;
        for (; i < toks.size(); ++i) {
            const std::string w = wordUpper(item, toks[i]);
            if (std::find(constraintWords.begin(), constraintWords.end(), w) != constraintWords.end()) break;
            typeEnd = toks[i].end;
        }
        col.type = trim(std::string_view(item).substr(toks[0].end, typeEnd - toks[0].end));
        const std::string column = identifier(item, toks[0]);
        std::string constraint;  // the column constraint an ON CONFLICT clause belongs to
        for (std::size_t j = 1; j < toks.size(); ++j) {
            const std::string w = wordUpper(item, toks[j]);
            // A COLLATE after a constraint ("text NOT NULL COLLATE NOCASE") is part of the type
            // as the model keeps it, as if it had been written right after the type.
            if (w == "COLLATE" && j + 1 < toks.size()) {
                col.collation = upper(identifier(item, toks[j + 1]));
                if (j > i) col.type += " COLLATE " + tokenText(item, toks[j + 1]);
            }
            if (w == "PRIMARY" || w == "UNIQUE") constraint = w == "PRIMARY" ? "PRIMARY KEY" : w;
            if (w == "NULL" && j > 0 && wordUpper(item, toks[j - 1]) == "NOT") constraint = "NOT NULL";
            if (auto conflict = onConflictAt(item, toks, j); !conflict.empty())
                out.unmodelled.push_back("column " + table + "." + column + " (" + constraint + " " + conflict + ")");
            if (w == "REFERENCES")
                if (auto clause = deferrableFrom(item, toks, j); !clause.empty()) out.deferrable.push_back({{column}, clause});
        }
        for (; i < toks.size(); ++i) {
            const std::string w = wordUpper(item, toks[i]);
            if (w == "AUTOINCREMENT") col.autoincrement = true;
            if (w == "UNIQUE" && i >= 2 && wordUpper(item, toks[i - 2]) == "CONSTRAINT")
                out.uniques.push_back({.name = identifier(item, toks[i - 1]), .columns = {identifier(item, toks[0])}});
            // A column-level CHECK, named or not.
            if (w == "CHECK" && i + 1 < toks.size() && toks[i + 1].kind == Token::paren) {
                const bool named = i >= 2 && wordUpper(item, toks[i - 2]) == "CONSTRAINT";
                out.checks.push_back({named ? identifier(item, toks[i - 1]) : "", trim(inner(item, toks[i + 1]))});
            }
            if (w == "AS" && i + 1 < toks.size() && toks[i + 1].kind == Token::paren)
                col.generatedAs = tokenText(item, toks[i + 1]);
        }
        out.columns[column] = std::move(col);
    }
    return out;
}

ParsedIndex parseCreateIndex(std::string_view sql) {
    ParsedIndex out;
    auto toks = tokenize(sql);
    for (std::size_t i = 0; i < toks.size(); ++i) {
        if (wordUpper(sql, toks[i]) != "ON") continue;
        for (std::size_t j = i + 1; j < toks.size(); ++j) {
            if (toks[j].kind != Token::paren) continue;
            for (auto item : splitTopLevel(inner(sql, toks[j]))) {
                // An expression's sort order is the pragma's to report, not part of the expression.
                auto itoks = tokenize(item);
                if (itoks.size() > 1) {
                    const std::string last = wordUpper(item, itoks.back());
                    if (last == "ASC" || last == "DESC") item = trim(std::string_view(item).substr(0, itoks.back().begin));
                }
                out.items.push_back(item);
            }
            for (std::size_t w = j + 1; w < toks.size(); ++w)
                if (wordUpper(sql, toks[w]) == "WHERE") {
                    auto rest = trim(sql.substr(toks[w].end));
                    while (!rest.empty() && rest.back() == ';') rest = trim(rest.substr(0, rest.size() - 1));
                    out.where = rest;
                    break;
                }
            return out;
        }
    }
    return out;
}

std::optional<std::string> viewDefinition(std::string_view sql) {
    auto toks = tokenize(sql);
    for (const auto& t : toks)
        if (wordUpper(sql, t) == "AS") {
            auto rest = trim(sql.substr(t.end));
            while (!rest.empty() && rest.back() == ';') rest = trim(rest.substr(0, rest.size() - 1));
            return rest;
        }
    return std::nullopt;
}

std::vector<std::string> viewColumnList(std::string_view sql) {
    for (const auto& t : tokenize(sql)) {
        if (wordUpper(sql, t) == "AS") break;
        if (t.kind == Token::paren) return identifierList(inner(sql, t));
    }
    return {};
}

}  // namespace drizzle::kit::sqlite_text

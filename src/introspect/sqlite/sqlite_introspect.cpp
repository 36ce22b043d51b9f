// SQLite introspection: sqlite_schema and the pragma_* table-valued functions read into the model.
//
// The catalog answers columns (pragma_table_xinfo), indexes (pragma_index_list / index_xinfo),
// foreign keys (pragma_foreign_key_list) and primary keys. What SQLite keeps only in the DDL text
// is read from there: generated expressions, CHECK and UNIQUE constraint names, index
// expressions and WHERE clauses, view definitions, and a column's declared type when it carries a
// COLLATE clause (wherever in the column definition it is written). Names SQLite never stores
// (foreign keys, composite primary keys) get Drizzle's default names.
//
// What neither the model nor Drizzle's v6 snapshot can hold is reported in `unsupported`, by
// kind and name, and left out: WITHOUT ROWID and STRICT tables, ON CONFLICT clauses, DEFERRABLE
// foreign keys, DESC and COLLATE on index, unique and primary key columns (read as ascending, in
// the column's own collation), a view's column list; triggers and virtual tables as a whole.
#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <exception>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "drizzle/kit/introspect.hpp"

namespace drizzle::kit {
namespace {

using namespace model;

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

// ---- a small scanner over SQLite DDL text ---------------------------------------------------

bool isWordChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$'; }

// The index just past a quoted token starting at `i` (', ", `, or [...]).
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

struct Token {
    enum Kind { word, quoted, paren, other } kind;
    std::size_t begin, end;  // [begin, end) in the text; a paren token spans "( ... )"
};

// Top-level tokens of `s`: words, quoted names/literals, balanced parentheses, other characters.
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

std::string tokenText(std::string_view s, const Token& t) { return std::string(s.substr(t.begin, t.end - t.begin)); }
std::string wordUpper(std::string_view s, const Token& t) {
    return t.kind == Token::word ? upper(tokenText(s, t)) : std::string();
}

// An identifier token's name: quotes removed, doubled quotes undone.
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

// What the CREATE TABLE text says that the pragmas do not.
struct ParsedColumn {
    std::string type;  // the declared type as written, COLLATE included
    std::string collation;  // upper case; "" when none is declared (BINARY)
    std::optional<std::string> generatedAs;
    bool autoincrement = false;
};
// A foreign key's DEFERRABLE clause, which no pragma reports.
struct ParsedDeferrable {
    std::vector<std::string> columnsFrom;
    std::string clause;  // "DEFERRABLE INITIALLY DEFERRED", ...
};
struct ParsedTable {
    std::map<std::string, ParsedColumn> columns;
    std::vector<Check> checks;
    std::vector<Unique> uniques;  // name "" when the constraint is unnamed
    std::vector<ParsedDeferrable> deferrable;
    // Clauses the model has no place for, as reported: "column t.c (NOT NULL ON CONFLICT REPLACE)".
    std::vector<std::string> unmodelled;
    bool withoutRowid = false, strict = false;
    bool any = false;
};

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

// CREATE [UNIQUE] INDEX name ON table (items) [WHERE expr]: the items and the WHERE text.
struct ParsedIndex {
    std::vector<std::string> items;
    std::optional<std::string> where;
};

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

// CREATE VIEW name [(cols)] AS select...: the select.
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

// CREATE VIEW name (cols) AS ...: the names of its column list, which the model has no place for
// (its view columns are the select's); none when there is no list.
std::vector<std::string> viewColumnList(std::string_view sql) {
    for (const auto& t : tokenize(sql)) {
        if (wordUpper(sql, t) == "AS") break;
        if (t.kind == Token::paren) return identifierList(inner(sql, t));
    }
    return {};
}

// DDL text on one line, each run of white space one space: a report is one line.
std::string oneLine(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (!std::isspace(static_cast<unsigned char>(c))) out += c;
        else if (!out.empty() && out.back() != ' ') out += ' ';
    }
    return trim(out);
}

// ---- defaults as the model stores them --------------------------------------------------------

bool isNumber(const std::string& s) {
    if (s.empty()) return false;
    const char c = s.front();
    if (!(std::isdigit(static_cast<unsigned char>(c)) || c == '-' || c == '.' || c == '+')) return false;
    char* end = nullptr;
    std::strtod(s.c_str(), &end);
    return end == s.c_str() + s.size();
}

DefaultValue defaultFrom(const std::string& d) {
    using K = DefaultValue::Kind;
    if (isNumber(d)) return {K::number, d};
    const std::string u = upper(d);
    if (u == "TRUE" || u == "FALSE") return {K::boolean, lower(d)};
    // A single string or blob literal (not an expression such as 'a' || 'b').
    if (!d.empty() && d.front() == '\'' && skipQuoted(d, 0) == d.size()) return {K::sql, d};
    if (d.size() >= 3 && (d[0] == 'x' || d[0] == 'X') && d[1] == '\'' && skipQuoted(d, 1) == d.size())
        return {K::sql, d};
    if (u == "NULL") return {K::sql, d};
    // SQLite stores the expression of DEFAULT (expr) without its parentheses.
    return {K::sql, "(" + d + ")"};
}

std::string field(const driver::Rows& r, std::size_t row, std::size_t col) {
    return r.isNull(row, col) ? std::string() : r.text(row, col);
}

bool skippedTable(const std::string& name, const IntrospectOptions& options) {
    if (name.starts_with("sqlite_") || name.starts_with("__new_") || name.starts_with("_cf_")) return true;
    if (name == options.migrationsTable) return true;
    return !tableMatchesFilter(name, options.tablesFilter);
}

std::vector<Column> readColumns(driver::Connection& db, const std::string& table, const ParsedTable& parsed,
                                std::vector<std::pair<int, std::string>>* pkColumns) {
    auto rows = db.query(R"(SELECT name, type, "notnull", dflt_value, pk, hidden FROM pragma_table_xinfo(?) ORDER BY cid)",
                         {table});
    std::vector<Column> out;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const int hidden = static_cast<int>(rows.integer(r, 5));
        if (hidden == 1) continue;  // a virtual table's hidden column
        Column c;
        c.name = rows.text(r, 0);
        const ParsedColumn* p = nullptr;
        if (auto it = parsed.columns.find(c.name); it != parsed.columns.end()) p = &it->second;
        c.type = p && !p->type.empty() ? p->type : lower(field(rows, r, 1));
        // SQLite reads type names without regard to case: the five it names itself are spelled as
        // the DSL spells them ("INTEGER" is sqlite::integer); any other keeps its declared text.
        if (const std::string l = lower(c.type); l == "integer" || l == "real" || l == "text" || l == "blob" || l == "numeric")
            c.type = l;
        c.notNull = rows.integer(r, 2) != 0;
        if (!rows.isNull(r, 3)) c.defaultValue = defaultFrom(rows.text(r, 3));
        const int pk = static_cast<int>(rows.integer(r, 4));
        if (pk > 0 && pkColumns) pkColumns->push_back({pk, c.name});
        c.autoincrement = pk > 0 && p && p->autoincrement;
        if (hidden == 2 || hidden == 3) {
            Generated g;
            g.type = hidden == 3 ? "stored" : "virtual";
            if (p && p->generatedAs) g.as = *p->generatedAs;
            c.generated = g;
        }
        out.push_back(std::move(c));
    }
    return out;
}

std::string action(const std::string& a) { return lower(a); }

}  // namespace

Introspection introspectSqlite(driver::Connection& db, const IntrospectOptions& options) {
    Introspection out;
    out.schema.dialect = Dialect::sqlite;
    Schema& s = out.schema;

    // Shadow tables of virtual tables (FTS, R-Tree) belong to their virtual table; SQLite
    // before 3.37 has no pragma_table_list, and then none are recognised.
    std::vector<std::string> shadow;
    try {
        auto rows = db.query("SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'shadow'");
        for (std::size_t r = 0; r < rows.size(); ++r) shadow.push_back(rows.text(r, 0));
    } catch (const std::exception&) {
    }

    auto objects = db.query("SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY rowid");
    // Index definitions by name, looked up here rather than joined per table: sqlite_schema has
    // no index on name, so a join would scan it once per table.
    std::map<std::string, std::string> indexSql;
    for (std::size_t r = 0; r < objects.size(); ++r)
        if (objects.text(r, 0) == "index") indexSql[objects.text(r, 1)] = field(objects, r, 3);
    for (std::size_t r = 0; r < objects.size(); ++r) {
        const std::string type = objects.text(r, 0);
        const std::string name = objects.text(r, 1);
        const std::string sql = field(objects, r, 3);
        if (type == "trigger") {
            out.unsupported.push_back("trigger " + name);
            continue;
        }
        if (type == "view") {
            // tablesFilter applies to views too, as in Drizzle.
            if (name.starts_with("sqlite_") || !tableMatchesFilter(name, options.tablesFilter)) continue;
            View v;
            v.name = name;
            v.definition = viewDefinition(sql);
            if (auto list = viewColumnList(sql); !list.empty())
                out.unsupported.push_back("view " + name + " (column list (" + join(list, ", ") + "))");
            v.columns = readColumns(db, name, ParsedTable{}, nullptr);
            for (auto& c : v.columns) c.autoincrement = false;
            s.views.push_back(std::move(v));
            continue;
        }
        if (type != "table" || skippedTable(name, options)) continue;
        if (std::find(shadow.begin(), shadow.end(), name) != shadow.end()) continue;
        if (upper(sql).starts_with("CREATE VIRTUAL TABLE")) {
            out.unsupported.push_back("virtual table " + name);
            continue;
        }

        const ParsedTable parsed = parseCreateTable(sql, name);
        if (parsed.withoutRowid) out.unsupported.push_back("table " + name + " (WITHOUT ROWID)");
        if (parsed.strict) out.unsupported.push_back("table " + name + " (STRICT)");
        out.unsupported.insert(out.unsupported.end(), parsed.unmodelled.begin(), parsed.unmodelled.end());
        Table t;
        t.name = name;
        std::vector<std::pair<int, std::string>> pk;
        t.columns = readColumns(db, name, parsed, &pk);
        std::sort(pk.begin(), pk.end());
        if (pk.size() == 1) {
            for (auto& c : t.columns)
                if (c.name == pk.front().second) {
                    c.primaryKey = true;
                    // An INTEGER PRIMARY KEY is the rowid: never NULL, whether or not declared so.
                    std::string lower = c.type;
                    for (auto& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
                    if (lower == "integer") c.notNull = true;
                }
        } else if (pk.size() > 1) {
            PrimaryKey p;
            for (auto& [ord, col] : pk) p.columns.push_back(col);
            p.name = name + "_" + join(p.columns, "_") + "_pk";
            t.compositePrimaryKeys.push_back(std::move(p));
        }

        // Foreign keys, grouped by id; SQLite does not keep their names.
        auto fks = db.query(
            R"(SELECT id, "table", "from", "to", on_update, on_delete FROM pragma_foreign_key_list(?) ORDER BY id, seq)",
            {name});
        std::map<std::int64_t, ForeignKey> byId;
        std::vector<std::int64_t> order;
        for (std::size_t i = 0; i < fks.size(); ++i) {
            const auto id = fks.integer(i, 0);
            auto [it, fresh] = byId.try_emplace(id);
            ForeignKey& fk = it->second;
            if (fresh) {
                order.push_back(id);
                fk.tableFrom = name;
                fk.tableTo = fks.text(i, 1);
                fk.onUpdate = action(field(fks, i, 4));
                fk.onDelete = action(field(fks, i, 5));
            }
            fk.columnsFrom.push_back(fks.text(i, 2));
            fk.columnsTo.push_back(field(fks, i, 3));
        }
        for (auto id : order) {
            ForeignKey& fk = byId[id];
            // A reference to the target's primary key without column names: read that key.
            if (std::any_of(fk.columnsTo.begin(), fk.columnsTo.end(), [](auto& c) { return c.empty(); })) {
                auto cols = db.query("SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk", {fk.tableTo});
                fk.columnsTo.clear();
                for (std::size_t i = 0; i < cols.size(); ++i) fk.columnsTo.push_back(cols.text(i, 0));
            }
            fk.name = fk.tableFrom + "_" + join(fk.columnsFrom, "_") + "_" + fk.tableTo + "_" + join(fk.columnsTo, "_") + "_fk";
            for (const auto& d : parsed.deferrable)
                if (d.columnsFrom == fk.columnsFrom) out.unsupported.push_back("foreign key " + fk.name + " (" + d.clause + ")");
            t.foreignKeys.push_back(std::move(fk));
        }

        // Indexes and UNIQUE constraints.
        auto idxs = db.query(R"(SELECT il.name, il."unique", il.origin FROM pragma_index_list(?) AS il ORDER BY il.seq DESC)",
                             {name});
        for (std::size_t i = 0; i < idxs.size(); ++i) {
            const std::string idxName = idxs.text(i, 0);
            const std::string origin = field(idxs, i, 2);
            auto cols = db.query("SELECT cid, name, \"desc\", coll FROM pragma_index_xinfo(?) WHERE key = 1 ORDER BY seqno",
                                 {idxName});
            // Index order and collation have no place in the model (nor in Drizzle's v6 snapshot,
            // whose index columns are bare names): reported, and read as ascending.
            auto orderAndCollation = [&](const std::string& what, std::size_t c, const std::string& column) {
                if (cols.integer(c, 2) != 0) out.unsupported.push_back(what + " (column " + oneLine(column) + " is DESC)");
                if (cols.integer(c, 0) < 0) return;  // an expression keeps its COLLATE in its text
                auto declared = parsed.columns.find(field(cols, c, 1));
                const std::string own = declared == parsed.columns.end() || declared->second.collation.empty()
                                            ? "BINARY"
                                            : declared->second.collation;
                if (const std::string coll = upper(field(cols, c, 3)); !coll.empty() && coll != own)
                    out.unsupported.push_back(what + " (column " + column + " is COLLATE " + field(cols, c, 3) + ")");
            };
            if (origin == "pk") {
                for (std::size_t c = 0; c < cols.size(); ++c) orderAndCollation("primary key " + name, c, field(cols, c, 1));
                continue;
            }
            if (origin == "u") {
                std::vector<std::string> columns;
                for (std::size_t c = 0; c < cols.size(); ++c) columns.push_back(field(cols, c, 1));
                Unique u{.name = "", .columns = columns};
                for (const auto& declared : parsed.uniques)
                    if (declared.columns == columns && !declared.name.empty()) u.name = declared.name;
                if (u.name.empty()) u.name = name + "_" + join(columns, "_") + "_unique";
                for (std::size_t c = 0; c < cols.size(); ++c)
                    orderAndCollation("unique constraint " + name + "." + u.name, c, columns[c]);
                t.uniqueConstraints.push_back(std::move(u));
                continue;
            }
            const ParsedIndex p = parseCreateIndex(indexSql[idxName]);
            Index idx;
            idx.name = idxName;
            idx.isUnique = idxs.integer(i, 1) != 0;
            idx.where = p.where;
            for (std::size_t c = 0; c < cols.size(); ++c) {
                IndexColumn ic;
                if (cols.integer(c, 0) == -2) {
                    ic.expression = c < p.items.size() ? p.items[c] : std::string();
                    ic.isExpression = true;
                    s.internal.present = true;
                    s.internal.indexes.push_back({idxName, ic.expression, true});
                } else {
                    ic.expression = field(cols, c, 1);
                    // The rowid (cid -1) has no name in the pragma: take the one the index names.
                    if (ic.expression.empty() && c < p.items.size()) {
                        auto itoks = tokenize(p.items[c]);
                        if (!itoks.empty()) ic.expression = identifier(p.items[c], itoks.front());
                    }
                }
                orderAndCollation("index " + idxName, c, ic.expression);
                idx.columns.push_back(std::move(ic));
            }
            t.indexes.push_back(std::move(idx));
        }

        int unnamed = 0;
        for (auto check : parsed.checks) {
            if (check.name.empty()) check.name = name + "_check_" + std::to_string(++unnamed);
            t.checks.push_back(std::move(check));
        }
        s.tables.push_back(std::move(t));
    }
    return out;
}

}  // namespace drizzle::kit

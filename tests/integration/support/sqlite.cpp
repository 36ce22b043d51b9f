// SQLite: applying the export and checking pragmas and sqlite_schema (see sqlite.hpp).
#include "support/sqlite.hpp"

#include <algorithm>
#include <stdexcept>

namespace drizzle::integration::sqlite {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// ---- SQL tokens ---------------------------------------------------------------------------------

// A token of SQLite's SQL. Names compare without case and without their quotes, so "id", `id`
// and id are the same token, as they are to SQLite.
struct Token {
    enum Kind { name, string, number, punct } kind;
    std::string text;
    bool quoted = false;  // a name in quotes: never a keyword
    bool operator==(const Token& o) const { return kind == o.kind && text == o.text; }
};
using Tokens = std::vector<Token>;

Tokens tokenize(std::string_view sql) {
    Tokens out;
    std::size_t i = 0;
    auto quotedUntil = [&](char close) {
        std::string s;
        for (++i; i < sql.size(); ++i) {
            if (sql[i] == close) {
                if (close != ']' && i + 1 < sql.size() && sql[i + 1] == close) {
                    s += close;
                    ++i;
                    continue;
                }
                ++i;
                break;
            }
            s += sql[i];
        }
        return s;
    };
    while (i < sql.size()) {
        const char c = sql[i];
        if (std::isspace(static_cast<unsigned char>(c))) {
            ++i;
        } else if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
            while (i < sql.size() && sql[i] != '\n') ++i;
        } else if (c == '/' && i + 1 < sql.size() && sql[i + 1] == '*') {
            const auto end = sql.find("*/", i + 2);
            i = end == std::string_view::npos ? sql.size() : end + 2;
        } else if (c == '\'') {
            out.push_back({Token::string, quotedUntil('\'')});
        } else if (c == '"' || c == '`' || c == '[') {
            out.push_back({Token::name, lower(quotedUntil(c == '[' ? ']' : c)), true});
        } else if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') {
            std::size_t j = i;
            while (j < sql.size() && (std::isalnum(static_cast<unsigned char>(sql[j])) || sql[j] == '_' || sql[j] == '$')) ++j;
            out.push_back({Token::name, lower(sql.substr(i, j - i))});
            i = j;
        } else if (std::isdigit(static_cast<unsigned char>(c)) || (c == '.' && i + 1 < sql.size() && std::isdigit(static_cast<unsigned char>(sql[i + 1])))) {
            std::size_t j = i;
            while (j < sql.size() && (std::isalnum(static_cast<unsigned char>(sql[j])) || sql[j] == '.')) ++j;
            out.push_back({Token::number, lower(sql.substr(i, j - i))});
            i = j;
        } else {
            static constexpr std::string_view pairs[] = {"||", "<=", ">=", "<>", "!=", "==", "<<", ">>"};
            std::string op(1, c);
            for (auto p : pairs)
                if (sql.substr(i, 2) == p) op = std::string(p);
            out.push_back({Token::punct, op});
            i += op.size();
        }
    }
    return out;
}

std::string show(const Tokens& tokens) {
    std::string out;
    for (const auto& t : tokens) {
        if (!out.empty()) out += ' ';
        out += t.kind == Token::string ? "'" + t.text + "'" : t.text;
    }
    return out;
}

bool contains(const Tokens& haystack, const Tokens& needle) {
    if (needle.empty()) return true;
    return std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end()) != haystack.end();
}

// The comma-separated parts of the first parenthesised list at or after `from`, and the index
// of the token after its closing parenthesis.
std::vector<Tokens> listParts(const Tokens& t, std::size_t from, std::size_t* after = nullptr) {
    std::vector<Tokens> parts;
    std::size_t i = from;
    while (i < t.size() && !(t[i].kind == Token::punct && t[i].text == "(")) ++i;
    if (i == t.size()) return parts;
    int depth = 0;
    Tokens current;
    for (; i < t.size(); ++i) {
        const bool punct = t[i].kind == Token::punct;
        if (punct && t[i].text == "(" && depth++ == 0) continue;
        if (punct && t[i].text == ")" && --depth == 0) {
            parts.push_back(current);
            ++i;
            break;
        }
        if (punct && t[i].text == "," && depth == 1) {
            parts.push_back(current);
            current.clear();
            continue;
        }
        current.push_back(t[i]);
    }
    if (after) *after = i;
    return parts;
}

// `t` without one pair of parentheses around all of it.
Tokens unwrap(Tokens t) {
    if (t.size() < 2 || !(t.front() == Token{Token::punct, "("}) || !(t.back() == Token{Token::punct, ")"})) return t;
    int depth = 0;
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (t[i].kind != Token::punct) continue;
        if (t[i].text == "(") ++depth;
        if (t[i].text == ")" && --depth == 0 && i + 1 != t.size()) return t;
    }
    return Tokens(t.begin() + 1, t.end() - 1);
}

std::string ident(std::string_view name) {
    std::string out = "\"";
    for (char c : name) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string identList(const std::vector<std::string>& names) {
    std::vector<std::string> quotedNames;
    for (const auto& n : names) quotedNames.push_back(ident(n));
    return join(quotedNames, ", ");
}

// ---- the catalog ------------------------------------------------------------------------------

constexpr const char* catalogQuery = R"SQL(
select json_object(
  'schema', json((select json_group_array(json_object('type', type, 'name', name, 'table', tbl_name, 'sql', sql))
                  from sqlite_schema)),
  'columns', json((select json_group_array(json_object('table', m.name, 'cid', p.cid, 'name', p.name, 'type', p.type,
                     'notNull', p."notnull", 'default', p.dflt_value, 'pk', p.pk, 'hidden', p.hidden))
                   from sqlite_schema m join pragma_table_xinfo(m.name) p where m.type in ('table', 'view'))),
  'foreignKeys', json((select json_group_array(json_object('table', m.name, 'id', f.id, 'seq', f.seq, 'refTable', f."table",
                         'from', f."from", 'to', f."to", 'onUpdate', f.on_update, 'onDelete', f.on_delete))
                       from sqlite_schema m join pragma_foreign_key_list(m.name) f where m.type = 'table')),
  'indexes', json((select json_group_array(json_object('table', m.name, 'name', il.name, 'unique', il."unique",
                     'origin', il.origin, 'partial', il.partial,
                     'columns', json((select json_group_array(json_object('seqno', x.seqno, 'cid', x.cid, 'name', x.name,
                                        'desc', x."desc")) from pragma_index_xinfo(il.name) x where x.key = 1))))
                   from sqlite_schema m join pragma_index_list(m.name) il where m.type = 'table'))
);
)SQL";

json query(const fs::path& dbFile, const std::string& sql) {
    RunResult r = run({"sqlite3", "-bail", "-readonly", dbFile.string(), sql});
    if (r.exitCode != 0) throw std::runtime_error("sqlite3 failed: " + r.err + "\nquery:\n" + sql);
    return json::parse(r.out);
}

std::string columnKey(const std::string& table, const std::string& column) { return table + '\x1f' + column; }

std::string text(const json& j) {
    if (j.is_null()) return "(none)";
    if (j.is_string()) return j.get<std::string>();
    return j.dump();
}

const json* findObject(const Catalog& c, const char* type, const std::string& name) {
    for (const auto& o : c.data["schema"])
        if (o["type"] == type && o["name"] == name) return &o;
    return nullptr;
}

std::vector<const json*> rowsOf(const Catalog& c, const char* family, const std::string& table) {
    std::vector<const json*> out;
    for (const auto& r : c.data[family])
        if (r["table"] == table) out.push_back(&r);
    return out;
}

std::vector<const json*> columnsOf(const Catalog& c, const std::string& table) {
    auto out = rowsOf(c, "columns", table);
    std::sort(out.begin(), out.end(), [](const json* a, const json* b) { return (*a)["cid"] < (*b)["cid"]; });
    return out;
}

// A CREATE TABLE's column definitions by column name, and its table constraints.
struct TableParts {
    std::map<std::string, Tokens> columns;
    std::vector<Tokens> constraints;
};

TableParts tableParts(const std::string& createSql) {
    TableParts p;
    static const std::vector<std::string> constraintWords = {"constraint", "primary", "foreign", "unique", "check"};
    for (auto& part : listParts(tokenize(createSql), 0)) {
        if (part.empty()) continue;
        const bool isConstraint = part[0].kind == Token::name && !part[0].quoted &&
                                  std::find(constraintWords.begin(), constraintWords.end(), part[0].text) != constraintWords.end();
        if (isConstraint) p.constraints.push_back(part);
        else p.columns[part[0].text] = part;
    }
    return p;
}

// "text collate nocase" -> {"text", "collate nocase"}: PRAGMA reports the type without the
// collation, which is a column constraint.
std::pair<std::string, std::string> splitCollation(const std::string& type) {
    const std::string l = lower(type);
    const auto at = l.find(" collate ");
    if (at == std::string::npos) return {trim(type), ""};
    return {trim(type.substr(0, at)), trim(type.substr(at + 1))};
}

std::string parenthesized(const std::string& expr) {
    const std::string e = trim(expr);
    return unwrapParentheses(e) != e ? e : "(" + e + ")";
}

}  // namespace

std::string apply(const fs::path& dbFile, const fs::path& sqlFile) {
    RunResult r = run({"sqlite3", "-bail", dbFile.string()}, sqlFile);
    if (r.exitCode == 0 && r.err.empty()) return "";
    std::string message = "sqlite3 stopped at the first error:\n" + r.err;
    if (const int line = lineAfter(r.err, "near line "); line > 0)
        message += "\nthe statement that starts there:\n" + excerpt(readText(sqlFile), line, 3);
    return message;
}

Catalog readCatalog(const fs::path& dbFile, const model::Schema& schema) {
    Catalog c;
    c.data = query(dbFile, catalogQuery);
    // Declared and stored defaults that differ in text are compared by value, in one query.
    std::string pairs;
    std::vector<std::string> keys;
    for (const auto& t : schema.tables) {
        for (const auto& col : t.columns) {
            if (!col.defaultValue) continue;
            for (const json* a : columnsOf(c, t.name)) {
                if ((*a)["name"] != col.name || (*a)["default"].is_null()) continue;
                const std::string stored = (*a)["default"];
                if (trim(stored) == trim(col.defaultValue->text)) {
                    c.defaultsEqual[columnKey(t.name, col.name)] = true;
                } else {
                    keys.push_back(columnKey(t.name, col.name));
                    pairs += std::string(pairs.empty() ? "" : ", ") + "'" + std::to_string(keys.size() - 1) + "', (" + stored +
                             ") IS (" + col.defaultValue->text + ")";
                }
            }
        }
    }
    if (!keys.empty()) {
        try {
            const json values = query(dbFile, "select json_object(" + pairs + ")");
            for (std::size_t i = 0; i < keys.size(); ++i) c.defaultsEqual[keys[i]] = values[std::to_string(i)] == 1;
        } catch (const std::exception& e) {
            c.defaultsError = e.what();
        }
    }
    return c;
}

Findings checkTablesAndColumns(const model::Schema& m, const Catalog& cat) {
    Findings f;
    for (const auto& t : m.tables) {
        const std::string what = "table " + t.name;
        const json* object = findObject(cat, "table", t.name);
        if (!object) {
            f.add(what + " is missing");
            continue;
        }
        const TableParts parts = tableParts((*object)["sql"]);
        const auto actual = columnsOf(cat, t.name);
        std::vector<std::string> declaredNames, actualNames;
        for (const auto& c : t.columns) declaredNames.push_back(c.name);
        for (const json* a : actual) actualNames.push_back((*a)["name"]);
        f.expectEqual(what + " columns, in order", listText(declaredNames), listText(actualNames));
        for (const auto& c : t.columns) {
            const std::string cw = "column " + t.name + "." + c.name;
            auto it = std::find_if(actual.begin(), actual.end(), [&](const json* a) { return (*a)["name"] == c.name; });
            if (it == actual.end()) continue;
            const json& a = **it;
            const auto [type, collation] = splitCollation(c.type);
            // SQLite reports its own type names in capitals (INTEGER); type names ignore case.
            f.expectEqual(cw + " type", lower(type), lower(text(a["type"])));
            const auto segment = parts.columns.find(lower(c.name));
            if (segment == parts.columns.end()) {
                f.add(cw + ": its definition is missing from the stored CREATE TABLE");
                continue;
            }
            const Tokens& def = segment->second;
            if (!collation.empty())
                f.expectTrue(contains(def, tokenize(collation)), cw + ": declared " + collation + ", stored as " + show(def));
            f.expectEqual(cw + " NOT NULL", c.notNull ? "1" : "0", text(a["notNull"]));
            const std::string hidden = !c.generated ? "0" : c.generated->type == "stored" ? "3" : "2";
            f.expectEqual(cw + " generated (0 = no, 2 = virtual, 3 = stored)", hidden, text(a["hidden"]));
            if (c.generated) {
                const Tokens expected = tokenize("generated always as " + parenthesized(c.generated->as) + " " + c.generated->type);
                f.expectTrue(contains(def, expected),
                             cw + ": declared " + show(expected) + ", the stored definition is " + show(def));
            }
            const bool autoincrement = c.autoincrement.value_or(false);
            f.expectEqual(cw + " AUTOINCREMENT", autoincrement ? "yes" : "no",
                          contains(def, {{Token::name, "autoincrement"}}) ? "yes" : "no");
            if (c.defaultValue) {
                if (a["default"].is_null()) {
                    f.add(cw + ": declared DEFAULT " + c.defaultValue->text + ", the database has none");
                    continue;
                }
                auto eq = cat.defaultsEqual.find(columnKey(t.name, c.name));
                if (eq == cat.defaultsEqual.end())
                    f.add(cw + ": could not compare the default " + text(a["default"]) + " with the declared " +
                          c.defaultValue->text + ": " + cat.defaultsError);
                else if (!eq->second)
                    f.add(cw + " default: declared " + c.defaultValue->text + ", the database has " + text(a["default"]));
            } else if (!c.generated) {
                f.expectEqual(cw + " default", "(none)", text(a["default"]));
            }
        }
    }
    for (const auto& o : cat.data["schema"]) {
        if (o["type"] != "table") continue;
        const std::string name = o["name"];
        if (name.starts_with("sqlite_")) continue;  // sqlite_sequence, kept by SQLite for AUTOINCREMENT
        f.expectTrue(std::any_of(m.tables.begin(), m.tables.end(), [&](const model::Table& t) { return t.name == name; }),
                     "table " + name + " exists but is not declared");
    }
    return f;
}

Findings checkConstraints(const model::Schema& m, const Catalog& cat) {
    Findings f;
    for (const auto& t : m.tables) {
        const json* object = findObject(cat, "table", t.name);
        if (!object) continue;
        const std::string what = "table " + t.name;
        const TableParts parts = tableParts((*object)["sql"]);
        const auto columns = columnsOf(cat, t.name);

        // Primary key: PRAGMA numbers its columns 1, 2, ... in key order.
        std::vector<std::string> declaredPk, actualPk;
        for (const auto& c : t.columns)
            if (c.primaryKey) declaredPk.push_back(c.name);
        if (declaredPk.empty() && !t.compositePrimaryKeys.empty()) declaredPk = t.compositePrimaryKeys.front().columns;
        std::vector<std::pair<int, std::string>> pk;
        for (const json* a : columns)
            if ((*a)["pk"].get<int>() > 0) pk.emplace_back((*a)["pk"].get<int>(), (*a)["name"]);
        std::sort(pk.begin(), pk.end());
        for (auto& [n, name] : pk) actualPk.push_back(name);
        f.expectEqual(what + " primary key", listText(declaredPk), listText(actualPk));

        // Foreign keys: SQLite keeps no names; they are told apart by their columns.
        std::map<int, std::vector<const json*>> byId;
        for (const json* r : rowsOf(cat, "foreignKeys", t.name)) byId[(*r)["id"].get<int>()].push_back(r);
        std::vector<std::string> actualFks;
        for (auto& [id, rows] : byId) {
            std::sort(rows.begin(), rows.end(), [](const json* a, const json* b) { return (*a)["seq"] < (*b)["seq"]; });
            std::vector<std::string> from, to;
            for (const json* r : rows) {
                from.push_back((*r)["from"]);
                to.push_back(text((*r)["to"]));
            }
            actualFks.push_back(listText(from) + " -> " + text((*rows[0])["refTable"]) + listText(to) + " ON UPDATE " +
                                text((*rows[0])["onUpdate"]) + " ON DELETE " + text((*rows[0])["onDelete"]));
        }
        std::vector<std::string> declaredFks;
        for (const auto& fk : t.foreignKeys)
            declaredFks.push_back(listText(fk.columnsFrom) + " -> " + fk.tableTo + listText(fk.columnsTo) + " ON UPDATE " +
                                  upper(fk.onUpdate.value_or("no action")) + " ON DELETE " +
                                  upper(fk.onDelete.value_or("no action")));
        std::sort(actualFks.begin(), actualFks.end());
        std::sort(declaredFks.begin(), declaredFks.end());
        f.expectEqual(what + " foreign keys", listText(declaredFks), listText(actualFks));

        // Unique constraints (Drizzle declares SQLite's as unique indexes; a model may still have them).
        const auto indexes = rowsOf(cat, "indexes", t.name);
        for (const auto& u : t.uniqueConstraints) {
            const Tokens expected = tokenize("constraint " + ident(u.name) + " unique (" + identList(u.columns) + ")");
            f.expectTrue(std::any_of(parts.constraints.begin(), parts.constraints.end(),
                                     [&](const Tokens& c) { return c == expected; }),
                         what + ": unique constraint " + inQuotes(u.name) + " is missing from the stored CREATE TABLE");
            f.expectTrue(std::any_of(indexes.begin(), indexes.end(), [&](const json* i) {
                             std::vector<std::string> cols;
                             for (const auto& c : (*i)["columns"]) cols.push_back(text(c["name"]));
                             return (*i)["origin"] == "u" && cols == u.columns;
                         }),
                         what + ": unique constraint " + inQuotes(u.name) + " has no index on " + listText(u.columns));
        }

        // Checks: kept only in the stored statement.
        for (const auto& k : t.checks) {
            const Tokens expected = tokenize("constraint " + ident(k.name) + " check (" + k.value + ")");
            f.expectTrue(std::any_of(parts.constraints.begin(), parts.constraints.end(),
                                     [&](const Tokens& c) { return c == expected; }),
                         what + ": check " + inQuotes(k.name) + " (" + k.value + ") is missing from the stored CREATE TABLE");
        }
        for (const auto& c : parts.constraints) {
            if (c.empty() || c[0].text != "constraint" || c.size() < 3 || c[2].text != "check") continue;
            f.expectTrue(std::any_of(t.checks.begin(), t.checks.end(), [&](const model::Check& k) { return lower(k.name) == c[1].text; }),
                         what + " has a check " + show(c) + " that is not declared");
        }
    }
    return f;
}

Findings checkIndexes(const model::Schema& m, const Catalog& cat) {
    Findings f;
    for (const auto& t : m.tables) {
        if (!findObject(cat, "table", t.name)) continue;
        std::vector<const json*> actual;
        for (const json* i : rowsOf(cat, "indexes", t.name))
            if ((*i)["origin"] == "c") actual.push_back(i);
        for (const auto& idx : t.indexes) {
            const std::string what = "index " + idx.name + " on " + t.name;
            auto it = std::find_if(actual.begin(), actual.end(), [&](const json* a) { return (*a)["name"] == idx.name; });
            const json* object = findObject(cat, "index", idx.name);
            if (it == actual.end() || !object) {
                f.add(what + " is missing");
                continue;
            }
            const json& a = **it;
            f.expectEqual(what + " unique", idx.isUnique ? "1" : "0", text(a["unique"]));
            const bool partial = idx.where && !idx.where->empty();
            f.expectEqual(what + " partial", partial ? "1" : "0", text(a["partial"]));
            std::size_t after = 0;
            const Tokens stored = tokenize(text((*object)["sql"]));
            const auto storedColumns = listParts(stored, 0, &after);
            const json& cols = a["columns"];
            f.expectEqual(what + " column count", std::to_string(idx.columns.size()), std::to_string(cols.size()));
            for (std::size_t i = 0; i < idx.columns.size() && i < cols.size(); ++i) {
                const auto& mc = idx.columns[i];
                const std::string cw = what + " column " + std::to_string(i + 1);
                if (mc.isExpression) {
                    f.expectEqual(cw + " (an expression)", "-2", text(cols[i]["cid"]));
                    Tokens storedPart = i < storedColumns.size() ? storedColumns[i] : Tokens{};
                    if (!storedPart.empty() && storedPart.back().text == "desc") storedPart.pop_back();
                    const Tokens declared = tokenize(mc.expression);
                    f.expectTrue(declared == storedPart,
                                 cw + ": declared the expression " + show(declared) + ", the database has " + show(storedPart));
                } else {
                    f.expectEqual(cw, mc.expression, text(cols[i]["name"]));
                }
                f.expectEqual(cw + " DESC", mc.asc ? "0" : "1", text(cols[i]["desc"]));
            }
            Tokens rest(stored.begin() + static_cast<std::ptrdiff_t>(std::min(after, stored.size())), stored.end());
            const Tokens expectedRest = partial ? tokenize("where " + *idx.where) : Tokens{};
            f.expectTrue(expectedRest == rest, what + ": declared " + (partial ? show(expectedRest) : "no WHERE") +
                                                   ", the database has " + (rest.empty() ? "none" : show(rest)));
        }
        for (const json* a : actual) {
            const std::string name = (*a)["name"];
            f.expectTrue(std::any_of(t.indexes.begin(), t.indexes.end(), [&](const model::Index& i) { return i.name == name; }),
                         "table " + t.name + " has index " + name + " that is not declared");
        }
    }
    return f;
}

Findings checkViews(const model::Schema& m, const Catalog& cat) {
    Findings f;
    for (const auto& v : m.views) {
        const std::string what = "view " + v.name;
        const json* object = findObject(cat, "view", v.name);
        if (v.isExisting) {
            f.expectTrue(object == nullptr, what + " is declared .existing() but the export created it");
            continue;
        }
        if (!object) {
            f.add(what + " is missing");
            continue;
        }
        // CREATE VIEW name AS <query>: everything after AS is the query.
        const Tokens stored = tokenize(text((*object)["sql"]));
        auto as = std::find(stored.begin(), stored.end(), Token{Token::name, "as"});
        const Tokens query = unwrap(as == stored.end() ? Tokens{} : Tokens(as + 1, stored.end()));
        const Tokens declared = unwrap(tokenize(v.definition.value_or("")));
        f.expectTrue(declared == query, what + ": declared the query " + show(declared) + ", the database has " + show(query));
        const auto columns = columnsOf(cat, v.name);
        for (const auto& c : v.columns)
            f.expectTrue(std::any_of(columns.begin(), columns.end(), [&](const json* a) { return (*a)["name"] == c.name; }),
                         what + ": declared column " + inQuotes(c.name) + " is missing");
    }
    for (const auto& o : cat.data["schema"]) {
        if (o["type"] != "view") continue;
        const std::string name = o["name"];
        f.expectTrue(std::any_of(m.views.begin(), m.views.end(), [&](const model::View& v) { return v.name == name && !v.isExisting; }),
                     "view " + name + " exists but is not declared");
    }
    return f;
}

}  // namespace drizzle::integration::sqlite

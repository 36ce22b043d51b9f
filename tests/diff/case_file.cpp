// Reads differ test cases (grammar: tests/diff/README.md) into schema models.
#include "case_file.hpp"

#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>

namespace drizzle::difftest {
namespace {

using namespace model;

std::string trim(const std::string& s) {
    auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return "";
    auto e = s.find_last_not_of(" \t\r\n");
    return s.substr(b, e - b + 1);
}

// Splits on blanks; {...} (nesting allowed) is one token without its braces.
std::vector<std::string> tokens(const std::string& line) {
    std::vector<std::string> out;
    std::string cur;
    int depth = 0;
    bool any = false;
    for (char c : line) {
        if (depth == 0 && (c == ' ' || c == '\t')) {
            if (any) out.push_back(cur);
            cur.clear();
            any = false;
            continue;
        }
        any = true;
        if (c == '{') {
            if (depth++ == 0) continue;
        } else if (c == '}') {
            if (--depth == 0) continue;
        }
        cur += c;
    }
    if (any) out.push_back(cur);
    return out;
}

std::vector<std::string> split(const std::string& s, char sep) {
    std::vector<std::string> out;
    std::string cur;
    for (char c : s) {
        if (c == sep) {
            out.push_back(cur);
            cur.clear();
        } else {
            cur += c;
        }
    }
    out.push_back(cur);
    return out;
}

struct Error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// "key=value" -> {key, value}; a bare flag -> {flag, ""}.
std::pair<std::string, std::string> option(const std::string& token) {
    auto eq = token.find('=');
    if (eq == std::string::npos) return {token, ""};
    return {token.substr(0, eq), token.substr(eq + 1)};
}

std::pair<std::string, std::string> schemaAndName(Dialect d, const std::string& s, const std::string& defaultSchema) {
    auto dot = s.find('.');
    if (d != Dialect::postgresql || dot == std::string::npos) return {defaultSchema, s};
    return {s.substr(0, dot), s.substr(dot + 1)};
}

std::optional<std::string> nonEmpty(const std::string& s) {
    if (s.empty()) return std::nullopt;
    return s;
}

std::string spaced(std::string s) {  // "set_null" -> "set null"
    for (char& c : s)
        if (c == '_') c = ' ';
    return s;
}

void parseColumn(Dialect d, Table& t, const std::vector<std::string>& tk) {
    if (tk.size() < 2) throw Error("a column needs a name and a type");
    Column c{.name = tk[0], .type = tk[1]};
    for (std::size_t i = 2; i < tk.size(); ++i) {
        auto [k, v] = option(tk[i]);
        if (k == "pk") c.primaryKey = true, c.notNull = true;
        else if (k == "notnull") c.notNull = true;
        else if (k == "autoinc") c.autoincrement = true;
        else if (k == "default") c.defaultValue = DefaultValue{.text = v};
        else if (k == "generated") c.generated = Generated{.as = v, .type = "stored"};
        else if (k == "virtual") c.generated = Generated{.as = v, .type = "virtual"};
        else if (k == "onupdate") c.onUpdate = true;
        else if (k == "enum") c.typeSchema = v.empty() ? "public" : v;
        else if (k == "unique") {
            // As Drizzle Kit's snapshots store `.unique()`: a unique index on SQLite, a constraint elsewhere.
            std::string name = v.empty() ? t.name + "_" + c.name + "_unique" : v;
            if (d == Dialect::sqlite) t.indexes.push_back({.name = name, .columns = {{.expression = c.name}}, .isUnique = true, .method = ""});
            else t.uniqueConstraints.push_back({.name = name, .columns = {c.name}});
        }
        else if (k == "identity") {
            c.notNull = true;
            c.identity = Identity{.type = v.empty() ? "always" : v,
                                  .sequence = {.name = t.name + "_" + c.name + "_seq", .schema = t.schema,
                                               .increment = "1", .minValue = "1", .maxValue = "2147483647",
                                               .startWith = "1", .cache = "1", .cycle = false}};
        } else if (k == "increment" && c.identity) c.identity->sequence.increment = v;
        else throw Error("unknown column option " + tk[i]);
    }
    t.columns.push_back(std::move(c));
}

void parseTableLine(Dialect d, Table& t, const std::vector<std::string>& tk) {
    const std::string& kw = tk[0];
    if (kw == "index" || kw == "uindex") {
        Index idx{.name = tk.at(1), .isUnique = kw == "uindex"};
        if (d != Dialect::postgresql) idx.method.clear();
        for (std::size_t i = 2; i < tk.size(); ++i) {
            auto [k, v] = option(tk[i]);
            if (k == "where") idx.where = v;
            else if (k == "using" && d == Dialect::mysql) idx.using_ = v;
            else if (k == "using") idx.method = v;
            else if (k == "expr") idx.columns.push_back({.expression = v, .isExpression = true});
            else if (v.empty())
                for (const auto& col : split(k, ',')) {
                    auto parts = split(col, ':');
                    idx.columns.push_back({.expression = parts[0], .asc = !(parts.size() > 1 && parts[1] == "desc")});
                }
            else throw Error("unknown index option " + tk[i]);
        }
        if (d == Dialect::postgresql)
            for (auto& c : idx.columns) c.nulls = "last";
        t.indexes.push_back(std::move(idx));
    } else if (kw == "fk") {
        // fk NAME cols [schema.]table(cols) [ondelete=x] [onupdate=x]
        ForeignKey fk{.name = tk.at(1), .tableFrom = t.name, .columnsFrom = split(tk.at(2), ',')};
        const std::string& target = tk.at(3);
        auto open = target.find('(');
        auto [schema, table] = schemaAndName(d, target.substr(0, open), d == Dialect::postgresql ? "public" : "");
        fk.tableTo = table;
        if (d == Dialect::postgresql) fk.schemaTo = schema;
        fk.columnsTo = split(target.substr(open + 1, target.size() - open - 2), ',');
        fk.onDelete = fk.onUpdate = "no action";
        for (std::size_t i = 4; i < tk.size(); ++i) {
            auto [k, v] = option(tk[i]);
            if (k == "ondelete") fk.onDelete = spaced(v);
            else if (k == "onupdate") fk.onUpdate = spaced(v);
            else throw Error("unknown foreign key option " + tk[i]);
        }
        t.foreignKeys.push_back(std::move(fk));
    } else if (kw == "pk") {
        t.compositePrimaryKeys.push_back({.name = tk.at(1), .columns = split(tk.at(2), ',')});
    } else if (kw == "unique") {
        t.uniqueConstraints.push_back({.name = tk.at(1), .columns = split(tk.at(2), ','),
                                       .nullsNotDistinct = tk.size() > 3 && tk[3] == "nnd"});
    } else if (kw == "check") {
        t.checks.push_back({.name = tk.at(1), .value = tk.at(2)});
    } else if (kw == "policy") {
        Policy p{.name = tk.at(1), .as = "PERMISSIVE", .for_ = "ALL", .to = {"public"}};
        for (std::size_t i = 2; i < tk.size(); ++i) {
            auto [k, v] = option(tk[i]);
            if (k == "as") p.as = v;
            else if (k == "for") p.for_ = v;
            else if (k == "to") p.to = split(v, ',');
            else if (k == "using") p.using_ = v;
            else if (k == "check") p.withCheck = v;
            else throw Error("unknown policy option " + tk[i]);
        }
        t.policies.push_back(std::move(p));
    } else {
        parseColumn(d, t, tk);
    }
}

void parseSchema(Schema& s, const std::vector<std::string>& lines,
                 const std::map<std::string, std::vector<std::string>>& named) {
    Dialect d = s.dialect;
    Table* table = nullptr;
    for (const auto& raw : lines) {
        bool indented = !raw.empty() && (raw[0] == ' ' || raw[0] == '\t');
        auto tk = tokens(raw);
        if (tk.empty()) continue;
        if (indented) {
            if (!table) throw Error("an indented line outside a table: " + raw);
            parseTableLine(d, *table, tk);
            continue;
        }
        table = nullptr;
        const std::string& kw = tk[0];
        if (kw == "use") {
            auto it = named.find(tk.at(1));
            if (it == named.end()) throw Error("no schema named " + tk[1]);
            parseSchema(s, it->second, named);
        } else if (kw == "table") {
            auto [schema, name] = schemaAndName(d, tk.at(1), "");
            s.tables.push_back({.name = name, .schema = schema == "public" ? "" : schema});
            table = &s.tables.back();
            for (std::size_t i = 2; i < tk.size(); ++i) {
                if (tk[i] == "rls") table->isRLSEnabled = true;
                else throw Error("unknown table option " + tk[i]);
            }
        } else if (kw == "schema") {
            s.schemas.push_back(tk.at(1));
        } else if (kw == "enum") {
            auto [schema, name] = schemaAndName(d, tk.at(1), "public");
            s.enums.push_back({.name = name, .schema = schema, .values = {tk.begin() + 2, tk.end()}});
        } else if (kw == "sequence") {
            auto [schema, name] = schemaAndName(d, tk.at(1), "public");
            Sequence q{.name = name, .schema = schema};
            for (std::size_t i = 2; i < tk.size(); ++i) {
                auto [k, v] = option(tk[i]);
                if (k == "increment") q.increment = v;
                else if (k == "min") q.minValue = v;
                else if (k == "max") q.maxValue = v;
                else if (k == "start") q.startWith = v;
                else if (k == "cache") q.cache = v;
                else if (k == "cycle") q.cycle = true;
                else throw Error("unknown sequence option " + tk[i]);
            }
            s.sequences.push_back(std::move(q));
        } else if (kw == "role") {
            Role r{.name = tk.at(1)};
            for (std::size_t i = 2; i < tk.size(); ++i) {
                if (tk[i] == "createdb") r.createDb = true;
                else if (tk[i] == "createrole") r.createRole = true;
                else if (tk[i] == "noinherit") r.inherit = false;
                else throw Error("unknown role option " + tk[i]);
            }
            s.roles.push_back(std::move(r));
        } else if (kw == "view") {
            auto [schema, name] = schemaAndName(d, tk.at(1), d == Dialect::postgresql ? "public" : "");
            View v{.name = name, .schema = schema, .definition = tk.back()};
            v.materialized = tk.size() > 3 && tk[2] == "materialized";
            s.views.push_back(std::move(v));
        } else {
            throw Error("unknown schema line: " + raw);
        }
    }
}

Dialect dialectOf(const std::filesystem::path& file) {
    auto folder = file.parent_path().filename().string();
    if (folder == "pg") return Dialect::postgresql;
    if (folder == "sqlite") return Dialect::sqlite;
    if (folder == "mysql") return Dialect::mysql;
    throw Error(file.string() + ": a case file lives in cases/pg, cases/sqlite or cases/mysql");
}

}  // namespace

std::string normalizeStatement(const std::string& sql) {
    std::string out;
    std::istringstream in(sql);
    for (std::string line; std::getline(in, line);) {
        line = trim(line);
        if (line.empty()) continue;
        if (!out.empty()) out += "\n";
        out += line;
    }
    return out;
}

std::vector<Case> readCases(const std::filesystem::path& file) {
    std::ifstream in(file);
    if (!in) throw Error("cannot read " + file.string());
    Dialect d = dialectOf(file);
    std::map<std::string, std::vector<std::string>> named;
    std::vector<Case> out;

    struct Raw {
        std::string name, source;
        std::map<std::string, std::vector<std::string>> sections;
    };
    std::vector<Raw> raws;
    std::vector<std::string>* target = nullptr;
    std::string namedSchema;
    int lineNo = 0;
    for (std::string line; std::getline(in, line);) {
        ++lineNo;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.starts_with("#")) continue;
        if (line.starts_with("=== schema ")) {
            target = &named[trim(line.substr(11))];
            continue;
        }
        if (line.starts_with("=== case ")) {
            raws.push_back({trim(line.substr(9)), file.filename().string() + ":" + std::to_string(lineNo), {}});
            target = nullptr;
            continue;
        }
        if (line.starts_with("--- ")) {
            if (raws.empty()) throw Error(file.string() + ":" + std::to_string(lineNo) + ": a section outside a case");
            target = &raws.back().sections[trim(line.substr(4))];
            continue;
        }
        if (!target) {
            if (!trim(line).empty())
                throw Error(file.string() + ":" + std::to_string(lineNo) + ": text outside a section: " + line);
            continue;
        }
        target->push_back(line);
    }

    for (const auto& raw : raws) {
        Case c{.name = file.stem().string() + "." + raw.name, .source = raw.source};
        try {
            c.from.dialect = c.to.dialect = d;
            for (const auto& [section, lines] : raw.sections) {
                if (section == "old") parseSchema(c.from, lines, named);
                else if (section == "new") parseSchema(c.to, lines, named);
                else if (section == "renames") {
                    for (const auto& line : lines) {
                        auto tk = tokens(line);
                        if (tk.empty()) continue;
                        if (tk.size() != 4 || tk[2] != "->") throw Error("a rename reads: kind old -> new");
                        auto& r = c.renames;
                        auto* list = tk[0] == "schema" ? &r.schemas : tk[0] == "table" ? &r.tables
                                   : tk[0] == "column" ? &r.columns : tk[0] == "enum" ? &r.enums
                                   : tk[0] == "sequence" ? &r.sequences : tk[0] == "view" ? &r.views
                                   : tk[0] == "policy" ? &r.policies : nullptr;
                        if (!list) throw Error("unknown rename kind " + tk[0]);
                        list->emplace_back(tk[1], tk[3]);
                    }
                } else if (section == "sql") {
                    std::string statement;
                    for (const auto& line : lines) {
                        if (trim(line).empty()) continue;
                        statement += (statement.empty() ? "" : "\n") + trim(line);
                        if (statement.back() == ';') {
                            c.sql.push_back(statement);
                            statement.clear();
                        }
                    }
                    if (!statement.empty()) throw Error("the last statement does not end with ';'");
                } else if (section == "warnings") {
                    c.checkWarnings = true;
                    for (const auto& line : lines)
                        if (!trim(line).empty()) c.warnings.push_back(trim(line));
                } else {
                    throw Error("unknown section --- " + section);
                }
            }
        } catch (const std::exception& e) {
            throw Error(file.string() + " case " + raw.name + " (" + raw.source + "): " + e.what());
        }
        out.push_back(std::move(c));
    }
    return out;
}

}  // namespace drizzle::difftest

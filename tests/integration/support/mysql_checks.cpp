// MySQL (MariaDB): every object of the schema model, compared with information_schema
// (see mysql.hpp).
#include <algorithm>

#include "support/mysql.hpp"

namespace drizzle::integration::mysql {

namespace {

using nlohmann::json;

std::string text(const json& j) {
    if (j.is_null()) return "(none)";
    if (j.is_string()) return j.get<std::string>();
    return j.dump();
}

std::vector<const json*> rowsOf(const Catalog& c, const char* family, const std::string& table) {
    std::vector<const json*> out;
    for (const auto& r : c.data[family])
        if (r.contains("table") ? r["table"] == table : r["name"] == table) out.push_back(&r);
    return out;
}

const json* findTable(const Catalog& c, const std::string& name) {
    for (const auto& t : c.data["tables"])
        if (t["name"] == name) return &t;
    return nullptr;
}

std::vector<const json*> columnsOf(const Catalog& c, const std::string& table) {
    auto out = rowsOf(c, "columns", table);
    std::sort(out.begin(), out.end(), [](const json* a, const json* b) { return (*a)["position"] < (*b)["position"]; });
    return out;
}

std::optional<std::string> normalised(const Catalog& c, const std::string& key, const std::string& what,
                                      const std::string& declared, Findings& f) {
    auto it = c.normalised.find(key);
    if (it != c.normalised.end()) return it->second;
    f.add(what + ": the server rejected the declared expression `" + declared + "` on its own:\n" + c.probeErrors);
    return std::nullopt;
}

// ---- types --------------------------------------------------------------------------------------

// `s` without the spaces outside quotes: "(10, 2)" -> "(10,2)", "('a b')" unchanged.
std::string removeSpaces(const std::string& s) {
    std::string out;
    bool inQuote = false;
    for (char c : s) {
        if (c == '\'') inQuote = !inQuote;
        if (c != ' ' || inQuote) out += c;
    }
    return out;
}

// A type as Drizzle spells it, as MariaDB's COLUMN_TYPE prints it: int -> int(11),
// boolean -> tinyint(1), json -> longtext, serial -> bigint(20) unsigned.
std::string catalogSpelling(const std::string& drizzleType) {
    std::string t = lower(trim(drizzleType));
    if (t == "serial") return "bigint(20) unsigned";
    const bool isUnsigned = t.ends_with(" unsigned");
    if (isUnsigned) t = trim(t.substr(0, t.size() - 9));
    const auto paren = t.find('(');
    const std::string base = t.substr(0, paren);
    std::string args = paren == std::string::npos ? "" : removeSpaces(t.substr(paren));
    struct Width {
        const char* type;
        const char* signedWidth;
        const char* unsignedWidth;
    };
    static constexpr Width widths[] = {{"tinyint", "4", "3"}, {"smallint", "6", "5"}, {"mediumint", "9", "8"},
                                       {"int", "11", "10"},   {"bigint", "20", "20"}};
    std::string out;
    if (base == "boolean" || base == "bool") {
        out = "tinyint(1)";
    } else if (base == "json") {
        out = "longtext";  // MariaDB's JSON is LONGTEXT with a json_valid() check
    } else if (base == "year") {
        out = "year(4)";
    } else if (base == "real") {
        out = "double" + args;
    } else if (base == "decimal" || base == "numeric") {
        if (args.empty()) args = "(10,0)";
        else if (args.find(',') == std::string::npos) args.insert(args.size() - 1, ",0");
        out = "decimal" + args;
    } else if ((base == "char" || base == "binary") && args.empty()) {
        out = base + "(1)";
    } else {
        out = base + args;
        for (const auto& w : widths)
            if (base == w.type && args.empty()) out = base + "(" + (isUnsigned ? w.unsignedWidth : w.signedWidth) + ")";
    }
    return out + (isUnsigned ? " unsigned" : "");
}

// The value of a MySQL string literal (as declared, or as COLUMN_DEFAULT prints it): '' and
// backslash escapes.
std::optional<std::string> mariadbLiteral(const std::string& s) {
    if (s.size() < 2 || s.front() != '\'' || s.back() != '\'') return std::nullopt;
    std::string value;
    for (std::size_t i = 1; i + 1 < s.size(); ++i) {
        char c = s[i];
        if (c == '\'' && s[i + 1] == '\'') {
            ++i;
        } else if (c == '\\' && i + 2 < s.size()) {
            const char e = s[++i];
            switch (e) {
                case 'n': c = '\n'; break;
                case 't': c = '\t'; break;
                case 'r': c = '\r'; break;
                case '0': c = '\0'; break;
                case 'b': c = '\b'; break;
                case 'Z': c = '\x1a'; break;
                case '%': case '_': value += '\\'; c = e; break;
                default: c = e;
            }
        }
        value += c;
    }
    return value;
}

std::vector<std::string> pkColumns(const model::Table& t) {
    std::vector<std::string> cols;
    for (const auto& c : t.columns)
        if (c.primaryKey) cols.push_back(c.name);
    if (cols.empty() && !t.compositePrimaryKeys.empty()) cols = t.compositePrimaryKeys.front().columns;
    return cols;
}

bool isSerial(const model::Column& c) { return lower(trim(c.type)) == "serial"; }

bool isJson(const model::Column& c) { return lower(trim(c.type)) == "json"; }

// Index name -> its columns in order, with their collation (A or D), for one table.
struct CatalogIndex {
    bool unique = false;
    std::string type;  // BTREE, HASH, FULLTEXT, SPATIAL
    std::vector<std::string> columns, collations;
};
std::map<std::string, CatalogIndex> indexesOf(const Catalog& c, const std::string& table) {
    auto rows = rowsOf(c, "statistics", table);
    std::sort(rows.begin(), rows.end(), [](const json* a, const json* b) { return (*a)["seq"] < (*b)["seq"]; });
    std::map<std::string, CatalogIndex> out;
    for (const json* r : rows) {
        CatalogIndex& i = out[(*r)["index"]];
        i.unique = (*r)["nonUnique"] == 0;
        i.type = text((*r)["indexType"]);
        i.columns.push_back(text((*r)["column"]));
        i.collations.push_back(text((*r)["collation"]));
    }
    return out;
}

}  // namespace

Findings checkTablesAndColumns(const model::Schema& m, const Catalog& cat) {
    Findings f;
    for (const auto& t : m.tables) {
        const std::string what = "table " + t.name;
        const json* table = findTable(cat, t.name);
        if (!table || (*table)["type"] != "BASE TABLE") {
            f.add(what + " is missing");
            continue;
        }
        const auto actual = columnsOf(cat, t.name);
        std::vector<std::string> declaredNames, actualNames;
        for (const auto& c : t.columns) declaredNames.push_back(c.name);
        for (const json* a : actual) actualNames.push_back((*a)["name"]);
        f.expectEqual(what + " columns, in order", listText(declaredNames), listText(actualNames));
        const auto pk = pkColumns(t);
        for (const auto& c : t.columns) {
            const std::string cw = "column " + t.name + "." + c.name;
            auto it = std::find_if(actual.begin(), actual.end(), [&](const json* a) { return (*a)["name"] == c.name; });
            if (it == actual.end()) continue;
            const json& a = **it;
            f.expectEqual(cw + " type", catalogSpelling(c.type), lower(text(a["type"])));
            const bool inPk = std::find(pk.begin(), pk.end(), c.name) != pk.end();
            const bool notNull = c.notNull || inPk || isSerial(c);
            f.expectEqual(cw + " NOT NULL", notNull ? "true" : "false", a["nullable"] == "NO" ? "true" : "false");
            const std::string extra = lower(text(a["extra"]));
            const bool autoincrement = c.autoincrement.value_or(false) || isSerial(c);
            f.expectEqual(cw + " AUTO_INCREMENT", autoincrement ? "yes" : "no",
                          extra.find("auto_increment") != std::string::npos ? "yes" : "no");
            f.expectEqual(cw + " ON UPDATE CURRENT_TIMESTAMP", c.onUpdate.value_or(false) ? "yes" : "no",
                          extra.find("on update current_timestamp") != std::string::npos ? "yes" : "no");
            const std::string generated = !c.generated ? "(none)" : c.generated->type == "stored" ? "stored generated" : "virtual generated";
            const std::string actualGenerated = extra.find("generated") != std::string::npos ? extra : "(none)";
            f.expectEqual(cw + " generated", generated, actualGenerated);
            if (c.generated) {
                if (auto n = normalised(cat, generatedKey(t.name, c.name), cw + " generated expression", c.generated->as, f))
                    f.expectEqual(cw + " generated expression", *n, text(a["expr"]));
                continue;
            }
            if (c.defaultValue) {
                const std::string stored = text(a["default"]);
                const auto declaredValue = mariadbLiteral(unwrapParentheses(c.defaultValue->text));
                const auto storedValue = mariadbLiteral(stored);
                if (declaredValue && storedValue) {
                    // As JSON strings, so that a lost backslash or space shows in the message.
                    f.expectEqual(cw + " default value", json(*declaredValue).dump(), json(*storedValue).dump());
                } else if (auto n = normalised(cat, defaultKey(t.name, c.name), cw + " default", c.defaultValue->text, f)) {
                    f.expectEqual(cw + " default", *n, stored);
                }
            } else {
                // COLUMN_DEFAULT is NULL for a NOT NULL column without default, 'NULL' for a nullable one.
                const std::string stored = text(a["default"]);
                f.expectTrue(stored == "(none)" || stored == "NULL", cw + ": declared no default, the database has " + stored);
            }
        }
    }
    for (const auto& a : cat.data["tables"]) {
        if (a["type"] != "BASE TABLE") continue;
        f.expectTrue(std::any_of(m.tables.begin(), m.tables.end(), [&](const model::Table& t) { return t.name == a["name"]; }),
                     "table " + text(a["name"]) + " exists but is not declared");
    }
    return f;
}

Findings checkConstraints(const model::Schema& m, const Catalog& cat) {
    Findings f;
    for (const auto& t : m.tables) {
        if (!findTable(cat, t.name)) continue;
        const std::string what = "table " + t.name;
        const auto indexes = indexesOf(cat, t.name);
        // MySQL names every primary key PRIMARY, so only its columns can be compared.
        auto pk = indexes.find("PRIMARY");
        f.expectEqual(what + " primary key", listText(pkColumns(t)), pk == indexes.end() ? "[]" : listText(pk->second.columns));

        // Unique keys: declared unique constraints, and unique indexes (which Drizzle writes as
        // constraints). SERIAL adds a unique key of its own, named after the column.
        std::map<std::string, std::vector<std::string>> declared;
        for (const auto& u : t.uniqueConstraints) declared[u.name] = u.columns;
        for (const auto& idx : t.indexes) {
            if (!idx.isUnique) continue;
            std::vector<std::string> cols;
            for (const auto& c : idx.columns) cols.push_back(c.expression);
            declared[idx.name] = cols;
        }
        for (const auto& [name, cols] : declared) {
            auto it = indexes.find(name);
            if (it == indexes.end() || !it->second.unique) {
                f.add(what + ": unique key " + inQuotes(name) + " is missing");
                continue;
            }
            f.expectEqual(what + " unique key " + inQuotes(name) + " columns", listText(cols), listText(it->second.columns));
        }
        for (const auto& [name, index] : indexes) {
            if (!index.unique || name == "PRIMARY" || declared.count(name)) continue;
            const bool serialKey = std::any_of(t.columns.begin(), t.columns.end(), [&](const model::Column& c) {
                return isSerial(c) && index.columns == std::vector<std::string>{c.name};
            });
            f.expectTrue(serialKey, what + " has unique key " + inQuotes(name) + " " + listText(index.columns) + " that is not declared");
        }

        // Foreign keys.
        const auto refs = rowsOf(cat, "references", t.name);
        const auto keyColumns = rowsOf(cat, "keyColumns", t.name);
        for (const auto& fk : t.foreignKeys) {
            const std::string fw = what + " foreign key " + inQuotes(fk.name);
            auto it = std::find_if(refs.begin(), refs.end(), [&](const json* r) { return (*r)["name"] == fk.name; });
            if (it == refs.end()) {
                f.add(fw + " is missing");
                continue;
            }
            f.expectEqual(fw + " references", fk.tableTo, text((**it)["refTable"]));
            f.expectEqual(fw + " ON UPDATE", upper(fk.onUpdate.value_or("no action")), text((**it)["onUpdate"]));
            f.expectEqual(fw + " ON DELETE", upper(fk.onDelete.value_or("no action")), text((**it)["onDelete"]));
            std::vector<std::pair<int, std::pair<std::string, std::string>>> pairs;
            for (const json* k : keyColumns)
                if ((*k)["name"] == fk.name)
                    pairs.push_back({(*k)["position"].get<int>(), {(*k)["column"].get<std::string>(), text((*k)["refColumn"])}});
            std::sort(pairs.begin(), pairs.end());
            std::vector<std::string> from, to;
            for (auto& [pos, p] : pairs) {
                from.push_back(p.first);
                to.push_back(p.second);
            }
            f.expectEqual(fw + " columns", listText(fk.columnsFrom), listText(from));
            f.expectEqual(fw + " referenced columns", listText(fk.columnsTo), listText(to));
        }
        for (const json* r : refs)
            f.expectTrue(std::any_of(t.foreignKeys.begin(), t.foreignKeys.end(),
                                     [&](const model::ForeignKey& fk) { return fk.name == (*r)["name"]; }),
                         what + " has foreign key " + inQuotes(text((*r)["name"])) + " that is not declared");

        // Checks. MariaDB adds json_valid() on each JSON column, named after the column.
        const auto checks = rowsOf(cat, "checks", t.name);
        for (const auto& k : t.checks) {
            const std::string kw = what + " check " + inQuotes(k.name);
            auto it = std::find_if(checks.begin(), checks.end(), [&](const json* c) { return (*c)["name"] == k.name; });
            if (it == checks.end()) {
                f.add(kw + " is missing");
                continue;
            }
            if (auto n = normalised(cat, checkKey(t.name, k.name), kw, k.value, f))
                f.expectEqual(kw + " expression", *n, text((**it)["clause"]));
        }
        for (const json* c : checks) {
            const std::string name = (*c)["name"];
            const bool declaredCheck =
                std::any_of(t.checks.begin(), t.checks.end(), [&](const model::Check& k) { return k.name == name; });
            const bool jsonCheck = (*c)["level"] == "Column" &&
                                   std::any_of(t.columns.begin(), t.columns.end(), [&](const model::Column& col) {
                                       return isJson(col) && col.name == name;
                                   });
            f.expectTrue(declaredCheck || jsonCheck,
                         what + " has check " + inQuotes(name) + " (" + text((*c)["clause"]) + ") that is not declared");
        }
    }
    return f;
}

Findings checkIndexes(const model::Schema& m, const Catalog& cat) {
    Findings f;
    for (const auto& t : m.tables) {
        if (!findTable(cat, t.name)) continue;
        const auto indexes = indexesOf(cat, t.name);
        for (const auto& idx : t.indexes) {
            const std::string what = "index " + idx.name + " on " + t.name;
            auto it = indexes.find(idx.name);
            if (it == indexes.end()) {
                f.add(what + " is missing");
                continue;
            }
            f.expectEqual(what + " unique", idx.isUnique ? "true" : "false", it->second.unique ? "true" : "false");
            if (idx.using_) f.expectEqual(what + " USING", upper(*idx.using_), it->second.type);
            std::vector<std::string> cols, order, actualOrder;
            for (const auto& c : idx.columns) {
                if (c.isExpression) f.add(what + ": has the expression " + c.expression + ", which MariaDB cannot index");
                cols.push_back(c.expression);
                order.push_back(c.asc ? "A" : "D");
            }
            f.expectEqual(what + " columns", listText(cols), listText(it->second.columns));
            f.expectEqual(what + " column order (A = ASC, D = DESC)", listText(order), listText(it->second.collations));
        }
        // InnoDB gives a foreign key an index of its own, named after it, when none covers its columns.
        for (const auto& [name, index] : indexes) {
            if (index.unique) continue;
            const bool declared = std::any_of(t.indexes.begin(), t.indexes.end(), [&](const model::Index& i) { return i.name == name; });
            const bool forForeignKey = std::any_of(t.foreignKeys.begin(), t.foreignKeys.end(), [&](const model::ForeignKey& fk) {
                return fk.name == name && fk.columnsFrom == index.columns;
            });
            f.expectTrue(declared || forForeignKey,
                         "table " + t.name + " has index " + inQuotes(name) + " " + listText(index.columns) + " that is not declared");
        }
    }
    return f;
}

Findings checkViews(const model::Schema& m, const Catalog& cat) {
    Findings f;
    for (const auto& v : m.views) {
        const std::string what = "view " + v.name;
        const json* table = findTable(cat, v.name);
        if (v.isExisting) {
            f.expectTrue(table == nullptr, what + " is declared .existing() but the export created it");
            continue;
        }
        const auto rows = rowsOf(cat, "views", v.name);
        if (!table || rows.empty()) {
            f.add(what + " is missing");
            continue;
        }
        const json& a = *rows.front();
        f.expectEqual(what + " ALGORITHM", upper(v.algorithm.value_or("undefined")), text(a["algorithm"]));
        f.expectEqual(what + " SQL SECURITY", upper(v.sqlSecurity.value_or("definer")), text(a["security"]));
        f.expectEqual(what + " CHECK OPTION", v.withCheckOption ? upper(*v.withCheckOption) : "NONE", text(a["checkOption"]));
        if (v.definition) {
            // MariaDB qualifies every name with the database; the scratch database's name is noise.
            auto plain = [&](std::string s) {
                const std::string qualifier = ident(cat.database) + ".";
                for (std::size_t at; (at = s.find(qualifier)) != std::string::npos;) s.erase(at, qualifier.size());
                return unwrapParentheses(s);
            };
            if (auto n = normalised(cat, viewKey(v.name), what + " query", *v.definition, f))
                f.expectEqual(what + " query", plain(*n), plain(text(a["definition"])));
        }
        const auto columns = columnsOf(cat, v.name);
        for (const auto& c : v.columns) {
            auto it = std::find_if(columns.begin(), columns.end(), [&](const json* col) { return (*col)["name"] == c.name; });
            if (it == columns.end()) {
                f.add(what + ": declared column " + inQuotes(c.name) + " is missing");
                continue;
            }
            f.expectEqual(what + " column " + c.name + " type", catalogSpelling(c.type), lower(text((**it)["type"])));
        }
    }
    for (const auto& a : cat.data["tables"]) {
        if (a["type"] != "VIEW") continue;
        f.expectTrue(std::any_of(m.views.begin(), m.views.end(), [&](const model::View& v) { return v.name == a["name"] && !v.isExisting; }),
                     "view " + text(a["name"]) + " exists but is not declared");
    }
    return f;
}

}  // namespace drizzle::integration::mysql

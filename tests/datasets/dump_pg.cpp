// pg_dump --schema-only cut into objects by its table-of-contents comments
// ("-- Name: film film_fulltext_trigger; Type: TRIGGER; Schema: public; Owner: -"), each with the
// statement that follows. The preamble (SET, set_config, \restrict) is the tool's, not the schema's.
#include <algorithm>
#include <map>
#include <regex>
#include <sstream>

#include "fidelity.hpp"

namespace fidelity {
namespace {

std::string rtrim(std::string s) {
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.pop_back();
    return s;
}

// Kinds whose TOC name is "<table> <object>".
bool tableScoped(const std::string& type) {
    return type == "CONSTRAINT" || type == "FK CONSTRAINT" || type == "CHECK CONSTRAINT" || type == "TRIGGER" ||
           type == "RULE" || type == "POLICY" || type == "DEFAULT";
}

// "TABLE film" / "COLUMN film.title" / "EXTENSION cube" / "CONSTRAINT c ON film" (the target of a
// COMMENT) -> dotted name.
std::string commentTarget(const std::string& name, const std::string& schema) {
    auto space = name.find(' ');
    std::string object = space == std::string::npos ? name : name.substr(space + 1);
    std::string kind = name.substr(0, space);
    if (kind == "EXTENSION" || kind == "SCHEMA") return object;
    if (auto on = object.find(" ON "); kind == "CONSTRAINT" && on != std::string::npos)
        return schema + "." + object.substr(on + 4) + "." + object.substr(0, on);
    return schema + "." + object.substr(0, object.find('('));  // a function's without its arguments
}

// "ON public.film USING" / "ON ONLY public.payment USING" -> "public.film".
std::string indexTable(const std::string& statement) {
    static const std::regex on(R"( ON (?:ONLY )?("?[^ ".]+"?)\.("(?:[^"]|"")+"|[^ (]+) USING )");
    std::smatch m;
    if (!std::regex_search(statement, m, on)) return {};
    auto unquote = [](std::string s) {
        if (s.size() >= 2 && s.front() == '"') s = s.substr(1, s.size() - 2);
        return s;
    };
    return unquote(m[1]) + "." + unquote(m[2]);
}

}  // namespace

Dump parsePgDump(const std::string& text) {
    static const std::regex header(R"(^-- (?:Data for )?Name: (.*); Type: (.*); Schema: (.*); Owner: .*$)");
    struct Entry {
        std::string name, type, schema;
        std::vector<std::string> lines;
    };
    std::vector<Entry> entries;
    std::vector<std::string> all;
    {
        std::istringstream in(text);
        for (std::string line; std::getline(in, line);) all.push_back(rtrim(line));
    }
    for (std::size_t i = 0; i < all.size(); ++i) {
        std::smatch m;
        if (std::regex_match(all[i], m, header)) {
            entries.push_back({m[1], m[2], m[3], {}});
            if (i + 1 < all.size() && all[i + 1] == "--") ++i;  // the header's closing line
            continue;
        }
        if (entries.empty()) continue;  // the preamble
        const std::string& line = all[i];
        // The separator before the next header, the dump's trailer, pg_dump's \restrict guard and
        // the settings it writes before the first table.
        if (line == "--" || line.starts_with("-- PostgreSQL database dump") || line.starts_with("\\restrict") ||
            line.starts_with("\\unrestrict") || line.starts_with("SET default_tablespace = ") ||
            line.starts_with("SET default_table_access_method = ") || line.empty())
            continue;
        entries.back().lines.push_back(line);
    }

    // An entry that is only a comment ("-- *not* creating schema, since initdb creates it") says
    // nothing about the schema.
    std::erase_if(entries, [](const Entry& e) {
        return std::all_of(e.lines.begin(), e.lines.end(), [](const std::string& l) { return l.starts_with("--"); });
    });

    // Index name -> its table, for the INDEX ATTACH entries that name only the index (a key's
    // index is named by its constraint).
    std::map<std::string, std::string> tableOfIndex;
    for (const auto& e : entries) {
        if (e.type == "CONSTRAINT") {
            auto space = e.name.find(' ');
            tableOfIndex[e.schema + "." + e.name.substr(space + 1)] = e.schema + "." + e.name.substr(0, space);
        }
        if (e.type != "INDEX") continue;
        std::string statement;
        for (const auto& l : e.lines) statement += l + " ";
        tableOfIndex[e.schema + "." + e.name] = indexTable(statement);
    }

    Dump out;
    for (auto& e : entries) {
        DumpObject o;
        o.kind = e.type;
        o.key = e.type + " " + e.schema + "." + e.name;
        if (e.type == "SCHEMA" || e.type == "EXTENSION") {
            o.identity = e.name;
        } else if (e.type == "COMMENT") {
            o.identity = commentTarget(e.name, e.schema);
        } else if (tableScoped(e.type)) {
            auto space = e.name.find(' ');
            o.identity = e.schema + "." + e.name.substr(0, space) + "." + e.name.substr(space + 1);
        } else if (e.type == "FUNCTION" || e.type == "AGGREGATE" || e.type == "PROCEDURE") {
            o.identity = e.schema + "." + e.name.substr(0, e.name.find('('));
        } else if (e.type == "INDEX" || e.type == "INDEX ATTACH") {
            auto table = tableOfIndex.find(e.schema + "." + e.name);
            o.identity = table != tableOfIndex.end() && !table->second.empty() ? table->second + "." + e.name
                                                                                : e.schema + "." + e.name;
        } else {
            o.identity = e.schema + "." + e.name;
        }
        o.lines = std::move(e.lines);
        // A table's columns are one to a line; the last has no comma.
        for (auto& l : o.lines)
            if (l.size() > 1 && l.back() == ',') l.pop_back();
        out.push_back(std::move(o));
    }
    return out;
}

}  // namespace fidelity

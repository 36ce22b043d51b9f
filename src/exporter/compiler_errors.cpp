#include "exporter/compiler_errors.hpp"

#include <sstream>
#include <vector>

namespace drizzle::kit {

namespace {

struct Line {
    std::string text, location, kind, message;  // location = "file:line:col"
};

// Splits "file:line:col: kind: message"; kind is "error", "note", "warning", or "" (context).
Line parse(const std::string& text) {
    Line l{text, "", "", ""};
    for (const char* kind : {": fatal error: ", ": error: ", ": note: ", ": warning: "}) {
        auto at = text.find(kind);
        if (at == std::string::npos) continue;
        l.location = text.substr(0, at);
        l.kind = std::string(kind).substr(2, std::string(kind).size() - 4);
        l.message = text.substr(at + std::string(kind).size());
        return l;
    }
    // GCC's instantiation context: "file:line:col:   required from here", or for a consteval
    // conversion (a column declaration) "file:line:col:   in 'constexpr' expansion of ...".
    for (const char* context : {":   required from here", ":   in \xE2\x80\x98" "constexpr\xE2\x80\x99" " expansion of ",
                                ":   in 'constexpr' expansion of "}) {
        auto at = text.find(context);
        if (at == std::string::npos) continue;
        l.location = text.substr(0, at);
        l.kind = "required";
        break;
    }
    return l;
}

// "M = std::__cxx11::basic_string<char>" out of GCC's "In instantiation of '... [with M = ...; bool
// NotNull = false]'" (clang: "ColumnBuilder<std::basic_string<char>, false>"), for the message.
std::string memberType(const std::string& context) {
    std::string t;
    auto with = context.find("[with M = ");
    if (with != std::string::npos) {
        auto end = context.find_first_of(";]", with);
        t = context.substr(with + 10, end - with - 10);
    } else if (auto cb = context.find("ColumnBuilder<"); cb != std::string::npos) {
        auto end = context.find(", ", cb);
        t = context.substr(cb + 14, end == std::string::npos ? std::string::npos : end - cb - 14);
    }
    for (const char* noise : {"std::__cxx11::basic_string<char>", "std::basic_string<char>"}) {
        for (auto at = t.find(noise); at != std::string::npos; at = t.find(noise))
            t.replace(at, std::string(noise).size(), "std::string");
    }
    return t;
}

bool inDrizzle(const std::string& location, const std::string& includeDir) {
    return location.rfind(includeDir, 0) == 0 || location.find("exporter.cpp") != std::string::npos;
}

}  // namespace

std::string firstCompilerError(const std::string& output, const std::filesystem::path& includeDir) {
    std::vector<Line> lines;
    std::istringstream in(output);
    for (std::string s; std::getline(in, s);) lines.push_back(parse(s));
    const std::string inc = includeDir.string();
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (lines[i].kind != "error" && lines[i].kind != "fatal error") continue;
        std::string where = lines[i].location;
        std::string type;
        if (inDrizzle(where, inc)) {
            for (std::size_t j = i; j-- > 0 && lines[j].kind != "error" && type.empty();)
                type = memberType(lines[j].text);
            for (std::size_t j = i + 1; j < lines.size() && lines[j].kind != "error" && type.empty(); ++j)
                type = memberType(lines[j].text);
            // GCC: the user's line precedes the error ("required from here"); clang: it follows
            // as a note ("in instantiation ... requested here").
            for (std::size_t j = i; j-- > 0 && lines[j].kind != "error";)
                if ((lines[j].kind == "required") && !inDrizzle(lines[j].location, inc)) {
                    where = lines[j].location;
                    break;
                }
            for (std::size_t j = i + 1; where == lines[i].location && j < lines.size() && lines[j].kind != "error"; ++j)
                if (lines[j].kind == "note" && !inDrizzle(lines[j].location, inc) &&
                    lines[j].message.find("requested here") != std::string::npos)
                    where = lines[j].location;
        }
        return where + ": error: " + lines[i].message + (type.empty() ? "" : " [column of member type " + type + "]");
    }
    // No recognisable error line (a linker failure, say): the first lines as they are.
    std::string head;
    for (std::size_t i = 0; i < lines.size() && i < 5; ++i) head += lines[i].text + "\n";
    return head;
}

}  // namespace drizzle::kit

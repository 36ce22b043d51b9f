#include "codegen/naming.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <vector>

namespace drizzle::codegen {

namespace {

bool isAlnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }
char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }
char upper(char c) { return static_cast<char>(std::toupper(static_cast<unsigned char>(c))); }

// Words of an SQL name: split at anything not alphanumeric and where a lower-case letter or a
// digit meets an upper-case one ("FirstName" -> First, Name).
std::vector<std::string> words(std::string_view s) {
    std::vector<std::string> out;
    std::string cur;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (!isAlnum(c)) {
            if (!cur.empty()) out.push_back(std::move(cur));
            cur.clear();
            continue;
        }
        if (!cur.empty() && std::isupper(static_cast<unsigned char>(c)) &&
            (std::islower(static_cast<unsigned char>(cur.back())) || std::isdigit(static_cast<unsigned char>(cur.back())))) {
            out.push_back(std::move(cur));
            cur.clear();
        }
        cur += c;
    }
    if (!cur.empty()) out.push_back(std::move(cur));
    return out;
}

std::string capitalised(std::string w) {
    const bool allUpper = std::none_of(w.begin(), w.end(), [](char c) { return std::islower(static_cast<unsigned char>(c)); });
    if (allUpper) std::transform(w.begin(), w.end(), w.begin(), lower);  // "ID" -> "Id"
    if (!w.empty()) w[0] = upper(w[0]);
    return w;
}

constexpr std::array kKeywords = {
    "alignas", "alignof", "and", "and_eq", "asm", "auto", "bitand", "bitor", "bool", "break", "case", "catch",
    "char", "char8_t", "char16_t", "char32_t", "class", "compl", "concept", "const", "consteval", "constexpr",
    "constinit", "const_cast", "continue", "co_await", "co_return", "co_yield", "decltype", "default", "delete",
    "do", "double", "dynamic_cast", "else", "enum", "explicit", "export", "extern", "false", "float", "for",
    "friend", "goto", "if", "inline", "int", "long", "mutable", "namespace", "new", "noexcept", "not", "not_eq",
    "nullptr", "operator", "or", "or_eq", "private", "protected", "public", "register", "reinterpret_cast",
    "requires", "return", "short", "signed", "sizeof", "static", "static_assert", "static_cast", "struct",
    "switch", "template", "this", "thread_local", "throw", "true", "try", "typedef", "typeid", "typename",
    "union", "unsigned", "using", "virtual", "void", "volatile", "wchar_t", "while", "xor", "xor_eq",
    // names the generated code itself uses, and common macros
    "std", "drizzle", "pg", "sqlite", "mysql", "assert", "errno", "NULL", "EOF", "unix", "linux"};

bool endsWith(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

std::string camelCase(std::string_view sqlName) {
    std::string out;
    for (const std::string& w : words(sqlName)) out += capitalised(w);
    if (!out.empty()) out[0] = lower(out[0]);
    return out;
}

std::string pascalCase(std::string_view sqlName) {
    std::string out;
    for (const std::string& w : words(sqlName)) out += capitalised(w);
    return out;
}

std::string singular(std::string_view word) {
    std::string w(word);
    std::string l = w;
    std::transform(l.begin(), l.end(), l.begin(), lower);
    if (l.size() <= 3) return w;
    if (endsWith(l, "ies")) return w.substr(0, w.size() - 3) + "y";
    for (std::string_view s : {"sses", "shes", "ches", "xes", "zzes"})
        if (endsWith(l, s)) return w.substr(0, w.size() - 2);
    if (endsWith(l, "ss") || endsWith(l, "us") || endsWith(l, "is") || endsWith(l, "ws")) return w;
    if (endsWith(l, "s")) return w.substr(0, w.size() - 1);
    return w;
}

std::string plural(std::string_view word) {
    std::string w(word);
    std::string l = w;
    std::transform(l.begin(), l.end(), l.begin(), lower);
    if (l.empty() || singular(w) != w) return w;  // already plural: "tasks"
    if (endsWith(l, "y") && l.size() > 1 && std::string_view("aeiou").find(l[l.size() - 2]) == std::string_view::npos)
        return w.substr(0, w.size() - 1) + "ies";
    for (std::string_view s : {"s", "x", "z", "ch", "sh"})
        if (endsWith(l, s)) return w + "es";
    return w + "s";
}

std::string identifier(std::string_view wanted) {
    std::string out;
    for (char c : wanted) out += isAlnum(c) || c == '_' ? c : '_';
    if (out.empty()) out = "unnamed";
    if (std::isdigit(static_cast<unsigned char>(out[0]))) out = "n" + out;
    // Names starting with '_' + upper case, or containing "__", are reserved for the implementation.
    while (out.find("__") != std::string::npos) out.replace(out.find("__"), 2, "_");
    if (out[0] == '_') out = "x" + out;
    if (std::find(kKeywords.begin(), kKeywords.end(), out) != kKeywords.end()) out += "_";
    return out;
}

std::string Scope::take(std::string_view wanted) {
    const std::string base = identifier(wanted);
    std::string name = base;
    for (int n = 2; taken_.count(name); ++n) name = base + std::to_string(n);
    taken_.insert(name);
    return name;
}

std::string literal(std::string_view text) {
    const bool plain = std::all_of(text.begin(), text.end(), [](char c) {
        return c != '"' && c != '\\' && c != '\n' && c != '\r' && c != '\t' && c != '?' && static_cast<unsigned char>(c) >= 0x20;
    });
    if (plain) return "\"" + std::string(text) + "\"";
    std::string delimiter;
    for (std::string candidate : {"", "sql", "sql_", "drizzle"}) {
        if (text.find(")" + candidate + "\"") == std::string_view::npos) {
            delimiter = candidate;
            break;
        }
    }
    return "R\"" + delimiter + "(" + std::string(text) + ")" + delimiter + "\"";
}

}  // namespace drizzle::codegen

#include "codegen/naming.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <vector>

#include "drizzle/kit/codegen.hpp"

namespace drizzle::codegen {

namespace {

// ASCII only, whatever the locale: a byte of a multi-byte character is never part of a name.
bool isAlnum(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
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

namespace {

// The length of the UTF-8 sequence starting at text[i] when it is well formed (no overlong
// forms, surrogates or code points past U+10FFFF), else 0.
std::size_t utf8Length(std::string_view text, std::size_t i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char b = byte(i);
    std::size_t n;
    unsigned char lo = 0x80, hi = 0xbf;  // the range of the second byte
    if (b < 0x80) return 1;
    if (b >= 0xc2 && b <= 0xdf) n = 2;
    else if (b >= 0xe0 && b <= 0xef) {
        n = 3;
        if (b == 0xe0) lo = 0xa0;
        if (b == 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
        n = 4;
        if (b == 0xf0) lo = 0x90;
        if (b == 0xf4) hi = 0x8f;
    } else {
        return 0;
    }
    if (i + n > text.size() || byte(i + 1) < lo || byte(i + 1) > hi) return 0;
    for (std::size_t k = 2; k < n; ++k)
        if (byte(i + k) < 0x80 || byte(i + k) > 0xbf) return 0;
    return n;
}

// Characters that act on a terminal or reorder text on screen (C1 controls, bidirectional
// controls, U+2028/U+2029): escaped, so that generated code and messages look as they are.
bool invisibleControl(std::string_view sequence) {
    const auto b = [&](std::size_t k) { return static_cast<unsigned>(static_cast<unsigned char>(sequence[k])); };
    unsigned cp = 0;
    if (sequence.size() == 2) cp = ((b(0) & 0x1fu) << 6) | (b(1) & 0x3fu);
    else if (sequence.size() == 3) cp = ((b(0) & 0x0fu) << 12) | ((b(1) & 0x3fu) << 6) | (b(2) & 0x3fu);
    else return false;
    return (cp >= 0x80 && cp <= 0x9f) || cp == 0x61c || cp == 0x200e || cp == 0x200f || (cp >= 0x2028 && cp <= 0x202e) ||
           (cp >= 0x2066 && cp <= 0x2069);
}

// Splits `text` into what C++ source and terminals show as is (printable ASCII and well-formed,
// visible UTF-8) and single bytes that need an escape, calling `keep(piece)` or `escape(byte)`.
template <class Keep, class Escape>
void scan(std::string_view text, Keep keep, Escape escape) {
    for (std::size_t i = 0; i < text.size();) {
        const unsigned char b = static_cast<unsigned char>(text[i]);
        if (b >= 0x20 && b < 0x7f) {
            keep(text.substr(i, 1));
            ++i;
            continue;
        }
        const std::size_t n = b < 0x80 ? 0 : utf8Length(text, i);
        if (n > 1 && !invisibleControl(text.substr(i, n))) {
            keep(text.substr(i, n));
            i += n;
        } else {
            escape(b);
            ++i;
        }
    }
}

char octal(unsigned v) { return static_cast<char>('0' + (v & 7u)); }

// An ordinary string literal: quotes, backslashes and '?' after '?' (a trigraph in older modes)
// escaped, every other byte outside `scan`'s visible set as a three-digit octal escape (an
// octal escape stops after three digits, so a following digit never joins it).
std::string escapedLiteral(std::string_view text) {
    std::string out = "\"";
    scan(
        text,
        [&](std::string_view piece) {
            const char c = piece[0];
            if (c == '"' || c == '\\' || (c == '?' && out.back() == '?')) out += '\\';
            out += piece;
        },
        [&](unsigned char b) {
            switch (b) {
                case '\n': out += "\\n"; break;
                case '\r': out += "\\r"; break;
                case '\t': out += "\\t"; break;
                default: out += {'\\', octal(b >> 6), octal(b >> 3), octal(b)};
            }
        });
    return out + "\"";
}

// Whether a raw string carries `text` byte for byte, and compilers take it without a word:
// every byte visible or a tab or a line feed. Not a carriage return (compilers read CR LF in
// source as LF), any other control byte or malformed UTF-8; nor, though a raw string undoes them,
// what compilers warn about: a trigraph, a backslash ending a line (before blanks, to GCC).
bool rawCarries(std::string_view text) {
    bool carries = text.find("??") == std::string_view::npos;
    scan(text, [](std::string_view) {}, [&](unsigned char b) { carries = carries && (b == '\n' || b == '\t'); });
    for (std::size_t nl = text.find('\n'); carries && nl != std::string_view::npos; nl = text.find('\n', nl + 1)) {
        const std::size_t last = text.find_last_not_of(" \t", nl - 1);
        carries = nl == 0 || last == std::string_view::npos || text[last] != '\\';
    }
    return carries;
}

}  // namespace

bool validUtf8(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t n = utf8Length(text, i);
        if (n == 0) return false;
        i += n;
    }
    return true;
}

std::string literal(std::string_view text) {
    const std::string escaped = escapedLiteral(text);
    if (escaped.size() == text.size() + 2 || !rawCarries(text)) return escaped;
    // Multi-line SQL and text full of quotes read best as they are: a raw string, with a
    // delimiter the text does not contain.
    for (std::string_view delimiter : {"", "sql", "sql_", "drizzle"}) {
        const std::string close = ")" + std::string(delimiter) + "\"";
        if (text.find(close) == std::string_view::npos)
            return "R\"" + std::string(delimiter) + "(" + std::string(text) + close;
    }
    return escaped;
}

}  // namespace drizzle::codegen

namespace drizzle::kit {

std::string printable(std::string_view text) {
    using codegen::scan;
    std::string out;
    scan(
        text,
        [&](std::string_view piece) {
            const char c = piece[0];
            if (c == '\\' || (c == '?' && !out.empty() && out.back() == '?')) out += '\\';
            out += piece;
        },
        [&](unsigned char b) {
            static const char* const kHex = "0123456789abcdef";
            switch (b) {
                case '\n': out += "\\n"; break;
                case '\r': out += "\\r"; break;
                case '\t': out += "\\t"; break;
                default: out += {'\\', 'x', kHex[b >> 4], kHex[b & 15u]};
            }
        });
    // A backslash ending a line (even before trailing blanks, to GCC) joins the next line to a
    // // comment; the last one is spelled \x5c instead.
    const std::size_t last = out.find_last_not_of(' ');
    if (last != std::string::npos && out[last] == '\\') out.replace(last - 1, 2, "\\x5c");
    return out;
}

}  // namespace drizzle::kit

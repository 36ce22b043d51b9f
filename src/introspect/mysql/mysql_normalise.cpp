// How MySQL / MariaDB spell in information_schema what the model holds: defaults,
// referential actions, view definitions (declared in mysql_introspect_internal.hpp).
#include <cctype>
#include <regex>

#include "drizzle/dialect.hpp"
#include "introspect/mysql/mysql_introspect_internal.hpp"

namespace drizzle::kit::mysql_introspect {

using namespace model;

namespace {

bool isNumberLiteral(const std::string& s) {
    static const std::regex number(R"(^-?\d+(\.\d+)?([eE][-+]?\d+)?$)");
    return std::regex_match(s, number);
}

// A MariaDB/MySQL string literal's contents: 'it''s' and 'it\'s' -> it's; \\ -> \.
std::string unquoteLiteral(const std::string& s) {
    std::string out;
    for (std::size_t i = 1; i + 1 < s.size(); ++i) {
        char c = s[i];
        if (c == '\'' && i + 2 < s.size() && s[i + 1] == '\'') {
            out += '\'';
            ++i;
        } else if (c == '\\' && i + 2 < s.size()) {
            char n = s[++i];
            switch (n) {
                case 'n': out += '\n'; break;
                case 't': out += '\t'; break;
                case 'r': out += '\r'; break;
                case '0': out += '\0'; break;
                default: out += n;
            }
        } else {
            out += c;
        }
    }
    return out;
}

std::string quoteLiteral(const std::string& s) { return quoteString(Dialect::mysql, s); }

bool isNowExpression(const std::string& d) {
    static const std::regex now(R"(^\(?(current_timestamp|now|localtimestamp|localtime)(\(\d*\))?\)?$)",
                                std::regex::icase);
    return std::regex_match(d, now);
}

// The end of the quoted token starting at text[i] ('...' or "..." with backslash escapes and
// doubled quotes, `...` with doubled backticks), or i + 1 when text[i] starts none.
std::size_t afterQuoted(const std::string& text, std::size_t i) {
    const char q = text[i];
    if (q != '\'' && q != '"' && q != '`') return i + 1;
    for (std::size_t k = i + 1; k < text.size(); ++k) {
        if (text[k] == '\\' && q != '`') ++k;
        else if (text[k] == q && k + 1 < text.size() && text[k + 1] == q) ++k;
        else if (text[k] == q) return k + 1;
    }
    return text.size();
}

}  // namespace

std::string lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

std::string opt(const driver::Rows& r, std::size_t row, std::size_t col) {
    return r.isNull(row, col) ? std::string() : r.text(row, col);
}

std::optional<DefaultValue> normaliseDefault(const std::optional<std::string>& raw, const std::string& type,
                                             const std::string& extra) {
    if (!raw) return std::nullopt;
    const std::string& d = *raw;
    const bool mariaQuoted = d.size() >= 2 && d.front() == '\'' && d.back() == '\'';
    if (d == "NULL") return std::nullopt;
    if (isNowExpression(d)) return DefaultValue{DefaultValue::Kind::sql, "(now())"};
    if (type == "boolean" && (d == "1" || d == "0" || d == "'1'" || d == "'0'"))
        return DefaultValue{DefaultValue::Kind::boolean, (d == "1" || d == "'1'") ? "true" : "false"};
    if (!mariaQuoted && isNumberLiteral(d)) {
        if (type.starts_with("decimal")) return DefaultValue{DefaultValue::Kind::sql, quoteLiteral(d)};
        return DefaultValue{DefaultValue::Kind::number, d};
    }
    const bool expression = extra.find("DEFAULT_GENERATED") != std::string::npos;
    std::string literal;
    if (mariaQuoted) {
        literal = quoteLiteral(unquoteLiteral(d));
    } else if (!expression && d.find('(') == std::string::npos) {
        literal = quoteLiteral(d);  // MySQL 8 gives a literal bare
    } else {
        std::string e = d;
        if (!(e.front() == '(' && e.back() == ')')) e = "(" + e + ")";
        return DefaultValue{DefaultValue::Kind::sql, e};
    }
    if (type == "json") return DefaultValue{DefaultValue::Kind::sql, "(" + literal + ")"};
    return DefaultValue{DefaultValue::Kind::sql, literal};
}

std::string normaliseAction(const std::string& rule) { return lower(rule); }

std::string quoteName(const std::string& name) {
    std::string out;
    for (char c : name) {
        if (c == '`') out += '`';
        out += c;
    }
    return out;
}

bool isJsonValidCheck(const std::string& name, const std::string& clause) {
    return lower(clause) == "json_valid(`" + lower(name) + "`)";
}

std::string viewDefinition(const std::string& shown, const std::string& database) {
    const std::string prefix = "`" + quoteName(database) + "`.";
    std::string text;
    for (std::size_t i = 0; i < shown.size();) {
        if (shown.compare(i, prefix.size(), prefix) == 0) {
            i += prefix.size();
            continue;
        }
        const std::size_t next = afterQuoted(shown, i);
        text.append(shown, i, next - i);
        i = next;
    }
    while (text.size() >= 2 && text.front() == '(' && text.back() == ')') {
        int depth = 0;
        bool wraps = true;
        for (std::size_t i = 0; i < text.size(); i = afterQuoted(text, i)) {
            if (text[i] == '(') ++depth;
            else if (text[i] == ')' && --depth == 0 && i + 1 < text.size()) wraps = false;
        }
        if (!wraps) break;
        text = text.substr(1, text.size() - 2);
    }
    return text;
}

}  // namespace drizzle::kit::mysql_introspect

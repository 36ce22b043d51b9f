#include "drivers/pg/placeholders.hpp"

#include <algorithm>
#include <cctype>

namespace drizzle::driver::pg {

namespace {

bool identifierChar(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$' || static_cast<unsigned char>(c) >= 0x80;
}

// At a '$' that opens a dollar quote, the tag ("$$" or "$name$"); empty otherwise.
std::string_view dollarTag(std::string_view sql, std::size_t at) {
    if (at > 0 && identifierChar(sql[at - 1])) return {};  // a '$' inside a name such as a$b
    std::size_t end = at + 1;
    if (end < sql.size() && std::isdigit(static_cast<unsigned char>(sql[end]))) return {};  // $1
    while (end < sql.size() && sql[end] != '$') {
        const char c = sql[end];
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || static_cast<unsigned char>(c) >= 0x80)) return {};
        ++end;
    }
    if (end >= sql.size()) return {};
    return sql.substr(at, end - at + 1);
}

}  // namespace

NumberedSql numberPlaceholders(std::string_view sql) {
    NumberedSql out;
    out.sql.reserve(sql.size() + 8);
    std::size_t i = 0;
    // Copies sql[i, end) unchanged and moves past it.
    auto copyTo = [&](std::size_t end) {
        out.sql.append(sql.substr(i, end - i));
        i = end;
    };
    while (i < sql.size()) {
        const char c = sql[i];
        const char next = i + 1 < sql.size() ? sql[i + 1] : '\0';
        if (c == '?') {
            out.sql += "$" + std::to_string(++out.placeholders);
            ++i;
        } else if (c == '\'' || c == '"') {
            // E'...' strings take backslash escapes; '' and "" are escaped quotes everywhere.
            const bool backslashes = c == '\'' && i > 0 && (sql[i - 1] == 'E' || sql[i - 1] == 'e') &&
                                     (i < 2 || !identifierChar(sql[i - 2]));
            std::size_t end = i + 1;
            while (end < sql.size()) {
                if (backslashes && sql[end] == '\\') {
                    end += 2;
                } else if (sql[end] == c) {
                    if (end + 1 < sql.size() && sql[end + 1] == c) {
                        end += 2;
                    } else {
                        ++end;
                        break;
                    }
                } else {
                    ++end;
                }
            }
            copyTo(std::min(end, sql.size()));
        } else if (c == '-' && next == '-') {
            const std::size_t end = sql.find('\n', i);
            copyTo(end == std::string_view::npos ? sql.size() : end);
        } else if (c == '/' && next == '*') {
            std::size_t end = i + 2;
            for (int depth = 1; end < sql.size() && depth > 0;) {
                if (sql.compare(end, 2, "/*") == 0) {
                    ++depth;
                    end += 2;
                } else if (sql.compare(end, 2, "*/") == 0) {
                    --depth;
                    end += 2;
                } else {
                    ++end;
                }
            }
            copyTo(std::min(end, sql.size()));
        } else if (c == '$' && !dollarTag(sql, i).empty()) {
            const std::string_view tag = dollarTag(sql, i);
            const std::size_t close = sql.find(tag, i + tag.size());
            copyTo(close == std::string_view::npos ? sql.size() : close + tag.size());
        } else {
            out.sql += c;
            ++i;
        }
    }
    return out;
}

}  // namespace drizzle::driver::pg

// The non-template halves of the codecs: errors, PostgreSQL array literals, times, and the text
// forms of drizzle::Uuid, pg::Point and pg::Line.
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>

#include "drizzle/error.hpp"
#include "drizzle/pg.hpp"
#include "drizzle/query/codec.hpp"
#include "drizzle/sqlite.hpp"
#include "drizzle/uuid.hpp"

namespace drizzle::detail {

void throwNullInto(const driver::Cursor& row, std::size_t column) {
    throw Error(ErrorCategory::mapping,
                "column \"" + std::string(row.columnName(column)) + "\" is NULL but its member is not std::optional",
                "make the member std::optional<...>, or select a value that cannot be NULL");
}
void throwNoCodec(const driver::Cursor& row, std::size_t column) {
    throw Error(ErrorCategory::mapping, "column \"" + std::string(row.columnName(column)) +
                                          "\": its member's C++ type has no database mapping");
}
void throwNoWriteCodec() {
    throw Error(ErrorCategory::mapping, "a member's C++ type has no database mapping, so its value cannot be bound");
}
void throwNotAnEnumValue(const driver::Cursor& row, std::size_t column, std::string_view value) {
    throw Error(ErrorCategory::mapping, "column \"" + std::string(row.columnName(column)) + "\": \"" + std::string(value) +
                                          "\" is not a value of the member's C++ enum",
                "add it to the enum's drizzleEnumValues (and the column's declared values)");
}
void throwEnumOutOfRange(long long value) {
    throw Error(ErrorCategory::mapping, "a C++ enum value (" + std::to_string(value) + ") has no SQL value",
                "its drizzleEnumValues names one SQL value per enumerator, in declaration order");
}
void throwUnsetWritten() {
    throw Error(ErrorCategory::usage, "an unset drizzle::Defaulted value was given where a value is needed",
                "set it, or leave it unset only in a whole-row insert, where the column's default applies");
}
void throwOutOfRange(const driver::Cursor& row, std::size_t column, std::int64_t value) {
    throw Error(ErrorCategory::mapping, "column \"" + std::string(row.columnName(column)) + "\": the value " +
                                          std::to_string(value) + " does not fit its member's type");
}

std::uint64_t readUnsigned64(const driver::Cursor& row, std::size_t column) {
    const std::string_view text = row.text(column);
    std::uint64_t v = 0;
    auto r = std::from_chars(text.data(), text.data() + text.size(), v);
    if (r.ec != std::errc() || r.ptr != text.data() + text.size())
        throw Error(ErrorCategory::mapping, "column \"" + std::string(row.columnName(column)) + "\": the value " +
                                              std::string(text) + " does not fit its member's type");
    return v;
}

std::vector<std::optional<std::string>> splitArrayLiteral(std::string_view s) {
    std::vector<std::optional<std::string>> out;
    if (s.size() < 2 || s.front() != '{' || s.back() != '}')
        throw Error(ErrorCategory::mapping, "not an array literal: " + std::string(s.substr(0, 80)));
    std::size_t i = 1;
    const std::size_t end = s.size() - 1;
    while (i < end) {
        if (s[i] == '"') {  // quoted element
            std::string e;
            for (++i; i < end && s[i] != '"'; ++i) {
                if (s[i] == '\\' && i + 1 < end) ++i;
                e += s[i];
            }
            ++i;  // closing quote
            out.emplace_back(std::move(e));
        } else if (s[i] == '{') {  // nested array: keep its literal
            int depth = 0;
            const std::size_t start = i;
            bool quoted = false;
            for (; i < end; ++i) {
                if (s[i] == '\\') { ++i; continue; }
                if (s[i] == '"') quoted = !quoted;
                if (quoted) continue;
                if (s[i] == '{') ++depth;
                if (s[i] == '}' && --depth == 0) { ++i; break; }
            }
            out.emplace_back(std::string(s.substr(start, i - start)));
        } else {
            const std::size_t start = i;
            while (i < end && s[i] != ',') ++i;
            const std::string_view e = s.substr(start, i - start);
            if (e == "NULL") out.emplace_back(std::nullopt);
            else out.emplace_back(std::string(e));
        }
        if (i < end && s[i] == ',') ++i;
    }
    return out;
}

namespace {
std::string shortestDouble(double v) {
    char buf[64];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, r.ptr);
}
void appendQuoted(std::string& out, std::string_view s) {
    out += '"';
    for (char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    out += '"';
}
}  // namespace

void appendArrayElement(std::string& out, const driver::Param& element, bool nested) {
    if (std::holds_alternative<std::nullptr_t>(element)) {
        out += "NULL";
    } else if (const auto* i = std::get_if<std::int64_t>(&element)) {
        out += std::to_string(*i);
    } else if (const auto* d = std::get_if<double>(&element)) {
        out += shortestDouble(*d);
    } else if (const auto* s = std::get_if<std::string>(&element)) {
        if (nested) out += *s;
        else appendQuoted(out, *s);
    } else {  // bytea[]: each element in bytea's hex text form
        appendQuoted(out, driver::encodeHex(std::get<driver::Bytes>(element).data));
    }
}

// ---- times -----------------------------------------------------------------------------------

namespace {

constexpr std::int64_t microsPerDay = 86400000000LL;

// Days since 1970-01-01 of a civil date (proleptic Gregorian; year 0 is 1 BC), and back.
std::int64_t daysFromCivil(std::int64_t y, unsigned m, unsigned d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}
void civilFromDays(std::int64_t z, std::int64_t& y, unsigned& m, unsigned& d) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    y = static_cast<std::int64_t>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y += m <= 2;
}

[[noreturn]] void badTime(std::string_view text) {
    throw Error(ErrorCategory::mapping, "not a date, time or timestamp: \"" + std::string(text) + "\"");
}

bool isDigit(char c) { return c >= '0' && c <= '9'; }

// Reads `n` digits (or, with n = 0, one or more).
std::int64_t digits(std::string_view s, std::size_t& i, std::size_t n) {
    std::int64_t v = 0;
    const std::size_t start = i;
    while (i < s.size() && isDigit(s[i]) && (n == 0 || i - start < n)) v = v * 10 + (s[i++] - '0');
    if (i == start || (n != 0 && i - start != n) || i - start > 12) badTime(s);
    return v;
}
void expect(std::string_view s, std::size_t& i, char c) {
    if (i >= s.size() || s[i] != c) badTime(s);
    ++i;
}
// ".123456" (any number of digits; microseconds kept) or nothing.
std::int64_t fraction(std::string_view s, std::size_t& i) {
    if (i >= s.size() || s[i] != '.') return 0;
    ++i;
    std::int64_t micros = 0;
    int n = 0;
    if (i >= s.size() || !isDigit(s[i])) badTime(s);
    for (; i < s.size() && isDigit(s[i]); ++i)
        if (n < 6) micros = micros * 10 + (s[i] - '0'), ++n;
    for (; n < 6; ++n) micros *= 10;
    return micros;
}
// "HH:MM[:SS[.ffffff]]", hours unbounded (MySQL's TIME reaches 838), as microseconds.
std::int64_t clockTime(std::string_view s, std::size_t& i, std::int64_t maxHours) {
    const std::int64_t h = digits(s, i, 0);
    expect(s, i, ':');
    const std::int64_t mi = digits(s, i, 2);
    std::int64_t sec = 0;
    if (i < s.size() && s[i] == ':') {
        ++i;
        sec = digits(s, i, 2);
    }
    if (h > maxHours || mi > 59 || sec > 60) badTime(s);
    return (h * 3600 + mi * 60 + sec) * 1000000 + fraction(s, i);
}
bool era(std::string_view s, std::size_t& i) {
    if (s.substr(i) != " BC") return false;
    i = s.size();
    return true;
}

void appendFraction(std::string& out, std::int64_t micros, int fractionDigits) {
    if (fractionDigits <= 0) return;
    char buf[16];
    std::snprintf(buf, sizeof buf, ".%06lld", static_cast<long long>(micros));
    out.append(buf, static_cast<std::size_t>(1 + fractionDigits));
}

std::string formatDate(std::int64_t days, bool& bc) {
    std::int64_t y;
    unsigned m, d;
    civilFromDays(days, y, m, d);
    bc = y <= 0;
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04lld-%02u-%02u", static_cast<long long>(bc ? 1 - y : y), m, d);
    return buf;
}

}  // namespace

std::int64_t parseTimestampMicros(std::string_view s) {
    std::size_t i = 0;
    const std::int64_t year = digits(s, i, 0);
    if (i < 4 || i > 6) badTime(s);
    expect(s, i, '-');
    const std::int64_t month = digits(s, i, 2);
    expect(s, i, '-');
    const std::int64_t day = digits(s, i, 2);
    if (month < 1 || month > 12 || day < 1 || day > 31) badTime(s);
    std::int64_t micros = 0;
    if (i < s.size() && (s[i] == ' ' || s[i] == 'T') && i + 1 < s.size() && isDigit(s[i + 1])) {
        ++i;
        micros = clockTime(s, i, 24);
        if (i < s.size() && s[i] == 'Z') {
            ++i;
        } else if (i < s.size() && (s[i] == '+' || s[i] == '-')) {  // an offset: back to UTC
            const std::int64_t sign = s[i++] == '+' ? 1 : -1;
            std::int64_t offset = digits(s, i, 2) * 3600;
            if (i < s.size() && s[i] == ':') ++i;
            if (i < s.size() && isDigit(s[i])) offset += digits(s, i, 2) * 60;
            if (i < s.size() && s[i] == ':') {
                ++i;
                offset += digits(s, i, 2);
            }
            micros -= sign * offset * 1000000;
        }
    }
    const bool bc = era(s, i);
    if (i != s.size()) badTime(s);
    return daysFromCivil(bc ? 1 - year : year, static_cast<unsigned>(month), static_cast<unsigned>(day)) * microsPerDay +
           micros;
}

namespace {
// HH:MM:SS and the fraction, of a non-negative count of microseconds.
void appendClock(std::string& out, std::int64_t micros, int fractionDigits) {
    const std::int64_t secs = micros / 1000000;
    char buf[32];
    std::snprintf(buf, sizeof buf, "%02lld:%02lld:%02lld", static_cast<long long>(secs / 3600),
                  static_cast<long long>(secs / 60 % 60), static_cast<long long>(secs % 60));
    out += buf;
    appendFraction(out, micros % 1000000, fractionDigits);
}
}  // namespace

std::string formatTimestampMicros(std::int64_t micros, int fractionDigits, std::string_view offset) {
    const std::int64_t days = floorDiv(micros, microsPerDay);
    const std::int64_t rest = micros - days * microsPerDay;
    bool bc = false;
    std::string out = formatDate(days, bc);
    out += ' ';
    appendClock(out, rest, fractionDigits);
    out += offset;
    if (bc) out += " BC";
    return out;
}

std::string formatDateDays(std::int64_t days) {
    bool bc = false;
    std::string out = formatDate(days, bc);
    if (bc) out += " BC";
    return out;
}

std::int64_t parseTimeMicros(std::string_view s) {
    std::size_t i = 0;
    const bool negative = !s.empty() && s[0] == '-';
    if (negative) ++i;
    const std::int64_t micros = clockTime(s, i, 838);
    // PostgreSQL's time with time zone ("10:20:30+02") has no std::chrono counterpart.
    if (i != s.size()) badTime(s);
    return negative ? -micros : micros;
}

std::string formatTimeMicros(std::int64_t micros, int fractionDigits) {
    std::string out = micros < 0 ? "-" : "";
    const std::int64_t m = micros < 0 ? -micros : micros;
    appendClock(out, m, fractionDigits);
    return out;
}

// ---- array elements ----------------------------------------------------------------------------

namespace {
const std::string& present(const std::optional<std::string>& value) {
    if (!value) throw Error(ErrorCategory::mapping, "an array element is NULL but the member's element type is not std::optional");
    return *value;
}
}  // namespace

std::string_view ValueCursor::text(std::size_t) const { return present(value_); }

std::int64_t ValueCursor::integer(std::size_t) const {
    const std::string& s = present(value_);
    if (s == "t" || s == "true") return 1;
    if (s == "f" || s == "false") return 0;
    std::int64_t v = 0;
    auto r = std::from_chars(s.data(), s.data() + s.size(), v);
    if (r.ec != std::errc() || r.ptr != s.data() + s.size())
        throw Error(ErrorCategory::mapping, "array element \"" + s + "\" is not an integer");
    return v;
}
double ValueCursor::real(std::size_t) const {
    const std::string& s = present(value_);
    if (s == "NaN") return NAN;
    if (s == "Infinity") return INFINITY;
    if (s == "-Infinity") return -INFINITY;
    double v = 0;
    auto r = std::from_chars(s.data(), s.data() + s.size(), v);
    if (r.ec != std::errc() || r.ptr != s.data() + s.size())
        throw Error(ErrorCategory::mapping, "array element \"" + s + "\" is not a number");
    return v;
}
}  // namespace drizzle::detail

std::string drizzle::driver::encodeHex(std::string_view bytes) {
    static constexpr char hex[] = "0123456789abcdef";
    std::string text = "\\x";
    text.reserve(2 + 2 * bytes.size());
    for (unsigned char c : bytes) {
        text += hex[c >> 4];
        text += hex[c & 15];
    }
    return text;
}

bool drizzle::driver::decodeHex(std::string_view hex, std::string& out) {
    if (hex.size() >= 2 && hex[0] == '\\' && hex[1] == 'x') hex.remove_prefix(2);
    if (hex.size() % 2 != 0) return false;
    auto digit = [](char c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    };
    out.resize(hex.size() / 2);
    for (std::size_t i = 0; i < out.size(); ++i) {
        const int high = digit(hex[2 * i]), low = digit(hex[2 * i + 1]);
        if (high < 0 || low < 0) return false;
        out[i] = static_cast<char>(high << 4 | low);
    }
    return true;
}

namespace drizzle::detail {

std::string_view ValueCursor::bytes(std::size_t) const {
    const std::string& s = present(value_);
    if (s.size() < 2 || s[0] != '\\' || s[1] != 'x') return s;  // not an array of bytea
    if (!driver::decodeHex(s, decoded_)) throw Error(ErrorCategory::mapping, "array element is not bytea hex text");
    return decoded_;
}

}  // namespace drizzle::detail

// ---- a bound value read back (placeholders meeting a column codec) -----------------------------

namespace drizzle::detail {

namespace {
[[noreturn]] void notA(std::string_view what) {
    throw Error(ErrorCategory::mapping, "a placeholder's value is not " + std::string(what) + " as its column needs");
}
}  // namespace

bool ParamCursor::isNull(std::size_t) const { return std::holds_alternative<std::nullptr_t>(value_); }

std::int64_t ParamCursor::integer(std::size_t) const {
    if (const auto* i = std::get_if<std::int64_t>(&value_)) return *i;
    notA("an integer");
}
double ParamCursor::real(std::size_t) const {
    if (const auto* d = std::get_if<double>(&value_)) return *d;
    if (const auto* i = std::get_if<std::int64_t>(&value_)) return static_cast<double>(*i);
    notA("a number");
}
std::string_view ParamCursor::text(std::size_t) const {
    if (const auto* s = std::get_if<std::string>(&value_)) return *s;
    if (const auto* i = std::get_if<std::int64_t>(&value_)) return text_ = std::to_string(*i);
    notA("text");
}
std::string_view ParamCursor::bytes(std::size_t) const {
    if (const auto* b = std::get_if<driver::Bytes>(&value_)) return b->data;
    if (const auto* s = std::get_if<std::string>(&value_)) return *s;
    notA("bytes");
}

}  // namespace drizzle::detail

// ---- text forms ---------------------------------------------------------------------------------

namespace drizzle {

namespace {
int hexValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}
}  // namespace

Uuid Uuid::parse(std::string_view text) {
    std::string_view s = text;
    if (s.size() >= 2 && s.front() == '{' && s.back() == '}') s = s.substr(1, s.size() - 2);
    Uuid out;
    std::size_t n = 0;  // hex digits read
    for (std::size_t i = 0; i < s.size(); ++i) {
        // PostgreSQL takes a hyphen after any group of four digits.
        if (s[i] == '-' && n % 4 == 0 && n > 0 && n < 32 && i + 1 < s.size() && s[i + 1] != '-') continue;
        const int v = hexValue(s[i]);
        if (v < 0 || n >= 32) {
            n = 33;
            break;
        }
        out.bytes[n / 2] = static_cast<std::uint8_t>(n % 2 ? out.bytes[n / 2] | v : v << 4);
        ++n;
    }
    if (n != 32) throw Error(ErrorCategory::mapping, "not a UUID: \"" + std::string(text) + "\"");
    return out;
}

std::string Uuid::toString() const {
    static constexpr char hex[] = "0123456789abcdef";
    std::string out;
    out.reserve(36);
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
        out += hex[bytes[i] >> 4];
        out += hex[bytes[i] & 15];
    }
    return out;
}

namespace {
// "(1.5,-2)" or "{1,-1,0}": `count` numbers between `open` and `close`, comma-separated.
void parseNumbers(std::string_view text, char open, char close, double* out, std::size_t count, const char* what) {
    std::string_view s = text;
    auto fail = [&] { throw Error(ErrorCategory::mapping, std::string("not a ") + what + ": \"" + std::string(text) + "\""); };
    if (s.size() < 2 || s.front() != open || s.back() != close) fail();
    s = s.substr(1, s.size() - 2);
    for (std::size_t k = 0; k < count; ++k) {
        while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
        auto r = std::from_chars(s.data(), s.data() + s.size(), out[k]);
        if (r.ec != std::errc()) fail();
        s.remove_prefix(static_cast<std::size_t>(r.ptr - s.data()));
        if (k + 1 < count) {
            if (s.empty() || s.front() != ',') fail();
            s.remove_prefix(1);
        }
    }
    if (!s.empty()) fail();
}
std::string number(double v) {
    char buf[32];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, r.ptr);
}
}  // namespace

namespace pg {

Point Point::parse(std::string_view text) {
    double v[2];
    parseNumbers(text, '(', ')', v, 2, "point");
    return {v[0], v[1]};
}
std::string Point::toString() const { return "(" + number(x) + "," + number(y) + ")"; }

Line Line::parse(std::string_view text) {
    double v[3];
    parseNumbers(text, '{', '}', v, 3, "line");
    return {v[0], v[1], v[2]};
}
std::string Line::toString() const { return "{" + number(a) + "," + number(b) + "," + number(c) + "}"; }

namespace detail {

void VectorText::read(const driver::Cursor& row, std::size_t c, std::vector<float>& out) {
    const std::string_view text = row.text(c);
    auto fail = [&] { throw Error(ErrorCategory::mapping, "not a vector: \"" + std::string(text.substr(0, 80)) + "\""); };
    if (text.size() < 2 || text.front() != '[' || text.back() != ']') fail();
    out.clear();
    std::string_view s = text.substr(1, text.size() - 2);
    while (!s.empty()) {
        float v = 0;
        auto r = std::from_chars(s.data(), s.data() + s.size(), v);
        if (r.ec != std::errc()) fail();
        out.push_back(v);
        s.remove_prefix(static_cast<std::size_t>(r.ptr - s.data()));
        if (!s.empty() && s.front() == ',') s.remove_prefix(1);
        else if (!s.empty()) fail();
    }
}
driver::Param VectorText::write(const std::vector<float>& value) {
    std::string out = "[";
    for (float v : value) {
        if (out.size() > 1) out += ',';
        char buf[32];
        auto r = std::to_chars(buf, buf + sizeof buf, v);
        out.append(buf, r.ptr);
    }
    return out + "]";
}

void GeometryPoint::read(const driver::Cursor& row, std::size_t c, Point& out) {
    // EWKB: byte order, type (with PostGIS's SRID/Z/M flags), [SRID], x, y.
    const std::string_view hex = row.text(c);
    auto fail = [&] { throw Error(ErrorCategory::mapping, "not a PostGIS point: \"" + std::string(hex.substr(0, 80)) + "\""); };
    std::string bytes;
    for (std::size_t i = 0; i + 1 < hex.size(); i += 2) {
        const int high = hexValue(hex[i]), low = hexValue(hex[i + 1]);
        if (high < 0 || low < 0) fail();
        bytes += static_cast<char>(high << 4 | low);
    }
    if (bytes.size() < 21 || (bytes[0] != 0 && bytes[0] != 1)) fail();
    const bool little = bytes[0] == 1;
    std::size_t at = 1;
    auto take = [&](std::size_t n) {
        if (at + n > bytes.size()) fail();
        std::uint64_t v = 0;
        for (std::size_t k = 0; k < n; ++k) {
            const auto b = static_cast<std::uint64_t>(static_cast<unsigned char>(bytes[at + (little ? n - 1 - k : k)]));
            v = v << 8 | b;
        }
        at += n;
        return v;
    };
    const auto type = static_cast<std::uint32_t>(take(4));
    if ((type & 0xffff) % 1000 != 1) fail();  // a point (ISO's 1001, 2001, 3001 too)
    if (type & 0x20000000) take(4);             // SRID
    const std::uint64_t x = take(8), y = take(8);
    std::memcpy(&out.x, &x, sizeof x);
    std::memcpy(&out.y, &y, sizeof y);
}
driver::Param GeometryPoint::write(const Point& value) { return "POINT(" + number(value.x) + " " + number(value.y) + ")"; }

}  // namespace detail
}  // namespace pg

namespace sqlite::detail {

void DecimalBlob::read(const driver::Cursor& row, std::size_t c, std::int64_t& out) {
    const std::string_view digits = row.bytes(c);
    auto r = std::from_chars(digits.data(), digits.data() + digits.size(), out);
    if (r.ec != std::errc() || r.ptr != digits.data() + digits.size())
        throw Error(ErrorCategory::mapping, "column \"" + std::string(row.columnName(c)) + "\": \"" +
                                              std::string(digits.substr(0, 40)) + "\" is not a bigint's digits");
}

}  // namespace sqlite::detail
}  // namespace drizzle

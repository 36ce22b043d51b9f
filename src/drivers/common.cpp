// Text helpers every driver uses to build its messages and parameters.
#include <array>
#include <charconv>
#include <cmath>
#include <string>

#include "drivers/driver_internal.hpp"

namespace drizzle::driver::detail {

std::string sqlExcerpt(std::string_view sql) {
    constexpr std::size_t limit = 200;
    std::string out = oneLine(sql.substr(0, limit * 4));
    if (out.size() > limit || sql.size() > limit * 4) {
        if (out.size() > limit) out.resize(limit);
        // Never cut a UTF-8 character in two.
        while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80) out.pop_back();
        if (!out.empty() && (static_cast<unsigned char>(out.back()) & 0x80) != 0) out.pop_back();
        out += "...";
    }
    return out;
}

std::string secretOf(const Endpoint& endpoint) {
    const std::string& password = endpoint.password;
    if (password.size() < 4) return {};
    for (const std::string* shown : {&endpoint.user, &endpoint.host, &endpoint.database})
        if (shown->find(password) != std::string::npos) return {};
    return password;
}

std::string redact(std::string text, std::string_view secret) {
    if (secret.empty()) return text;
    for (std::size_t at = text.find(secret); at != std::string::npos; at = text.find(secret, at + 4))
        text.replace(at, secret.size(), "****");
    return text;
}

Error statementError(ErrorCategory category, std::string_view database, std::string nativeCode,
                     std::string_view message, std::string_view sql, std::string hint,
                     std::string_view secret) {
    std::string text = std::string(database) + " error";
    if (!nativeCode.empty()) text += " " + nativeCode;
    text += ": " + oneLine(message);
    if (!sql.empty()) text += "; SQL: " + sqlExcerpt(sql);
    return Error(category, redact(std::move(text), secret), redact(std::move(hint), secret),
                 std::move(nativeCode));
}

std::size_t characterPosition(std::string_view sql, std::size_t offset) {
    std::size_t characters = 1;
    for (std::size_t i = 0; i < offset && i < sql.size(); ++i)
        if ((static_cast<unsigned char>(sql[i]) & 0xC0) != 0x80) ++characters;  // not a continuation byte
    return characters;
}

void checkParamCount(std::size_t placeholders, std::size_t given, std::string_view sql) {
    if (placeholders == given) return;
    throw Error(ErrorCategory::internal,
                "the statement has " + std::to_string(placeholders) + " placeholders but " +
                    std::to_string(given) + " parameters were given; SQL: " + sqlExcerpt(sql),
                "pass one parameter per '?' in the SQL");
}

std::string_view writeDouble(double value, NumberText& buffer) {
    std::string_view special;
    if (std::isnan(value)) special = "NaN";
    else if (std::isinf(value)) special = value > 0 ? "Infinity" : "-Infinity";
    if (!special.empty()) {
        special.copy(buffer.data(), special.size());
        buffer[special.size()] = '\0';
        return {buffer.data(), special.size()};
    }
    // The shortest round-tripping text is at most 24 characters, so the NUL always fits.
    auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size() - 1, value);
    (void)ec;
    *end = '\0';
    return {buffer.data(), static_cast<std::size_t>(end - buffer.data())};
}

std::string_view writeInteger(std::int64_t value, NumberText& buffer) {
    auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size() - 1, value);
    (void)ec;  // 20 characters hold every int64
    *end = '\0';
    return {buffer.data(), static_cast<std::size_t>(end - buffer.data())};
}
}  // namespace drizzle::driver::detail

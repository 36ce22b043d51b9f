// Connection URLs: postgres://user:password@host:port/database?sslmode=require and
// mysql://user:password@host:port/database, parsed into an Endpoint, and masked for messages.
#include <cctype>
#include <string>

#include "drivers/driver_internal.hpp"

namespace drizzle::driver {

namespace {

constexpr std::string_view schemeSeparator = "://";

// Where the user information ends: the last '@' after the scheme (npos when there is none).
std::size_t userInfoEnd(std::string_view rest) { return rest.rfind('@'); }

}  // namespace

std::string maskPassword(std::string_view url) {
    std::string out(url);
    // Without a scheme ("user:password@host/db", a mistyped URL) the user information starts
    // the text.
    const std::size_t scheme = out.find(schemeSeparator);
    const std::size_t start = scheme == std::string::npos ? 0 : scheme + schemeSeparator.size();
    const std::size_t at = userInfoEnd(std::string_view(out).substr(start));
    if (at != std::string::npos) {
        const std::size_t colon = out.find(':', start);
        if (colon != std::string::npos && colon < start + at) out.replace(colon + 1, start + at - colon - 1, "****");
    }
    // libpq also reads a password from the query string.
    for (std::size_t key = out.find("password="); key != std::string::npos; key = out.find("password=", key + 1)) {
        if (key > 0 && out[key - 1] != '?' && out[key - 1] != '&') continue;
        const std::size_t value = key + 9;
        const std::size_t end = out.find('&', value);
        out.replace(value, (end == std::string::npos ? out.size() : end) - value, "****");
    }
    return out;
}

namespace detail {

namespace {

[[noreturn]] void badUrl(std::string_view url, const std::string& problem, std::string hint = {}) {
    if (hint.empty())
        hint = "write it as scheme://user:password@host:port/database, percent-encoding special characters";
    throw Error(ErrorCategory::config, "invalid database URL " + maskPassword(url) + ": " + problem, std::move(hint));
}

std::string percentDecode(std::string_view text, std::string_view url) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '%') {
            out += text[i];
            continue;
        }
        auto hex = [](char c) -> int {
            if (c >= '0' && c <= '9') return c - '0';
            if (c >= 'a' && c <= 'f') return c - 'a' + 10;
            if (c >= 'A' && c <= 'F') return c - 'A' + 10;
            return -1;
        };
        const int high = i + 2 < text.size() ? hex(text[i + 1]) : -1;
        const int low = i + 2 < text.size() ? hex(text[i + 2]) : -1;
        if (high < 0 || low < 0) badUrl(url, "'%' must be followed by two hexadecimal digits", "write a literal '%' as %25");
        out += static_cast<char>(high * 16 + low);
        i += 2;
    }
    return out;
}

bool schemeFits(std::string_view scheme, Dialect dialect) {
    for (std::string_view s : traitsOf(dialect).urlSchemes)
        if (!s.empty() && scheme == s) return true;
    return false;
}

}  // namespace

Endpoint parseServerUrl(std::string_view url, Dialect dialect) {
    const std::size_t schemeEnd = url.find(schemeSeparator);
    const auto& schemes = traitsOf(dialect).urlSchemes;
    const std::string expected = std::string(schemes[0]) + ":// or " + std::string(schemes[1]) + "://";
    if (schemeEnd == std::string_view::npos)
        badUrl(url, "a " + std::string(dialectName(dialect)) + " URL starts with " + expected);
    std::string scheme(url.substr(0, schemeEnd));
    for (char& c : scheme) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (!schemeFits(scheme, dialect))
        badUrl(url, "the dialect is " + std::string(dialectName(dialect)) + ", so the URL must start with " + expected,
               "use a URL for the database the config's dialect names");

    Endpoint endpoint;
    std::string_view rest = url.substr(schemeEnd + schemeSeparator.size());
    if (const std::size_t at = userInfoEnd(rest); at != std::string_view::npos) {
        const std::string_view userInfo = rest.substr(0, at);
        const std::size_t colon = userInfo.find(':');
        endpoint.user = percentDecode(userInfo.substr(0, colon), url);
        if (colon != std::string_view::npos) endpoint.password = percentDecode(userInfo.substr(colon + 1), url);
        rest = rest.substr(at + 1);
    }

    std::string_view query;
    if (const std::size_t q = rest.find('?'); q != std::string_view::npos) {
        query = rest.substr(q + 1);
        rest = rest.substr(0, q);
    }
    std::string_view hostPort = rest;
    if (const std::size_t slash = rest.find('/'); slash != std::string_view::npos) {
        hostPort = rest.substr(0, slash);
        endpoint.database = percentDecode(rest.substr(slash + 1), url);
    }

    std::string_view portText;
    if (!hostPort.empty() && hostPort.front() == '[') {  // [::1]:5432
        const std::size_t close = hostPort.find(']');
        if (close == std::string_view::npos) badUrl(url, "an IPv6 host opened with '[' is not closed with ']'");
        endpoint.host = std::string(hostPort.substr(1, close - 1));
        const std::string_view after = hostPort.substr(close + 1);
        if (!after.empty() && after.front() != ':') badUrl(url, "unexpected text after the IPv6 host");
        if (!after.empty()) portText = after.substr(1);
    } else {
        const std::size_t colon = hostPort.rfind(':');
        endpoint.host = percentDecode(hostPort.substr(0, colon), url);
        if (colon != std::string_view::npos) portText = hostPort.substr(colon + 1);
    }
    if (!portText.empty()) {
        int port = 0;
        for (char c : portText) {
            if (c < '0' || c > '9' || port > 65535) badUrl(url, "the port must be a number from 1 to 65535");
            port = port * 10 + (c - '0');
        }
        if (port < 1 || port > 65535) badUrl(url, "the port must be a number from 1 to 65535");
        endpoint.port = port;
    }

    while (!query.empty()) {
        const std::size_t amp = query.find('&');
        const std::string_view pair = query.substr(0, amp);
        query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
        if (pair.empty()) continue;
        const std::size_t eq = pair.find('=');
        std::string key = percentDecode(pair.substr(0, eq), url);
        std::string value = eq == std::string_view::npos ? std::string() : percentDecode(pair.substr(eq + 1), url);
        if (key == "sslmode" || key == "ssl" || key == "ssl-mode")
            endpoint.ssl = std::move(value);
        else if (key == "password")
            endpoint.password = std::move(value);
        else if (key == "user")
            endpoint.user = std::move(value);
        else
            endpoint.options.emplace_back(std::move(key), std::move(value));
    }
    return endpoint;
}

std::string describeEndpoint(Dialect dialect, const Endpoint& endpoint) {
    std::string out = std::string(traitsOf(dialect).urlSchemes[0]) + "://";
    if (!endpoint.user.empty() || !endpoint.password.empty()) {
        out += endpoint.user;
        if (!endpoint.password.empty()) out += ":****";
        out += '@';
    }
    const bool ipv6 = endpoint.host.find(':') != std::string::npos;
    out += ipv6 ? "[" + endpoint.host + "]" : endpoint.host;
    if (endpoint.port) out += ":" + std::to_string(*endpoint.port);
    out += "/" + endpoint.database;
    if (!endpoint.ssl.empty()) out += "?" + std::string(traitsOf(dialect).sslParameter) + "=" + endpoint.ssl;
    return out;
}

}  // namespace detail

}  // namespace drizzle::driver

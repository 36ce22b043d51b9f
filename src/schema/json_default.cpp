#include "schema/json_default.hpp"

#include <cstdio>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "schema/sql_types.hpp"

namespace drizzle::detail {

namespace {

// JSON.stringify's string: the short escapes, other control characters as \u00xx, the rest
// (non-ASCII included) as it is.
void writeString(std::string& out, const std::string& s) {
    out += '"';
    for (unsigned char c : s) {
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                if (c < 0x20) {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\u%04x", c);
                    out += buf;
                } else {
                    out += static_cast<char>(c);
                }
        }
    }
    out += '"';
}

void write(std::string& out, const nlohmann::ordered_json& v) {
    switch (v.type()) {
        case nlohmann::json::value_t::object: {
            out += '{';
            bool first = true;
            for (const auto& [key, value] : v.items()) {
                if (!first) out += ',';
                first = false;
                writeString(out, key);
                out += ':';
                write(out, value);
            }
            out += '}';
            break;
        }
        case nlohmann::json::value_t::array: {
            out += '[';
            for (std::size_t i = 0; i < v.size(); ++i) {
                if (i) out += ',';
                write(out, v[i]);
            }
            out += ']';
            break;
        }
        case nlohmann::json::value_t::string: writeString(out, v.get<std::string>()); break;
        case nlohmann::json::value_t::boolean: out += v.get<bool>() ? "true" : "false"; break;
        case nlohmann::json::value_t::null: out += "null"; break;
        // JavaScript numbers are doubles: 1.0 is 1, and 2^53 + 1 reads back as 2^53.
        case nlohmann::json::value_t::number_integer: out += formatDouble(static_cast<double>(v.get<std::int64_t>())); break;
        case nlohmann::json::value_t::number_unsigned: out += formatDouble(static_cast<double>(v.get<std::uint64_t>())); break;
        case nlohmann::json::value_t::number_float: out += formatDouble(v.get<double>()); break;
        default: throw std::invalid_argument("not a JSON value");
    }
}

}  // namespace

std::string stringifiedJson(std::string_view text) {
    nlohmann::ordered_json value;
    try {
        value = nlohmann::ordered_json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
        throw std::invalid_argument("the JSON default is not JSON (" + std::string(e.what()) + "): " + std::string(text));
    }
    std::string out;
    write(out, value);
    return out;
}

}  // namespace drizzle::detail

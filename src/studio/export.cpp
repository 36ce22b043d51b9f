// ExportWriter (export.hpp).
#include "studio/export.hpp"

#include <cctype>
#include <regex>

#include <nlohmann/json.hpp>

namespace drizzle::kit::studio {

namespace {

std::string csvField(const std::string& value) {
    const bool quote = value.empty() || value.find_first_of(",\"\r\n") != std::string::npos || value.front() == ' ' ||
                       value.back() == ' ';
    if (!quote) return value;
    std::string out = "\"";
    for (char c : value) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

std::string jsonString(const std::string& value) {
    return nlohmann::json(value).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// The database's text of a number, when JSON can carry it as written (not NaN, Infinity, "1e").
bool isJsonNumber(const std::string& text) {
    static const std::regex number(R"(-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?)");
    return std::regex_match(text, number);
}

}  // namespace

ExportWriter::ExportWriter(std::string format, std::vector<const ColumnInfo*> columns)
    : format_(std::move(format)), columns_(std::move(columns)) {
    if (format_ == "csv") {
        for (std::size_t k = 0; k < columns_.size(); ++k) out_ += (k ? "," : "") + csvField(columns_[k]->name);
        out_ += "\r\n";
    } else {
        out_ = "[";
    }
}

void ExportWriter::row(const std::vector<std::optional<std::string>>& values) {
    if (format_ == "csv") {
        for (std::size_t k = 0; k < values.size(); ++k) {
            if (k) out_ += ',';
            if (values[k]) out_ += csvField(*values[k]);
        }
        out_ += "\r\n";
        return;
    }
    out_ += first_ ? "\n  {" : ",\n  {";
    first_ = false;
    for (std::size_t k = 0; k < values.size(); ++k) {
        out_ += (k ? ", " : "") + jsonString(columns_[k]->name) + ": ";
        const auto& v = values[k];
        const ValueKind kind = columns_[k]->kind;
        if (!v) out_ += "null";
        else if (kind == ValueKind::boolean) out_ += *v;  // "true" / "false"
        else if ((kind == ValueKind::integer || kind == ValueKind::number) && isJsonNumber(*v)) out_ += *v;
        else if (kind == ValueKind::json && nlohmann::json::accept(*v)) out_ += *v;  // as written: no number rounded
        else out_ += jsonString(*v);
    }
    out_ += "}";
}

std::string ExportWriter::finish() {
    if (format_ == "json") out_ += first_ ? "]\n" : "\n]\n";
    return std::move(out_);
}

std::string exportFileName(const std::string& table, const std::string& format) {
    std::string name;
    for (char c : table) name += std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.' ? c : '_';
    return (name.empty() ? "rows" : name) + "." + format;
}

}  // namespace drizzle::kit::studio

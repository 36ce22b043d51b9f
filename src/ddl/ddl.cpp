// Dispatch to the dialect generators, and the text helpers they share.
#include "drizzle/kit/ddl.hpp"

#include <algorithm>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "ddl/ddl_internal.hpp"
#include "drizzle/error.hpp"

namespace drizzle::kit::ddl {

const model::Table& detail::changedTable(const model::Schema& to, const Change& change) {
    const model::Table* table = to.table(change.schema, change.table);
    if (!table) throw std::logic_error("a " + std::string(changeKindName(change.kind)) + " change to table " + change.table +
                                       ", which the schema does not hold");
    return *table;
}

std::vector<std::string> createStatements(const model::Schema& schema) {
    std::vector<std::string> all;
    switch (schema.dialect) {
        case Dialect::postgresql: all = detail::pgCreateStatements(schema); break;
        case Dialect::sqlite: all = detail::sqliteCreateStatements(schema); break;
        case Dialect::mysql: all = detail::mysqlCreateStatements(schema); break;
    }
    // Drizzle Kit drops a statement identical to an earlier one; so do we, so that a model that
    // says the same thing twice yields the same file.
    std::vector<std::string> unique;
    unique.reserve(all.size());
    for (auto& s : all)
        if (std::find(unique.begin(), unique.end(), s) == unique.end()) unique.push_back(std::move(s));
    return unique;
}

std::vector<std::string> changeStatements(const Change& change, const model::Schema& to) {
    switch (to.dialect) {
        case Dialect::postgresql: return detail::pgChangeStatements(change, to);
        case Dialect::sqlite: return detail::sqliteChangeStatements(change, to);
        case Dialect::mysql: return detail::mysqlChangeStatements(change, to);
    }
    return {};
}

std::string quoteIdentifier(Dialect dialect, std::string_view name) {
    return detail::quoteName(name, traitsOf(dialect).ddlIdentifierQuote);
}

std::string joinStatements(const std::vector<std::string>& statements, bool breakpoints) {
    const std::string_view separator = breakpoints ? "--> statement-breakpoint\n" : "\n";
    std::string out;
    for (std::size_t i = 0; i < statements.size(); ++i) {
        if (i > 0) out += separator;
        out += statements[i];
    }
    return out;
}

namespace detail {

std::string quotedList(const std::vector<std::string>& names, char quote, std::string_view separator) {
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i > 0) out += separator;
        out += quoteName(names[i], quote);
    }
    return out;
}

std::string stringLiteral(std::string_view text) { return quoteName(text, '\''); }

std::string withOptionValue(std::string_view jsonLiteral) {
    auto parsed = nlohmann::json::parse(jsonLiteral, nullptr, false);
    if (parsed.is_string()) return parsed.get<std::string>();
    return std::string(jsonLiteral);
}

const std::string& viewDefinition(const model::View& view, std::string_view displayName) {
    if (!view.definition)
        throw Error(ErrorCategory::schema, "view " + std::string(displayName) + " has no definition",
                    "give the view its query, or mark it .existing() if the database already has it");
    return *view.definition;
}

bool isExpressionColumn(const model::Internal& internal, const model::Index& index, const model::IndexColumn& column) {
    if (column.isExpression) return true;
    return std::any_of(internal.indexes.begin(), internal.indexes.end(), [&](const model::InternalIndexHint& h) {
        return h.isExpression && h.index == index.name && h.column == column.expression;
    });
}

bool isParenthesized(std::string_view expr) {
    if (expr.size() < 2 || expr.front() != '(' || expr.back() != ')') return false;
    int depth = 0;
    char inQuote = 0;
    for (std::size_t i = 0; i < expr.size(); ++i) {
        char c = expr[i];
        if (inQuote) {
            if (c == inQuote) inQuote = 0;  // a doubled quote re-enters at once: same result
            continue;
        }
        if (c == '\'' || c == '"' || c == '`') inQuote = c;
        else if (c == '(') ++depth;
        else if (c == ')' && --depth == 0 && i + 1 != expr.size()) return false;
    }
    return depth == 0;
}

}  // namespace detail
}  // namespace drizzle::kit::ddl

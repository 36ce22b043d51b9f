// Spelling and reading a type by its dialect's table (column_types.hpp).
#include "schema/column_types.hpp"

#include <cctype>
#include <charconv>

namespace drizzle::detail {

namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    return s;
}

bool endsWith(std::string_view s, std::string_view p) {
    return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

std::optional<std::int32_t> toInt(std::string_view s) {
    std::int32_t v = 0;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (s.empty() || ec != std::errc() || end != s.data() + s.size() || v < 0) return std::nullopt;
    return v;
}

// Drops `suffix` from the end of `s`; true when it was there.
bool dropSuffix(std::string_view& s, std::string_view suffix) {
    if (!endsWith(s, suffix)) return false;
    s.remove_suffix(suffix.size());
    s = trim(s);
    return true;
}

// enum('a','b''c') -> a, b'c: a quote or (MySQL) a backslash inside a literal is doubled.
std::optional<std::vector<std::string>> readValueList(std::string_view inner) {
    std::vector<std::string> values;
    std::size_t i = 0;
    while (i < inner.size()) {
        if (inner[i] != '\'') return std::nullopt;
        std::string v;
        for (++i;; ++i) {
            if (i >= inner.size()) return std::nullopt;
            if ((inner[i] == '\'' || inner[i] == '\\') && i + 1 < inner.size() && inner[i + 1] == inner[i]) {
                v += inner[i++];
                continue;
            }
            if (inner[i] == '\'') break;
            v += inner[i];
        }
        values.push_back(std::move(v));
        if (++i < inner.size() && inner[i++] != ',') return std::nullopt;
    }
    return values;
}

// "name(a, b)" -> name and {a, b}; no parentheses: no arguments.
struct Pieces {
    std::string_view head;
    std::vector<std::string_view> args;
};
std::optional<Pieces> splitArgs(std::string_view t) {
    Pieces p;
    const auto open = t.find('(');
    if (open == std::string_view::npos) {
        p.head = t;
        return p;
    }
    if (t.back() != ')' || t.find(')') != t.size() - 1) return std::nullopt;
    p.head = trim(t.substr(0, open));
    std::string_view inner = t.substr(open + 1, t.size() - open - 2);
    while (true) {
        const auto comma = inner.find(',');
        p.args.push_back(trim(inner.substr(0, comma)));
        if (comma == std::string_view::npos) break;
        inner.remove_prefix(comma + 1);
    }
    return p;
}

bool namedAs(const ColumnType& type, std::string_view head, bool catalog) {
    if (head == type.name) return true;
    if (!catalog) return false;
    for (std::string_view alias : type.catalogNames)
        if (!alias.empty() && head == alias) return true;
    return false;
}

// Reads the arguments `pieces` holds for `type`'s shape into `v`.
bool readArgs(const Pieces& pieces, std::string_view fields, TypeValue& v, bool catalog) {
    const auto& args = pieces.args;
    auto number = [&](std::size_t i, std::int32_t& field) {
        auto n = toInt(args[i]);
        if (n) field = *n;
        return n.has_value();
    };
    switch (v.type->shape) {
        case TypeShape::plain: return args.empty() || (catalog && v.type->catalogIgnoresArgs);
        case TypeShape::length:
        case TypeShape::sized:
            if (args.size() > 1 || (args.size() == 1 && !number(0, v.length))) return false;
            return v.type->shape == TypeShape::length || v.length >= 0 || catalog;
        case TypeShape::fsp:
        case TypeShape::time:
        case TypeShape::timestamp:
            return args.size() <= 1 && (args.empty() || number(0, v.precision));
        case TypeShape::interval:
            v.subtype = std::string(fields);
            return args.size() <= 1 && (args.empty() || number(0, v.precision));
        case TypeShape::decimal:
            return args.size() <= 2 && (args.empty() || number(0, v.precision)) &&
                   (args.size() < 2 || number(1, v.scale));
        case TypeShape::geometry:
            if (args.size() > 2 || (args.size() == 1 && args[0].empty())) return false;
            if (!args.empty()) v.subtype = std::string(args[0]);
            if (catalog)
                for (auto& c : v.subtype) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            return args.size() < 2 || number(1, v.srid);
        case TypeShape::valueList: return false;  // read whole, before the arguments are split
    }
    return false;
}

// The catalog shows some arguments nobody declared: numeric(10,0), MySQL's char(1), decimal(10,0).
void dropCatalogDefaults(TypeValue& v) {
    const ColumnType& t = *v.type;
    if (t.catalogDropsZeroScale && v.scale == 0) v.scale = -1;
    if (t.catalogDefault >= 0) {
        if (t.shape == TypeShape::decimal && v.scale < 0 && v.precision == t.catalogDefault) v.precision = -1;
        if (t.shape == TypeShape::length && v.length == t.catalogDefault) v.length = -1;
    }
}

std::optional<TypeValue> parse(Dialect dialect, std::string_view text, bool catalog) {
    std::span<const ColumnType> types = columnTypes(dialect);
    TypeValue v;
    text = trim(text);
    if (catalog)
        for (const auto& t : types)
            if (!t.catalogExact.empty() && text == t.catalogExact) {
                v.type = &t;
                return v;
            }
    if (!catalog)
        while (dropSuffix(text, "[]")) ++v.dimensions;
    if (text.starts_with("enum(") && text.back() == ')') {
        auto values = readValueList(text.substr(5, text.size() - 6));
        for (const auto& t : types)
            if (values && t.shape == TypeShape::valueList && !v.dimensions) {
                v.type = &t;
                v.values = std::move(*values);
                return v;
            }
        return std::nullopt;
    }
    const bool unsignedSuffix = dropSuffix(text, " unsigned");
    bool timeZone = dropSuffix(text, " with time zone");
    const bool noTimeZone = !timeZone && dropSuffix(text, " without time zone");
    const auto pieces = splitArgs(text);
    if (!pieces) return std::nullopt;
    for (const auto& t : types) {
        std::string_view fields;
        if (t.shape == TypeShape::interval && pieces->head.starts_with(t.name) &&
            (pieces->head.size() == t.name.size() || pieces->head[t.name.size()] == ' '))
            fields = trim(pieces->head.substr(t.name.size()));
        else if (!namedAs(t, pieces->head, catalog))
            continue;
        v.type = &t;
        const bool zoned = t.shape == TypeShape::time || t.shape == TypeShape::timestamp;
        if ((timeZone || noTimeZone) && !zoned) return std::nullopt;
        if (unsignedSuffix && t.unsignedMember.empty() && !t.unsignedOption) return std::nullopt;
        if (v.dimensions && !t.arrays) return std::nullopt;
        v.withTimezone = timeZone;
        v.isUnsigned = unsignedSuffix;
        if (!readArgs(*pieces, fields, v, catalog)) return std::nullopt;
        if (catalog) dropCatalogDefaults(v);
        return v;
    }
    return std::nullopt;
}

std::string withArgument(std::string_view before, std::int32_t n) {
    return n >= 0 ? std::string(before) + "(" + std::to_string(n) + ")" : std::string();
}

}  // namespace

std::span<const ColumnType> columnTypes(Dialect dialect) {
    switch (dialect) {
        case Dialect::postgresql: return pgColumnTypes();
        case Dialect::sqlite: return sqliteColumnTypes();
        case Dialect::mysql: return mysqlColumnTypes();
    }
    return {};
}

const ColumnType* findColumnType(Dialect dialect, std::string_view kind) {
    for (const auto& t : columnTypes(dialect))
        if (t.name == kind && !t.function.empty()) return &t;
    return nullptr;
}

std::string spellType(Dialect dialect, const TypeValue& v) {
    const ColumnType& t = *v.type;
    std::string s(t.name);
    switch (t.shape) {
        case TypeShape::plain: break;
        case TypeShape::length:
        case TypeShape::sized: s += withArgument("", v.length); break;
        case TypeShape::fsp:
        case TypeShape::time: s += withArgument("", v.precision); break;
        case TypeShape::timestamp: s += withArgument(" ", v.precision); break;
        case TypeShape::interval:
            if (!v.subtype.empty()) s += " " + v.subtype;
            s += withArgument("", v.precision);
            break;
        case TypeShape::decimal:
            if (v.precision >= 0) {
                s += "(" + std::to_string(v.precision);
                if (v.scale >= 0) s += std::string(t.separator) + std::to_string(v.scale);
                s += ")";
            }
            break;
        case TypeShape::geometry:
            if (!v.subtype.empty()) {
                s += "(" + v.subtype;
                if (v.srid >= 0) s += "," + std::to_string(v.srid);
                s += ")";
            }
            break;
        case TypeShape::valueList:
            s += "(";
            for (std::size_t i = 0; i < v.values.size(); ++i) s += (i ? "," : "") + quoteString(dialect, v.values[i]);
            s += ")";
            break;
    }
    if (v.withTimezone) s += " with time zone";
    if (v.isUnsigned) s += " unsigned";
    for (int i = 0; i < v.dimensions; ++i) s += "[]";
    return s;
}

std::optional<TypeValue> readType(Dialect dialect, std::string_view text) {
    auto v = parse(dialect, text, false);
    if (!v || spellType(dialect, *v) != text) return std::nullopt;
    return v;
}

std::string normaliseCatalogType(Dialect dialect, std::string_view text) {
    // MySQL's zerofill is an attribute of the display, after the type: kept as it is.
    if (std::string_view rest = text; dialect == Dialect::mysql && dropSuffix(rest, " zerofill"))
        return normaliseCatalogType(dialect, rest) + " zerofill";
    std::string lowered(text);
    // MySQL reports some types in upper case; SQLite keeps the declared case. PostgreSQL's
    // spelling is lower case but for a quoted name (and a PostGIS type, read below).
    if (dialect != Dialect::postgresql) {
        bool quoted = false;
        for (auto& c : lowered) {
            if (c == '\'') quoted = !quoted;
            if (!quoted) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
    }
    auto v = parse(dialect, lowered, true);
    // SQLite keeps a declared type as written; only the five names it defines read in lower case.
    if (!v || (dialect == Dialect::sqlite && lowered != v->type->name)) return std::string(text);
    return spellType(dialect, *v);
}

}  // namespace drizzle::detail

#include "codegen/column_code.hpp"

#include <charconv>
#include <cstdint>
#include <optional>
#include <vector>

#include "codegen/naming.hpp"
#include "schema/sql_types.hpp"

namespace drizzle::codegen {

namespace {

using detail::ColumnSpec;
using detail::DefaultSpec;
using detail::TypeArgs;

// A candidate declaration: the DSL function, its spec as the DSL would fill it, and the C++.
struct Candidate {
    std::string kind;  // ColumnSpec::kind
    TypeArgs args;
    std::vector<std::string> values;  // enum values (args.values points into `pointers`)
    std::vector<const char*> pointers;
    std::string subtype;  // interval fields, geometry type (args.subtype points here)
    std::string function, options, valueType;
    bool implicitNotNull = false;
    bool isEnum = false;
};

std::string nsOf(Dialect d) { return d == Dialect::postgresql ? "pg" : std::string(dialectName(d)); }

std::string trim(std::string_view s) {
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    return std::string(s);
}

bool startsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool endsWith(std::string_view s, std::string_view p) { return s.size() >= p.size() && s.substr(s.size() - p.size()) == p; }

std::optional<int> toInt(std::string_view s) {
    s = std::string_view(s.data(), s.size());
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    int v = 0;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
    return v;
}

// "name(a, b) rest" -> name, {a, b}, rest.
struct Call {
    std::string name;
    std::vector<std::string> args;
    std::string rest;
};
Call splitCall(std::string_view t) {
    Call c;
    const auto open = t.find('(');
    if (open == std::string_view::npos) {
        c.name = trim(t);
        return c;
    }
    const auto close = t.find(')', open);
    c.name = trim(t.substr(0, open));
    std::string_view inner = t.substr(open + 1, close == std::string_view::npos ? std::string_view::npos : close - open - 1);
    while (true) {
        const auto comma = inner.find(',');
        c.args.push_back(trim(inner.substr(0, comma)));
        if (comma == std::string_view::npos) break;
        inner.remove_prefix(comma + 1);
    }
    if (close != std::string_view::npos) c.rest = trim(t.substr(close + 1));
    return c;
}

std::string wrapVector(std::string type, int dims) {
    for (int i = 0; i < dims; ++i) type = "std::vector<" + type + ">";
    return type;
}

void addOption(std::string& options, const std::string& option) {
    options += (options.empty() ? "" : ", ") + option;
}
// Parses `arg` into `field` and adds `.name = arg` to `options`; false when it is not a number.
bool intOption(const std::string& arg, std::int32_t& field, const char* name, std::string& options) {
    auto v = toInt(arg);
    if (!v) return false;
    field = *v;
    addOption(options, std::string(name) + " = " + arg);
    return true;
}

std::string braced(const std::string& options) { return options.empty() ? "" : "{" + options + "}"; }

// ---- PostgreSQL -----------------------------------------------------------------------------

std::optional<Candidate> pgCandidate(std::string_view type) {
    int dims = 0;
    while (endsWith(type, "[]")) {
        type.remove_suffix(2);
        ++dims;
    }
    Candidate c;
    c.args.dimensions = static_cast<std::uint8_t>(dims);
    auto simple = [&](const char* kind, const char* fn, const char* valueType) {
        c.kind = kind;
        c.function = std::string("pg::") + fn;
        c.valueType = wrapVector(valueType, dims);
        return c;
    };
    static const struct {
        const char *type, *fn, *valueType;
    } kSimple[] = {{"smallint", "smallint", "std::int16_t"},   {"integer", "integer", "std::int32_t"},
                   {"bigint", "bigint", "std::int64_t"},       {"boolean", "boolean", "bool"},
                   {"real", "real", "float"},                  {"double precision", "doublePrecision", "double"},
                   {"text", "text", "std::string"},            {"json", "json", "std::string"},
                   {"jsonb", "jsonb", "std::string"},          {"uuid", "uuid", "std::string"},
                   {"date", "date", "std::string"},            {"inet", "inet", "std::string"},
                   {"cidr", "cidr", "std::string"},            {"macaddr", "macaddr", "std::string"},
                   {"macaddr8", "macaddr8", "std::string"},    {"point", "point", "pg::Point"},
                   {"line", "line", "pg::Line"},               {"bytea", "bytea", "std::vector<unsigned char>"}};
    for (const auto& s : kSimple)
        if (type == s.type) {
            simple(s.type, s.fn, s.valueType);
            if (std::string_view(s.type) == "double precision") c.kind = "double precision";
            return c;
        }
    if (dims == 0) {
        static const struct {
            const char *type, *valueType;
        } kSerial[] = {{"serial", "std::int32_t"}, {"smallserial", "std::int16_t"}, {"bigserial", "std::int64_t"}};
        for (const auto& s : kSerial)
            if (type == s.type) {
                simple(s.type, s.type, s.valueType);
                c.implicitNotNull = true;
                return c;
            }
    }
    const bool tz = endsWith(type, " with time zone");
    if (tz) type.remove_suffix(std::string_view(" with time zone").size());
    const Call call = splitCall(type);
    std::string options;
    if ((call.name == "varchar" || call.name == "char") && call.args.size() <= 1 && call.rest.empty()) {
        simple(call.name == "varchar" ? "varchar" : "char", call.name == "varchar" ? "varchar" : "char_", "std::string");
        if (!call.args.empty()) {
            if (!intOption(call.args[0], c.args.length, ".length", options)) return std::nullopt;
        }
    } else if (call.name == "numeric" && call.args.size() <= 2 && call.rest.empty()) {
        simple("numeric", "numeric", "std::string");
        if (!call.args.empty()) {
            if (!intOption(call.args[0], c.args.precision, ".precision", options)) return std::nullopt;
        }
        if (call.args.size() == 2) {
            if (!intOption(call.args[1], c.args.scale, ".scale", options)) return std::nullopt;
        }
    } else if ((call.name == "time" || call.name == "timestamp") && call.args.size() <= 1 && call.rest.empty()) {
        simple(call.name == "time" ? "time" : "timestamp", call.name == "time" ? "time" : "timestamp", "std::string");
        if (!call.args.empty()) {
            if (!intOption(call.args[0], c.args.precision, ".precision", options)) return std::nullopt;
        }
        if (tz) {
            c.args.withTimezone = true;
            addOption(options, ".withTimezone = true");
        }
    } else if (startsWith(call.name, "interval") && call.args.size() <= 1 && call.rest.empty() && !tz) {
        simple("interval", "interval", "std::string");
        const std::string fields = trim(std::string_view(call.name).substr(8));
        if (!fields.empty()) {
            c.subtype = fields;
            addOption(options, ".fields = " + literal(fields));
        }
        if (!call.args.empty()) {
            if (!intOption(call.args[0], c.args.precision, ".precision", options)) return std::nullopt;
        }
    } else if (call.name == "vector" && call.args.size() == 1 && call.rest.empty() && !tz) {
        simple("vector", "vector", "std::vector<float>");
        if (!intOption(call.args[0], c.args.length, ".dimensions", options)) return std::nullopt;
    } else if (call.name == "geometry" && call.args.size() <= 2 && call.rest.empty() && !tz) {
        simple("geometry", "geometry", "std::string");
        if (!call.args.empty() && !call.args[0].empty()) {
            c.subtype = call.args[0];
            addOption(options, ".type = " + literal(call.args[0]));
            if (call.args.size() == 2) {
                if (!intOption(call.args[1], c.args.srid, ".srid", options)) return std::nullopt;
            }
        }
    } else {
        return std::nullopt;
    }
    c.options = braced(options);
    return c;
}

// ---- SQLite ---------------------------------------------------------------------------------

std::optional<Candidate> sqliteCandidate(std::string_view type) {
    Candidate c;
    auto simple = [&](const char* kind, const char* valueType) {
        c.kind = kind;
        c.function = std::string("sqlite::") + kind;
        c.valueType = valueType;
        return c;
    };
    if (type == "integer") return simple("integer", "std::int64_t");
    if (type == "real") return simple("real", "double");
    if (type == "blob") return simple("blob", "std::vector<unsigned char>");
    if (type == "numeric") return simple("numeric", "std::string");
    const Call call = splitCall(type);
    if (call.name == "text" && call.args.size() <= 1 && call.rest.empty()) {
        simple("text", "std::string");
        if (!call.args.empty()) {
            std::string options;
            if (!intOption(call.args[0], c.args.length, ".length", options)) return std::nullopt;
            c.options = braced(options);
        }
        return c;
    }
    return std::nullopt;
}

// SQLite's type affinity rules (datatype3.html, 3.1) pick a custom type's C++ member.
std::string sqliteAffinityType(std::string type) {
    for (auto& ch : type) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    if (type.find("INT") != std::string::npos) return "std::int64_t";
    if (type.find("CHAR") != std::string::npos || type.find("CLOB") != std::string::npos ||
        type.find("TEXT") != std::string::npos)
        return "std::string";
    if (type.empty() || type.find("BLOB") != std::string::npos) return "std::vector<unsigned char>";
    if (type.find("REAL") != std::string::npos || type.find("FLOA") != std::string::npos ||
        type.find("DOUB") != std::string::npos)
        return "double";
    return "std::string";
}

// ---- MySQL ----------------------------------------------------------------------------------

// enum('a','b''c') -> a, b'c (MySQL doubles quotes and backslashes inside the literals).
std::optional<std::vector<std::string>> mysqlEnumValues(std::string_view t) {
    if (!startsWith(t, "enum(") || !endsWith(t, ")")) return std::nullopt;
    std::string_view inner = t.substr(5, t.size() - 6);
    std::vector<std::string> values;
    std::size_t i = 0;
    while (i < inner.size()) {
        if (inner[i] != '\'') return std::nullopt;
        std::string v;
        ++i;
        for (;; ++i) {
            if (i >= inner.size()) return std::nullopt;
            if ((inner[i] == '\'' || inner[i] == '\\') && i + 1 < inner.size() && inner[i + 1] == inner[i]) {
                v += inner[i++];
                continue;
            }
            if (inner[i] == '\'') break;
            v += inner[i];
        }
        values.push_back(std::move(v));
        ++i;
        if (i < inner.size()) {
            if (inner[i] != ',') return std::nullopt;
            ++i;
        }
    }
    return values;
}

std::optional<Candidate> mysqlCandidate(std::string_view type) {
    Candidate c;
    const bool isUnsigned = endsWith(type, " unsigned");
    if (isUnsigned) type.remove_suffix(9);
    auto simple = [&](const char* kind, const char* fn, const char* valueType) {
        c.kind = kind;
        c.function = std::string("mysql::") + fn;
        c.valueType = valueType;
    };
    static const struct {
        const char *type, *fn, *signedType, *unsignedType;
    } kIntegers[] = {{"tinyint", "tinyint", "std::int8_t", "std::uint8_t"},
                     {"smallint", "smallint", "std::int16_t", "std::uint16_t"},
                     {"mediumint", "mediumint", "std::int32_t", "std::uint32_t"},
                     {"int", "int_", "std::int32_t", "std::uint32_t"},
                     {"bigint", "bigint", "std::int64_t", "std::uint64_t"}};
    for (const auto& s : kIntegers)
        if (type == s.type) {
            simple(s.type, s.fn, isUnsigned ? s.unsignedType : s.signedType);
            c.args.isUnsigned = isUnsigned;
            return c;
        }
    if (isUnsigned && !startsWith(type, "float") && !startsWith(type, "double") && !startsWith(type, "real") &&
        !startsWith(type, "decimal"))
        return std::nullopt;
    if (type == "serial") {
        simple("serial", "serial", "std::uint64_t");
        c.implicitNotNull = true;
        return c;
    }
    static const struct {
        const char *type, *fn, *valueType;
    } kSimple[] = {{"text", "text", "std::string"},         {"tinytext", "tinytext", "std::string"},
                   {"mediumtext", "mediumtext", "std::string"}, {"longtext", "longtext", "std::string"},
                   {"boolean", "boolean", "bool"},             {"json", "json", "std::string"},
                   {"year", "year", "std::int16_t"},           {"date", "date", "std::string"}};
    for (const auto& s : kSimple)
        if (type == s.type) {
            simple(s.type, s.fn, s.valueType);
            return c;
        }
    if (auto values = mysqlEnumValues(type)) {
        simple("enum", "mysqlEnum", "std::string");
        c.values = std::move(*values);
        std::string list;
        for (const auto& v : c.values) list += (list.empty() ? "" : ", ") + literal(v);
        c.options = "{" + list + "}";
        return c;
    }
    const Call call = splitCall(type);
    if (!call.rest.empty()) return std::nullopt;
    std::string options;
    static const struct {
        const char *type, *fn, *valueType;
    } kDecimal[] = {{"float", "float_", "float"}, {"double", "double_", "double"}, {"real", "real", "double"},
                    {"decimal", "decimal", "std::string"}};
    for (const auto& s : kDecimal)
        if (call.name == s.type && call.args.size() <= 2) {
            simple(s.type, s.fn, s.valueType);
            if (!call.args.empty()) {
                if (!intOption(call.args[0], c.args.precision, ".precision", options)) return std::nullopt;
            }
            if (call.args.size() == 2) {
                if (!intOption(call.args[1], c.args.scale, ".scale", options)) return std::nullopt;
            }
            if (isUnsigned) {
                c.args.isUnsigned = true;
                addOption(options, ".isUnsigned = true");
            }
            c.options = braced(options);
            return c;
        }
    if (isUnsigned) return std::nullopt;
    static const struct {
        const char *type, *fn, *valueType;
        bool bytes;
    } kSized[] = {{"char", "char_", "std::string", false},
                  {"varchar", "varchar", "std::string", false},
                  {"binary", "binary", "std::vector<unsigned char>", true},
                  {"varbinary", "varbinary", "std::vector<unsigned char>", true}};
    for (const auto& s : kSized)
        if (call.name == s.type && call.args.size() <= 1) {
            simple(s.type, s.fn, s.valueType);
            if (!call.args.empty()) {
                std::string options;
                if (!intOption(call.args[0], c.args.length, ".length", options)) return std::nullopt;
                c.options = braced(options);
            } else if (std::string_view(s.type) == "varbinary") {
                return std::nullopt;  // the DSL's varbinary always has a length
            }
            return c;
        }
    for (const char* t : {"datetime", "time", "timestamp"})
        if (call.name == t && call.args.size() <= 1) {
            simple(t, t, "std::string");
            if (!call.args.empty()) {
                std::string options;
                if (!intOption(call.args[0], c.args.precision, ".fsp", options)) return std::nullopt;
                c.options = braced(options);
            }
            return c;
        }
    return std::nullopt;
}

// ---- checking a candidate against the DSL's spelling ----------------------------------------

ColumnSpec specOf(Candidate& c) {
    ColumnSpec s;
    s.kind = c.kind;
    s.args = c.args;
    if (!c.subtype.empty()) s.args.subtype = c.subtype;
    if (!c.values.empty()) {
        c.pointers.clear();
        for (const auto& v : c.values) c.pointers.push_back(v.c_str());
        s.args.values = c.pointers.data();
        s.args.valueCount = c.pointers.size();
    }
    return s;
}

bool isIntegral(const std::string& t) {
    return t.find("int") != std::string::npos && t.find("std::vector") == std::string::npos;
}
bool isFloating(const std::string& t) { return t == "float" || t == "double"; }

std::string defaultModifier(Dialect dialect, Candidate& c, const model::DefaultValue& want, std::string& note) {
    ColumnSpec column = specOf(c);
    auto matches = [&](const DefaultSpec& d) {
        column.defaultValue = d;
        auto got = detail::defaultValue(dialect, column);
        return got && *got == want;
    };
    using K = DefaultSpec::Kind;
    auto spec = [](K kind) {
        DefaultSpec d;
        d.kind = kind;
        return d;
    };
    if (matches(spec(K::now))) return ".defaultNow()";
    if (dialect == Dialect::postgresql && c.kind == "uuid" && matches(spec(K::random))) return ".defaultRandom()";
    if (want.kind == model::DefaultValue::Kind::boolean && c.valueType == "bool" &&
        matches([&] {
            DefaultSpec d = spec(K::boolean);
            d.boolean = want.text == "true";
            return d;
        }()))
        return ".default_(" + want.text + ")";
    if (want.kind == model::DefaultValue::Kind::number) {
        if (isIntegral(c.valueType) || c.valueType == "bool") {
            std::int64_t v = 0;
            auto [end, ec] = std::from_chars(want.text.data(), want.text.data() + want.text.size(), v);
            if (c.valueType != "bool" && ec == std::errc() && end == want.text.data() + want.text.size() &&
                v > INT64_MIN && matches([&] {
                    DefaultSpec d = spec(K::integer);
                    d.integer = v;
                    return d;
                }()))
                return ".default_(" + want.text + ")";
        } else if (isFloating(c.valueType)) {
            // Written as it is, so a C++ number literal only: from_chars also takes "inf", "nan(x)".
            const bool numeral = !want.text.empty() && want.text.find_first_not_of("0123456789.eE+-") == std::string::npos;
            double d = 0;
            auto [end, ec] = std::from_chars(want.text.data(), want.text.data() + want.text.size(), d);
            if (numeral && ec == std::errc() && end == want.text.data() + want.text.size() &&
                matches([&] {
                    DefaultSpec f = spec(K::floating);
                    f.floating = d;
                    return f;
                }())) {
                const bool looksInteger = want.text.find_first_of(".eE") == std::string::npos;
                return ".default_(" + want.text + (looksInteger ? ".0" : "") + ")";
            }
        }
    }
    if (want.kind == model::DefaultValue::Kind::sql && c.valueType == "std::string") {
        // A quoted literal, possibly cast (PostgreSQL json) or parenthesised (MySQL json).
        std::string_view t = want.text;
        if (startsWith(t, "(") && endsWith(t, ")")) t = t.substr(1, t.size() - 2);
        const auto close = t.rfind('\'');
        if (startsWith(t, "'") && close != std::string_view::npos && close > 0) {
            std::string value;
            for (std::size_t i = 1; i < close; ++i) {
                if ((t[i] == '\'' || (t[i] == '\\' && dialect == Dialect::mysql)) && i + 1 < close && t[i + 1] == t[i]) ++i;
                value += t[i];
            }
            if (matches([&] {
                DefaultSpec d = spec(K::string);
                d.text = value;
                return d;
            }())) return ".default_(" + literal(value) + ")";
        }
    }
    if (want.kind == model::DefaultValue::Kind::sql && matches([&] {
        DefaultSpec d = spec(K::sql);
        d.text = want.text;
        return d;
    }()))
        return ".default_(" + nsOf(dialect) + "::sql(" + literal(want.text) + "))";
    note = "default " + want.text + " written as SQL: the DSL cannot declare it as reported";
    return ".default_(" + nsOf(dialect) + "::sql(" + literal(want.text) + "))";
}

}  // namespace

ColumnCode columnCode(Dialect dialect, const model::Column& column, const std::string& enumVariable,
                      const std::string& enumName) {
    const std::string ns = nsOf(dialect);
    std::optional<Candidate> candidate;
    if (!enumVariable.empty()) {
        Candidate c;
        std::string_view t = column.type;
        int dims = 0;
        while (endsWith(t, "[]")) {
            t.remove_suffix(2);
            ++dims;
        }
        c.kind = "enum";
        c.args.dimensions = static_cast<std::uint8_t>(dims);
        c.function = enumVariable;
        c.isEnum = true;
        c.valueType = wrapVector("std::string", dims);
        candidate = c;
    } else if (dialect == Dialect::postgresql) {
        candidate = pgCandidate(column.type);
    } else if (dialect == Dialect::sqlite) {
        candidate = sqliteCandidate(column.type);
    } else {
        candidate = mysqlCandidate(column.type);
    }
    if (candidate) {
        ColumnSpec spec = specOf(*candidate);
        if (detail::sqlType(dialect, spec, enumName) != column.type) candidate.reset();
    }
    // A default the member type could not hold picks the member type that can: a boolean
    // default makes a SQLite integer a bool, a number default makes a decimal a double.
    if (candidate && column.defaultValue) {
        const auto kind = column.defaultValue->kind;
        if (kind == model::DefaultValue::Kind::boolean && dialect == Dialect::sqlite && candidate->kind == "integer")
            candidate->valueType = "bool";
        if (kind == model::DefaultValue::Kind::number && candidate->valueType == "std::string" &&
            (candidate->kind == "numeric" || candidate->kind == "decimal"))
            candidate->valueType = "double";
    }
    ColumnCode code;
    if (!candidate) {
        Candidate c;
        c.kind = "custom";
        c.function = ns + "::customType";
        c.valueType = dialect == Dialect::sqlite ? sqliteAffinityType(column.type) : "std::string";
        // customType takes any member, so one that can hold the default as the database
        // reports it (a number, a boolean) is chosen.
        if (column.defaultValue && column.defaultValue->kind == model::DefaultValue::Kind::number)
            c.valueType = column.defaultValue->text.find_first_of(".eE") == std::string::npos ? "std::int64_t" : "double";
        if (column.defaultValue && column.defaultValue->kind == model::DefaultValue::Kind::boolean) c.valueType = "bool";
        candidate = c;
        code.custom = true;
        code.customType = column.type;
        code.note = "SQL type " + column.type + ", declared by name";
    }
    code.valueType = candidate->valueType;
    code.function = candidate->function;
    code.isEnum = candidate->isEnum;
    code.options = candidate->options;
    code.implicitNotNull = candidate->implicitNotNull;
    if (column.defaultValue) {
        std::string note;
        code.defaultModifier = defaultModifier(dialect, *candidate, *column.defaultValue, note);
        if (!note.empty()) code.note += (code.note.empty() ? "" : "; ") + note;
    }
    return code;
}

}  // namespace drizzle::codegen

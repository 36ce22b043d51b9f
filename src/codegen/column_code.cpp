#include "codegen/column_code.hpp"

#include <charconv>
#include <cstdint>
#include <optional>
#include <vector>

#include "codegen/naming.hpp"
#include "schema/column_types.hpp"
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

std::string nsOf(Dialect d) { return std::string(traitsOf(d).dslNamespace); }

bool startsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool endsWith(std::string_view s, std::string_view p) { return s.size() >= p.size() && s.substr(s.size() - p.size()) == p; }

std::string wrapVector(std::string type, int dims) {
    for (int i = 0; i < dims; ++i) type = "std::vector<" + type + ">";
    return type;
}

void addOption(std::string& options, std::string_view name, const std::string& value) {
    options += (options.empty() ? "" : ", ") + std::string(name) + " = " + value;
}

// The DSL's options for a type's arguments, in the order its option structs declare them.
std::string optionsOf(const detail::TypeValue& v) {
    using detail::TypeShape;
    const detail::ColumnType& t = *v.type;
    std::string o;
    auto number = [&](std::string_view name, std::int32_t n) {
        if (n >= 0) addOption(o, name, std::to_string(n));
    };
    switch (t.shape) {
        case TypeShape::plain: break;
        case TypeShape::length:
        case TypeShape::sized: number(t.option, v.length); break;
        case TypeShape::fsp: number(t.option, v.precision); break;
        case TypeShape::time:
        case TypeShape::timestamp:
            number(t.option, v.precision);
            if (v.withTimezone) addOption(o, ".withTimezone", "true");
            break;
        case TypeShape::interval:
            if (!v.subtype.empty()) addOption(o, ".fields", literal(v.subtype));
            number(t.option, v.precision);
            break;
        case TypeShape::decimal:
            number(".precision", v.precision);
            number(".scale", v.scale);
            if (v.isUnsigned && t.unsignedOption) addOption(o, ".isUnsigned", "true");
            break;
        case TypeShape::geometry:
            if (!v.subtype.empty()) addOption(o, ".type", literal(v.subtype));
            number(".srid", v.srid);
            break;
        case TypeShape::valueList:
            for (const auto& value : v.values) o += (o.empty() ? "" : ", ") + literal(value);
            break;
    }
    return o.empty() ? "" : "{" + o + "}";
}

// The declaration the dialect's type table gives for Drizzle Kit's spelling `type`.
std::optional<Candidate> tableCandidate(Dialect dialect, std::string_view type) {
    auto v = detail::readType(dialect, type);
    if (!v || v->type->function.empty()) return std::nullopt;
    const detail::ColumnType& t = *v->type;
    Candidate c;
    c.kind = t.name;
    c.function = nsOf(dialect) + "::" + std::string(t.function);
    c.valueType = wrapVector(std::string(v->isUnsigned && !t.unsignedMember.empty() ? t.unsignedMember : t.member),
                             v->dimensions);
    c.options = optionsOf(*v);
    c.implicitNotNull = t.implicitNotNull;
    c.args.length = v->length;
    c.args.precision = v->precision;
    c.args.scale = v->scale;
    c.args.srid = v->srid;
    c.args.withTimezone = v->withTimezone;
    c.args.isUnsigned = v->isUnsigned;
    c.args.dimensions = static_cast<std::uint8_t>(v->dimensions);
    c.subtype = v->subtype;
    c.values = v->values;
    return c;
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
        if (t == enumName) candidate = c;
    } else {
        candidate = tableCandidate(dialect, column.type);
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

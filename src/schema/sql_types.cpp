// A declared column's SQL type (by the dialect's type table, column_types.hpp) and default, as Drizzle Kit
// writes them into snapshots (so a snapshot from either tool diffs clean against the other).
#include "schema/sql_types.hpp"

#include "schema/column_types.hpp"

#include <stdexcept>

#include <charconv>
#include <string>

namespace drizzle::detail {

// As JavaScript's Number#toString spells it (Drizzle Kit writes numbers so, and PostgreSQL and
// MySQL report 1.5e10 as 15000000000): the shortest digits that read back as `d`, in fixed
// notation from 1e-6 up to 1e21, else as 1.5e+25.
std::string formatDouble(double d) {
    char buf[64];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
    const std::string sci(buf, end);  // "-1.5e+10", or "inf", "nan"
    const auto e = sci.find('e');
    if (e == std::string::npos) return sci;
    const std::string sign = sci[0] == '-' ? "-" : "";
    std::string digits;
    for (std::size_t i = sign.size(); i < e; ++i)
        if (sci[i] != '.') digits += sci[i];
    if (digits == "0") return "0";
    const int k = static_cast<int>(digits.size());
    const int n = std::stoi(sci.substr(e + 1)) + 1;  // where the decimal point goes
    if (k <= n && n <= 21) return sign + digits + std::string(static_cast<std::size_t>(n - k), '0');
    if (0 < n && n <= 21) return sign + digits.substr(0, static_cast<std::size_t>(n)) + "." + digits.substr(static_cast<std::size_t>(n));
    if (-6 < n && n <= 0) return sign + "0." + std::string(static_cast<std::size_t>(-n), '0') + digits;
    return sign + digits.substr(0, 1) + (k > 1 ? "." + digits.substr(1) : "") + "e" + (n >= 1 ? "+" : "-") +
           std::to_string(n >= 1 ? n - 1 : 1 - n);
}


std::string sqlType(Dialect dialect, const ColumnSpec& c, std::string_view enumName) {
    std::string type;
    if (c.kind == "custom") {
        type = c.customSqlType;
    } else if (c.kind == "enum" && dialect == Dialect::postgresql) {
        type = enumName;
    } else {
        TypeValue v;
        v.type = findColumnType(dialect, c.kind);
        if (!v.type)
            throw std::logic_error("column \"" + std::string(c.name) + "\": the " + std::string(dialectName(dialect)) +
                                   " type table has no " + std::string(c.kind));
        const TypeArgs& a = c.args;
        if (v.type->shape == TypeShape::sized && a.length < 0)
            throw std::invalid_argument("column \"" + std::string(c.name) + "\": " + std::string(v.type->name) +
                                        " needs a length: {" + std::string(v.type->option) + " = n}");
        v.length = a.length;
        v.precision = a.precision;
        v.scale = v.precision >= 0 ? a.scale : -1;
        v.srid = a.srid;
        v.withTimezone = a.withTimezone;
        v.isUnsigned = a.isUnsigned;
        v.subtype = a.subtype;
        if (v.type->shape == TypeShape::valueList) v.values.assign(a.values, a.values + a.valueCount);
        v.dimensions = a.dimensions;
        return spellType(dialect, v);
    }
    for (int i = 0; i < c.args.dimensions; ++i) type += "[]";
    return type;
}

model::Sequence sequence(std::string_view schema, std::string_view name, const SequenceOptions& o, std::string_view sqlType) {
    auto str = [](std::int64_t v) { return std::to_string(v); };
    const std::int64_t increment = o.increment.value_or(1);
    std::string maxRange = sqlType == "smallint" ? "32767" : sqlType == "integer" ? "2147483647" : "9223372036854775807";
    std::string minRange = sqlType == "smallint" ? "-32768" : sqlType == "integer" ? "-2147483648" : "-9223372036854775808";
    model::Sequence s;
    s.name = name;
    s.schema = schema.empty() ? "public" : std::string(schema);
    s.increment = str(increment);
    s.minValue = o.minValue ? str(*o.minValue) : (increment < 0 ? minRange : "1");
    s.maxValue = o.maxValue ? str(*o.maxValue) : (increment < 0 ? "-1" : maxRange);
    s.startWith = o.startWith ? str(*o.startWith) : (increment < 0 ? *s.maxValue : *s.minValue);
    s.cache = o.cache ? str(*o.cache) : "1";
    s.cycle = o.cycle;
    return s;
}

std::optional<model::DefaultValue> defaultValue(Dialect dialect, const ColumnSpec& c) {
    using K = DefaultSpec::Kind;
    using V = model::DefaultValue;
    const DefaultSpec& d = c.defaultValue;
    const bool isJson = c.kind == "json" || c.kind == "jsonb";
    switch (d.kind) {
        case K::none: return std::nullopt;
        case K::sql: return V{V::Kind::sql, std::string(d.text)};
        case K::integer: return V{V::Kind::number, std::to_string(d.integer)};
        case K::floating: return V{V::Kind::number, formatDouble(d.floating)};
        case K::boolean: return V{V::Kind::boolean, d.boolean ? "true" : "false"};
        case K::json:
            if (!isJson && !(dialect == Dialect::sqlite && c.args.mode == "json"))
                throw std::invalid_argument("column \"" + std::string(c.name) +
                                            "\": a JSON default is for a json or jsonb column (SQLite: text in json mode)");
            [[fallthrough]];
        case K::string:
            if (isJson && dialect == Dialect::postgresql)
                return V{V::Kind::sql, quoteString(dialect, d.text) + "::" + std::string(c.kind)};
            if (isJson && dialect == Dialect::mysql) return V{V::Kind::sql, "(" + quoteString(dialect, d.text) + ")"};
            return V{V::Kind::sql, quoteString(dialect, d.text)};
        case K::random: return V{V::Kind::sql, "gen_random_uuid()"};
        case K::now:
            switch (dialect) {
                case Dialect::postgresql: return V{V::Kind::sql, "now()"};
                case Dialect::mysql: return V{V::Kind::sql, "(now())"};
                case Dialect::sqlite:
                    if (c.kind != "integer") return V{V::Kind::sql, "(CURRENT_TIMESTAMP)"};
                    if (c.args.mode == "timestamp_ms")
                        return V{V::Kind::sql, "(cast((julianday('now') - 2440587.5)*86400000 as integer))"};
                    return V{V::Kind::sql, "(unixepoch())"};
            }
    }
    return std::nullopt;
}

}  // namespace drizzle::detail

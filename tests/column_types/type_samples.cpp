#include "type_samples.hpp"

namespace drizzle::test {

namespace {

using detail::ColumnType;
using detail::TypeShape;
using detail::TypeValue;

// The arguments a shape takes, each on its own and together. Values a catalog shows for an
// undeclared argument (MySQL's char(1), decimal(10,0); a zero scale) are left out: the catalog
// cannot tell them from the default, which the catalog tests cover.
std::vector<TypeValue> argumentsOf(const ColumnType& t) {
    TypeValue v;
    v.type = &t;
    std::vector<TypeValue> out{v};
    auto with = [&](auto set) {
        TypeValue w = v;
        set(w);
        out.push_back(w);
    };
    switch (t.shape) {
        case TypeShape::plain: break;
        case TypeShape::length: with([](TypeValue& w) { w.length = 20; }); break;
        case TypeShape::sized:
            out.clear();
            with([](TypeValue& w) { w.length = 12; });
            break;
        case TypeShape::fsp: with([](TypeValue& w) { w.precision = 3; }); break;
        case TypeShape::time:
        case TypeShape::timestamp:
            with([](TypeValue& w) { w.precision = 3; });
            with([](TypeValue& w) { w.withTimezone = true; });
            with([](TypeValue& w) {
                w.precision = 0;
                w.withTimezone = true;
            });
            break;
        case TypeShape::interval:
            with([](TypeValue& w) { w.precision = 2; });
            with([](TypeValue& w) { w.subtype = "year to month"; });
            with([](TypeValue& w) {
                w.subtype = "day to second";
                w.precision = 3;
            });
            break;
        case TypeShape::decimal:
            if (t.name != "float" && t.name != "double" && t.name != "real")  // MySQL: float(p) picks float or double
                with([](TypeValue& w) { w.precision = 12; });
            with([](TypeValue& w) {
                w.precision = 12;
                w.scale = 3;
            });
            break;
        case TypeShape::geometry:
            with([](TypeValue& w) { w.subtype = "point"; });
            with([](TypeValue& w) {
                w.subtype = "point";
                w.srid = 4326;
            });
            break;
        case TypeShape::valueList:
            out.clear();
            with([](TypeValue& w) { w.values = {"a", "it's", "back\\slash", "Upper Case"}; });
            break;
    }
    if (!t.unsignedMember.empty() || t.unsignedOption) {
        TypeValue u = out.back();
        u.isUnsigned = true;
        out.push_back(u);
    }
    if (t.arrays) {
        TypeValue a = out.back();
        a.dimensions = 1;
        out.push_back(a);
        a.dimensions = 2;
        out.push_back(a);
    }
    return out;
}

}  // namespace

std::vector<TypeValue> typeSamples(Dialect dialect) {
    std::vector<TypeValue> out;
    for (const ColumnType& t : detail::columnTypes(dialect))
        for (auto& v : argumentsOf(t)) out.push_back(std::move(v));
    return out;
}

}  // namespace drizzle::test

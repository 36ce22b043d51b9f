// Model equality as the test oracle: two models are equivalent when they describe the same
// database, whatever order their keyed collections were declared or read in.
#include <algorithm>

#include "drizzle/model/model.hpp"

namespace drizzle::model {

namespace {

template <class T, class Key>
void sortBy(std::vector<T>& v, Key key) {
    std::stable_sort(v.begin(), v.end(), [&](const T& a, const T& b) { return key(a) < key(b); });
}
auto byName = [](const auto& x) { return x.name; };

}  // namespace

Schema normalized(Schema s) {
    s.id = s.prevId = "";
    s.meta = {};
    s.internal = {};
    std::sort(s.schemas.begin(), s.schemas.end());
    sortBy(s.tables, [](const Table& t) { return std::make_pair(t.schema, t.name); });
    for (auto& t : s.tables) {
        sortBy(t.indexes, byName);
        for (auto& i : t.indexes) std::sort(i.with.begin(), i.with.end());
        sortBy(t.foreignKeys, byName);
        sortBy(t.compositePrimaryKeys, byName);
        sortBy(t.uniqueConstraints, byName);
        sortBy(t.policies, byName);
        sortBy(t.checks, byName);
    }
    sortBy(s.enums, [](const Enum& e) { return std::make_pair(e.schema, e.name); });
    sortBy(s.sequences, [](const Sequence& q) { return std::make_pair(q.schema, q.name); });
    sortBy(s.roles, byName);
    sortBy(s.policies, byName);
    sortBy(s.views, [](const View& v) { return std::make_pair(v.schema, v.name); });
    for (auto& v : s.views) std::sort(v.with.begin(), v.with.end());
    return s;
}

bool equivalent(const Schema& a, const Schema& b) { return normalized(a) == normalized(b); }

}  // namespace drizzle::model

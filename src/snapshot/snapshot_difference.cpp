// Where two models differ, told in snapshot terms: the models' snapshot trees are compared field
// by field after model::normalized puts both in one order.
#include "drizzle/kit/snapshot.hpp"
#include "snapshot/snapshot_json.hpp"

namespace drizzle::kit::snapshot {

namespace {

std::string describe(const nlohmann::ordered_json& a, const nlohmann::ordered_json& b, const std::string& path) {
    if (a == b) return "";
    if (a.is_object() && b.is_object()) {
        for (auto it = a.begin(); it != a.end(); ++it) {
            const std::string p = path.empty() ? it.key() : path + "." + it.key();
            if (!b.contains(it.key())) return p + ": only in the first (" + it.value().dump() + ")";
            std::string d = describe(it.value(), b.at(it.key()), p);
            if (!d.empty()) return d;
        }
        for (auto it = b.begin(); it != b.end(); ++it)
            if (!a.contains(it.key()))
                return (path.empty() ? it.key() : path + "." + it.key()) + ": only in the second (" + it.value().dump() + ")";
        return path + ": same keys in a different order";
    }
    return (path.empty() ? "<root>" : path) + ": " + a.dump() + " vs " + b.dump();
}

}  // namespace

std::string firstDifference(const model::Schema& a, const model::Schema& b) {
    const model::Schema na = model::normalized(a), nb = model::normalized(b);
    if (na == nb) return "";
    std::string d = describe(toJson(na), toJson(nb), "");
    return d.empty() ? "the models differ in a field snapshots do not record" : d;
}

}  // namespace drizzle::kit::snapshot

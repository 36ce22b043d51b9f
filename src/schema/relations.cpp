// Every One relation declared in the process, so that a Many can find the One that points back
// at it (Drizzle's rule: the One of the other table with the same relationName, or the only
// One between the two tables when unnamed).
#include <deque>
#include <string>
#include <vector>

#include "drizzle/error.hpp"
#include "drizzle/relations.hpp"

namespace drizzle::detail {

namespace {
struct StoredLink {
    OneLink link;
    std::vector<MemberRef> fields, references;
};
std::deque<StoredLink>& links() {
    static std::deque<StoredLink> all;
    return all;
}
}  // namespace

void registerOne(const OneLink& link) {
    StoredLink& s = links().emplace_back();
    s.link = link;
    s.fields.assign(link.fields, link.fields + link.columnCount);
    s.references.assign(link.references, link.references + link.columnCount);
    s.link.fields = s.fields.data();
    s.link.references = s.references.data();
}

std::vector<OneLink> registeredOnes() {
    std::vector<OneLink> out;
    for (const StoredLink& s : links()) out.push_back(s.link);
    return out;
}

OneLink pairedOne(const void* from, const void* to, std::string_view relationName, std::string_view manyName) {
    const OneLink* found = nullptr;
    int matches = 0;
    for (const StoredLink& s : links()) {
        if (s.link.from != from || s.link.to != to) continue;
        if (!relationName.empty() && s.link.relationName != relationName) continue;
        // The same relation struct may be constructed more than once (copies); count names once.
        if (found && found->name == s.link.name && found->relationName == s.link.relationName) continue;
        found = &s.link;
        ++matches;
    }
    const std::string many(manyName);
    if (!found)
        throw Error(ErrorCategory::schema,
                    "relation \"" + many + "\": no drizzle::One points back at its table" +
                        (relationName.empty() ? "" : " with relationName \"" + std::string(relationName) + "\""),
                    "declare the One side (fields and references) on the other table");
    if (matches > 1)
        throw Error(ErrorCategory::schema,
                    "relation \"" + many + "\": several drizzle::One relations point back at its table",
                    "give the Many and its One the same relationName");
    return *found;
}

}  // namespace drizzle::detail

// Two dumps compared object by object (their order is the tool's, not the schema's), and each
// difference matched to what pull reported.
//
// A difference is explained when a report names the object itself or something it belongs to
// ("partition public.payment_p2022_01" covers that table's indexes and constraints). Inside an
// object present on both sides, each differing line must be explained: by the object's report,
// by a report of the column the line declares, or by a report whose dotted name the line
// mentions (a column typed by the reported domain public.year). A line of the rebuilt side is
// explained with its counterpart: the same column in the original. A report of a property (a
// comment, a MySQL table's collation) explains that property's own dump object only: a
// PostgreSQL COMMENT, a MySQL table's options, or (MySQL) the line of the column or key it is on.
#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "fidelity.hpp"

namespace fidelity {
namespace {

bool identChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$' || (c & 0x80); }

std::string unquoted(const std::string& s) {
    std::string out;
    for (char c : s)
        if (c != '"' && c != '`') out += c;
    return out;
}

// Whether `line` names `dotted` as a whole (not as part of a longer name).
bool mentions(const std::string& line, const std::string& dotted) {
    if (dotted.find('.') == std::string::npos) return false;  // a bare name could be anything's
    const std::string text = unquoted(line);
    for (auto p = text.find(dotted); p != std::string::npos; p = text.find(dotted, p + 1)) {
        bool before = p == 0 || (!identChar(text[p - 1]) && text[p - 1] != '.');
        std::size_t end = p + dotted.size();
        bool after = end == text.size() || (!identChar(text[end]) && text[end] != '.');
        if (before && after) return true;
    }
    return false;
}

// The first identifier of a line: a column's name in a CREATE TABLE.
std::string leadingWord(const std::string& line) {
    std::size_t b = line.find_first_not_of(" \t");
    if (b == std::string::npos) return {};
    if (line[b] == '"' || line[b] == '`') {
        auto e = line.find(line[b], b + 1);
        return line.substr(b + 1, e - b - 1);
    }
    std::size_t e = b;
    while (e < line.size() && identChar(line[e])) ++e;
    return line.substr(b, e - b);
}

// The object a line of a table declares: its column, or the key or constraint it names
// ("CONSTRAINT x CHECK ...", "UNIQUE KEY `x` (...)", "FULLTEXT KEY `x` (...)").
std::string firstWord(const std::string& line) {
    static const std::set<std::string> keywords = {"CONSTRAINT", "constraint", "UNIQUE", "FULLTEXT", "SPATIAL", "KEY", "INDEX"};
    std::string rest = line;
    for (std::string word = leadingWord(rest);; word = leadingWord(rest)) {
        if (!keywords.count(word)) return word;
        rest = rest.substr(rest.find(word) + word.size());
    }
}

class Explainer {
public:
    explicit Explainer(const std::vector<std::string>& unsupported) {
        for (const auto& r : unsupported) {
            // A report of a property explains that property's dump object, not its owner's ("" is
            // a line of a table).
            std::set<std::string> only;
            if (r.starts_with("comment on ")) only = {"COMMENT", "TABLE OPTIONS", ""};
            if (r.starts_with("table collation ")) only = {"TABLE OPTIONS"};
            reports_.push_back({reportedName(r), r, only});
        }
    }
    // The report naming `identity` (of a dump object of `kind`, "" for a line of a table) or
    // something it belongs to. A dotted name covers what is inside it (a table's indexes); a
    // bare one (a PostgreSQL schema, a SQLite trigger) only itself.
    std::string covering(const std::string& identity, const std::string& kind) const {
        for (const auto& r : reports_) {
            if (!r.only.empty() && !r.only.count(kind)) continue;
            bool inside = r.name.find('.') != std::string::npos && r.only.empty() && identity.starts_with(r.name + ".");
            if (identity == r.name || inside) return r.report;
        }
        return {};
    }
    std::string mentionedIn(const std::string& line) const {
        for (const auto& r : reports_)
            if (r.only.empty() && mentions(line, r.name)) return r.report;
        return {};
    }

private:
    struct Report {
        std::string name, report;
        std::set<std::string> only;  // the kinds of dump object it explains, or none for any
    };
    std::vector<Report> reports_;
};

// Lines of `a` not in `b`, as multisets.
std::vector<std::string> minus(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    std::multiset<std::string> rest(b.begin(), b.end());
    std::vector<std::string> out;
    for (const auto& l : a) {
        auto it = rest.find(l);
        if (it != rest.end()) rest.erase(it);
        else out.push_back(l);
    }
    return out;
}

}  // namespace

std::string reportedName(const std::string& report) {
    std::string r = report;
    if (auto detail = r.find(" ("); detail != std::string::npos) r = r.substr(0, detail);
    auto space = r.rfind(' ');
    return space == std::string::npos ? r : r.substr(space + 1);
}

std::size_t Comparison::unexplained() const {
    return static_cast<std::size_t>(
        std::count_if(differences.begin(), differences.end(), [](const Difference& d) { return d.explainedBy.empty(); }));
}

Comparison compare(const Dump& original, const Dump& rebuilt, const std::vector<std::string>& unsupported) {
    const Explainer explainer(unsupported);
    std::map<std::string, const DumpObject*> a, b;
    for (const auto& o : original) a[o.key] = &o;
    for (const auto& o : rebuilt) b[o.key] = &o;
    Comparison out;
    out.originalObjects = original.size();
    out.rebuiltObjects = rebuilt.size();

    std::set<std::string> keys;
    for (const auto& [k, o] : a) keys.insert(k);
    for (const auto& [k, o] : b) keys.insert(k);
    for (const auto& key : keys) {
        const DumpObject* x = a.count(key) ? a[key] : nullptr;
        const DumpObject* y = b.count(key) ? b[key] : nullptr;
        if (x && y && x->lines == y->lines) {
            ++out.identical;
            continue;
        }
        Difference d;
        d.kind = x ? x->kind : y->kind;
        d.key = key;
        d.onlyOriginal = x ? (y ? minus(x->lines, y->lines) : x->lines) : std::vector<std::string>{};
        d.onlyRebuilt = y ? (x ? minus(y->lines, x->lines) : y->lines) : std::vector<std::string>{};
        const std::string identity = x ? x->identity : y->identity;
        d.explainedBy = explainer.covering(identity, d.kind);
        if (!d.explainedBy.empty()) {
            out.differences.push_back(std::move(d));
            continue;
        }
        if (!x || !y) {
            (x ? d.unexplainedOriginal : d.unexplainedRebuilt) = x ? x->lines : y->lines;
            out.differences.push_back(std::move(d));
            continue;
        }
        // Line by line: each differing line, or its column's counterpart, must be explained.
        std::set<std::string> reasons;
        std::map<std::string, std::string> explainedColumns;
        auto explainLine = [&](const std::string& line) {
            std::string why = explainer.covering(identity + "." + firstWord(line), "");
            if (why.empty()) why = explainer.mentionedIn(line);
            return why;
        };
        for (const auto& l : d.onlyOriginal)
            if (auto why = explainLine(l); !why.empty()) explainedColumns[firstWord(l)] = why;
        for (const auto& [side, unexplained] : {std::pair{&d.onlyOriginal, &d.unexplainedOriginal},
                                                std::pair{&d.onlyRebuilt, &d.unexplainedRebuilt}})
            for (const auto& l : *side) {
                std::string why = explainLine(l);
                if (why.empty() && explainedColumns.count(firstWord(l))) why = explainedColumns[firstWord(l)];
                if (why.empty()) unexplained->push_back(l);
                else reasons.insert(why);
            }
        if (d.onlyOriginal.empty() && d.onlyRebuilt.empty()) d.unexplainedOriginal = {"(the same lines in another order)"};
        if (d.unexplainedOriginal.empty() && d.unexplainedRebuilt.empty())
            for (const auto& r : reasons) d.explainedBy += (d.explainedBy.empty() ? "" : "; ") + r;
        out.differences.push_back(std::move(d));
    }
    return out;
}

void acceptWhatRestoreAlsoChanges(Comparison& comparison, const Dump& restored, const Dump& rebuilt) {
    std::map<std::string, const DumpObject*> r, b;
    for (const auto& o : restored) r[o.key] = &o;
    for (const auto& o : rebuilt) b[o.key] = &o;
    for (auto& d : comparison.differences) {
        if (!d.explainedBy.empty() || !r.count(d.key)) continue;
        const auto& lines = r[d.key]->lines;
        bool same = b.count(d.key) && b[d.key]->lines == lines;
        if (!same && !d.unexplainedOriginal.empty()) {
            auto has = [&](const std::string& l) { return std::find(lines.begin(), lines.end(), l) != lines.end(); };
            same = std::none_of(d.unexplainedOriginal.begin(), d.unexplainedOriginal.end(), has) &&
                   std::all_of(d.unexplainedRebuilt.begin(), d.unexplainedRebuilt.end(), has);
        }
        if (same) d.explainedBy = kRestoredTheSame;
    }
}

}  // namespace fidelity

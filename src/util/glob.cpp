#include "util/glob.hpp"

#include <algorithm>

#include "util/atomic_file.hpp"

namespace drizzle::util {

bool globMatch(std::string_view p, std::string_view t) {
    if (p.empty()) return t.empty();
    if (p.substr(0, 2) == "**") {
        std::string_view rest = p.substr(2);
        if (!rest.empty() && rest.front() == '/') rest.remove_prefix(1);
        for (std::size_t i = 0; i <= t.size(); ++i)
            if ((i == 0 || t[i - 1] == '/') && globMatch(rest, t.substr(i))) return true;
        return false;
    }
    if (p.front() == '*') {
        for (std::size_t i = 0; i <= t.size(); ++i) {
            if (globMatch(p.substr(1), t.substr(i))) return true;
            if (i < t.size() && t[i] == '/') break;
        }
        return false;
    }
    if (t.empty()) return false;
    if (p.front() == '?' ? t.front() != '/' : p.front() == t.front()) return globMatch(p.substr(1), t.substr(1));
    return false;
}

namespace {

std::vector<std::filesystem::path> walk(const std::filesystem::path& root, const std::string& pattern) {
    namespace fs = std::filesystem;
    std::vector<fs::path> out;
    const bool wild = pattern.find_first_of("*?") != std::string::npos;
    fs::path base = fs::path(pattern).is_absolute() ? fs::path("/") : root;
    if (!wild) {
        fs::path p = fs::path(pattern).is_absolute() ? fs::path(pattern) : root / pattern;
        if (fs::is_regular_file(p)) out.push_back(fs::weakly_canonical(p));
        return out;
    }
    std::string rel = fs::path(pattern).is_absolute() ? pattern.substr(1) : pattern;
    if (rel.rfind("./", 0) == 0) rel = rel.substr(2);
    // Walk from the longest wildcard-free prefix.
    auto firstWild = rel.find_first_of("*?");
    auto slash = rel.rfind('/', firstWild);
    fs::path start = slash == std::string::npos ? base : base / rel.substr(0, slash);
    if (!fs::is_directory(start)) return out;
    for (auto it = fs::recursive_directory_iterator(start, fs::directory_options::skip_permission_denied);
         it != fs::recursive_directory_iterator(); ++it) {
        const auto name = it->path().filename().string();
        if (it->is_directory() && (name == "node_modules" || name == ".git" || name == ".drizzle" || name == "build")) {
            it.disable_recursion_pending();
            continue;
        }
        if (!it->is_regular_file()) continue;
        std::string r = fs::relative(it->path(), base).generic_string();
        if (globMatch(rel, r)) out.push_back(fs::weakly_canonical(it->path()));
    }
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

std::vector<std::filesystem::path> glob(const std::filesystem::path& root, const std::string& pattern) {
    try {
        return walk(root, pattern);
    } catch (const std::filesystem::filesystem_error& e) {
        throw ioError(e.path1().empty() ? root : e.path1(), "looking for the schema files \"" + pattern + "\"", e.code());
    }
}

}  // namespace drizzle::util

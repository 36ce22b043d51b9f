#include "exporter/cache_manifest.hpp"

#include <fstream>
#include <set>

#include "drizzle/error.hpp"
#include "util/atomic_file.hpp"
#include "util/sha256.hpp"

namespace drizzle::kit {

namespace fs = std::filesystem;

namespace {

bool isSystemFile(const fs::path& p) { return p.string().rfind("/usr/", 0) == 0; }

}  // namespace

std::vector<fs::path> parseDepFile(const std::string& text) {
    std::vector<fs::path> out;
    auto colon = text.find(": ");
    std::string body = colon == std::string::npos ? text : text.substr(colon + 2);
    std::string word;
    for (std::size_t i = 0; i <= body.size(); ++i) {
        char c = i < body.size() ? body[i] : ' ';
        if (c == '\\' && i + 1 < body.size() && body[i + 1] == ' ') {
            word += ' ';
            ++i;
        } else if (c == '\\' && i + 1 < body.size() && body[i + 1] == '\n') {
            ++i;
        } else if (c == ' ' || c == '\n' || c == '\t') {
            if (!word.empty()) out.emplace_back(word);
            word.clear();
        } else {
            word += c;
        }
    }
    return out;
}

bool cacheIsFresh(const fs::path& dir, const std::string& artifact, const std::string& key, FileHashes* hashes) {
    std::ifstream in(dir / "manifest.txt");
    std::error_code ec;
    if (!in || !fs::exists(dir / artifact, ec)) return false;
    std::string line;
    if (!std::getline(in, line) || line != "toolchain " + key) return false;
    while (std::getline(in, line)) {
        auto space = line.find(' ');
        if (space == std::string::npos) return false;
        fs::path p = line.substr(space + 1);
        if (!fs::exists(p, ec)) return false;
        try {
            std::string hash;
            if (auto known = hashes ? hashes->find(p) : FileHashes::iterator{}; hashes && known != hashes->end()) {
                hash = known->second;
            } else {
                hash = util::sha256Hex(util::readFileOrThrow(p));
                if (hashes) hashes->emplace(p, hash);
            }
            if (hash != line.substr(0, space)) return false;
        } catch (const Error&) {
            return false;  // unreadable now: compiling again reports it
        }
    }
    return true;
}

void writeManifest(const fs::path& dir, const std::string& key, const std::vector<fs::path>& deps) {
    std::string manifest = "toolchain " + key + "\n";
    std::set<fs::path> seen;
    for (const auto& d : deps) {
        std::error_code ec;
        const fs::path absolute = fs::absolute(d, ec);
        if (ec) throw util::ioError(d, "resolving the path", ec);
        if (isSystemFile(d) || !seen.insert(absolute).second) continue;
        manifest += util::sha256Hex(util::readFileOrThrow(d)) + " " + absolute.string() + "\n";
    }
    util::writeFileAtomically(dir / "manifest.txt", manifest);
}

}  // namespace drizzle::kit

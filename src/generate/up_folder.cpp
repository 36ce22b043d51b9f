// drizzle-kit up (drizzle/kit/up.hpp): every snapshot in <out>/meta upgraded in memory first
// (snapshot::upgrade), then written whole one by one; a failed write puts back what was written.
#include "drizzle/kit/up.hpp"

#include <algorithm>

#include "drizzle/error.hpp"
#include "drizzle/kit/snapshot.hpp"
#include "util/atomic_file.hpp"

namespace drizzle::kit {

namespace fs = std::filesystem;

UpResult up(const Config& config) {
    const fs::path out = config.out.is_absolute() || config.root.empty() ? config.out : config.root / config.out;
    const fs::path meta = out / "meta";
    std::error_code ec;
    if (!fs::is_directory(meta, ec))
        throw Error(ErrorCategory::snapshot, meta.string() + ": no such folder: nothing to upgrade",
                    "run up in the project whose migrations folder (\"out\") holds meta/");
    std::vector<fs::path> files;
    for (fs::directory_iterator it(meta, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.ends_with("_snapshot.json") && !util::isTemporary(it->path())) files.push_back(it->path());
    }
    if (ec) throw util::ioError(meta, "listing the folder", ec);
    std::sort(files.begin(), files.end());

    struct Planned {
        fs::path file;
        std::string before, after;
    };
    std::vector<Planned> planned;
    UpResult result;
    std::string problems;
    for (const fs::path& file : files) {
        const std::string text = util::readFileOrThrow(file);
        try {
            if (auto upgraded = snapshot::upgrade(text, file.string()))
                planned.push_back({file, text, *upgraded});
            else
                ++result.current;
        } catch (const Error& e) {
            problems += std::string(problems.empty() ? "" : "\n") + e.what();
        }
    }
    if (!problems.empty())
        throw Error(ErrorCategory::snapshot, "nothing was upgraded:\n" + problems,
                    "restore those files from version control, then run up again");

    std::vector<const Planned*> written;
    try {
        for (const Planned& p : planned) {
            util::writeFileAtomically(p.file, p.after);
            written.push_back(&p);
            result.upgraded.push_back(p.file);
        }
    } catch (...) {
        for (const Planned* p : written) {
            try {
                util::writeFileAtomically(p->file, p->before);
            } catch (...) {
            }
        }
        throw;
    }
    return result;
}

}  // namespace drizzle::kit

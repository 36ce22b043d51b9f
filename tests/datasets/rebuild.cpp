// The rebuild, as a user runs it: `drizzle-kit pull` writes C++ schema code from the original
// database, `drizzle-kit generate` turns that code into a first migration in an empty folder, and
// `drizzle-kit migrate` applies it to the empty database.
#include <unistd.h>

#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>

#include "fidelity.hpp"
#include "util/process.hpp"

namespace fidelity {
namespace fs = std::filesystem;

namespace {

// Extensions are the database's environment, as roles are: neither pull nor Drizzle Kit writes
// them into the schema, and a project creates them in a migration of its own (generate
// --custom) before the first generated one runs. The rebuilt database gets the original's.
void giveExtensions(const ScratchDatabase& original, const ScratchDatabase& rebuilt) {
    auto from = original.connect();
    auto to = rebuilt.connect();
    auto r = from->query(
        "select e.extname, n.nspname from pg_extension e join pg_namespace n on n.oid = e.extnamespace "
        "where e.extname <> 'plpgsql' order by e.oid");
    for (std::size_t i = 0; i < r.size(); ++i)
        to->execute("CREATE EXTENSION IF NOT EXISTS \"" + r.text(i, 0) + "\" WITH SCHEMA \"" + r.text(i, 1) + "\"");
}

// A scratch folder, deleted at the end.
struct Folder {
    fs::path path;
    Folder() {
        std::string pattern = (fs::temp_directory_path() / "drizzle_dataset_kit.XXXXXX").string();
        if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
        path = pattern;
    }
    ~Folder() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

drizzle::util::ProcessResult kit(const std::vector<std::string>& args, const fs::path& cwd) {
    std::vector<std::string> argv{DRIZZLE_KIT_BIN};
    argv.insert(argv.end(), args.begin(), args.end());
    auto r = drizzle::util::runProcess(argv, cwd.string());
    if (r.exitCode != 0) {
        std::string command = "drizzle-kit";
        for (const auto& a : args) command += " " + a;
        throw std::runtime_error(command + " failed (exit " + std::to_string(r.exitCode) + "):\n" + r.err + r.out);
    }
    return r;
}

// "pulled 14 tables, 8 views, 1 enum, 15 indexes, 18 foreign keys" -> the counts.
void readCounts(const std::string& out, Rebuilt& rebuilt) {
    static const std::regex pulled(
        R"(pulled (\d+) tables?, (\d+) views?, (\d+) enums?, (\d+) index(?:es)?, (\d+) foreign keys?)");
    std::smatch m;
    if (!std::regex_search(out, m, pulled)) return;
    rebuilt.tables = std::stoul(m[1]);
    rebuilt.views = std::stoul(m[2]);
    rebuilt.enums = std::stoul(m[3]);
    rebuilt.indexes = std::stoul(m[4]);
    rebuilt.foreignKeys = std::stoul(m[5]);
}

}  // namespace

Rebuilt rebuild(const Dataset& dataset, const ScratchDatabase& original, const ScratchDatabase& empty) {
    const Folder folder;
    const std::string dialect(drizzle::dialectName(dataset.dialect));
    Rebuilt out;

    std::vector<std::string> pullArgs{"pull", "--dialect", dialect, "--url", original.url(), "--out", "pulled"};
    for (const auto& s : dataset.schemaFilter) pullArgs.insert(pullArgs.end(), {"--schemaFilter", s});
    const auto pulled = kit(pullArgs, folder.path);
    readCounts(pulled.out, out);
    {
        static const std::string unsupported = "warning: not represented in the schema model: ";
        std::istringstream err(pulled.err);
        for (std::string line; std::getline(err, line);) {
            if (line.starts_with(unsupported)) out.unsupported.push_back(line.substr(unsupported.size()));
            else if (line.starts_with("warning: ")) out.notes.push_back(line.substr(9));
        }
    }

    kit({"generate", "--dialect", dialect, "--schema", (folder.path / "pulled" / "schema.hpp").string(), "--out",
         "generated", "--name", "rebuild"},
        folder.path);
    for (const auto& entry : fs::directory_iterator(folder.path / "generated")) {
        if (entry.path().extension() != ".sql") continue;
        std::ifstream in(entry.path());
        std::stringstream text;
        text << in.rdbuf();
        const std::string sql = text.str();
        out.statementsApplied = sql.empty() ? 0 : 1;
        for (auto p = sql.find("--> statement-breakpoint"); p != std::string::npos;
             p = sql.find("--> statement-breakpoint", p + 1))
            ++out.statementsApplied;
    }

    if (dataset.dialect == drizzle::Dialect::postgresql) giveExtensions(original, empty);
    kit({"migrate", "--dialect", dialect, "--url", empty.url(), "--out", "generated"}, folder.path);
    return out;
}

bool isMigrateBookkeeping(drizzle::Dialect dialect, const DumpObject& object) {
    if (dialect == drizzle::Dialect::postgresql) return object.identity == "drizzle" || object.identity.starts_with("drizzle.");
    return object.identity == "__drizzle_migrations" || object.identity == "__drizzle_migrations_lock";  // its lock's table
}

}  // namespace fidelity

// Compiles, caches and runs the schema exporter (see drizzle/kit/schema_loader.hpp).
#include <signal.h>
#include <unistd.h>

#include <cstring>

#include <chrono>
#include <fstream>
#include <sstream>

#include "drizzle/error.hpp"
#include "drizzle/exporter.hpp"
#include "drizzle/kit/schema_loader.hpp"
#include "drizzle/snapshot.hpp"
#include "exporter/compiler_errors.hpp"
#include "util/atomic_file.hpp"
#include "util/process.hpp"
#include "util/sha256.hpp"

namespace drizzle::kit {

namespace fs = std::filesystem;

namespace {

struct Toolchain {
    // Compilers to try in order. Clang compiles large schemas several times faster than GCC at
    // -O0 (see BENCHMARKS.md), so it goes first when installed; when it fails, the project's own
    // compiler (CMake's, or $CXX) gets the last word, and its error is the one reported.
    std::vector<std::string> compilers;
    fs::path includeDir;
    fs::path coreLib;
    std::vector<std::string> extraFlags;
};

std::vector<std::string> splitWords(const char* s) {
    std::vector<std::string> out;
    std::istringstream in(s ? s : "");
    for (std::string w; in >> w;) out.push_back(w);
    return out;
}

bool onPath(const std::string& program) {
    const char* path = std::getenv("PATH");
    std::istringstream dirs(path ? path : "");
    for (std::string dir; std::getline(dirs, dir, ':');)
        if (!dir.empty() && access((fs::path(dir) / program).c_str(), X_OK) == 0) return true;
    return false;
}

// Installed: <prefix>/bin/drizzle-kit next to <prefix>/include and <prefix>/lib. Otherwise the
// build tree this binary was built in.
Toolchain toolchain() {
    Toolchain t;
    std::error_code ec;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    fs::path prefix = exe.parent_path().parent_path();
    fs::path installedInclude = prefix / DRIZZLE_INSTALL_INCLUDEDIR;
    fs::path installedLib = prefix / DRIZZLE_INSTALL_LIBDIR / "libdrizzle_core.a";
    if (!ec && exe.parent_path().filename() == fs::path(DRIZZLE_INSTALL_BINDIR).filename() &&
        fs::exists(installedInclude / "drizzle/exporter.hpp", ec) && fs::exists(installedLib, ec)) {
        t.includeDir = installedInclude;
        t.coreLib = installedLib;
    } else {
        t.includeDir = DRIZZLE_SOURCE_INCLUDE_DIR;
        t.coreLib = DRIZZLE_BUILD_CORE_LIB;
    }
    if (const char* cxx = std::getenv("DRIZZLE_CXX")) {
        t.compilers = {cxx};
    } else {
        const std::string own = std::getenv("CXX") ? std::getenv("CXX") : DRIZZLE_CXX_COMPILER;
        if (own.find("clang") == std::string::npos && onPath("clang++")) t.compilers.push_back("clang++");
        t.compilers.push_back(own);
    }
    t.extraFlags = splitWords(std::getenv("DRIZZLE_CXXFLAGS"));
    return t;
}

std::string toolchainKey(const Toolchain& t) {
    std::error_code ec;
    auto size = fs::file_size(t.coreLib, ec);
    auto mtime = fs::last_write_time(t.coreLib, ec).time_since_epoch().count();
    std::string key;
    for (const auto& c : t.compilers) key += c + "\n";
    key += t.includeDir.string() + "\n" + t.coreLib.string() + "\n" +
                      std::to_string(size) + "\n" + std::to_string(mtime) + "\n" DRIZZLE_VERSION "\n";
    for (const auto& f : t.extraFlags) key += f + "\n";
    return util::sha256Hex(key);
}

// The files a -MD dependency file lists (after "target:"), with line continuations.
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

bool isSystemFile(const fs::path& p) {
    const std::string s = p.string();
    return s.rfind("/usr/", 0) == 0;
}

// Manifest: "toolchain <key>" then one "<sha256> <path>" per file the compiler read.
bool cacheIsFresh(const fs::path& dir, const std::string& toolKey) {
    std::ifstream in(dir / "manifest.txt");
    std::error_code ec;
    if (!in || !fs::exists(dir / "exporter", ec)) return false;
    std::string line;
    if (!std::getline(in, line) || line != "toolchain " + toolKey) return false;
    while (std::getline(in, line)) {
        auto space = line.find(' ');
        if (space == std::string::npos) return false;
        fs::path p = line.substr(space + 1);
        if (!fs::exists(p, ec)) return false;
        try {
            if (util::sha256Hex(util::readFileOrThrow(p)) != line.substr(0, space)) return false;
        } catch (const Error&) {
            return false;  // unreadable now: compiling again reports it
        }
    }
    return true;
}

void writeManifest(const fs::path& dir, const std::string& toolKey, const std::vector<fs::path>& deps) {
    std::string manifest = "toolchain " + toolKey + "\n";
    for (const auto& d : deps) {
        std::error_code ec;
        const fs::path absolute = fs::absolute(d, ec);
        if (ec) throw util::ioError(d, "resolving the path", ec);
        if (!isSystemFile(d)) manifest += util::sha256Hex(util::readFileOrThrow(d)) + " " + absolute.string() + "\n";
    }
    util::writeFileAtomically(dir / "manifest.txt", manifest);
}

void compileExporter(const fs::path& dir, const Toolchain& t, const std::vector<fs::path>& files, const Config& config,
                     const std::string& toolKey) {
    // The crash report is installed by an initialiser that precedes the headers' own.
    std::string source = "// Generated by drizzle-kit: prints the schema declared in these headers.\n"
                         "#include <drizzle/exporter.hpp>\n"
                         "inline const bool drizzleExporterCrashReport = drizzle::reportExporterCrashes();\n";
    for (const auto& f : files) {
        // An #include "..." has no escapes: a path holding a quote or a line break cannot be named.
        const std::string path = f.string();
        if (path.find_first_of("\"\n\r") != std::string::npos)
            throw Error(ErrorCategory::config,
                        "the schema file " + path + " cannot be compiled into the exporter: its path holds a quote "
                        "or a line break",
                        "rename the file (or its folder)");
        source += "#include \"" + path + "\"\n";
    }
    source += "int main() { return drizzle::runExporter(); }\n";
    util::writeFileAtomically(dir / "exporter.cpp", source);
    // Named like util::writeFileAtomically's temporaries, so that a killed compile's is cleaned too.
    const std::string tmpBinary = (dir / (".exporter." + std::to_string(getpid()) + "-binary.tmp")).string();
    util::ProcessResult r;
    for (const auto& compiler : t.compilers) {
        // The prefix map makes the declaration sites the exporter reports relative to the project.
        std::vector<std::string> argv{compiler, "-std=c++20", "-O0", "-fdiagnostics-color=never",
                                      "-fmacro-prefix-map=" + config.root.string() + "/=",
                                      "-I" + t.includeDir.string(), "-I" + config.root.string()};
        for (const auto& f : t.extraFlags) argv.push_back(f);
        argv.insert(argv.end(), {"-MD", "-MF", (dir / "exporter.d").string(), (dir / "exporter.cpp").string(), "-o",
                                 tmpBinary, t.coreLib.string()});
        r = util::runProcess(argv);
        if (r.exitCode == 0) break;
    }
    if (r.exitCode != 0) {
        std::error_code ignored;
        fs::remove(tmpBinary, ignored);
        util::writeFileAtomically(dir / "compile.log", r.err);
        throw Error(ErrorCategory::schema, "the schema does not compile:\n" + firstCompilerError(r.err, t.includeDir),
                    "fix the declaration at that line; the compiler's full output is in " + (dir / "compile.log").string());
    }
    std::error_code ec;
    fs::rename(tmpBinary, dir / "exporter", ec);
    if (ec) {
        std::error_code ignored;
        fs::remove(tmpBinary, ignored);
        throw util::ioError(dir / "exporter", "rename", ec);
    }
    writeManifest(dir, toolKey, parseDepFile(util::readFileOrThrow(dir / "exporter.d")));
}

std::string filesText(const std::vector<fs::path>& files, const fs::path& root) {
    std::string s;
    for (const auto& f : files) {
        std::error_code ec;
        fs::path shown = fs::relative(f, root, ec);
        s += (s.empty() ? "" : ", ") + (ec || shown.empty() ? f : shown).string();
    }
    return s;
}

std::string signalName(int sig) {
    switch (sig) {
        case SIGSEGV: return "SIGSEGV";
        case SIGABRT: return "SIGABRT";
        case SIGBUS: return "SIGBUS";
        case SIGFPE: return "SIGFPE";
        case SIGILL: return "SIGILL";
        case SIGKILL: return "SIGKILL";
        case SIGTERM: return "SIGTERM";
        default: return "signal " + std::to_string(sig);
    }
}

std::string trimmed(std::string s) {
    while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
    return s;
}

// The exporter ended by a signal: which one, the declaration it had reached (its crash report's
// line) and whatever else it printed.
Error crashError(const util::ProcessResult& r, const std::string& what, const fs::path& exporter) {
    std::string where, printed;
    std::istringstream lines(r.err);
    for (std::string line; std::getline(lines, line);) {
        if (line.rfind(exporterCrashPrefix, 0) == 0) where = line.substr(exporterCrashPrefix.size());
        else printed += line + "\n";
    }
    std::string message = "the schema exporter compiled from " + what + " crashed with " + signalName(r.signal) +
                          " (signal " + std::to_string(r.signal) + ", " + strsignal(r.signal) + ")";
    if (!where.empty()) message += " " + where;
    if (!trimmed(printed).empty()) message += "; it printed:\n" + trimmed(printed);
    std::string hint = r.signal == SIGKILL
                           ? "it was killed from outside, often for running out of memory"
                           : "the crash is in a static initialiser of the schema headers or in a declaration "
                             "(the one after the point named, if any); to see where, run the exporter under a "
                             "debugger: gdb " + exporter.string();
    return Error(ErrorCategory::schema, message, hint);
}

// The exporter exited with an error: runExporter's "error: ..." and "hint: ..." lines (after
// anything the schema's own code printed), or, when a static initialiser ended the program
// before it ran, what was printed.
Error exitError(const util::ProcessResult& r, const std::string& what) {
    std::string err = trimmed(r.err);
    const std::size_t at = err.rfind("error: ", 0) == 0 ? 0 : err.rfind("\nerror: ");
    if (at == std::string::npos)
        return Error(ErrorCategory::schema,
                     "the schema exporter compiled from " + what + " exited with status " + std::to_string(r.exitCode) +
                         (err.empty() ? " without a message" : ":\n" + err),
                     "a static initialiser in the schema headers ended the program");
    err = err.substr(at == 0 ? 7 : at + 8);
    std::string hint;
    if (auto at = err.find("\nhint: "); at != std::string::npos) {
        hint = err.substr(at + 7);
        err.resize(at);
    }
    return Error(ErrorCategory::schema, "the schema is inconsistent: " + err, hint);
}

bool declaresNothing(const model::Schema& s) {
    return s.tables.empty() && s.views.empty() && s.enums.empty() && s.sequences.empty() && s.roles.empty() &&
           s.schemas.empty() && s.policies.empty();
}

}  // namespace

model::Schema loadSchema(const Config& config, LoadReport* report) {
    const std::vector<fs::path> files = config.schemaFiles();
    const Toolchain t = toolchain();
    const std::string toolKey = toolchainKey(t);
    std::string listKey;
    for (const auto& f : files) listKey += f.string() + "\n";
    const fs::path dir = config.root / ".drizzle" / "exporter" / util::sha256Hex(listKey).substr(0, 16);
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) throw util::ioError(dir, "creating the folder", ec);
    util::removeStaleTemporaries(dir);
    LoadReport local;
    if (!cacheIsFresh(dir, toolKey)) {
        auto start = std::chrono::steady_clock::now();
        compileExporter(dir, t, files, config, toolKey);
        local.compiled = true;
        local.compileSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    }
    if (report) *report = local;
    util::ProcessResult r = util::runProcess({(dir / "exporter").string()});
    const std::string what = filesText(files, config.root);
    if (r.signal != 0) throw crashError(r, what, dir / "exporter");
    if (r.exitCode != 0) throw exitError(r, what);
    model::Schema schema = snapshot::read(r.out, "the schema exported from " + files.front().filename().string());
    // An empty schema is a wrong path or a missing include far more often than an intent, and
    // generating from it would drop every table.
    if (declaresNothing(schema))
        throw Error(ErrorCategory::schema,
                    what + (files.size() == 1 ? " declares" : " declare") +
                        " no tables, views, enums or sequences: nothing was generated or exported",
                    "did you include the headers that declare them? drizzle-kit compiles the headers that \"schema\" "
                    "names (drizzle.config.json or --schema) and what they include; a table is declared as an inline "
                    "variable: inline const auto users = pg::table<User>(\"users\", {...});");
    if (schema.dialect != config.dialect && !(schema.tables.empty() && schema.views.empty() && schema.enums.empty()))
        throw Error(ErrorCategory::schema,
                    "the schema declares " + std::string(dialectName(schema.dialect)) + " tables but the config's dialect is " +
                        std::string(dialectName(config.dialect)),
                    "use the " + std::string(dialectName(config.dialect)) + " declarations, or change \"dialect\"");
    schema.dialect = config.dialect;
    return schema;
}

}  // namespace drizzle::kit

// Compiles, caches and runs the schema exporter (see drizzle/kit/schema_loader.hpp).
#include <signal.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <exception>
#include <mutex>
#include <thread>
#include <fstream>
#include <sstream>

#include "drizzle/error.hpp"
#include "drizzle/kit/exporter.hpp"
#include "drizzle/kit/codegen.hpp"
#include "drizzle/kit/schema_loader.hpp"
#include "drizzle/kit/snapshot.hpp"
#include "exporter/cache_manifest.hpp"
#include "exporter/compiler_errors.hpp"
#include "exporter/precompiled_header.hpp"
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
        fs::exists(installedInclude / "drizzle/kit/exporter.hpp", ec) && fs::exists(installedLib, ec)) {
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
    // A table's column list is constant data (schema/spec.hpp); this lets GCC emit it as a static
    // array instead of storing each field in the one function that runs every initialiser (a
    // 1,000-table exporter: 18.5 -> 12.9 s). The exporter never compares the addresses of two
    // constants, the one thing the flag changes.
    // DRIZZLE_SCHEMA_ONLY: the exporter reads declarations, never rows, so columns carry no codec
    // and no read or write function is compiled (query/codec.hpp: a 5-table schema's compile, 0.19 -> 0.15 s).
    // -fno-threadsafe-statics: every table is an inline variable, whose initialiser would take a
    // lock; the exporter initialises them on one thread before main (1,000 tables, clang: -8 %).
    // The benchmarks read this list (bench/common/exporter_flags.py).
    t.extraFlags = {"-fmerge-all-constants", "-fno-threadsafe-statics", "-DDRIZZLE_SCHEMA_ONLY"};
    for (auto& f : splitWords(std::getenv("DRIZZLE_CXXFLAGS"))) t.extraFlags.push_back(std::move(f));
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

// `#include "<file>"`, refusing a path an include cannot name (it has no escapes).
std::string includeLine(const fs::path& f) {
    const std::string path = f.string();
    if (path.find_first_of("\"\n\r") != std::string::npos)
        throw Error(ErrorCategory::config,
                    "the schema file " + path + " cannot be compiled into the exporter: its path holds a quote "
                    "or a line break",
                    "rename the file (or its folder)");
    return "#include \"" + path + "\"\n";
}

// The exporter's main, and the crash report's initialiser, which precedes the headers' own.
constexpr const char* kCrashReportLine =
    "inline const bool drizzleExporterCrashReport = drizzle::kit::reportExporterCrashes();\n";
constexpr const char* kMainLine = "int main() { return drizzle::kit::runExporter(); }\n";

// The compiler's command line for `source`, up to the inputs and outputs.
std::vector<std::string> compileCommand(const std::string& compiler, const Toolchain& t, const Config& config,
                                        const std::vector<std::string>& pchFlags) {
    // The prefix map makes the declaration sites the exporter reports relative to the project.
    std::vector<std::string> argv{compiler, "-std=c++20", "-O0", "-fdiagnostics-color=never",
                                  "-fmacro-prefix-map=" + config.root.string() + "/=",
                                  "-I" + t.includeDir.string(), "-I" + config.root.string()};
    argv.insert(argv.end(), t.extraFlags.begin(), t.extraFlags.end());
    argv.insert(argv.end(), pchFlags.begin(), pchFlags.end());
    return argv;
}

void addLinkFlags(std::vector<std::string>& argv, const std::string& compiler) {
    // lld links the exporter against drizzle_core in a third of the time of the default linker.
    if (fs::path(compiler).filename().string().find("clang") != std::string::npos && onPath("ld.lld"))
        argv.push_back("-fuse-ld=lld");
    // The library's debug information is most of what the linker would copy; the exporter is
    // compiled without any of its own.
    argv.push_back("-Wl,--strip-debug");
}

[[noreturn]] void throwCompileError(const fs::path& dir, const Toolchain& t, const std::string& compilerOutput) {
    util::writeFileAtomically(dir / "compile.log", compilerOutput);
    throw Error(ErrorCategory::schema, "the schema does not compile:\n" + firstCompilerError(compilerOutput, t.includeDir),
                "fix the declaration at that line; the compiler's full output is in " + (dir / "compile.log").string());
}

// Moves a finished temporary into place.
void publish(const std::string& tmp, const fs::path& target) {
    std::error_code ec;
    fs::rename(tmp, target, ec);
    if (ec) {
        std::error_code ignored;
        fs::remove(tmp, ignored);
        throw util::ioError(target, "rename", ec);
    }
}

// What a compile read: its dependency file, plus (GCC leaves them out) the precompiled header's.
std::vector<fs::path> compileDeps(const fs::path& depFile, const PrecompiledHeader& pch) {
    std::vector<fs::path> deps = parseDepFile(util::readFileOrThrow(depFile));
    deps.insert(deps.end(), pch.deps.begin(), pch.deps.end());
    return deps;
}

// One schema file: the exporter compiles and links in one step.
void compileExporter(const fs::path& dir, const Toolchain& t, const std::vector<fs::path>& files, const Config& config,
                     const std::string& toolKey, LoadReport& report) {
    std::string source = "// Generated by drizzle-kit: prints the schema declared in these headers.\n"
                         "#include <drizzle/kit/exporter.hpp>\n";
    source += kCrashReportLine;
    for (const auto& f : files) source += includeLine(f);
    source += kMainLine;
    util::writeFileAtomically(dir / "exporter.cpp", source);
    // Named like util::writeFileAtomically's temporaries, so that a killed compile's is cleaned too.
    const std::string tmpBinary = (dir / (".exporter." + std::to_string(getpid()) + "-binary.tmp")).string();
    const auto compile = [&](const std::string& compiler, const std::vector<std::string>& pchFlags) {
        std::vector<std::string> argv = compileCommand(compiler, t, config, pchFlags);
        addLinkFlags(argv, compiler);
        argv.insert(argv.end(), {"-MD", "-MF", (dir / "exporter.d").string(), (dir / "exporter.cpp").string(), "-o",
                                 tmpBinary, t.coreLib.string()});
        return util::runProcess(argv);
    };
    util::ProcessResult r;
    PrecompiledHeader pch;
    for (const auto& compiler : t.compilers) {
        pch = precompiledHeader(compiler, t.includeDir, t.extraFlags);
        r = compile(compiler, pch.flags);
        if (!pch.flags.empty() && mentionsPrecompiledHeader(r.err)) {
            discardPrecompiledHeader(pch);  // stale or broken: the next compile builds a new one
            pch = {};
            if (r.exitCode != 0) r = compile(compiler, {});  // GCC parsed the header instead
        }
        if (r.exitCode == 0) break;
        report.fallback = compiler + " failed: " + printable(firstCompilerError(r.err, t.includeDir));
    }
    if (r.exitCode != 0) {
        std::error_code ignored;
        fs::remove(tmpBinary, ignored);
        throwCompileError(dir, t, r.err);
    }
    publish(tmpBinary, dir / "exporter");
    writeManifest(dir, toolKey, compileDeps(dir / "exporter.d", pch));
    report.precompiledHeader = pch.flags.empty() ? "" : pch.built ? "built" : "reused";
    report.files = report.filesCompiled = files.size();
}

// Several schema files (a list or a glob): one compile per file, each cached by what it read,
// then one link, so that editing one file recompiles that file alone. A table registers once
// however many files include its header (an inline variable is initialised once); files are
// linked in the order given, so their declarations register in that order.
struct Unit {
    fs::path dir;     // units/<hash of the path>: unit.cpp, unit.o, unit.d, manifest.txt
    std::string source;
};

bool buildFromUnits(const fs::path& dir, const Toolchain& t, const std::vector<fs::path>& files, const Config& config,
                    const std::string& toolKey, LoadReport& report) {
    std::vector<Unit> units;
    const std::string head = "// Generated by drizzle-kit: one schema file of the exporter.\n#include <drizzle/kit/exporter.hpp>\n";
    // The main unit goes first: its initialiser, the crash report, runs before the files' own.
    units.push_back({dir / "units" / "main", head + kCrashReportLine + kMainLine});
    for (const auto& f : files)
        units.push_back({dir / "units" / util::sha256Hex(f.string()).substr(0, 16), head + includeLine(f)});
    FileHashes hashes;
    std::vector<std::size_t> stale;
    for (std::size_t i = 0; i < units.size(); ++i)
        if (!cacheIsFresh(units[i].dir, "unit.o", toolKey, &hashes)) stale.push_back(i);
    if (stale.empty() && cacheIsFresh(dir, "exporter", toolKey, &hashes)) return false;

    for (std::size_t i : stale) {
        std::error_code ec;
        fs::create_directories(units[i].dir, ec);
        if (ec) throw util::ioError(units[i].dir, "creating the folder", ec);
        util::removeStaleTemporaries(units[i].dir);
        util::writeFileAtomically(units[i].dir / "unit.cpp", units[i].source);
    }
    // Compiles the units in `todo` with `compiler`, as many at once as there are cores; returns
    // the first failure's output (empty when every unit compiled) and leaves the failures in `todo`.
    PrecompiledHeader pch;
    const auto compileAll = [&](std::vector<std::size_t>& todo, const std::string& compiler) {
        std::vector<util::ProcessResult> results(todo.size());
        std::vector<std::exception_ptr> failures(todo.size());
        std::atomic<std::size_t> next{0};
        const auto work = [&] {
            for (std::size_t k; (k = next++) < todo.size();) {
                const Unit& u = units[todo[k]];
                const std::string tmp = (u.dir / (".unit." + std::to_string(getpid()) + "-object.tmp")).string();
                std::vector<std::string> argv = compileCommand(compiler, t, config, pch.flags);
                argv.insert(argv.end(), {"-c", "-MD", "-MF", (u.dir / "unit.d").string(), (u.dir / "unit.cpp").string(),
                                         "-o", tmp});
                // Nothing may escape a worker thread: an I/O failure is rethrown once all joined.
                try {
                    results[k] = util::runProcess(argv);
                    if (results[k].exitCode == 0) publish(tmp, u.dir / "unit.o");
                } catch (...) {
                    failures[k] = std::current_exception();
                    results[k].exitCode = 127;
                }
                if (results[k].exitCode != 0) {
                    std::error_code ignored;
                    fs::remove(tmp, ignored);
                }
            }
        };
        const std::size_t workers = std::min<std::size_t>(std::max(1u, std::thread::hardware_concurrency()), todo.size());
        std::vector<std::thread> threads;
        for (std::size_t w = 1; w < workers; ++w) threads.emplace_back(work);
        work();
        for (auto& th : threads) th.join();
        for (const auto& failure : failures)
            if (failure) std::rethrow_exception(failure);
        std::vector<std::size_t> failed;
        std::string firstError;
        for (std::size_t k = 0; k < todo.size(); ++k) {
            if (results[k].exitCode == 0) {
                writeManifest(units[todo[k]].dir, toolKey, compileDeps(units[todo[k]].dir / "unit.d", pch));
            } else {
                if (failed.empty()) firstError = results[k].err;
                failed.push_back(todo[k]);
            }
        }
        todo = std::move(failed);
        return firstError;
    };
    std::vector<std::size_t> todo = stale;
    std::string error;
    std::string linker = t.compilers.back();
    for (const auto& compiler : t.compilers) {
        pch = precompiledHeader(compiler, t.includeDir, t.extraFlags);
        error = compileAll(todo, compiler);
        if (!todo.empty() && !pch.flags.empty() && mentionsPrecompiledHeader(error)) {
            discardPrecompiledHeader(pch);  // stale or broken: the next compile builds a new one
            pch = {};
            error = compileAll(todo, compiler);
        }
        if (todo.empty()) {
            linker = compiler;
            break;
        }
        report.fallback = compiler + " failed: " + printable(firstCompilerError(error, t.includeDir));
    }
    if (!todo.empty()) throwCompileError(dir, t, error);

    const std::string tmpBinary = (dir / (".exporter." + std::to_string(getpid()) + "-binary.tmp")).string();
    std::vector<std::string> argv{linker};
    addLinkFlags(argv, linker);
    std::vector<fs::path> manifests;
    for (const auto& u : units) {
        argv.push_back((u.dir / "unit.o").string());
        manifests.push_back(u.dir / "manifest.txt");
    }
    argv.insert(argv.end(), {t.coreLib.string(), "-o", tmpBinary});
    const util::ProcessResult r = util::runProcess(argv);
    if (r.exitCode != 0) {
        std::error_code ignored;
        fs::remove(tmpBinary, ignored);
        throwCompileError(dir, t, r.err);
    }
    publish(tmpBinary, dir / "exporter");
    // The exporter is as fresh as the units it was linked from: its manifest lists theirs.
    writeManifest(dir, toolKey, manifests);
    report.precompiledHeader = pch.flags.empty() ? "" : pch.built ? "built" : "reused";
    report.files = files.size();
    for (std::size_t i : stale) report.filesCompiled += i == 0 ? 0 : 1;
    return true;
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

std::string describe(const LoadReport& report) {
    if (!report.compiled) return "schema unchanged: reused the cached exporter";
    if (!report.fallback.empty()) {
        LoadReport rest = report;
        rest.fallback.clear();
        return describe(rest) + "; " + report.fallback + ", so the next compiler was used";
    }
    char seconds[32];
    std::snprintf(seconds, sizeof seconds, "%.2f", report.compileSeconds);
    const std::string which = report.files > 1 ? "compiled " + std::to_string(report.filesCompiled) + " of " +
                                                     std::to_string(report.files) + " schema files and linked the exporter"
                                               : "compiled the schema exporter";
    return which + " in " + std::string(seconds) + " s (" +
           (report.precompiledHeader.empty() ? std::string("without precompiled library headers")
                                             : "precompiled library headers " + report.precompiledHeader) +
           ")";
}

// Where the exporter of these schema files is built and cached.
fs::path exporterDir(const Config& config, const std::vector<fs::path>& files) {
    std::string listKey;
    for (const auto& f : files) listKey += f.string() + "\n";
    return config.root / ".drizzle" / "exporter" / util::sha256Hex(listKey).substr(0, 16);
}

std::string exportSchemaJson(const Config& config, LoadReport* report) {
    const std::vector<fs::path> files = config.schemaFiles();
    const Toolchain t = toolchain();
    const std::string toolKey = toolchainKey(t);
    const fs::path dir = exporterDir(config, files);
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) throw util::ioError(dir, "creating the folder", ec);
    util::removeStaleTemporaries(dir);
    LoadReport local;
    auto start = std::chrono::steady_clock::now();
    if (files.size() > 1) {
        local.compiled = buildFromUnits(dir, t, files, config, toolKey, local);
    } else if (!cacheIsFresh(dir, "exporter", toolKey)) {
        compileExporter(dir, t, files, config, toolKey, local);
        local.compiled = true;
    }
    if (local.compiled)
        local.compileSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (report) *report = local;
    util::ProcessResult r = util::runProcess({(dir / "exporter").string()});
    const std::string what = filesText(files, config.root);
    if (r.signal != 0) throw crashError(r, what, dir / "exporter");
    if (r.exitCode != 0) throw exitError(r, what);
    return std::move(r.out);
}

std::string queryExporter(const Config& config, const std::vector<std::string>& environment, bool withCodecs) {
    const std::vector<fs::path> files = config.schemaFiles();
    fs::path exporter = exporterDir(config, files) / "exporter";
    if (withCodecs) {
        // A build of its own, with the codecs the schema-only exporter leaves out (one compile
        // of every file, cached beside the other), for values bound as the ORM binds them.
        static std::mutex building;  // the studio asks from its request threads
        std::lock_guard lock(building);
        Toolchain t = toolchain();
        std::erase_if(t.extraFlags, [](const std::string& f) { return f == "-DDRIZZLE_SCHEMA_ONLY" || f == "-fmerge-all-constants"; });
        const std::string toolKey = toolchainKey(t);
        const fs::path dir = exporter.parent_path() / "with-codecs";
        std::error_code ec;
        fs::create_directories(dir, ec);
        if (ec) throw util::ioError(dir, "creating the folder", ec);
        util::removeStaleTemporaries(dir);
        if (!cacheIsFresh(dir, "exporter", toolKey)) {
            LoadReport report;
            compileExporter(dir, t, files, config, toolKey, report);
        }
        exporter = dir / "exporter";
    }
    util::ProcessResult r = util::runProcess({exporter.string()}, {}, {}, environment);
    const std::string what = filesText(files, config.root);
    if (r.signal != 0) throw crashError(r, what, exporter);
    if (r.exitCode != 0) throw exitError(r, what);
    return std::move(r.out);
}

model::Schema readExportedSchema(const Config& config, std::string_view json) {
    const std::vector<fs::path> files = config.schemaFiles();
    const std::string what = filesText(files, config.root);
    model::Schema schema = snapshot::read(json, "the schema exported from " + files.front().filename().string());
    // An empty schema is a wrong path or a missing include far more often than an intent, and
    // generating from it would drop every table.
    if (declaresNothing(schema))
        throw Error(ErrorCategory::schema,
                    what + (files.size() == 1 ? " declares" : " declare") +
                        " no tables, views, enums or sequences: nothing was generated or exported",
                    "did you include the headers that declare them? drizzle-kit compiles the headers that \"schema\" "
                    "names (drizzle.config.json or --schema) and what they include; a table is declared as an inline "
                    "variable: inline const auto users = pg::pgTable<User>(\"users\", {...});");
    if (schema.dialect != config.dialect && !(schema.tables.empty() && schema.views.empty() && schema.enums.empty()))
        throw Error(ErrorCategory::schema,
                    "the schema declares " + std::string(dialectName(schema.dialect)) + " tables but the config's dialect is " +
                        std::string(dialectName(config.dialect)),
                    "use the " + std::string(dialectName(config.dialect)) + " declarations, or change \"dialect\"");
    schema.dialect = config.dialect;
    return schema;
}

model::Schema loadSchema(const Config& config, LoadReport* report) {
    return readExportedSchema(config, exportSchemaJson(config, report));
}

}  // namespace drizzle::kit

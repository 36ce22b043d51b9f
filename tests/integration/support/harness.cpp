#include "support/harness.hpp"

#include <unistd.h>

#include <atomic>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "drizzle/kit/config.hpp"
#include "drizzle/error.hpp"
#include "drizzle/kit/schema_loader.hpp"
#include "util/process.hpp"


namespace drizzle::integration {

namespace fs = std::filesystem;

RunResult run(const std::vector<std::string>& argv, const fs::path& stdinFile, const fs::path& cwd) {
    util::ProcessResult r = util::runProcess(argv, cwd.string(), stdinFile.string());
    return RunResult{r.exitCode, std::move(r.out), std::move(r.err)};
}

std::string requireEnv(const char* name) {
    const char* value = std::getenv(name);
    if (value == nullptr || *value == '\0')
        throw std::runtime_error(std::string(name) +
                                 " is not set, so this test has no database server to apply the export to. "
                                 "Run the tests with `bash scripts/test.sh`, which starts private PostgreSQL and "
                                 "MariaDB servers and sets it (or `source scripts/lib/servers.sh && "
                                 "drizzle_start_servers` in your shell first).");
    return value;
}

std::string uniqueName(std::string_view prefix) {
    static std::atomic<int> counter{0};
    const auto now = std::chrono::system_clock::now().time_since_epoch();
    const auto micros = std::chrono::duration_cast<std::chrono::microseconds>(now).count();
    return lower(prefix) + std::to_string(getpid()) + "_" + std::to_string(micros % 1000000000) + "_" +
           std::to_string(counter++);
}

TempDir::TempDir() {
    std::string pattern = (fs::temp_directory_path() / "drizzle-integration.XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr)
        throw std::runtime_error(std::string("cannot create a temporary directory: ") + std::strerror(errno));
    path_ = pattern;
}

TempDir::~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
}

std::string readText(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void writeText(const fs::path& file, std::string_view text) {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out) throw std::runtime_error("cannot write " + file.string());
}

std::string Export::describeFailure() const {
    if (cli.exitCode == -1) return "drizzle-kit export did not run\n";
    if (cli.exitCode != 0)
        return "drizzle-kit export exited with " + std::to_string(cli.exitCode) + ":\n" + cli.err;
    if (!modelError.empty()) return "drizzle::kit::loadSchema failed on the same header: " + modelError;
    return "";
}

Export exportSchema(Dialect dialect, const fs::path& header, const fs::path& workDir) {
    Export e;
    e.cli = run({DRIZZLE_KIT_BIN, "export", "--dialect", std::string(dialectName(dialect)), "--schema", header.string()},
                {}, workDir);
    e.sqlFile = workDir / "export.sql";
    writeText(e.sqlFile, e.cli.out);
    if (e.cli.exitCode != 0) return e;
    // The same work directory and header, so the exporter drizzle-kit just compiled is reused.
    kit::Config config;
    config.root = workDir;
    config.dialect = dialect;
    config.schema = {header.string()};
    try {
        e.model = kit::loadSchema(config);
    } catch (const std::exception& ex) {
        e.modelError = ex.what();
    }
    return e;
}

std::string excerpt(const std::string& text, int line, int context) {
    std::istringstream in(text);
    std::string out, l;
    for (int n = 1; std::getline(in, l); ++n) {
        if (n < line - context || n > line + context) continue;
        out += (n == line ? ">" : " ") + std::to_string(n) + "| " + l + "\n";
    }
    return out;
}

int lineAfter(const std::string& text, std::string_view marker) {
    const auto at = text.find(marker);
    if (at == std::string::npos) return 0;
    std::size_t i = at + marker.size();
    while (i < text.size() && !std::isdigit(static_cast<unsigned char>(text[i]))) {
        if (text[i] == '\n') return 0;
        ++i;
    }
    int n = 0;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) n = n * 10 + (text[i++] - '0');
    return n;
}

std::string Findings::report() const {
    std::string out = std::to_string(items_.size()) + " difference(s) between the schema declared in C++ and the database:\n";
    for (const auto& f : items_) out += "  - " + f + "\n";
    return out;
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string upper(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

std::string trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return std::string(s);
}

std::string oneLine(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '\n') {
            out += s[i];
            continue;
        }
        while (!out.empty() && std::isspace(static_cast<unsigned char>(out.back()))) out.pop_back();
        while (i + 1 < s.size() && std::isspace(static_cast<unsigned char>(s[i + 1]))) ++i;
        out += ' ';
    }
    return out;
}

std::string join(const std::vector<std::string>& items, std::string_view separator) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) out += separator;
        out += items[i];
    }
    return out;
}

std::string inQuotes(std::string_view name) { return "\"" + std::string(name) + "\""; }

std::string listText(const std::vector<std::string>& items) { return "[" + join(items, ", ") + "]"; }

std::string unwrapParentheses(std::string_view expr) {
    std::string e = trim(expr);
    if (e.size() < 2 || e.front() != '(' || e.back() != ')') return e;
    int depth = 0;
    char quote = 0;
    for (std::size_t i = 0; i < e.size(); ++i) {
        const char c = e[i];
        if (quote) {
            if (c == quote) quote = 0;
            continue;
        }
        if (c == '\'' || c == '"' || c == '`') quote = c;
        else if (c == '(') ++depth;
        else if (c == ')' && --depth == 0 && i + 1 != e.size()) return e;
    }
    return trim(std::string_view(e).substr(1, e.size() - 2));
}

}  // namespace drizzle::integration

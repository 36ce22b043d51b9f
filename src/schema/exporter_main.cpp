// The body of a generated schema exporter: print the registered schema as snapshot JSON, and
// say which declaration it had reached if it crashes.
#include <signal.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <iostream>

#include "cli/exit_codes.hpp"
#include "drizzle/error.hpp"
#include "drizzle/kit/exporter.hpp"
#include "drizzle/kit/snapshot.hpp"
#include "schema/registry_internal.hpp"

namespace drizzle::kit {

namespace {

const detail::Registry* crashRegistry = nullptr;  // set before any declaration runs
volatile sig_atomic_t writing = 0;                // every declaration ran; runExporter is printing

// A line built without allocating: the signal handler may only write(2).
struct Line {
    char text[1024];
    std::size_t size = 0;
    void add(std::string_view s) {
        for (char c : s)
            if (size < sizeof text - 1) text[size++] = c;
    }
    void add(unsigned n) {
        char digits[12];
        std::size_t k = 0;
        do digits[k++] = static_cast<char>('0' + n % 10);
        while ((n /= 10) != 0 && k < sizeof digits);
        while (k > 0) add(std::string_view(&digits[--k], 1));
    }
};

extern "C" void reportCrash(int sig) {
    Line line;
    line.add(exporterCrashPrefix);
    const auto& p = crashRegistry->progress;
    if (writing) {
        line.add("after every declaration ran, while writing the schema");
    } else if (!p.kind) {
        line.add(p.column ? "while declaring the first table" : "before the first declaration");
    } else {
        line.add(p.column ? "while declaring what follows " : "after ");
        line.add(p.kind);
        line.add(" \"");
        line.add(p.name);
        line.add("\"");
        if (p.site.file) {
            line.add(" (");
            line.add(p.site.file);
            line.add(":");
            line.add(p.site.line);
            line.add(")");
        }
        if (!p.column) line.add(" was declared");
    }
    if (p.column && !writing) {
        line.add(", at or after its column \"");
        line.add(p.column);
        line.add("\"");
    }
    line.add("\n");
    [[maybe_unused]] auto written = write(STDERR_FILENO, line.text, line.size);
    signal(sig, SIG_DFL);
    raise(sig);  // delivered when the handler returns: the parent sees the signal itself
}

}  // namespace

bool reportExporterCrashes() {
    crashRegistry = &detail::registry();
    static char alternateStack[64 * 1024];  // a stack overflow can still be reported
    stack_t stack{};
    stack.ss_sp = alternateStack;
    stack.ss_size = sizeof alternateStack;
    sigaltstack(&stack, nullptr);
    struct sigaction action{};
    action.sa_handler = reportCrash;
    action.sa_flags = SA_ONSTACK | SA_RESETHAND;
    sigemptyset(&action.sa_mask);
    for (int sig : {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT}) sigaction(sig, &action, nullptr);
    return true;
}

int runExporter() {
    writing = 1;
    try {
        // What drizzle-kit asks for (exporter.hpp): the schema by default.
        const std::string_view mode = std::getenv("DRIZZLE_EXPORT") ? std::getenv("DRIZZLE_EXPORT") : "";
        if (mode == "app") {
            std::cout << detail::appSchemaJson() << '\n';
        } else if (mode == "defaults") {
            const char* schema = std::getenv("DRIZZLE_EXPORT_SCHEMA");
            const char* table = std::getenv("DRIZZLE_EXPORT_TABLE");
            std::cout << detail::defaultValuesJson(schema ? schema : "", table ? table : "") << '\n';
        } else {
            std::cout << snapshot::write(registeredSchema()) << '\n';
        }
        return 0;
    } catch (const Error& e) {
        std::cerr << "error: " << e.what() << '\n';
        if (!e.hint().empty()) std::cerr << "hint: " << e.hint() << '\n';
        return cli::exitCodeFor(e.category());
    }
}

}  // namespace drizzle::kit

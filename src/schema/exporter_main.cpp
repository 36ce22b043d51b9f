// The body of a generated schema exporter: print the registered schema as snapshot JSON.
#include <iostream>

#include "drizzle/error.hpp"
#include "drizzle/exporter.hpp"
#include "drizzle/snapshot.hpp"

namespace drizzle {

int runExporter() {
    try {
        std::cout << snapshot::write(registeredSchema()) << '\n';
        return 0;
    } catch (const Error& e) {
        std::cerr << "error: " << e.what() << '\n';
        if (!e.hint().empty()) std::cerr << "hint: " << e.hint() << '\n';
        return exitCodeFor(e.category());
    }
}

}  // namespace drizzle

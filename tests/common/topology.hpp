// Where a multi-node topology that scripts/test.sh starts can be reached (PgBouncer, a hot
// standby, a Galera cluster). A test skips only when DRIZZLE_TEST_SKIP_TOPOLOGIES names its
// topology (or is 1/all): a topology that should be there and is not fails the test instead,
// so CI never passes by skipping.
#pragma once

#include <cstdlib>
#include <sstream>
#include <stdexcept>
#include <string>

// The value of `variable` (the topology's URL or URLs), or "" when the run skips `name` on
// purpose; throws when it is missing otherwise.
inline std::string topologyUrl(const char* variable, const std::string& name) {
    const char* value = std::getenv(variable);
    if (value && *value) return value;
    const char* skip = std::getenv("DRIZZLE_TEST_SKIP_TOPOLOGIES");
    const std::string list = skip ? skip : "";
    if (list == "1" || list == "all") return "";
    std::istringstream names(list);
    for (std::string n; std::getline(names, n, ',');) {
        n.erase(0, n.find_first_not_of(' '));
        n.erase(n.find_last_not_of(' ') + 1);
        if (n == name) return "";
    }
    throw std::runtime_error(std::string(variable) + " is not set, so the " + name +
                             " topology is missing. Run the tests with `bash scripts/test.sh`, which starts it; "
                             "DRIZZLE_TEST_SKIP_TOPOLOGIES=" + name + " skips these tests on purpose.");
}

// The skip message of a test whose topology this run leaves out.
inline std::string skippedTopology(const std::string& name) {
    return "DRIZZLE_TEST_SKIP_TOPOLOGIES skips the " + name + " topology";
}

#include "generate/migration_names.hpp"

#include <array>
#include <cstdio>
#include <ctime>
#include <random>

#include "drizzle/error.hpp"

namespace drizzle::kit {

namespace {

std::mt19937_64& rng() {
    static std::mt19937_64 engine{std::random_device{}()};
    return engine;
}

constexpr std::array kAdjectives{"amber", "brave", "brisk", "calm", "clever", "crisp", "curious", "daring", "eager",
                                 "fancy", "gentle", "golden", "happy", "humble", "jolly", "keen", "lively", "lucky",
                                 "mellow", "mighty", "nimble", "noble", "polite", "proud", "quick", "quiet", "rapid",
                                 "shiny", "silent", "smooth", "steady", "sunny", "swift", "tidy", "vivid", "wise"};
constexpr std::array kNouns{"anchor", "badger", "beacon", "canyon", "comet", "compass", "falcon", "forest", "glacier",
                            "harbor", "island", "lantern", "lighthouse", "meadow", "meteor", "orchard", "otter",
                            "pebble", "pioneer", "prairie", "quasar", "raven", "river", "rocket", "sailor", "summit",
                            "thunder", "tiger", "valley", "voyager", "walrus", "willow", "wizard", "zephyr"};

}  // namespace

bool isPrefixMode(const std::string& mode) {
    return mode == "index" || mode == "timestamp" || mode == "supabase" || mode == "unix" || mode == "none";
}

std::string migrationPrefix(const std::string& mode, std::int64_t idx, std::int64_t nowMs) {
    char buf[32];
    if (mode == "index") {
        std::snprintf(buf, sizeof buf, "%04lld", static_cast<long long>(idx));
        return buf;
    }
    if (mode == "timestamp" || mode == "supabase") {
        std::time_t seconds = static_cast<std::time_t>(nowMs / 1000);
        std::tm utc{};
        gmtime_r(&seconds, &utc);
        std::strftime(buf, sizeof buf, "%Y%m%d%H%M%S", &utc);
        return buf;
    }
    if (mode == "unix") return std::to_string(nowMs / 1000);
    if (mode == "none") return "";
    throw Error(ErrorCategory::usage, "\"" + mode + "\" is not a migration prefix mode", std::string("use one of ") + prefixModes);
}

std::string randomMigrationName() {
    std::uniform_int_distribution<std::size_t> a(0, kAdjectives.size() - 1), n(0, kNouns.size() - 1);
    return std::string(kAdjectives[a(rng())]) + "_" + kNouns[n(rng())];
}

std::string randomUuid() {
    std::uniform_int_distribution<int> nibble(0, 15);
    static const char* hex = "0123456789abcdef";
    std::string out;
    for (int i = 0; i < 32; ++i) {
        int v = nibble(rng());
        if (i == 12) v = 4;                  // version 4
        if (i == 16) v = 8 | (v & 3);        // RFC 4122 variant
        if (i == 8 || i == 12 || i == 16 || i == 20) out += '-';
        out += hex[v];
    }
    return out;
}

}  // namespace drizzle::kit

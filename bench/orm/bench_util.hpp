// What every side's benchmarks share beyond the data: a failure (an exception, a wrong result,
// no PostgreSQL configured) skips the benchmark with a message instead of crashing the run or
// timing a wrong answer.
#pragma once

#include "bench_data.hpp"

#include <benchmark/benchmark.h>

#include <exception>
#include <string>

namespace bench {

template <class Body>
void guarded(benchmark::State& state, Body&& body) {
    try {
        body();
    } catch (const std::exception& e) {
        state.SkipWithError(e.what());
    }
}

// True when error is empty; otherwise skips the benchmark with it.
inline bool check(benchmark::State& state, const std::string& error) {
    if (error.empty()) return true;
    state.SkipWithError(error.c_str());
    return false;
}

// The URL of the PostgreSQL database holding the data (loaded on first use), or nullptr after
// skipping the benchmark when $DRIZZLE_BENCH_PG_URL is not set. Throws as preparePg does.
inline const char* pgDatabase(benchmark::State& state) {
    const char* url = pgUrl();
    if (!url) {
        state.SkipWithError(pgSkipMessage);
        return nullptr;
    }
    preparePg(url);
    return url;
}

}  // namespace bench

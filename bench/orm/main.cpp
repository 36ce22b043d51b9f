// The ORM benchmark's main: Google Benchmark's, plus context that run.py reads (the data's
// fingerprint, the client library versions) and a note when PostgreSQL is not configured.
#include "bench_data.hpp"

#include <benchmark/benchmark.h>
#include <libpq-fe.h>
#include <sqlite3.h>

#include <cstdio>
#include <string>

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    if (!bench::pgUrl()) std::fprintf(stderr, "%s\n", bench::pgSkipMessage);
    benchmark::AddCustomContext("data_fingerprint", bench::dataFingerprint());
    benchmark::AddCustomContext("sqlite_version", sqlite3_libversion());
    const int pq = PQlibVersion();
    benchmark::AddCustomContext("libpq_version", std::to_string(pq / 10000) + "." + std::to_string(pq % 10000));
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}

#!/usr/bin/env python3
"""Schema compile-time benchmark: what declaring tables with the PostgreSQL DSL costs the compiler.

For each N it generates a header of N tables x 8 columns (several value types, nullable and NOT
NULL members, a unique column, an index, and a foreign key to the previous table) and the same
row structs without any declarations (the floor). It then times compiling the generated schema
exporter translation unit against each:

    #include "<header>"
    #include <drizzle/kit/exporter.hpp>
    int main() { return drizzle::kit::runExporter(); }

with `<cxx> -std=c++20 -O0 -c` plus the exporter's flags (as drizzle-kit compiles its exporter,
read from src/exporter/exporter.cpp; --app leaves them out, as an application that
includes the schema compiles it, codecs and all), taking the median CPU
time (user + sys) of --runs runs, and prints schema/floor. The `pch` column is the same schema
compiled as `generate` really compiles it: with the library's headers precompiled (built once per
installation; its cost is printed above the table), so that it is the declarations' own cost. The schema exporter is also linked
against drizzle_core and run; a run that fails is an error (the generated schema must be one
the registry accepts), and one killed by a signal is reported in the table.

    cmake -S . -B build -G Ninja && ninja -C build drizzle_core
    python3 bench/schema_compile/run.py                     # N = 100, 1000, 2000
    python3 bench/schema_compile/run.py --sizes 1000 --cxx clang++ --keep /tmp/schema-bench

Standard library only.
"""

import argparse
import dataclasses
import os
import pathlib
import signal
import statistics
import subprocess
import sys
import tempfile
import time

REPO = pathlib.Path(__file__).resolve().parents[2]

sys.path.insert(0, str(REPO / "bench" / "common"))
from exporter_flags import exporter_flags, exporter_pch_header, pch_build_flags  # noqa: E402

# What drizzle-kit adds when it compiles the exporter (src/exporter/exporter.cpp).
EXPORTER_FLAGS = exporter_flags()
EXPORTER_MAIN = "#include <drizzle/kit/exporter.hpp>\nint main() { return drizzle::kit::runExporter(); }\n"


def struct_text(i):
    return (
        f"struct Row{i} {{\n"
        f"    std::int32_t id;\n"
        f"    std::string name;\n"
        f"    std::optional<std::string> email;\n"
        f"    std::optional<std::int32_t> parentId;\n"
        f"    std::int64_t counter;\n"
        f"    std::optional<double> score;\n"
        f"    bool active;\n"
        f"    std::optional<std::string> createdAt;\n"
        f"}};\n"
    )


def table_text(i):
    # Table 0's foreign key refers to itself, so every table declares exactly one.
    parent = i - 1 if i > 0 else 0
    r = f"Row{i}"
    return (
        f"inline const auto table{i} = pg::pgTable<{r}>(\"table_{i}\", {{\n"
        f"    pg::serial<&{r}::id>(\"id\").primaryKey(),\n"
        f"    pg::varchar<&{r}::name>(\"name\", {{.length = 128}}).notNull(),\n"
        f"    pg::text<&{r}::email>(\"email\").unique(),\n"
        f"    pg::integer<&{r}::parentId>(\"parent_id\").references<&Row{parent}::id>({{.onDelete = pg::cascade}}),\n"
        f"    pg::bigint<&{r}::counter>(\"counter\").notNull().default_(0),\n"
        f"    pg::doublePrecision<&{r}::score>(\"score\"),\n"
        f"    pg::boolean<&{r}::active>(\"active\").notNull().default_(true),\n"
        f"    pg::timestamp<&{r}::createdAt>(\"created_at\", {{.withTimezone = true}}).defaultNow(),\n"
        f"}}, {{\n"
        f"    pg::index(\"table_{i}_name_idx\").on<&{r}::name>(),\n"
        f"}});\n"
    )


def write_headers(directory, n):
    structs = "".join(struct_text(i) for i in range(n))
    floor = (
        "#pragma once\n#include <cstdint>\n#include <optional>\n#include <string>\n\n"
        f"namespace bench {{\n{structs}}}  // namespace bench\n"
    )
    tables = "".join(table_text(i) for i in range(n))
    schema = (
        "#pragma once\n#include <drizzle/pg.hpp>\n\n"
        f"namespace bench {{\nnamespace pg = drizzle::pg;\n{structs}\n{tables}}}  // namespace bench\n"
    )
    paths = {}
    for kind, header in (("floor", floor), ("schema", schema)):
        (directory / f"{kind}_{n}.hpp").write_text(header)
        tu = directory / f"{kind}_{n}.cpp"
        tu.write_text(f'#include "{kind}_{n}.hpp"\n{EXPORTER_MAIN}')
        paths[kind] = tu
    return paths


@dataclasses.dataclass
class Timing:
    cpu: float  # user + sys seconds: what other load on the machine disturbs least
    wall: float
    rss: float  # peak resident set, MiB
    status: int  # 0, or minus the signal that killed the process


def run_once(command, cwd):
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    stderr = process.stderr.read().decode(errors="replace")
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.stderr.close()
    status = os.waitstatus_to_exitcode(status)
    if status > 0:
        raise RuntimeError(f"{' '.join(map(str, command))} exited with {status}:\n{stderr}")
    return Timing(usage.ru_utime + usage.ru_stime, wall, usage.ru_maxrss / 1024, status)


def median_of(runs, command, cwd):
    """The median CPU and wall times of `runs` runs; the status of the first that died of a signal."""
    timings = [run_once(command, cwd) for _ in range(runs)]
    died = [t.status for t in timings if t.status < 0]
    return Timing(statistics.median(t.cpu for t in timings), statistics.median(t.wall for t in timings),
                  max(t.rss for t in timings), died[0] if died else 0)


def outcome(timing):
    if timing.status == 0:
        return f"{timing.cpu:.2f}"
    return signal.Signals(-timing.status).name


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000,2000", help="table counts, comma-separated")
    parser.add_argument("--runs", type=int, default=3, help="runs per timing; the median is reported")
    parser.add_argument("--cxx", default="g++", help="the compiler (default: g++)")
    parser.add_argument("--lib", default=str(REPO / "build" / "libdrizzle_core.a"),
                        help="drizzle_core to link the exporter against (default: build/libdrizzle_core.a)")
    parser.add_argument("--keep", metavar="DIR", help="generate into DIR and keep the files")
    parser.add_argument("--app", action="store_true",
                        help="compile as an application does, without the exporter's flags")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    lib = pathlib.Path(args.lib)
    if not lib.is_file():
        sys.exit(f"{lib} not found; build it with: cmake -S . -B build -G Ninja && ninja -C build drizzle_core")

    compiler = subprocess.run([args.cxx, "--version"], capture_output=True, text=True, check=True).stdout
    flags = [] if args.app else EXPORTER_FLAGS
    print(f"compiler: {compiler.splitlines()[0]}")
    print(f"compile:  {args.cxx} -std=c++20 -O0 {' '.join(flags)} -c -I include <tu>.cpp; "
          f"CPU seconds (user+sys), median of {args.runs}")

    with tempfile.TemporaryDirectory() as scratch:
        directory = pathlib.Path(args.keep or scratch)
        directory.mkdir(parents=True, exist_ok=True)
        base = [args.cxx, "-std=c++20", "-O0", *flags, f"-I{REPO / 'include'}"]
        pch_flags = []
        if not args.app:
            (directory / "drizzle_pch.hpp").write_text(exporter_pch_header())
            ext = ".pch" if pch_build_flags(args.cxx) else ".gch"
            built = run_once([*base, *pch_build_flags(args.cxx), "-x", "c++-header", "drizzle_pch.hpp",
                              "-o", f"drizzle_pch.hpp{ext}"], directory)
            pch_flags = ["-Winvalid-pch", "-include", "drizzle_pch.hpp"]
            print(f"pch:      the exporter's precompiled library headers, built once: {built.cpu:.2f} s")
        print()
        header = (f"{'tables':>6} {'columns':>7} | {'floor':>6} {'schema':>7} {'ratio':>6} {'wall':>6} {'RSS MiB':>7} "
                  f"{'pch':>6} | {'link':>5} {'run':>7}")
        print(header)
        print("-" * len(header))
        for n in sizes:
            tus = write_headers(directory, n)
            compiled = {
                kind: median_of(args.runs, [*base, "-c", tu.name, "-o", f"{kind}_{n}.o"], directory)
                for kind, tu in tus.items()
            }
            floor, schema = compiled["floor"], compiled["schema"]
            with_pch = (median_of(args.runs, [*base, *pch_flags, "-c", tus["schema"].name, "-o", f"schema_pch_{n}.o"],
                                  directory) if pch_flags else None)
            link = median_of(args.runs, [args.cxx, f"schema_{n}.o", str(lib.resolve()), "-o", f"schema_{n}"], directory)
            run = median_of(args.runs, [f"./schema_{n}"], directory)
            pch_cell = outcome(with_pch) if with_pch else "-"
            print(f"{n:>6} {8 * n:>7} | {floor.cpu:>6.2f} {schema.cpu:>7.2f} {schema.cpu / floor.cpu:>5.1f}x "
                  f"{schema.wall:>6.2f} {schema.rss:>7.0f} {pch_cell:>6} | {link.cpu:>5.2f} {outcome(run):>7}",
                  flush=True)


if __name__ == "__main__":
    main()

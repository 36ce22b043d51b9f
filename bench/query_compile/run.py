#!/usr/bin/env python3
"""Query compile-time benchmark: what typical ORM query code costs the compiler, per query.

It generates (queries.py) one translation unit with a 10-table PostgreSQL schema and N functions,
each building and running one typical query (selects with where/orderBy/limit, joins, aggregates,
subqueries, prepared statements, inserts, upserts, updates, deletes), and the baseline: the same
includes, schema and function signatures with the bodies removed. Each is compiled to an object
file as a user builds (`<cxx> -std=c++20 -O2 -c`), alternating baseline and queries --runs times;
it reports the median CPU time (user + sys, what other load on the machine disturbs least), the
median wall time and the peak memory of each, and the cost per query: (queries - baseline) / N.

    python3 bench/query_compile/run.py                        # N = 200; g++ and clang++; -O2
    python3 bench/query_compile/run.py --cxx clang++ --opt=-O0 --keep /tmp/query-bench

Standard library only; needs no build (the queries are compiled, not linked).
"""

import argparse
import dataclasses
import os
import pathlib
import re
import statistics
import subprocess
import sys
import tempfile
import time

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import queries  # noqa: E402  (the generator, next to this script)

REPO = pathlib.Path(__file__).resolve().parents[2]


@dataclasses.dataclass
class Timing:
    cpu: float  # user + sys seconds
    wall: float
    rss: float  # peak resident set, MiB


def compile_once(command, cwd):
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    stderr = process.stderr.read().decode(errors="replace")
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{' '.join(map(str, command))} failed:\n{stderr}")
    return Timing(usage.ru_utime + usage.ru_stime, wall, usage.ru_maxrss / 1024)


def summarise(timings):
    return Timing(statistics.median(t.cpu for t in timings), statistics.median(t.wall for t in timings),
                  max(t.rss for t in timings))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--queries", type=int, default=200, help="query functions in the translation unit")
    parser.add_argument("--runs", type=int, default=3, help="compiles of each unit; the median is reported")
    parser.add_argument("--cxx", default="g++,clang++", help="compilers, comma-separated (default: g++,clang++)")
    parser.add_argument("--opt", default="-O2", help="optimisation flag (default: -O2)")
    parser.add_argument("--keep", metavar="DIR", help="generate into DIR and keep the files")
    args = parser.parse_args()
    n = args.queries

    print(f"compile:  <cxx> -std=c++20 {args.opt} -c -I include <tu>.cpp; {n} queries; "
          f"CPU = user+sys and wall, median of {args.runs}; RSS = peak")
    header = (f"{'compiler':<16} | {'base CPU':>8} {'wall':>6} {'RSS MiB':>7} | {'queries CPU':>11} {'wall':>6} "
              f"{'RSS MiB':>7} {'.o KiB':>7} | {'ms/query CPU':>12} {'wall':>6} {'KiB RSS':>7}")
    print(header)
    print("-" * len(header))

    with tempfile.TemporaryDirectory() as scratch:
        directory = pathlib.Path(args.keep or scratch)
        directory.mkdir(parents=True, exist_ok=True)
        units = {"baseline": queries.translation_unit(n, with_bodies=False),
                 "queries": queries.translation_unit(n, with_bodies=True)}
        for kind, text in units.items():
            (directory / f"{kind}_{n}.cpp").write_text(text)

        for cxx in args.cxx.split(","):
            version = subprocess.run([cxx, "--version"], capture_output=True, text=True, check=True).stdout
            release = re.search(r"\d+\.\d+\.\d+", version.splitlines()[0])
            label = f"{cxx} {release.group(0) if release else ''}"
            runs = {kind: [] for kind in units}
            for _ in range(args.runs):
                for kind in units:  # alternated, so that a change in load hits both alike
                    command = [cxx, "-std=c++20", args.opt, "-c", f"-I{REPO / 'include'}", f"{kind}_{n}.cpp",
                               "-o", f"{kind}_{n}_{pathlib.Path(cxx).name}.o"]
                    runs[kind].append(compile_once(command, directory))
            base, full = summarise(runs["baseline"]), summarise(runs["queries"])
            size = (directory / f"queries_{n}_{pathlib.Path(cxx).name}.o").stat().st_size / 1024
            print(f"{label:<16} | {base.cpu:>8.2f} {base.wall:>6.2f} {base.rss:>7.0f} | {full.cpu:>11.2f} "
                  f"{full.wall:>6.2f} {full.rss:>7.0f} {size:>7.0f} | {1000 * (full.cpu - base.cpu) / n:>12.1f} "
                  f"{1000 * (full.wall - base.wall) / n:>6.1f} {1024 * (full.rss - base.rss) / n:>7.0f}", flush=True)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""ORM benchmark: the C++ sides next to the raw C APIs in one process, and drizzle-orm on node.

Four workloads on the same data (bench/orm/bench_data.hpp says what each does): pk_lookup,
scan_10k, insert_100k, users_with_posts; on SQLite in memory and PostgreSQL over loopback.

  C++ (build-bench/bench/orm/drizzle_orm_bench, Google Benchmark): every benchmark named
      `<side>/<sqlite|pg>/<workload>`. `raw` is the C API written by hand (sqlite3, libpq); any
      other side (the ORM's `orm/...`) gets a column of its own and its ratio to `raw`.
  node (bench/orm/node/bench.mjs): `drizzle-orm` and raw `better-sqlite3`, SQLite only.

Ratios: each C++ side / raw C++ (same process, same database); drizzle-orm / raw C++;
drizzle-orm / better-sqlite3; better-sqlite3 / raw C++. Each figure is the median of --runs
runs (Google Benchmark repetitions; node runs of --min-time seconds after a warm-up), in
nanoseconds of wall time per operation. This machine is shared: when an in-process (SQLite)
figure's CPU time is under 90% of its wall time, it waited for a CPU; it is marked, and the
SQLite table is printed again in CPU time (node's counts all its threads, V8's GC helpers too).

PostgreSQL: --pg-url (default $DRIZZLE_BENCH_PG_URL) names a database whose tables users, posts
and bulk are replaced. Without it, a database drizzle_bench is created on the server of
$DRIZZLE_TEST_PG_URL and dropped afterwards; without either, PostgreSQL is skipped.

    python3 bench/orm/run.py                                  # build, run all, print the tables
    python3 bench/orm/run.py --markdown /tmp/orm-bench.md     # also write them to a file
    python3 bench/orm/run.py --filter pk_lookup --runs 3

Needs cmake, ninja, Google Benchmark (Debian: libbenchmark-dev), node and npm; Python standard
library only. The first `npm ci` compiles better-sqlite3 (about a minute).
"""

import argparse
import json
import re
import os
import pathlib
import shutil
import subprocess
import sys
import urllib.parse

REPO = pathlib.Path(__file__).resolve().parents[2]
NODE_DIR = REPO / "bench" / "orm" / "node"
TARGET = "drizzle_orm_bench"
WORKLOADS = ["pk_lookup", "scan_10k", "insert_100k", "users_with_posts", "pk_lookup_16_threads", "pk_lookup_file"]
DATABASES = {"sqlite": "SQLite, in memory", "pg": "PostgreSQL, loopback"}
NODE_RAW, NODE_ORM = "better-sqlite3", "drizzle-orm"
BENCH_DATABASE = "drizzle_bench"
BUSY_CPU_SHARE = 0.9
BUSY_NOTE = (f"* CPU time under {BUSY_CPU_SHARE:.0%} of wall time: the process waited for a CPU (other load on the "
             "machine). The table in CPU time follows; rerun when the machine is quiet for wall times.")


class Timing:
    """Median nanoseconds per operation: wall time (what the tables show) and CPU time."""

    def __init__(self, wall, cpu):
        self.wall, self.cpu = wall, cpu

    def waited(self):
        """In-process work that took much longer than its CPU time waited for a CPU."""
        return self.cpu < BUSY_CPU_SHARE * self.wall


def log(message):
    print(message, file=sys.stderr, flush=True)


# ---------------------------------------------------------------- C++ side

def build(build_dir):
    configure = ["cmake", "-S", str(REPO), "-B", str(build_dir), "-G", "Ninja", "-DCMAKE_BUILD_TYPE=Release",
                 "-DDRIZZLE_BUILD_BENCH=ON", "-DDRIZZLE_BUILD_TESTS=OFF"]
    if shutil.which("ccache"):
        configure.append("-DCMAKE_CXX_COMPILER_LAUNCHER=ccache")
    subprocess.run(configure, check=True, stdout=subprocess.DEVNULL)
    subprocess.run(["cmake", "--build", str(build_dir), "--target", TARGET], check=True)
    return build_dir / "bench" / "orm" / TARGET


def run_cpp(binary, args, pg_url):
    env = dict(os.environ)
    env.pop("DRIZZLE_BENCH_PG_URL", None)
    if pg_url:
        env["DRIZZLE_BENCH_PG_URL"] = pg_url
    # Random interleaving runs the raw and ORM sides' repetitions in a shuffled order, so that a
    # change of load (other work, loopback wake-up latency) falls on both sides alike.
    command = [str(binary), "--benchmark_format=json", f"--benchmark_repetitions={args.runs}",
               "--benchmark_enable_random_interleaving=true",
               "--benchmark_report_aggregates_only=true", f"--benchmark_min_time={args.min_time}"]
    if args.filter:
        command.append(f"--benchmark_filter={args.filter}")
    log("running " + " ".join(command))
    out = subprocess.run(command, env=env, check=True, stdout=subprocess.PIPE, text=True).stdout
    report = json.loads(out)
    results, skipped = {}, {}
    for b in report["benchmarks"]:
        name = re.sub(r"/(real_time|threads:\d+)", "", b["run_name"])
        if b.get("error_occurred"):
            skipped[name] = b["error_message"]
        elif b.get("aggregate_name") == "median":
            scale = {"ns": 1, "us": 1e3, "ms": 1e6, "s": 1e9}[b["time_unit"]]
            results[name] = Timing(b["real_time"] * scale, b["cpu_time"] * scale)
    return report["context"], results, skipped


# ---------------------------------------------------------------- node side

def npm_ci(force):
    marker = NODE_DIR / "node_modules" / ".package-lock.json"
    lock = NODE_DIR / "package-lock.json"
    if force or not marker.is_file() or marker.stat().st_mtime < lock.stat().st_mtime:
        log("npm ci in bench/orm/node (compiles better-sqlite3)")
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=NODE_DIR, check=True, stdout=subprocess.DEVNULL)


def run_node(args):
    command = ["node", "bench.mjs", "--runs", str(args.runs), "--min-time", str(args.min_time)]
    if args.filter:
        command += ["--filter", args.filter]
    log("running " + " ".join(command) + " in bench/orm/node")
    out = subprocess.run(command, cwd=NODE_DIR, check=True, stdout=subprocess.PIPE, text=True).stdout
    report = json.loads(out)
    return report["context"], {b["name"]: Timing(b["ns_per_op"], b["cpu_ns_per_op"]) for b in report["benchmarks"]}


# ---------------------------------------------------------------- PostgreSQL database

def psql(url, command):
    r = subprocess.run(["psql", "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-d", url, "-c", command],
                       capture_output=True, text=True)
    if r.returncode != 0:
        raise RuntimeError(f"psql failed: {r.stderr.strip()}")


def with_database(url, database):
    parts = urllib.parse.urlsplit(url)
    return urllib.parse.urlunsplit(parts._replace(path="/" + database))


# ---------------------------------------------------------------- the tables

def fmt_ns(t, clock, in_process):
    if t is None:
        return "—"
    return f"{getattr(t, clock):,.0f}" + (" *" if clock == "wall" and in_process and t.waited() else "")


def fmt_ratio(a, b, clock):
    return "—" if a is None or b is None else f"{getattr(a, clock) / getattr(b, clock):.2f}×"


def table(db, cpp, node, skipped, clock="wall"):
    """A markdown table for one database: ns/op per side (wall or CPU time) and the ratios."""
    cpp_sides = sorted({name.split("/")[0] for name in [*cpp, *skipped]}, key=lambda side: (side != "raw", side))
    extra_sides = [s for s in cpp_sides if s != "raw"]
    title = f"{DATABASES[db]}, ns/op" + (" of CPU time" if clock == "cpu" else "")
    notes = [f"Skipped: {msg}" for msg in sorted({m for name, m in skipped.items() if name.split("/")[1] == db})]
    workloads = [w for w in WORKLOADS if any(f"{s}/{db}/{w}" in cpp for s in cpp_sides)
                 or f"{NODE_ORM}/{db}/{w}" in node or f"{NODE_RAW}/{db}/{w}" in node]
    if not workloads:
        return [f"### {title}", "", *notes, ""] if notes else []
    in_process = db == "sqlite"  # PostgreSQL's work is in the server: its CPU time is not the client's
    with_node = any(f"{s}/{db}/{w}" in node for s in (NODE_ORM, NODE_RAW) for w in workloads)
    head = ["workload", "C++ raw"]
    for s in extra_sides:
        head += [f"C++ {s}", f"{s} / raw"]
    if with_node:
        head += [f"node {NODE_RAW}", f"node {NODE_ORM}", f"{NODE_ORM} / C++ raw", f"{NODE_ORM} / {NODE_RAW}",
                 f"{NODE_RAW} / C++ raw"]
    rows = []
    for w in workloads:
        raw = cpp.get(f"raw/{db}/{w}")
        row = [w, fmt_ns(raw, clock, in_process)]
        for s in extra_sides:
            value = cpp.get(f"{s}/{db}/{w}")
            row += [fmt_ns(value, clock, in_process), fmt_ratio(value, raw, clock)]
        if with_node:
            nraw, norm = node.get(f"{NODE_RAW}/{db}/{w}"), node.get(f"{NODE_ORM}/{db}/{w}")
            row += [fmt_ns(nraw, clock, in_process), fmt_ns(norm, clock, in_process),
                    fmt_ratio(norm, raw, clock), fmt_ratio(norm, nraw, clock), fmt_ratio(nraw, raw, clock)]
        rows.append(row)
    out = [f"### {title}", "", "| " + " | ".join(head) + " |", "|---|" + "---:|" * (len(head) - 1)]
    out += ["| " + " | ".join(r) + " |" for r in rows]
    if any(cell.endswith(" *") for r in rows for cell in r):
        notes.append(BUSY_NOTE)
    return out + [""] + notes + ([""] if notes else [])


def tables(cpp, node, skipped):
    """Every database's table in wall time; SQLite's again in CPU time when other load disturbed it."""
    out = []
    for db in DATABASES:
        out += table(db, cpp, node, skipped)
    if any(t.waited() for name, t in [*cpp.items(), *node.items()] if name.split("/")[1] == "sqlite"):
        out += table("sqlite", cpp, node, skipped, clock="cpu")
    return out


def context_lines(cpp_context, node_context, args):
    lines = [f"Median of {args.runs} runs of at least {args.min_time} s each; wall time per operation."]
    if cpp_context:
        load = ", ".join(f"{x:.2f}" for x in cpp_context.get("load_avg", []))
        lines.append(f"C++: Google Benchmark (library build: {cpp_context.get('library_build_type')}), "
                     f"SQLite {cpp_context.get('sqlite_version')}, libpq {cpp_context.get('libpq_version')}; "
                     f"{cpp_context.get('num_cpus')} CPUs, load average at start {load}.")
    if node_context:
        lines.append(f"node {node_context['node']}: drizzle-orm {node_context['drizzle-orm']}, better-sqlite3 "
                     f"{node_context['better-sqlite3']} (bundled SQLite {node_context['sqlite_version']}).")
    return lines


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build-dir", default=str(REPO / "build-bench"), help="default: build-bench")
    parser.add_argument("--runs", type=int, default=5, help="runs per benchmark; the median is reported (default 5)")
    parser.add_argument("--min-time", type=float, default=0.5, help="seconds per run, at least (default 0.5)")
    parser.add_argument("--filter", default="", help="regular expression on benchmark names, both sides")
    parser.add_argument("--pg-url", default=os.environ.get("DRIZZLE_BENCH_PG_URL"),
                        help="PostgreSQL database to use (default $DRIZZLE_BENCH_PG_URL; see above)")
    parser.add_argument("--skip-node", action="store_true", help="C++ side only")
    parser.add_argument("--npm-ci", action="store_true", help="run npm ci even when node_modules is up to date")
    parser.add_argument("--markdown", metavar="FILE", help="also write the tables to FILE")
    args = parser.parse_args()

    binary = build(pathlib.Path(args.build_dir))

    pg_url, created = args.pg_url, None
    if not pg_url and os.environ.get("DRIZZLE_TEST_PG_URL"):
        server = os.environ["DRIZZLE_TEST_PG_URL"]
        psql(server, f"DROP DATABASE IF EXISTS {BENCH_DATABASE}")
        psql(server, f"CREATE DATABASE {BENCH_DATABASE}")
        pg_url, created = with_database(server, BENCH_DATABASE), server
    try:
        cpp_context, cpp, skipped = run_cpp(binary, args, pg_url)
    finally:
        if created:
            psql(created, f"DROP DATABASE IF EXISTS {BENCH_DATABASE}")

    node_context, node = None, {}
    if not args.skip_node:
        npm_ci(args.npm_ci)
        node_context, node = run_node(args)
        if node_context["data_fingerprint"] != cpp_context["data_fingerprint"]:
            sys.exit(f"the node side's data differs from the C++ side's (fingerprint {node_context['data_fingerprint']}"
                     f" vs {cpp_context['data_fingerprint']}): bench.mjs and bench_data.cpp must build the same rows")

    lines = tables(cpp, node, skipped) + context_lines(cpp_context, node_context, args)
    print("\n".join(lines))
    if args.markdown:
        pathlib.Path(args.markdown).write_text("\n".join(lines) + "\n")
        log(f"wrote {args.markdown}")


if __name__ == "__main__":
    main()

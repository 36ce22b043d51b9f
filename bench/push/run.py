#!/usr/bin/env python3
"""drizzle-kit push benchmark: push with nothing to do, and push of one added column, on the pull
benchmark's synthetic databases (bench/pull/run.py builds them; the same tables, the same seed).

For each dialect and size N the script builds (or reuses) the database pull_bench_<N>, pulls it
into a scratch project with build/drizzle-kit (so the schema header declares exactly that
database), compiles the exporter once (`export`, not timed: compile time is measured by the
schema-compile benchmarks), then times

  nothing:    drizzle-kit push                  (the database already matches: introspect + diff)
  one column: the database loses one nullable column (ALTER TABLE ... DROP COLUMN), then
              drizzle-kit push                  (introspect + diff + one ADD COLUMN in a transaction)

each the median of --runs runs, wall time of the whole process. Drizzle Kit's push is not run
here: on the 1,000-table PostgreSQL database its introspection alone is the 150 s its pull takes
(BENCHMARKS.md, pull section).

    ninja -C build drizzle-kit
    python3 bench/push/run.py --dialects postgresql,mysql,sqlite --sizes 1000
"""
import argparse
import importlib.util
import os
import pathlib
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[2]
KIT = ROOT / "build" / "drizzle-kit"

spec = importlib.util.spec_from_file_location("pull_bench", ROOT / "bench" / "pull" / "run.py")
pull = importlib.util.module_from_spec(spec)
spec.loader.exec_module(pull)


def kit(args, cwd):
    started = time.perf_counter()
    r = subprocess.run([str(KIT), *args], cwd=cwd, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if r.returncode != 0:
        sys.exit(f"drizzle-kit {' '.join(args)} failed ({r.returncode}):\n{r.stdout}\n{r.stderr}")
    return elapsed, r.stdout


def drop_column_sql(dialect, table, column):
    q = '`' if dialect == "mysql" else '"'
    return f"ALTER TABLE {q}{table}{q} DROP COLUMN {q}{column}{q}"


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--dialects", default="postgresql")
    p.add_argument("--sizes", default="1000")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--runs", type=int, default=3)
    args = p.parse_args()
    pg_url = os.environ.get("DRIZZLE_TEST_PG_URL")
    my_url = os.environ.get("DRIZZLE_TEST_MYSQL_URL")
    if not KIT.exists():
        sys.exit("build drizzle-kit first: ninja -C build drizzle-kit")
    work = pathlib.Path(tempfile.mkdtemp(prefix="push_bench_"))
    rows = []
    try:
        for dialect in args.dialects.split(","):
            for n in (int(s) for s in args.sizes.split(",")):
                if dialect == "postgresql":
                    url = pull.prepare_pg(pg_url, args.seed, n)
                elif dialect == "mysql":
                    url = pull.prepare_mysql(my_url, args.seed, n)
                else:
                    url = str(pull.prepare_sqlite(work, args.seed, n))
                project = work / f"{dialect}_{n}"
                project.mkdir()
                (project / "drizzle.config.json").write_text(
                    '{"dialect": "%s", "schema": "db/schema.hpp", "out": "db", "dbCredentials": {"url": "%s"}}'
                    % (dialect, url))
                kit(["pull"], project)
                shutil.rmtree(project / "db" / "meta")  # push needs no migrations folder
                kit(["export"], project)  # compiles the exporter once
                nothing = []
                for _ in range(args.runs):
                    t, out = kit(["push"], project)
                    if "No changes detected" not in out:
                        sys.exit(f"push on an unchanged {dialect} database changed something:\n{out}")
                    nothing.append(t)
                column = []
                table = pull.table_name(n - 1)
                conn_sql = drop_column_sql(dialect, table, "data")
                for _ in range(args.runs):
                    if dialect == "postgresql":
                        pull.psql(url, command=conn_sql)
                    elif dialect == "mysql":
                        pull.mysql(url, command=conn_sql)
                    else:
                        subprocess.run(["sqlite3", url, conn_sql], check=True)
                    t, out = kit(["push"], project)
                    if "Changes applied: 1 statement" not in out:
                        sys.exit(f"push of one column on {dialect} did not run one statement:\n{out}")
                    column.append(t)
                rows.append((dialect, n, statistics.median(nothing), statistics.median(column)))
                print(f"{dialect} {n} tables: nothing to do {rows[-1][2]:.2f} s, one added column {rows[-1][3]:.2f} s",
                      flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print("\n| dialect | tables | push, nothing to do | push, one added column |\n| --- | --- | --- | --- |")
    for d, n, a, b in rows:
        print(f"| {d} | {n:,} | {a:.2f} s | {b:.2f} s |")


if __name__ == "__main__":
    main()

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

each the median of --runs runs, wall time of the whole process.

PostgreSQL also gets a third figure, "respelled checks": the pulled header's CHECK constraints
rewritten as a person writes them (`qty >= 0`, where the catalog says `(qty >= 0)`), so that every
table with a check differs in text from the database and push reads the server's spelling back
through its probe (a scratch schema in a savepoint) before it can tell that nothing changed.

With --drizzle, Drizzle Kit 0.31.11 (tests/fixtures/drizzle-kit) does the same on the same
database: its own `pull` writes the TypeScript schema (not timed), then `push --force` with nothing
to do and after the same dropped column, one run each (it is slow), killed after
--drizzle-timeout seconds. Its output is kept in the results: a push that finds changes in an
unchanged database is reported as such. PostgreSQL and MariaDB only (SQLite needs better-sqlite3,
which the fixtures do not install).

    ninja -C build drizzle-kit
    python3 bench/push/run.py --dialects postgresql,mysql,sqlite --sizes 1000 [--drizzle]
"""
import argparse
import importlib.util
import os
import pathlib
import re
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


def node_kit(args, cwd, timeout):
    started = time.perf_counter()
    try:
        r = subprocess.run(["node", str(pull.NODE_KIT), *args], cwd=cwd, capture_output=True, text=True,
                           timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, f"killed after {timeout} s"
    out = (r.stdout + r.stderr)[-2000:]
    failed = r.returncode != 0 or "Error" in out
    return (None if failed else time.perf_counter() - started), out


def drop_column_sql(dialect, table, column):
    q = '`' if dialect == "mysql" else '"'
    return f"ALTER TABLE {q}{table}{q} DROP COLUMN {q}{column}{q}"


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--dialects", default="postgresql")
    p.add_argument("--sizes", default="1000")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--drizzle", action="store_true", help="also time Drizzle Kit 0.31's push")
    p.add_argument("--drizzle-timeout", type=int, default=1800)
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
                    prepared = pull.prepare_pg(pg_url, args.seed, n)
                elif dialect == "mysql":
                    prepared = pull.prepare_mysql(my_url, args.seed, n)
                else:
                    prepared = pull.prepare_sqlite(work, args.seed, n)
                url = str(prepared[0] if isinstance(prepared, tuple) else prepared)  # (url, built)
                if dialect == "postgresql":
                    # Earlier runs' probes (created and rolled back) leave dead catalog rows until
                    # autovacuum comes by; every run starts from a vacuumed catalog.
                    pull.psql(url, command="VACUUM")
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
                        pull.mysql(url, command=conn_sql, database=f"pull_bench_{n}")
                    else:
                        subprocess.run(["sqlite3", url, conn_sql], check=True)
                    t, out = kit(["push"], project)
                    if "Changes applied: 1 statement" not in out:
                        sys.exit(f"push of one column on {dialect} did not run one statement:\n{out}")
                    column.append(t)
                theirs = (None, None)
                if args.drizzle and dialect != "sqlite":
                    ts = work / f"{dialect}_{n}_ts"
                    ts.mkdir()
                    node_kit(["pull", "--dialect", dialect, "--url", url, "--out", str(ts / "out")], ts,
                             args.drizzle_timeout)
                    # Drizzle Kit 0.31's MySQL pull uses column builders (tinyint, bigint, ...) it does not
                    # import, so its own schema.ts does not load: the import is completed with every
                    # export of drizzle-orm/mysql-core the file calls.
                    schema_ts = ts / "out" / "schema.ts"
                    text = schema_ts.read_text()
                    head, sep, rest = text.partition(' } from "drizzle-orm/mysql-core"')
                    if sep:
                        exports = subprocess.run(
                            ["node", "-e", "console.log(Object.keys(require('drizzle-orm/mysql-core')).join(' '))"],
                            cwd=pull.NODE_KIT.parents[2], capture_output=True, text=True, check=True).stdout.split()
                        imported = set(x.strip() for x in head.rsplit("import {", 1)[-1].split(","))
                        missing = [e for e in exports if e not in imported and re.search(r"\b" + e + r"\(", rest)]
                        schema_ts.write_text(head + "".join(", " + m for m in missing) + sep + rest)
                    (ts / "drizzle.config.ts").write_text(
                        "export default { dialect: '%s', schema: './out/schema.ts', out: './out', "
                        "dbCredentials: { url: '%s' } };\n" % (dialect, url))
                    (ts / "node_modules").symlink_to(pull.NODE_KIT.parents[1])
                    t_nothing, out_nothing = node_kit(["push", "--force", "--config", "drizzle.config.ts"], ts,
                                                      args.drizzle_timeout)
                    print(f"drizzle-kit push, nothing to do: {t_nothing} s\n{out_nothing}", flush=True)
                    if dialect == "postgresql":
                        pull.psql(url, command=conn_sql)
                    else:
                        pull.mysql(url, command=conn_sql, database=f"pull_bench_{n}")
                    t_column, out_column = node_kit(["push", "--force", "--config", "drizzle.config.ts"], ts,
                                                    args.drizzle_timeout)
                    print(f"drizzle-kit push, one added column: {t_column} s\n{out_column}", flush=True)
                    kit(["push", "--force"], project)  # the database as the header says, whatever it did
                    theirs = (t_nothing, t_column)
                respelled = None
                if dialect == "postgresql":
                    header = project / "db" / "schema.hpp"
                    text = header.read_text()
                    header.write_text(re.sub(r'pg::sql\("\((qty >= 0|length\(name\) > 0)\)"\)', r'pg::sql("\1")',
                                             text.replace('pg::sql("(amount >= (0)::numeric)")', 'pg::sql("amount >= 0")')))
                    kit(["export"], project)
                    times = []
                    for _ in range(args.runs):
                        t, out = kit(["push"], project)
                        if "No changes detected" not in out:
                            sys.exit(f"push with respelled checks changed something:\n{out}")
                        times.append(t)
                    respelled = statistics.median(times)
                    header.write_text(text)
                    print(f"postgresql {n} tables, respelled checks: nothing to do {respelled:.2f} s", flush=True)
                rows.append((dialect, n, statistics.median(nothing), statistics.median(column), *theirs))
                print(f"{dialect} {n} tables: nothing to do {rows[-1][2]:.2f} s, one added column {rows[-1][3]:.2f} s",
                      flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print("\n| dialect | tables | ours, nothing to do | ours, one added column | Drizzle Kit, nothing to do | "
          "Drizzle Kit, one added column |\n| --- | --- | --- | --- | --- | --- |")
    fmt = lambda t: "—" if t is None else f"{t:.2f} s"
    for d, n, a, b, c, e in rows:
        print(f"| {d} | {n:,} | {a:.2f} s | {b:.2f} s | {fmt(c)} | {fmt(e)} |")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""drizzle-kit benchmark: our `generate` and `migrate` next to Drizzle Kit's on the same work.

generate (SQLite, no server): a schema of --tables tables x 8 columns (integer, text, real and
boolean columns, nullable and NOT NULL, an autoincrement primary key, a unique column, a foreign
key to the previous table and an index per table), written once as a C++ header for
build/drizzle-kit and once as TypeScript for Drizzle Kit, each with its own config. Steps:
  (a) first generate: empty out folder; ours also compiles the schema exporter (no cache)
  (b) generate again with nothing changed (ours: the cached exporter)
  (c) generate after adding one column to one table (ours compiles the exporter again)
  (c') ours only: the same change with its exporter already compiled and cached
  (d) with --history N: generate with nothing changed in a folder of N migrations (the rest
      added by `generate --custom`, each with its own copy of the snapshot), as a project's
      history grows
Ours' compile time is read from `drizzle-kit export --verbose` on the same change. With --files N
the C++ schema is N headers (schema/*.hpp, each table's foreign key within its own header), which
drizzle-kit compiles one by one and caches per header: step (c) recompiles one of them.

migrate: --migrations small pending migrations in Drizzle Kit's folder format (each creates a
table or adds a column), applied to a fresh copy of one SQLite file by
`build/drizzle-kit migrate` and by drizzle-orm's migrator (node + sql.js, which loads the file,
migrates it in memory and writes it back). With --pg-url (default $DRIZZLE_TEST_PG_URL) also
PostgreSQL, against node-postgres, each run on a freshly created database.

Every timing is the median of --runs runs; CPU is user + sys of the process and its children,
which other load on the machine disturbs least (for PostgreSQL it leaves out the server's work:
compare the wall times there).

    cmake -S . -B build -G Ninja && ninja -C build drizzle-kit
    python3 bench/kit/run.py
    source scripts/lib/servers.sh && _drizzle_pg_start && python3 bench/kit/run.py; _drizzle_pg_stop

Standard library only (plus node for Drizzle Kit).
"""

import argparse
import json
import os
import pathlib
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse

REPO = pathlib.Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures" / "drizzle-kit"
OUR_KIT = REPO / "build" / "drizzle-kit"
NODE_KIT = FIXTURES / "node_modules" / "drizzle-kit" / "bin.cjs"
ORM_MIGRATE = REPO / "tests" / "migrate" / "drizzle_orm_migrate.cjs"
CHANGED_TABLE = 500  # the table that gains a column in step (c); clamped to the schema's size


# ---------------------------------------------------------------- schemas

def parent_of(i, n, files):
    """The table table i's foreign key refers to: the previous one, or itself when it opens one of
    the --files headers, so that each header stands alone (the layout that compiles one by one)."""
    per_file = -(-n // files)
    return i if i % per_file == 0 else i - 1


def cpp_table(i, extra_column, parent):
    r = f"Row{i}"
    note_member = "    std::optional<std::string> note;\n" if extra_column else ""
    note_column = f"    sqlite::text<&{r}::note>(\"note\"),\n" if extra_column else ""
    return (
        f"struct {r} {{\n"
        f"    std::int64_t id;\n    std::string name;\n    std::optional<std::string> email;\n"
        f"    std::optional<std::int64_t> parentId;\n    std::int64_t counter;\n    std::optional<double> score;\n"
        f"    bool active;\n    std::optional<std::string> createdAt;\n{note_member}}};\n"
        f"inline const auto table{i} = sqlite::sqliteTable<{r}>(\"table_{i}\", {{\n"
        f"    sqlite::integer<&{r}::id>(\"id\").primaryKey().autoincrement(),\n"
        f"    sqlite::text<&{r}::name>(\"name\").notNull(),\n"
        f"    sqlite::text<&{r}::email>(\"email\").unique(),\n"
        f"    sqlite::integer<&{r}::parentId>(\"parent_id\").references<&Row{parent}::id>({{.onDelete = sqlite::cascade}}),\n"
        f"    sqlite::integer<&{r}::counter>(\"counter\").notNull().default_(0),\n"
        f"    sqlite::real<&{r}::score>(\"score\"),\n"
        f"    sqlite::integer<&{r}::active>(\"active\").notNull().default_(false),\n"
        f"    sqlite::text<&{r}::createdAt>(\"created_at\"),\n{note_column}"
        f"}}, {{\n"
        f"    sqlite::index(\"table_{i}_name_idx\").on<&{r}::name>(),\n"
        f"}});\n"
    )


def ts_table(i, extra_column, parent):
    note = "  note: text('note'),\n" if extra_column else ""
    return (
        f"export const table{i} = sqliteTable('table_{i}', {{\n"
        f"  id: integer('id').primaryKey({{ autoIncrement: true }}),\n"
        f"  name: text('name').notNull(),\n"
        f"  email: text('email').unique(),\n"
        f"  parentId: integer('parent_id').references((): AnySQLiteColumn => table{parent}.id, {{ onDelete: 'cascade' }}),\n"
        f"  counter: integer('counter').notNull().default(0),\n"
        f"  score: real('score'),\n"
        f"  active: integer('active', {{ mode: 'boolean' }}).notNull().default(false),\n"
        f"  createdAt: text('created_at'),\n{note}"
        f"}}, (t) => [index('table_{i}_name_idx').on(t.name)]);\n"
    )


def write_schemas(cpp_dir, ts_dir, n, changed, files=1):
    """Writes both schemas; `changed` is the table that has the extra column, or None. With
    files > 1 the C++ schema is that many headers in schema/, each with its own tables."""
    per_file = -(-n // files)
    parts = [range(k, min(k + per_file, n)) for k in range(0, n, per_file)]
    for k, part in enumerate(parts):
        tables = "".join(cpp_table(i, i == changed, parent_of(i, n, files)) for i in part)
        path = cpp_dir / "schema.hpp" if files == 1 else cpp_dir / "schema" / f"part_{k:03}.hpp"
        path.parent.mkdir(exist_ok=True)
        text = ("#pragma once\n#include <drizzle/sqlite.hpp>\n\n"
                f"namespace bench {{\nnamespace sqlite = drizzle::sqlite;\n\n{tables}}}  // namespace bench\n")
        if not path.exists() or path.read_text() != text:  # an unchanged header keeps its cache entry
            path.write_text(text)
    tables = "".join(ts_table(i, i == changed, parent_of(i, n, files)) for i in range(n))
    (ts_dir / "schema.ts").write_text(
        "import { index, integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';\n"
        "import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core';\n\n" + tables)


def write_configs(cpp_dir, ts_dir, files=1):
    schema = "schema.hpp" if files == 1 else "schema/*.hpp"
    (cpp_dir / "drizzle.config.json").write_text(
        json.dumps({"dialect": "sqlite", "schema": schema, "out": "drizzle"}, indent=2) + "\n")
    (ts_dir / "drizzle.config.ts").write_text(
        "import { defineConfig } from 'drizzle-kit';\n\n"
        "export default defineConfig({ dialect: 'sqlite', schema: './schema.ts', out: './drizzle' });\n")
    # The TypeScript schema imports drizzle-orm: resolve it from the fixtures' node_modules.
    (ts_dir / "node_modules").symlink_to(FIXTURES / "node_modules")


# ---------------------------------------------------------------- timing

class Timing:
    def __init__(self, cpu, wall, out):
        self.cpu, self.wall, self.out = cpu, wall, out


def run_once(command, cwd=None, env=None):
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT)
    out = process.stdout.read().decode(errors="replace")
    _, status, usage = os.wait4(process.pid, 0)  # includes the children it waited for (compiler, esbuild)
    wall = time.perf_counter() - start
    process.stdout.close()
    status = os.waitstatus_to_exitcode(status)
    if status != 0:
        raise RuntimeError(f"{' '.join(map(str, command))} exited with {status}:\n{out}")
    return Timing(usage.ru_utime + usage.ru_stime, wall, out)


def median(timings):
    return Timing(statistics.median(t.cpu for t in timings), statistics.median(t.wall for t in timings),
                  timings[-1].out)


def repeat(runs, prepare, command, cwd, check=None):
    """`prepare()` before each run (not timed), then the timed command; `check(output)` after each."""
    timings = []
    for _ in range(runs):
        prepare()
        t = run_once(command, cwd)
        if check:
            check(t.out)
        timings.append(t)
    return median(timings)


def restore(backup, target):
    shutil.rmtree(target, ignore_errors=True)
    if backup.exists():
        shutil.copytree(backup, target, symlinks=True)


def expect(pattern, what):
    def check(output):
        if not re.search(pattern, output):
            raise RuntimeError(f"{what}: unexpected output:\n{output[-3000:]}")
    return check


def expect_files(folder, names, what):
    def check(output):
        missing = [n for n in names if not (folder / n).exists()]
        if missing:  # Drizzle Kit exits 0 even when it fails
            raise RuntimeError(f"{what} did not write {missing}:\n{output[-3000:]}")
    return check


# ---------------------------------------------------------------- generate

def bench_generate(root, n, runs, files, history=0):
    cpp, ts = root / "cpp", root / "ts"
    cpp.mkdir(parents=True)
    ts.mkdir()
    write_configs(cpp, ts, files)
    changed = min(CHANGED_TABLE, n - 1)
    write_schemas(cpp, ts, n, None, files)
    ours = [str(OUR_KIT), "generate"]
    theirs = ["node", str(NODE_KIT), "generate", "--config", "drizzle.config.ts"]
    rows = []

    def clean(*folders):
        return lambda: [shutil.rmtree(d, ignore_errors=True) for d in folders]

    def both(step, ours_result, theirs_result):
        rows.append((step, ours_result, theirs_result))
        print(f"  {step}: ours {ours_result.cpu:.2f} s CPU ({ours_result.wall:.2f} wall), "
              f"drizzle-kit {theirs_result.cpu:.2f} s CPU ({theirs_result.wall:.2f} wall)", flush=True)

    init = ["drizzle/0000_init.sql", "drizzle/meta/0000_snapshot.json", "drizzle/meta/_journal.json"]
    a_ours = repeat(runs, clean(cpp / "drizzle", cpp / ".drizzle"), ours + ["--name", "init"], cpp, expect_files(cpp, init, "drizzle-cpp"))
    a_theirs = repeat(runs, clean(ts / "drizzle"), theirs + ["--name", "init"], ts, expect_files(ts, init, "drizzle-kit"))
    both("(a) first generate", a_ours, a_theirs)
    snapshots = [json.loads((d / "drizzle/meta/0000_snapshot.json").read_text()) for d in (cpp, ts)]
    for s in snapshots:
        del s["id"]
    print(f"  the two first snapshots are {'equal' if snapshots[0] == snapshots[1] else 'DIFFERENT'} (ids aside)")
    # Both out folders and our exporter cache now hold the initial schema: keep them to restore.
    saved = root / "saved"
    for src, name in ((cpp / "drizzle", "cpp_out"), (cpp / ".drizzle", "cpp_cache"), (ts / "drizzle", "ts_out")):
        shutil.copytree(src, saved / name, symlinks=True)

    nothing = "No schema changes, nothing to migrate"
    b_ours = repeat(runs, lambda: None, ours, cpp, expect(nothing, "drizzle-cpp no-op generate"))
    b_theirs = repeat(runs, lambda: None, theirs, ts, expect(nothing, "drizzle-kit no-op generate"))
    both("(b) no-op generate", b_ours, b_theirs)

    write_schemas(cpp, ts, n, changed, files)
    added = ["drizzle/0001_add_note.sql"]

    def fresh_cpp():
        restore(saved / "cpp_out", cpp / "drizzle")
        restore(saved / "cpp_cache", cpp / ".drizzle")

    def check_added(folder, what):
        files = expect_files(folder, added, what)

        def check(output):
            files(output)
            sql = (folder / added[0]).read_text()
            if f"ALTER TABLE `table_{changed}` ADD `note` text" not in sql:
                raise RuntimeError(f"{what} wrote an unexpected migration:\n{sql}")
        return check

    c_ours = repeat(runs, fresh_cpp, ours + ["--name", "add_note"], cpp, check_added(cpp, "drizzle-cpp"))
    c_theirs = repeat(runs, lambda: restore(saved / "ts_out", ts / "drizzle"), theirs + ["--name", "add_note"], ts,
                      check_added(ts, "drizzle-kit"))
    both("(c) generate after adding a column", c_ours, c_theirs)

    # The compile alone, as the CLI reports it; this also leaves the changed schema's exporter cached.
    fresh_cpp()
    exported = run_once([str(OUR_KIT), "export", "--verbose"], cpp)
    match = re.search(r"(?:compiled the schema exporter|linked the exporter) in ([0-9.]+) s", exported.out)
    if not match:
        raise RuntimeError(f"drizzle-kit export --verbose did not report a compile:\n{exported.out[-3000:]}")
    compile_wall = float(match.group(1))
    print(f"  exporter compile (export --verbose): {compile_wall:.2f} s wall", flush=True)

    c2_ours = repeat(runs, lambda: restore(saved / "cpp_out", cpp / "drizzle"), ours + ["--name", "add_note"], cpp,
                     check_added(cpp, "drizzle-cpp"))
    both("(c') same, our exporter cached", c2_ours, c_theirs)

    if history > 2:
        # Both folders now hold 0000 and 0001 (the last runs of (c') and (c)); each tool adds the rest.
        for folder, command in ((cpp, ours), (ts, theirs)):
            for i in range(2, history):
                run_once(command + ["--custom", "--name", f"history_{i}"], folder)
            journal = json.loads((folder / "drizzle/meta/_journal.json").read_text())
            if len(journal["entries"]) != history:
                raise RuntimeError(f"{folder}: {len(journal['entries'])} migrations, expected {history}")
        d_ours = repeat(runs, lambda: None, ours, cpp, expect(nothing, "drizzle-cpp no-op generate"))
        d_theirs = repeat(runs, lambda: None, theirs, ts, expect(nothing, "drizzle-kit no-op generate"))
        both(f"(d) no-op generate, {history} migrations", d_ours, d_theirs)
    return rows, compile_wall


# ---------------------------------------------------------------- migrate

def write_migrations(folder, count, dialect):
    """Drizzle Kit's folder format: meta/_journal.json and <tag>.sql, each adding a table or a column."""
    q = "`" if dialect == "sqlite" else '"'
    add = "ADD" if dialect == "sqlite" else "ADD COLUMN"
    (folder / "meta").mkdir(parents=True)
    base = 1_700_000_000_000
    entries = []
    for i in range(count):
        tag = f"{i:04d}_step_{i}"
        if i % 2 == 0:
            sql = f"CREATE TABLE {q}m_{i}{q} (\n\t{q}id{q} integer PRIMARY KEY NOT NULL,\n\t{q}v{q} text\n);\n"
        else:
            sql = f"ALTER TABLE {q}m_{i - 1}{q} {add} {q}w{q} integer;"
        (folder / f"{tag}.sql").write_text(sql)
        entries.append({"idx": i, "version": "6" if dialect == "sqlite" else "7", "when": base + i * 1000,
                        "tag": tag, "breakpoints": True})
    journal = {"version": "7", "dialect": dialect, "entries": entries}
    (folder / "meta" / "_journal.json").write_text(json.dumps(journal, indent=2))


def count_applied_sqlite(path):
    with sqlite3.connect(path) as db:
        return db.execute("SELECT count(*) FROM __drizzle_migrations").fetchone()[0]


def bench_migrate_sqlite(root, count, runs):
    folder = root / "migrations_sqlite"
    write_migrations(folder, count, "sqlite")
    base = root / "base.db"
    with sqlite3.connect(base) as db:  # "the same database": one existing table, no migrations yet
        db.execute("CREATE TABLE existing (id integer PRIMARY KEY, note text)")
    target = root / "target.db"

    def fresh():
        for suffix in ("", "-journal", "-wal", "-shm"):
            pathlib.Path(f"{target}{suffix}").unlink(missing_ok=True)
        shutil.copyfile(base, target)

    def applied(output):
        if count_applied_sqlite(target) != count:
            raise RuntimeError(f"not all {count} migrations were recorded:\n{output[-3000:]}")

    ours = repeat(runs, fresh, [str(OUR_KIT), "migrate", "--dialect", "sqlite", "--url", str(target), "--out",
                                str(folder)], root, applied)
    theirs = repeat(runs, fresh, ["node", str(ORM_MIGRATE), str(FIXTURES), "sqlite", str(target), str(folder)], root,
                    applied)
    print(f"  SQLite: ours {ours.cpu:.2f} s CPU ({ours.wall:.2f} wall), drizzle-orm {theirs.cpu:.2f} s CPU "
          f"({theirs.wall:.2f} wall)", flush=True)
    return ours, theirs


def bench_migrate_pg(root, count, runs, url):
    folder = root / "migrations_pg"
    write_migrations(folder, count, "postgresql")
    parts = urllib.parse.urlsplit(url)
    made = []

    def psql(database, sql):
        admin = parts._replace(path=f"/{database}").geturl()
        return subprocess.run(["psql", "-X", "-q", "-tA", admin, "-c", sql], check=True, capture_output=True,
                              text=True).stdout.strip()

    def run_on_fresh_database(command_for):
        timings = []
        for _ in range(runs):
            name = f"bench_kit_{len(made)}"
            psql(parts.path.lstrip("/") or "postgres", f"DROP DATABASE IF EXISTS {name}")
            psql(parts.path.lstrip("/") or "postgres", f"CREATE DATABASE {name}")
            made.append(name)
            t = run_once(command_for(parts._replace(path=f"/{name}").geturl()), root)
            if int(psql(name, "SELECT count(*) FROM drizzle.__drizzle_migrations")) != count:
                raise RuntimeError(f"not all {count} migrations were recorded:\n{t.out[-3000:]}")
            timings.append(t)
        return median(timings)

    try:
        ours = run_on_fresh_database(lambda u: [str(OUR_KIT), "migrate", "--dialect", "postgresql", "--url", u,
                                                "--out", str(folder)])
        theirs = run_on_fresh_database(lambda u: ["node", str(ORM_MIGRATE), str(FIXTURES), "postgresql", u,
                                                  str(folder)])
    finally:
        for name in made:
            psql(parts.path.lstrip("/") or "postgres", f"DROP DATABASE IF EXISTS {name}")
    print(f"  PostgreSQL: ours {ours.cpu:.2f} s CPU ({ours.wall:.2f} wall), drizzle-orm {theirs.cpu:.2f} s CPU "
          f"({theirs.wall:.2f} wall)", flush=True)
    return ours, theirs


# ---------------------------------------------------------------- main

def prerequisites():
    if not OUR_KIT.is_file():
        subprocess.run(["cmake", "-S", str(REPO), "-B", str(REPO / "build"), "-G", "Ninja"], check=True)
        subprocess.run(["ninja", "-C", str(REPO / "build"), "drizzle-kit"], check=True)
    if not NODE_KIT.is_file():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=FIXTURES, check=True)


def versions():
    def first_line(command):
        try:
            return subprocess.run(command, capture_output=True, text=True).stdout.splitlines()[0]
        except (OSError, IndexError):
            return "not found"
    packages = {p: json.loads((FIXTURES / "node_modules" / p / "package.json").read_text())["version"]
                for p in ("drizzle-kit", "drizzle-orm", "sql.js", "pg")}
    return {"clang++": first_line(["clang++", "--version"]), "g++": first_line(["g++", "--version"]),
            "node": first_line(["node", "--version"]), **packages}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tables", type=int, default=1000, help="tables in the generate schema (default 1000)")
    parser.add_argument("--migrations", type=int, default=500, help="pending migrations to apply (default 500)")
    parser.add_argument("--runs", type=int, default=3, help="runs per timing; the median is reported")
    parser.add_argument("--pg-url", default=os.environ.get("DRIZZLE_TEST_PG_URL"),
                        help="PostgreSQL server for the migrate benchmark (default: $DRIZZLE_TEST_PG_URL; none: skip)")
    parser.add_argument("--files", type=int, default=1,
                        help="split the C++ schema into this many headers (schema/*.hpp), each compiled on its own")
    parser.add_argument("--history", type=int, default=0,
                        help="step (d): a no-op generate in a folder of this many migrations (0: skip)")
    parser.add_argument("--kit", default=str(REPO / "build" / "drizzle-kit"),
                        help="our drizzle-kit binary (default: build/drizzle-kit; another build to compare versions)")
    parser.add_argument("--skip-generate", action="store_true")
    parser.add_argument("--keep", metavar="DIR", help="work in DIR (must not exist) and keep the files")
    args = parser.parse_args()
    global OUR_KIT
    OUR_KIT = pathlib.Path(args.kit).resolve()
    prerequisites()
    for name, version in versions().items():
        print(f"{name}: {version}")
    print(f"ours: {OUR_KIT}; our exporter compiler: $DRIZZLE_CXX, else clang++ when installed, else the project's")
    print(f"CPU = user + sys seconds of the process and its children, median of {args.runs}\n", flush=True)

    with tempfile.TemporaryDirectory() as scratch:
        root = pathlib.Path(args.keep) if args.keep else pathlib.Path(scratch)
        root.mkdir(parents=True, exist_ok=bool(not args.keep))
        table = []
        compile_wall = None
        if not args.skip_generate:
            print(f"generate, SQLite, {args.tables} tables x 8 columns"
                  f"{f' in {args.files} headers' if args.files > 1 else ''}:", flush=True)
            rows, compile_wall = bench_generate(root / "generate", args.tables, args.runs, args.files, args.history)
            table += [(step, o, t) for step, o, t in rows]
        print(f"migrate, {args.migrations} pending migrations:", flush=True)
        o, t = bench_migrate_sqlite(root, args.migrations, args.runs)
        table.append((f"migrate {args.migrations}, SQLite file (drizzle-orm: sql.js)", o, t))
        if args.pg_url:
            o, t = bench_migrate_pg(root, args.migrations, args.runs, args.pg_url)
            table.append((f"migrate {args.migrations}, PostgreSQL (drizzle-orm: node-postgres)", o, t))

    print()
    print("| step | ours CPU | Drizzle CPU | ours / Drizzle CPU | ours wall | Drizzle wall | ours / Drizzle wall |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for step, o, t in table:
        print(f"| {step} | {o.cpu:.2f} | {t.cpu:.2f} | {o.cpu / t.cpu:.2f}× | {o.wall:.2f} | {t.wall:.2f} | "
              f"{o.wall / t.wall:.2f}× |")
    if compile_wall is not None:
        c, c2 = table[2][1], table[3][1]
        print(f"\nOf (c), compiling the exporter took {compile_wall:.2f} s wall (`drizzle-kit export --verbose`); "
              f"(c) - (c') = {c.cpu - c2.cpu:.2f} s CPU.")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""drizzle-kit pull benchmark: our `pull` next to Drizzle Kit's on the same synthetic databases.

For every size N (default 100, 1000, 5000 tables) the script creates a database of N tables,
generated deterministically from --seed (table i is the same in every size, so the 100-table
database is the first 100 tables of the 1000-table one), then times

  ours:        build/drizzle-kit pull --dialect <dialect> --url <url> --out <tmp>
  drizzle-kit: node tests/fixtures/drizzle-kit/node_modules/drizzle-kit/bin.cjs pull
                   --dialect <dialect> --url <url> --out <tmp>
               (what `npx drizzle-kit` runs, without npx's own start-up)

PostgreSQL tables: a serial / bigserial / identity primary key, text, varchar(n), integer,
numeric(p,s), timestamp default now(), boolean default, jsonb, sometimes an enum column, a
text[] column, a uuid default gen_random_uuid(), a date or a double precision column; 1-3
foreign keys to earlier tables (ON DELETE cascade / set null / restrict), a unique column,
sometimes a two-column unique constraint, check constraints, and 1-3 indexes (plain, composite,
partial, unique). Enums are shared: one per 40 tables (at least 3). MariaDB (--dialects mysql)
gets the same shape in MySQL types but no CHECK constraints and longtext instead of json (which
MariaDB implements as a CHECK): drizzle-kit 0.31's MySQL pull fails on any CHECK read from
MariaDB ("Cannot read properties of undefined (reading 'checkConstraint')": it reads the row's
TABLE_NAME, which MariaDB labels table_name, as written in the query). SQLite (--dialects sqlite)
gets the same shape too, as a file; drizzle-kit needs better-sqlite3 for it (--sqlite-driver).

Measured per command: wall time, CPU time of the client (user + sys of the process and of the
children it waited for; the database server's work is not in it) and peak RSS: ru_maxrss from
wait4(), the largest resident set of the process and of every descendant it reaped (the peak of
the largest single process of the tree, not a sum; the server is not counted). Each command is
started by a 20-line C helper compiled on first use (cc), not by Python directly: Linux counts in
a child's ru_maxrss the address space it had before exec, which for a vfork()ed child of this
script is this script's own. Ours is the median of --runs runs (default 3), drizzle-kit's of
--drizzle-runs (default 1: it is slow); a drizzle-kit run is killed after --drizzle-timeout
seconds and shown as "> T" with the peak RSS it had reached. Each pull's output is checked:
every table name must appear in it (drizzle-kit exits 0 on some failures).

Then the compile time of our generated schema header at --compile-size tables (default 1000):
a translation unit `#include "schema.hpp"` + the schema exporter's main, compiled as
drizzle-kit compiles its exporter (`<cxx> -std=c++20 -O0 <the exporter's flags> -c -I include`,
the flags read from src/exporter/exporter.cpp), with g++ and clang++
when installed (--cxx to choose).

Servers: with no --pg-url / --mysql-url (nor $DRIZZLE_TEST_PG_URL / $DRIZZLE_TEST_MYSQL_URL),
private throwaway servers are started through scripts/lib/servers.sh and stopped at the end.
Databases are named pull_bench_<N> and reused when their contents fingerprint matches.

    cmake -S . -B build -G Ninja && ninja -C build drizzle-kit
    (cd tests/fixtures/drizzle-kit && npm ci)      # if node_modules is missing
    python3 bench/pull/run.py                       # PostgreSQL, 100 / 1000 / 5000 tables
    python3 bench/pull/run.py --dialects postgresql,mysql,sqlite --sizes 100,1000
    python3 bench/pull/run.py --skip-drizzle-above 1000 --results /tmp/pull.json

--results FILE keeps every measurement in FILE as it is taken, and reuses drizzle-kit's ones
already there (same dialect, size and seed) so that its slow runs need not be repeated; ours are
always measured again.

SQLite on drizzle-kit's side needs better-sqlite3, which the fixtures do not install:
    npm install --prefix /tmp/bsq better-sqlite3@11
    python3 bench/pull/run.py --dialects sqlite --sqlite-driver /tmp/bsq/node_modules

Python standard library only, plus node for Drizzle Kit, a C compiler for the measuring helper,
and the psql / mariadb clients to create the databases.
"""

import argparse
import hashlib
import json
import os
import pathlib
import random
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
NODE_KIT = FIXTURES / "node_modules" / "drizzle-kit" / "bin.cjs"
SERVERS_SH = REPO / "scripts" / "lib" / "servers.sh"
GENERATOR_VERSION = 2  # bump when the generated schema changes: databases are rebuilt

sys.path.insert(0, str(REPO / "bench" / "common"))
from exporter_flags import exporter_flags  # noqa: E402

# What drizzle-kit adds when it compiles the exporter (src/exporter/exporter.cpp).
EXPORTER_FLAGS = exporter_flags()
EXPORTER_MAIN = "#include <drizzle/kit/exporter.hpp>\nint main() { return drizzle::kit::runExporter(); }\n"

NOUNS = ["users", "orders", "items", "invoices", "payments", "accounts", "products", "events",
         "sessions", "comments", "posts", "tags", "shipments", "addresses", "customers", "vendors",
         "tickets", "messages", "reviews", "carts", "coupons", "refunds", "audits", "devices"]
ENUM_VALUES = ["draft", "active", "pending", "archived", "deleted", "blocked", "review", "done"]


# ---------------------------------------------------------------- synthetic schema

def table_name(i):
    return f"{NOUNS[i % len(NOUNS)]}_{i:05d}"


def enum_count(n):
    return max(3, n // 40)


def table_spec(seed, i, n):
    """Dialect-neutral description of table i (deterministic from seed and i only, except the
    enum it uses, which is drawn among the enums of an N-table database)."""
    rng = random.Random(f"{seed}:{i}")
    t = {"name": table_name(i), "i": i}
    t["pk"] = rng.choices(["serial", "bigserial", "identity"], [80, 15, 5])[0]
    t["varchar"] = rng.choice([32, 64, 128, 255])
    t["numeric"] = rng.choice([(10, 2), (12, 4), (18, 6), (8, 3)])
    t["active_default"] = rng.choice([True, False])
    t["enum"] = rng.randrange(1 << 30) if rng.random() < 0.3 else None  # reduced modulo enum_count(n)
    t["extras"] = [c for c, p in [("tags", 0.25), ("uuid", 0.3), ("date", 0.3), ("double", 0.3)]
                   if rng.random() < p]
    fk_count = 0 if i == 0 else rng.choices([0, 1, 2, 3], [20, 50, 25, 5])[0]
    t["fks"] = []
    for k in range(fk_count):
        target = i - 1 if k == 0 and rng.random() < 0.5 else rng.randrange(0, i)
        action = rng.choice(["cascade", "set null", "restrict", "no action"])
        t["fks"].append((f"ref{k}_id", target, action))
    t["unique_code"] = rng.random() < 0.7
    t["unique_pair"] = rng.random() < 0.3
    t["checks"] = [c for c, p in [("qty", 0.6), ("amount", 0.3), ("name", 0.2)] if rng.random() < p]
    t["indexes"] = rng.sample(["name", "created", "ref", "partial", "unique_lower"], rng.randint(1, 3))
    if not t["fks"] and "ref" in t["indexes"]:
        t["indexes"].remove("ref")
    return t


def enum_of(t, n):
    return None if t["enum"] is None else t["enum"] % enum_count(n)


def pg_sql(seed, n):
    out = ["SET client_min_messages = warning;\n", "BEGIN;\n"]
    for e in range(enum_count(n)):
        values = random.Random(f"{seed}:enum:{e}").sample(ENUM_VALUES, 3 + e % 4)
        out.append(f"CREATE TYPE status_{e} AS ENUM ({', '.join(repr(v) for v in values)});\n")
    for i in range(n):
        t = table_spec(seed, i, n)
        name, cols = t["name"], []
        pk = {"serial": "serial PRIMARY KEY", "bigserial": "bigserial PRIMARY KEY",
              "identity": "integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY"}[t["pk"]]
        cols.append(f"id {pk}")
        cols.append("name text NOT NULL")
        cols.append(f"code varchar({t['varchar']})" + (" UNIQUE" if t["unique_code"] else ""))
        cols.append("qty integer NOT NULL DEFAULT 0")
        cols.append(f"amount numeric({t['numeric'][0]}, {t['numeric'][1]})")
        cols.append("created_at timestamp NOT NULL DEFAULT now()")
        cols.append(f"active boolean NOT NULL DEFAULT {'true' if t['active_default'] else 'false'}")
        cols.append("data jsonb")
        e = enum_of(t, n)
        if e is not None:
            cols.append(f"status status_{e}")
        for x in t["extras"]:
            cols.append({"tags": "tags text[]", "uuid": "uid uuid NOT NULL DEFAULT gen_random_uuid()",
                         "date": "due_on date", "double": "score double precision"}[x])
        for col, target, action in t["fks"]:
            target_t = table_spec(seed, target, n)
            ref_type = "bigint" if target_t["pk"] == "bigserial" else "integer"
            cols.append(f"{col} {ref_type} REFERENCES {table_name(target)}(id) ON DELETE {action}")
        if t["unique_pair"]:
            cols.append(f"CONSTRAINT {name}_name_code_key UNIQUE (name, code)")
        for c in t["checks"]:
            body = {"qty": "qty >= 0", "amount": "amount >= 0", "name": "length(name) > 0"}[c]
            cols.append(f"CONSTRAINT {name}_{c}_check CHECK ({body})")
        out.append(f"CREATE TABLE {name} (\n  " + ",\n  ".join(cols) + "\n);\n")
        for ix in t["indexes"]:
            out.append({
                "name": f"CREATE INDEX {name}_name_idx ON {name} (name);\n",
                "created": f"CREATE INDEX {name}_created_idx ON {name} (created_at DESC, qty);\n",
                "ref": f"CREATE INDEX {name}_ref_idx ON {name} ({t['fks'][0][0] if t['fks'] else 'id'});\n",
                "partial": f"CREATE INDEX {name}_active_idx ON {name} (qty) WHERE active;\n",
                "unique_lower": f"CREATE UNIQUE INDEX {name}_lower_name_idx ON {name} (lower(name), id);\n",
            }[ix])
        if i % 100 == 99:  # keep each transaction's lock count well under the lock table's size
            out.append("COMMIT;\nBEGIN;\n")
    out.append("COMMIT;\n")
    return "".join(out)


def mysql_sql(seed, n):
    out = ["SET FOREIGN_KEY_CHECKS = 0;\n"]
    for i in range(n):
        t = table_spec(seed, i, n)
        name, cols = t["name"], []
        pk = "bigint" if t["pk"] == "bigserial" else "int"
        cols.append(f"id {pk} NOT NULL AUTO_INCREMENT PRIMARY KEY")
        cols.append("name varchar(191) NOT NULL")
        cols.append(f"code varchar({t['varchar']})" + (" UNIQUE" if t["unique_code"] else ""))
        cols.append("qty int NOT NULL DEFAULT 0")
        cols.append(f"amount decimal({t['numeric'][0]}, {t['numeric'][1]})")
        cols.append("created_at timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP")
        cols.append(f"active boolean NOT NULL DEFAULT {'true' if t['active_default'] else 'false'}")
        # MariaDB implements json as longtext plus a CHECK (json_valid(...)), and drizzle-kit 0.31
        # crashes on any CHECK read from MariaDB: the MySQL variant has neither (see the docstring).
        cols.append("data longtext")
        e = enum_of(t, n)
        if e is not None:
            values = random.Random(f"{seed}:enum:{e}").sample(ENUM_VALUES, 3 + e % 4)
            cols.append(f"status enum({', '.join(repr(v) for v in values)})")
        for x in t["extras"]:
            cols.append({"tags": "tags text", "uuid": "uid varchar(36)",
                         "date": "due_on date", "double": "score double"}[x])
        for col, target, action in t["fks"]:
            ref_type = "bigint" if table_spec(seed, target, n)["pk"] == "bigserial" else "int"
            cols.append(f"{col} {ref_type}")
        for k, (col, target, action) in enumerate(t["fks"]):
            cols.append(f"CONSTRAINT {name}_{col}_fk FOREIGN KEY ({col}) REFERENCES "
                        f"{table_name(target)}(id) ON DELETE {action}")
        if t["unique_pair"]:
            cols.append(f"CONSTRAINT {name}_name_code_key UNIQUE (name, code)")
        for ix in t["indexes"]:
            cols.append({
                "name": f"INDEX {name}_name_idx (name)",
                "created": f"INDEX {name}_created_idx (created_at, qty)",
                "ref": f"INDEX {name}_ref_idx ({t['fks'][0][0] if t['fks'] else 'id'})",
                "partial": f"INDEX {name}_active_idx (active, qty)",
                "unique_lower": f"UNIQUE INDEX {name}_lower_name_idx (name, id)",
            }[ix])
        out.append(f"CREATE TABLE {name} (\n  " + ",\n  ".join(cols) + "\n);\n")
    out.append("SET FOREIGN_KEY_CHECKS = 1;\n")
    return "".join(out)


def sqlite_sql(seed, n):
    out = ["BEGIN;\n"]
    for i in range(n):
        t = table_spec(seed, i, n)
        name, cols = t["name"], []
        cols.append("id integer PRIMARY KEY AUTOINCREMENT")
        cols.append("name text NOT NULL")
        cols.append("code text" + (" UNIQUE" if t["unique_code"] else ""))
        cols.append("qty integer NOT NULL DEFAULT 0")
        cols.append("amount numeric")
        cols.append("created_at integer NOT NULL DEFAULT (unixepoch())")
        cols.append(f"active integer NOT NULL DEFAULT {1 if t['active_default'] else 0}")
        cols.append("data text")
        if enum_of(t, n) is not None:
            cols.append("status text")
        for x in t["extras"]:
            cols.append({"tags": "tags text", "uuid": "uid text", "date": "due_on text",
                         "double": "score real"}[x])
        for col, target, action in t["fks"]:
            cols.append(f"{col} integer REFERENCES {table_name(target)}(id) ON DELETE {action}")
        if t["unique_pair"]:
            cols.append(f"CONSTRAINT {name}_name_code_key UNIQUE (name, code)")
        for c in t["checks"]:
            body = {"qty": "qty >= 0", "amount": "amount >= 0", "name": "length(name) > 0"}[c]
            cols.append(f"CONSTRAINT {name}_{c}_check CHECK ({body})")
        out.append(f"CREATE TABLE {name} (\n  " + ",\n  ".join(cols) + "\n);\n")
        for ix in t["indexes"]:
            out.append({
                "name": f"CREATE INDEX {name}_name_idx ON {name} (name);\n",
                "created": f"CREATE INDEX {name}_created_idx ON {name} (created_at DESC, qty);\n",
                "ref": f"CREATE INDEX {name}_ref_idx ON {name} ({t['fks'][0][0] if t['fks'] else 'id'});\n",
                "partial": f"CREATE INDEX {name}_active_idx ON {name} (qty) WHERE active = 1;\n",
                "unique_lower": f"CREATE UNIQUE INDEX {name}_lower_name_idx ON {name} (name, id);\n",
            }[ix])
    out.append("COMMIT;\n")
    return "".join(out)


def count_objects(seed, n, dialect="postgresql"):
    columns = fks = indexes = checks = uniques = enums = 0
    for i in range(n):
        t = table_spec(seed, i, n)
        columns += 8 + (enum_of(t, n) is not None) + len(t["extras"]) + len(t["fks"])
        fks += len(t["fks"])
        indexes += len(t["indexes"])
        checks += 0 if dialect == "mysql" else len(t["checks"])
        uniques += t["unique_code"] + t["unique_pair"]
    return {"tables": n, "columns": columns, "foreign keys": fks, "indexes": indexes,
            "checks": checks, "uniques": uniques,
            "enums": enum_count(n) if dialect == "postgresql" else 0}


# ---------------------------------------------------------------- databases

def with_database(url, database):
    parts = urllib.parse.urlsplit(url)
    return urllib.parse.urlunsplit(parts._replace(path="/" + database))


def fingerprint(sql):
    return f"pull-bench v{GENERATOR_VERSION} " + hashlib.sha256(sql.encode()).hexdigest()[:16]


def psql(url, sql=None, command=None, check=True):
    args = ["psql", "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-d", url]
    if command is not None:
        args += ["-c", command]
    r = subprocess.run(args, input=sql, capture_output=True, text=True)
    if check and r.returncode != 0:
        raise RuntimeError(f"psql failed ({r.returncode}): {r.stderr[-3000:]}")
    return r.stdout.strip()


def prepare_pg(base_url, seed, n):
    database = f"pull_bench_{n}"
    url = with_database(base_url, database)
    sql = pg_sql(seed, n)
    mark = fingerprint(sql)
    exists = psql(base_url, command=f"SELECT 1 FROM pg_database WHERE datname = '{database}'")
    if exists == "1":
        comment = psql(base_url, command=f"SELECT shobj_description(oid, 'pg_database') FROM pg_database "
                                         f"WHERE datname = '{database}'")
        if comment == mark:
            return url, False
        psql(base_url, command=f"DROP DATABASE {database} WITH (FORCE)")
    psql(base_url, command=f"CREATE DATABASE {database} TEMPLATE template0")
    psql(url, sql=sql)
    psql(url, command="VACUUM ANALYZE")
    psql(base_url, command=f"COMMENT ON DATABASE {database} IS '{mark}'")
    return url, True


def mysql_client_args(url):
    p = urllib.parse.urlsplit(url)
    args = ["mariadb" if shutil.which("mariadb") else "mysql", "--no-defaults", "--protocol=tcp",
            f"-h{p.hostname or '127.0.0.1'}", f"-P{p.port or 3306}", f"-u{urllib.parse.unquote(p.username or 'root')}"]
    if p.password:
        args.append(f"-p{urllib.parse.unquote(p.password)}")
    return args


def mysql(url, sql=None, command=None, database=None):
    args = mysql_client_args(url) + ["-N", "-B"]
    if database:
        args.append(database)
    if command is not None:
        args += ["-e", command]
    r = subprocess.run(args, input=sql, capture_output=True, text=True)
    if r.returncode != 0:
        raise RuntimeError(f"mariadb client failed ({r.returncode}): {r.stderr[-3000:]}")
    return r.stdout.strip()


def prepare_mysql(base_url, seed, n):
    database = f"pull_bench_{n}"
    url = with_database(base_url, database)
    sql = mysql_sql(seed, n)
    mark = fingerprint(sql)
    # The fingerprint is kept in a database of its own: a table of pull_bench_<N> would be pulled.
    found = mysql(base_url, command="CREATE DATABASE IF NOT EXISTS pull_bench_marks; "
                                    "CREATE TABLE IF NOT EXISTS pull_bench_marks.marks (db varchar(64) PRIMARY KEY, mark text); "
                                    f"SELECT mark FROM pull_bench_marks.marks WHERE db = '{database}'")
    if found == mark:
        return url, False
    mysql(base_url, command=f"DROP DATABASE IF EXISTS {database}; CREATE DATABASE {database}")
    mysql(base_url, sql=sql, database=database)
    mysql(base_url, command=f"REPLACE INTO pull_bench_marks.marks VALUES ('{database}', '{mark}')")
    return url, True


def prepare_sqlite(directory, seed, n):
    path = directory / f"pull_bench_{n}.db"
    sql = sqlite_sql(seed, n)
    mark = fingerprint(sql)
    marker = path.with_suffix(".mark")
    if path.exists() and marker.exists() and marker.read_text() == mark:
        return str(path), False
    path.unlink(missing_ok=True)
    db = sqlite3.connect(path)
    db.executescript(sql)
    db.close()
    marker.write_text(mark)
    return str(path), True


# ---------------------------------------------------------------- servers

class Servers:
    """Private servers from scripts/lib/servers.sh, kept by a bash process that stops them when
    its stdin closes (at the end of this script, or when this script dies)."""

    def __init__(self, pg, my):
        starts = (["_drizzle_pg_start || exit 1"] if pg else []) + (["_drizzle_mysql_start || exit 1"] if my else [])
        script = (f"source {SERVERS_SH}\ntrap drizzle_stop_servers EXIT\n" + "\n".join(starts) + "\n"
                  "echo \"PG=${DRIZZLE_TEST_PG_URL:-}\"\necho \"MY=${DRIZZLE_TEST_MYSQL_URL:-}\"\necho READY\n"
                  "read -r _ || true\n")
        self.process = subprocess.Popen(["bash", "-c", script], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        text=True)
        values = {}
        for line in self.process.stdout:
            line = line.strip()
            if line == "READY":
                break
            if "=" in line:
                k, v = line.split("=", 1)
                values[k] = v
        else:
            self.process.wait()
            raise RuntimeError("could not start the database servers (scripts/lib/servers.sh)")
        self.pg_url, self.mysql_url = values.get("PG") or None, values.get("MY") or None

    def stop(self):
        if self.process.poll() is None:
            self.process.stdin.close()
            self.process.wait(timeout=120)


# ---------------------------------------------------------------- measuring

class Result:
    def __init__(self, wall, cpu, rss_kib, out="", timed_out=False, failed=None):
        self.wall, self.cpu, self.rss_kib, self.out = wall, cpu, rss_kib, out
        self.timed_out, self.failed = timed_out, failed  # failed: a short reason, or None

    def as_dict(self):
        return {"wall": self.wall, "cpu": self.cpu, "rss_kib": self.rss_kib, "timed_out": self.timed_out,
                "failed": self.failed}


# Peak RSS is ru_maxrss from wait4() on the measured process. Linux counts in it the peak RSS of the
# address space the process had before exec, i.e. its parent's when it was started by vfork (which
# Python's subprocess uses): a child of this script would report at least this script's own peak.
# So every command is started by this helper, whose address space is about 1 MiB; it runs the
# command in a process group of its own, kills the group at the timeout, and writes
# "status utime stime maxrss_kib timed_out" of the command (and the children it reaped) to a file.
HELPER_C = r"""
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
static volatile sig_atomic_t expired = 0;
static pid_t child = 0;
static void onAlarm(int sig) { (void)sig; expired = 1; if (child > 0) kill(-child, SIGKILL); }
int main(int argc, char** argv) {
    if (argc < 4) return 125;
    unsigned timeout = (unsigned)strtoul(argv[2], NULL, 10);
    child = fork();
    if (child < 0) return 126;
    if (child == 0) { setpgid(0, 0); execvp(argv[3], argv + 3); _exit(127); }
    setpgid(child, child);
    signal(SIGALRM, onAlarm);
    if (timeout) alarm(timeout);
    int status = 0;
    struct rusage ru;
    while (wait4(child, &status, 0, &ru) < 0) {}
    FILE* f = fopen(argv[1], "w");
    if (!f) return 126;
    int code = WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
    fprintf(f, "%d %ld.%06ld %ld.%06ld %ld %d\n", code, (long)ru.ru_utime.tv_sec, (long)ru.ru_utime.tv_usec,
            (long)ru.ru_stime.tv_sec, (long)ru.ru_stime.tv_usec, ru.ru_maxrss, (int)expired);
    fclose(f);
    return 0;
}
"""
_helper = None


def helper(work):
    global _helper
    if _helper is None:
        source, binary = work / "measure.c", work / "measure"
        source.write_text(HELPER_C)
        cc = next((c for c in ("cc", "gcc", "clang") if shutil.which(c)), None)
        if cc is None:
            sys.exit("a C compiler (cc, gcc or clang) is needed for the measuring helper")
        subprocess.run([cc, "-O1", "-o", str(binary), str(source)], check=True)
        _helper = binary
    return _helper


def run_measured(command, cwd, work, timeout=None):
    """Runs command through the helper: wall time, CPU (user + sys of the process and its reaped
    descendants) and peak RSS (ru_maxrss: the largest single process of the tree)."""
    log = tempfile.TemporaryFile()
    report = work / "measure.out"
    report.unlink(missing_ok=True)
    start = time.perf_counter()
    seconds = 0 if timeout is None else max(1, int(timeout))
    status = subprocess.run([str(helper(work)), str(report), str(seconds)] + [str(c) for c in command], cwd=cwd,
                            stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT).returncode
    wall = time.perf_counter() - start
    log.seek(0)
    out = log.read().decode(errors="replace")
    log.close()
    if status != 0 or not report.exists():
        raise RuntimeError(f"measuring helper failed ({status}) on {' '.join(map(str, command))}:\n{out[-2000:]}")
    code, utime, stime, maxrss, expired = report.read_text().split()
    code, timed_out = int(code), expired == "1"
    result = Result(wall, float(utime) + float(stime), int(maxrss), out, timed_out)
    if timed_out or code != 0:
        result.out = "\n".join(line for line in re.sub(r"\x1b\[[0-9;]*[A-Za-z]", "", out).replace("\r", "\n").splitlines()
                               if line.strip() and "fetch" not in line)  # drizzle-kit's progress spinner
    if not timed_out and code != 0:
        oom = "heap out of memory" in result.out
        result.failed = "JavaScript heap out of memory" if oom else f"exit status {code}"
    return result


def check_pulled(out_dir, n, what, log):
    pattern = re.compile(r"\b(?:%s)_(\d{5})\b" % "|".join(NOUNS))
    found = set()
    for f in sorted(out_dir.rglob("*")):
        if f.is_file() and f.suffix in (".ts", ".hpp", ".h", ".cpp", ".json", ".sql"):
            with open(f, errors="replace") as stream:
                for line in stream:
                    found.update(int(m) for m in pattern.findall(line))
    missing = n - len({i for i in found if i < n})
    if missing:
        raise RuntimeError(f"{what}: {missing} of {n} tables missing from the output in {out_dir}:\n{log[-3000:]}")


def median_result(results):
    return Result(statistics.median(r.wall for r in results), statistics.median(r.cpu for r in results),
                  statistics.median(r.rss_kib for r in results), results[-1].out)


def sqlite_overlay(args, work):
    """Drizzle Kit reads SQLite through better-sqlite3 (or @libsql/client), which the fixtures do
    not install: a node_modules of symlinks to the fixtures' packages plus those of
    --sqlite-driver, used with --preserve-symlinks so that drizzle-kit's import() finds it."""
    overlay = work / "node-overlay" / "node_modules"
    if not overlay.exists():
        overlay.mkdir(parents=True)
        for source in (FIXTURES / "node_modules", pathlib.Path(args.sqlite_driver)):
            for entry in sorted(source.iterdir()):
                if not entry.name.startswith(".") and not (overlay / entry.name).exists():
                    (overlay / entry.name).symlink_to(entry.resolve())
    return ["node", "--preserve-symlinks", "--preserve-symlinks-main", str(overlay / "drizzle-kit" / "bin.cjs")]


def pull_commands(args, dialect, url, out_dir, work):
    ours = [part.format(kit=args.kit, dialect=dialect, url=url, out=out_dir) for part in args.ours.split()]
    node = ["node", str(NODE_KIT)]
    if dialect == "sqlite":
        if not args.sqlite_driver:
            return ours, None
        node = sqlite_overlay(args, work)
    theirs = node + ["pull", "--dialect", dialect, "--url", url, "--out", str(out_dir)]
    return ours, theirs


def measure(side, args, dialect, url, n, work):
    runs = args.runs if side == "ours" else args.drizzle_runs
    results = []
    for k in range(runs):
        out_dir = work / f"{dialect}-{n}-{side}-{k}"
        shutil.rmtree(out_dir, ignore_errors=True)
        ours, theirs = pull_commands(args, dialect, url, out_dir, work)
        command = ours if side == "ours" else theirs
        if command is None:
            raise RuntimeError("drizzle-kit needs better-sqlite3 for SQLite: see --sqlite-driver")
        cwd = REPO if side == "ours" else FIXTURES
        timeout = args.timeout if side == "ours" else args.drizzle_timeout
        r = run_measured(command, cwd, work, timeout)
        if r.timed_out or r.failed:
            what = f"failed ({r.failed})" if r.failed else "timed out"
            print(f"    {side}: {what} after {r.wall:.0f} s, {r.rss_kib / 1024:.0f} MiB:\n{r.out[-1500:]}", flush=True)
            return r, out_dir
        check_pulled(out_dir, n, f"{side} pull", r.out)
        print(f"    {side} run {k + 1}/{runs}: {r.wall:.2f} s wall, {r.cpu:.2f} s CPU, "
              f"{r.rss_kib / 1024:.0f} MiB (load average {os.getloadavg()[0]:.1f})", flush=True)
        results.append(r)
    return median_result(results), out_dir


# ---------------------------------------------------------------- compile

def compile_header(header_dir, cxx, runs, work):
    if os.environ.get("DRIZZLE_BENCH_KEEP_HEADER"):
        shutil.copytree(header_dir, os.environ["DRIZZLE_BENCH_KEEP_HEADER"], dirs_exist_ok=True)
    tu = work / f"pull_schema_{pathlib.Path(cxx).name}.cpp"
    tu.write_text(f'#include "{header_dir / "schema.hpp"}"\n{EXPORTER_MAIN}')
    results = []
    for _ in range(runs):
        r = run_measured([cxx, "-std=c++20", "-O0", *EXPORTER_FLAGS, "-c", f"-I{REPO / 'include'}", f"-I{header_dir}",
                          str(tu), "-o", str(tu.with_suffix(".o"))], work, work)
        if r.failed:
            raise RuntimeError(f"{cxx} failed on the generated header:\n{r.out[-3000:]}")
        results.append(r)
    return median_result(results)


# ---------------------------------------------------------------- results file

class Store:
    def __init__(self, path):
        self.path = pathlib.Path(path) if path else None
        self.data = {}
        if self.path and self.path.exists():
            self.data = json.loads(self.path.read_text())

    def key(self, *parts):
        return "/".join(map(str, parts))

    def get(self, *parts):
        d = self.data.get(self.key(*parts))
        return None if d is None else Result(d["wall"], d["cpu"], d["rss_kib"], "", d.get("timed_out", False),
                                             d.get("failed"))

    def put(self, result, *parts, **extra):
        self.data[self.key(*parts)] = dict(result.as_dict(), **extra)
        if self.path:
            self.path.write_text(json.dumps(self.data, indent=1, sort_keys=True) + "\n")


# ---------------------------------------------------------------- main

def fmt_time(r):
    if r is None:
        return "—"
    if r.failed:
        return f"fails after {r.wall:,.0f} s: {r.failed}"
    if r.timed_out:
        return f"> {r.wall:,.0f}"
    return f"{r.wall:,.2f}" if r.wall < 100 else f"{r.wall:,.0f}"


def fmt_mib(r):
    if r is None:
        return "—"
    return f"≥ {r.rss_kib / 1024:,.0f}" if r.timed_out or r.failed else f"{r.rss_kib / 1024:,.0f}"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="100,1000,5000", help="table counts (default 100,1000,5000)")
    parser.add_argument("--dialects", default="postgresql", help="postgresql,mysql,sqlite (default postgresql)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--runs", type=int, default=3, help="runs of ours per size (median; default 3)")
    parser.add_argument("--drizzle-runs", type=int, default=1, help="runs of drizzle-kit per size (default 1)")
    parser.add_argument("--skip-drizzle-above", type=int, default=None, metavar="N",
                        help="do not run drizzle-kit on databases of more than N tables")
    parser.add_argument("--drizzle-timeout", type=float, default=3600, help="seconds (default 3600)")
    parser.add_argument("--timeout", type=float, default=600, help="seconds, for ours (default 600)")
    parser.add_argument("--sides", default="ours,drizzle", help="ours,drizzle (default both)")
    parser.add_argument("--kit", default=str(REPO / "build" / "drizzle-kit"), help="our drizzle-kit binary")
    parser.add_argument("--ours", default="{kit} pull --dialect {dialect} --url {url} --out {out}",
                        help="our pull command line ({kit} {dialect} {url} {out} are substituted)")
    parser.add_argument("--pg-url", default=os.environ.get("DRIZZLE_TEST_PG_URL"),
                        help="an existing server (default $DRIZZLE_TEST_PG_URL, else a private one)")
    parser.add_argument("--mysql-url", default=os.environ.get("DRIZZLE_TEST_MYSQL_URL"),
                        help="an existing server (default $DRIZZLE_TEST_MYSQL_URL, else a private one)")
    parser.add_argument("--compile-size", type=int, default=1000, help="compile our header of this size (0: no)")
    parser.add_argument("--compile-runs", type=int, default=1)
    parser.add_argument("--cxx", default=None, help="compilers (default: g++ and clang++ when installed)")
    parser.add_argument("--sqlite-driver", default=None, metavar="NODE_MODULES",
                        help="a node_modules holding better-sqlite3, for drizzle-kit on SQLite "
                             "(e.g. npm install --prefix /tmp/bsq better-sqlite3@11; then /tmp/bsq/node_modules)")
    parser.add_argument("--results", default=None, help="JSON file: measurements kept and reused")
    parser.add_argument("--work", default=None, help="work directory (default: a temporary one, deleted)")
    parser.add_argument("--prepare-only", action="store_true", help="create the databases and stop")
    args = parser.parse_args()

    sizes = [int(s) for s in args.sizes.split(",") if s]
    dialects = [d for d in args.dialects.split(",") if d]
    sides = [s for s in args.sides.split(",") if s]
    store = Store(args.results)
    if "drizzle" in sides and not NODE_KIT.exists():
        sys.exit(f"{NODE_KIT} is missing: (cd {FIXTURES.relative_to(REPO)} && npm ci)")

    work = pathlib.Path(args.work or tempfile.mkdtemp(prefix="pull-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    need_pg = "postgresql" in dialects and not args.pg_url
    need_my = "mysql" in dialects and not args.mysql_url
    servers = Servers(need_pg, need_my) if need_pg or need_my else None
    pg_url = args.pg_url or (servers.pg_url if servers else None)
    mysql_url = args.mysql_url or (servers.mysql_url if servers else None)

    node = subprocess.run(["node", "--version"], capture_output=True, text=True).stdout.strip()
    kit_version = json.loads((FIXTURES / "node_modules" / "drizzle-kit" / "package.json").read_text())["version"]
    print(f"drizzle-kit {kit_version} on node {node}; ours: {args.ours}")
    rows = []
    try:
        for dialect in dialects:
            for n in sizes:
                objects = count_objects(args.seed, n, dialect)
                print(f"{dialect}, {n} tables: " + ", ".join(f"{v} {k}" for k, v in objects.items()), flush=True)
                start = time.perf_counter()
                if dialect == "postgresql":
                    url, made = prepare_pg(pg_url, args.seed, n)
                elif dialect == "mysql":
                    url, made = prepare_mysql(mysql_url, args.seed, n)
                elif dialect == "sqlite":
                    db_dir = work / "sqlite"
                    db_dir.mkdir(exist_ok=True)
                    url, made = prepare_sqlite(db_dir, args.seed, n)
                else:
                    sys.exit(f"unknown dialect {dialect}")
                print(f"  database {'created' if made else 'reused'} in {time.perf_counter() - start:.1f} s: {url}",
                      flush=True)
                if args.prepare_only:
                    continue
                row = {"dialect": dialect, "n": n, "objects": objects}
                for side in sides:
                    if side == "drizzle" and args.skip_drizzle_above is not None and n > args.skip_drizzle_above:
                        row[side] = store.get(dialect, n, args.seed, side)
                        if row[side]:
                            print(f"  {side}: from {args.results}", flush=True)
                        continue
                    cached = store.get(dialect, n, args.seed, side)
                    if cached is not None and side == "drizzle":
                        print(f"  {side}: from {args.results}: {fmt_time(cached)} s, {fmt_mib(cached)} MiB", flush=True)
                        row[side] = cached
                        continue
                    try:
                        result, out_dir = measure(side, args, dialect, url, n, work)
                    except RuntimeError as e:
                        print(f"  {side} FAILED: {e}", flush=True)
                        row[side] = None
                        continue
                    row[side] = result
                    row[side + "_out"] = out_dir
                    runs = args.runs if side == "ours" else args.drizzle_runs
                    store.put(result, dialect, n, args.seed, side, runs=runs, when=time.strftime("%Y-%m-%d %H:%M"))
                    print(f"  {side}: {fmt_time(result)}" + ("" if result.failed else " s wall") +
                          f", {result.cpu:.2f} s CPU, {fmt_mib(result)} MiB", flush=True)
                rows.append(row)

        compiles = []
        if args.compile_size and not args.prepare_only:
            source = next((r.get("ours_out") for r in rows
                           if r["dialect"] == "postgresql" and r["n"] == args.compile_size and r.get("ours_out")), None)
            if source is None or not (source / "schema.hpp").exists():
                print(f"compile: no schema.hpp from our PostgreSQL pull of {args.compile_size} tables; skipped")
            else:
                compilers = args.cxx.split(",") if args.cxx else [c for c in ("g++", "clang++") if shutil.which(c)]
                lines = (source / "schema.hpp").read_text().count("\n")
                for cxx in compilers:
                    version = subprocess.run([cxx, "--version"], capture_output=True, text=True).stdout.splitlines()[0]
                    r = compile_header(source, cxx, args.compile_runs, work)
                    print(f"compile {args.compile_size} tables ({lines:,} lines), {version}: {r.cpu:.2f} s CPU, "
                          f"{r.wall:.2f} s wall, {r.rss_kib / 1024:.0f} MiB", flush=True)
                    compiles.append((cxx, version, r, lines))
    finally:
        if servers:
            servers.stop()
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)

    if args.prepare_only:
        return
    print()
    print("| dialect | tables | columns | ours wall (s) | ours CPU (s) | ours peak RSS (MiB) | "
          "drizzle-kit wall (s) | drizzle-kit CPU (s) | drizzle-kit peak RSS (MiB) | drizzle-kit / ours (wall) |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for row in rows:
        ours, theirs = row.get("ours"), row.get("drizzle")
        ratio = "—"
        if ours and theirs and not (ours.timed_out or ours.failed or theirs.failed):
            ratio = (">" if theirs.timed_out else "") + f"{theirs.wall / ours.wall:,.0f}×"
        cpu = lambda r: "—" if r is None or r.timed_out or r.failed else f"{r.cpu:,.2f}"
        print(f"| {row['dialect']} | {row['n']:,} | {row['objects']['columns']:,} | {fmt_time(ours)} | {cpu(ours)} | "
              f"{fmt_mib(ours)} | {fmt_time(theirs)} | {cpu(theirs)} | {fmt_mib(theirs)} | {ratio} |")
    if compiles:
        print()
        print(f"| compiler | header | CPU (s) | wall (s) | peak RSS (MiB) |")
        print("|---|---:|---:|---:|---:|")
        for cxx, version, r, lines in compiles:
            print(f"| {version} | {args.compile_size:,} tables, {lines:,} lines | {r.cpu:.2f} | {r.wall:.2f} | "
                  f"{r.rss_kib / 1024:,.0f} |")


if __name__ == "__main__":
    main()

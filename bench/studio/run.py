#!/usr/bin/env python3
"""drizzle-kit studio benchmark: the JSON API on a table of 1,000,000 rows, next to the same SQL
run by the database's own means.

For each dialect (--dialects sqlite,pg,mysql) the script creates a scratch database holding one
table,

    events(id bigint primary key, kind text not null, score integer not null (indexed),
           at timestamp not null, note text null)

of --rows rows (default 1,000,000; score = (id * 7919 mod 500009) * 2, so most values occur twice;
note is NULL on every tenth row, else 'note <id>'), loaded inside the database (generate_series on
PostgreSQL, a recursive CTE on SQLite, the sequence engine's seq_1_to_N on MariaDB), the index
created after the load, statistics gathered. Next to it a scratch project: db/schema.hpp declares
the same table in the C++ DSL, drizzle.config.json points at the database. `drizzle-kit export`
compiles the schema exporter once (not timed) and `drizzle-kit push --explain` must find nothing to
do (the header and the database agree). The kit binary is copied into the work directory first, so
that a rebuild in build/ during the run does not change what is measured.

Then `drizzle-kit studio --no-open --port 0` is started and each request below is sent once to warm
up, then --runs times (default 20) on one keep-alive connection (a request whose warm-up took over
--slow-after seconds, --slow-runs times: the figure says how many). Two times per request: the
server's own (its `Server-Timing: app;dur=` header: parsing, the query, the JSON reply) and the
client's wall time (send to last byte read, on loopback). Median and p90 of each.

    first page          POST /api/rows {"table":"events","limit":50}
    first page, new connection  the same, each on a new connection (connect included)
    count               {"table":"events","limit":0,"count":true}: the row count, as the app asks
                        for it after showing the page
    keyset pages        sorted by score desc, 20 pages following each reply's `next` as `after`,
                        from row 500,000 (the start is found by offset, not timed)
    deep page by offset {"limit":50,"offset":900000} (id order): what keyset paging avoids
    filter + sort       score > 500000 sorted by score desc, on the indexed column
    filter + sort, count   its count, as the app asks for it (limit 0, count true)
    unindexed filter    note contains '12345' (a LIKE '%12345%' scan: few rows match)
    table list          GET /api/tables (a big table's estimate; baseline: the count(*) it ran before)

and the app's first load: the bytes (status line, headers, body) of GET / and of every file
index.html references, with and without `Accept-Encoding: gzip`, and /api/tables' reply.

Baselines: the SQL the studio sends (rebuilt here as src/studio/row_query.cpp builds it, with the
same values, bound as text as the studio binds them), run --runs times by the database's own means:
  sqlite  Python's sqlite3 module, in process: execute + fetch every row, wall time;
  pg      EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON) through psql: the server's planning + execution
          time (no parse, no network, no sending of rows; the values as untyped literals, which
          PostgreSQL types as it types the studio's untyped parameters);
  mysql   the server's own profile (SET profiling = 1; SHOW PROFILES) of PREPARE + EXECUTE USING +
          DEALLOCATE, the server-side prepared statement the studio's driver uses.
The ratio is the studio's server time over the baseline: what the studio adds (the request, the
driver, reading the values, the JSON) on top of the database's work. For the query plans, each
request's SQL is also explained (EXPLAIN QUERY PLAN / EXPLAIN (ANALYZE, BUFFERS) / ANALYZE); they
go to the results file, and to the output for every request over its target (--plans: all).

Servers: --pg-url / --mysql-url, else $DRIZZLE_TEST_PG_URL / $DRIZZLE_TEST_MYSQL_URL, else the
ones /tmp/env.sh exports, else private throwaway servers started through scripts/lib/servers.sh
(as bench/pull/run.py does) and stopped at the end. The scratch databases (studio_bench_<pid>) are
dropped and the studio stopped on exit, also on Ctrl-C or SIGTERM. Any failing step exits
non-zero with what failed. Results: --results (default bench/studio/results.json, not committed:
BENCHMARKS.md keeps the figures).

    ninja -C build drizzle-kit
    python3 bench/studio/run.py                          # sqlite, pg, mysql; 1,000,000 rows
    python3 bench/studio/run.py --dialects pg --runs 50

Python standard library only, plus psql and the mariadb client for the servers.
"""
import argparse
import hashlib
import http.client
import importlib.util
import json
import os
import pathlib
import platform
import re
import shlex
import shutil
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from html.parser import HTMLParser

ROOT = pathlib.Path(__file__).resolve().parents[2]
DEFAULT_KIT = ROOT / "build" / "drizzle-kit"
DIALECTS = {"sqlite": "sqlite", "pg": "postgresql", "postgresql": "postgresql", "mysql": "mysql"}
COLUMNS = ["id", "kind", "score", "at", "note"]
KEY = ["id"]
PAGE = 50
TARGETS = {"first page": 50.0, "filter + sort": 100.0}  # ms of server time (the targets)
FIRST_LOAD_TARGET = 300_000  # bytes


class BenchError(Exception):
    """A step that failed: the message says which and why; the script exits 1."""


# ---------------------------------------------------------------- the schema, per dialect

HEADERS = {
    "sqlite": """\
// drizzle-kit studio benchmark (bench/studio/run.py): one table of many rows, on SQLite.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <drizzle/sqlite.hpp>

namespace studio_bench {
namespace sqlite = drizzle::sqlite;

struct Event {
    std::int64_t id = 0;
    std::string kind;
    std::int64_t score = 0;
    std::string at;
    std::optional<std::string> note;
};

inline const auto events = sqlite::sqliteTable<Event>("events", {
    sqlite::integer<&Event::id>("id").primaryKey(),
    sqlite::text<&Event::kind>("kind").notNull(),
    sqlite::integer<&Event::score>("score").notNull(),
    sqlite::text<&Event::at>("at").notNull(),
    sqlite::text<&Event::note>("note"),
}, {
    sqlite::index("events_score_idx").on<&Event::score>(),
});

}  // namespace studio_bench
""",
    "postgresql": """\
// drizzle-kit studio benchmark (bench/studio/run.py): one table of many rows, on PostgreSQL.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include <drizzle/pg.hpp>

namespace studio_bench {
namespace pg = drizzle::pg;

struct Event {
    std::int64_t id = 0;
    std::string kind;
    std::int32_t score = 0;
    std::chrono::sys_seconds at{};
    std::optional<std::string> note;
};

inline const auto events = pg::pgTable<Event>("events", {
    pg::bigint<&Event::id>("id").primaryKey(),
    pg::text<&Event::kind>("kind").notNull(),
    pg::integer<&Event::score>("score").notNull(),
    pg::timestamp<&Event::at>("at").notNull(),
    pg::text<&Event::note>("note"),
}, {
    pg::index("events_score_idx").on<&Event::score>(),
});

}  // namespace studio_bench
""",
    "mysql": """\
// drizzle-kit studio benchmark (bench/studio/run.py): one table of many rows, on MariaDB/MySQL.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include <drizzle/mysql.hpp>

namespace studio_bench {
namespace mysql = drizzle::mysql;

struct Event {
    std::int64_t id = 0;
    std::string kind;
    std::int32_t score = 0;
    std::chrono::sys_seconds at{};
    std::optional<std::string> note;
};

inline const auto events = mysql::mysqlTable<Event>("events", {
    mysql::bigint<&Event::id>("id").primaryKey(),
    mysql::varchar<&Event::kind>("kind", {.length = 16}).notNull(),
    mysql::int_<&Event::score>("score").notNull(),
    mysql::datetime<&Event::at>("at").notNull(),
    mysql::text<&Event::note>("note"),
}, {
    mysql::index("events_score_idx").on<&Event::score>(),
});

}  // namespace studio_bench
""",
}

# The load: the row count is the only value, an int formatted by this script.
LOAD_SQL = {
    "sqlite": """\
CREATE TABLE "events" ("id" integer PRIMARY KEY NOT NULL, "kind" text NOT NULL, "score" integer NOT NULL,
                       "at" text NOT NULL, "note" text);
INSERT INTO "events" ("id", "kind", "score", "at", "note")
WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < {rows})
SELECT i, CASE i % 4 WHEN 0 THEN 'click' WHEN 1 THEN 'view' WHEN 2 THEN 'buy' ELSE 'share' END,
       (i * 7919) % 500009 * 2, datetime(1700000000 + i * 30, 'unixepoch'),
       CASE WHEN i % 10 = 0 THEN NULL ELSE 'note ' || i END
FROM s;
CREATE INDEX "events_score_idx" ON "events" ("score");
ANALYZE;
""",
    "postgresql": """\
CREATE TABLE "events" ("id" bigint PRIMARY KEY, "kind" text NOT NULL, "score" integer NOT NULL,
                       "at" timestamp NOT NULL, "note" text);
INSERT INTO "events" ("id", "kind", "score", "at", "note")
SELECT i, (ARRAY['click', 'view', 'buy', 'share'])[(i % 4)::int + 1], (i * 7919) % 500009 * 2,
       timestamp '2023-11-14 22:13:20' + i * interval '30 seconds',
       CASE WHEN i % 10 = 0 THEN NULL ELSE 'note ' || i END
FROM generate_series(1::bigint, {rows}) AS i;
CREATE INDEX "events_score_idx" ON "events" ("score");
VACUUM ANALYZE "events";
""",
    "mysql": """\
CREATE TABLE `events` (`id` bigint NOT NULL PRIMARY KEY, `kind` varchar(16) NOT NULL, `score` int NOT NULL,
                       `at` datetime NOT NULL, `note` text);
INSERT INTO `events` (`id`, `kind`, `score`, `at`, `note`)
SELECT seq, ELT(seq % 4 + 1, 'click', 'view', 'buy', 'share'), (seq * 7919) % 500009 * 2,
       TIMESTAMP '2023-11-14 22:13:20' + INTERVAL (seq * 30) SECOND,
       IF(seq % 10 = 0, NULL, CONCAT('note ', seq))
FROM seq_1_to_{rows};
CREATE INDEX `events_score_idx` ON `events` (`score`);
ANALYZE TABLE `events`;
""",
}


# ---------------------------------------------------------------- the studio's SQL, rebuilt

def quote_ident(dialect, name):
    q = "`" if dialect == "mysql" else '"'
    return q + name.replace(q, q + q) + q


def row_sql(dialect, request):
    """(page SQL, its params, count SQL, its params) as src/studio/row_query.cpp builds them for
    the events table: ? placeholders, every value a string."""
    q = lambda c: quote_ident(dialect, c)
    table = ('"public".' if dialect == "postgresql" else "") + q("events")
    conditions, params = [], []
    for f in request.get("filters", []):
        col, op = q(f["column"]), f["op"]
        if op in ("eq", "ne", "lt", "gt"):
            conditions.append(f"{col} {dict(eq='=', ne='<>', lt='<', gt='>')[op]} ?")
            params.append(f["value"])
        elif op == "contains":
            pattern = "".join("!" + c if c in "%_!" else c for c in f["value"])
            as_text = f"CAST({col} AS CHAR)" if dialect == "mysql" else f"CAST({col} AS TEXT)"
            conditions.append(f"{as_text} LIKE ? ESCAPE '!'")
            params.append("%" + pattern + "%")
        else:
            raise BenchError(f"the baseline does not rebuild filter op {op!r}")
    count_sql = "SELECT count(*) FROM " + table + ("".join(
        (" WHERE " if i == 0 else " AND ") + c for i, c in enumerate(conditions)))
    count_params = list(params)
    sort = request.get("sort")
    desc = bool(sort and sort.get("desc"))
    order = ([sort["column"]] if sort else []) + [k for k in KEY if not sort or k != sort["column"]]
    offset = request.get("offset", 0)
    after = request.get("after")
    if after:
        left = ", ".join(q(c) for c in order)
        right = ", ".join("?" for _ in order)
        sign = " < " if desc else " > "
        if len(order) > 1:  # led by the first column's own bound, as the server writes it
            conditions.append(f"{q(order[0])} {'<=' if desc else '>='} ? AND ({left}){sign}({right})")
            params += [after[order[0]]]
        else:
            conditions.append(left + sign + right)
        params += [after[c] for c in order]
        offset = 0
    where = "".join((" WHERE " if i == 0 else " AND ") + c for i, c in enumerate(conditions))
    order_by = " ORDER BY " + ", ".join(q(c) + (" DESC" if desc else "") for c in order)
    sql = (f"SELECT {', '.join(q(c) for c in COLUMNS)} FROM {table}{where}{order_by} "
           f"LIMIT {int(request.get('limit', PAGE)) + 1}" + (f" OFFSET {int(offset)}" if offset else ""))
    return sql, params, count_sql, count_params


def split_placeholders(sql):
    """The SQL cut at each ? outside quotes (the rebuilt SQL has '!' and identifiers only)."""
    parts, current, quote = [], "", None
    for ch in sql:
        if quote:
            current += ch
            if ch == quote:
                quote = None
        elif ch in "'\"`":
            quote = ch
            current += ch
        elif ch == "?":
            parts.append(current)
            current = ""
        else:
            current += ch
    parts.append(current)
    return parts


def pg_literal(value):
    return "'" + str(value).replace("'", "''") + "'"  # standard_conforming_strings (the default)


def mysql_literal(value):
    return "'" + str(value).replace("\\", "\\\\").replace("'", "''") + "'"


def with_literals(sql, params, literal):
    parts = split_placeholders(sql)
    if len(parts) != len(params) + 1:
        raise BenchError(f"{len(params)} values for {len(parts) - 1} placeholders in {sql}")
    return parts[0] + "".join(literal(p) + rest for p, rest in zip(params, parts[1:]))


# ---------------------------------------------------------------- databases

def with_database(url, database):
    parts = urllib.parse.urlsplit(url)
    return urllib.parse.urlunsplit(parts._replace(path="/" + database))


def run_client(args, sql, what, env=None):
    r = subprocess.run(args, input=sql, capture_output=True, text=True, env=env)
    if r.returncode != 0:
        raise BenchError(f"{what} failed ({r.returncode}): {r.stderr.strip()[-3000:]}")
    return r.stdout


class SqliteDb:
    dialect = "sqlite"
    baseline_kind = "sqlite3 module in process: execute + fetch all rows, wall time"

    def __init__(self, work):
        self.path = work / "studio_bench.db"
        self.url = str(self.path)
        self.conn = None

    def version(self):
        return "SQLite " + sqlite3.sqlite_version + " (Python's sqlite3 module for the baseline)"

    def create(self, rows):
        db = sqlite3.connect(self.path)
        try:
            db.executescript(LOAD_SQL["sqlite"].format(rows=int(rows)))
        finally:
            db.close()

    def drop(self):
        if self.conn:
            self.conn.close()
            self.conn = None
        self.path.unlink(missing_ok=True)

    def baseline(self, queries, runs):
        if self.conn is None:
            self.conn = sqlite3.connect(self.path)
        samples = []
        for run in range(runs + 1):  # the first round warms up
            total = 0.0
            for sql, params in queries:
                started = time.perf_counter()
                self.conn.execute(sql, params).fetchall()
                total += time.perf_counter() - started
            if run:
                samples.append(total * 1000)
        return samples

    def explain(self, sql, params):
        if self.conn is None:
            self.conn = sqlite3.connect(self.path)
        return "\n".join(row[3] for row in self.conn.execute("EXPLAIN QUERY PLAN " + sql, params))


class PgDb:
    dialect = "postgresql"
    baseline_kind = ("EXPLAIN (ANALYZE, TIMING OFF): the server's planning + execution time "
                     "(no parse, network or sending of rows)")

    def __init__(self, base_url, name):
        self.base_url, self.name = base_url, name
        self.url = with_database(base_url, name)
        self.created = False

    def psql(self, url, sql, what):
        return run_client(["psql", "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-d", url], sql, what)

    def version(self):
        return self.psql(self.base_url, "SELECT version();", "psql").strip()

    def create(self, rows):
        self.psql(self.base_url, f"DROP DATABASE IF EXISTS {quote_ident('postgresql', self.name)} WITH (FORCE);\n"
                                 f"CREATE DATABASE {quote_ident('postgresql', self.name)} TEMPLATE template0;",
                  "creating the scratch database")
        self.created = True
        self.psql(self.url, LOAD_SQL["postgresql"].format(rows=int(rows)), "loading the table")

    def drop(self):
        if self.created:
            self.psql(self.base_url, f"DROP DATABASE IF EXISTS {quote_ident('postgresql', self.name)} WITH (FORCE);",
                      "dropping the scratch database")
            self.created = False

    def baseline(self, queries, runs):
        statements = [f"EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON) {with_literals(sql, params, pg_literal)};"
                      for _ in range(runs + 1) for sql, params in queries]
        out = self.psql(self.url, "\n".join(statements), "the PostgreSQL baseline")
        docs, decoder, i = [], json.JSONDecoder(), 0
        while True:
            while i < len(out) and out[i].isspace():
                i += 1
            if i >= len(out):
                break
            doc, i = decoder.raw_decode(out, i)
            docs.append(doc[0]["Planning Time"] + doc[0]["Execution Time"])
        if len(docs) != len(statements):
            raise BenchError(f"EXPLAIN gave {len(docs)} plans for {len(statements)} statements")
        n = len(queries)
        return [sum(docs[r * n:(r + 1) * n]) for r in range(1, runs + 1)]

    def explain(self, sql, params):
        return self.psql(self.url, f"EXPLAIN (ANALYZE, BUFFERS) {with_literals(sql, params, pg_literal)};",
                         "EXPLAIN").rstrip()


class MysqlDb:
    dialect = "mysql"
    baseline_kind = ("the server's profile (SHOW PROFILES) of PREPARE + EXECUTE USING + DEALLOCATE, "
                     "the prepared statement the studio's driver runs")

    def __init__(self, base_url, name):
        self.base_url, self.name = base_url, name
        self.url = with_database(base_url, name)
        p = urllib.parse.urlsplit(base_url)
        self.args = ["mariadb" if shutil.which("mariadb") else "mysql", "--no-defaults", "--protocol=tcp",
                     f"--host={p.hostname or '127.0.0.1'}", f"--port={p.port or 3306}",
                     f"--user={urllib.parse.unquote(p.username or 'root')}", "--default-character-set=utf8mb4",
                     "--batch", "--skip-column-names"]
        self.env = dict(os.environ, MYSQL_PWD=urllib.parse.unquote(p.password or ""))  # not on argv
        self.created = False

    def client(self, sql, what, database=None, column_names=False):
        args = [a for a in self.args if column_names is False or a != "--skip-column-names"]
        return run_client(args + ([database] if database else []), sql, what, env=self.env)

    def version(self):
        return self.client("SELECT version();", "mariadb").strip()

    def create(self, rows):
        self.client(f"DROP DATABASE IF EXISTS {quote_ident('mysql', self.name)};\n"
                    f"CREATE DATABASE {quote_ident('mysql', self.name)};", "creating the scratch database")
        self.created = True
        self.client(LOAD_SQL["mysql"].format(rows=int(rows)), "loading the table", database=self.name)

    def drop(self):
        if self.created:
            self.client(f"DROP DATABASE IF EXISTS {quote_ident('mysql', self.name)};", "dropping the scratch database")
            self.created = False

    def baseline(self, queries, runs):
        # One unit per (run, query): PREPARE sN / EXECUTE sN / DEALLOCATE PREPARE sN, profiled. SHOW
        # PROFILES keeps at most 100 statements, so units go in sessions of a bounded size.
        units = [(r, k) for r in range(runs + 1) for k in range(len(queries))]
        durations = {}
        chunk, budget = [], 0
        for index, unit in enumerate(units):
            cost = 4 + len(queries[unit[1]][1])  # SET @sql, SET @p..., PREPARE, EXECUTE, DEALLOCATE
            if budget + cost > 95:
                durations.update(self._profile(chunk, queries))
                chunk, budget = [], 0
            chunk.append((index, unit))
            budget += cost
        durations.update(self._profile(chunk, queries))
        n = len(queries)
        return [sum(durations[r * n + k] for k in range(n)) for r in range(1, runs + 1)]

    def _profile(self, chunk, queries):
        lines = ["SET profiling_history_size = 100;", "SET profiling = 1;"]
        for index, (_, k) in chunk:
            sql, params = queries[k]
            lines.append(f"SET @sql = {mysql_literal(sql)};")
            names = []
            for j, p in enumerate(params):
                lines.append(f"SET @p{j} = {mysql_literal(p)};")
                names.append(f"@p{j}")
            lines.append(f"PREPARE s{index} FROM @sql;")
            lines.append(f"EXECUTE s{index}" + (" USING " + ", ".join(names) if names else "") + ";")
            lines.append(f"DEALLOCATE PREPARE s{index};")
        lines += ["SELECT '-- profiles --';", "SHOW PROFILES;"]
        out = self.client("\n".join(lines), "the MariaDB baseline", database=self.name)
        profiles = out.split("-- profiles --\n", 1)
        if len(profiles) != 2:
            raise BenchError("SHOW PROFILES gave nothing (is profiling compiled in? SHOW VARIABLES LIKE 'have_profiling')")
        found = {}
        for line in profiles[1].splitlines():
            fields = line.split("\t")
            if len(fields) < 3:
                continue
            m = re.match(r"(?:PREPARE|EXECUTE|DEALLOCATE PREPARE) s(\d+)\b", fields[2])
            if m:
                found.setdefault(int(m.group(1)), []).append(float(fields[1]) * 1000)
        for index, _ in chunk:
            if len(found.get(index, [])) != 3:
                raise BenchError(f"SHOW PROFILES lacks statement s{index} (profiling history too short?)")
        return {index: sum(found[index]) for index, _ in chunk}

    def explain(self, sql, params):
        return self.client(f"ANALYZE {with_literals(sql, params, mysql_literal)};", "ANALYZE",
                           database=self.name, column_names=True).rstrip()


# ---------------------------------------------------------------- servers

def read_env_sh(path=pathlib.Path("/tmp/env.sh")):
    """The `export NAME=value` lines of /tmp/env.sh (the test servers' URLs), without running it."""
    values = {}
    if path.exists():
        for line in path.read_text().splitlines():
            try:
                words = shlex.split(line, comments=True)
            except ValueError:
                continue
            if len(words) == 2 and words[0] == "export" and "=" in words[1]:
                k, v = words[1].split("=", 1)
                values[k] = v
    return values


class PrivateServers:
    """Private servers from scripts/lib/servers.sh, through bench/pull/run.py's helper: a bash
    process that stops them when its stdin closes (at the end of this script, or when it dies)."""

    def __init__(self, pg, my):
        spec = importlib.util.spec_from_file_location("pull_bench", ROOT / "bench" / "pull" / "run.py")
        pull = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(pull)
        try:
            self.servers = pull.Servers(pg, my)
        except RuntimeError as e:
            raise BenchError(str(e))
        self.pg_url, self.mysql_url = self.servers.pg_url, self.servers.mysql_url

    def stop(self):
        self.servers.stop()


# ---------------------------------------------------------------- the studio

class Studio:
    def __init__(self, kit, project, work):
        self.out_path, self.err_path = work / "studio.out", work / "studio.err"
        self.process = subprocess.Popen(
            [str(kit), "studio", "--config", "drizzle.config.json", "--no-open", "--port", "0"], cwd=project,
            stdin=subprocess.DEVNULL, stdout=self.out_path.open("w"), stderr=self.err_path.open("w"),
            start_new_session=True)  # Ctrl-C reaches this script, which stops the studio itself
        deadline = time.monotonic() + 120
        while True:
            m = re.search(r"is up on (http://[^\s/]+)/\?token=([0-9a-f]+)", self.out_path.read_text())
            if m:
                break
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise BenchError("drizzle-kit studio did not start:\n" + self.out_path.read_text() +
                                 self.err_path.read_text()[-3000:])
            time.sleep(0.05)
        parts = urllib.parse.urlsplit(m.group(1))
        self.host, self.port, self.token = parts.hostname, parts.port, m.group(2)
        self.conn = http.client.HTTPConnection(self.host, self.port, timeout=600)

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def request(self, method, path, body=None, headers=None, fresh=False):
        """(status, headers, body bytes, the server's ms, the client's ms, bytes on the wire);
        `fresh`: on a new connection (its connect counted in the client's time)."""
        if fresh:
            self.conn.close()
        all_headers = dict(headers or {})
        if path.startswith("/api/"):
            all_headers["X-Studio-Token"] = self.token
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            all_headers["Content-Type"] = "application/json"
        for attempt in (0, 1):
            started = time.perf_counter()
            try:
                self.conn.request(method, path, body=data, headers=all_headers)
                response = self.conn.getresponse()
                payload = response.read()
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                # the server closed the keep-alive connection (it keeps one for 5 requests)
                self.conn.close()
                if attempt:
                    raise
                continue
            client_ms = (time.perf_counter() - started) * 1000
            break
        if response.will_close:
            self.conn.close()
        timing = response.getheader("Server-Timing") or ""
        m = re.search(r"\bapp;dur=([0-9.]+)", timing)
        server_ms = float(m.group(1)) if m else None
        wire = (len(f"HTTP/1.1 {response.status} {response.reason}\r\n") + 2 +
                sum(len(f"{k}: {v}\r\n") for k, v in response.getheaders()) + len(payload))
        return response.status, response, payload, server_ms, client_ms, wire

    def api(self, method, path, body=None, fresh=False):
        status, response, payload, server_ms, client_ms, _ = self.request(method, path, body, fresh=fresh)
        if status != 200:
            raise BenchError(f"{method} {path} {json.dumps(body)} answered {status}: {payload[:2000]!r}")
        if server_ms is None:
            raise BenchError(f"{method} {path} sent no Server-Timing: app;dur=... header")
        return json.loads(payload), server_ms, client_ms


class AssetRefs(HTMLParser):
    def __init__(self):
        super().__init__()
        self.refs = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("src", "href") and value and value.startswith("/") and not value.startswith("//"):
                self.refs.append(value)


# ---------------------------------------------------------------- measuring

def summary(samples):
    if not samples:
        return None
    p90 = statistics.quantiles(samples, n=10, method="inclusive")[8] if len(samples) > 1 else samples[0]
    return {"median": statistics.median(samples), "p90": p90, "n": len(samples)}


def check_page(reply, what, rows, expect_more=True):
    if not isinstance(reply.get("rows"), list) or len(reply["rows"]) != rows:
        raise BenchError(f"{what}: expected {rows} rows, got {len(reply.get('rows') or [])}")
    if expect_more and not reply.get("hasMore"):
        raise BenchError(f"{what}: expected more rows to follow (hasMore)")


def measure_dialect(args, dialect, db, kit, work):
    project = work / f"project_{dialect}"
    (project / "db").mkdir(parents=True)
    (project / "db" / "schema.hpp").write_text(HEADERS[dialect])
    (project / "drizzle.config.json").write_text(json.dumps(
        {"dialect": dialect, "schema": "db/schema.hpp", "out": "drizzle", "dbCredentials": {"url": db.url}}, indent=2))
    result = {"database": db.version(), "rows": args.rows, "baseline": db.baseline_kind}
    print(f"\n== {dialect}: {result['database']}", flush=True)

    started = time.perf_counter()
    db.create(args.rows)
    result["load_s"] = time.perf_counter() - started
    print(f"  loaded {args.rows:,} rows in {result['load_s']:.1f} s", flush=True)

    for step in (["export"], ["push", "--explain"]):  # compiles the exporter; the header agrees
        r = subprocess.run([str(kit), *step], cwd=project, capture_output=True, text=True)
        if r.returncode != 0:
            raise BenchError(f"drizzle-kit {' '.join(step)} failed ({r.returncode}):\n{r.stdout}{r.stderr}")
        if step[0] == "push" and "No changes detected" not in r.stdout:
            raise BenchError(f"the header and the {dialect} database differ (push --explain):\n{r.stdout}{r.stderr}")

    studio = Studio(kit, project, work)
    try:
        requests = measure_requests(args, studio, db)
        result["requests"] = requests
        result["first_load"] = first_load(studio)
    finally:
        studio.stop()
    return result


def measure_requests(args, studio, db):
    n = args.runs
    out = {}

    def timed(name, bodies, check, queries_of, target=None, method="POST", path="/api/rows", fresh=False):
        """Sends each body of `bodies` once to warm up, then `n` times (--slow-runs times when one
        warm-up took over --slow-after seconds); the baseline runs the SQL that queries_of(body)
        lists, summed per body, as many times."""
        warmup = 0.0
        for body in bodies:
            reply, _, c = studio.api(method, path, body)
            check(reply)
            warmup = max(warmup, c)
        runs = n if warmup <= args.slow_after * 1000 else min(n, args.slow_runs)
        if runs < n:
            print(f"  {name}: {warmup / 1000:.1f} s to warm up: timed {runs} times, not {n}", flush=True)
        server, client = [], []
        for _ in range(runs):
            for body in bodies:
                reply, s, c = studio.api(method, path, body, fresh=fresh)
                check(reply)
                server.append(s)
                client.append(c)
        base = []
        for body in bodies:
            base += db.baseline(queries_of(body), runs)
        first = queries_of(bodies[0])
        entry = {"request": bodies[0] if len(bodies) == 1 else {"first": bodies[0], "pages": len(bodies)},
                 "server_ms": summary(server), "client_ms": summary(client), "baseline_ms": summary(base),
                 "sql": [sql for sql, _ in first], "params": [p for _, p in first],
                 "plans": [db.explain(sql, p) for sql, p in first]}
        entry["ratio"] = entry["server_ms"]["median"] / entry["baseline_ms"]["median"]
        if target is not None:
            entry["target_ms"] = target
            entry["met"] = entry["server_ms"]["median"] < target
        out[name] = entry
        print(f"  {name:<24} server {entry['server_ms']['median']:8.2f} ms (p90 {entry['server_ms']['p90']:8.2f}), "
              f"client {entry['client_ms']['median']:8.2f} ms, baseline {entry['baseline_ms']['median']:8.2f} ms",
              flush=True)

    page_only = lambda body: [row_sql(db.dialect, body)[:2]]

    def page_and_count(body):
        sql, params, count_sql, count_params = row_sql(db.dialect, body)
        return [(sql, params), (count_sql, count_params)]

    def page_check(rows=PAGE):
        return lambda reply: check_page(reply, "page", rows)

    def counted(expected):
        def check(reply):
            check_page(reply, "count", 0)
            if reply.get("total") != expected:
                raise BenchError(f"count: expected {expected}, got {reply.get('total')}")
        return check

    rows = args.rows
    first = {"table": "events", "limit": PAGE}
    timed("first page", [first], page_check(), page_only, TARGETS["first page"])
    # The same on a new connection each time: the client's time without the keep-alive
    # connection's delayed ACKs (see the report), as a browser's first request.
    timed("first page, new connection", [first], page_check(), page_only, fresh=True)
    # The count as the app asks for it, after the page: limit 0 (the server still runs the page
    # query, LIMIT 1) and "count": true.
    timed("count", [dict(first, limit=0, count=True)], counted(rows), page_and_count)

    # Keyset pages: the start found by offset (not timed), then `next` -> `after`, 20 pages.
    by_score = {"table": "events", "limit": PAGE, "sort": {"column": "score", "desc": True}}
    start, _, _ = studio.api("POST", "/api/rows", dict(by_score, offset=rows // 2))
    check_page(start, "keyset start", PAGE)
    bodies, cursor = [], start.get("next")
    for _ in range(args.pages):
        if not cursor:
            raise BenchError(f"a keyset page sorted by score gave no `next`: {json.dumps(start)[:500]}")
        body = dict(by_score, after=cursor)
        reply, _, _ = studio.api("POST", "/api/rows", body)
        check_page(reply, "keyset page", PAGE)
        scores = [int(r[COLUMNS.index("score")]) for r in reply["rows"]]
        if scores != sorted(scores, reverse=True) or scores[0] > int(cursor["score"]):
            raise BenchError("keyset pages sorted by score desc came out of order")
        bodies.append(body)
        cursor = reply.get("next")
    timed(f"keyset pages ({args.pages})", bodies, page_check(), page_only)

    deep = {"table": "events", "limit": PAGE, "offset": min(900_000, rows - 2 * PAGE)}
    timed("deep page by offset", [deep], page_check(), page_only)

    filt = {"table": "events", "filters": [{"column": "score", "op": "gt", "value": "500000"}],
            "sort": {"column": "score", "desc": True}, "limit": PAGE}
    timed("filter + sort", [filt], page_check(), page_only, TARGETS["filter + sort"])
    kept = len([i for i in range(1, rows + 1) if (i * 7919) % 500009 * 2 > 500000])
    timed("filter + sort, count", [dict(filt, limit=0, count=True)], counted(kept), page_and_count)

    # few rows hold '12345' (12345, 112345, 123450..123459, ...): a scan of most of the table
    contains = {"table": "events", "filters": [{"column": "note", "op": "contains", "value": "12345"}], "limit": PAGE}
    matching = [i for i in range(1, rows + 1) if i % 10 and "12345" in f"note {i}"]
    timed("unindexed filter (scan)", [contains],
          lambda reply: check_page(reply, "unindexed filter", min(PAGE, len(matching)), len(matching) > PAGE),
          page_only)

    # A table of 100,000 rows or more is listed with the statistics' estimate (InnoDB samples
    # it: near the count, not the count); the baseline is the count(*) the list ran before that.
    def tables_check(reply):
        found = [t for t in reply.get("tables", []) if t.get("name") == "events"]
        listed = found[0].get("rows", -1) if found else -1
        close = found and (listed == rows or (found[0].get("rowsEstimated") and abs(listed - rows) <= rows // 2))
        if not close:
            raise BenchError(f"/api/tables: expected events with {rows} rows: {json.dumps(reply)[:500]}")
    count_all = row_sql(db.dialect, {})[2]
    timed("table list", [None], tables_check, lambda _: [(count_all, [])], method="GET", path="/api/tables")
    return out


def first_load(studio):
    result = {}
    for label, headers in (("identity", {}), ("gzip", {"Accept-Encoding": "gzip"})):
        status, response, payload, _, _, wire = studio.request("GET", "/", headers=headers)
        if status != 200:
            raise BenchError(f"GET / answered {status}")
        files = {"/": {"wire": wire, "body": len(payload), "encoding": response.getheader("Content-Encoding")}}
        html = payload
        if response.getheader("Content-Encoding") == "gzip":
            import gzip
            html = gzip.decompress(payload)
        refs = AssetRefs()
        refs.feed(html.decode("utf-8"))
        for ref in dict.fromkeys(refs.refs):
            status, response, payload, _, _, wire = studio.request("GET", ref, headers=headers)
            if status != 200:
                raise BenchError(f"GET {ref} (referenced by index.html) answered {status}")
            files[ref] = {"wire": wire, "body": len(payload), "encoding": response.getheader("Content-Encoding")}
        status, response, payload, _, _, wire = studio.request("GET", "/api/tables", headers=headers)
        if status != 200:
            raise BenchError(f"GET /api/tables answered {status}")
        api = {"wire": wire, "body": len(payload), "encoding": response.getheader("Content-Encoding")}
        total = sum(f["wire"] for f in files.values())
        result[label] = {"files": files, "assets_wire": total, "api_tables": api, "with_api_tables": total + api["wire"],
                         "compressed": any(f["encoding"] == "gzip" for f in files.values())}
    result["target_bytes"] = FIRST_LOAD_TARGET
    result["met"] = result["identity"]["with_api_tables"] < FIRST_LOAD_TARGET
    return result


# ---------------------------------------------------------------- the report

def print_report(dialect, result, show_plans):
    print(f"\n### {dialect}: {result['database']}, {result['rows']:,} rows (loaded in {result['load_s']:.1f} s)")
    print(f"baseline: {result['baseline']}\n")
    print("| request | n | server median | server p90 | client median | client p90 | baseline median | server / baseline | target |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---|")
    for name, e in result["requests"].items():
        target = "—" if "target_ms" not in e else f"< {e['target_ms']:.0f} ms: {'met' if e['met'] else 'MISSED'}"
        print(f"| {name} | {e['server_ms']['n']} | {e['server_ms']['median']:.2f} ms | {e['server_ms']['p90']:.2f} ms | "
              f"{e['client_ms']['median']:.2f} ms | {e['client_ms']['p90']:.2f} ms | {e['baseline_ms']['median']:.2f} ms | "
              f"{e['ratio']:.2f}× | {target} |")
    fl = result["first_load"]
    for label in ("identity", "gzip"):
        f = fl[label]
        parts = ", ".join(f"{path} {v['wire']:,}" for path, v in f["files"].items())
        print(f"\nfirst load, {'no Accept-Encoding' if label == 'identity' else 'Accept-Encoding: gzip'}: "
              f"{f['assets_wire']:,} bytes ({parts}); + /api/tables {f['api_tables']['wire']:,} = "
              f"{f['with_api_tables']:,} bytes; compressed by the server: {'yes' if f['compressed'] else 'no'}")
    print(f"first load target < {FIRST_LOAD_TARGET:,} bytes: {'met' if fl['met'] else 'MISSED'} (uncompressed)")
    for name, e in result["requests"].items():
        if show_plans or ("met" in e and not e["met"]):
            print(f"\n{'MISSED: ' if 'met' in e and not e['met'] else ''}{name}: the plan of its SQL")
            for sql, params, plan in zip(e["sql"], e["params"], e["plans"]):
                print(f"  {sql}  -- values {params}\n" + "\n".join("    " + line for line in plan.splitlines()))


def write_results(args, kit, results):
    git = lambda *a: subprocess.run(["git", "-C", str(ROOT), *a], capture_output=True, text=True).stdout.strip()
    document = {
        "when": time.strftime("%Y-%m-%d %H:%M"),
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform(), "python": platform.python_version()},
        "kit": {"path": args.kit, "tree": git("rev-parse", "--short", "HEAD") +
                ("+changes" if git("status", "--porcelain", "--untracked-files=no") else ""),
                "built": time.strftime("%Y-%m-%d %H:%M", time.localtime(kit.stat().st_mtime)),
                "sha256": hashlib.sha256(kit.read_bytes()).hexdigest()[:16]},
        "runs": args.runs, "pages": args.pages, "slow_after_s": args.slow_after, "slow_runs": args.slow_runs,
        "targets": {**{k + " (server ms)": v for k, v in TARGETS.items()}, "first load (bytes)": FIRST_LOAD_TARGET},
        "dialects": results,
    }
    pathlib.Path(args.results).write_text(json.dumps(document, indent=2) + "\n")


def interrupted(signum, frame):
    raise KeyboardInterrupt


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--dialects", default="sqlite,pg,mysql", help="sqlite,pg,mysql (default all three)")
    p.add_argument("--rows", type=int, default=1_000_000)
    p.add_argument("--runs", type=int, default=20, help="timed requests each (default 20)")
    p.add_argument("--pages", type=int, default=20, help="keyset pages followed (default 20)")
    p.add_argument("--slow-after", type=float, default=1.0, metavar="S",
                   help="a request whose warm-up takes over S seconds is timed --slow-runs times (default 1)")
    p.add_argument("--slow-runs", type=int, default=2, help="(default 2)")
    p.add_argument("--kit", default=str(DEFAULT_KIT))
    p.add_argument("--pg-url", default=None)
    p.add_argument("--mysql-url", default=None)
    p.add_argument("--results", default=str(ROOT / "bench" / "studio" / "results.json"))
    p.add_argument("--plans", action="store_true", help="print every request's query plan")
    args = p.parse_args()
    if args.rows < 10_000 or args.runs < 1 or args.pages < 1 or args.slow_runs < 1:
        p.error("--rows at least 10000, --runs, --pages and --slow-runs at least 1")
    dialects = []
    for d in args.dialects.split(","):
        if d.strip() not in DIALECTS:
            p.error(f"unknown dialect {d!r} (sqlite, pg, mysql)")
        dialects.append(DIALECTS[d.strip()])

    # SIGTERM as Ctrl-C: the finally blocks stop the studio and drop the databases.
    signal.signal(signal.SIGTERM, interrupted)
    kit_source = pathlib.Path(args.kit)
    if not kit_source.exists():
        sys.exit(f"no drizzle-kit at {kit_source}: ninja -C build drizzle-kit (or --kit)")
    work = pathlib.Path(tempfile.mkdtemp(prefix="studio-bench-"))
    servers, databases, results = None, [], {}
    status = 0
    try:
        kit = work / "drizzle-kit"
        shutil.copy2(kit_source, kit)
        env_sh = read_env_sh()
        pg_url = args.pg_url or os.environ.get("DRIZZLE_TEST_PG_URL") or env_sh.get("DRIZZLE_TEST_PG_URL")
        my_url = args.mysql_url or os.environ.get("DRIZZLE_TEST_MYSQL_URL") or env_sh.get("DRIZZLE_TEST_MYSQL_URL")
        need_pg, need_my = "postgresql" in dialects and not pg_url, "mysql" in dialects and not my_url
        if need_pg or need_my:
            print("starting private servers (scripts/lib/servers.sh)", flush=True)
            servers = PrivateServers(need_pg, need_my)
            pg_url, my_url = pg_url or servers.pg_url, my_url or servers.mysql_url
        name = f"studio_bench_{os.getpid()}"
        for dialect in dialects:
            db = (SqliteDb(work) if dialect == "sqlite" else PgDb(pg_url, name) if dialect == "postgresql"
                  else MysqlDb(my_url, name))
            databases.append(db)
            try:
                results[dialect] = measure_dialect(args, dialect, db, kit, work)
            finally:
                db.drop()
                databases.remove(db)
            print_report(dialect, results[dialect], args.plans)
            write_results(args, kit, results)  # after each dialect: a later failure keeps what was measured
        print(f"\nresults: {args.results}")
    except BenchError as e:
        print(f"\nstudio benchmark FAILED: {e}", file=sys.stderr)
        status = 1
    except KeyboardInterrupt:
        print("\ninterrupted: stopping the studio, dropping the scratch databases", file=sys.stderr)
        status = 130
    finally:
        for db in databases:
            try:
                db.drop()
            except BenchError as e:
                print(f"could not drop the scratch database: {e}", file=sys.stderr)
                status = status or 1
        if servers:
            servers.stop()
        shutil.rmtree(work, ignore_errors=True)
    sys.exit(status)


if __name__ == "__main__":
    main()

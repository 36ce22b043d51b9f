// The ORM benchmark's node side: the four workloads of bench/orm (see ../bench_data.hpp) on the
// same data in an in-memory SQLite database, through drizzle-orm and through raw better-sqlite3.
// Prints JSON on stdout (progress on stderr): per benchmark `<side>/sqlite/<workload>`, the
// median wall-time ns/op of --runs runs (and the median CPU time), each run of enough
// iterations to last --min-time seconds, after a warm-up of the same length.
//
//   npm ci && node bench.mjs [--runs 5] [--min-time 0.5] [--filter REGEX]
import Database from 'better-sqlite3';
import { asc, eq, relations, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

// ---------------------------------------------------------------- the data (as bench_data.cpp)

const userCount = 10_000;
const postCount = 1_000 * 10;
const bulkCount = 100_000;
const relationUserCount = 100;
const rowsPerInsert = 1_000;
const bodyText = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod.';

const makeUser = (id) => ({
  id, name: `User ${id}`, email: `user${id}@example.com`, age: id % 10 === 0 ? null : 18 + (id * 7) % 60,
});
const makePost = (id) => ({
  id, userId: Math.floor((id - 1) / 10) + 1, title: `Post ${id}`,
  body: id % 5 === 0 ? null : `Body of post ${id}. ${bodyText}`,
});
const makeBulkRow = (id) => ({
  id, name: `Bulk ${id}`, email: `bulk${id}@example.com`, age: id % 10 === 0 ? null : 20 + id % 40,
});
const bulkRows = Array.from({ length: bulkCount }, (_, i) => makeBulkRow(i + 1));

const quoted = (s) => `'${s.replaceAll("'", "''")}'`;
const literal = (v) => (v === null ? 'NULL' : typeof v === 'string' ? quoted(v) : String(v));
const userValues = (u) => `${u.id}, ${quoted(u.name)}, ${quoted(u.email)}, ${literal(u.age)}`;
const postValues = (p) => `${p.id}, ${p.userId}, ${quoted(p.title)}, ${literal(p.body)}`;

function inserts(head, count, make, values) {
  const out = [];
  for (let first = 1; first <= count; first += rowsPerInsert) {
    const rows = [];
    for (let id = first; id < first + rowsPerInsert && id <= count; ++id) rows.push(`(${values(make(id))})`);
    out.push(head + rows.join(', '));
  }
  return out;
}

const setupStatements = [
  'DROP TABLE IF EXISTS posts', 'DROP TABLE IF EXISTS users', 'DROP TABLE IF EXISTS bulk',
  'CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL, email TEXT NOT NULL, age INTEGER)',
  'CREATE TABLE posts (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users(id), '
    + 'title TEXT NOT NULL, body TEXT)',
  'CREATE INDEX posts_user_id_idx ON posts (user_id)',
  'CREATE TABLE bulk (id INTEGER PRIMARY KEY, name TEXT NOT NULL, email TEXT NOT NULL, age INTEGER)',
  ...inserts('INSERT INTO users (id, name, email, age) VALUES ', userCount, makeUser, userValues),
  ...inserts('INSERT INTO posts (id, user_id, title, body) VALUES ', postCount, makePost, postValues),
];

// FNV-1a, 32-bit, as bench::dataFingerprint(): equal values mean equal data on both sides.
function dataFingerprint() {
  let hash = 2166136261;
  const feed = (s) => {
    for (let i = 0; i < s.length; ++i) hash = Math.imul(hash ^ s.charCodeAt(i), 16777619) >>> 0;
  };
  for (const statement of setupStatements) feed(`${statement};\n`);
  for (const u of bulkRows) feed(`{${userValues(u)}}\n`);
  return hash.toString(16).padStart(8, '0');
}

const expectedUsers = Array.from({ length: userCount }, (_, i) => makeUser(i + 1));
const expectedUsersWithPosts = expectedUsers.slice(0, relationUserCount).map((u) => ({
  ...u, posts: Array.from({ length: 10 }, (_, k) => makePost((u.id - 1) * 10 + k + 1)),
}));

// ---------------------------------------------------------------- drizzle's schema

const users = sqliteTable('users', {
  id: integer('id').primaryKey(),
  name: text('name').notNull(),
  email: text('email').notNull(),
  age: integer('age'),
});
const posts = sqliteTable('posts', {
  id: integer('id').primaryKey(),
  userId: integer('user_id').notNull().references(() => users.id),
  title: text('title').notNull(),
  body: text('body'),
}, (t) => [index('posts_user_id_idx').on(t.userId)]);
const bulk = sqliteTable('bulk', {
  id: integer('id').primaryKey(),
  name: text('name').notNull(),
  email: text('email').notNull(),
  age: integer('age'),
});
const usersRelations = relations(users, ({ many }) => ({ posts: many(posts) }));
const postsRelations = relations(posts, ({ one }) => ({
  user: one(users, { fields: [posts.userId], references: [users.id] }),
}));

// ---------------------------------------------------------------- the workloads

// Each workload: `op` is one timed operation; `before` (optional) runs before each one, untimed;
// `check` verifies what op returns, once, before timing.
function workloads(client, db) {
  const raw = {};
  const orm = {};

  {
    const select = client.prepare('select id, name, email, age from users where id = ?');
    let id = 0;
    raw.pk_lookup = { op: () => select.get((id = id % userCount + 1)), check: checkPk };
  }
  {
    const select = db.select().from(users).where(eq(users.id, sql.placeholder('id'))).prepare();
    let id = 0;
    orm.pk_lookup = { op: () => select.get({ id: (id = id % userCount + 1) }), check: checkPk };
  }

  {
    const select = client.prepare('select id, name, email, age from users');
    raw.scan_10k = { op: () => select.all(), check: (got) => assert.deepStrictEqual(got, expectedUsers) };
    orm.scan_10k = { op: () => db.select().from(users).all(), check: (got) => assert.deepStrictEqual(got, expectedUsers) };
  }

  {
    const empty = () => client.exec('DELETE FROM bulk');
    const check = () => {
      assert.equal(client.prepare('select count(*) as n from bulk').get().n, bulkCount);
      assert.deepStrictEqual(client.prepare('select id, name, email, age from bulk where id = 5000').get(), bulkRows[4999]);
    };
    const insert = client.prepare('insert into bulk (id, name, email, age) values (?, ?, ?, ?)');
    const insertAll = client.transaction((rows) => {
      for (const r of rows) insert.run(r.id, r.name, r.email, r.age);
    });
    raw.insert_100k = { before: empty, op: () => insertAll(bulkRows), check };
    // 1,000 rows (4,000 variables) per statement: well under SQLite's limit of 32,766.
    orm.insert_100k = {
      before: empty,
      op: () => db.transaction((tx) => {
        for (let i = 0; i < bulkRows.length; i += rowsPerInsert) {
          tx.insert(bulk).values(bulkRows.slice(i, i + rowsPerInsert)).run();
        }
      }),
      check,
    };
  }

  {
    // What a JS programmer writes without an ORM: one LEFT JOIN, grouped while reading.
    const select = client.prepare(
      'select u.id, u.name, u.email, u.age, p.id, p.user_id, p.title, p.body'
      + ' from (select id, name, email, age from users order by id limit ?) u'
      + ' left join posts p on p.user_id = u.id'
      + ' order by u.id, p.id').raw(true);
    raw.users_with_posts = {
      op: () => {
        const out = [];
        let user;
        for (const r of select.all(relationUserCount)) {
          if (!user || user.id !== r[0]) out.push((user = { id: r[0], name: r[1], email: r[2], age: r[3], posts: [] }));
          if (r[4] !== null) user.posts.push({ id: r[4], userId: r[5], title: r[6], body: r[7] });
        }
        return out;
      },
      check: (got) => assert.deepStrictEqual(got, expectedUsersWithPosts),
    };
    orm.users_with_posts = {
      op: () => db.query.users.findMany({
        with: { posts: { orderBy: [asc(posts.id)] } },
        orderBy: [asc(users.id)],
        limit: relationUserCount,
      }).sync(),
      check: (got) => assert.deepStrictEqual(got, expectedUsersWithPosts),
    };
  }
  return { 'better-sqlite3': raw, 'drizzle-orm': orm };
}

function checkPk(got) {
  assert.deepStrictEqual(got, makeUser(1));
}

// ---------------------------------------------------------------- measuring

let sink;

const cpuNs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) * 1000;
};

// Wall and CPU nanoseconds per op over n ops; with `before`, each op is timed alone and
// before() is not. CPU time is the process's, all threads (V8's GC helpers too).
function timeOps(w, n) {
  if (!w.before) {
    const c0 = cpuNs();
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < n; ++i) sink = w.op();
    const wall = Number(process.hrtime.bigint() - t0);
    return { wall: wall / n, cpu: (cpuNs() - c0) / n };
  }
  let wall = 0n;
  let cpu = 0;
  for (let i = 0; i < n; ++i) {
    w.before();
    const c0 = cpuNs();
    const t0 = process.hrtime.bigint();
    sink = w.op();
    wall += process.hrtime.bigint() - t0;
    cpu += cpuNs() - c0;
  }
  return { wall: Number(wall) / n, cpu: cpu / n };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function measure(w, runs, minTime) {
  // Warm up for minTime, which also calibrates the iterations of a run.
  const minNs = minTime * 1e9;
  let n = 1;
  let spent = 0;
  for (;;) {
    const perOp = timeOps(w, n).wall;
    spent += perOp * n;
    if (spent >= minNs) {
      n = Math.max(1, Math.ceil(minNs / perOp));
      break;
    }
    n = Math.min(n * 10, Math.max(1, Math.ceil((minNs - spent) / perOp)));
  }
  const perRun = Array.from({ length: runs }, () => timeOps(w, n));
  return {
    ns_per_op: median(perRun.map((r) => r.wall)),
    cpu_ns_per_op: median(perRun.map((r) => r.cpu)),
    runs_ns_per_op: perRun.map((r) => r.wall),
    iterations_per_run: n,
  };
}

function packageVersion(name) {
  return JSON.parse(readFileSync(new URL(`./node_modules/${name}/package.json`, import.meta.url))).version;
}

function main() {
  const { values: args } = parseArgs({
    options: {
      runs: { type: 'string', default: '5' },
      'min-time': { type: 'string', default: '0.5' },
      filter: { type: 'string', default: '' },
    },
  });
  const runs = Number(args.runs);
  const minTime = Number(args['min-time']);
  const filter = new RegExp(args.filter);

  const client = new Database(':memory:');
  client.pragma('foreign_keys = ON');
  for (const statement of setupStatements) client.exec(statement);
  const db = drizzle(client, { schema: { users, posts, bulk, usersRelations, postsRelations } });

  const benchmarks = [];
  for (const [side, byWorkload] of Object.entries(workloads(client, db))) {
    for (const [workload, w] of Object.entries(byWorkload)) {
      const name = `${side}/sqlite/${workload}`;
      if (!filter.test(name)) continue;
      w.before?.();
      w.check(w.op());
      const result = measure(w, runs, minTime);
      w.before?.();
      process.stderr.write(`${name}: ${Math.round(result.ns_per_op)} ns/op (${result.iterations_per_run} per run)\n`);
      benchmarks.push({ name, ...result });
    }
  }
  process.stdout.write(`${JSON.stringify({
    context: {
      node: process.version,
      'better-sqlite3': packageVersion('better-sqlite3'),
      'drizzle-orm': packageVersion('drizzle-orm'),
      sqlite_version: client.prepare('select sqlite_version() as v').get().v,
      data_fingerprint: dataFingerprint(),
      runs,
      min_time_s: minTime,
    },
    benchmarks,
  }, null, 2)}\n`);
}

main();

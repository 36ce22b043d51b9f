#!/usr/bin/env node
// snapshot_diff.mjs <reference.json> <candidate.json> [max]
//
// Structural comparison of two drizzle-kit snapshots: parsed JSON, object key
// order ignored, array order significant. The per-migration "id" and "prevId"
// are ignored. Prints one line per difference (at most `max`, default 40) and
// exits 0 when equal, 1 when different, 2 when a file cannot be read/parsed.

import { readFileSync } from 'node:fs';

const [refPath, candPath, maxArg] = process.argv.slice(2);
if (!refPath || !candPath) {
  console.error('usage: snapshot_diff.mjs <reference.json> <candidate.json> [max]');
  process.exit(2);
}
const max = Number(maxArg ?? 40);

function load(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    console.error(`cannot read ${path}: ${e.message}`);
    process.exit(2);
  }
}

const IGNORED_TOP_LEVEL = new Set(['id', 'prevId']);
const diffs = [];

const kind = (v) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
const show = (v) => {
  if (v === undefined) return '(absent)';
  const text = JSON.stringify(v);
  return text.length > 160 ? `${text.slice(0, 157)}...` : text;
};
const key = (k) => (/^[A-Za-z_$][\w$]*$/.test(k) ? `.${k}` : `[${JSON.stringify(k)}]`);

function walk(path, a, b) {
  const ka = kind(a);
  const kb = kind(b);
  if (ka !== kb) {
    diffs.push(`${path || '(root)'}: expected ${show(a)}, got ${show(b)}`);
    return;
  }
  if (ka === 'array') {
    const n = Math.max(a.length, b.length);
    for (let i = 0; i < n; i++) walk(`${path}[${i}]`, a[i], b[i]);
    return;
  }
  if (ka === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of [...keys].sort()) {
      if (path === '' && IGNORED_TOP_LEVEL.has(k)) continue;
      walk(`${path}${key(k)}`, a[k], b[k]);
    }
    return;
  }
  if (a !== b) diffs.push(`${path}: expected ${show(a)}, got ${show(b)}`);
}

walk('', load(refPath), load(candPath));

for (const d of diffs.slice(0, max)) console.log(d);
if (diffs.length > max) console.log(`... and ${diffs.length - max} more`);
process.exit(diffs.length ? 1 : 0);

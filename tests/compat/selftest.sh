#!/usr/bin/env bash
# Self-test of accepts_snapshot.sh against every fixture case:
#   * the case's own reference snapshot is accepted (also with --strict);
#   * the reference with one column removed is rejected;
#   * the reference with a mistyped field ("notNull": "yes") is rejected;
#   * the reference with an unknown extra column field is rejected.
# Prints one line per check and a closing "N passed, N failed" line.
set -u -o pipefail

here=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)
fixtures=$(cd -- "$here/../fixtures/drizzle-kit" && pwd -P)
checker=$here/accepts_snapshot.sh

work=$(mktemp -d "${TMPDIR:-/tmp}/accepts_snapshot_selftest.XXXXXX") || exit 2
trap 'rm -rf -- "$work"' EXIT

passed=0
failed=0

expect() { # expect <wanted status> <label> <args...>
  local want=$1 label=$2 got=0 out
  shift 2
  out=$("$checker" "$@" 2>&1) || got=$?
  if [ "$got" -eq "$want" ]; then
    echo "ok   $label (exit $got)"
    passed=$((passed + 1))
  else
    echo "FAIL $label: wanted exit $want, got $got"
    printf '%s\n' "$out" | sed 's/^/     /'
    failed=$((failed + 1))
  fi
}

# mutate <in> <out> <kind>: edits the first column of the first table.
mutate() {
  node - "$1" "$2" "$3" <<'EOF'
const fs = require('node:fs');
const [src, dst, kind] = process.argv.slice(2);
const snapshot = JSON.parse(fs.readFileSync(src, 'utf8'));
const table = Object.values(snapshot.tables)[0];
const [first] = Object.keys(table.columns);
if (kind === 'removed') delete table.columns[first];
if (kind === 'mistyped') table.columns[first].notNull = 'yes';
if (kind === 'extra') table.columns[first].unexpected = true;
fs.writeFileSync(dst, JSON.stringify(snapshot, null, 2));
EOF
}

for config in "$fixtures"/*/*/drizzle.config.ts; do
  case_dir=$(dirname -- "$config")
  case_name=$(basename -- "$case_dir")
  dialect=$(basename -- "$(dirname -- "$case_dir")")
  reference=$case_dir/out/meta/0000_snapshot.json
  expect 0 "$dialect/$case_name reference" "$dialect" "$case_name" "$reference"
  expect 0 "$dialect/$case_name reference --strict" --strict "$dialect" "$case_name" "$reference"
  for kind in removed mistyped extra; do
    mutated=$work/$dialect-$case_name-$kind.json
    mutate "$reference" "$mutated" "$kind"
    expect 1 "$dialect/$case_name $kind" "$dialect" "$case_name" "$mutated"
  done
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

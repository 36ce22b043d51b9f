#!/usr/bin/env bash
# accepts_snapshot.sh [--strict] <dialect> <case> <snapshot.json>
#
# Proves that a snapshot (typically written by drizzle-cpp) is accepted by the
# real drizzle-kit and is equivalent to the schema of a fixture case.
#
# It builds a throw-away migrations folder holding the given snapshot as the
# only (0000) migration, next to a copy of the case's schema.ts and
# drizzle.config.ts, and runs `drizzle-kit generate` on it:
#   * drizzle-kit first validates every snapshot in out/meta against its own
#     (strict) zod schema; a malformed snapshot is reported as
#     "... data is malformed" (drizzle-kit still exits 0 in that case);
#   * it then diffs the snapshot against the TypeScript schema; an equivalent
#     snapshot yields "No schema changes, nothing to migrate".
#
# drizzle-kit's diff ignores a few fields (e.g. "isExisting" of existing views,
# MySQL's "internal", the snapshot "id"), so the snapshot is also compared with
# the case's reference snapshot (out/meta/0000_snapshot.json) field by field,
# ignoring "id"/"prevId" and key order. Differences are listed as a note; with
# --strict they make the check fail.
#
# Exit status: 0 accepted and equivalent; 1 rejected or different (drizzle-kit's
# output is printed); 2 usage or setup error.
#
# Needs the fixture's node_modules (npm ci in tests/fixtures/drizzle-kit); no
# network access is used at run time. Works from any working directory.

set -u -o pipefail

usage() {
  echo "usage: $0 [--strict] <pg|sqlite|mysql> <case> <snapshot.json>" >&2
  exit 2
}

strict=0
if [ "${1:-}" = "--strict" ]; then
  strict=1
  shift
fi
[ "$#" -eq 3 ] || usage
dialect=$1
case_name=$2
snapshot=$3

script_dir=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)
fixtures_dir=$(cd -- "$script_dir/../fixtures/drizzle-kit" 2>/dev/null && pwd -P) || {
  echo "error: fixtures folder not found next to $script_dir" >&2
  exit 2
}

case "$dialect" in
  pg | postgresql) dialect_dir=pg; kit_dialect=postgresql; snapshot_version=7 ;;
  sqlite) dialect_dir=sqlite; kit_dialect=sqlite; snapshot_version=6 ;;
  mysql) dialect_dir=mysql; kit_dialect=mysql; snapshot_version=5 ;;
  *) echo "error: unknown dialect '$dialect' (expected pg, sqlite or mysql)" >&2; usage ;;
esac

case_dir=$fixtures_dir/$dialect_dir/$case_name
for f in schema.ts drizzle.config.ts; do
  if [ ! -f "$case_dir/$f" ]; then
    echo "error: $case_dir/$f not found (unknown case '$case_name'?)" >&2
    exit 2
  fi
done

if [ ! -f "$snapshot" ] || [ ! -r "$snapshot" ]; then
  echo "error: snapshot '$snapshot' is not a readable file" >&2
  exit 2
fi

kit=$fixtures_dir/node_modules/.bin/drizzle-kit
if [ ! -x "$kit" ]; then
  echo "error: $kit not found; run 'npm ci' in $fixtures_dir first" >&2
  exit 2
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/accepts_snapshot.XXXXXX") || exit 2
trap 'rm -rf -- "$work"' EXIT

cp -- "$case_dir/schema.ts" "$case_dir/drizzle.config.ts" "$work/"
# The schema imports drizzle-orm; resolve it (and drizzle-kit's types) from the
# fixture's installed packages.
ln -s -- "$fixtures_dir/node_modules" "$work/node_modules"

mkdir -p -- "$work/out/meta"
cp -- "$snapshot" "$work/out/meta/0000_snapshot.json"
if [ -f "$case_dir/out/0000_init.sql" ]; then
  cp -- "$case_dir/out/0000_init.sql" "$work/out/0000_init.sql"
else
  : >"$work/out/0000_init.sql"
fi
cat >"$work/out/meta/_journal.json" <<EOF
{
  "version": "$snapshot_version",
  "dialect": "$kit_dialect",
  "entries": [
    {
      "idx": 0,
      "version": "$snapshot_version",
      "when": 1700000000000,
      "tag": "0000_init",
      "breakpoints": true
    }
  ]
}
EOF

# drizzle-kit reads snapshots through paths relative to the working directory,
# so it must run from inside the temporary folder. stdin is closed so that an
# interactive rename prompt cannot wait forever.
status=0
output=$(
  cd -- "$work" &&
    NO_COLOR=1 FORCE_COLOR=0 timeout 300 "$kit" generate --config drizzle.config.ts </dev/null 2>&1
) || status=$?

reference=$case_dir/out/meta/0000_snapshot.json
reference_diff=""
reference_status=0
if [ -f "$reference" ]; then
  reference_diff=$(node "$script_dir/snapshot_diff.mjs" "$reference" "$snapshot" 40 2>&1) ||
    reference_status=$?
fi

print_reference_diff() {
  if [ "$reference_status" -ne 0 ]; then
    echo "----- differences from the reference snapshot ($1) -----"
    printf '%s\n' "$reference_diff"
  fi
}

reject() {
  echo "REJECTED: $dialect_dir/$case_name: $1"
  echo "----- drizzle-kit output -----"
  printf '%s\n' "$output"
  print_reference_diff "expected vs given"
  echo "------------------------------"
  exit 1
}

[ "$status" -eq 0 ] || reject "drizzle-kit exited with status $status"

case "$output" in
  *"data is malformed"*) reject "drizzle-kit's validation rejected the snapshot" ;;
  *"not of the latest version"*) reject "snapshot version is not the latest" ;;
  *"unsupported version"*) reject "snapshot version is newer than drizzle-kit supports" ;;
  *"which is a collision"*) reject "snapshot id collision" ;;
  *"Error:"* | *$'\n'"    at "*) reject "drizzle-kit failed (see the error below)" ;;
esac

case "$output" in
  *"No schema changes"*) ;;
  *) reject "the snapshot differs from the schema (drizzle-kit wanted to generate a migration)" ;;
esac

# Belt and braces: nothing new may have been written.
extra=$(find "$work/out" -type f ! -path "$work/out/0000_init.sql" \
  ! -path "$work/out/meta/0000_snapshot.json" ! -path "$work/out/meta/_journal.json")
[ -z "$extra" ] || reject "drizzle-kit wrote new migration files: $extra"

if [ "$reference_status" -ne 0 ] && [ "$strict" -eq 1 ]; then
  reject "--strict: drizzle-kit accepted it, but it differs from the reference snapshot"
fi

echo "ACCEPTED: $dialect_dir/$case_name: drizzle-kit validated the snapshot and reported no schema changes"
if [ "$reference_status" -ne 0 ]; then
  echo "note: fields drizzle-kit does not diff differ from the reference snapshot:"
  print_reference_diff "expected vs given"
fi
exit 0

#!/usr/bin/env bash
# Installs drizzle-cpp into a temporary prefix and builds three consumer projects against the
# installed CMake package: SQLite only (drizzle::sqlite), PostgreSQL only (drizzle::postgresql)
# and all (drizzle::drizzle). Each links only its drivers' client libraries (readelf), says
# which driver is missing when asked for another, and does real work: the installed drizzle-kit
# generates a migration that the SQLite consumers apply with drizzle::migrate and query; the
# PostgreSQL consumer queries the test server when $DRIZZLE_TEST_PG_URL is set.
#   install_consumer_test.sh <build dir> <cmake generator>
set -euo pipefail
build=$1
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cmake --install "$build" --prefix "$tmp/prefix" > "$tmp/install.log"
test -x "$tmp/prefix/bin/drizzle-kit" || { echo "installed drizzle-kit missing"; exit 1; }

cp "$here/consumer/schema.hpp" "$tmp/"
(cd "$tmp" && "$tmp/prefix/bin/drizzle-kit" generate --dialect sqlite --schema schema.hpp --out migrations --name init) \
    > "$tmp/generate.log" || { cat "$tmp/generate.log"; exit 1; }

# build_consumer <drivers>: the consumer at $tmp/<drivers>/consumer
build_consumer() {
    cmake -S "$here/consumer" -B "$tmp/$1" -G "$2" -DCMAKE_PREFIX_PATH="$tmp/prefix" -DCONSUMER_DRIVERS="$1" \
        > "$tmp/configure-$1.log" || { cat "$tmp/configure-$1.log"; exit 1; }
    cmake --build "$tmp/$1" > "$tmp/build-$1.log" || { cat "$tmp/build-$1.log"; exit 1; }
}
# links <drivers> <library>: whether the consumer needs the shared library
links() { readelf -d "$tmp/$1/consumer" | grep -q "NEEDED.*\[$2"; }
fail() { echo "install consumer test: $*"; exit 1; }

build_consumer sqlite "$2"
links sqlite libsqlite3 || fail "the SQLite consumer does not link libsqlite3"
! links sqlite libpq || fail "the SQLite consumer links libpq"
! links sqlite libmariadb || fail "the SQLite consumer links libmariadb"
"$tmp/sqlite/consumer" sqlite "$tmp/migrations" "$tmp/sqlite.db"
"$tmp/sqlite/consumer" refuses postgresql
"$tmp/sqlite/consumer" refuses mysql

build_consumer postgresql "$2"
links postgresql libpq || fail "the PostgreSQL consumer does not link libpq"
! links postgresql libsqlite3 || fail "the PostgreSQL consumer links libsqlite3"
! links postgresql libmariadb || fail "the PostgreSQL consumer links libmariadb"
"$tmp/postgresql/consumer" refuses sqlite
"$tmp/postgresql/consumer" refuses mysql
if [ -n "${DRIZZLE_TEST_PG_URL:-}" ]; then
    "$tmp/postgresql/consumer" postgresql "$DRIZZLE_TEST_PG_URL"
fi

build_consumer all "$2"
for lib in libsqlite3 libpq libmariadb; do links all "$lib" || fail "the consumer of drizzle::drizzle does not link $lib"; done
"$tmp/all/consumer" sqlite "$tmp/migrations" "$tmp/all.db"

cd "$tmp"
sql=$("$tmp/prefix/bin/drizzle-kit" export --dialect sqlite --schema schema.hpp)
echo "$sql"
grep -q 'CREATE TABLE `notes`' <<<"$sql" || { echo "export did not print the notes table"; exit 1; }
grep -q "/prefix/include" .drizzle/exporter/*/manifest.txt || { echo "exporter did not use the installed headers"; exit 1; }
echo "install consumer test passed"

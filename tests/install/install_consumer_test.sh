#!/usr/bin/env bash
# Installs drizzle-cpp into a temporary prefix, builds a consumer project against the installed
# CMake package, and runs the installed drizzle-kit on the consumer's schema.
#   install_consumer_test.sh <build dir> <cmake generator>
set -euo pipefail
build=$1
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cmake --install "$build" --prefix "$tmp/prefix" > "$tmp/install.log"
test -x "$tmp/prefix/bin/drizzle-kit" || { echo "installed drizzle-kit missing"; exit 1; }

cmake -S "$here/consumer" -B "$tmp/consumer" -G "$2" -DCMAKE_PREFIX_PATH="$tmp/prefix" > "$tmp/configure.log" ||
    { cat "$tmp/configure.log"; exit 1; }
cmake --build "$tmp/consumer" > "$tmp/build.log" || { cat "$tmp/build.log"; exit 1; }
"$tmp/consumer/consumer"

# The installed CLI compiles its exporter against the installed headers and library.
cp "$here/consumer/schema.hpp" "$tmp/"
cd "$tmp"
# The service's start-up: the installed CLI writes the migration, the consumer applies it.
"$tmp/prefix/bin/drizzle-kit" generate --dialect sqlite --schema schema.hpp --out migrations --name init > "$tmp/generate.log" ||
    { cat "$tmp/generate.log"; exit 1; }
"$tmp/consumer/consumer" "$tmp/migrations" "$tmp/app.db"
sql=$("$tmp/prefix/bin/drizzle-kit" export --dialect sqlite --schema schema.hpp)
echo "$sql"
grep -q 'CREATE TABLE `notes`' <<<"$sql" || { echo "export did not print the notes table"; exit 1; }
grep -q "/prefix/include" .drizzle/exporter/*/manifest.txt || { echo "exporter did not use the installed headers"; exit 1; }
echo "install consumer test passed"

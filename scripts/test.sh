#!/usr/bin/env bash
# THE test command: installs what the tests need, builds, starts private
# PostgreSQL and MariaDB servers and the multi-node topologies (PgBouncer, a
# PostgreSQL hot standby, a three-node MariaDB Galera cluster), runs ctest,
# stops them all.
#
#   bash scripts/test.sh [extra ctest arguments, e.g. -R sqlite]
#
# Environment:
#   DRIZZLE_TEST_SKIP_TOPOLOGIES  topologies not to start: unset or empty starts
#                                 all of them; 1 or all starts none; else a comma
#                                 list of pgbouncer,standby,galera (e.g. galera).
#                                 Tests of a skipped topology skip; a topology
#                                 that is not skipped but missing fails its tests.
#   (see scripts/lib/deps.sh, build.sh, servers.sh and topologies.sh for more)
#
# Exits with ctest's status.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

# shellcheck source=scripts/lib/deps.sh
source scripts/lib/deps.sh
# shellcheck source=scripts/lib/build.sh
source scripts/lib/build.sh
# shellcheck source=scripts/lib/servers.sh
source scripts/lib/servers.sh
# shellcheck source=scripts/lib/topologies.sh
source scripts/lib/topologies.sh

drizzle_install_deps test
drizzle_npm_ci tests/fixtures/drizzle-kit
drizzle_npm_ci tests/studio/e2e
drizzle_build build

# Topologies first: PgBouncer and the standby hang off the private PostgreSQL.
trap 'drizzle_stop_topologies || true; drizzle_stop_servers' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
drizzle_start_servers
drizzle_start_topologies

status=0
ctest --test-dir build --output-on-failure -j2 --timeout 600 "$@" || status=$?
exit "$status"

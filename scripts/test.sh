#!/usr/bin/env bash
# THE test command: installs what the tests need, builds, starts private
# PostgreSQL and MariaDB servers, runs ctest, stops the servers.
#
#   bash scripts/test.sh [extra ctest arguments, e.g. -R sqlite]
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

drizzle_install_deps test
drizzle_npm_ci tests/fixtures/drizzle-kit
drizzle_npm_ci tests/studio/e2e
drizzle_build build

trap drizzle_stop_servers EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
drizzle_start_servers

status=0
ctest --test-dir build --output-on-failure -j2 --timeout 600 "$@" || status=$?
exit "$status"

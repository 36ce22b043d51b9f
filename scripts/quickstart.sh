#!/usr/bin/env bash
# THE main job: installs the build dependencies, builds drizzle-cpp and runs
# the quickstart example (examples/quickstart/run.sh).
#
#   bash scripts/quickstart.sh [arguments for run.sh]
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

# shellcheck source=scripts/lib/deps.sh
source scripts/lib/deps.sh
# shellcheck source=scripts/lib/build.sh
source scripts/lib/build.sh

example=examples/quickstart/run.sh
if [ ! -f "$example" ]; then
    echo "quickstart: $example not found; nothing to run" >&2
    exit 1
fi

drizzle_install_deps build
# Only what the quick start runs: the CLI (with the library the schema exporter links) and the app.
drizzle_build build drizzle-kit quickstart-app

export DRIZZLE_BUILD_DIR="$PWD/build"
export DRIZZLE_KIT_BIN="$PWD/build/drizzle-kit"
bash "$example" "$@"

# shellcheck shell=bash
# Configures (once) and builds drizzle-cpp. Source this file, then call
#
#   drizzle_build [build_dir] [target...]   # default: build (relative to the repo root), every target
#
# Naming targets builds only those and what they need: the main job builds the CLI and the
# quick-start app, not the test suite (that is the test command's to build).
#
# Environment:
#   CMAKE_BUILD_TYPE     build type on first configure (default RelWithDebInfo)
#   DRIZZLE_CMAKE_ARGS   extra arguments for the first configure (word-split)
#   DRIZZLE_BUILD_JOBS   parallel jobs (default 2)

_DRIZZLE_REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

drizzle_build() {
    local dir=${1:-build}
    [ $# -gt 0 ] && shift
    local -a targets=()
    [ $# -gt 0 ] && targets=(--target "$@")
    case $dir in
        /*) ;;
        *) dir=$_DRIZZLE_REPO_ROOT/$dir ;;
    esac

    # Configured = a cache plus a generated build system. A cache without one
    # (an interrupted configure) is configured again with its own generator.
    if [ ! -f "$dir/CMakeCache.txt" ] ||
        { [ ! -f "$dir/build.ninja" ] && [ ! -f "$dir/Makefile" ]; }; then
        local -a args=(
            -S "$_DRIZZLE_REPO_ROOT" -B "$dir"
            "-DCMAKE_BUILD_TYPE=${CMAKE_BUILD_TYPE:-RelWithDebInfo}"
        )
        [ -f "$dir/CMakeCache.txt" ] || args+=(-G Ninja)
        if command -v ccache >/dev/null 2>&1; then
            args+=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
        fi
        if [ -n "${DRIZZLE_CMAKE_ARGS:-}" ]; then
            local -a extra
            read -r -a extra <<<"$DRIZZLE_CMAKE_ARGS"
            args+=("${extra[@]}")
        fi
        echo "build: cmake ${args[*]}"
        cmake "${args[@]}" || return 1
    fi

    echo "build: cmake --build $dir -j${DRIZZLE_BUILD_JOBS:-2} ${targets[*]}"
    cmake --build "$dir" -j "${DRIZZLE_BUILD_JOBS:-2}" "${targets[@]}"
}

# shellcheck shell=bash
# Installs the Debian packages drizzle-cpp needs. Source this file, then call
#
#   drizzle_install_deps build   # compilers, CMake, client libraries
#   drizzle_install_deps test    # build + PostgreSQL 15, MariaDB (+ Galera, rsync),
#                                # PgBouncer, Node.js/npm
#   drizzle_npm_ci DIR           # `npm ci` in DIR when its node_modules is stale
#
# Both are idempotent: nothing is downloaded when everything is present.
#
# Environment:
#   DRIZZLE_SKIP_DEPS=1           skip drizzle_install_deps entirely
#   DRIZZLE_APT_START_SERVICES=1  let package scripts start system services
#                                 (by default they are kept from starting, the
#                                 tests run their own private servers)

DRIZZLE_BUILD_PACKAGES=(
    cmake ninja-build g++ clang lld ccache pkg-config
    libpq-dev libsqlite3-dev sqlite3 libmariadb-dev
    nlohmann-json3-dev libcli11-dev libfmt-dev libcpp-httplib-dev
    libgtest-dev libgmock-dev libbenchmark-dev
)

DRIZZLE_TEST_PACKAGES=(
    postgresql-15 postgresql-client-15 postgresql-15-postgis-3
    mariadb-server mariadb-client
    galera-4 rsync pgbouncer
    nodejs npm
    chromium
)

# Prints "sudo" when commands need it, nothing when running as root.
# Fails when neither root nor sudo is available.
_drizzle_sudo() {
    if [ "$(id -u)" -eq 0 ]; then
        return 0
    fi
    if command -v sudo >/dev/null 2>&1; then
        echo sudo
        return 0
    fi
    return 1
}

_drizzle_pkg_installed() {
    local status
    status=$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null) || return 1
    [ "$status" = "install ok installed" ]
}

# drizzle_install_deps build|test
drizzle_install_deps() {
    local kind=${1:-build}
    local -a wanted missing=()
    local pkg

    if [ "${DRIZZLE_SKIP_DEPS:-0}" = 1 ]; then
        echo "deps: DRIZZLE_SKIP_DEPS=1, not checking packages"
        return 0
    fi

    case $kind in
        build) wanted=("${DRIZZLE_BUILD_PACKAGES[@]}") ;;
        test) wanted=("${DRIZZLE_BUILD_PACKAGES[@]}" "${DRIZZLE_TEST_PACKAGES[@]}") ;;
        *)
            echo "drizzle_install_deps: expected 'build' or 'test', got '$kind'" >&2
            return 2
            ;;
    esac

    if ! command -v dpkg-query >/dev/null 2>&1; then
        echo "deps: dpkg-query not found; this helper supports Debian/Ubuntu only." >&2
        echo "deps: install these packages yourself: ${wanted[*]}" >&2
        return 1
    fi

    for pkg in "${wanted[@]}"; do
        case $pkg in
            # A Node.js from another source (e.g. NodeSource) ships npm inside
            # its nodejs package and conflicts with Debian's npm package: a
            # working node/npm on PATH is good enough.
            nodejs) command -v node >/dev/null 2>&1 && continue ;;
            npm) command -v npm >/dev/null 2>&1 && continue ;;
        esac
        _drizzle_pkg_installed "$pkg" || missing+=("$pkg")
    done

    if [ ${#missing[@]} -eq 0 ]; then
        echo "deps: all $kind packages present"
        return 0
    fi

    local sudo
    if ! sudo=$(_drizzle_sudo); then
        echo "deps: missing packages: ${missing[*]}" >&2
        echo "deps: not root and sudo is not available; install them and retry" >&2
        return 1
    fi

    echo "deps: installing ${missing[*]}"

    # Package scripts of postgresql/mariadb-server would start system-wide
    # servers on 5432/3306. The tests do not need them, so keep them from
    # starting unless a policy is already in place or the user asks for it.
    local policy=/usr/sbin/policy-rc.d own_policy=0
    if [ "${DRIZZLE_APT_START_SERVICES:-0}" != 1 ] && [ ! -e "$policy" ]; then
        if printf '#!/bin/sh\n# temporary, written by drizzle-cpp scripts/lib/deps.sh\nexit 101\n' |
            $sudo tee "$policy" >/dev/null && $sudo chmod 755 "$policy"; then
            own_policy=1
        fi
    fi

    local rc=0
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 update || rc=$?
    if [ "$rc" -eq 0 ]; then
        $sudo env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 \
            install -y --no-install-recommends "${missing[@]}" || rc=$?
    fi

    if [ "$own_policy" = 1 ]; then
        $sudo rm -f "$policy"
    fi

    if [ "$rc" -ne 0 ]; then
        echo "deps: apt-get failed with status $rc" >&2
        return "$rc"
    fi
    return 0
}

# drizzle_npm_ci DIR: installs DIR's locked npm dependencies when needed.
# Does nothing (successfully) when DIR has no package-lock.json.
drizzle_npm_ci() {
    local dir=${1:?drizzle_npm_ci: directory expected}
    local lock=$dir/package-lock.json

    [ -f "$lock" ] || return 0

    if [ -d "$dir/node_modules" ] && [ ! "$lock" -nt "$dir/node_modules" ]; then
        echo "npm: $dir/node_modules is up to date"
        return 0
    fi

    if ! command -v npm >/dev/null 2>&1; then
        echo "npm: npm not found; run drizzle_install_deps test first" >&2
        return 1
    fi

    echo "npm: installing dependencies in $dir"
    (cd "$dir" && npm ci --no-audit --no-fund) || return 1
    # Mark node_modules fresh (npm leaves it out when nothing is locked).
    mkdir -p "$dir/node_modules" && touch "$dir/node_modules"
}

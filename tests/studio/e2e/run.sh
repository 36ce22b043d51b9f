#!/usr/bin/env bash
# drizzle-kit studio in a real browser: Debian's Chromium driven by playwright-core, on a scratch
# project and a scratch database that this script creates, seeds and removes.
#
#   bash tests/studio/e2e/run.sh sqlite|pg|mysql
#
# sqlite uses the quick start's schema (examples/quickstart); pg and mysql use pg/ and mysql/
# here, on a fresh database on the servers the test suite starts (DRIZZLE_TEST_PG_URL,
# DRIZZLE_TEST_MYSQL_URL; without them the run fails, or exits 77 "skipped" when
# DRIZZLE_E2E_SKIP_SERVERS=1). Screenshots go to DRIZZLE_E2E_ARTIFACTS
# (default build/test-artifacts/studio/DIALECT). Needs `npm ci` in this folder first.
#
# Environment: DRIZZLE_KIT_BIN (default build/drizzle-kit), CHROMIUM (default /usr/bin/chromium).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../../.." && pwd)
dialect=${1:-}
started=$(date +%s)

fail() {
    echo "studio.e2e.$dialect: FAILED: $*" >&2
    exit 1
}
case $dialect in
    sqlite | pg | mysql) ;;
    *) echo "usage: run.sh sqlite|pg|mysql" >&2 && exit 2 ;;
esac

kit=${DRIZZLE_KIT_BIN:-$repo/build/drizzle-kit}
artifacts=${DRIZZLE_E2E_ARTIFACTS:-$repo/build/test-artifacts/studio/$dialect}
export CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1  # playwright-core downloads nothing; make sure of it
[ -x "$kit" ] || fail "no drizzle-kit at $kit (build it, or set DRIZZLE_KIT_BIN)"
[ -x "$CHROMIUM" ] || fail "no Chromium at $CHROMIUM (apt-get install chromium, or set CHROMIUM)"
command -v node >/dev/null || fail "node is not installed"
[ -f "$here/node_modules/playwright-core/package.json" ] ||
    fail "playwright-core is not installed: run 'npm ci' in $here"

server_url=
case $dialect in
    pg) server_url=${DRIZZLE_TEST_PG_URL:-} client=psql ;;
    mysql) server_url=${DRIZZLE_TEST_MYSQL_URL:-} client=mariadb ;;
    sqlite) client=sqlite3 ;;
esac
command -v "$client" >/dev/null || fail "the $client client is not installed"
if [ "$dialect" != sqlite ] && [ -z "$server_url" ]; then
    if [ "${DRIZZLE_E2E_SKIP_SERVERS:-0}" = 1 ]; then
        echo "studio.e2e.$dialect: skipped, no server URL (DRIZZLE_E2E_SKIP_SERVERS=1)"
        exit 77
    fi
    fail "no server: set DRIZZLE_TEST_${dialect^^}_URL (scripts/test.sh starts the servers), or DRIZZLE_E2E_SKIP_SERVERS=1 to skip"
fi

# SERVER_URL NAME: the same server's URL with its database replaced by NAME.
with_database() {
    local url=$1 query=
    if [[ $url == *\?* ]]; then query="?${url#*\?}" url=${url%%\?*}; fi
    if [[ ${url#*://} == */* ]]; then url=${url%/*}; fi
    printf '%s/%s%s\n' "$url" "$2" "$query"
}

# The MariaDB client takes no URL: split it (the password goes by MYSQL_PWD, not argv).
mysql_client() {
    [[ $server_url =~ ^mysql://([^:@/]+)(:([^@/]*))?@([^:/?]+)(:([0-9]+))? ]] ||
        fail "cannot read the MySQL URL (expected mysql://user:password@host:port/db)"
    MYSQL_PWD=${BASH_REMATCH[3]} mariadb --protocol=TCP --host="${BASH_REMATCH[4]}" --port="${BASH_REMATCH[6]:-3306}" \
        --user="${BASH_REMATCH[1]}" --default-character-set=utf8mb4 --batch --skip-column-names "$@"
}

work=$(mktemp -d "${TMPDIR:-/tmp}/studio-e2e.XXXXXX")
studio_pid=
database=

cleanup() {
    local status=$?
    if [ -n "$studio_pid" ] && kill -0 "$studio_pid" 2>/dev/null; then
        kill -TERM "$studio_pid" 2>/dev/null || true
        wait "$studio_pid" 2>/dev/null || true
    fi
    if [ "$status" -ne 0 ] && [ -s "$work/studio.err" ]; then
        echo "studio's stderr:" >&2
        sed 's/^/  /' "$work/studio.err" >&2
    fi
    case $dialect:$database in
        *:) ;;
        pg:*) psql "$server_url" -X -q -v ON_ERROR_STOP=1 -v db="$database" <<<'DROP DATABASE IF EXISTS :"db" WITH (FORCE);' || true ;;
        mysql:*) mysql_client -e "DROP DATABASE IF EXISTS \`$database\`" || true ;;
    esac
    rm -rf "$work"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- the scratch project and its database ------------------------------------------------------
cd "$work"
if [ "$dialect" = sqlite ]; then
    cp -r "$repo/examples/quickstart/src" "$repo/examples/quickstart/drizzle.config.json" .
    db_target=$work/quickstart.db
else
    cp "$here/$dialect/schema.hpp" "$here/$dialect/drizzle.config.json" .
    # Our own name (letters, digits, _), unique per run so parallel runs do not meet.
    database="studio_e2e_$$_${RANDOM}"
    if [ "$dialect" = pg ]; then
        psql "$server_url" -X -q -v ON_ERROR_STOP=1 -v db="$database" <<<'CREATE DATABASE :"db";' ||
            fail "cannot create the scratch database on the PostgreSQL server"
    else
        mysql_client -e "CREATE DATABASE \`$database\` CHARACTER SET utf8mb4" ||
            fail "cannot create the scratch database on the MySQL server"
    fi
    db_target=$(with_database "$server_url" "$database")
fi
export DRIZZLE_E2E_DB_URL=$db_target  # the config's dbCredentials.url and the test's own checks

"$kit" push --force --config drizzle.config.json >push.log 2>&1 || fail "drizzle-kit push failed: $(cat push.log)"
case $dialect in
    sqlite) sqlite3 -bail "$db_target" <"$here/sqlite/seed.sql" ;;
    pg) psql "$db_target" -X -q -v ON_ERROR_STOP=1 -f "$here/pg/seed.sql" >/dev/null ;;
    mysql) mysql_client "$database" <"$here/mysql/seed.sql" ;;
esac || fail "seeding the $dialect database failed"

# --- the studio, in the background ---------------------------------------------------------------
"$kit" studio --config drizzle.config.json --no-open --port 0 >studio.out 2>studio.err &
studio_pid=$!
url=
# The first start may compile the schema exporter: allow a minute for the URL line.
for _ in $(seq 600); do
    url=$(grep -so 'http://[^ ]*?token=[0-9a-f]*' studio.out || true)
    [ -n "$url" ] && break
    kill -0 "$studio_pid" 2>/dev/null || fail "drizzle-kit studio exited before it was up"
    sleep 0.1
done
[ -n "$url" ] || fail "drizzle-kit studio printed no URL within 60 s"
echo "studio.e2e.$dialect: studio is up on ${url%%\?*}"

# --- the browser test ----------------------------------------------------------------------------
mkdir -p "$artifacts"
rm -f "$artifacts"/*.png  # last run's screenshots
node "$here/studio.e2e.mjs" "$url" "$artifacts" "$dialect" || fail "the browser test failed (screenshots in $artifacts)"

# --- SIGTERM stops the studio cleanly ------------------------------------------------------------
kill -TERM "$studio_pid"
status=0
wait "$studio_pid" || status=$?
studio_pid=
[ "$status" -eq 0 ] || fail "drizzle-kit studio exited with status $status on SIGTERM"
grep -q 'studio stopped' studio.out || fail "drizzle-kit studio did not say 'studio stopped' on SIGTERM"
echo "studio.e2e.$dialect: passed in $(($(date +%s) - started)) s (screenshots in $artifacts)"

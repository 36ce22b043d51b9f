# shellcheck shell=bash
# Private, throwaway database servers for the test suite. Source this file, then
#
#   drizzle_start_servers    # PostgreSQL 15 + MariaDB on free 127.0.0.1 ports
#   drizzle_stop_servers     # stops both, deletes their temporary directories
#
# Never touches the system's own clusters, config files or default ports: each
# server lives in a fresh `mktemp -d` directory (data, socket, logs) and listens
# on 127.0.0.1 only. Both functions are idempotent; the servers belong to the
# shell that started them (typically: `trap drizzle_stop_servers EXIT`).
#
# Exported after a successful start:
#   DRIZZLE_TEST_PG_URL     postgres://postgres@127.0.0.1:PORT/postgres  (trust)
#   DRIZZLE_TEST_PG_PORT    PORT
#   DRIZZLE_TEST_PG_BINDIR  bin directory of the server (pg_dump etc. match it)
#   DRIZZLE_TEST_MYSQL_URL  mysql://drizzle:drizzle@127.0.0.1:PORT/mysql
#   DRIZZLE_TEST_MYSQL_PORT PORT
#
# Environment:
#   DRIZZLE_SERVERS_TMPDIR  where the temporary directories go (default $TMPDIR or /tmp)
#   DRIZZLE_PG_BINDIR       PostgreSQL bin directory (default /usr/lib/postgresql/15/bin)
#   DRIZZLE_SERVER_START_TIMEOUT  seconds to wait for a server (default 60)

_DRIZZLE_PG_DIR=
_DRIZZLE_MY_DIR=

_drizzle_log() { echo "servers: $*" >&2; }

# Runs a command as USER when we are root and USER is set, else as ourselves.
_drizzle_as() {
    local user=$1
    shift
    if [ -z "$user" ] || [ "$(id -u)" -ne 0 ]; then
        "$@"
    elif command -v runuser >/dev/null 2>&1; then
        runuser -u "$user" -- "$@"
    else
        su -s /bin/bash "$user" -c "$(printf '%q ' "$@")"
    fi
}

_drizzle_port_in_use() {
    local port=$1
    if command -v ss >/dev/null 2>&1; then
        [ -n "$(ss -Hltn "sport = :$port" 2>/dev/null)" ]
    else
        (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null
    fi
}

# Prints a TCP port nobody listens on, outside the kernel's ephemeral range.
_drizzle_free_port() {
    local port i
    for i in $(seq 1 100); do
        port=$((20000 + (RANDOM * 32768 + RANDOM) % 12000))
        if ! _drizzle_port_in_use "$port"; then
            echo "$port"
            return 0
        fi
    done
    _drizzle_log "no free TCP port found"
    return 1
}

# True when PID runs (not a zombie) and its command line mentions PATTERN.
_drizzle_pid_is() {
    local pid=$1 pattern=$2 state
    [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 1
    state=$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null) || true
    [ "$state" != Z ] || return 1
    [ -z "$pattern" ] || tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline" | grep -qF -- "$pattern"
}

# Stops PID (when it still runs and its command line mentions PATTERN): SIGTERM,
# then SIGKILL after SECONDS, naming WHAT in the log; reaps it when it is our child.
_drizzle_terminate() {
    local pid=$1 pattern=$2 seconds=$3 what=$4 i
    if _drizzle_pid_is "$pid" "$pattern"; then
        kill -TERM "$pid" 2>/dev/null || true
        for ((i = 0; i < seconds * 10; i++)); do
            _drizzle_pid_is "$pid" "$pattern" || break
            sleep 0.1
        done
        if _drizzle_pid_is "$pid" "$pattern"; then
            _drizzle_log "$what did not stop in ${seconds}s, killing it"
            kill -KILL "$pid" 2>/dev/null || true
            sleep 0.2
        fi
    fi
    [ -z "$pid" ] || wait "$pid" 2>/dev/null || true
}

_drizzle_tail_logs() {
    local f
    for f in "$@"; do
        [ -s "$f" ] || continue
        echo "----- last lines of $f -----" >&2
        tail -n 40 "$f" >&2
        echo "-----" >&2
    done
}

_drizzle_make_tmpdir() {
    local prefix=$1 base=${DRIZZLE_SERVERS_TMPDIR:-${TMPDIR:-/tmp}}
    local dir
    dir=$(mktemp -d "$base/$prefix.XXXXXX") || return 1
    # Marker: drizzle_stop_servers only deletes directories carrying it.
    : >"$dir/.drizzle-test-server"
    echo "$dir"
}

_drizzle_remove_tmpdir() {
    local dir=$1
    [ -n "$dir" ] && [ -d "$dir" ] && [ -e "$dir/.drizzle-test-server" ] || return 0
    rm -rf -- "$dir"
}

# Hands DIR to USER (when we are root) and checks USER can write it.
_drizzle_give_dir() {
    local user=$1 dir=$2
    [ -n "$user" ] || return 0
    chown -R "$user:" "$dir" || return 1
    if ! _drizzle_as "$user" test -w "$dir"; then
        _drizzle_log "user $user cannot write $dir; set DRIZZLE_SERVERS_TMPDIR to a directory it can reach"
        return 1
    fi
}

_drizzle_elapsed() { # START -> seconds since START (EPOCHREALTIME values)
    awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }'
}

# ---------------------------------------------------------------- PostgreSQL

_drizzle_pg_bindir() {
    local d
    if [ -n "${DRIZZLE_PG_BINDIR:-}" ]; then
        echo "$DRIZZLE_PG_BINDIR"
        return 0
    fi
    if [ -x /usr/lib/postgresql/15/bin/initdb ]; then
        echo /usr/lib/postgresql/15/bin
        return 0
    fi
    d=$(find /usr/lib/postgresql -maxdepth 3 -path '*/bin/initdb' 2>/dev/null | sort -V | tail -n 1)
    if [ -n "$d" ]; then
        dirname "$d"
        return 0
    fi
    d=$(command -v initdb) || return 1
    dirname "$d"
}

_drizzle_pg_user() { # user to run PostgreSQL as ("" = ourselves)
    [ "$(id -u)" -eq 0 ] || return 0
    if ! id postgres >/dev/null 2>&1; then
        useradd --system --user-group --no-create-home --home-dir /nonexistent \
            --shell /usr/sbin/nologin postgres >&2 || return 1
    fi
    echo postgres
}

_drizzle_pg_start() {
    local bindir user dir port attempt start=$EPOCHREALTIME

    if [ -n "$_DRIZZLE_PG_DIR" ] && [ -f "$_DRIZZLE_PG_DIR/data/postmaster.pid" ] &&
        _drizzle_pid_is "$(head -n 1 "$_DRIZZLE_PG_DIR/data/postmaster.pid")" "$_DRIZZLE_PG_DIR"; then
        _drizzle_log "PostgreSQL already running: $DRIZZLE_TEST_PG_URL"
        return 0
    fi
    _drizzle_pg_stop

    if ! bindir=$(_drizzle_pg_bindir) || [ ! -x "$bindir/initdb" ] || [ ! -x "$bindir/pg_ctl" ]; then
        _drizzle_log "PostgreSQL server binaries not found (install postgresql-15 or set DRIZZLE_PG_BINDIR)"
        return 1
    fi
    user=$(_drizzle_pg_user) || return 1
    dir=$(_drizzle_make_tmpdir drizzle-pg) || return 1
    _DRIZZLE_PG_DIR=$dir
    printf '%s\n' "$user" >"$dir/run-as"
    printf '%s\n' "$bindir" >"$dir/bindir"
    mkdir "$dir/sock"
    _drizzle_give_dir "$user" "$dir" || return 1

    if ! (cd "$dir" && LC_ALL=C _drizzle_as "$user" "$bindir/initdb" -D "$dir/data" -U postgres \
        --auth=trust --encoding=UTF8 --locale=C --no-sync >"$dir/initdb.log" 2>&1); then
        _drizzle_log "initdb failed"
        _drizzle_tail_logs "$dir/initdb.log"
        return 1
    fi

    cat >"$dir/data/pg_hba.conf" <<'EOF'
# drizzle-cpp test server: trust, loopback and private socket only
local all all trust
host  all all 127.0.0.1/32 trust
EOF
    cat >>"$dir/data/postgresql.conf" <<EOF

# drizzle-cpp test server
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir/sock'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 200
EOF
    _drizzle_give_dir "$user" "$dir" || return 1

    for attempt in 1 2 3 4 5; do
        port=$(_drizzle_free_port) || return 1
        if (cd "$dir" && LC_ALL=C _drizzle_as "$user" "$bindir/pg_ctl" -D "$dir/data" \
            -l "$dir/postgres.log" -o "-p $port" -w -t "${DRIZZLE_SERVER_START_TIMEOUT:-60}" \
            start >"$dir/pg_ctl.log" 2>&1); then
            export DRIZZLE_TEST_PG_PORT=$port
            export DRIZZLE_TEST_PG_URL="postgres://postgres@127.0.0.1:$port/postgres"
            export DRIZZLE_TEST_PG_BINDIR=$bindir
            _drizzle_log "PostgreSQL ready in $(_drizzle_elapsed "$start")s: $DRIZZLE_TEST_PG_URL (dir $dir)"
            return 0
        fi
        if grep -q 'could not bind\|Address already in use' "$dir/postgres.log" 2>/dev/null; then
            _drizzle_log "port $port was taken, retrying (attempt $attempt)"
            mv -f "$dir/postgres.log" "$dir/postgres.log.$attempt"
            continue
        fi
        break
    done
    _drizzle_log "PostgreSQL failed to start"
    _drizzle_tail_logs "$dir/pg_ctl.log" "$dir/postgres.log"
    return 1
}

_drizzle_pg_stop() {
    local dir=$_DRIZZLE_PG_DIR user bindir pid
    _DRIZZLE_PG_DIR=
    unset DRIZZLE_TEST_PG_URL DRIZZLE_TEST_PG_PORT DRIZZLE_TEST_PG_BINDIR
    [ -n "$dir" ] && [ -d "$dir" ] || return 0

    if [ -f "$dir/data/postmaster.pid" ]; then
        user=$(cat "$dir/run-as" 2>/dev/null) || user=
        bindir=$(cat "$dir/bindir" 2>/dev/null) || bindir=
        pid=$(head -n 1 "$dir/data/postmaster.pid" 2>/dev/null) || pid=
        if [ -x "$bindir/pg_ctl" ]; then
            (cd "$dir" && _drizzle_as "$user" "$bindir/pg_ctl" -D "$dir/data" -m immediate \
                -w -t 30 stop >>"$dir/pg_ctl.log" 2>&1) || true
        fi
        if _drizzle_pid_is "$pid" "$dir"; then
            kill -KILL "$pid" 2>/dev/null || true
            sleep 0.2
        fi
    fi
    _drizzle_remove_tmpdir "$dir"
}

# ---------------------------------------------------------------- MariaDB

_drizzle_first_cmd() { # prints the first command found on PATH or in /usr/sbin
    local c
    for c in "$@"; do
        if command -v "$c" >/dev/null 2>&1; then
            command -v "$c"
            return 0
        fi
        if [ -x "/usr/sbin/$c" ]; then
            echo "/usr/sbin/$c"
            return 0
        fi
    done
    return 1
}

_drizzle_mysql_start() {
    local server installdb client admin user dir port pid attempt i ok
    local start=$EPOCHREALTIME

    if [ -n "$_DRIZZLE_MY_DIR" ] &&
        _drizzle_pid_is "$(cat "$_DRIZZLE_MY_DIR/server.pid" 2>/dev/null)" "$_DRIZZLE_MY_DIR"; then
        _drizzle_log "MariaDB already running: $DRIZZLE_TEST_MYSQL_URL"
        return 0
    fi
    _drizzle_mysql_stop

    if ! server=$(_drizzle_first_cmd mariadbd mysqld) ||
        ! installdb=$(_drizzle_first_cmd mariadb-install-db mysql_install_db) ||
        ! client=$(_drizzle_first_cmd mariadb mysql) ||
        ! admin=$(_drizzle_first_cmd mariadb-admin mysqladmin); then
        _drizzle_log "MariaDB server/client binaries not found (install mariadb-server mariadb-client)"
        return 1
    fi

    user=
    if [ "$(id -u)" -eq 0 ]; then
        if id mysql >/dev/null 2>&1; then user=mysql; else user=root; fi
    fi

    dir=$(_drizzle_make_tmpdir drizzle-mysql) || return 1
    _DRIZZLE_MY_DIR=$dir
    mkdir "$dir/tmp"
    if [ "$user" = mysql ]; then
        _drizzle_give_dir mysql "$dir" || return 1
    fi

    # --loose-: options an older/other server does not know are only a warning.
    local -a tuning=(
        --loose-innodb-buffer-pool-size=64M
        --loose-innodb-log-file-size=16M
        --loose-innodb-log-buffer-size=8M
        --loose-innodb-flush-log-at-trx-commit=0
        --loose-innodb-doublewrite=0
        --loose-innodb-use-native-aio=0
        --character-set-server=utf8mb4
        --collation-server=utf8mb4_general_ci
        --skip-name-resolve
    )
    local -a as_user=()
    [ -z "$user" ] || as_user=("--user=$user")

    if ! (cd "$dir" && "$installdb" --no-defaults --datadir="$dir/data" "${as_user[@]}" \
        --auth-root-authentication-method=normal --skip-test-db "${tuning[@]}" \
        >"$dir/install-db.log" 2>&1); then
        _drizzle_log "$(basename "$installdb") failed"
        _drizzle_tail_logs "$dir/install-db.log"
        return 1
    fi

    local sock=$dir/mysqld.sock
    for attempt in 1 2 3 4 5; do
        port=$(_drizzle_free_port) || return 1
        : >"$dir/mysqld.log"
        [ "$user" != mysql ] || chown mysql: "$dir/mysqld.log"
        (cd "$dir" && exec "$server" --no-defaults --datadir="$dir/data" --socket="$sock" \
            --port="$port" --bind-address=127.0.0.1 --skip-networking=0 \
            --pid-file="$dir/mysqld.pid" --log-error="$dir/mysqld.log" --tmpdir="$dir/tmp" \
            --max-connections=200 "${as_user[@]}" "${tuning[@]}" \
            </dev/null >>"$dir/mysqld.out" 2>&1) &
        pid=$!
        echo "$pid" >"$dir/server.pid"

        ok=0
        for ((i = 0; i < ${DRIZZLE_SERVER_START_TIMEOUT:-60} * 10; i++)); do
            if ! _drizzle_pid_is "$pid" "$dir"; then
                break
            fi
            if [ -S "$sock" ] && "$admin" --no-defaults --socket="$sock" -uroot \
                --connect-timeout=2 ping >/dev/null 2>&1; then
                ok=1
                break
            fi
            sleep 0.1
        done
        [ "$ok" = 1 ] && break

        if ! _drizzle_pid_is "$pid" "$dir" &&
            grep -q 'Address already in use\|Bind on TCP/IP port' "$dir/mysqld.log" 2>/dev/null; then
            _drizzle_log "port $port was taken, retrying (attempt $attempt)"
            wait "$pid" 2>/dev/null || true
            mv -f "$dir/mysqld.log" "$dir/mysqld.log.$attempt"
            continue
        fi
        _drizzle_log "MariaDB failed to start"
        _drizzle_tail_logs "$dir/mysqld.out" "$dir/mysqld.log"
        return 1
    done
    if [ "$ok" != 1 ]; then
        _drizzle_log "MariaDB failed to start (no free port)"
        return 1
    fi

    local u sql=""
    for u in "'drizzle'@'127.0.0.1'" "'drizzle'@'localhost'" "'drizzle'@'%'"; do
        sql+="CREATE USER IF NOT EXISTS $u IDENTIFIED BY 'drizzle'; "
        sql+="GRANT ALL PRIVILEGES ON *.* TO $u WITH GRANT OPTION; "
    done
    if ! "$client" --no-defaults --socket="$sock" -uroot -e "$sql" >>"$dir/setup.log" 2>&1 ||
        ! "$client" --no-defaults --protocol=tcp -h127.0.0.1 -P"$port" -udrizzle -pdrizzle \
            -e 'SELECT 1' >>"$dir/setup.log" 2>&1; then
        _drizzle_log "MariaDB user setup failed"
        _drizzle_tail_logs "$dir/setup.log" "$dir/mysqld.log"
        return 1
    fi

    export DRIZZLE_TEST_MYSQL_PORT=$port
    export DRIZZLE_TEST_MYSQL_URL="mysql://drizzle:drizzle@127.0.0.1:$port/mysql"
    _drizzle_log "MariaDB ready in $(_drizzle_elapsed "$start")s: $DRIZZLE_TEST_MYSQL_URL (dir $dir)"
}

_drizzle_mysql_stop() {
    local dir=$_DRIZZLE_MY_DIR pid
    _DRIZZLE_MY_DIR=
    unset DRIZZLE_TEST_MYSQL_URL DRIZZLE_TEST_MYSQL_PORT
    [ -n "$dir" ] && [ -d "$dir" ] || return 0

    pid=$(cat "$dir/server.pid" 2>/dev/null) || pid=
    _drizzle_terminate "$pid" "$dir" 30 MariaDB
    _drizzle_remove_tmpdir "$dir"
}

# ---------------------------------------------------------------- public API

drizzle_start_servers() {
    local start=$EPOCHREALTIME
    if ! _drizzle_pg_start; then
        drizzle_stop_servers
        return 1
    fi
    if ! _drizzle_mysql_start; then
        drizzle_stop_servers
        return 1
    fi
    _drizzle_log "both servers up in $(_drizzle_elapsed "$start")s"
}

drizzle_stop_servers() {
    _drizzle_mysql_stop
    _drizzle_pg_stop
}

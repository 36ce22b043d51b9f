# shellcheck shell=bash
# Private multi-node database topologies for integration tests. Source this file
# after scripts/lib/servers.sh (it sources servers.sh itself when that was not
# done), start the private servers, then
#
#   drizzle_start_topologies     # all three below, minus DRIZZLE_TEST_SKIP_TOPOLOGIES
#   drizzle_stop_topologies      # stops all three, deletes their temporary directories
#
# or one at a time:
#
#   drizzle_start_pgbouncer      # PgBouncer (transaction pooling) in front of the private PostgreSQL
#   drizzle_start_pg_standby     # streaming hot standby of the private PostgreSQL
#   drizzle_start_galera         # three-node MariaDB Galera cluster
#   drizzle_stop_pgbouncer / drizzle_stop_pg_standby / drizzle_stop_galera
#
# Same rules as servers.sh: fresh `mktemp -d` directories, free 127.0.0.1 ports,
# the postgres/mysql user when running as root, idempotent start and stop; a
# start that fails shows the logs and leaves nothing running. PgBouncer and the
# standby need the private PostgreSQL of drizzle_start_servers (they must be
# stopped before it; the standby adds a `host replication` trust line to its
# pg_hba.conf); Galera is independent of the private MariaDB.
#
# Worth knowing in tests:
#   - Debian 12's PgBouncer is 1.18: no max_prepared_statements (1.21+), so a
#     named prepared statement stays on one server connection, which a later
#     transaction of the same client may not get; startup options
#     (PGOPTIONS, extra_float_digits) are ignored, not applied.
#   - Galera: after a `kill -9` of one node, writes on the others wait ~5s
#     (evs.suspect_timeout) until it is evicted; GET_LOCK() works but is local to
#     the node (not cluster-wide).
#
# Exported after a successful start:
#   DRIZZLE_TEST_PGBOUNCER_URL    postgres://postgres@127.0.0.1:PORT/postgres
#                                 (pool_mode=transaction, default_pool_size=4,
#                                 user postgres without password; the admin
#                                 console is database "pgbouncer")
#   DRIZZLE_TEST_PGBOUNCER_PORT   PORT
#   DRIZZLE_TEST_PG_STANDBY_URL   postgres://postgres@127.0.0.1:PORT/postgres  (read-only)
#   DRIZZLE_TEST_PG_STANDBY_PORT  PORT
#   DRIZZLE_TEST_GALERA_URLS      three mysql://drizzle:drizzle@127.0.0.1:PORT/mysql, space separated
#   DRIZZLE_TEST_GALERA_PORTS     their three ports, same order
#   DRIZZLE_TEST_GALERA_PIDS      the three mariadbd pids, same order (a test may `kill -9` one;
#                                 the other two keep a quorum and go on serving)
#
# Environment:
#   DRIZZLE_TEST_SKIP_TOPOLOGIES  unset/empty/0: drizzle_start_topologies starts all three;
#                                 1 or all: none; else a comma list of pgbouncer,standby,galera
#                                 to leave out (their variables stay unset)
#   DRIZZLE_GALERA_PROVIDER       path of libgalera_smm.so (default: searched)
#   DRIZZLE_SERVERS_TMPDIR, DRIZZLE_SERVER_START_TIMEOUT  as for servers.sh

if ! declare -F _drizzle_free_port >/dev/null; then
    # shellcheck source=scripts/lib/servers.sh
    source "$(dirname "${BASH_SOURCE[0]}")/servers.sh" || return 1
fi

_DRIZZLE_BOUNCER_DIR=
_DRIZZLE_STANDBY_DIR=
_DRIZZLE_GALERA_DIR=

# ---------------------------------------------------------------- helpers

# Prints N distinct free ports, space separated.
_drizzle_free_ports() {
    local n=$1 p tries=0
    local -a got=()
    while [ "${#got[@]}" -lt "$n" ]; do
        tries=$((tries + 1))
        if [ "$tries" -gt $((n * 10)) ]; then
            _drizzle_log "no $n free TCP ports found"
            return 1
        fi
        p=$(_drizzle_free_port) || return 1
        case " ${got[*]} " in
            *" $p "*) ;;
            *) got+=("$p") ;;
        esac
    done
    echo "${got[*]}"
}

# _drizzle_poll SECONDS PID PATTERN CMD...: runs CMD every 0.2s until it succeeds
# (0), PID (when given) is gone (1) or SECONDS have passed (2).
_drizzle_poll() {
    local deadline=$((EPOCHSECONDS + $1)) pid=$2 pattern=$3
    shift 3
    while :; do
        if [ -n "$pid" ] && ! _drizzle_pid_is "$pid" "$pattern"; then
            return 1
        fi
        if "$@"; then
            return 0
        fi
        [ "$EPOCHSECONDS" -lt "$deadline" ] || return 2
        sleep 0.2
    done
}

# Stops the processes of ours that are left in DIR (an SST's rsync daemon, ...):
# only those whose command line mentions DIR and whose name is a server's.
_drizzle_kill_leftovers() {
    local dir=$1 sig pid comm found
    [ -n "$dir" ] || return 0
    for sig in TERM KILL; do
        found=0
        while read -r pid; do
            [ -n "$pid" ] || continue
            if [ "$pid" = "$$" ] || [ "$pid" = "${BASHPID:-}" ]; then continue; fi
            comm=$(cat "/proc/$pid/comm" 2>/dev/null) || continue
            case $comm in
                mariadbd | mysqld | postgres | pgbouncer | rsync | socat | wsrep_sst_*) ;;
                *) continue ;;
            esac
            _drizzle_pid_is "$pid" "$dir" || continue
            [ "$sig" = TERM ] || _drizzle_log "killing leftover $comm (pid $pid)"
            kill -"$sig" "$pid" 2>/dev/null || true
            found=1
        done <<<"$(grep -lsF -- "$dir" /proc/[0-9]*/cmdline 2>/dev/null | cut -d/ -f3)"
        [ "$found" = 1 ] || return 0
        sleep 1
    done
}

_drizzle_psql_bin() {
    if [ -n "${DRIZZLE_TEST_PG_BINDIR:-}" ] && [ -x "$DRIZZLE_TEST_PG_BINDIR/psql" ]; then
        echo "$DRIZZLE_TEST_PG_BINDIR/psql"
    else
        command -v psql
    fi
}

# _drizzle_psql_value PORT SQL: prints SQL's single value (psql -At), quietly.
_drizzle_psql_value() {
    local psql
    psql=$(_drizzle_psql_bin) || return 1
    PGCONNECT_TIMEOUT=2 "$psql" -X -At -h 127.0.0.1 -p "$1" -U postgres -d postgres \
        -c "$2" 2>/dev/null
}

# True when the private PostgreSQL of drizzle_start_servers runs.
_drizzle_need_pg() {
    local what=$1
    if [ -z "${DRIZZLE_TEST_PG_PORT:-}" ] || [ -z "${_DRIZZLE_PG_DIR:-}" ] ||
        [ ! -f "$_DRIZZLE_PG_DIR/data/postmaster.pid" ] ||
        ! _drizzle_pid_is "$(head -n 1 "$_DRIZZLE_PG_DIR/data/postmaster.pid")" "$_DRIZZLE_PG_DIR"; then
        _drizzle_log "$what needs the private PostgreSQL: run drizzle_start_servers first"
        return 1
    fi
}

# Stops the PostgreSQL whose data directory is DIR/data (run-as, bindir files in DIR).
_drizzle_pgdir_stop() {
    local dir=$1 user bindir pid
    [ -f "$dir/data/postmaster.pid" ] || return 0
    user=$(cat "$dir/run-as" 2>/dev/null) || user=
    bindir=$(cat "$dir/bindir" 2>/dev/null) || bindir=
    pid=$(head -n 1 "$dir/data/postmaster.pid" 2>/dev/null) || pid=
    if _drizzle_pid_is "$pid" "$dir" && [ -x "$bindir/pg_ctl" ]; then
        (cd "$dir" && _drizzle_as "$user" "$bindir/pg_ctl" -D "$dir/data" -m immediate \
            -w -t 30 stop >>"$dir/pg_ctl.log" 2>&1) || true
    fi
    if _drizzle_pid_is "$pid" "$dir"; then
        kill -KILL "$pid" 2>/dev/null || true
        sleep 0.2
    fi
}

# ---------------------------------------------------------------- PgBouncer

_drizzle_pgbouncer_start() {
    local bin user dir port pid attempt rc start=$EPOCHREALTIME
    local -a as_user=()

    _drizzle_need_pg PgBouncer || return 1
    if ! bin=$(_drizzle_first_cmd pgbouncer); then
        _drizzle_log "pgbouncer not found (install pgbouncer)"
        return 1
    fi
    if ! _drizzle_psql_bin >/dev/null; then
        _drizzle_log "psql not found (install postgresql-client)"
        return 1
    fi
    user=$(_drizzle_pg_user) || return 1
    # pgbouncer refuses to run as root; -u makes it drop to USER itself (so
    # that $! is pgbouncer's pid, not a runuser's).
    [ -z "$user" ] || as_user=(-u "$user")

    dir=$(_drizzle_make_tmpdir drizzle-pgbouncer) || return 1
    _DRIZZLE_BOUNCER_DIR=$dir
    # auth_type = trust still needs the user in auth_file (password ignored).
    printf '"postgres" ""\n' >"$dir/userlist.txt"

    for attempt in 1 2 3 4 5; do
        port=$(_drizzle_free_port) || return 1
        cat >"$dir/pgbouncer.ini" <<EOF
; drizzle-cpp test PgBouncer in front of the private PostgreSQL
[databases]
* = host=127.0.0.1 port=$DRIZZLE_TEST_PG_PORT

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $port
; no Unix socket (it would go to /tmp)
unix_socket_dir =
logfile = $dir/pgbouncer.log
pidfile = $dir/pgbouncer.pid
auth_type = trust
auth_file = $dir/userlist.txt
admin_users = postgres
stats_users = postgres
pool_mode = transaction
default_pool_size = 4
min_pool_size = 0
reserve_pool_size = 0
max_client_conn = 200
ignore_startup_parameters = extra_float_digits,options
server_login_retry = 1
log_connections = 0
log_disconnections = 0
EOF
        : >"$dir/pgbouncer.log"
        _drizzle_give_dir "$user" "$dir" || return 1

        (cd "$dir" && exec "$bin" "${as_user[@]}" "$dir/pgbouncer.ini" \
            </dev/null >>"$dir/pgbouncer.out" 2>&1) &
        pid=$!
        echo "$pid" >"$dir/server.pid"

        rc=0
        _drizzle_poll "${DRIZZLE_SERVER_START_TIMEOUT:-60}" "$pid" "$dir" \
            _drizzle_psql_value "$port" 'select 1' >/dev/null || rc=$?
        if [ "$rc" = 0 ]; then
            export DRIZZLE_TEST_PGBOUNCER_PORT=$port
            export DRIZZLE_TEST_PGBOUNCER_URL="postgres://postgres@127.0.0.1:$port/postgres"
            _drizzle_log "PgBouncer ready in $(_drizzle_elapsed "$start")s: $DRIZZLE_TEST_PGBOUNCER_URL (dir $dir)"
            return 0
        fi
        if [ "$rc" = 1 ] && grep -q 'Address already in use' "$dir/pgbouncer.log" "$dir/pgbouncer.out" 2>/dev/null; then
            _drizzle_log "port $port was taken, retrying (attempt $attempt)"
            wait "$pid" 2>/dev/null || true
            mv -f "$dir/pgbouncer.log" "$dir/pgbouncer.log.$attempt"
            continue
        fi
        break
    done
    _drizzle_log "PgBouncer failed to start"
    _drizzle_tail_logs "$dir/pgbouncer.out" "$dir/pgbouncer.log"
    return 1
}

drizzle_start_pgbouncer() {
    if [ -n "$_DRIZZLE_BOUNCER_DIR" ] &&
        _drizzle_pid_is "$(cat "$_DRIZZLE_BOUNCER_DIR/server.pid" 2>/dev/null)" "$_DRIZZLE_BOUNCER_DIR"; then
        _drizzle_log "PgBouncer already running: $DRIZZLE_TEST_PGBOUNCER_URL"
        return 0
    fi
    drizzle_stop_pgbouncer
    _drizzle_pgbouncer_start && return 0
    drizzle_stop_pgbouncer
    return 1
}

drizzle_stop_pgbouncer() {
    local dir=$_DRIZZLE_BOUNCER_DIR pid
    _DRIZZLE_BOUNCER_DIR=
    unset DRIZZLE_TEST_PGBOUNCER_URL DRIZZLE_TEST_PGBOUNCER_PORT
    [ -n "$dir" ] && [ -d "$dir" ] || return 0

    pid=$(cat "$dir/server.pid" 2>/dev/null) || pid=
    # SIGTERM: immediate shutdown up to PgBouncer 1.22 (1.23 and later wait for
    # the clients to go, hence the SIGKILL after 5s).
    _drizzle_terminate "$pid" "$dir" 5 PgBouncer
    _drizzle_remove_tmpdir "$dir"
}

# ---------------------------------------------------------------- hot standby

# Lets 127.0.0.1 open replication connections to the private PostgreSQL.
_drizzle_pg_allow_replication() {
    local pdir=$_DRIZZLE_PG_DIR user bindir hba
    hba=$pdir/data/pg_hba.conf
    grep -qE '^[[:space:]]*host[[:space:]]+replication[[:space:]]' "$hba" 2>/dev/null && return 0
    user=$(cat "$pdir/run-as" 2>/dev/null) || user=
    bindir=$(cat "$pdir/bindir" 2>/dev/null) || bindir=$DRIZZLE_TEST_PG_BINDIR
    printf 'host  replication all 127.0.0.1/32 trust\n' >>"$hba" || return 1
    if ! (cd "$pdir" && _drizzle_as "$user" "$bindir/pg_ctl" -D "$pdir/data" reload \
        >>"$pdir/pg_ctl.log" 2>&1); then
        _drizzle_log "could not reload the private PostgreSQL"
        _drizzle_tail_logs "$pdir/pg_ctl.log"
        return 1
    fi
}

_drizzle_standby_ready() { # PORT NAME
    [ "$(_drizzle_psql_value "$1" 'select pg_is_in_recovery()')" = t ] &&
        [ "$(_drizzle_psql_value "$DRIZZLE_TEST_PG_PORT" \
            "select count(*) from pg_stat_replication where application_name = '$2' and state = 'streaming'")" = 1 ]
}

_drizzle_standby_start() {
    local bindir user dir name port attempt i rc start=$EPOCHREALTIME
    local timeout=${DRIZZLE_SERVER_START_TIMEOUT:-60}

    _drizzle_need_pg "the standby" || return 1
    bindir=$(cat "$_DRIZZLE_PG_DIR/bindir" 2>/dev/null) || bindir=$DRIZZLE_TEST_PG_BINDIR
    user=$(cat "$_DRIZZLE_PG_DIR/run-as" 2>/dev/null) || user=
    if [ ! -x "$bindir/pg_basebackup" ] || [ ! -x "$bindir/pg_ctl" ]; then
        _drizzle_log "pg_basebackup/pg_ctl not found in $bindir"
        return 1
    fi
    _drizzle_pg_allow_replication || return 1

    dir=$(_drizzle_make_tmpdir drizzle-pg-standby) || return 1
    _DRIZZLE_STANDBY_DIR=$dir
    name=drizzle_standby_${dir##*.}
    name=${name,,}  # also the slot's name: lower case only
    printf '%s\n' "$user" >"$dir/run-as"
    printf '%s\n' "$bindir" >"$dir/bindir"
    mkdir "$dir/sock"
    _drizzle_give_dir "$user" "$dir" || return 1

    # -R writes standby.signal and primary_conninfo; -C -S a replication slot,
    # so that the primary keeps the WAL the standby has not received yet (the
    # tests make hundreds of databases, and a standby that falls behind a
    # recycled segment would stop following). Retried while the primary's
    # postmaster has not yet read the new pg_hba.conf line.
    for ((i = 1; ; i++)); do
        if (cd "$dir" && _drizzle_as "$user" "$bindir/pg_basebackup" -h 127.0.0.1 \
            -p "$DRIZZLE_TEST_PG_PORT" -U postgres -D "$dir/data" -R -X stream -c fast \
            -C -S "$name" --no-sync --no-manifest >"$dir/basebackup.log" 2>&1); then
            break
        fi
        if [ "$i" -lt 25 ] && grep -q 'pg_hba.conf' "$dir/basebackup.log"; then
            rm -rf -- "$dir/data"
            sleep 0.2
            continue
        fi
        _drizzle_log "pg_basebackup failed"
        _drizzle_tail_logs "$dir/basebackup.log"
        return 1
    done

    # Later lines win over the primary's settings copied with the data.
    cat >>"$dir/data/postgresql.conf" <<EOF

# drizzle-cpp test standby
unix_socket_directories = '$dir/sock'
hot_standby = on
hot_standby_feedback = on
wal_receiver_status_interval = 1s
cluster_name = '$name'
EOF
    _drizzle_give_dir "$user" "$dir" || return 1

    for attempt in 1 2 3 4 5; do
        port=$(_drizzle_free_port) || return 1
        if (cd "$dir" && LC_ALL=C _drizzle_as "$user" "$bindir/pg_ctl" -D "$dir/data" \
            -l "$dir/postgres.log" -o "-p $port" -w -t "$timeout" \
            start >"$dir/pg_ctl.log" 2>&1); then
            rc=0
            _drizzle_poll "$timeout" "" "" _drizzle_standby_ready "$port" "$name" || rc=$?
            if [ "$rc" = 0 ]; then
                export DRIZZLE_TEST_PG_STANDBY_PORT=$port
                export DRIZZLE_TEST_PG_STANDBY_URL="postgres://postgres@127.0.0.1:$port/postgres"
                _drizzle_log "PostgreSQL standby streaming in $(_drizzle_elapsed "$start")s: $DRIZZLE_TEST_PG_STANDBY_URL (dir $dir)"
                return 0
            fi
            _drizzle_log "the standby did not start streaming in ${timeout}s"
            _drizzle_tail_logs "$dir/postgres.log"
            return 1
        fi
        if grep -q 'could not bind\|Address already in use' "$dir/postgres.log" 2>/dev/null; then
            _drizzle_log "port $port was taken, retrying (attempt $attempt)"
            mv -f "$dir/postgres.log" "$dir/postgres.log.$attempt"
            continue
        fi
        break
    done
    _drizzle_log "PostgreSQL standby failed to start"
    _drizzle_tail_logs "$dir/pg_ctl.log" "$dir/postgres.log"
    return 1
}

drizzle_start_pg_standby() {
    if [ -n "$_DRIZZLE_STANDBY_DIR" ] && [ -f "$_DRIZZLE_STANDBY_DIR/data/postmaster.pid" ] &&
        _drizzle_pid_is "$(head -n 1 "$_DRIZZLE_STANDBY_DIR/data/postmaster.pid")" "$_DRIZZLE_STANDBY_DIR"; then
        _drizzle_log "PostgreSQL standby already running: $DRIZZLE_TEST_PG_STANDBY_URL"
        return 0
    fi
    drizzle_stop_pg_standby
    _drizzle_standby_start && return 0
    drizzle_stop_pg_standby
    return 1
}

drizzle_stop_pg_standby() {
    local dir=$_DRIZZLE_STANDBY_DIR
    _DRIZZLE_STANDBY_DIR=
    unset DRIZZLE_TEST_PG_STANDBY_URL DRIZZLE_TEST_PG_STANDBY_PORT
    [ -n "$dir" ] && [ -d "$dir" ] || return 0
    _drizzle_pgdir_stop "$dir"
    # Its slot would keep WAL on the primary for ever.
    if [ -n "${DRIZZLE_TEST_PG_PORT:-}" ]; then
        _drizzle_psql_value "$DRIZZLE_TEST_PG_PORT" "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name LIKE 'drizzle\\_standby\\_%' AND NOT active" >/dev/null || true
    fi
    _drizzle_remove_tmpdir "$dir"
}

# ---------------------------------------------------------------- Galera

_drizzle_galera_provider() {
    local p
    for p in "${DRIZZLE_GALERA_PROVIDER:-}" /usr/lib/galera/libgalera_smm.so \
        /usr/lib/galera-4/libgalera_smm.so /usr/lib64/galera-4/libgalera_smm.so \
        /usr/lib64/galera/libgalera_smm.so /usr/lib/libgalera_smm.so; do
        if [ -n "$p" ] && [ -f "$p" ]; then
            echo "$p"
            return 0
        fi
    done
    return 1
}

# _drizzle_galera_synced CLIENT NODE_DIR SIZE: the node is Synced, ready, and
# sees SIZE members.
_drizzle_galera_synced() {
    local status
    status=$("$1" --no-defaults --socket="$2/mysqld.sock" -uroot --connect-timeout=2 -N -B \
        -e "SHOW GLOBAL STATUS WHERE Variable_name IN
            ('wsrep_local_state_comment', 'wsrep_cluster_size', 'wsrep_ready')" 2>/dev/null) ||
        return 1
    awk -v size="$3" '
        $1 == "wsrep_local_state_comment" && $2 == "Synced" { n++ }
        $1 == "wsrep_cluster_size" && $2 == size { n++ }
        $1 == "wsrep_ready" && $2 == "ON" { n++ }
        END { exit n == 3 ? 0 : 1 }' <<<"$status"
}

# _drizzle_galera_spawn DIR N SERVER [ARGS...]: starts node N of the cluster in DIR.
_drizzle_galera_spawn() {
    local nd=$1/node$2 server=$3
    shift 3
    (cd "$nd" && exec "$server" --defaults-file="$nd/my.cnf" "$@" \
        </dev/null >>"$nd/mysqld.out" 2>&1) &
    echo "$!" >"$nd/server.pid"
}

# _drizzle_galera_wait DIR N CLIENT SIZE: waits until node N is Synced with SIZE
# members. Returns 0, 1 (it exited), 3 (it exited: a port was taken) or 2 (timeout).
_drizzle_galera_wait() {
    local nd=$1/node$2 client=$3 size=$4 pid rc=0
    pid=$(cat "$nd/server.pid" 2>/dev/null) || pid=
    _drizzle_poll "${DRIZZLE_SERVER_START_TIMEOUT:-60}" "$pid" "$nd/my.cnf" \
        _drizzle_galera_synced "$client" "$nd" "$size" || rc=$?
    if [ "$rc" = 1 ] && grep -q 'Address already in use\|Bind on TCP/IP port' \
        "$nd/mysqld.log" "$nd/mysqld.out" "$nd/data/rsync_sst.log" 2>/dev/null; then
        rc=3
    fi
    return "$rc"
}

_drizzle_galera_start() {
    local server installdb client user provider dir n nd attempt rc
    local start=$EPOCHREALTIME timeout=${DRIZZLE_SERVER_START_TIMEOUT:-60}
    local -a ports gports sql_ports pids urls

    if ! server=$(_drizzle_first_cmd mariadbd mysqld) ||
        ! installdb=$(_drizzle_first_cmd mariadb-install-db mysql_install_db) ||
        ! client=$(_drizzle_first_cmd mariadb mysql); then
        _drizzle_log "MariaDB server/client binaries not found (install mariadb-server mariadb-client)"
        return 1
    fi
    if ! provider=$(_drizzle_galera_provider); then
        _drizzle_log "Galera provider libgalera_smm.so not found (install galera-4 or set DRIZZLE_GALERA_PROVIDER)"
        return 1
    fi
    if ! command -v rsync >/dev/null 2>&1; then
        _drizzle_log "rsync not found (install rsync: the joining Galera nodes get their data with it)"
        return 1
    fi

    user=
    if [ "$(id -u)" -eq 0 ]; then
        if id mysql >/dev/null 2>&1; then user=mysql; else user=root; fi
    fi

    dir=$(_drizzle_make_tmpdir drizzle-galera) || return 1
    _DRIZZLE_GALERA_DIR=$dir
    if [ "$user" = mysql ]; then
        _drizzle_give_dir mysql "$dir" || return 1
    fi

    # Same small InnoDB as servers.sh's MariaDB.
    local galera_tuning='loose-innodb-buffer-pool-size=64M
loose-innodb-log-file-size=16M
loose-innodb-log-buffer-size=8M
loose-innodb-flush-log-at-trx-commit=0
loose-innodb-doublewrite=0
loose-innodb-use-native-aio=0
character-set-server=utf8mb4
collation-server=utf8mb4_general_ci
skip-name-resolve'
    local -a as_user=() tuning_args
    [ -z "$user" ] || as_user=("--user=$user")
    mapfile -t tuning_args <<<"$galera_tuning"
    tuning_args=("${tuning_args[@]/#/--}")

    # Installed once; each node starts from a copy (the joiners' copies are
    # replaced by their state transfer from node 1).
    if ! (cd "$dir" && "$installdb" --no-defaults --datadir="$dir/seed" "${as_user[@]}" \
        --auth-root-authentication-method=normal --skip-test-db "${tuning_args[@]}" \
        >"$dir/install-db.log" 2>&1); then
        _drizzle_log "$(basename "$installdb") failed"
        _drizzle_tail_logs "$dir/install-db.log"
        return 1
    fi

    for attempt in 1 2 3; do
        # Per node: SQL, group communication, IST and SST ports.
        read -ra ports <<<"$(_drizzle_free_ports 12)"
        [ "${#ports[@]}" = 12 ] || return 1
        sql_ports=("${ports[@]:0:3}")
        gports=("${ports[@]:3:3}")
        local cluster="gcomm://127.0.0.1:${gports[0]},127.0.0.1:${gports[1]},127.0.0.1:${gports[2]}"

        for n in 1 2 3; do
            nd=$dir/node$n
            rm -rf -- "$nd"
            mkdir -p "$nd/tmp" || return 1
            cp -a "$dir/seed" "$nd/data" || return 1
            cat >"$nd/my.cnf" <<EOC
# drizzle-cpp test Galera node $n
[mysqld]
datadir=$nd/data
socket=$nd/mysqld.sock
port=${sql_ports[n - 1]}
bind-address=127.0.0.1
skip-networking=0
pid-file=$nd/mysqld.pid
log-error=$nd/mysqld.log
tmpdir=$nd/tmp
max-connections=200
$galera_tuning
binlog_format=ROW
default_storage_engine=InnoDB
innodb_autoinc_lock_mode=2
wsrep_on=ON
wsrep_provider=$provider
wsrep_cluster_name=drizzle_test_${dir##*.}
wsrep_cluster_address=$cluster
wsrep_node_name=node$n
wsrep_node_address=127.0.0.1:${gports[n - 1]}
wsrep_node_incoming_address=127.0.0.1:${sql_ports[n - 1]}
wsrep_sst_receive_address=127.0.0.1:${ports[n + 8]}
wsrep_sst_method=rsync
wsrep_slave_threads=1
wsrep_provider_options="gmcast.listen_addr=tcp://127.0.0.1:${gports[n - 1]}; ist.recv_addr=127.0.0.1:${ports[n + 5]}; gcache.size=16M; gcache.page_size=16M"
EOC
            [ -z "$user" ] || printf 'user=%s\n' "$user" >>"$nd/my.cnf"
        done
        [ "$user" != mysql ] || chown -R mysql: "$dir/node1" "$dir/node2" "$dir/node3" || return 1

        rc=0 n=1
        _drizzle_galera_spawn "$dir" 1 "$server" --wsrep-new-cluster
        _drizzle_galera_wait "$dir" 1 "$client" 1 || rc=$?
        if [ "$rc" = 0 ]; then
            _drizzle_log "Galera node 1 Synced after $(_drizzle_elapsed "$start")s"
            # One joiner at a time: started together, they churn the group
            # membership for seconds and queue for the donor anyway.
            for n in 2 3; do
                _drizzle_galera_spawn "$dir" "$n" "$server"
                _drizzle_galera_wait "$dir" "$n" "$client" "$n" || rc=$?
                [ "$rc" = 0 ] || break
                _drizzle_log "Galera node $n Synced after $(_drizzle_elapsed "$start")s"
            done
        fi
        [ "$rc" = 0 ] && break

        case $rc in
            3) _drizzle_log "Galera node $n: a port was taken (attempt $attempt)" ;;
            1) _drizzle_log "Galera node $n exited while starting" ;;
            *) _drizzle_log "Galera node $n not Synced with 3 members after ${timeout}s" ;;
        esac
        if [ "$rc" = 3 ] && [ "$attempt" -lt 3 ]; then
            _drizzle_galera_kill "$dir"
            for n in 1 2 3; do
                mv -f "$dir/node$n" "$dir/failed-$attempt-node$n" 2>/dev/null || true
            done
            continue
        fi
        _drizzle_tail_logs "$dir/node$n/mysqld.out" "$dir/node$n/mysqld.log"
        [ "$n" = 1 ] || _drizzle_tail_logs "$dir/node1/mysqld.log"
        return 1
    done

    pids=()
    for n in 1 2 3; do
        pids+=("$(cat "$dir/node$n/server.pid")")
    done
    # Every node sees all three.
    for n in 1 2 3; do
        if ! _drizzle_galera_wait "$dir" "$n" "$client" 3; then
            _drizzle_log "Galera node $n does not see 3 Synced members"
            _drizzle_tail_logs "$dir/node$n/mysqld.log"
            return 1
        fi
    done

    # Users are DDL: replicated to every node (total order isolation).
    local u sql=""
    for u in "'drizzle'@'127.0.0.1'" "'drizzle'@'localhost'" "'drizzle'@'%'"; do
        sql+="CREATE USER IF NOT EXISTS $u IDENTIFIED BY 'drizzle'; "
        sql+="GRANT ALL PRIVILEGES ON *.* TO $u WITH GRANT OPTION; "
    done
    if ! "$client" --no-defaults --socket="$dir/node1/mysqld.sock" -uroot -e "$sql" \
        >>"$dir/setup.log" 2>&1; then
        _drizzle_log "Galera user setup failed"
        _drizzle_tail_logs "$dir/setup.log" "$dir/node1/mysqld.log"
        return 1
    fi
    urls=()
    for n in 1 2 3; do
        if ! _drizzle_poll 10 "" "" "$client" --no-defaults --protocol=tcp -h127.0.0.1 \
            -P"${sql_ports[n - 1]}" -udrizzle -pdrizzle --connect-timeout=2 -e 'SELECT 1' \
            >>"$dir/setup.log" 2>&1; then
            _drizzle_log "Galera node $n: user drizzle cannot log in"
            _drizzle_tail_logs "$dir/setup.log" "$dir/node$n/mysqld.log"
            return 1
        fi
        urls+=("mysql://drizzle:drizzle@127.0.0.1:${sql_ports[n - 1]}/mysql")
    done

    export DRIZZLE_TEST_GALERA_URLS="${urls[*]}"
    export DRIZZLE_TEST_GALERA_PORTS="${sql_ports[*]}"
    export DRIZZLE_TEST_GALERA_PIDS="${pids[*]}"
    _drizzle_log "Galera cluster (3 nodes) ready in $(_drizzle_elapsed "$start")s: $DRIZZLE_TEST_GALERA_URLS (dir $dir)"
}

# Stops every node of the cluster in DIR (some may be dead already).
_drizzle_galera_kill() {
    local dir=$1 n pid i alive
    local -a pids=()
    for n in 1 2 3; do
        pid=$(cat "$dir/node$n/server.pid" 2>/dev/null) || continue
        pids+=("$pid")
        if _drizzle_pid_is "$pid" "$dir"; then
            kill -TERM "$pid" 2>/dev/null || true
        fi
    done
    # A node in the middle of a state transfer may ignore SIGTERM: 10s is plenty
    # for a healthy one, and the data is thrown away anyway.
    for ((i = 0; i < 100; i++)); do
        alive=0
        for pid in "${pids[@]}"; do
            if _drizzle_pid_is "$pid" "$dir"; then alive=1; fi
        done
        [ "$alive" = 1 ] || break
        sleep 0.1
    done
    for pid in "${pids[@]}"; do
        if _drizzle_pid_is "$pid" "$dir"; then
            _drizzle_log "Galera node (pid $pid) did not stop in 10s, killing it"
            kill -KILL "$pid" 2>/dev/null || true
        fi
    done
    # Reap them when they are our children (no-op otherwise).
    for pid in "${pids[@]}"; do
        wait "$pid" 2>/dev/null || true
    done
    _drizzle_kill_leftovers "$dir"
}

drizzle_start_galera() {
    local n pid running=0
    if [ -n "$_DRIZZLE_GALERA_DIR" ]; then
        for n in 1 2 3; do
            pid=$(cat "$_DRIZZLE_GALERA_DIR/node$n/server.pid" 2>/dev/null) || pid=
            if _drizzle_pid_is "$pid" "$_DRIZZLE_GALERA_DIR"; then running=$((running + 1)); fi
        done
        if [ "$running" = 3 ]; then
            _drizzle_log "Galera cluster already running: $DRIZZLE_TEST_GALERA_URLS"
            return 0
        fi
        _drizzle_log "Galera cluster has $running of 3 nodes running, starting a new one"
    fi
    drizzle_stop_galera
    _drizzle_galera_start && return 0
    drizzle_stop_galera
    return 1
}

drizzle_stop_galera() {
    local dir=$_DRIZZLE_GALERA_DIR
    _DRIZZLE_GALERA_DIR=
    unset DRIZZLE_TEST_GALERA_URLS DRIZZLE_TEST_GALERA_PORTS DRIZZLE_TEST_GALERA_PIDS
    [ -n "$dir" ] && [ -d "$dir" ] || return 0
    _drizzle_galera_kill "$dir"
    _drizzle_remove_tmpdir "$dir"
}

# ---------------------------------------------------------------- all of them

_DRIZZLE_TOPOLOGIES=(pgbouncer standby galera)

# Prints the topologies to start, from DRIZZLE_TEST_SKIP_TOPOLOGIES.
_drizzle_wanted_topologies() {
    local skip=${DRIZZLE_TEST_SKIP_TOPOLOGIES:-} item t
    local -a items wanted=()
    skip=${skip//[[:space:]]/}
    case $skip in
        1 | all | ALL) return 0 ;;
        0) skip= ;;
    esac
    IFS=, read -ra items <<<"$skip"
    for item in "${items[@]}"; do
        case $item in
            '' | pgbouncer | standby | galera) ;;
            *)
                _drizzle_log "DRIZZLE_TEST_SKIP_TOPOLOGIES: unknown topology '$item' (expected 1, all or a comma list of ${_DRIZZLE_TOPOLOGIES[*]})"
                return 1
                ;;
        esac
    done
    for t in "${_DRIZZLE_TOPOLOGIES[@]}"; do
        case ",$skip," in
            *",$t,"*) ;;
            *) wanted+=("$t") ;;
        esac
    done
    echo "${wanted[*]}"
}

drizzle_start_topologies() {
    local start=$EPOCHREALTIME wanted t
    wanted=$(_drizzle_wanted_topologies) || return 1
    if [ -z "$wanted" ]; then
        _drizzle_log "DRIZZLE_TEST_SKIP_TOPOLOGIES=${DRIZZLE_TEST_SKIP_TOPOLOGIES:-}: no topology started"
        return 0
    fi
    if [ "$wanted" != "${_DRIZZLE_TOPOLOGIES[*]}" ]; then
        _drizzle_log "DRIZZLE_TEST_SKIP_TOPOLOGIES=${DRIZZLE_TEST_SKIP_TOPOLOGIES:-}: starting only $wanted"
    fi
    for t in $wanted; do
        case $t in
            pgbouncer) drizzle_start_pgbouncer ;;
            standby) drizzle_start_pg_standby ;;
            galera) drizzle_start_galera ;;
        esac && continue
        _drizzle_log "topology $t failed to start (skip it with DRIZZLE_TEST_SKIP_TOPOLOGIES=$t)"
        drizzle_stop_topologies
        return 1
    done
    _drizzle_log "topologies ($wanted) up in $(_drizzle_elapsed "$start")s"
}

drizzle_stop_topologies() {
    drizzle_stop_galera
    drizzle_stop_pg_standby
    drizzle_stop_pgbouncer
}

#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for the examples tests.
#
#   .ci/postgres.sh start      prints `export DATABASE_URL=…` and `export CI_PG_DIR=…` on stdout
#   .ci/postgres.sh stop DIR   stops the server of DIR (default: $CI_PG_DIR) and removes DIR
#
# Data directory, Unix socket and log live in one fresh temp dir. The server listens on
# 127.0.0.1 only, on a free port, with fsync off: the data is thrown away anyway.
# Progress goes to stderr so that stdout can be eval'ed.
set -euo pipefail

PG_MAJOR=15
DIR_PREFIX=live-upgrade-pg.

log() { printf 'postgres.sh: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

# The image's binaries, found through the Debian package that ships them.
find_bindir() {
  local pg_ctl
  pg_ctl=$(dpkg -L "postgresql-$PG_MAJOR" 2>/dev/null | grep -m1 '/bin/pg_ctl$' || true)
  if [[ -z $pg_ctl && $(id -u) == 0 ]]; then
    log "postgresql-$PG_MAJOR is not installed; installing it"
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "postgresql-$PG_MAJOR" >&2
    pg_ctl=$(dpkg -L "postgresql-$PG_MAJOR" | grep -m1 '/bin/pg_ctl$')
  fi
  [[ -x $pg_ctl ]] || die "pg_ctl of postgresql-$PG_MAJOR not found"
  dirname "$pg_ctl"
}

# Postgres refuses to run as root: as root, run its programs as the `postgres` system user.
as_postgres() {
  if [[ $(id -u) == 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

free_port() {
  node -e '
    const server = require("node:net").createServer();
    server.listen(0, "127.0.0.1", () => { console.log(server.address().port); server.close(); });'
}

start() {
  local bindir dir port
  bindir=$(find_bindir)
  dir=$(mktemp -d "${TMPDIR:-/tmp}/${DIR_PREFIX}XXXXXX")
  # Whatever fails from here on, leave no server and no temp dir behind.
  trap 'stop "$dir"' EXIT
  mkdir "$dir/data" "$dir/socket"
  if [[ $(id -u) == 0 ]]; then chown -R postgres: "$dir"; fi
  # The postgres user may not be allowed into the caller's working directory.
  cd "$dir"

  as_postgres "$bindir/initdb" --pgdata="$dir/data" --username=postgres --auth=trust \
    --encoding=UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1 ||
    { cat "$dir/initdb.log" >&2; die "initdb failed"; }

  port=$(free_port)
  as_postgres "$bindir/pg_ctl" start --pgdata="$dir/data" --log="$dir/server.log" \
    --wait --timeout=60 --silent \
    -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir/socket" \
    -o "-c fsync=off -c synchronous_commit=off -c full_page_writes=off" >&2 ||
    { cat "$dir/server.log" >&2; die "the server did not start"; }

  as_postgres "$bindir/pg_isready" --quiet --host=127.0.0.1 --port="$port" --timeout=30 ||
    { cat "$dir/server.log" >&2; die "the server does not accept connections"; }

  trap - EXIT
  log "PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') ready on 127.0.0.1:$port (dir $dir)"
  printf 'export DATABASE_URL=postgresql://postgres@127.0.0.1:%s/postgres\n' "$port"
  printf 'export CI_PG_DIR=%s\n' "$dir"
}

# The pid in postmaster.pid may be stale: only signal it if it is this dir's postmaster.
is_our_postmaster() {
  [[ -r /proc/$1/cmdline ]] && tr '\0' ' ' <"/proc/$1/cmdline" | grep -qF -- "-D $2/data"
}

# Fast shutdown (SIGINT) by the postmaster's pid, then immediate (SIGQUIT) if it hangs.
stop() {
  local dir=${1:-${CI_PG_DIR:-}} pid
  [[ -n $dir ]] || die "stop: no cluster dir given (argument or CI_PG_DIR)"
  [[ $(basename "$dir") == "$DIR_PREFIX"* ]] || die "stop: $dir is not a cluster dir of this script"
  [[ -d $dir ]] || return 0

  if [[ -f $dir/data/postmaster.pid ]]; then
    pid=$(head -n1 "$dir/data/postmaster.pid")
    if is_our_postmaster "$pid" "$dir" && kill -INT "$pid" 2>/dev/null; then
      for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      if kill -0 "$pid" 2>/dev/null; then
        log "server $pid still running after 10 s; sending SIGQUIT"
        kill -QUIT "$pid" 2>/dev/null || true
        for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      fi
      kill -0 "$pid" 2>/dev/null && die "server $pid did not stop; leaving $dir in place"
      log "server $pid stopped"
    fi
  fi
  rm -rf "$dir"
}

case ${1:-} in
  start) start ;;
  stop) stop "${2:-}" ;;
  *) die "usage: $0 start | stop [DIR]" ;;
esac

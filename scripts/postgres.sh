#!/usr/bin/env bash
# Start or stop a throwaway PostgreSQL cluster for tests and benchmarks (Debian's postgresql package).
# Usage: scripts/postgres.sh start|stop [data-dir] [port]. Prints the DATABASE_URL on start.
set -euo pipefail
action=${1:?start or stop}
datadir=${2:-${PGTEST_DIR:-/tmp/openprobation-pg}}
port=${3:-${PGTEST_PORT:-54329}}
bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$bindir" ]; then
  echo "PostgreSQL is not installed: sudo apt-get install -y postgresql" >&2
  exit 1
fi
# initdb and postgres refuse to run as root: run them as the postgres user the package creates.
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case "$action" in
  start)
    if [ ! -s "$datadir/PG_VERSION" ]; then
      mkdir -p "$datadir"
      [ "$(id -u)" = 0 ] && chown postgres "$datadir"
      as_pg "$bindir/initdb" -D "$datadir" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    fi
    if ! as_pg "$bindir/pg_ctl" -D "$datadir" status >/dev/null 2>&1; then
      as_pg "$bindir/pg_ctl" -D "$datadir" -l "$datadir/server.log" -w start \
        -o "-p $port -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >/dev/null
    fi
    echo "postgres://postgres@127.0.0.1:$port/openprobation"
    ;;
  stop)
    as_pg "$bindir/pg_ctl" -D "$datadir" -m fast stop >/dev/null 2>&1 || true
    ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac

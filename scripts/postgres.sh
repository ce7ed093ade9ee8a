#!/usr/bin/env bash
# Start or stop a throwaway PostgreSQL cluster for tests and benchmarks (Debian's postgresql package).
# Usage: scripts/postgres.sh start|stop|app-url|owner-url [data-dir] [port].
# start prints a superuser DATABASE_URL (benchmarks, quick runs) and creates the two roles of ADR 0020:
# openprobation_owner (owns the tables, runs migrate; CREATEDB so tests can make their database) and
# openprobation_app (the service: may only append to the audit). app-url and owner-url print their URLs,
# for DATABASE_URL and DATABASE_MIGRATION_URL.
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
    "$bindir/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -q -v ON_ERROR_STOP=1 <<'SQL'
SELECT 'CREATE ROLE openprobation_owner LOGIN CREATEDB'
  WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'openprobation_owner') \gexec
SELECT 'CREATE ROLE openprobation_app LOGIN'
  WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'openprobation_app') \gexec
SQL
    echo "postgres://postgres@127.0.0.1:$port/openprobation"
    ;;
  app-url) echo "postgres://openprobation_app@127.0.0.1:$port/openprobation" ;;
  owner-url) echo "postgres://openprobation_owner@127.0.0.1:$port/openprobation" ;;
  stop)
    as_pg "$bindir/pg_ctl" -D "$datadir" -m fast stop >/dev/null 2>&1 || true
    ;;
  *) echo "usage: $0 start|stop|app-url|owner-url [data-dir] [port]" >&2; exit 2 ;;
esac

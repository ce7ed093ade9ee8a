# Shared by the drills (sourced): a durable PostgreSQL cluster with the two roles of ADR 0020.
# PostgreSQL refuses to run as root; as root the server runs as the postgres account.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
PYTHON=${PYTHON:-$ROOT/.venv/bin/python}
BINDIR=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
export PYTHONPATH="$ROOT/bench/drills:$ROOT${PYTHONPATH:+:$PYTHONPATH}"
export DJANGO_SETTINGS_MODULE=settings
export DJANGO_SECRET_KEY=${DJANGO_SECRET_KEY:-drill-only-secret-key-not-secret-0123456789}
export AUDIT_HMAC_KEY=${AUDIT_HMAC_KEY:-drill-only-audit-key-not-secret-0123456789}

as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
psql_su() { local port=$1; shift; "$BINDIR/psql" -h 127.0.0.1 -p "$port" -U postgres -X -q -v ON_ERROR_STOP=1 "$@"; }
ms_now() { date +%s%3N; }

# cluster_start DIR PORT: a fresh cluster with production durability (fsync, synchronous commit and
# full-page writes on), the roles openprobation_owner and openprobation_app, and the database.
cluster_start() {
    local dir=$1 port=$2
    cluster_stop "$dir"
    rm -rf "$dir"
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    as_pg "$BINDIR/initdb" -D "$dir" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    cluster_up "$dir" "$port"
    psql_su "$port" -d postgres <<'SQL'
CREATE ROLE openprobation_owner LOGIN CREATEDB;
CREATE ROLE openprobation_app LOGIN;
CREATE DATABASE openprobation OWNER openprobation_owner;
SQL
}

cluster_up() {
    local dir=$1 port=$2
    as_pg "$BINDIR/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 120 start -o \
        "-p $port -k /tmp -c listen_addresses=127.0.0.1 -c fsync=on -c synchronous_commit=on \
         -c full_page_writes=on -c shared_buffers=256MB -c max_connections=60" >/dev/null
}

cluster_stop() { [ -s "$1/PG_VERSION" ] && as_pg "$BINDIR/pg_ctl" -D "$1" -m fast stop >/dev/null 2>&1 || true; }

# use_cluster PORT: point the settings at the cluster as the service (app role) and the owner.
use_cluster() {
    export DATABASE_URL="postgres://openprobation_app@127.0.0.1:$1/openprobation"
    export DATABASE_MIGRATION_URL="postgres://openprobation_owner@127.0.0.1:$1/openprobation"
}

# load_data PORT PEOPLE [history]: migrate (as the owner) and generate people (and case history).
load_data() {
    local port=$1 people=$2 history=${3:-}
    use_cluster "$port"
    "$PYTHON" "$ROOT/manage.py" migrate --verbosity 0
    # The generator replaces whole tables (TRUNCATE, COPY, index rebuilds): the owner's work.
    DATABASE_URL=$DATABASE_MIGRATION_URL DATABASE_MIGRATION_URL= \
        "$PYTHON" "$ROOT/manage.py" generate_data --people "$people" --seed 42 --flush --demo-users >/dev/null
    if [ -n "$history" ]; then
        DATABASE_URL=$DATABASE_MIGRATION_URL DATABASE_MIGRATION_URL= \
            "$PYTHON" "$ROOT/manage.py" generate_case_history --seed 42 --flush >/dev/null
        DATABASE_URL=$DATABASE_MIGRATION_URL DATABASE_MIGRATION_URL= \
            "$PYTHON" "$ROOT/manage.py" tier_recalculate_all >/dev/null
    fi
}

load_average() { cut -d' ' -f1-3 /proc/loadavg; }

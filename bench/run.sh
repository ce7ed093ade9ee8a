#!/usr/bin/env bash
# Benchmark OpenProbation's busiest pages on PostgreSQL at national scale. See bench/README.md.
#
#   bench/run.sh                      # 250,000 people in a throwaway cluster in bench/.pgdata
#   BENCH_PEOPLE=20000 bench/run.sh   # a quicker run
#   DATABASE_URL=postgres://... bench/run.sh   # use your own (empty or generated) database
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
PYTHON=${PYTHON:-$ROOT/.venv/bin/python}
BENCH_PEOPLE=${BENCH_PEOPLE:-250000}
BENCH_SEED=${BENCH_SEED:-42}
BENCH_ITERATIONS=${BENCH_ITERATIONS:-200}
BENCH_PG_PORT=${BENCH_PG_PORT:-55432}
BENCH_DB=${BENCH_DB:-openprobation_bench}
PGDATA_DIR=${BENCH_PGDATA:-$ROOT/bench/.pgdata}
export DJANGO_SETTINGS_MODULE=config.settings.test

started_cluster=""

as_pg_user() {
    # PostgreSQL refuses to run as root: use the postgres account when we are root.
    if [ "$(id -u)" = "0" ]; then runuser -u "${BENCH_PG_USER:-postgres}" -- "$@"; else "$@"; fi
}

pg_bin() {
    if command -v "$1" >/dev/null 2>&1; then command -v "$1"; else echo "/usr/lib/postgresql/15/bin/$1"; fi
}

stop_cluster() {
    if [ -n "$started_cluster" ] && [ "${BENCH_KEEP_RUNNING:-0}" != "1" ]; then
        echo "Stopping the benchmark cluster"
        as_pg_user "$(pg_bin pg_ctl)" -D "$PGDATA_DIR" -m fast stop >/dev/null || true
    fi
}

if [ -z "${DATABASE_URL:-}" ]; then
    if [ ! -s "$PGDATA_DIR/PG_VERSION" ]; then
        echo "Initialising a throwaway PostgreSQL cluster in $PGDATA_DIR"
        mkdir -p "$PGDATA_DIR"
        if [ "$(id -u)" = "0" ]; then chown "${BENCH_PG_USER:-postgres}" "$PGDATA_DIR"; fi
        as_pg_user "$(pg_bin initdb)" -D "$PGDATA_DIR" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    fi
    if ! as_pg_user "$(pg_bin pg_ctl)" -D "$PGDATA_DIR" status >/dev/null 2>&1; then
        # Production-like durability (fsync and synchronous commit stay on); more memory than the
        # 128 MB default so the national data set fits in shared buffers as it would on a server.
        as_pg_user "$(pg_bin pg_ctl)" -D "$PGDATA_DIR" -l "$PGDATA_DIR/server.log" -w start -o \
            "-p $BENCH_PG_PORT -k $PGDATA_DIR -c listen_addresses=127.0.0.1 -c shared_buffers=1GB \
             -c work_mem=16MB -c maintenance_work_mem=512MB -c max_wal_size=4GB" >/dev/null
        started_cluster=1
        trap stop_cluster EXIT
    fi
    if ! psql -h 127.0.0.1 -p "$BENCH_PG_PORT" -U postgres -tAc \
        "SELECT 1 FROM pg_database WHERE datname = '$BENCH_DB'" | grep -q 1; then
        psql -h 127.0.0.1 -p "$BENCH_PG_PORT" -U postgres -qc "CREATE DATABASE $BENCH_DB"
    fi
    export DATABASE_URL="postgres://postgres@127.0.0.1:$BENCH_PG_PORT/$BENCH_DB"
fi

echo "Database: ${DATABASE_URL%%\?*}"
"$PYTHON" manage.py migrate --verbosity 0

generate_seconds=""
if [ "${BENCH_SKIP_GENERATE:-0}" != "1" ]; then
    echo "Generating $BENCH_PEOPLE people (seed $BENCH_SEED)"
    start=$(date +%s%N)
    "$PYTHON" manage.py generate_data --people "$BENCH_PEOPLE" --seed "$BENCH_SEED" --flush --demo-users
    "$PYTHON" manage.py generate_case_history --seed "$BENCH_SEED" --flush
    "$PYTHON" manage.py tier_recalculate_all
    "$PYTHON" manage.py generate_court_lists --seed "$BENCH_SEED"
    "$PYTHON" manage.py generate_plans
    elapsed_ms=$(( ($(date +%s%N) - start) / 1000000 ))
    generate_seconds="$((elapsed_ms / 1000)).$(printf %03d $((elapsed_ms % 1000)))"
fi

if [ "${BENCH_GENERATE_ONLY:-0}" = "1" ]; then
    echo "Generated in ${generate_seconds}s; BENCH_GENERATE_ONLY=1, not measuring"
    exit 0
fi
# Court work (issue 11): import and match a 170-defendant list, and the court duty page.
"$PYTHON" bench/bench_court.py --iterations "$BENCH_ITERATIONS"
"$PYTHON" bench/bench_reports.py --iterations "$BENCH_ITERATIONS"
if [ "${BENCH_ONLY:-}" = "court" ]; then exit 0; fi
# Sentence plans (issue 12): the person's plan page.
"$PYTHON" bench/bench_plans.py --iterations "$BENCH_ITERATIONS"
if [ "${BENCH_ONLY:-}" = "plans" ]; then exit 0; fi
# Approved premises (issue 16): the capacity search for a 12-week stay across the estate.
"$PYTHON" bench/bench_approved_premises.py --iterations "$BENCH_ITERATIONS"
# Drug and alcohol testing (issue 12 item 5): the person's tests page.
"$PYTHON" bench/bench_drug_testing.py --iterations "$BENCH_ITERATIONS"

"$PYTHON" bench/bench_pages.py --iterations "$BENCH_ITERATIONS" \
    ${generate_seconds:+--generate-seconds "$generate_seconds"} --people "$BENCH_PEOPLE"

# Local information (issue 17): the nightly aggregation (<= 60 s) and the pages reading it (p95 <= 200 ms).
"$PYTHON" bench/bench_insights.py --iterations "$BENCH_ITERATIONS"

# The nightly sweep over the whole country (issue 3: <= 30 s), twice: the second run shows it is
# idempotent and how long a night with nothing new takes.
for run in first second; do
    start=$(date +%s%N)
    "$PYTHON" manage.py nightly_sweep
    elapsed_ms=$(( ($(date +%s%N) - start) / 1000000 ))
    echo "nightly_sweep ($run run): $((elapsed_ms / 1000)).$(printf %03d $((elapsed_ms % 1000)))s"
done

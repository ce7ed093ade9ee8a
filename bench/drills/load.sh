#!/usr/bin/env bash
# Load test (issue 9 item 8c): gunicorn over generated data in PostgreSQL, simulated officers
# requesting a realistic mix of pages and writes; prints req/s, p95 and errors. See README.md.
source "$(dirname "$0")/lib.sh"
PORT=${DRILL_PORT:-54420}
HTTP_PORT=${DRILL_HTTP_PORT:-8417}
DIR=${DRILL_DIR:-/tmp/openprobation-drill-load}
PEOPLE=${DRILL_PEOPLE:-20000}
WORKERS=${DRILL_WORKERS:-4}
USERS=${DRILL_USERS:-8}
SECONDS_MEASURED=${DRILL_SECONDS:-60}
TARGET_RPS=${DRILL_TARGET_RPS:-300}
WORK=$DIR.work
mkdir -p "$WORK"
export AUDIT_ANCHOR_PATH=$WORK/anchors.jsonl
export DRILL_SEARCH_RATES=${DRILL_SEARCH_RATES:-100000/m}
gunicorn_pid=""
cleanup() { [ -n "$gunicorn_pid" ] && kill "$gunicorn_pid" 2>/dev/null; wait 2>/dev/null; cluster_stop "$DIR"; }
trap cleanup EXIT

echo "Load test: $PEOPLE people, gunicorn $WORKERS workers, $USERS simulated officers; load average $(load_average)"
if [ "${DRILL_SKIP_GENERATE:-0}" = 1 ] && [ -s "$DIR/PG_VERSION" ]; then
    cluster_up "$DIR" "$PORT"; use_cluster "$PORT"
else
    rm -rf "$WORK" && mkdir -p "$WORK"
    cluster_start "$DIR" "$PORT"
    start=$(ms_now)
    load_data "$PORT" "$PEOPLE" history
    echo "loaded $PEOPLE people with case history in $(( ($(ms_now) - start) / 1000 )) s"
fi
"$PYTHON" "$ROOT/bench/drills/load_targets.py" >"$WORK/targets.json"
"$PYTHON" "$ROOT/manage.py" audit_anchor >/dev/null

"$ROOT/.venv/bin/gunicorn" config.wsgi --workers "$WORKERS" --bind "127.0.0.1:$HTTP_PORT" \
    --access-logfile /dev/null --error-logfile "$WORK/gunicorn.log" &
gunicorn_pid=$!
until "$PYTHON" -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$HTTP_PORT/sign-in')" 2>/dev/null; do
    sleep 0.5
done
# CPU seconds used by the gunicorn workers and by PostgreSQL (the postmaster's reaped backends
# included), so the cost of a request can be read even on a busy shared machine.
cpu_ticks() {
    local pm; pm=$(head -n 1 "$DIR/postmaster.pid")
    { for p in $(ps -o pid= --ppid "$gunicorn_pid"); do awk '{print $14 + $15}' "/proc/$p/stat"; done
      echo "$(awk '{print $14 + $15 + $16 + $17}' "/proc/$pm/stat") 0"
      for p in $(ps -o pid= --ppid "$pm"); do awk '{print $14 + $15}' "/proc/$p/stat"; done; } 2>/dev/null
}
app_ticks() { for p in $(ps -o pid= --ppid "$gunicorn_pid"); do awk '{print $14 + $15}' "/proc/$p/stat"; done | paste -sd+ | bc; }
all_ticks() { cpu_ticks | awk '{s += $1} END {print s}'; }
app_before=$(app_ticks); all_before=$(all_ticks)
echo "load average before: $(load_average)"
"$PYTHON" "$ROOT/bench/drills/loadgen.py" "http://127.0.0.1:$HTTP_PORT" "$WORK/targets.json" \
    --users "$USERS" --seconds "$SECONDS_MEASURED" --warmup 10 --json "$WORK/result.json" | tee "$WORK/result.txt"
app_cpu=$(( $(app_ticks) - app_before )); all_cpu=$(( $(all_ticks) - all_before ))
requests=$("$PYTHON" -c "import json; r=json.load(open('$WORK/result.json')); print(r['requests_with_warmup'])")
"$PYTHON" - "$app_cpu" "$all_cpu" "$requests" <<'PY'
import os, sys
app, every, requests = (int(arg) for arg in sys.argv[1:])
tick = os.sysconf("SC_CLK_TCK")
app_ms, db_ms = app * 1000 / tick / requests, (every - app) * 1000 / tick / requests
cores = os.cpu_count()
print(f"CPU per request: gunicorn {app_ms:.1f} ms, PostgreSQL {db_ms:.1f} ms; "
      f"{cores} cores to ourselves would serve at most {cores * 1000 / (app_ms + db_ms):.0f} req/s")
PY
echo "load average after: $(load_average)"
status=0
grep -q " 0 errors$" "$WORK/result.txt" || status=1
"$PYTHON" "$ROOT/manage.py" audit_verify || status=1
rps=$("$PYTHON" -c "import json; print(round(json.load(open('$WORK/result.json'))['rps']))")
if [ "$status" = 0 ] && [ "$rps" -ge "$TARGET_RPS" ]; then echo "load test: PASS ($rps req/s, 0 errors)"
elif [ "$status" = 0 ]; then echo "load test: FAIL: 0 errors, but $rps req/s is under the $TARGET_RPS req/s target"; status=1
else echo "load test: FAIL (errors, or the audit does not verify)"; fi
exit "$status"

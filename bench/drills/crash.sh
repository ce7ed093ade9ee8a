#!/usr/bin/env bash
# Crash drill (issue 9 item 8a): kill -9 PostgreSQL (fsync on) under 10 concurrent writers; every
# acknowledged write must be present afterwards and the audit chain must verify. See README.md.
source "$(dirname "$0")/lib.sh"
PORT=${DRILL_PORT:-54417}
DIR=${DRILL_DIR:-/tmp/openprobation-drill-crash}
WRITERS=${DRILL_WRITERS:-10}
BEFORE=${DRILL_BEFORE_KILL:-8}   # seconds of writing before the kill
AFTER=${DRILL_AFTER_RESTART:-8}  # seconds of writing after the restart
WORK=$DIR.work
rm -rf "$WORK" && mkdir -p "$WORK"
export AUDIT_ANCHOR_PATH=$WORK/anchors.jsonl
trap 'cluster_stop "$DIR"' EXIT

echo "Crash drill: cluster $DIR on port $PORT; load average $(load_average)"
cluster_start "$DIR" "$PORT"
echo "durability: $(psql_su "$PORT" -d postgres -tAc "SELECT string_agg(name || '=' || setting, ' ' ORDER BY name) FROM pg_settings WHERE name IN ('fsync','synchronous_commit','full_page_writes','wal_sync_method')")"
load_data "$PORT" "${DRILL_PEOPLE:-2000}"
"$PYTHON" "$ROOT/manage.py" audit_anchor

for i in $(seq "$WRITERS"); do
    "$PYTHON" "$ROOT/bench/drills/writer.py" "$WORK/acked.$i" "$WORK/stop" 600 2>"$WORK/writer.$i.log" &
done
acked() { cat "$WORK"/acked.* 2>/dev/null | wc -l; }
# Wait until every writer has started (Django loaded) before the clock starts.
until [ "$(ls "$WORK"/acked.* 2>/dev/null | wc -l)" -ge "$WRITERS" ]; do sleep 0.5; done
sleep "$BEFORE"
postmaster=$(head -n 1 "$DIR/postmaster.pid")
# The postmaster and every server process at once, as a power cut would.
children=$(ps -o pid= --ppid "$postmaster" | tr '\n' ' ')
acked_at_kill=$(acked)
kill -9 "$postmaster" $children
echo "kill -9 postmaster $postmaster and its $(echo $children | wc -w) server processes after ${BEFORE}s: $acked_at_kill writes acknowledged"
while kill -0 "$postmaster" 2>/dev/null; do sleep 0.1; done
sleep 1
start=$(ms_now)
cluster_up "$DIR" "$PORT"
echo "restarted in $(( $(ms_now) - start )) ms: $(grep -o 'not properly shut down; automatic recovery in progress' "$DIR/server.log" | head -n 1)"
sleep "$AFTER"
touch "$WORK/stop"
wait
total=$(acked)
failed=$(cat "$WORK"/writer.*.log | sed -n 's/^failed=//p' | paste -sd+ | bc)
echo "writers: $WRITERS; acknowledged $total writes ($acked_at_kill before the kill, $((total - acked_at_kill)) after); $failed attempts failed while the server was down (not acknowledged)"
grep -h "redo done" "$DIR/server.log" | sed 's/^/server.log: /' || true

status=0
"$PYTHON" "$ROOT/bench/drills/crash_check.py" "$WORK"/acked.* || status=1
"$PYTHON" "$ROOT/manage.py" audit_verify || status=1
"$PYTHON" "$ROOT/manage.py" audit_anchor || status=1
echo "load average $(load_average)"
if [ "$status" = 0 ]; then echo "crash drill: PASS"; else echo "crash drill: FAIL"; fi
exit "$status"

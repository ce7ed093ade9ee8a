#!/usr/bin/env bash
# Backup and restore drill (issue 9 item 8b): pg_dump a loaded database with a busy audit, restore
# it into a fresh cluster, and check every table's row count, the audit chain (audit_verify, as the
# service) and that the restored chain head is the one anchored outside the database. See README.md.
source "$(dirname "$0")/lib.sh"
PORT=${DRILL_PORT:-54418}
RESTORE_PORT=${DRILL_RESTORE_PORT:-54419}
DIR=${DRILL_DIR:-/tmp/openprobation-drill-primary}
RESTORE_DIR=${DRILL_RESTORE_DIR:-/tmp/openprobation-drill-restore}
WORK=$DIR.work
rm -rf "$WORK" && mkdir -p "$WORK"
export AUDIT_ANCHOR_PATH=$WORK/anchors.jsonl
trap 'cluster_stop "$DIR"; cluster_stop "$RESTORE_DIR"' EXIT

echo "Restore drill: primary on port $PORT, restore on $RESTORE_PORT; load average $(load_average)"
cluster_start "$DIR" "$PORT"
start=$(ms_now)
load_data "$PORT" "${DRILL_PEOPLE:-2000}" history
echo "loaded ${DRILL_PEOPLE:-2000} people with case history in $(( ($(ms_now) - start) / 1000 )) s"
# A busy audit: four writers for a few seconds, then the external anchor of the chain head.
for i in 1 2 3 4; do "$PYTHON" "$ROOT/bench/drills/writer.py" "$WORK/acked.$i" "$WORK/stop" 5 2>/dev/null & done
wait
"$PYTHON" "$ROOT/manage.py" audit_anchor

start=$(ms_now)
"$BINDIR/pg_dump" -h 127.0.0.1 -p "$PORT" -U postgres -Fc -f "$WORK/openprobation.dump" openprobation
dump_ms=$(( $(ms_now) - start ))
echo "pg_dump: $(du -h "$WORK/openprobation.dump" | cut -f1) in $dump_ms ms"

cluster_start "$RESTORE_DIR" "$RESTORE_PORT"
start=$(ms_now)
"$BINDIR/pg_restore" -h 127.0.0.1 -p "$RESTORE_PORT" -U postgres -d openprobation --exit-on-error "$WORK/openprobation.dump"
echo "pg_restore into a fresh cluster: $(( $(ms_now) - start )) ms"

count_rows() {
    local port=$1
    psql_su "$port" -d openprobation -tA -F' ' <<'SQL'
SELECT format('SELECT %L, count(*) FROM %I.%I', table_name, table_schema, table_name)
  FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
 ORDER BY table_name \gexec
SQL
}
count_rows "$PORT" >"$WORK/counts.primary"
count_rows "$RESTORE_PORT" >"$WORK/counts.restore"
tables=$(wc -l <"$WORK/counts.primary")
rows=$(awk '{s += $2} END {print s}' "$WORK/counts.primary")
status=0
if diff "$WORK/counts.primary" "$WORK/counts.restore" >"$WORK/counts.diff"; then
    echo "row counts equal in all $tables tables ($rows rows)"
else
    echo "FAIL: row counts differ:"; cat "$WORK/counts.diff"; status=1
fi

# The restored database, as the service would see it (the app role, the same key and anchor store).
use_cluster "$RESTORE_PORT"
"$PYTHON" "$ROOT/manage.py" audit_verify || status=1
last_anchor=$(tail -n 1 "$AUDIT_ANCHOR_PATH" | "$PYTHON" -c 'import json,sys; a=json.load(sys.stdin); print(a["seq"], a["hash"])')
restored_head=$(psql_su "$RESTORE_PORT" -d openprobation -tA -F' ' -c "SELECT seq, last_hash FROM audit_auditchainhead")
echo "last external anchor: ${last_anchor:0:24}…; restored chain head: ${restored_head:0:24}…"
if [ "$last_anchor" = "$restored_head" ]; then echo "the restored chain head is the anchored one"; else
    echo "FAIL: the restored chain head is not the last anchor"; status=1; fi
# The restored grants still let the service append (and only append) to the audit.
rm -f "$WORK/stop"
"$PYTHON" "$ROOT/bench/drills/writer.py" "$WORK/acked.restored" "$WORK/stop" 2 2>/dev/null
echo "the service wrote $(wc -l <"$WORK/acked.restored") audited contacts to the restored database"
"$PYTHON" "$ROOT/manage.py" audit_anchor || status=1
echo "load average $(load_average)"
if [ "$status" = 0 ]; then echo "restore drill: PASS"; else echo "restore drill: FAIL"; fi
exit "$status"

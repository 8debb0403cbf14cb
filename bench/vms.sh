#!/usr/bin/env bash
# Virtual machines as Azure PowerShell reads them, at several sizes (issue 17): V0 finds a VM by $filter=ID eq guid'…'
# without $expand (the cost of the VM alone), V1 finds it by
# $filter=ID eq guid'…' and V2 by $filter=Name eq '…', both with the six-way $expand of Get-WAPackVM
# (VirtualNetworkAdapters, VMCheckpoints, VirtualSCSIAdapters, VirtualHardDisks, VirtualDVDDrives, VirtualDiskDrives),
# rotating over 200 VMs, V3 JSON light. On PostgreSQL also V3, VM operations completed per second: PUT
# VirtualMachines(…)?RunAsynchronously=1 with Stop, then Start on the next pass over up to 50,000 VMs
# (bench/operations.lua, zero-duration jobs), counted until the queue drains, as B4 counts service operations.
# The VMs and their six device rows are generated inside the database by bench/generate-vms.sql through
# POST /_localpack/fixtures/sql. JAVA_OPTS goes to the LocalPack JVM.
#   bench/vms.sh                                   # 10000 VMs, PostgreSQL, 10 s runs
#   SIZES="10000 1000000" bench/vms.sh            # also a million VMs (7 M rows)
#   DBS="h2 postgres" bench/vms.sh
#   bench/vms.sh --smoke                           # 1000 VMs, 1 s runs
# PostgreSQL: the local server (PGHOST/PGPORT/PGUSER, default 127.0.0.1:5432 postgres); a database per size.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=${SIZES:-"10000"}; DBS=${DBS:-"postgres"}; DURATION=10s; CONNECTIONS=16
if [ "${1:-}" = "--smoke" ]; then SIZES="1000"; DURATION=1s; fi
WORK=target/bench; mkdir -p "$WORK"
PGHOST=${PGHOST:-127.0.0.1}; PGPORT=${PGPORT:-5432}; PGUSER=${PGUSER:-postgres}
. bench/common.sh
ensure_wrk
find_jar
failed=0
pid=""
trap '[ -n "$pid" ] && kill $pid 2>/dev/null || true' EXIT
trap 'exit 1' INT TERM

EXPAND='$expand=VirtualNetworkAdapters,VMCheckpoints,VirtualSCSIAdapters,VirtualHardDisks,VirtualDVDDrives,VirtualDiskDrives'

echo "| db | VMs | load s | V0 by ID, no expand, req/s | V0 p50 / p99 ms | V1 by ID req/s | V1 p50 / p99 ms | V2 by Name req/s | V2 p50 / p99 ms | V3 VM operations, jobs/s |"
echo "|---|---|---|---|---|---|---|---|---|---|"
for db in $DBS; do
  for n in $SIZES; do
    port=$(free_port); args=(--server.port=$port --localpack.journal.enabled=false --logging.level.root=WARN
      --localpack.jobs.duration-factor=0 --localpack.jobs.poll-interval=5ms)
    name=bench_lp_vms_$n
    generated_vms_sql "$db" "$n" >"$WORK/generate-vms-$db-$n.sql"
    start_with_data "$db" "$name" "$WORK/vms-$db-$n.log" "$WORK/generate-vms-$db-$n.sql" "${args[@]}"
    if [ "$db" = postgres ]; then # fresh statistics, as autovacuum would have them on a database in use
      psql -q -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d "$name" -c "ANALYZE" >/dev/null
    fi
    : >"$WORK/vms-v0"; : >"$WORK/vms-v1"; : >"$WORK/vms-v2"
    for k in $(seq 1 200); do
      i=$(( (k * 7919) % n + 1 )); sub=$(uuid 6b000000 $(( (i - 1) / 1000 + 1 )))
      root="/$sub/services/systemcenter/vmm/VirtualMachines"
      echo "$root?\$filter=ID%20eq%20guid%27$(uuid 6f000000 $i)%27" >>"$WORK/vms-v0"
      echo "$root?\$filter=ID%20eq%20guid%27$(uuid 6f000000 $i)%27&$EXPAND" >>"$WORK/vms-v1"
      echo "$root?\$filter=Name%20eq%20%27VM%20$(printf '%07d' $i)%27&$EXPAND" >>"$WORK/vms-v2"
    done
    # every answer must hold its VM with its six devices, or the figures measure something else
    check=$(curl -s "$base$(head -1 "$WORK/vms-v1")" -H 'Accept: application/json' -H 'DataServiceVersion: 3.0' \
      -H 'MaxDataServiceVersion: 3.0')
    for nav in VirtualNetworkAdapters VMCheckpoints VirtualSCSIAdapters VirtualHardDisks VirtualDVDDrives VirtualDiskDrives; do
      grep -q "\"$nav\":\[{" <<<"$check" || { echo "V1 answer lacks $nav: $check" >&2; failed=$(( failed + 1 )); }
    done
    row="| $db | $n | $load"
    for w in v0 v1 v2; do
      WRK_PATHS="$WORK/vms-$w" wrk -t2 -c$CONNECTIONS -d2s -s bench/rotate-keys.lua "$base" >/dev/null # warm-up
      r=$(WRK_PATHS="$WORK/vms-$w" wrk -t2 -c$CONNECTIONS -d$DURATION -s bench/rotate-keys.lua "$base" | grep '^RESULT')
      rps=$(sed -E 's/.*rps=([0-9.]+).*/\1/' <<<"$r"); p50=$(sed -E 's/.*p50_ms=([0-9.]+).*/\1/' <<<"$r")
      p99=$(sed -E 's/.*p99_ms=([0-9.]+).*/\1/' <<<"$r"); errors=$(sed -E 's/.*errors=([0-9]+).*/\1/' <<<"$r")
      row="$row | $rps$([ "$errors" = 0 ] || echo " ($errors errors)") | $p50 / $p99"
      failed=$(( failed + errors ))
    done
    jobs="–"
    if [ "$db" = postgres ]; then # V3: operations accepted at once, jobs completed per second until the queue drains
      vm_operation_paths "$n" >"$WORK/vms-v3"
      count() { psql -tA -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d "$name" -c "$1"; }
      drain() { until [ "$(count "SELECT COUNT(*) FROM jobs WHERE status IN ('Queued', 'Running')")" = 0 ]; do
        sleep 0.1; done; }
      before=$(count "SELECT COUNT(*) FROM jobs WHERE status = 'Completed'")
      start=$(date +%s%N)
      r=$(WRK_PATHS="$WORK/vms-v3" WRK_THREADS=2 wrk -t2 -c$CONNECTIONS -d$DURATION -s bench/operations.lua "$base" \
        | grep '^RESULT')
      failed=$(( failed + $(sed -E 's/.*errors=([0-9]+).*/\1/' <<<"$r") ))
      drain
      done_jobs=$(( $(count "SELECT COUNT(*) FROM jobs WHERE status = 'Completed'") - before ))
      jobs=$(awk -v n=$done_jobs -v ns=$(( $(date +%s%N) - start )) 'BEGIN { printf "%.0f (%d jobs)", n / (ns / 1e9), n }')
    fi
    echo "$row | $jobs |"
    kill $pid; wait $pid 2>/dev/null || true; pid=""
  done
done
[ "$failed" = 0 ] || { echo "$failed requests failed" >&2; exit 1; }
